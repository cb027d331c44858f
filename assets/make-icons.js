#!/usr/bin/env node
// Draws the add-in's icons (16, 32, 64, 80 px): a green tile, a white sheet with grid
// lines and a check mark, and a small red target. No image library: shapes are tested
// per sample point (4x4 samples per pixel for smooth edges) and written as PNG by hand
// (zlib for the deflate stream, CRC-32 computed here).
// Usage: node assets/make-icons.js   (writes assets/icon-<size>.png)
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const GREEN = [30, 113, 69, 255];
const WHITE = [255, 255, 255, 255];
const GRID = [169, 208, 142, 255];
const RED = [192, 0, 0, 255];

function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function disc(cx, cy, r) {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** A thick polyline: points closer than w/2 to a segment. */
function stroke(points, w) {
  return (x, y) => {
    for (let i = 0; i + 1 < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[i + 1];
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2) return true;
    }
    return false;
  };
}

function and(a, b) {
  return (x, y) => a(x, y) && b(x, y);
}

const sheet = roundRect(0.14, 0.12, 0.78, 0.88, 0.05);
const gridLines = (x, y) =>
  [0.31, 0.5, 0.69].some((g) => Math.abs(y - g) < 0.018) || Math.abs(x - 0.34) < 0.018;

/** Painter's order: later shapes cover earlier ones. */
const LAYERS = [
  [roundRect(0.02, 0.02, 0.98, 0.98, 0.18), GREEN],
  [sheet, WHITE],
  [and(sheet, gridLines), GRID],
  [stroke([[0.25, 0.5], [0.39, 0.65], [0.64, 0.3]], 0.1), GREEN],
  [disc(0.75, 0.75, 0.235), WHITE],
  [disc(0.75, 0.75, 0.2), RED],
  [disc(0.75, 0.75, 0.135), WHITE],
  [disc(0.75, 0.75, 0.07), RED],
];

function colourAt(x, y) {
  let c = [0, 0, 0, 0];
  for (const [inside, colour] of LAYERS) if (inside(x, y)) c = colour;
  return c;
}

function render(size) {
  const S = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const acc = [0, 0, 0, 0];
      for (let sj = 0; sj < S; sj++) {
        for (let si = 0; si < S; si++) {
          const c = colourAt((i + (si + 0.5) / S) / size, (j + (sj + 0.5) / S) / size);
          // Premultiplied sums so transparent samples do not darken the edges.
          acc[0] += c[0] * c[3];
          acc[1] += c[1] * c[3];
          acc[2] += c[2] * c[3];
          acc[3] += c[3];
        }
      }
      const o = (j * size + i) * 4;
      const a = acc[3];
      px[o] = a ? Math.round(acc[0] / a) : 0;
      px[o + 1] = a ? Math.round(acc[1] / a) : 0;
      px[o + 2] = a ? Math.round(acc[2] / a) : 0;
      px[o + 3] = Math.round(a / (S * S));
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  for (const size of [16, 32, 64, 80]) {
    const file = path.join(__dirname, `icon-${size}.png`);
    fs.writeFileSync(file, png(size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { render, png, crc32 };

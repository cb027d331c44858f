// A plain zip archive (no ZIP64: the rollup is far below 4 GB) of named text parts, each
// deflated with Node's zlib. Fixed timestamps keep the bytes identical for identical inputs.
import zlib from 'zlib';

/** 2000-01-01 00:00 in MS-DOS time and date. */
const DOS_TIME = 0;
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;

let table: Int32Array | undefined;
/** CRC-32 of the bytes: Node's own where it has one (20.15 and later), a table otherwise. */
export function crc32(data: Uint8Array): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A zip archive built part by part: each part is deflated when added and its text let go. */
export class ZipBuilder {
  private chunks: Buffer[] = [];
  private central: Buffer[] = [];
  private offset = 0;
  private count = 0;

  constructor(private readonly level = 6) {}

  add(name: string, content: string | Uint8Array): void {
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const data = zlib.deflateRawSync(raw, { level: this.level });
    const crc = crc32(raw);
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(this.offset, 42);
    this.central.push(entry, fileName);
    this.chunks.push(local, fileName, data);
    this.offset += local.length + fileName.length + data.length;
    this.count++;
  }

  bytes(): Buffer {
    const centralSize = this.central.reduce((n, b) => n + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, ...this.central, end]);
  }
}

/** The parts, in order, as the bytes of a zip archive. */
export function zipParts(parts: Array<[string, string | Uint8Array]>, level = 6): Buffer {
  const zip = new ZipBuilder(level);
  for (const [name, content] of parts) zip.add(name, content);
  return zip.bytes();
}

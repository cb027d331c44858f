// The command line unpacks reports with Node's zlib, several times faster than the JavaScript
// inflate the pane uses (src/files/xlsx.ts falls back to it at anything unusual in a zip).
import zlib from 'zlib';
import { Inflater, useInflater } from '../files/xlsx';
import { PeekInflater, usePeekInflater } from '../files/zip';

export const nodeInflate: Inflater = (data, size) => {
  // Never more than the directory declares (one byte over it throws, and the reader checks the
  // size); a stream without its final block is read as far as it goes, as fflate reads it. The
  // output comes in one chunk of the declared size (up to 1 MB) rather than 16 KB pieces joined
  // after: a third less CPU on a report's parts (`npm run bench`).
  const chunkSize = Math.min(Math.max(64, size + 1), 1 << 20);
  const out = zlib.inflateRawSync(data, { maxOutputLength: size + 1, finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

useInflater(nodeInflate);

// The start of an entry, for the limits checked before a report is read (its sheets' declared
// extent). A stream cut short is read as far as it goes; one that would inflate past 1 MB (a zip
// bomb's first bytes) is left to the JavaScript inflate, which stops at what was asked.
export const nodePeek: PeekInflater = (compressedStart) => {
  try {
    const out = zlib.inflateRawSync(compressedStart, { maxOutputLength: 1 << 20, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch {
    return null;
  }
};

usePeekInflater(nodePeek);

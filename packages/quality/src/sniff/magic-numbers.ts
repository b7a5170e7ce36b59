import type { SniffedFormat } from './sniffed-resource.ts';

/** What the first bytes prove, before any container or text is looked into. */
export type Signature =
  | { kind: 'format'; format: SniffedFormat; reason: string }
  | { kind: 'zip' }
  | { kind: 'ole' }
  | { kind: 'gzip' }
  | { kind: 'none' };

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);

const ascii = (head: Uint8Array, from: number, to: number): string =>
  Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1', from, to);

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Fixed signatures: [bytes, offset, format, what]. */
const SIGNATURES: readonly [readonly number[], number, SniffedFormat, string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 0, 'PDF', '%PDF- header'],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0, 'PNG', 'PNG signature'],
  [[0xff, 0xd8, 0xff], 0, 'JPG', 'JPEG SOI marker'],
  [[0x47, 0x49, 0x46, 0x38], 0, 'GIF', 'GIF8 header'],
  [[0x49, 0x49, 0x2a, 0x00], 0, 'TIFF', 'little-endian TIFF header'],
  [[0x4d, 0x4d, 0x00, 0x2a], 0, 'TIFF', 'big-endian TIFF header'],
  [[0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 0, 'RAR', 'Rar! signature'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 0, '7Z', '7z signature'],
  [[0x66, 0x74, 0x79, 0x70], 4, 'MP4', 'ftyp box'],
  [[0x42, 0x4d], 0, 'BMP', 'BM header'],
];

/** An ESRI shapefile main file (.shp): file code 9994 big-endian, version 1000 little-endian. */
function isShapefile(head: Uint8Array): boolean {
  return startsWith(head, [0x00, 0x00, 0x27, 0x0a]) && startsWith(head, [0xe8, 0x03, 0x00, 0x00], 28);
}

/** Reads the signature at the start of a file. */
export function readSignature(head: Uint8Array): Signature {
  if (
    startsWith(head, [0x50, 0x4b]) &&
    [0x0304, 0x0506, 0x0708].includes(((head[2] ?? 0) << 8) | (head[3] ?? 0))
  )
    return { kind: 'zip' };
  if (startsWith(head, OLE)) return { kind: 'ole' };
  if (startsWith(head, [0x1f, 0x8b, 0x08])) return { kind: 'gzip' };
  for (const [bytes, at, format, what] of SIGNATURES) {
    if (!startsWith(head, bytes, at)) continue;
    // BM alone is two ASCII letters: also require a plausible BMP header size.
    if (format === 'BMP' && !(head.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(head[14] ?? 0)))
      continue;
    return { kind: 'format', format, reason: `${what} at byte ${at}` };
  }
  if (/^AC10\d\d$/.test(ascii(head, 0, 6)))
    return { kind: 'format', format: 'DWG', reason: `AutoCAD ${ascii(head, 0, 6)} header` };
  if (isShapefile(head))
    return { kind: 'format', format: 'SHP', reason: 'shapefile main header (file code 9994)' };
  return { kind: 'none' };
}

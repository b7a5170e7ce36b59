import type { Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';

/** The content codings that are decoded; others are kept as sent. */
export const DECODED_CODINGS = ['gzip', 'deflate', 'br'] as const;
export type DecodedCoding = (typeof DECODED_CODINGS)[number];

export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** The single coding to decode from a Content-Encoding value, or undefined (identity or unknown). */
export function codingToDecode(contentEncoding: string | undefined): DecodedCoding | undefined {
  if (!contentEncoding) return undefined;
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length !== 1) return undefined;
  const coding = codings[0] === 'x-gzip' ? 'gzip' : codings[0];
  return (DECODED_CODINGS as readonly string[]).includes(coding!) ? (coding as DecodedCoding) : undefined;
}

/** A zlib-wrapped deflate stream starts with a CMF/FLG pair; many servers send raw deflate instead. */
export function looksZlibWrapped(first: Buffer): boolean {
  return first.length >= 2 && (first[0]! & 0x0f) === 8 && ((first[0]! << 8) | first[1]!) % 31 === 0;
}

/**
 * A streaming decoder. With `lenient`, a stream cut short (a partial range) yields what could be
 * decoded so far instead of an "unexpected end of file" error.
 */
export function createDecoder(coding: DecodedCoding, first: Buffer | undefined, lenient: boolean): Transform {
  const options = lenient ? { finishFlush: constants.Z_SYNC_FLUSH } : {};
  if (coding === 'gzip') return createGunzip(options);
  if (coding === 'br')
    return createBrotliDecompress(lenient ? { finishFlush: constants.BROTLI_OPERATION_FLUSH } : {});
  return first && !looksZlibWrapped(first) ? createInflateRaw(options) : createInflate(options);
}

import { looksLikeBig5 } from './big5.ts';
import { readByteOrderMark } from './bom.ts';
import type { EncodingConfidence, EncodingName } from './encoding-name.ts';
import { guessUtf16WithoutBom } from './utf16.ts';
import { isStrictUtf8 } from './utf8.ts';

export interface DetectedEncoding {
  encoding: EncodingName;
  /** The bytes start with a byte-order mark (skipped when decoding). */
  bom: boolean;
  confidence: EncodingConfidence;
}

/**
 * Decides how to read a file's bytes, in this order:
 * 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
 * 2. UTF-16 without a BOM, by its NUL bytes;
 * 3. strict UTF-8 (pure ASCII is UTF-8 too);
 * 4. CP950, when the high bytes form valid Big5 pairs that are mostly common characters;
 * 5. otherwise UTF-8 as a fallback (bad bytes become U+FFFD).
 */
export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  const bom = readByteOrderMark(bytes);
  if (bom) return { encoding: bom.encoding, bom: true, confidence: 'bom' };
  const utf16 = guessUtf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bom: false, confidence: 'likely' };
  if (isStrictUtf8(bytes)) return { encoding: 'UTF-8', bom: false, confidence: 'valid' };
  if (looksLikeBig5(bytes)) return { encoding: 'CP950', bom: false, confidence: 'likely' };
  return { encoding: 'UTF-8', bom: false, confidence: 'fallback' };
}

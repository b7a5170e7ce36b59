import iconv from 'iconv-lite';
import { readByteOrderMark } from './bom.ts';
import { detectEncoding, type DetectedEncoding } from './detect-encoding.ts';
import type { EncodingName } from './encoding-name.ts';

export interface DecodedText extends DetectedEncoding {
  /** The text, without the byte-order mark. */
  text: string;
}

/** WHATWG labels for the encodings TextDecoder reads; CP950 goes through iconv-lite. */
const DECODER_LABELS: Record<Exclude<EncodingName, 'CP950'>, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

/** Decodes bytes in a known encoding, skipping a byte-order mark when there is one. */
export function decodeAs(bytes: Uint8Array, encoding: EncodingName): string {
  const bom = readByteOrderMark(bytes);
  const body = bom && bom.encoding === encoding ? bytes.subarray(bom.length) : bytes;
  if (encoding === 'CP950')
    return iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'cp950');
  return new TextDecoder(DECODER_LABELS[encoding], { ignoreBOM: true }).decode(body);
}

/** Detects the encoding (see detectEncoding) and decodes: what every reader of uploaded files starts with. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const detected = detectEncoding(bytes);
  return { ...detected, text: decodeAs(bytes, detected.encoding) };
}

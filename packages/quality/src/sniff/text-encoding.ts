import type { DecodedText } from '@odp/convert';
import { readByteOrderMark } from '@odp/convert';
import { findMojibake } from './mojibake.ts';
import type { EncodingEvidence, SniffedEncodingName } from './sniffed-resource.ts';

/** The length of the UTF-8 sequence a lead byte starts (0 for a continuation or invalid byte). */
function sequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

/**
 * The part of a file's head to decode: when the head is not the whole file, a character
 * cut at the end is dropped, so that a UTF-8 file stays strictly valid UTF-8 and a
 * UTF-16 file keeps whole code units.
 */
export function textWindow(head: Buffer, partial: boolean): Buffer {
  if (!partial) return head;
  const bom = readByteOrderMark(head);
  if (bom && bom.encoding !== 'UTF-8') return head.subarray(0, head.length - (head.length % 2));
  for (let back = 1; back <= Math.min(4, head.length); back++) {
    const at = head.length - back;
    const length = sequenceLength(head[at] as number);
    if (length === 0) continue; // a continuation byte: keep looking for its lead
    return at + length > head.length ? head.subarray(0, at) : head;
  }
  return head;
}

const NAMES: Record<DecodedText['encoding'], SniffedEncodingName> = {
  'UTF-8': 'utf-8',
  CP950: 'cp950',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

/** How often `needle` occurs in the bytes. */
function countBytes(bytes: Buffer, needle: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + needle.length)) count++;
  return count;
}

const REPLACEMENT_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);

/** The encoding evidence of decoded text: name, 編碼格式 label, invalid sequences, mojibake. */
export function encodingEvidence(
  window: Buffer,
  decoded: DecodedText,
  declaredInFile?: string,
): EncodingEvidence {
  const replacements = [...decoded.text.matchAll(/\uFFFD/g)].length;
  const literal =
    decoded.encoding === 'UTF-8' ? Math.min(replacements, countBytes(window, REPLACEMENT_UTF8)) : 0;
  const name: SniffedEncodingName =
    decoded.encoding === 'UTF-8' && decoded.bom ? 'utf-8-bom' : NAMES[decoded.encoding];
  const label = decoded.encoding === 'CP950' ? 'BIG5' : decoded.encoding === 'UTF-8' ? 'UTF-8' : 'UTF-16';
  return {
    name,
    label,
    bom: decoded.bom,
    confidence: decoded.confidence,
    invalidSequences: replacements - literal,
    mojibake: findMojibake(decoded.text, literal),
    ...(declaredInFile ? { declaredInFile } : {}),
  };
}

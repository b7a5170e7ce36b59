import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { readByteOrderMark } from '../encoding/bom.ts';
import { detectEncoding, type DetectedEncoding } from '../encoding/detect-encoding.ts';
import type { EncodingName } from '../encoding/encoding-name.ts';
import { ConvertError } from '../errors/convert-error.ts';

/** Bytes looked at to decide the encoding (as for delimited text). */
export const XML_SAMPLE_BYTES = 64 * 1024;

/** The encoding an XML file is read in, how it was decided, and what to tell the user. */
export interface XmlEncoding {
  detected: DetectedEncoding;
  /** The iconv-lite codec decoding it (Big5-HKSCS is reported as CP950, its base). */
  codec: string;
  /** The `encoding` of the XML declaration, as written. */
  declared: string | undefined;
  /** Set when the declaration was not followed, or needed a caveat. */
  warning: string | undefined;
}

const CODECS: Record<EncodingName, string> = {
  'UTF-8': 'utf8',
  'UTF-16LE': 'utf16le',
  'UTF-16BE': 'utf16be',
  CP950: 'cp950',
};

/**
 * Declared names (case-insensitive) → the encoding odp reads them as. Big5 as
 * governments write it is Windows' CP950 (what the detector reports too); `utf-16`
 * takes its byte order from the first bytes.
 */
const DECLARED: Record<string, EncodingName | 'UTF-16'> = {
  'utf-8': 'UTF-8',
  utf8: 'UTF-8',
  'us-ascii': 'UTF-8',
  ascii: 'UTF-8',
  big5: 'CP950',
  'x-big5': 'CP950',
  'cn-big5': 'CP950',
  csbig5: 'CP950',
  cp950: 'CP950',
  'windows-950': 'CP950',
  ms950: 'CP950',
  'big5-hkscs': 'CP950',
  big5hkscs: 'CP950',
  'utf-16': 'UTF-16',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

const isHkscs = (label: string): boolean => /^big5-?hkscs$/i.test(label);

/** The `encoding` pseudo-attribute of an ASCII-compatible XML declaration. */
export function declaredEncoding(head: Uint8Array): string | undefined {
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 1024)).toString('latin1');
  return /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([A-Za-z][\w.:-]*)\1/.exec(start)?.[2];
}

/** A cut sample may end inside a multi-byte character: cut it after its last ASCII byte. */
function detectionSample(bytes: Uint8Array, complete: boolean): Uint8Array {
  if (complete) return bytes;
  for (let i = bytes.length - 1; i >= 0; i--)
    if ((bytes[i] as number) < 0x80) return bytes.subarray(0, i + 1);
  return bytes;
}

const hasHighBytes = (bytes: Uint8Array): boolean => bytes.some((b) => b >= 0x80);

/**
 * Decides how to read an XML file from its first bytes, in this order:
 * 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) — it overrides any declaration;
 * 2. `<?` as UTF-16 code units without a BOM (XML 1.0 appendix F);
 * 3. the declaration's `encoding` (Big5/CP950 names, UTF-8, UTF-16), unless the bytes
 *    contradict it: a file declared Big5 whose bytes are valid UTF-8 with non-ASCII
 *    text is read as UTF-8 (valid multi-byte UTF-8 is almost never an accident, and
 *    reading it as Big5 would give mojibake), one declared UTF-8 whose bytes are not
 *    UTF-8 but read as ordinary Big5 Chinese is read as CP950 — editors copy the
 *    declaration, the bytes are what was saved; a warning says so;
 * 4. the detector (BOM-less UTF-16, strict UTF-8, CP950 likelihood).
 * Bytes neither UTF-8, UTF-16 nor plausible CP950, declared in an encoding odp does not
 * read, or undeclared → INVALID_ENCODING. Decided on the first 64 KB, like delimited text.
 * A declaration followed (or UTF-16 told by its `<?`) is reported with confidence `valid`.
 */
export function chooseXmlEncoding(head: Uint8Array, complete: boolean): XmlEncoding {
  const result = (detected: DetectedEncoding, declared?: string, warning?: string): XmlEncoding => ({
    detected,
    codec:
      declared && isHkscs(declared) && detected.encoding === 'CP950'
        ? 'big5hkscs'
        : CODECS[detected.encoding],
    declared,
    warning,
  });
  const bom = readByteOrderMark(head);
  if (bom) return result({ encoding: bom.encoding, bom: true, confidence: 'bom' });
  const [b0, b1, b2, b3] = head;
  if (b0 === 0x3c && b1 === 0 && b2 === 0x3f && b3 === 0)
    return result({ encoding: 'UTF-16LE', bom: false, confidence: 'valid' }, 'UTF-16');
  if (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 === 0x3f)
    return result({ encoding: 'UTF-16BE', bom: false, confidence: 'valid' }, 'UTF-16');

  const sample = detectionSample(head, complete);
  const detected = detectEncoding(sample);
  const label = declaredEncoding(head);
  const declared = label === undefined ? undefined : DECLARED[label.toLowerCase()];
  const readAs = (name: EncodingName) => (name === 'CP950' ? 'Big5/CP950' : name);
  const refuse = (why: string): never => {
    throw new ConvertError('INVALID_ENCODING', `${why}; odp reads XML in UTF-8, UTF-16 and Big5/CP950`);
  };
  if (declared !== 'UTF-8' && declared !== 'CP950') {
    if (detected.confidence === 'fallback') {
      refuse(
        label === undefined
          ? 'The XML has no encoding declaration and its bytes are neither UTF-8, UTF-16 nor Big5'
          : `The XML declares encoding "${label}", which its bytes do not match`,
      );
    }
    if (label === undefined) return result(detected);
    const why =
      declared === undefined ? 'which odp does not read' : 'but has no byte-order mark or UTF-16 bytes';
    return result(
      detected,
      label,
      `The XML declares encoding "${label}", ${why}; the bytes were read as ${readAs(detected.encoding)}`,
    );
  }
  if (
    declared === 'CP950' &&
    detected.encoding === 'UTF-8' &&
    detected.confidence === 'valid' &&
    hasHighBytes(sample)
  ) {
    return result(
      detected,
      label,
      `The XML declares encoding "${label}" but its bytes are valid UTF-8: read as UTF-8 (as ${label} it would be mojibake)`,
    );
  }
  if (declared === 'UTF-8' && detected.encoding === 'CP950') {
    return result(
      detected,
      label,
      `The XML declares encoding "${label}" but its bytes are not UTF-8 and read as Big5 Chinese: read as Big5/CP950`,
    );
  }
  return result({ encoding: declared, bom: false, confidence: 'valid' }, label);
}

/** What decoding an XML file found; complete once its text has been read to the end. */
export interface XmlDecoding {
  encoding?: XmlEncoding | undefined;
  /** U+FFFD characters produced by undecodable bytes. */
  replacements: number;
}

/**
 * The file's text, decoded chunk by chunk (bounded memory: the 64 KB sample, then one
 * stream chunk at a time), without a byte-order mark. Fills in `decoding` as it goes.
 */
export async function* decodeXmlFile(
  file: string,
  decoding: XmlDecoding,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<string> {
  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const emit = (text: string): string => {
    decoding.replacements += text.match(/\uFFFD/g)?.length ?? 0;
    return text;
  };
  try {
    const head: Buffer[] = [];
    let size = 0;
    let complete = false;
    while (size < XML_SAMPLE_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        complete = true;
        break;
      }
      head.push(next.value);
      size += next.value.length;
    }
    const sample = Buffer.concat(head);
    const encoding = chooseXmlEncoding(sample.subarray(0, XML_SAMPLE_BYTES), complete);
    decoding.encoding = encoding;
    const decoder = iconv.getDecoder(encoding.codec, { stripBOM: true });
    yield emit(decoder.write(sample));
    onBytes?.(stream.bytesRead);
    if (!complete) {
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        yield emit(decoder.write(next.value));
        onBytes?.(stream.bytesRead);
      }
    }
    const tail = decoder.end();
    if (tail) yield emit(tail);
  } finally {
    await chunks.return?.();
  }
}

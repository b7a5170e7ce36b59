import iconv from 'iconv-lite';
import { detectEncoding, type DetectedEncoding } from '../encoding/detect-encoding.ts';
import type { EncodingName } from '../encoding/encoding-name.ts';
import { ConvertError } from '../errors/convert-error.ts';

/** Bytes looked at to decide the encoding and the delimiter. */
export const SAMPLE_BYTES = 64 * 1024;

const ICONV_NAMES: Record<EncodingName, string> = {
  'UTF-8': 'utf8',
  'UTF-16LE': 'utf16le',
  'UTF-16BE': 'utf16be',
  CP950: 'cp950',
};

/** Turns bytes into text chunk by chunk, holding back a character cut at a chunk's end. */
export interface Decoder {
  write(bytes: Buffer): string;
  end(): string | undefined;
}

/**
 * UTF-8 through the WHATWG TextDecoder (native, several times faster than iconv-lite's);
 * it drops a leading byte-order mark and replaces bad bytes by U+FFFD as iconv-lite does.
 */
function utf8Decoder(): Decoder {
  const decoder = new TextDecoder('utf-8');
  return {
    write: (bytes) => decoder.decode(bytes, { stream: true }),
    end: () => decoder.decode(),
  };
}

export const decoderFor = (encoding: EncodingName): Decoder =>
  encoding === 'UTF-8' ? utf8Decoder() : iconv.getDecoder(ICONV_NAMES[encoding], { stripBOM: true });

/** A byte source opened for decoding: the encoding found and the decoded start of the text. */
export interface TextSource {
  encoding: DetectedEncoding;
  /** The decoded sample (about the first 64 KB), without a byte-order mark. */
  sample: string;
  /** The sample is the whole file. */
  complete: boolean;
  decoder: Decoder;
  rest: AsyncIterator<Uint8Array | string>;
}

const toBuffer = (chunk: Uint8Array | string): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk)
    : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/**
 * A cut sample may end inside a multi-byte character, which strict UTF-8 would reject:
 * cut it after its last ASCII byte (for BOM-less UTF-16 of ASCII text that is the NUL
 * half of a code unit, which keeps the length even).
 */
function detectionSample(bytes: Buffer, complete: boolean): Buffer {
  if (complete) return bytes;
  for (let i = bytes.length - 1; i >= 0; i--)
    if ((bytes[i] as number) < 0x80) return bytes.subarray(0, i + 1);
  return bytes;
}

const isUtf16 = (encoding: EncodingName): boolean => encoding === 'UTF-16LE' || encoding === 'UTF-16BE';

export function rejectBinary(bytes: Buffer, encoding: EncodingName): void {
  if (!isUtf16(encoding) && bytes.includes(0)) {
    throw new ConvertError('NOT_TEXT', 'The file contains NUL bytes: it is binary, not text');
  }
}

export function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

/** Reads the first 64 KB, detects the encoding (reusing detectEncoding) and decodes that sample. */
export async function openTextSource(source: AsyncIterable<Uint8Array | string>): Promise<TextSource> {
  const rest = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = false;
  while (size < SAMPLE_BYTES) {
    const next = await rest.next();
    if (next.done) {
      complete = true;
      break;
    }
    const chunk = toBuffer(next.value);
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(chunks);
  const encoding = detectEncoding(detectionSample(head.subarray(0, SAMPLE_BYTES), complete));
  const bomLength = encoding.bom ? (encoding.encoding === 'UTF-8' ? 3 : 2) : 0;
  if (head.length <= bomLength && complete) throw new ConvertError('EMPTY_FILE', 'The file is empty');
  rejectBinary(head, encoding.encoding);
  if (encoding.confidence === 'fallback') {
    throw new ConvertError('INVALID_ENCODING', 'The bytes are neither UTF-8, UTF-16 nor CP950 (Big5)');
  }
  const decoder = decoderFor(encoding.encoding);
  const sample = decoder.write(head);
  return { encoding, sample, complete, decoder, rest };
}

/** The decoded text, chunk by chunk: the sample first, then the rest of the source. */
export async function* decodeChunks(
  text: TextSource,
  onReplacement: (count: number) => void,
): AsyncGenerator<string> {
  const emit = (decoded: string): string => {
    const replaced = countReplacements(decoded);
    if (replaced > 0) onReplacement(replaced);
    return decoded;
  };
  try {
    if (text.sample) yield emit(text.sample);
    if (!text.complete) {
      for (let next = await text.rest.next(); !next.done; next = await text.rest.next()) {
        const chunk = toBuffer(next.value);
        rejectBinary(chunk, text.encoding.encoding);
        const decoded = text.decoder.write(chunk);
        if (decoded) yield emit(decoded);
      }
    }
    const tail = text.decoder.end();
    if (tail) yield emit(tail);
  } finally {
    await text.rest.return?.();
  }
}

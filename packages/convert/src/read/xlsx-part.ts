import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { ConvertError } from '../errors/convert-error.ts';
import type { OpenZip, ZipEntryInfo } from './zip-entries.ts';

/** An element name without its namespace prefix (`x:row` → `row`): some writers prefix SpreadsheetML. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * A SAX parser for one part of a workbook. saxes never fetches or expands external
 * entities; a DOCTYPE declaring any entity is refused (`XML_ENTITY_REFUSED`) before one
 * could expand (billion laughs). SpreadsheetML never needs a DOCTYPE.
 */
export function createPartParser(part: string): SaxesParser {
  const parser = new SaxesParser();
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new ConvertError('XML_ENTITY_REFUSED', `${part} declares entities in its DOCTYPE; refused`);
    }
  });
  return parser;
}

/** Any failure reading a part as a stable error: ours as is, the rest (bad XML, bad deflate) `CORRUPT_FILE`. */
export function partError(part: string, error: unknown): ConvertError {
  if (error instanceof ConvertError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ConvertError('CORRUPT_FILE', `The XLSX part ${part} is damaged: ${detail}`, { cause: error });
}

/**
 * Inflates one entry through `parser` chunk by chunk (never the whole part in memory),
 * yielding after each chunk so the caller can hand on what the chunk produced.
 * `onBytes` gets the compressed bytes consumed so far (estimated from the ratio).
 *
 * When the caller stops early (the table ended before the sheet did) or the XML is bad,
 * the rest of the entry is drained unparsed in the background rather than dropped: the
 * archive's file handle is only released once every entry stream it opened has ended.
 */
export async function* streamPart(
  zip: OpenZip,
  info: ZipEntryInfo,
  parser: SaxesParser,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<void> {
  const decoder = new StringDecoder('utf8');
  const scale = info.compressedSize / Math.max(1, info.uncompressedSize);
  let inflated = 0;
  let first = true;
  let stream: Readable | undefined;
  let ended = false;
  try {
    stream = await zip.open(info);
    for await (const chunk of stream.iterator({ destroyOnReturn: false })) {
      const text = decoder.write(chunk as Buffer);
      parser.write(first ? text.replace(/^\uFEFF/, '') : text);
      first = false;
      inflated += (chunk as Buffer).length;
      onBytes?.(Math.round(inflated * scale));
      yield;
    }
    ended = true;
    parser.write(decoder.end());
    parser.close();
  } catch (error) {
    throw partError(info.name, error);
  } finally {
    if (stream && !ended && !stream.destroyed) {
      stream.on('error', () => {}); // nobody reads on: a late ZIP_BOMB or inflate error is moot
      stream.resume();
    }
  }
}

/** Parses a whole (small) part: the workbook, its relationships, shared strings, styles. */
export async function parsePart(zip: OpenZip, info: ZipEntryInfo, parser: SaxesParser): Promise<void> {
  for await (const _ of streamPart(zip, info, parser));
}

import type { Writable } from 'node:stream';
import type { CellValue, SinkColumn, TableSink } from './table-sink.ts';
import type { TextFormat } from './text-format.ts';
import { createTextWriter } from './text-writer.ts';

// Characters XML 1.0 does not allow at all (C0 controls but tab/newline/CR, U+FFFE/U+FFFF, lone surrogates).
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * An element name for a column: letters (CJK included), digits, `_`, `-`, `.`;
 * anything else becomes `_`; a name that cannot start an element gets a `_` prefix.
 */
export function xmlElementName(column: string): string {
  let name = column.normalize('NFC').replace(/[^\p{L}\p{N}_.-]/gu, '_');
  if (name === '' || !/^[\p{L}_]/u.test(name) || /^xml/i.test(name)) name = `_${name}`;
  return name;
}

function uniqueNames(columns: readonly SinkColumn[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const base = xmlElementName(c.name);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

export interface XmlWriterOptions {
  root?: string;
  row?: string;
}

/** `<rows><row><欄位>值</欄位>…</row>…</rows>`, UTF-8, escaped; null cells are empty elements. */
export function xmlFormat(columns: readonly SinkColumn[], options: XmlWriterOptions = {}): TextFormat {
  const root = xmlElementName(options.root ?? 'rows');
  const rowName = xmlElementName(options.row ?? 'row');
  const names = uniqueNames(columns);
  const begin = `<?xml version="1.0" encoding="UTF-8"?>\n<${root}>\n`;
  const end = `</${root}>\n`;
  const row = (cells: readonly CellValue[]): string => {
    let text = `  <${rowName}>`;
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const v = cells[i] ?? null;
      text += v === null ? `<${name}/>` : `<${name}>${escapeXml(String(v))}</${name}>`;
    }
    return `${text}</${rowName}>\n`;
  };
  return { begin, separator: '', row, end, empty: begin + end };
}

/** The XML document of xmlFormat, streamed. */
export function createXmlWriter(
  out: Writable,
  columns: readonly SinkColumn[],
  options: XmlWriterOptions = {},
): TableSink {
  return createTextWriter(out, xmlFormat(columns, options));
}

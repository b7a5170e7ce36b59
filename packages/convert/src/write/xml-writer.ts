import type { Writable } from 'node:stream';
import { TextOutput, type SinkColumn, type TableSink } from './table-sink.ts';

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
export function createXmlWriter(
  out: Writable,
  columns: readonly SinkColumn[],
  options: XmlWriterOptions = {},
): TableSink {
  const output = new TextOutput(out);
  const root = xmlElementName(options.root ?? 'rows');
  const rowName = xmlElementName(options.row ?? 'row');
  const names = uniqueNames(columns);
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    await output.write(`<?xml version="1.0" encoding="UTF-8"?>\n<${root}>\n`);
  };
  return {
    async write(row) {
      await start();
      const cells = names
        .map((name, i) => {
          const v = row[i] ?? null;
          return v === null ? `<${name}/>` : `<${name}>${escapeXml(String(v))}</${name}>`;
        })
        .join('');
      await output.write(`  <${rowName}>${cells}</${rowName}>\n`);
    },
    async end() {
      await start();
      await output.write(`</${root}>\n`);
      await output.flush();
    },
  };
}

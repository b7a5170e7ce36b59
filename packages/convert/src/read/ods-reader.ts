import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ConvertError } from '../errors/convert-error.ts';
import { emptySummary, type RecordReader, type RecordSource, type SourceRecord } from './record-source.ts';
import { openZip } from './zip-entries.ts';

/** Caps on `number-columns-repeated` / `number-rows-repeated` (sheets pad with huge repeats). */
const MAX_COLUMNS = 16384;
const MAX_ROW_REPEAT = 1000;

const CELL = new Set(['table:table-cell', 'table:covered-table-cell']);

function typedValue(attributes: Record<string, string>): string | undefined {
  switch (attributes['office:value-type']) {
    case 'float':
    case 'percentage':
    case 'currency':
      return attributes['office:value'];
    case 'date':
      return attributes['office:date-value']?.replace(/T00:00:00(\.0+)?$/, '');
    case 'boolean':
      return attributes['office:boolean-value'];
    default:
      return undefined;
  }
}

/** Parses content.xml incrementally, calling `onRow` for each non-empty row of the wanted table. */
export function createOdsRowParser(
  sheet: string | undefined,
  onRow: (table: string, cells: string[], line: number) => void,
): { parser: SaxesParser; tableNames: string[]; found: () => string | undefined } {
  const parser = new SaxesParser();
  const tableNames: string[] = [];
  let table: string | undefined;
  let depth = 0; // nesting of table:table
  let found: string | undefined;
  let done = false;
  let line = 0;
  let row: string[] | undefined;
  let rowRepeat = 1;
  let pendingBlanks = 0;
  let cell: { text: string; value: string | undefined; repeat: number; paragraphs: number } | undefined;
  let annotation = 0;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'table:table') {
      if (depth++ === 0) {
        table = a['table:name'] ?? `Sheet${tableNames.length + 1}`;
        tableNames.push(table);
        line = 0;
      }
    } else if (done || depth !== 1 || (sheet !== undefined && table !== sheet)) return;
    else if (tag.name === 'table:table-row') {
      row = [];
      pendingBlanks = 0;
      rowRepeat = Math.min(MAX_ROW_REPEAT, Number(a['table:number-rows-repeated'] ?? 1) || 1);
    } else if (row && CELL.has(tag.name)) {
      const repeat = Number(a['table:number-columns-repeated'] ?? 1) || 1;
      cell = { text: '', value: typedValue(a), repeat, paragraphs: 0 };
    } else if (cell && tag.name === 'office:annotation') annotation++;
    else if (cell && !annotation) {
      if (tag.name === 'text:p' && cell.paragraphs++ > 0) cell.text += '\n';
      else if (tag.name === 'text:s') cell.text += ' '.repeat(Math.min(1000, Number(a['text:c'] ?? 1) || 1));
      else if (tag.name === 'text:tab') cell.text += '\t';
      else if (tag.name === 'text:line-break') cell.text += '\n';
    }
  });
  parser.on('text', (text) => {
    if (cell && !annotation) cell.text += text;
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (tag.name === 'table:table') {
      if (--depth === 0 && found !== undefined) done = true;
    } else if (tag.name === 'office:annotation' && annotation > 0) annotation--;
    else if (cell && row && CELL.has(tag.name)) {
      const value = cell.value ?? cell.text;
      if (value.trim() === '') pendingBlanks += cell.repeat;
      else {
        const width = Math.min(MAX_COLUMNS, row.length + pendingBlanks + cell.repeat);
        while (row.length < width - cell.repeat) row.push('');
        while (row.length < width) row.push(value);
        pendingBlanks = 0;
      }
      cell = undefined;
    } else if (row && tag.name === 'table:table-row') {
      const cells = row;
      row = undefined;
      for (let i = 0; i < rowRepeat; i++) {
        line++;
        if (cells.length === 0 || table === undefined) continue;
        found = table;
        onRow(table, cells, line);
      }
    }
  });
  return { parser, tableNames, found: () => found };
}

/** An OpenDocument spreadsheet: the named table (sheet), or the first with data, from content.xml. */
export const readOdsFile: RecordReader = (path, options): RecordSource => {
  const summary = emptySummary();
  async function* records(): AsyncGenerator<SourceRecord> {
    const zip = await openZip(path);
    try {
      const content = zip.entries.find((e) => e.name === 'content.xml');
      if (!content)
        throw new ConvertError('UNSUPPORTED_INPUT', `${path} has no content.xml: not a spreadsheet`);
      const queue: SourceRecord[] = [];
      const ods = createOdsRowParser(options.sheet, (table, cells, line) => {
        summary.part = table;
        queue.push({ cells, line });
      });
      const decoder = new StringDecoder('utf8');
      const scale = content.compressedSize / Math.max(1, content.uncompressedSize);
      let bytes = 0;
      for await (const chunk of await zip.open(content)) {
        ods.parser.write(decoder.write(chunk as Buffer));
        options.onBytes?.(Math.round((bytes += (chunk as Buffer).length) * scale));
        yield* queue.splice(0);
      }
      ods.parser.write(decoder.end());
      ods.parser.close();
      yield* queue.splice(0);
      if (options.sheet !== undefined && !ods.tableNames.includes(options.sheet)) {
        throw new ConvertError(
          'SHEET_NOT_FOUND',
          `No sheet named ${options.sheet}; the sheets are: ${ods.tableNames.join(', ')}`,
        );
      }
    } finally {
      zip.close();
    }
  }
  return { [Symbol.asyncIterator]: () => records(), summary };
};

import { readFile } from 'node:fs/promises';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { decodeText } from '../encoding/decode-text.ts';
import { ConvertError } from '../errors/convert-error.ts';
import { emptySummary, type RecordReader, type SourceRecord, type SourceSummary } from './record-source.ts';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

const isElement = (node: Node): node is Element => 'tagName' in node;
const childrenOf = (node: Node): Node[] =>
  node.nodeName === 'template'
    ? (node as DefaultTreeAdapterTypes.Template).content.childNodes
    : 'childNodes' in node
      ? node.childNodes
      : [];

/** Every element named `tag` under `node`; nested tables are entered only when looking for tables. */
function findAll(node: Node, tag: string, into: Element[] = []): Element[] {
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    if (child.tagName === tag) into.push(child);
    if (child.tagName !== 'table' || tag === 'table') findAll(child, tag, into);
  }
  return into;
}

/** A table's own rows (those of tables nested in its cells are theirs). */
const rowsOf = (table: Element): Element[] => findAll(table, 'tr');

/** Text content, `<br>` as a newline, other white space runs collapsed, trimmed. */
function cellText(node: Node): string {
  const parts: string[] = [];
  const walk = (current: Node) => {
    for (const child of childrenOf(current)) {
      if (child.nodeName === '#text')
        parts.push((child as DefaultTreeAdapterTypes.TextNode).value.replace(/\s+/g, ' '));
      else if (isElement(child) && child.tagName === 'br') parts.push('\n');
      else if (isElement(child) && !['script', 'style'].includes(child.tagName)) walk(child);
    }
  };
  walk(node);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

const span = (cell: Element, name: string): number => {
  const value = Number.parseInt(cell.attrs.find((a) => a.name === name)?.value ?? '1', 10);
  return Number.isFinite(value) && value > 0 ? Math.min(value, 1000) : 1;
};

/**
 * The table as a grid: `colspan` and `rowspan` cells repeated over every cell they cover.
 * Leading rows of `<th>` cells (or in `<thead>`) are merged into one header row, the
 * levels joined as `上層 - 下層`, a value repeated down a rowspan written once.
 */
export function tableGrid(table: Element): string[][] {
  const grid: string[][] = [];
  const rows = rowsOf(table);
  const isHeader = (row: Element) =>
    row.parentNode?.nodeName === 'thead' ||
    row.childNodes.filter(isElement).every((cell) => cell.tagName === 'th');
  let headerRows = 0;
  while (headerRows < rows.length - 1 && isHeader(rows[headerRows] as Element)) headerRows++;
  rows.forEach((row, r) => {
    const out = (grid[r] ??= []);
    let column = 0;
    for (const cell of row.childNodes
      .filter(isElement)
      .filter((c) => c.tagName === 'td' || c.tagName === 'th')) {
      while (out[column] !== undefined) column++;
      const text = cellText(cell);
      const down = span(cell, 'rowspan');
      const columns = span(cell, 'colspan');
      for (let dr = 0; dr < down; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < columns; dc++) target[column + dc] = text;
      }
      column += columns;
    }
  });
  const cells = grid.slice(0, rows.length).map((row) => Array.from(row, (cell) => cell ?? ''));
  if (headerRows < 2) return cells;
  const width = Math.max(...cells.map((row) => row.length));
  const header = Array.from({ length: width }, (_, column) =>
    cells
      .slice(0, headerRows)
      .map((row) => row[column] ?? '')
      .filter((name, level, names) => name !== '' && name !== names[level - 1])
      .join(' - '),
  );
  return [header, ...cells.slice(headerRows)];
}

/**
 * HTML: the page's table with the most rows (the first of equals) is read — layout
 * tables around it have fewer. Header detection then finds `<th>` or first rows.
 * The page is parsed whole: HTML tables are small.
 */
export const readHtmlFile: RecordReader = (file, options) => {
  const summary: SourceSummary = emptySummary();
  async function* read(): AsyncGenerator<SourceRecord> {
    const bytes = await readFile(file);
    const { text, ...encoding } = decodeText(bytes);
    summary.encoding = encoding;
    const tables = findAll(parse(text), 'table');
    let best: { table: Element; rows: number; index: number } | undefined;
    tables.forEach((table, index) => {
      const rows = rowsOf(table).length;
      if (!best || rows > best.rows) best = { table, rows, index };
    });
    if (!best) throw new ConvertError('NO_TABLE', `${file} has no <table>`);
    summary.part = `table ${best.index + 1} of ${tables.length}`;
    if (tables.length > 1)
      summary.warnings.push(
        `${tables.length} tables found; read table ${best.index + 1} (the one with the most rows)`,
      );
    options.onBytes?.(bytes.length);
    let line = 0;
    for (const cells of tableGrid(best.table)) yield { cells, line: ++line };
  }
  return { [Symbol.asyncIterator]: read, summary, headerIsFirstRecord: true };
};

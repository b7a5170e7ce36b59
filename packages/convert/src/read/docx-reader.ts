import { stat } from 'node:fs/promises';
import mammoth from 'mammoth';
import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { ConvertError } from '../errors/convert-error.ts';
import { emptySummary, type RecordReader, type RecordSource, type SourceRecord } from './record-source.ts';
import { openZip } from './zip-entries.ts';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;
type Element = DefaultTreeAdapterTypes.Element;

const isElement = (node: Node): node is Element => 'tagName' in node;
const children = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Cap on `colspan`, so a crafted document cannot make a row huge. */
const MAX_COLSPAN = 1000;

function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if (isElement(node) && node.tagName === 'br') return '\n';
  const parts = children(node).map(textOf);
  return isElement(node) && BLOCKS.has(node.tagName) ? `${parts.join('')}\n` : parts.join('');
}

/** The rows of a table (not of tables nested in its cells), colspan expanded. */
export function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  const visit = (node: Node) => {
    for (const child of children(node)) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr') {
        const cells: string[] = [];
        for (const cell of children(child)) {
          if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
          const text = textOf(cell).replace(/\n+$/, '').trim();
          const span = Number(cell.attrs.find((a) => a.name === 'colspan')?.value ?? '1');
          cells.push(text);
          for (let i = 1; i < Math.min(MAX_COLSPAN, Number.isFinite(span) ? span : 1); i++) cells.push('');
        }
        rows.push(cells);
      } else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) visit(child);
    }
  };
  visit(table);
  return rows;
}

/** Every table of an HTML fragment, nested ones included. */
export function htmlTables(html: string): Element[] {
  const tables: Element[] = [];
  const visit = (node: Node) => {
    if (isElement(node) && node.tagName === 'table') tables.push(node);
    children(node).forEach(visit);
  };
  visit(parseFragment(html));
  return tables;
}

/**
 * A Word document (DOCX): mammoth turns it into HTML and the table with the most rows is
 * read. Merged cells across columns (colspan) keep their text in the first column.
 */
export const readDocxFile: RecordReader = (path, options): RecordSource => {
  const summary = emptySummary();
  async function* records(): AsyncGenerator<SourceRecord> {
    (await openZip(path)).close(); // refuses zip bombs before mammoth inflates anything
    const { value: html } = await mammoth.convertToHtml({ path });
    options.onBytes?.((await stat(path)).size);
    const tables = htmlTables(html).map(tableRows);
    const best = tables.reduce<string[][] | undefined>(
      (a, b) => (a && a.length >= b.length ? a : b),
      undefined,
    );
    if (!best || best.length === 0) throw new ConvertError('NO_TABLE', `${path} holds no table`);
    const index = tables.indexOf(best);
    summary.part = `table ${index + 1}`;
    if (tables.length > 1) {
      summary.warnings.push(
        `The document has ${tables.length} tables; read table ${index + 1} (${best.length} rows)`,
      );
    }
    let line = 0;
    for (const cells of best) yield { cells, line: ++line };
  }
  return { [Symbol.asyncIterator]: () => records(), summary };
};

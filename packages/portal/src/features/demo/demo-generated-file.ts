import { valueKind } from './demo-fields.ts';
import { odsFile, pdfFile, xlsxFile, escapeXml, type Cell, type Table } from './demo-office-files.ts';
import { DemoRandom, hashText } from './demo-random.ts';
import { DemoValues } from './demo-values.ts';

/**
 * The files behind synthetic demo resources (`/demo-files/generated/<resourceID>.<ext>`):
 * a small table whose columns are the dataset's fields, generated from the resourceID,
 * so the same resource always gets the same bytes and nothing points at the internet.
 */
export const GENERATED_TYPES = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  pdf: 'application/pdf',
} as const;
export type GeneratedExtension = keyof typeof GENERATED_TYPES;

export function isGeneratedExtension(ext: string): ext is GeneratedExtension {
  return Object.hasOwn(GENERATED_TYPES, ext);
}

/** The file extension a declared format is generated as (an API answers JSON). */
export function extensionOf(format: string): GeneratedExtension {
  const ext = format.toLowerCase();
  if (isGeneratedExtension(ext)) return ext;
  return 'json';
}

/** How many rows the file of a resource has (12–60), known before it is generated. */
export function generatedRowCount(resourceID: string): number {
  return 12 + (hashText(`rows:${resourceID}`) % 49);
}

export interface GeneratedFileSpec {
  resourceID: string;
  ext: GeneratedExtension;
  /** The dataset title: names things in the rows. */
  title: string;
  /** The columns: name (keys in JSON/XML), title (CSV/spreadsheet header). */
  fields: readonly { name: string; title?: string | undefined }[];
}

/** Columns of a file when nothing is known of its dataset. */
export const FALLBACK_FIELDS = [
  { name: 'id', title: '編號' },
  { name: 'name', title: '名稱' },
  { name: 'district', title: '行政區' },
  { name: 'value', title: '數值' },
  { name: 'date', title: '日期' },
];

function buildTable(spec: GeneratedFileSpec): Table {
  const random = new DemoRandom(`file:${spec.resourceID}`);
  const values = new DemoValues(random, spec.title);
  const fields = spec.fields.length > 0 ? spec.fields : FALLBACK_FIELDS;
  const kinds = fields.map(valueKind);
  const rows: Cell[][] = [];
  for (let r = 0; r < generatedRowCount(spec.resourceID); r++)
    rows.push(kinds.map((k) => values.value(k, r)));
  return { title: spec.title, headers: fields.map((f) => f.title ?? f.name), rows };
}

const csvCell = (v: Cell): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** An XML element name for a field (Chinese names are valid XML names; others get field<N>). */
function elementName(name: string, i: number): string {
  return /^[\p{L}_][\p{L}\p{N}_.-]*$/u.test(name) && !/^xml/i.test(name) ? name : `field${i + 1}`;
}

export function generateDemoFile(spec: GeneratedFileSpec): Buffer {
  const table = buildTable(spec);
  const fields = spec.fields.length > 0 ? spec.fields : FALLBACK_FIELDS;
  switch (spec.ext) {
    case 'csv': {
      const bom = hashText(`bom:${spec.resourceID}`) % 3 === 0 ? '\uFEFF' : '';
      const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
      return Buffer.from(`${bom}${lines.join('\r\n')}\r\n`, 'utf8');
    }
    case 'json': {
      const records = table.rows.map((row) => Object.fromEntries(fields.map((f, i) => [f.name, row[i]])));
      return Buffer.from(`${JSON.stringify(records, null, 2)}\n`, 'utf8');
    }
    case 'xml': {
      const names = fields.map((f, i) => elementName(f.name, i));
      const records = table.rows
        .map(
          (row) =>
            `  <record>\n${row.map((v, i) => `    <${names[i]}>${escapeXml(String(v))}</${names[i]}>`).join('\n')}\n  </record>`,
        )
        .join('\n');
      return Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?>\n<dataset title="${escapeXml(spec.title)}">\n${records}\n</dataset>\n`,
        'utf8',
      );
    }
    case 'xlsx':
      return xlsxFile(table);
    case 'ods':
      return odsFile(table);
    case 'pdf':
      return pdfFile({ ...table, rows: table.rows.slice(0, 35) });
  }
}

/**
 * The B7 corpus: files made from the real government files in packages/portal/demo/real/
 * (rows sampled and concatenated to various sizes), in the formats a catalogue really
 * links: UTF-8 and CP950 CSVs (with and without a header row), JSON, XLSX, XML, an HTML
 * landing page and a PDF; and N resources pointing at them (plus missing files), each
 * with what its publisher declared.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { DeclaredResource } from '../../packages/quality/src/index.ts';
import { parseDelimited, prng } from './link-workload.ts';
import { REPO } from './processes.ts';

const REAL = path.join(REPO, 'packages/portal/demo/real');

export type CorpusKind =
  'CSV UTF-8' | 'CSV CP950' | 'CSV no header' | 'JSON' | 'XLSX' | 'XML' | 'HTML landing page' | 'PDF' | '404';

export interface CorpusFile {
  name: string;
  kind: CorpusKind;
  bytes: number;
  rows: number;
  columns: string[];
}

export interface SweepResource {
  url: string;
  kind: CorpusKind;
  file: CorpusFile | undefined;
  declared: DeclaredResource;
  /** The dataset's record: the real example as published (with its dates 1,911 years off) or corrected. */
  metadata: Record<string, unknown>;
}

interface Source {
  file: string;
  header: string[] | undefined;
  records: string[];
  cp950: boolean;
}

/** Splits CSV text into records (a quoted field may hold line breaks). */
function records(text: string): string[] {
  const out: string[] = [];
  let current = '';
  let quotes = 0;
  for (const line of text.split(/\r?\n/)) {
    current = current === '' && quotes === 0 ? line : `${current}\n${line}`;
    quotes += (line.match(/"/g) ?? []).length;
    if (quotes % 2 === 0) {
      if (current.trim() !== '') out.push(current);
      current = '';
      quotes = 0;
    }
  }
  return out;
}

function source(file: string, options: { cp950?: boolean; header?: boolean } = {}): Source {
  const bytes = readFileSync(path.join(REAL, file));
  const text = (options.cp950 ? iconv.decode(bytes, 'cp950') : bytes.toString('utf8')).replace(/^\uFEFF/, '');
  const all = records(text);
  const header = options.header === false ? undefined : parseDelimited(all.shift() ?? '', ',')[0];
  return { file, header, records: all, cp950: options.cp950 ?? false };
}

function sample(random: () => number, from: readonly string[], count: number): string[] {
  return Array.from({ length: count }, () => from[Math.floor(random() * from.length)]!);
}

/** Row counts: mostly small files, some medium, a few large (as in a real catalogue), at most ~5 MB. */
function rowCount(random: () => number, s: Source): number {
  const r = random();
  const rows =
    r < 0.6
      ? 20 + Math.floor(random() * 300)
      : r < 0.92
        ? 500 + Math.floor(random() * 2500)
        : 8000 + Math.floor(random() * 12000);
  const average = s.records.reduce((n, x) => n + Buffer.byteLength(x), 0) / Math.max(1, s.records.length);
  return Math.max(20, Math.min(rows, Math.floor((5 * 2 ** 20) / Math.max(1, average))));
}

const LANDING = `<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8"><title>資料下載 | 政府資料開放平臺</title></head>
<body><header><nav><a href="/">首頁</a> › <a href="/datasets">資料集</a></nav></header>
<main><h1>資料下載</h1><p>請點選下列連結下載檔案，或洽承辦人索取。</p>
<ul><li><a href="/files/data.csv">下載 CSV</a></li><li><a href="/files/data.xlsx">下載 XLSX</a></li></ul>
<form action="/search"><input name="q"><button>搜尋</button></form></main>
<footer>版權所有 © 2024</footer></body></html>`;

/** A small but well-formed one-page PDF. */
function pdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 44 >>\nstream\nBT /F1 18 Tf 72 760 Td (Annual report) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function xmlName(name: string, index: number): string {
  const cleaned = name.replace(/[^\p{L}\p{N}_]/gu, '');
  return cleaned === '' || /^\p{N}/u.test(cleaned) ? `field${index + 1}` : cleaned;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/** Writes `files` distinct files under `dir` and returns them. */
export async function buildFiles(dir: string, files: number, seed = 7): Promise<CorpusFile[]> {
  const random = prng(seed);
  const headed = [
    source('agency-oid-registry-2016.csv'),
    source('data-demands-2019.csv'),
    source('dgpa-calendar-113-utf8bom.csv'),
    source('real-estate-taipei-a-roc-dates.csv'),
    source('taitung-shelters-twd97.csv'),
  ];
  const headerless = [
    source('kaohsiung-catalog-2018.csv', { header: false }),
    source('tainan-catalog-2018.csv', { header: false }),
    source('yilan-catalog-2018.csv', { header: false }),
  ];
  const cp950 = [
    source('data-demand-agencies-2019-cp950.csv', { cp950: true }),
    source('dgpa-calendar-114-cp950.csv', { cp950: true }),
    source('yilan-catalog-2018-cp950.csv', { cp950: true }),
    // Real UTF-8 files re-encoded, as agencies' Excel exports are.
    { ...source('taitung-shelters-twd97.csv'), cp950: true },
    { ...source('real-estate-taipei-a-roc-dates.csv'), cp950: true },
  ];
  const shares: Array<[CorpusKind, number]> = [
    ['CSV UTF-8', 0.42],
    ['CSV CP950', 0.16],
    ['CSV no header', 0.06],
    ['JSON', 0.12],
    ['XLSX', 0.1],
    ['XML', 0.08],
    ['HTML landing page', 0.03],
    ['PDF', 0.03],
  ];
  const out: CorpusFile[] = [];
  const write = (name: string, kind: CorpusKind, data: Buffer | string, rows: number, columns: string[]) => {
    writeFileSync(path.join(dir, name), data);
    out.push({ name, kind, bytes: Buffer.byteLength(data), rows, columns });
  };
  writeFileSync(path.join(dir, 'calendar.json'), readFileSync(path.join(REAL, 'dgpa-calendar-2024.json')));
  for (let i = 0; i < files; i++) {
    let pick = random();
    let kind: CorpusKind = 'CSV UTF-8';
    for (const [k, share] of shares) {
      if (pick < share) {
        kind = k;
        break;
      }
      pick -= share;
    }
    const from = (list: Source[]) => list[Math.floor(random() * list.length)]!;
    const rowsOf = (s: Source) => rowCount(random, s);
    switch (kind) {
      case 'CSV UTF-8': {
        const s = from(headed);
        const rows = rowsOf(s);
        const body = [s.header!.join(','), ...sample(random, s.records, rows)].join('\r\n') + '\r\n';
        write(`f${i}.csv`, kind, random() < 0.2 ? `\uFEFF${body}` : body, rows, s.header!);
        break;
      }
      case 'CSV CP950': {
        const s = from(cp950);
        const rows = rowsOf(s);
        const body = [s.header!.join(','), ...sample(random, s.records, rows)].join('\r\n') + '\r\n';
        write(`f${i}.csv`, kind, iconv.encode(body, 'cp950'), rows, s.header!);
        break;
      }
      case 'CSV no header': {
        const s = from(headerless);
        const rows = rowsOf(s);
        write(`f${i}.csv`, kind, sample(random, s.records, rows).join('\n') + '\n', rows, []);
        break;
      }
      case 'JSON': {
        if (random() < 0.1) {
          const text = readFileSync(path.join(dir, 'calendar.json'));
          write(`f${i}.json`, kind, text, 0, []);
          break;
        }
        const s = from(headed);
        const rows = rowsOf(s);
        const header = s.header!;
        const objects = sample(random, s.records, rows).map((r) => {
          const cells = parseDelimited(r, ',')[0] ?? [];
          return Object.fromEntries(header.map((h, j) => [h || `欄位${j + 1}`, cells[j] ?? '']));
        });
        write(`f${i}.json`, kind, JSON.stringify(objects, null, random() < 0.5 ? 2 : 0), rows, header);
        break;
      }
      case 'XLSX': {
        const s = from(headed);
        const n = Math.min(rowsOf(s), 5000);
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('工作表1');
        sheet.addRow(s.header!);
        for (const r of sample(random, s.records, n)) sheet.addRow(parseDelimited(r, ',')[0] ?? []);
        write(`f${i}.xlsx`, kind, Buffer.from(await book.xlsx.writeBuffer()), n, s.header!);
        break;
      }
      case 'XML': {
        const s = from(headed);
        const rows = rowsOf(s);
        const names = s.header!.map(xmlName);
        const body = sample(random, s.records, rows)
          .map((r) => {
            const cells = parseDelimited(r, ',')[0] ?? [];
            return `  <Row>${names.map((n, j) => `<${n}>${escapeXml(cells[j] ?? '')}</${n}>`).join('')}</Row>`;
          })
          .join('\n');
        write(
          `f${i}.xml`,
          kind,
          `<?xml version="1.0" encoding="UTF-8"?>\n<DataSet>\n${body}\n</DataSet>\n`,
          rows,
          names,
        );
        break;
      }
      case 'HTML landing page':
        write(`f${i}.html`, kind, LANDING, 0, []);
        break;
      case 'PDF':
        write(`f${i}.pdf`, kind, pdf(), 0, []);
        break;
      case '404':
        break;
    }
  }
  return out;
}

const DECLARED_FORMAT: Record<CorpusKind, string> = {
  'CSV UTF-8': 'CSV',
  'CSV CP950': 'CSV',
  'CSV no header': 'CSV',
  JSON: 'JSON',
  XLSX: 'XLSX',
  XML: 'XML',
  'HTML landing page': 'CSV',
  PDF: 'PDF',
  '404': 'CSV',
};

/**
 * N resources over the files (each file linked from several resources, under distinct
 * URLs) on `hosts` hosts; 5% are links to files that do not exist. What is declared is
 * mostly right, sometimes not (fields missing or stale, CP950 declared as UTF-8, a
 * format declared wrong), as in the real catalogue.
 */
/** The real metadata example, and a copy with its ROC-year-as-AD dates (3872-…) corrected. */
export function exampleMetadata(): {
  asPublished: Record<string, unknown>;
  corrected: Record<string, unknown>;
} {
  const text = readFileSync(path.join(REAL, 'metadata-v1-example.json'), 'utf8');
  return {
    asPublished: JSON.parse(text) as Record<string, unknown>,
    corrected: JSON.parse(text.replace(/"3872-/g, '"1961-')) as Record<string, unknown>,
  };
}

export function sweepResources(
  metadata: { asPublished: Record<string, unknown>; corrected: Record<string, unknown> },
  files: CorpusFile[],
  count: number,
  hosts: number,
  port: number,
  seed = 11,
): SweepResource[] {
  const random = prng(seed);
  const out: SweepResource[] = [];
  for (let i = 0; i < count; i++) {
    const host = `127.0.0.${2 + Math.floor(random() * hosts)}`;
    if (random() < 0.05) {
      out.push({
        url: `http://${host}:${port}/r${i}/missing-${i}.csv`,
        kind: '404',
        file: undefined,
        declared: { kind: 'file', format: 'CSV', encoding: 'UTF-8' },
        metadata: metadata.corrected,
      });
      continue;
    }
    const file = files[Math.floor(random() * files.length)]!;
    let format = DECLARED_FORMAT[file.kind];
    if (random() < 0.08) format = format === 'CSV' ? 'XLSX' : 'CSV';
    const encoding = file.kind === 'CSV CP950' ? (random() < 0.6 ? 'BIG5' : 'UTF-8') : 'UTF-8';
    const r = random();
    const fields =
      file.columns.length === 0 || r < 0.15
        ? undefined
        : r < 0.25
          ? file.columns.slice(0, -1).map((name) => ({ name }))
          : file.columns.filter((c) => c !== '').map((name) => ({ name }));
    out.push({
      url: `http://${host}:${port}/r${i}/${file.name}`,
      kind: file.kind,
      file,
      declared: { kind: 'file', format, encoding, ...(fields ? { fields } : {}) },
      metadata: random() < 0.3 ? metadata.asPublished : metadata.corrected,
    });
  }
  return out;
}

import { decodeAs } from '@odp/convert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The real public-sector files shipped in packages/portal/demo/real (see SOURCES.md
 * there): the only names GET /demo-files/<name> serves, and the resources of the
 * demo's real datasets. The declared format and encoding are what the bytes really are.
 */
export const DEMO_REAL_DIR = fileURLToPath(new URL('../../../demo/real/', import.meta.url));

export interface RealFile {
  name: string;
  format: 'CSV' | 'JSON' | 'TXT';
  /** 編碼格式 as declared in the metadata. */
  encoding: 'UTF-8' | 'BIG5';
  /** Content-Type served. CP950 files are labelled big5, the WHATWG name browsers decode CP950 with. */
  contentType: string;
}

const csv = (name: string, encoding: RealFile['encoding'] = 'UTF-8'): RealFile => ({
  name,
  format: 'CSV',
  encoding,
  contentType: `text/csv; charset=${encoding === 'BIG5' ? 'big5' : 'utf-8'}`,
});

export const REAL_FILES: readonly RealFile[] = [
  csv('taitung-shelters-twd97.csv'),
  csv('yilan-catalog-2018-cp950.csv', 'BIG5'),
  csv('yilan-catalog-2018.csv'),
  csv('kaohsiung-catalog-2018.csv'),
  csv('tainan-catalog-2018.csv'),
  {
    name: 'datagovtw-titles-2018.txt',
    format: 'TXT',
    encoding: 'UTF-8',
    contentType: 'text/plain; charset=utf-8',
  },
  csv('dgpa-calendar-113-utf8bom.csv'),
  csv('dgpa-calendar-114-cp950.csv', 'BIG5'),
  {
    name: 'dgpa-calendar-2024.json',
    format: 'JSON',
    encoding: 'UTF-8',
    contentType: 'application/json; charset=utf-8',
  },
  csv('data-demands-2019.csv'),
  csv('data-demand-agencies-2019-cp950.csv', 'BIG5'),
  csv('agency-oid-registry-2016.csv'),
  {
    name: 'metadata-v1-example.json',
    format: 'JSON',
    encoding: 'UTF-8',
    contentType: 'application/json; charset=utf-8',
  },
  csv('real-estate-taipei-a-roc-dates.csv'),
];

const BY_NAME = new Map(REAL_FILES.map((f) => [f.name, f]));

/** The allow-list: a name is served only when it is exactly one of REAL_FILES. */
export function findRealFile(name: string): RealFile | undefined {
  return BY_NAME.get(name);
}

export function realFilePath(file: RealFile): string {
  return `${DEMO_REAL_DIR}${file.name}`;
}

/** The file's text, decoded from its real encoding, without a BOM. */
export function readRealText(name: string): string {
  const file = findRealFile(name);
  if (!file) throw new Error(`${name} is not a demo file`);
  return decodeAs(readFileSync(realFilePath(file)), file.encoding === 'BIG5' ? 'CP950' : 'UTF-8');
}

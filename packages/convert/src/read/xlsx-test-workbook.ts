import { writeTestZip, type TestZipEntry } from './zip-test-archive.ts';

/* Test helper: a hand-written XLSX, part by part, for cases exceljs does not write. */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface TestWorkbook {
  /** The `<sheetData>` content (rows) of the one sheet, or a whole `sheetXml` instead. */
  rows?: string;
  sheetXml?: string;
  /** `<mergeCell ref>` ranges. */
  merges?: string[];
  sharedStrings?: string[];
  /** Custom number formats (id ≥ 164) and each cell style's numFmtId (style 0 first). */
  numFmts?: Record<number, string>;
  styles?: number[];
  date1904?: boolean;
  /** The sheet's entry size as declared in the archive (zip bomb fixtures). */
  declaredSheetSize?: number;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function sheetXml(book: TestWorkbook): string {
  const merges = book.merges?.length
    ? `<mergeCells count="${book.merges.length}">${book.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
    : '';
  return `${DECLARATION}<worksheet xmlns="${MAIN}"><sheetData>${book.rows ?? ''}</sheetData>${merges}</worksheet>`;
}

function stylesXml(book: TestWorkbook): string {
  const formats = Object.entries(book.numFmts ?? {});
  const numFmts = formats.length
    ? `<numFmts count="${formats.length}">${formats.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escape(code)}"/>`).join('')}</numFmts>`
    : '';
  const xfs = (book.styles ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0"/>`);
  return `${DECLARATION}<styleSheet xmlns="${MAIN}">${numFmts}<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`;
}

/** Writes a one-sheet workbook named 工作表1, storing xl/workbook.xml last as exceljs does. */
export function writeTestWorkbook(path: string, book: TestWorkbook): void {
  const strings = (book.sharedStrings ?? []).map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`);
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/>`,
  ];
  const entry = (name: string, text: string, declaredSize?: number): TestZipEntry => ({
    name,
    data: Buffer.from(text, 'utf8'),
    ...(declaredSize === undefined ? {} : { declaredSize }),
  });
  writeTestZip(path, [
    entry(
      'xl/_rels/workbook.xml.rels',
      `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    ),
    entry('xl/worksheets/sheet1.xml', book.sheetXml ?? sheetXml(book), book.declaredSheetSize),
    entry('xl/styles.xml', stylesXml(book)),
    entry(
      'xl/sharedStrings.xml',
      `${DECLARATION}<sst xmlns="${MAIN}" count="${strings.length}">${strings.join('')}</sst>`,
    ),
    entry(
      'xl/workbook.xml',
      `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${book.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="工作表1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
  ]);
}

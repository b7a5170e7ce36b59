import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ConvertError } from '../errors/convert-error.ts';
import { pdfColumns, pdfLines, pdfRow, type PdfLine, type PdfText } from './pdf-layout.ts';
import { emptySummary, type RecordReader, type SourceRecord } from './record-source.ts';

const PDFJS = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** The package's own CMaps and standard fonts: nothing is fetched over the network. */
const PDFJS_OPTIONS = {
  cMapUrl: `${path.join(PDFJS, 'cmaps')}/`,
  cMapPacked: true,
  standardFontDataUrl: `${path.join(PDFJS, 'standard_fonts')}/`,
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  verbosity: 0,
};

async function openPdf(
  file: string,
  bytes: Buffer,
): Promise<{ doc: PDFDocumentProxy; close: () => Promise<void> }> {
  const task = getDocument({ ...PDFJS_OPTIONS, data: new Uint8Array(bytes) });
  try {
    return { doc: await task.promise, close: () => task.destroy() };
  } catch (error) {
    await task.destroy();
    const encrypted = error instanceof Error && error.name === 'PasswordException';
    throw new ConvertError(
      'CORRUPT_FILE',
      encrypted ? `${file} is an encrypted PDF: save it without a password` : `${file} is not a readable PDF`,
      { cause: error },
    );
  }
}

/** Each page's text lines, top to bottom. */
async function pageLines(doc: PDFDocumentProxy): Promise<PdfLine[][]> {
  const pages: PdfLine[][] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const texts: PdfText[] = [];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
      const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
      texts.push({ x, y, width: item.width, size, text: item.str });
    }
    pages.push(pdfLines(texts));
    page.cleanup();
  }
  return pages;
}

const range = (first: number, last: number) => (first === last ? `page ${first}` : `pages ${first}–${last}`);

/**
 * A text PDF: lines are grouped from text positions, columns found from the lines with the
 * most common number of cells, and the table read across pages — lines above it on its first
 * page kept as title rows, page headers and footers outside it dropped, a header repeated on
 * later pages dropped. A PDF without text (a scan) needs OCR first.
 */
export const readPdfFile: RecordReader = (file, options) => {
  const summary = emptySummary();
  async function* read(): AsyncGenerator<SourceRecord> {
    const bytes = await readFile(file).catch((error: unknown) => {
      throw new ConvertError('INPUT_NOT_FOUND', `Cannot read ${file}`, { cause: error });
    });
    const { doc, close } = await openPdf(file, bytes);
    let pages: PdfLine[][];
    try {
      pages = await pageLines(doc);
    } finally {
      await close();
    }
    if (pages.every((lines) => lines.length === 0))
      throw new ConvertError('NEEDS_OCR', `${file}: this PDF has no text layer: it needs OCR`);
    const columns = pdfColumns(pages.flat());
    if (columns.length < 2) throw new ConvertError('NO_TABLE', `${file} has text but no table in columns`);
    options.onBytes?.(bytes.length);
    let header: string | undefined;
    let first = 0;
    let last = 0;
    let dropped = 0;
    let line = 0;
    for (const [index, lines] of pages.entries()) {
      const start = lines.findIndex((l) => l.length > 1);
      const end = lines.findLastIndex((l) => l.length > 1);
      if (start < 0) {
        dropped += lines.length;
        continue;
      }
      if (header === undefined) {
        first = index + 1;
        for (const title of lines.slice(0, start))
          yield { cells: [title.map((t) => t.text).join(' ')], line: ++line };
      } else dropped += start;
      last = index + 1;
      dropped += lines.length - 1 - end;
      for (const [i, l] of lines.slice(start, end + 1).entries()) {
        const cells = pdfRow(l, columns);
        const key = JSON.stringify(cells);
        if (i === 0 && key === header) continue;
        header ??= key;
        yield { cells, line: ++line };
      }
    }
    summary.part = range(first, last);
    if (dropped > 0)
      summary.warnings.push(
        `${dropped} text lines outside the table (page headers, footers, notes) were left out`,
      );
  }
  return { [Symbol.asyncIterator]: read, summary };
};

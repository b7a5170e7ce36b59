import { openZip, readSmallEntry } from './zip-entries.ts';

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** What an Office/OpenDocument container is, from its central directory (and `mimetype`). */
export async function sniffZipKind(path: string): Promise<'xlsx' | 'ods' | 'docx' | 'zip'> {
  const zip = await openZip(path, false);
  try {
    const names = new Set(zip.entries.map((e) => e.name));
    if (names.has('xl/workbook.xml')) return 'xlsx';
    if (names.has('word/document.xml')) return 'docx';
    const mimetype = zip.entries.find((e) => e.name === 'mimetype');
    if (mimetype) {
      const text = (await readSmallEntry(zip, mimetype, 256)).toString('latin1').trim();
      if (text === ODS_MIME) return 'ods';
    }
    return 'zip';
  } finally {
    zip.close();
  }
}

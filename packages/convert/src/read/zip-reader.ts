import { readDelimited } from '../delimited/read-delimited.ts';
import type { Delimiter } from '../delimited/sniff-delimiter.ts';
import { ConvertError } from '../errors/convert-error.ts';
import { emptySummary, type RecordReader, type RecordSource, type SourceRecord } from './record-source.ts';
import { openZip, type ZipEntryInfo } from './zip-entries.ts';

const DELIMITED = /\.(csv|tsv|txt|tab)$/i;

/** The entry a ZIP is converted from: the largest delimited file. */
export function pickZipEntry(entries: readonly ZipEntryInfo[]): { entry: ZipEntryInfo; others: string[] } {
  const files = entries.filter((e) => !e.directory && !e.name.startsWith('__MACOSX/'));
  const delimited = files.filter((e) => DELIMITED.test(e.name));
  const entry = [...delimited].sort((a, b) => b.uncompressedSize - a.uncompressedSize)[0];
  if (!entry) {
    throw new ConvertError(
      'UNSUPPORTED_INPUT',
      `The archive holds no CSV/TSV/TXT file (entries: ${files.map((e) => e.name).join(', ') || 'none'})`,
    );
  }
  return { entry, others: files.filter((e) => e !== entry).map((e) => e.name) };
}

/** A ZIP archive of delimited files: the largest CSV/TSV/TXT entry, through the delimited reader. */
export const readZipFile: RecordReader = (path, options): RecordSource => {
  const summary = emptySummary();
  async function* records(): AsyncGenerator<SourceRecord> {
    const zip = await openZip(path);
    try {
      const { entry, others } = pickZipEntry(zip.entries);
      summary.part = entry.name;
      if (others.length > 0) {
        summary.warnings.push(
          `The archive has ${others.length + 1} files; read ${entry.name}, not ${others.join(', ')}`,
        );
      }
      const stream = await zip.open(entry);
      if (options.onBytes) {
        const report = options.onBytes;
        const scale = entry.compressedSize / Math.max(1, entry.uncompressedSize);
        let done = 0;
        stream.on('data', (chunk: Buffer) => report(Math.round((done += chunk.length) * scale)));
      }
      const reading = readDelimited(
        stream,
        options.delimiter ? { delimiter: options.delimiter as Delimiter } : {},
      );
      try {
        for await (const record of reading) yield record;
      } finally {
        const s = reading.summary;
        summary.encoding = s.encoding;
        summary.delimiter = s.delimiter?.delimiter;
        summary.raggedRows = s.raggedRows;
        summary.raggedRowCount = s.raggedRowCount;
        summary.replacementCount = s.replacementCount;
      }
    } finally {
      zip.close();
    }
  }
  return { [Symbol.asyncIterator]: () => records(), summary };
};

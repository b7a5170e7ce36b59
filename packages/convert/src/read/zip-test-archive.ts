import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { zipArchive, type ZipEntryRecord } from '../write/zip-archive.ts';

/* Test helpers for the container readers (XLSX, ODS, DOCX, ZIP). */

/** One file to put in a test archive. */
export interface TestZipEntry {
  /** A string is written as UTF-8 with the UTF-8 flag; a Buffer as is (e.g. CP950), unflagged. */
  name: string | Buffer;
  data: Buffer;
  /** Store instead of deflating (ODS `mimetype`). */
  store?: boolean;
  /** Lie about the uncompressed size (zip bomb fixtures). */
  declaredSize?: number;
  /** Data already deflated (raw), with its real uncompressed size in `declaredSize`. */
  deflated?: boolean;
}

/** Writes a test archive; entries may lie about their size (zip bomb fixtures). */
export function writeTestZip(path: string, entries: readonly TestZipEntry[]): void {
  const records: ZipEntryRecord[] = entries.map((entry) => ({
    name: typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name,
    utf8Name: typeof entry.name === 'string',
    method: entry.store ? 0 : 8,
    body: entry.store || entry.deflated ? entry.data : deflateRawSync(entry.data),
    crc: entry.deflated ? 0 : crc32(entry.data),
    size: entry.declaredSize ?? entry.data.length,
  }));
  writeFileSync(path, zipArchive(records));
}

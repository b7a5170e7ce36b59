import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ConvertError } from '../errors/convert-error.ts';
import { checkZipLimits, limitInflation, type ZipEntrySize } from './zip-limits.ts';

/** One file of an archive, from the central directory. */
export interface ZipEntryInfo extends ZipEntrySize {
  directory: boolean;
  entry: Entry;
}

/** An open archive and its entries; `close` it when done. */
export interface OpenZip {
  entries: ZipEntryInfo[];
  close(): void;
  /** The entry's bytes, inflated and checked against its declared size (`ZIP_BOMB`). */
  open(info: ZipEntryInfo): Promise<Readable>;
}

const UTF8_FLAG = 0x800;

/** An entry name: UTF-8 when flagged or valid, else CP950 (Windows zips made in Taiwan). */
export function decodeEntryName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return iconv.decode(raw, 'cp950');
  }
}

/**
 * Opens a ZIP file and reads its central directory only. Refuses archives over the
 * limits (`ARCHIVE_TOO_LARGE`) unless `checkLimits` is false (sniffing).
 */
export async function openZip(path: string, checkLimits = true): Promise<OpenZip> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: false,
    });
  } catch (error) {
    // It starts like a ZIP (how it was sniffed) but has no readable central directory.
    throw new ConvertError(
      'CORRUPT_FILE',
      `${path} is a damaged or truncated ZIP archive (XLSX, ODS, DOCX, ZIP)`,
      {
        cause: error,
      },
    );
  }
  const entries: ZipEntryInfo[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      const raw = entry.fileName as unknown as Buffer;
      const name = decodeEntryName(raw, (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0);
      entries.push({
        name,
        compressedSize: entry.compressedSize,
        uncompressedSize: entry.uncompressedSize,
        directory: name.endsWith('/'),
        entry,
      });
      zip.readEntry();
    });
    zip.once('end', () => resolve());
    zip.once('error', reject);
    zip.readEntry();
  });
  if (checkLimits) {
    try {
      checkZipLimits(entries);
    } catch (error) {
      zip.close();
      throw error;
    }
  }
  return {
    entries,
    close: () => zip.close(),
    open: async (info) => {
      const stream = await zip.openReadStreamPromise(info.entry);
      const limited = limitInflation(info);
      stream.on('error', (error) => limited.destroy(error));
      // When the reader stops early or the limit trips, release yauzl's stream (and its file handle) too.
      limited.on('close', () => stream.destroy());
      return stream.pipe(limited);
    },
  };
}

/** Reads a small entry whole (at most `max` bytes). */
export async function readSmallEntry(zip: OpenZip, info: ZipEntryInfo, max: number): Promise<Buffer> {
  if (info.uncompressedSize > max) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.open(info)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

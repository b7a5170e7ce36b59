import { DEFAULT_ZIP_LIMITS } from '@odp/convert';
import { sniffResource, type SniffedFormat } from '@odp/quality';
import { AppError } from '../../errors/app-error.ts';

/**
 * What an upload really is, from its bytes (@odp/quality's sniffer): the client's file
 * name and Content-Type are never trusted. ZIP containers (also XLSX, ODS, DOCX …) are
 * refused when their central directory lists too many entries or declares more than
 * the converter's zip-bomb limits (total inflated size, inflation ratio): those files
 * could not be converted or checked safely anyway.
 */

/** A ZIP may list at most this many entries. */
export const MAX_ARCHIVE_ENTRIES = 10_000;

export interface SniffedUpload {
  format: SniffedFormat;
  /** The media type recorded for the file (SVG documents: image/svg+xml). */
  mediaType: string;
}

export async function sniffUpload(file: string, fileName: string | null): Promise<SniffedUpload> {
  const sniffed = await sniffResource(file, {
    ...(fileName ? { fileName } : {}),
    limits: { maxZipEntries: MAX_ARCHIVE_ENTRIES },
  });
  const archive = sniffed.archive;
  if (archive?.container === 'zip') {
    if (archive.listingCapped) {
      throw new AppError(
        'ARCHIVE_TOO_MANY_ENTRIES',
        `The archive lists more than ${MAX_ARCHIVE_ENTRIES} entries`,
        { maxEntries: MAX_ARCHIVE_ENTRIES },
      );
    }
    if (archive.overLimits) {
      throw new AppError(
        'ARCHIVE_TOO_LARGE',
        `The archive declares ${archive.declaredBytes ?? 0} bytes uncompressed, or an entry that inflates over ${DEFAULT_ZIP_LIMITS.maxRatio}:1; the limit is ${DEFAULT_ZIP_LIMITS.maxTotalBytes} bytes`,
        {
          declaredBytes: archive.declaredBytes ?? null,
          maxTotalBytes: DEFAULT_ZIP_LIMITS.maxTotalBytes,
          maxRatio: DEFAULT_ZIP_LIMITS.maxRatio,
        },
      );
    }
  }
  const svg = sniffed.xml !== undefined && /(^|:)svg$/i.test(sniffed.xml.root);
  return { format: sniffed.format, mediaType: svg ? 'image/svg+xml' : sniffed.mediaType };
}

import { Transform } from 'node:stream';
import { ConvertError } from '../errors/convert-error.ts';

/** Caps that keep a crafted archive (a "zip bomb") from filling memory or disk. */
export interface ZipLimits {
  /** The declared uncompressed sizes of all entries may sum to at most this (default 512 MiB). */
  maxTotalBytes: number;
  /** An entry over `ratioMinBytes` may inflate at most this many times its compressed size. */
  maxRatio: number;
  ratioMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 100,
  ratioMinBytes: 1024 * 1024,
};

/** What the central directory says about one entry. */
export interface ZipEntrySize {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Refuses an archive from its central directory alone, before anything is inflated. */
export function checkZipLimits(
  entries: readonly ZipEntrySize[],
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): void {
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxTotalBytes) {
    throw new ConvertError(
      'ARCHIVE_TOO_LARGE',
      `The archive would inflate to ${mib(total)}, over the ${mib(limits.maxTotalBytes)} limit`,
    );
  }
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioMinBytes && ratio > limits.maxRatio) {
      throw new ConvertError(
        'ARCHIVE_TOO_LARGE',
        `${entry.name} compresses ${Math.round(ratio)}:1 (over ${limits.maxRatio}:1): refused as a likely zip bomb`,
      );
    }
  }
}

/** Passes an entry's bytes through, failing with `ZIP_BOMB` once they exceed its declared size. */
export function limitInflation(entry: ZipEntrySize): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > entry.uncompressedSize) {
        done(
          new ConvertError(
            'ZIP_BOMB',
            `${entry.name} inflates past its declared ${entry.uncompressedSize} bytes: refused as a zip bomb`,
          ),
        );
        return;
      }
      done(null, chunk);
    },
  });
}

import { convertFile, type ConversionReport, type ConvertOptions, type RecordReader } from '@odp/convert';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';

/**
 * Converts a stored file into `target` through a temporary file beside it, renamed into
 * place only when whole: a reader never sees a half-written copy or table, and a failed
 * conversion leaves nothing behind. The platform's converted copies and its Parquet
 * tables are both written this way.
 */
export async function convertIntoPlace(
  input: string,
  reader: RecordReader,
  target: string,
  options: ConvertOptions,
): Promise<ConversionReport> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomUUID()}.tmp`;
  const out = createWriteStream(temporary, { flags: 'wx' });
  try {
    const report = await convertFile(input, reader, out, options);
    out.end();
    await finished(out);
    await rename(temporary, target);
    return report;
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}

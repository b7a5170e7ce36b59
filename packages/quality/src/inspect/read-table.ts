import { convertFile, isConvertError, readerFor, sniffInputKind } from '@odp/convert';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { TableEvidence, TableFailure } from '../checks/check-context.ts';

/**
 * Reads the bytes at `path` into a table with @odp/convert, without normalising (the
 * checks judge the data as published), and keeps the rows as NDJSON at `rowsPath` so
 * row-level checks can stream them as often as they need.
 */
export async function readTable(
  path: string,
  rowsPath: string,
): Promise<{ table: TableEvidence } | { tableFailure: TableFailure }> {
  try {
    const reader = await readerFor(await sniffInputKind(path), path);
    const out = createWriteStream(rowsPath);
    const report = await convertFile(path, reader, out, {
      to: 'ndjson',
      normalize: false,
      outputPath: rowsPath,
    });
    out.end();
    await once(out, 'close');
    return {
      table: {
        report,
        async *rows() {
          const lines = createInterface({ input: createReadStream(rowsPath, 'utf8'), crlfDelay: Infinity });
          for await (const line of lines) if (line !== '') yield JSON.parse(line) as Record<string, unknown>;
        },
      },
    };
  } catch (error) {
    if (isConvertError(error)) return { tableFailure: { code: error.code, message: error.message } };
    throw error;
  }
}

import { isConvertError, readerFor, sniffInputKind, type ConversionReport } from '@odp/convert';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { convertIntoPlace } from '../formats/convert-into-place.ts';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { AppError } from '../../errors/app-error.ts';
import { latestFetchedCopies } from '../formats/fetched-copy.repo.ts';
import {
  fetchedStore,
  judgeCopy,
  type ConvertibleCopy,
  type NoCopyReason,
} from '../formats/other-formats.ts';
import {
  findResourceTable,
  findTableOfContent,
  saveResourceTable,
  type ResourceTableRow,
} from './resource-tables.repo.ts';
import { tableEngine } from './table-engine.ts';
import { fieldTypeOf, type TableField } from './table-fields.ts';

/**
 * Normalised tables: the whole fetched body of a structured resource, converted by
 * @odp/convert (types inferred over the whole file, 民國 dates → ISO, TWD97 X/Y →
 * WGS84 longitude/latitude) into Parquet at `<dataDir>/tables/<sha256>.parquet`. The
 * same body makes the same file whatever resource holds it. A build writes a temporary
 * file and renames it when whole; while one runs, other requests for the same body
 * wait for it. Built at the first request, and by the `tables.build-resource` job after
 * a check that fetched a whole body.
 */

export interface TableBuildSettings {
  dataDir: string;
  fetch: { maxBytes: number };
}

/** A table ready to query. */
export interface BuiltTable {
  row: ResourceTableRow;
  /** The Parquet file. */
  file: string;
}

export const UNAVAILABLE_REASONS: Record<NoCopyReason, string> = {
  'not-fetched': 'the platform has not fetched its file yet',
  truncated: 'its file was cut at the fetch byte limit',
  'too-large': 'its file is over the fetch byte limit',
  'not-structured': 'its file is not structured data the platform converts',
};

/** Builds running in this process, by body checksum. */
const inFlight = new Map<string, Promise<{ rowCount: number; fields: TableField[] }>>();
/** Builds run (not answered from a file already there): for tests and logs. */
export const buildCounter = { builds: 0 };

export const parquetKeyOf = (sha256: string): string => `tables/${sha256}.parquet`;

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** The table's fields: the converter's columns, then the longitude/latitude it added from TWD97. */
function fieldsOf(report: ConversionReport, written: readonly string[]): TableField[] {
  return written.map((name, i) => {
    const column = report.columns[i];
    return { name, type: column ? fieldTypeOf(column.type) : 'coordinate' };
  });
}

async function convertToParquet(
  copy: ConvertibleCopy,
  target: string,
): Promise<{ rowCount: number; fields: TableField[] }> {
  buildCounter.builds++;
  const kind = await sniffInputKind(copy.path);
  const reader = await readerFor(kind, copy.path);
  const report = await convertIntoPlace(copy.path, reader, target, { to: 'parquet', normalize: true });
  // The written columns: the input's, plus longitude/latitude when TWD97 X/Y were converted.
  const described = await tableEngine.run('DESCRIBE SELECT * FROM read_parquet(?)', [target], 60_000);
  const names = described.rows.map((r) => String(r[0]));
  return { rowCount: report.rows.written, fields: fieldsOf(report, names) };
}

function conversionFailed(resourceId: string, code: string, message: string): AppError {
  return new AppError(
    'CONVERSION_FAILED',
    `Resource ${resourceId} could not be made into a table: ${message}`,
    {
      convertCode: code,
    },
  );
}

/**
 * The resource's table for its latest whole fetched body: recorded, found under another
 * resource with the same body, or built now. TABLE_UNAVAILABLE (with the reason) when
 * there is no such body; CONVERSION_FAILED when the converter cannot read it.
 */
export async function ensureResourceTable(
  catalogue: CatalogueContext,
  settings: TableBuildSettings,
  resource: { rowId: number; resourceId: string },
): Promise<BuiltTable> {
  const { db } = catalogue;
  const fetched = (await latestFetchedCopies(db, [resource.rowId])).get(resource.rowId);
  const verdict = await judgeCopy(fetchedStore(settings.dataDir), fetched, settings.fetch.maxBytes);
  if (!('copy' in verdict)) {
    throw new AppError(
      'TABLE_UNAVAILABLE',
      `Resource ${resource.resourceId} has no table: ${UNAVAILABLE_REASONS[verdict.reason]}`,
      { reason: verdict.reason },
    );
  }
  const { copy } = verdict;
  const key = parquetKeyOf(copy.sha256);
  const file = path.join(settings.dataDir, key);
  let row = await findResourceTable(db, resource.rowId, copy.sha256);
  if (row?.errorCode)
    throw conversionFailed(resource.resourceId, row.errorCode, row.errorMessage ?? row.errorCode);
  if (row && (await exists(file))) return { row, file };

  const known = await findTableOfContent(db, copy.sha256);
  let built: { rowCount: number; fields: TableField[] } | undefined;
  if (known && !known.errorCode && known.rowCount !== null && (await exists(file))) {
    built = { rowCount: known.rowCount, fields: known.fields };
  } else {
    let work = inFlight.get(copy.sha256);
    if (!work) {
      work = convertToParquet(copy, file).finally(() => inFlight.delete(copy.sha256));
      inFlight.set(copy.sha256, work);
    }
    try {
      built = await work;
    } catch (error) {
      if (!isConvertError(error)) throw error;
      // The message is for people; the server's file paths are not theirs to see.
      const message = error.message.replaceAll(copy.path, 'the stored file');
      await saveResourceTable(db, {
        resourceId: resource.rowId,
        sha256: copy.sha256,
        parquetKey: null,
        rowCount: null,
        fields: [],
        profile: null,
        builtAt: new Date().toISOString(),
        errorCode: error.code,
        errorMessage: message,
      });
      throw conversionFailed(resource.resourceId, error.code, message);
    }
  }
  row = {
    resourceId: resource.rowId,
    sha256: copy.sha256,
    parquetKey: key,
    rowCount: built.rowCount,
    fields: built.fields,
    profile: known?.profile ?? null,
    builtAt: new Date().toISOString(),
    errorCode: null,
    errorMessage: null,
  };
  await saveResourceTable(db, row);
  return { row: (await findResourceTable(db, resource.rowId, copy.sha256)) ?? row, file };
}

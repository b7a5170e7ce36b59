import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The last body the quality checker fetched for a resource, as its latest run with a body records it. */
export interface FetchedCopyRow {
  /** The resource's row id. */
  resourceId: number;
  sha256: string;
  /** 1: cut at the fetch byte budget; 0: the whole file; null: not recorded (counts as cut). */
  bodyTruncated: number | null;
  /** What the checker's sniffer found the bytes to be (CSV, XLSX, JSON …). */
  sniffedFormat: string | null;
  /** When that run (the fetch, or the 304 that confirmed the copy) finished. */
  fetchedAt: string;
}

/** The latest fetched body of each of the given resources (row ids), by resource. */
export async function latestFetchedCopies(
  db: Kysely<Database>,
  resourceRowIds: readonly number[],
): Promise<Map<number, FetchedCopyRow>> {
  if (resourceRowIds.length === 0) return new Map();
  const latest = db
    .selectFrom('qualityRuns')
    .select((eb) => ['resourceId', eb.fn.max('id').as('runId')])
    .where('resourceId', 'in', [...resourceRowIds])
    .where('sha256', 'is not', null)
    .groupBy('resourceId');
  const rows = await db
    .selectFrom('qualityRuns as r')
    .innerJoin(latest.as('l'), 'l.runId', 'r.id')
    .select(['r.resourceId', 'r.sha256', 'r.bodyTruncated', 'r.sniffedFormat', 'r.finishedAt'])
    .execute();
  return new Map(
    rows.map((r) => [
      r.resourceId,
      {
        resourceId: r.resourceId,
        sha256: r.sha256 as string,
        bodyTruncated: r.bodyTruncated === null ? null : Number(r.bodyTruncated),
        sniffedFormat: r.sniffedFormat,
        fetchedAt: r.finishedAt,
      },
    ]),
  );
}

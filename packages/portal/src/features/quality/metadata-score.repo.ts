import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { MetadataScore } from './metadata-score.ts';

/** All SQL of metadata quality scores: the URLs that answered, and the stored score of each dataset. */

/** The URLs whose latest `linkable` check passed, among the resources of the given datasets. */
export async function answeringUrls(
  db: Kysely<Database>,
  datasetIds: readonly number[],
): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  if (datasetIds.length === 0) return out;
  const rows = await db
    .selectFrom('resourceChecks')
    .innerJoin('resources', 'resources.id', 'resourceChecks.resourceId')
    .select(['resources.datasetId', 'resourceChecks.evidence'])
    .where('resourceChecks.checkId', '=', 'linkable')
    .where('resourceChecks.status', '=', 'pass')
    .where('resources.datasetId', 'in', [...datasetIds])
    .execute();
  for (const r of rows) {
    const evidence = JSON.parse(r.evidence) as { url?: unknown };
    if (typeof evidence.url !== 'string') continue;
    let url: string;
    try {
      url = new URL(evidence.url).href;
    } catch {
      continue;
    }
    const set = out.get(r.datasetId) ?? new Set<string>();
    set.add(url);
    out.set(r.datasetId, set);
  }
  return out;
}

export async function saveScores(
  db: Kysely<Database>,
  scores: readonly { datasetId: number; score: MetadataScore }[],
  computedAt: string,
): Promise<void> {
  if (scores.length === 0) return;
  const rows = scores.map(({ datasetId, score }) => ({
    datasetId,
    total: score.total,
    band: score.band,
    dimensions: JSON.stringify(score.dimensions),
    indicators: JSON.stringify(score.indicators),
    computedAt,
  }));
  await db
    .insertInto('datasetMetadataScores')
    .values(rows)
    .onConflict((oc) =>
      oc.column('datasetId').doUpdateSet((eb) => ({
        total: eb.ref('excluded.total'),
        band: eb.ref('excluded.band'),
        dimensions: eb.ref('excluded.dimensions'),
        indicators: eb.ref('excluded.indicators'),
        computedAt: eb.ref('excluded.computedAt'),
      })),
    )
    .execute();
}

export interface StoredScore {
  datasetId: number;
  total: number;
  band: string;
  computedAt: string;
}

export async function storedScores(
  db: Kysely<Database>,
  datasetIds: readonly number[],
): Promise<StoredScore[]> {
  if (datasetIds.length === 0) return [];
  return db
    .selectFrom('datasetMetadataScores')
    .select(['datasetId', 'total', 'band', 'computedAt'])
    .where('datasetId', 'in', [...datasetIds])
    .orderBy('datasetId')
    .execute();
}

/** Every datasetId after `afterId` (all statuses: agencies see the score of drafts too), a page at a time. */
export async function datasetIdsAfter(
  db: Kysely<Database>,
  afterId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('datasets')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function countDatasets(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('datasets')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

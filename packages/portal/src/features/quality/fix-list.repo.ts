import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';
import type { CheckFact } from './fix-rules.ts';

/** All SQL of the fix list: an organisation's datasets, and the latest checks of many datasets at once. */

/** Dataset ids of an organisation, oldest first: the listed ones, or every status for who may see drafts. */
export async function organizationDatasetIds(
  db: Kysely<Database>,
  organizationId: number,
  includeUnlisted: boolean,
): Promise<number[]> {
  let query = db.selectFrom('datasets').select('id').where('organizationId', '=', organizationId);
  if (!includeUnlisted) query = query.where('status', 'in', [...LISTED_STATUSES]);
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => Number(r.id));
}

/** The latest checks of the resources of the given datasets: dataset id → resourceID → checks. */
export async function datasetChecks(
  db: Kysely<Database>,
  datasetIds: readonly number[],
): Promise<Map<number, Map<string, CheckFact[]>>> {
  const out = new Map<number, Map<string, CheckFact[]>>();
  if (datasetIds.length === 0) return out;
  const rows = await db
    .selectFrom('resourceChecks')
    .innerJoin('resources', 'resources.id', 'resourceChecks.resourceId')
    .select([
      'resources.datasetId',
      'resources.resourceId',
      'resourceChecks.checkId',
      'resourceChecks.status',
      'resourceChecks.evidence',
      'resourceChecks.fixZh',
      'resourceChecks.fixEn',
    ])
    .where('resources.datasetId', 'in', [...datasetIds])
    .execute();
  for (const r of rows) {
    const byResource = out.get(r.datasetId) ?? new Map<string, CheckFact[]>();
    const list = byResource.get(r.resourceId) ?? [];
    list.push({
      checkId: r.checkId,
      status: r.status,
      evidence: JSON.parse(r.evidence) as Record<string, unknown>,
      fixZh: r.fixZh,
      fixEn: r.fixEn,
    });
    byResource.set(r.resourceId, list);
    out.set(r.datasetId, byResource);
  }
  return out;
}

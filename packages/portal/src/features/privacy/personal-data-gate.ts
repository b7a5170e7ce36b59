import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * The privacy guard's gate (PRODUCT.md C12, docs/quality.md "Privacy guard"): a resource
 * whose latest `privacy` check failed is not previewed, queried or converted. The data
 * API, its exports and the preview and map pages (features/tables/ resourceTable), the
 * table build, and the converted CSV/JSON/XML copies (features/stats/download.routes.ts,
 * features/formats/other-formats.ts) ask here first. A `warn` (data to review) does not
 * block. The agency fixes it by removing or masking the data (maskPersonalData in
 * @odp/quality); the next check then passes and the gate opens.
 */

export const PRIVACY_CHECK_ID = 'privacy';

/** The resources (row ids) among these whose latest privacy check failed. */
export async function personalDataBlocked(
  db: Kysely<Database>,
  resourceRowIds: readonly number[],
): Promise<Set<number>> {
  if (resourceRowIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('resourceChecks')
    .select('resourceId')
    .where('checkId', '=', PRIVACY_CHECK_ID)
    .where('status', '=', 'fail')
    .where('resourceId', 'in', [...resourceRowIds])
    .execute();
  return new Set(rows.map((r) => Number(r.resourceId)));
}

/** Throws PRIVACY_BLOCKED when the resource's latest privacy check failed. */
export async function assertNoPersonalData(
  db: Kysely<Database>,
  resourceRowId: number,
  resourceId?: string,
): Promise<void> {
  const blocked = await personalDataBlocked(db, [resourceRowId]);
  if (!blocked.has(resourceRowId)) return;
  throw new AppError(
    'PRIVACY_BLOCKED',
    `Resource ${resourceId ?? resourceRowId} appears to hold personal data (the privacy check failed): it is not previewed, queried or converted until the data is removed or masked`,
    { check: PRIVACY_CHECK_ID },
  );
}

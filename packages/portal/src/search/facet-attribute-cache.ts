import { sql, type Kysely } from 'kysely';
import type { CatalogueContext } from '../db/catalogue-context.ts';
import type { Database } from '../db/schema.ts';
import { FacetAttributes, type FacetTallies } from './facet-attributes.ts';

/**
 * One FacetAttributes per catalogue database (per Kysely instance) in this process, kept
 * while the catalogue facet stamp (migration 2026-11-27-0005) is unchanged. Database
 * triggers bump the stamp in the transaction of every write that changes a facet value,
 * whichever process or code path makes it, so every web process reloads after any write.
 *
 * The stamp is read before the matched ids are: the attributes then hold every change up
 * to that stamp; a later write bumps it again and the next search reloads. A dataset
 * created in between is an unknown id: tallyFacets reloads once for it.
 */

interface CacheEntry {
  current?: FacetAttributes;
  /** The load in flight, so concurrent searches after a write share one reload. */
  loading?: { stamp: string; promise: Promise<FacetAttributes> };
}

const caches = new WeakMap<Kysely<Database>, CacheEntry>();

/** The catalogue facet stamp as the connection sees it now. */
export async function readFacetStamp(db: Kysely<Database>): Promise<string> {
  const row = await sql<{
    stamp: number | string;
  }>`select stamp from catalogue_facet_stamp where id = 1`.execute(db);
  return String(row.rows[0]?.stamp ?? 0);
}

/** The facet attributes of the catalogue at the current stamp, loaded only when the stamp moved. */
export async function facetAttributes(ctx: CatalogueContext): Promise<FacetAttributes> {
  const stamp = await readFacetStamp(ctx.db);
  // Inside a transaction the stamp may include writes that are later rolled back, so
  // what is read there is never kept.
  if (ctx.db.isTransaction) return FacetAttributes.load(ctx, stamp);
  let entry = caches.get(ctx.db);
  if (!entry) caches.set(ctx.db, (entry = {}));
  if (entry.current?.stamp === stamp) return entry.current;
  if (entry.loading?.stamp === stamp) return entry.loading.promise;
  const loading = { stamp, promise: FacetAttributes.load(ctx, stamp) };
  const cache = entry;
  cache.loading = loading;
  const settle = (): void => {
    if (cache.loading === loading) delete cache.loading;
  };
  loading.promise.then((attributes) => {
    settle();
    // A slower load of an older stamp never replaces a newer one.
    if (!cache.current || BigInt(cache.current.stamp) < BigInt(stamp)) cache.current = attributes;
  }, settle);
  return loading.promise;
}

/**
 * Facet tallies of the matched datasets `ids` (read after `attributes`). An id the
 * attributes do not know means a dataset was written since they were read: reload once.
 */
export async function tallyFacets(
  ctx: CatalogueContext,
  attributes: FacetAttributes,
  ids: readonly number[],
): Promise<FacetTallies> {
  const tallies = attributes.tally(ids);
  if (tallies) return tallies;
  const fresh = await facetAttributes(ctx);
  // Still unknown: the dataset was deleted since the ids were read; count the rest.
  return fresh.tally(ids) ?? fresh.tally(ids.filter((id) => fresh.has(id)))!;
}

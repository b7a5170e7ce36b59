import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';

/** All SQL of usage statistics (docs/counting.md); the same statements on both databases. */

/** Counts by kind, as the select list of an aggregate over usage_events e. */
const KIND_SUMS = sql`sum(case when e.kind = 'view' then 1 else 0 end),
  sum(case when e.kind = 'download' then 1 else 0 end),
  sum(case when e.kind = 'api' then 1 else 0 end)`;

/** The first event's time, or null when nothing was counted yet. */
export async function firstEventAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('usageEvents')
    .select('occurredAt')
    .orderBy('occurredAt')
    .limit(1)
    .executeTakeFirst();
  return row?.occurredAt ?? null;
}

/** The latest day aggregated, or null. */
export async function lastAggregatedDay(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('siteUsageDaily')
    .select('day')
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.day ?? null;
}

/**
 * Replaces one day's counts with those of its events in [from, to): per dataset (a
 * path's identifier resolved to its dataset; unknown ones dropped) and site-wide.
 * Run inside a transaction.
 */
export async function replaceDayCounts(
  trx: Kysely<Database>,
  day: string,
  range: { from: string; to: string },
  aggregatedAt: string,
): Promise<void> {
  await trx.deleteFrom('datasetUsageDaily').where('day', '=', day).execute();
  await trx.deleteFrom('siteUsageDaily').where('day', '=', day).execute();
  await sql`insert into dataset_usage_daily (dataset_id, day, views, downloads, api_calls)
    select d.id, cast(${day} as text), ${KIND_SUMS}
    from usage_events e
    join datasets d on d.id = coalesce(
      e.dataset_id,
      (select x.id from datasets x where x.identifier = e.dataset_identifier))
    where e.occurred_at >= ${range.from} and e.occurred_at < ${range.to}
    group by d.id`.execute(trx);
  await sql`insert into site_usage_daily (day, views, downloads, api_calls, aggregated_at)
    select cast(${day} as text),
      coalesce(sum(case when e.kind = 'view' then 1 else 0 end), 0),
      coalesce(sum(case when e.kind = 'download' then 1 else 0 end), 0),
      coalesce(sum(case when e.kind = 'api' then 1 else 0 end), 0),
      cast(${aggregatedAt} as text)
    from usage_events e
    where e.occurred_at >= ${range.from} and e.occurred_at < ${range.to}`.execute(trx);
}

/**
 * Rebuilds every dataset's totals from the daily counts up to `asOf`: all days, and the
 * 7 days ending on `asOf` (from `weekFrom`). Run inside a transaction.
 */
export async function rebuildTotals(
  trx: Kysely<Database>,
  window: { weekFrom: string; asOf: string },
): Promise<number> {
  await trx.deleteFrom('datasetUsageTotals').execute();
  const week = (column: string) =>
    sql`sum(case when day >= ${window.weekFrom} then ${sql.ref(column)} else 0 end)`;
  const result = await sql`insert into dataset_usage_totals
      (dataset_id, views_total, downloads_total, api_calls_total, views_7d, downloads_7d, api_calls_7d)
    select dataset_id, sum(views), sum(downloads), sum(api_calls),
      ${week('views')}, ${week('downloads')}, ${week('api_calls')}
    from dataset_usage_daily
    where day <= ${window.asOf}
    group by dataset_id`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Deletes the events before `before` (an ISO time); returns how many. */
export async function deleteEventsBefore(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('usageEvents').where('occurredAt', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface PopularRow {
  id: number;
  identifier: string;
  titleZh: string;
  titleEn: string | null;
  publisherName: string;
  views: number;
  downloads: number;
}

/** The listed datasets with the most of `metric`, ties to the lower datasetId. */
export async function popularRows(
  db: Kysely<Database>,
  window: 'all' | '7d',
  by: 'views' | 'downloads',
  limit: number,
): Promise<PopularRow[]> {
  const views = sql.ref(window === 'all' ? 'u.views_total' : 'u.views_7d');
  const downloads = sql.ref(window === 'all' ? 'u.downloads_total' : 'u.downloads_7d');
  const metric = by === 'views' ? views : downloads;
  const rows = await sql<PopularRow>`select d.id, d.identifier, d.title_zh, d.title_en, d.publisher_name,
      ${views} as views, ${downloads} as downloads
    from dataset_usage_totals u
    join datasets d on d.id = u.dataset_id
    where d.status in (${sql.join([...LISTED_STATUSES])}) and ${metric} > 0
    order by ${metric} desc, d.id
    limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({
    ...r,
    id: Number(r.id),
    views: Number(r.views),
    downloads: Number(r.downloads),
  }));
}

export interface SiteTotalsRow {
  views: number;
  downloads: number;
  apiCalls: number;
  firstDay: string | null;
  lastDay: string | null;
}

/** The site's counts over every aggregated day. */
export async function siteTotalsRow(db: Kysely<Database>): Promise<SiteTotalsRow> {
  const row = await sql<SiteTotalsRow>`select coalesce(sum(views), 0) as views,
      coalesce(sum(downloads), 0) as downloads, coalesce(sum(api_calls), 0) as api_calls,
      min(day) as first_day, max(day) as last_day
    from site_usage_daily`.execute(db);
  const r = row.rows[0];
  return {
    views: Number(r?.views ?? 0),
    downloads: Number(r?.downloads ?? 0),
    apiCalls: Number(r?.apiCalls ?? 0),
    firstDay: r?.firstDay ?? null,
    lastDay: r?.lastDay ?? null,
  };
}

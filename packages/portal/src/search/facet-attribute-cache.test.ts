import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { createDatasets, updateDatasetMetadata } from '../features/datasets/dataset.service.ts';
import { datasetInput, organizationRow } from '../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { facetAttributes, readFacetStamp } from './facet-attribute-cache.ts';
import { facetCounts } from './facets.ts';
import { searchDatasets } from './search-datasets.ts';
import type { FacetName } from './search-query.ts';

/**
 * The in-memory facet attributes follow every write that changes a facet: through the
 * dataset service, by plain SQL as the quality and organisation code does, from another
 * connection (as another web or worker process would), and never keep what a rolled-back
 * transaction wrote.
 */

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const NOW = new Date('2025-07-01T02:00:00Z');
const WORD = '柚子園';
let t: TestDatabase;
/** A second connection to the same database, standing for another process. */
let other: DatabaseHandle;
let id = 0;

async function openSecondConnection(): Promise<DatabaseHandle> {
  if (t.dialect === 'postgres')
    return openDatabase({
      databaseUrl: process.env.DATABASE_URL,
      sqlitePath: ':memory:',
      pgSchema: t.schema,
    });
  const row = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(
    t.db,
  );
  return openDatabase({ sqlitePath: row.rows[0]!.file });
}

/** The facet values (value → count) of the datasets matching WORD, as a search shows them. */
async function facet(name: FacetName): Promise<Record<string, number>> {
  const result = await searchDatasets(t, { q: WORD, limit: 10 });
  return Object.fromEntries(result.facets[name].map((f) => [f.value, f.count]));
}

beforeAll(async () => {
  t = await openTestDatabase();
  const [record] = await createDatasets(
    t,
    [{ input: datasetInput({ identifier: 'A41000000G-920001', title: `${WORD}雨量`, categoryCode: 'E00' }) }],
    { actor: 'test', now: NOW },
  );
  id = record!.datasetId;
  other = await openSecondConnection();
}, 60_000);
afterAll(async () => {
  await other.close();
  await t.destroy();
});

describe(`facet attribute cache on ${engine}`, () => {
  it('is reused while nothing changes', async () => {
    const first = await facetAttributes(t);
    expect(await facetAttributes(t)).toBe(first);
    const stamp = await readFacetStamp(t.db);
    // Not a facet column; facet columns rewritten with the values they had.
    await sql`update datasets set title_zh = title_zh || '' where id = ${id}`.execute(t.db);
    await sql`update datasets set category_code = category_code, quality_badge = quality_badge where id = ${id}`.execute(
      t.db,
    );
    await sql`update resources set format = format where dataset_id = ${id}`.execute(t.db);
    expect(await readFacetStamp(t.db)).toBe(stamp);
    expect(await facetAttributes(t)).toBe(first);
  });

  it('follows a write through the dataset service', async () => {
    expect(await facet('category')).toEqual({ E00: 1 });
    await updateDatasetMetadata(t, id, { categoryCode: 'I00' }, { actor: 'test', mode: 'patch', now: NOW });
    expect(await facet('category')).toEqual({ I00: 1 });
  });

  it('follows plain SQL writes to badges, formats, themes and organisation levels', async () => {
    await sql`update datasets set quality_badge = 'gold' where id = ${id}`.execute(t.db);
    expect(await facet('badge')).toEqual({ gold: 1 });

    await sql`update resources set format = 'ods' where dataset_id = ${id}`.execute(t.db);
    expect(await facet('format')).toEqual({ ODS: 1 });

    await sql`insert into dataset_themes (dataset_id, theme_code) values (${id}, 'transport')`.execute(t.db);
    expect(Object.keys(await facet('theme'))).toContain('transport');
    await sql`delete from dataset_themes where dataset_id = ${id}`.execute(t.db);
    expect(await facet('theme')).toEqual({});

    const org = await t.db
      .insertInto('organizations')
      .values(organizationRow({ nameZh: '柚子園管理處', level: 'central' }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`update datasets set organization_id = ${org.id} where id = ${id}`.execute(t.db);
    expect(await facet('level')).toEqual({ central: 1 });
    await sql`update organizations set level = 'local' where id = ${org.id}`.execute(t.db);
    expect(await facet('level')).toEqual({ local: 1 });
  });

  it('follows a write committed by another connection', async () => {
    const stamp = await readFacetStamp(t.db);
    await other.db.transaction().execute(async (trx) => {
      await sql`update datasets set license = '2', accrual_periodicity = '每1日' where id = ${id}`.execute(
        trx,
      );
    });
    expect(await readFacetStamp(t.db)).not.toBe(stamp);
    expect(await facet('licence')).toEqual({ '2': 1 });
    expect(await facet('frequency')).toEqual({ 每1日: 1 });

    const [added] = await createDatasets(
      { db: other.db, dialect: other.dialect },
      [{ input: datasetInput({ identifier: 'A41000000G-920002', title: `${WORD}水位`, type: 'SERVICES' }) }],
      { actor: 'test', now: NOW },
    );
    expect(added).toBeDefined();
    expect(await facet('type')).toEqual({ rawData: 1, SERVICES: 1 });
  });

  it('counts a dataset created after the attributes were read (reloads once)', async () => {
    const stale = await facetAttributes(t);
    const [added] = await createDatasets(
      { db: other.db, dialect: other.dialect },
      [
        {
          input: datasetInput({ identifier: 'A41000000G-920003', title: `${WORD}潮位`, categoryCode: 'H00' }),
        },
      ],
      { actor: 'test', now: NOW },
    );
    expect(stale.has(added!.datasetId)).toBe(false);
    const counts = await facetCounts(t, stale, [id, added!.datasetId]);
    expect(Object.fromEntries(counts.category.map((f) => [f.value, f.count]))).toEqual({ I00: 1, H00: 1 });
  });

  it('never keeps what a rolled-back transaction wrote', async () => {
    const rollback = new Error('roll back');
    await expect(
      t.db.transaction().execute(async (trx) => {
        await sql`update datasets set quality_badge = 'bronze' where id = ${id}`.execute(trx);
        const inside = await searchDatasets({ db: trx, dialect: t.dialect }, { q: WORD, limit: 10 });
        expect(inside.facets.badge.map((f) => f.value)).toContain('bronze');
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    // The other connection then moves the stamp on to the number the rolled-back write had.
    await sql`update datasets set publisher_name = publisher_name where id = ${id}`.execute(other.db);
    expect(await facet('badge')).not.toHaveProperty('bronze');
  });
});

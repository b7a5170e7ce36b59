import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatasetInputSchema } from '../datasets/dataset.schema.ts';
import { loadDatasets } from '../datasets/dataset.repo.ts';
import { recordToInput } from '../datasets/dataset.service.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { REAL_FILES } from './demo-real-files.ts';
import { seedDemoIfEmpty } from './demo-seed.ts';

const PUBLIC_URL = 'http://127.0.0.1:3999';
const NOW = new Date('2025-07-01T02:00:00Z');
const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

/** A hash of every identifier and title, in identifier order (the same on both databases). */
async function catalogueHash(t: TestDatabase): Promise<string> {
  const rows = await t.db.selectFrom('datasets').select(['identifier', 'titleZh']).execute();
  const lines = rows.map((r) => `${r.identifier}\t${r.titleZh}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

describe(`demo catalogue seed on ${dialect}`, () => {
  let t: TestDatabase;
  let seeded: { seeded: boolean; datasets: number };
  let datasets: DatasetRecord[];
  const log: string[] = [];

  beforeAll(async () => {
    t = await openTestDatabase();
    seeded = await seedDemoIfEmpty(t, { publicUrl: PUBLIC_URL, log: (m) => log.push(m), now: NOW });
    const ids = await t.db.selectFrom('datasets').select('id').orderBy('id').execute();
    datasets = await loadDatasets(
      t.db,
      ids.map((r) => r.id),
    );
  }, 120_000);
  afterAll(async () => {
    await t.destroy();
  });

  it('seeds at least 2,000 datasets, each valid and created with a version', async () => {
    expect(seeded.seeded).toBe(true);
    expect(seeded.datasets).toBeGreaterThanOrEqual(2000);
    expect(datasets).toHaveLength(seeded.datasets);
    const invalid = datasets
      .filter((d) => !DatasetInputSchema.safeParse(recordToInput(d)).success)
      .map((d) => d.identifier);
    expect(invalid).toEqual([]);
    const versions = await t.db
      .selectFrom('datasetVersions')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(versions.n)).toBe(datasets.length);
    expect(log.at(-1)).toMatch(/Demo catalogue: \d+ datasets, 8237 agencies/);
  });

  it('imports every agency of the registry, with parents and levels', async () => {
    const orgs = await t.db
      .selectFrom('organizations')
      .select(['id', 'parentId', 'level', 'agencyCode'])
      .execute();
    expect(orgs.length).toBeGreaterThanOrEqual(8000);
    expect(orgs.filter((o) => o.parentId !== null).length).toBeGreaterThan(7000);
    expect(new Set(orgs.map((o) => o.level))).toEqual(new Set(['central', 'local']));
  });

  it('publishes under registry agencies whose agency code begins each identifier', async () => {
    const orgs = new Map(
      (await t.db.selectFrom('organizations').selectAll().execute()).map((o) => [o.id, o]),
    );
    for (const d of datasets) {
      const org = orgs.get(d.organizationId ?? -1);
      expect(org?.nameZh, d.identifier).toBe(d.publisher);
      expect(d.identifier.startsWith(`${org?.agencyCode}-`), d.identifier).toBe(true);
    }
    const levels = new Set(datasets.map((d) => orgs.get(d.organizationId ?? -1)?.level));
    expect(levels).toEqual(new Set(['central', 'local']));
  });

  it('looks like a catalogue: statuses, formats, themes, categories, contacts', () => {
    const count = (f: (d: DatasetRecord) => boolean) => datasets.filter(f).length;
    expect(count((d) => d.status === 'published')).toBeGreaterThan(datasets.length * 0.85);
    for (const status of ['draft', 'delisting_scheduled', 'historical'])
      expect(count((d) => d.status === status)).toBeGreaterThan(5);
    const formats = new Set(datasets.flatMap((d) => d.distribution.map((r) => r.format)));
    for (const f of ['CSV', 'JSON', 'XML', 'PDF', 'XLSX', 'ODS', 'API']) expect(formats).toContain(f);
    expect(new Set(datasets.map((d) => d.categoryCode)).size).toBeGreaterThanOrEqual(15);
    expect(count((d) => d.themes.includes('transport'))).toBeGreaterThan(50);
    expect(count((d) => d.license === '1')).toBeGreaterThan(datasets.length * 0.8);
    expect(count((d) => d.distribution.length >= 1 && d.distribution.length <= 3)).toBe(datasets.length);
    expect(
      count((d) => d.keyword.length > 0 && d.fields.length > 0 && d.publisherContactEmail !== null),
    ).toBe(datasets.length);
    // A real description and contact of 宜蘭縣's catalogue.
    const yilan = datasets.find((d) => d.title === '宜蘭縣殯葬設施一覽表');
    expect(yilan).toMatchObject({
      publisherContactName: '林宜珍',
      publisherContactPhone: '(03)925-1000',
      organization: '宜蘭縣政府',
    });
  });

  it('points every resource at the portal itself, never the internet', () => {
    const urls = datasets.flatMap((d) => d.distribution.map((r) => r.downloadURL ?? r.accessURL ?? ''));
    expect(urls.filter((u) => !u.startsWith(`${PUBLIC_URL}/demo-files/`))).toEqual([]);
    const generated = datasets
      .flatMap((d) => d.distribution)
      .filter((r) => (r.downloadURL ?? r.accessURL ?? '').includes('/generated/'));
    for (const r of generated)
      expect(r.downloadURL ?? r.accessURL).toMatch(
        new RegExp(`/demo-files/generated/${r.resourceID}\\.(csv|json|xml|xlsx|ods|pdf)$`),
      );
  });

  it('attaches every real file to a dataset with its real format and encoding', () => {
    const resources = datasets.flatMap((d) => d.distribution.map((r) => ({ d, r })));
    for (const file of REAL_FILES) {
      const found = resources.find(({ r }) => r.downloadURL === `${PUBLIC_URL}/demo-files/${file.name}`);
      expect(found, file.name).toBeDefined();
      expect([file.name, found?.r.format, found?.r.characterSetCode]).toEqual([
        file.name,
        file.format,
        file.encoding,
      ]);
      expect(found?.r.resourceField.length, file.name).toBeGreaterThan(0);
    }
    const byFile = (name: string) =>
      resources.find(({ r }) => r.downloadURL?.endsWith(`/${name}`)) as (typeof resources)[number];
    expect(byFile('taitung-shelters-twd97.csv').d.publisher).toBe('臺東縣政府');
    expect(byFile('taitung-shelters-twd97.csv').r.resourceField.map((f) => f.name)).toContain('X坐標');
    expect(byFile('taitung-shelters-twd97.csv').r.resourceAmount).toBe(168);
    expect(byFile('dgpa-calendar-114-cp950.csv').d.publisher).toBe('行政院人事行政總處');
    expect(byFile('dgpa-calendar-114-cp950.csv').d.distribution.map((r) => r.characterSetCode)).toEqual([
      'UTF-8',
      'BIG5',
      'UTF-8',
    ]);
    expect(byFile('real-estate-taipei-a-roc-dates.csv').d.publisher).toBe('內政部');
    expect(byFile('real-estate-taipei-a-roc-dates.csv').r.resourceField[0]).toEqual({
      name: '鄉鎮市區',
      description: 'The villages and towns urban district',
    });
    expect(byFile('metadata-v1-example.json').d.identifier).toMatch(/^313200000G-/);
  });

  it('does nothing when called again', async () => {
    expect(await seedDemoIfEmpty(t, { publicUrl: PUBLIC_URL, log: () => {} })).toEqual({
      seeded: false,
      datasets: 0,
    });
    const n = await t.db
      .selectFrom('datasets')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(datasets.length);
  });

  it('seeds the same catalogue every time', async () => {
    const other = await openTestDatabase();
    try {
      await seedDemoIfEmpty(other, { publicUrl: PUBLIC_URL, log: () => {} });
      expect(await catalogueHash(other)).toBe(await catalogueHash(t));
    } finally {
      await other.destroy();
    }
  }, 120_000);
});

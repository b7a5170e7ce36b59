import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { fullDatasetInput } from '../dcat/dcat-fixtures.ts';
import { bandOf, MAX_SCORE } from './metadata-score.ts';
import { rescoreCatalogue, rescoreDatasets } from './metadata-score.service.ts';
import { storedScores } from './metadata-score.repo.ts';
import { resourceRowIds, saveRun } from './quality.repo.ts';

/* The metadata quality score (docs/quality.md "Metadata quality score") on both databases. */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const URL_OF = (n: number) => `https://example.gov.tw/rain-${n}.csv`;
const NO_LICENCE = { license: 'other', licenseURL: null };
const NO_CONTACT = {
  publisherContactName: null,
  publisherContactPhone: null,
  publisherContactEmail: null,
  organizationContactName: null,
  organizationContactPhone: null,
  organizationContactEmail: null,
};

let t: TestDatabase;
let app: FastifyInstance;

/** A dataset whose resource's URL answered its latest check (a `linkable` pass on that URL). */
async function answeredDataset(n: number, overrides: Record<string, unknown> = {}): Promise<number> {
  const [record] = await createDatasets(
    t,
    [
      {
        input: fullDatasetInput({
          identifier: `A41000000G-00000${n}`,
          distribution: [
            { resourceDescription: 'CSV', format: 'CSV', characterSetCode: 'UTF-8', downloadURL: URL_OF(n) },
          ],
          ...overrides,
        }),
      },
    ],
    { actor: 'test' },
  );
  const datasetId = record!.datasetId;
  const [rowId] = (await resourceRowIds(t.db, datasetId)).values();
  const at = '2026-01-20T00:00:00.000Z';
  await saveRun(t.db, {
    resourceId: rowId!,
    startedAt: at,
    finishedAt: at,
    trigger: 'manual',
    badge: 'bronze',
    httpStatus: 200,
    fetchError: null,
    sniffedFormat: 'csv',
    sha256: null,
    bytes: 2048,
    etag: null,
    lastModified: null,
    contentChanged: false,
    bodyTruncated: 0,
    results: { linkable: { status: 'pass', version: 1, evidence: { url: URL_OF(n), status: 200 } } },
  });
  return datasetId;
}

beforeAll(async () => {
  t = await openTestDatabase();
  app = await buildTestApp(t);
}, 30_000);

afterAll(async () => {
  await app.close();
  await t.destroy();
});

describe(`metadata quality score on ${dialect}`, () => {
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ids.full = await answeredDataset(1);
    ids.noLicence = await answeredDataset(2, NO_LICENCE);
    ids.noKeywords = await answeredDataset(3, { keyword: [] });
    ids.noContact = await answeredDataset(4, NO_CONTACT);
    ids.none = await answeredDataset(5, { ...NO_LICENCE, ...NO_CONTACT, keyword: [] });
  });

  it('gives a fully filled dataset with answering URLs every point, and its DCAT-AP conforms', async () => {
    const score = (await rescoreDatasets(t, [ids.full!])).get(ids.full!)!;
    expect(score.total).toBeGreaterThanOrEqual(351);
    expect(score.total).toBe(MAX_SCORE);
    expect(score.band).toBe('excellent');
    expect(score.indicators.dcatApConformance).toMatchObject({ points: 30, evidence: { conforms: true } });
    expect(score.indicators.accessUrlAnswers.points).toBe(50);
    expect(score.dimensions).toEqual({
      findability: { points: 100, max: 100 },
      accessibility: { points: 100, max: 100 },
      interoperability: { points: 110, max: 110 },
      reusability: { points: 75, max: 75 },
      contextuality: { points: 20, max: 20 },
    });
  });

  it('takes exactly the documented points away for a missing licence, keywords or contact', async () => {
    const scores = await rescoreDatasets(t, Object.values(ids));
    const total = (key: string) => scores.get(ids[key]!)!.total;
    expect(total('noLicence')).toBe(MAX_SCORE - 30);
    expect(scores.get(ids.noLicence!)!.indicators.licence).toMatchObject({
      points: 0,
      evidence: { passing: 0, of: 1, failing: ['A41000000G-000002-001'] },
    });
    expect(total('noKeywords')).toBe(MAX_SCORE - 30);
    expect(total('noContact')).toBe(MAX_SCORE - 20);
    expect(total('none')).toBe(MAX_SCORE - 80);
    expect(scores.get(ids.none!)!.band).toBe('good');
  });

  it('counts a URL that did not answer as lost accessibility points', async () => {
    await t.db
      .updateTable('resourceChecks')
      .set({ status: 'fail' })
      .where('checkId', '=', 'linkable')
      .execute();
    const score = (await rescoreDatasets(t, [ids.full!])).get(ids.full!)!;
    expect(score.indicators.accessUrlAnswers.points).toBe(0);
    expect(score.indicators.downloadUrlAnswers.points).toBe(0);
    expect(score.total).toBe(MAX_SCORE - 80);
    await t.db
      .updateTable('resourceChecks')
      .set({ status: 'pass' })
      .where('checkId', '=', 'linkable')
      .execute();
  });

  it('stores every score and shows it through the API and the page', async () => {
    const summary = await rescoreCatalogue(t);
    expect(summary).toEqual({ scored: 5, bands: { excellent: 4, good: 1, sufficient: 0, bad: 0 } });
    const stored = await storedScores(t.db, [ids.full!, ids.none!]);
    expect(stored.map((s) => [s.total, s.band])).toEqual([
      [405, 'excellent'],
      [325, 'good'],
    ]);
    const api = await app.inject({ method: 'GET', url: `/api/v1/datasets/${ids.none}/quality` });
    expect(api.statusCode).toBe(200);
    const body = api.json();
    expect(body.score).toMatchObject({ total: 325, band: 'good' });
    expect(body.score.indicators.keyword).toMatchObject({ points: 0, max: 30 });
    const page = await app.inject({ method: 'GET', url: `/dataset/${ids.none}` });
    expect(page.body).toContain('data-score-total="325"');
    expect(page.body).toContain('data-score-band="good"');
  });

  it('puts totals in bands at the boundaries', () => {
    expect([405, 351, 350, 221, 220, 121, 120, 0].map(bandOf)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'sufficient',
      'sufficient',
      'bad',
      'bad',
    ]);
  });
});

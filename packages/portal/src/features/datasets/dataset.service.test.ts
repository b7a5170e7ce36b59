import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { datasetInput } from '../../test/factories.ts';
import { listVersions } from './dataset.repo.ts';
import { changeDatasetStatus, createDatasets, getDataset, updateDatasetMetadata } from './dataset.service.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(`dataset service on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('creates a dataset with structured fields, resource ids and version 1', async () => {
    const [d] = await createDatasets(t, [{ input: datasetInput() }], { actor: 'test' });
    expect(d?.datasetId).toBe(1);
    expect(d?.fields).toEqual([
      { name: 'station', title: '測站代碼' },
      { name: 'rain', title: '時雨量', description: '毫米' },
    ]);
    expect(d?.updateFrequency).toEqual({ regular: true, every: 1, unit: 'hour' });
    expect(d?.distribution[0]?.resourceID).toBe('A41000000G-000001-001');
    const versions = await listVersions(t.db, d!.datasetId);
    expect(versions.map((v) => [v.version, v.action, v.actor])).toEqual([[1, 'create', 'test']]);
  });

  it('rejects invalid metadata with field-level codes and writes nothing', async () => {
    const e = await rejection(
      createDatasets(
        t,
        [
          {
            input: datasetInput({
              identifier: 'BAD-1',
              cost: '付費',
              publisherContactEmail: 'not-an-email',
              accrualPeriodicity: '偶爾',
              distribution: [{ format: 'CSV', characterSetCode: 'UTF-8' }],
            }),
          },
        ],
        { actor: 'test' },
      ),
    );
    expect(e.code).toBe('VALIDATION_FAILED');
    const problems = e.details as { field: string; code: string }[];
    const byField = Object.fromEntries(problems.map((p) => [p.field, p.code]));
    expect(byField).toMatchObject({
      identifier: 'pattern',
      publisherContactEmail: 'email',
      accrualPeriodicity: 'frequency',
      costURL: 'required_if_paid',
      costLaw: 'required_if_paid',
      'distribution[0].downloadURL': 'access_or_download_required',
    });
  });

  it('refuses a duplicate identifier', async () => {
    const e = await rejection(createDatasets(t, [{ input: datasetInput() }], { actor: 'test' }));
    expect(e.code).toBe('DUPLICATE_IDENTIFIER');
  });

  it('refuses a resourceID that does not belong to the dataset', async () => {
    const e = await rejection(
      createDatasets(
        t,
        [
          {
            input: datasetInput({
              identifier: 'A41000000G-000009',
              distribution: [
                {
                  resourceID: 'A41000000G-000001-002',
                  format: 'CSV',
                  characterSetCode: 'UTF-8',
                  downloadURL: 'https://x.gov.tw/a',
                },
              ],
            }),
          },
        ],
        { actor: 'test' },
      ),
    );
    expect(e.details).toEqual([
      expect.objectContaining({ field: 'distribution[0].resourceID', code: 'prefix' }),
    ]);
  });

  it('records a version with what changed on every change, and none for a no-op', async () => {
    const before = await getDataset(t, 'A41000000G-000001');
    const { record, changed } = await updateDatasetMetadata(
      t,
      before.datasetId,
      { title: '雨量站逐時觀測資料', keyword: ['雨量'] },
      { actor: 'editor', mode: 'patch' },
    );
    expect(changed).toBe(true);
    expect(record.version).toBe(2);
    const again = await updateDatasetMetadata(
      t,
      before.datasetId,
      { title: '雨量站逐時觀測資料' },
      { actor: 'editor', mode: 'patch' },
    );
    expect(again.changed).toBe(false);
    const versions = await listVersions(t.db, before.datasetId);
    expect(versions).toHaveLength(2);
    expect(versions[0]?.actor).toBe('editor');
    expect(versions[0]?.changes).toEqual({
      title: { from: '雨量站觀測資料', to: '雨量站逐時觀測資料' },
      keyword: { from: ['雨量', '氣象'], to: ['雨量'] },
    });
  });

  it('follows the status lifecycle and refuses illegal moves', async () => {
    const d = await getDataset(t, 'A41000000G-000001');
    const scheduled = await changeDatasetStatus(t, d.datasetId, 'delisting_scheduled', {
      actor: 'admin',
      delistingDate: '2099-12-31',
    });
    expect(scheduled.status).toBe('delisting_scheduled');
    const delisted = await changeDatasetStatus(t, d.datasetId, 'delisted', { actor: 'admin' });
    expect(delisted.status).toBe('delisted');
    const e = await rejection(changeDatasetStatus(t, d.datasetId, 'published', { actor: 'admin' }));
    expect(e.code).toBe('INVALID_STATUS_TRANSITION');
  });

  it('keeps explicit datasetIds and continues the serial after them', async () => {
    const [a] = await createDatasets(
      t,
      [{ input: datasetInput({ identifier: 'A41000000G-000100' }), system: { datasetId: 5000 } }],
      {
        actor: 'import',
      },
    );
    const [b] = await createDatasets(t, [{ input: datasetInput({ identifier: 'A41000000G-000101' }) }], {
      actor: 'test',
    });
    expect(a?.datasetId).toBe(5000);
    expect(b?.datasetId).toBeGreaterThan(5000);
  });
});

describe('scheduling a delisting (預計下架)', () => {
  it('needs a delisting date that is not in the past, and clears it when the schedule is lifted', async () => {
    const [d] = await createDatasets(t, [{ input: datasetInput({ identifier: 'A41000000G-000200' }) }], {
      actor: 'test',
    });
    const now = new Date('2026-11-27T00:00:00Z');
    const missing = await rejection(
      changeDatasetStatus(t, d!.datasetId, 'delisting_scheduled', { actor: 'a', now }),
    );
    expect(missing.details).toEqual([expect.objectContaining({ field: 'delistingDate', code: 'required' })]);
    const past = await rejection(
      changeDatasetStatus(t, d!.datasetId, 'delisting_scheduled', {
        actor: 'a',
        now,
        delistingDate: '2026-11-01',
      }),
    );
    expect(past.code).toBe('VALIDATION_FAILED');
    const scheduled = await changeDatasetStatus(t, d!.datasetId, 'delisting_scheduled', {
      actor: 'a',
      now,
      delistingDate: '2027-01-31',
    });
    expect([scheduled.status, scheduled.delistingDate]).toEqual(['delisting_scheduled', '2027-01-31']);
    const lifted = await changeDatasetStatus(t, d!.datasetId, 'published', { actor: 'a', now });
    expect([lifted.status, lifted.delistingDate]).toEqual(['published', null]);
  });
});

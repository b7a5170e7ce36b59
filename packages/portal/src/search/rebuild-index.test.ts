import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { datasetInput } from '../test/factories.ts';
import { createDatasets } from '../features/datasets/dataset.service.ts';
import { clearIndex, rebuildSearchIndex, searchDatasets } from './index.ts';

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

describe(`rebuildSearchIndex on ${dialect}`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
    await createDatasets(
      t,
      [
        { input: datasetInput({ identifier: 'A41000000G-000001', title: '臺北市雨量站' }) },
        { input: datasetInput({ identifier: 'A41000000G-000002', title: '臺東縣避難收容處所' }) },
        { input: datasetInput({ identifier: 'A41000000G-000003', title: '草稿資料集', status: 'draft' }) },
      ],
      { actor: 'test' },
    );
  });
  afterAll(() => t.destroy());

  it('indexes every listed dataset again, in batches, reporting progress', async () => {
    await clearIndex(t.db, t.dialect);
    expect((await searchDatasets(t, { q: '雨量', limit: 10, offset: 0 })).total).toBe(0);
    const progress: number[] = [];
    const count = await rebuildSearchIndex(t, { batchSize: 1, onProgress: (done) => progress.push(done) });
    expect(count).toBe(2);
    expect(progress).toEqual([1, 2]);
    expect((await searchDatasets(t, { q: '台北 雨量', limit: 10, offset: 0 })).total).toBe(1);
    expect((await searchDatasets(t, { q: '草稿', limit: 10, offset: 0 })).total).toBe(0);
  });
});

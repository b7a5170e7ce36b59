import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { datasetInput } from '../../test/factories.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { checkIntervalMs } from './check-interval.ts';
import { dueResources } from './quality-sweep.task.ts';

const DAY = 86_400_000;
const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

describe('checkIntervalMs (偵測頻率)', () => {
  it('follows 更新頻率 between daily and monthly, weekly when irregular', () => {
    expect(checkIntervalMs('每1小時')).toBe(DAY);
    expect(checkIntervalMs('每1日')).toBe(DAY);
    expect(checkIntervalMs('每2週')).toBe(14 * DAY);
    expect(checkIntervalMs('每1年')).toBe(30 * DAY);
    expect(checkIntervalMs('不定期')).toBe(7 * DAY);
    expect(checkIntervalMs('即時')).toBe(DAY);
    expect(checkIntervalMs('亂寫')).toBe(7 * DAY);
  });
});

describe(`dueResources on ${dialect}`, () => {
  let t: TestDatabase;
  const now = new Date('2026-11-27T12:00:00Z');
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await openTestDatabase();
    const make = (n: number, frequency: string, status = 'published') => ({
      input: datasetInput({ identifier: `A41000000G-00000${n}`, accrualPeriodicity: frequency, status }),
    });
    const created = await createDatasets(
      t,
      [make(1, '每1日'), make(2, '每1年'), make(3, '每1日'), make(4, '每1日', 'draft')],
      { actor: 'test' },
    );
    for (const d of created) {
      const row = await t.db
        .selectFrom('resources')
        .select('id')
        .where('datasetId', '=', d.datasetId)
        .executeTakeFirstOrThrow();
      ids[d.identifier] = row.id;
    }
    const checkedAt = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
    await t.db
      .updateTable('resources')
      .set({ qualityCheckedAt: checkedAt(2) })
      .where('id', 'in', [ids['A41000000G-000001']!, ids['A41000000G-000002']!])
      .execute();
  });
  afterAll(() => t.destroy());

  it('sends the never-checked first, then what its frequency makes due; never drafts', async () => {
    const due = await dueResources(t, now);
    expect(due).toEqual([ids['A41000000G-000003'], ids['A41000000G-000001']]);
    expect(await dueResources(t, now, 1)).toEqual([ids['A41000000G-000003']]);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';

let t: TestDatabase;
let app: FastifyInstance;
const ids = new Map<string, number>();
const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

const dataset = (n: number, title: string, keyword: string[], publisher: string, extra = {}) => ({
  input: datasetInput({
    identifier: `A41000000G-00000${n}`,
    title,
    description: '每日更新',
    keyword,
    publisher,
    ...extra,
  }),
});

beforeAll(async () => {
  t = await openTestDatabase();
  const created = await createDatasets(
    t,
    [
      dataset(1, '臺北市停車場資訊', ['停車場', '臺北市'], '臺北市政府交通局'),
      dataset(2, '台北市公車路線', ['公車', '台北市'], '臺北市政府交通局'),
      dataset(3, 'YouBike臺北市公共自行車即時資訊', ['YouBike', '自行車'], '臺北市政府交通局'),
      dataset(4, '高雄市停車場一覽表', ['停車場'], '高雄市政府交通局'),
      dataset(5, '臺北市停車場草稿', ['停車場草稿'], '臺北市政府交通局', { status: 'draft' }),
      dataset(6, '１０７年臺北市雨量統計', ['雨量'], '交通部中央氣象署'),
    ],
    { actor: 'test' },
  );
  for (const d of created) ids.set(d.identifier.slice(-1), d.datasetId);
  app = await buildTestApp(t);
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

const suggest = (q: string, extra = '') =>
  app.inject({ method: 'GET', url: `/api/v1/search/suggest?q=${encodeURIComponent(q)}${extra}` });

describe(`GET /api/v1/search/suggest on ${engine}`, () => {
  it('suggests agencies and keywords first, then titles that begin with the prefix, shorter first', async () => {
    const res = await suggest('台北');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      query: '台北',
      suggestions: [
        { text: '臺北市政府交通局', kind: 'agency' },
        // 臺北市 and 台北市 are one keyword of two datasets, written by the smaller code point on a tie.
        { text: '台北市', kind: 'keyword' },
        { text: '台北市公車路線', kind: 'title', datasetId: ids.get('2') },
        { text: '臺北市停車場資訊', kind: 'title', datasetId: ids.get('1') },
        { text: '１０７年臺北市雨量統計', kind: 'title', datasetId: ids.get('6') },
        { text: 'YouBike臺北市公共自行車即時資訊', kind: 'title', datasetId: ids.get('3') },
      ],
    });
  });

  it('reads simplified and full-width input, and never suggests a draft', async () => {
    expect((await suggest('停车')).json().suggestions).toEqual([
      { text: '停車場', kind: 'keyword' },
      { text: '臺北市停車場資訊', kind: 'title', datasetId: ids.get('1') },
      { text: '高雄市停車場一覽表', kind: 'title', datasetId: ids.get('4') },
    ]);
    expect((await suggest('ＹＯＵＢ')).json().suggestions).toEqual([
      { text: 'YouBike', kind: 'keyword' },
      { text: 'YouBike臺北市公共自行車即時資訊', kind: 'title', datasetId: ids.get('3') },
    ]);
    expect((await suggest('107')).json().suggestions).toEqual([
      { text: '１０７年臺北市雨量統計', kind: 'title', datasetId: ids.get('6') },
    ]);
  });

  it('treats the last word as unfinished only while it is being typed', async () => {
    expect((await suggest('youbi')).json().suggestions).toHaveLength(2);
    expect((await suggest('youbi ')).json().suggestions).toEqual([]);
    expect((await suggest('高雄 停')).json().suggestions).toEqual([
      { text: '高雄市停車場一覽表', kind: 'title', datasetId: ids.get('4') },
    ]);
  });

  it('keeps to the limit, terms taking at most half of it while titles remain', async () => {
    const two = (await suggest('台北', '&limit=2')).json().suggestions;
    expect(two.map((s: { kind: string }) => s.kind)).toEqual(['agency', 'title']);
    const three = (await suggest('台北', '&limit=3')).json().suggestions;
    expect(three.map((s: { kind: string }) => s.kind)).toEqual(['agency', 'keyword', 'title']);
  });

  it('refuses a limit outside 1 to 10 with the error body', async () => {
    for (const limit of ['0', '11', 'x']) {
      const res = await suggest('台北', `&limit=${limit}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it.each([
    ['empty', ''],
    ['10 KB', '臺'.repeat(10_240)],
    ['only punctuation', '!!!、。？'],
    ['FTS syntax', '* ^ : ( ) " NEAR AND OR NOT'],
    ['unbalanced quotes', '"停車'],
    ['SQL', "'; drop table datasets; --"],
  ])('answers 200 to %s input', async (_name, q) => {
    const res = await suggest(q);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Array.isArray(body.suggestions)).toBe(true);
    expect([...body.query].length).toBeLessThanOrEqual(64);
  });

  it('reads unbalanced quotes as text', async () => {
    expect((await suggest('"停車')).json().suggestions[0]).toEqual({ text: '停車場', kind: 'keyword' });
  });
});

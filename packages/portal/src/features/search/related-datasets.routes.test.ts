import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADERS, buildTestApp } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';

let t: TestDatabase;
let app: FastifyInstance;
const ids = new Map<string, number>();
const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

const dataset = (key: string, title: string, keyword: string[], extra = {}) => ({
  input: datasetInput({
    identifier: `A41000000G-${key.padStart(6, '0')}`,
    title,
    keyword,
    categoryCode: 'A00',
    ...extra,
  }),
});

beforeAll(async () => {
  t = await openTestDatabase();
  const created = await createDatasets(
    t,
    [
      dataset('1', '臺北市停車場資訊', ['停車場', '交通'], { themes: ['transport'] }),
      dataset('2', '新北市停車場資訊', ['停車場']),
      dataset('3', '臺北市公車路線', ['交通']),
      dataset('4', '雨量站觀測資料', ['雨量'], { categoryCode: 'E00' }),
      dataset('5', '臺北市停車場資訊草稿', ['停車場'], { status: 'draft' }),
      // Two equal matches: the one in another 服務分類 comes first by datasetId, but loses the tie.
      dataset('6', '桃園市路邊停車', ['收費'], { categoryCode: 'E00' }),
      dataset('7', '桃園市路邊停車', ['收費'], { themes: ['transport'] }),
      // Equal matches for 10, in the same 服務分類: a shared theme, then the same agency, come first.
      dataset('8', '嘉義縣垃圾清運點', ['清運'], { publisher: '嘉義縣環境保護局' }),
      dataset('9', '嘉義縣垃圾清運點', ['清運'], { publisher: '嘉義縣環境保護局', themes: ['transport'] }),
      dataset('10', '嘉義縣垃圾清運時間', ['清運'], { themes: ['transport'] }),
      dataset('11', '嘉義縣垃圾清運點', ['清運']),
    ],
    { actor: 'test' },
  );
  for (const d of created) ids.set(String(Number(d.identifier.slice(-6))), d.datasetId);
  app = await buildTestApp(t);
});
afterAll(async () => {
  await app.close();
  await t.destroy();
});

const related = (id: number | string, extra = '', headers = {}) =>
  app.inject({ method: 'GET', url: `/api/v1/datasets/${id}/related${extra}`, headers });

const keys = (body: { results: { datasetId: number }[] }) =>
  body.results.map((r) => [...ids].find(([, id]) => id === r.datasetId)?.[0]);

describe(`GET /api/v1/datasets/{datasetId}/related on ${engine}`, () => {
  it('lists the most similar listed datasets, never the dataset itself', async () => {
    const res = await related(ids.get('1')!);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.datasetId).toBe(ids.get('1'));
    // 2 shares a keyword and most title words; 3 shares a keyword and 臺北市; 7 and 6 share 停車.
    expect(keys(body)).toEqual(['2', '3', '7', '6']);
    expect(body.results[0]).toMatchObject({
      identifier: 'A41000000G-000002',
      title: '新北市停車場資訊',
      agency: '交通部中央氣象署',
      categoryCode: 'A00',
    });
    const scores = body.results.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[2]).toBe(scores[3]);
  });

  it('breaks ties by 服務分類, themes and agency', async () => {
    expect(keys((await related(ids.get('2')!)).json())).toEqual(['1', '3', '7', '6']);
    expect(keys((await related(ids.get('10')!)).json())).toEqual(['9', '11', '8']);
  });

  it('finds nothing for a dataset that shares nothing, and takes an identifier', async () => {
    const body = (await related('A41000000G-000004')).json();
    expect(body).toEqual({ datasetId: ids.get('4'), results: [] });
  });

  it('keeps to the limit and refuses one outside 1 to 20', async () => {
    expect((await related(ids.get('1')!, '?limit=1')).json().results).toHaveLength(1);
    for (const limit of ['0', '21']) {
      const res = await related(ids.get('1')!, `?limit=${limit}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 404 with the error body for an unknown or unlisted dataset', async () => {
    for (const id of ['999999', 'A41000000G-000099', String(ids.get('5'))]) {
      const res = await related(id);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toMatchObject({ code: 'DATASET_NOT_FOUND', requestId: expect.any(String) });
    }
    // The admin sees the draft and what is like it, still only listed datasets.
    const res = await related(ids.get('5')!, '', ADMIN_HEADERS);
    expect(res.statusCode).toBe(200);
    expect(keys(res.json())[0]).toBe('1');
  });
});

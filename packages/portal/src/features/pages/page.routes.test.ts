import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { datasetInput } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';

let t: TestDatabase;
let app: FastifyInstance;
let firstId: number;
let evilId: number;

const serial = (n: number) => `A41000000G-${String(n).padStart(6, '0')}`;

beforeAll(async () => {
  t = await openTestDatabase();
  const items = Array.from({ length: 32 }, (_, i) => ({
    input: datasetInput({ identifier: serial(i + 1), title: `測試資料集${String(i + 1).padStart(2, '0')}` }),
  }));
  items.push({
    input: datasetInput({
      identifier: serial(90),
      title: '<script>alert(1)</script>資料',
      notes: 'a & b <b>',
    }),
  });
  items.push({ input: datasetInput({ identifier: serial(91), title: '草稿資料集', status: 'draft' }) });
  const records = await createDatasets(t, items, { actor: 'test' });
  firstId = records[0]!.datasetId;
  evilId = records[32]!.datasetId;
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

function rows(html: string): number {
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? '';
  return body.match(/<tr>/g)?.length ?? 0;
}

describe(`datasets pages on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it.each(['/', '/datasets'])('%s renders an accessible list of 30 datasets a page', async (url) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    const html = res.body;
    expect(html.startsWith('<!DOCTYPE html><html lang="zh-Hant-TW">')).toBe(true);
    expect(html).toContain('<a class="skip-link" href="#main">');
    expect(html).toContain('<main id="main" tabindex="-1">');
    expect(html).toContain('<h1>資料集</h1>');
    expect(html).toContain('<label for="q">');
    expect(html).toContain('<th scope="col">提供機關</th>');
    expect(rows(html)).toBe(30);
    expect(html).toContain(`<a href="/datasets/${firstId}">測試資料集01</a>`);
    expect(html).toContain('<td>交通部中央氣象署</td><td>生活安全及品質</td><td>CSV</td>');
    expect(html).toContain('共 33 筆資料集，第 1 / 2 頁');
    expect(html).toContain('<a href="/datasets?page=2" rel="next">下一頁</a>');
    expect(html).toContain('<link rel="alternate" type="application/json" href="/datasets.json"/>');
    expect(html).not.toContain('草稿資料集');
  });

  it('pages on and keeps the search in the paging links', async () => {
    const page2 = await app.inject('/datasets?page=2');
    expect(rows(page2.body)).toBe(3);
    expect(page2.body).toContain('<a href="/datasets" rel="prev">上一頁</a>');
    expect(page2.body).toContain('aria-current="page"');
    const search = await app.inject('/datasets?q=測試');
    expect(search.body).toContain('共 32 筆資料集');
    expect(search.body).toContain('<a href="/datasets?q=%E6%B8%AC%E8%A9%A6&amp;page=2" rel="next">');
    expect(search.body).toContain('value="測試"');
  });

  it('escapes everything it renders', async () => {
    const list = await app.inject('/datasets?page=2');
    expect(list.body).toContain('&lt;script>alert(1)&lt;/script>資料');
    expect(list.body).not.toContain('<script>');
    const page = await app.inject(`/datasets/${evilId}`);
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('a &amp; b &lt;b>');
  });

  it('renders a dataset page with the fields in data.gov.tw order and download links', async () => {
    const res = await app.inject(`/datasets/${firstId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBeDefined();
    const html = res.body;
    expect(html).toContain('<title>測試資料集01 | odp 政府資料開放平臺</title>');
    expect(html).toContain('<h1>測試資料集01</h1>');
    const labels = [
      '主要欄位說明',
      '資料資源下載網址',
      '提供機關',
      '提供機關聯絡人姓名',
      '更新頻率',
      '授權方式',
      '計費方式',
      '上架日期',
      '資料集上架方式',
      '詮釋資料更新時間',
      '服務分類',
      '資料集屬性',
      '關鍵字',
      '相關網址',
      '備註',
    ];
    const positions = labels.map((l) => html.indexOf(`<th scope="row">${l}</th>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('<a href="https://example.gov.tw/rain.csv">下載 CSV：雨量站觀測資料 CSV</a>');
    expect(html).toContain('<a href="https://data.gov.tw/license">政府資料開放授權條款-第1版</a>');
    expect(html).toContain('陳先生 (02-23491234)');
    expect(html).toContain(`<a href="/datasets/${firstId}.json">`);
    expect((await app.inject('/datasets/A41000000G-000001')).body).toBe(html);
  });

  it('has .json twins with the same data', async () => {
    const list = await app.inject('/datasets.json?page=2');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 33, page: 2, perPage: 30, pageCount: 2 });
    expect(list.json().results).toHaveLength(3);
    const first = await app.inject('/datasets.json');
    expect(first.json().results[0].title).toBe('測試資料集01');
    const one = await app.inject(`/datasets/${firstId}.json`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual((await app.inject(`/api/v1/datasets/${firstId}`)).json());
    expect((await app.inject('/datasets/A41000000G-000091.json')).json().error.code).toBe(
      'DATASET_NOT_FOUND',
    );
  });

  it('answers missing and bad pages with an HTML error page', async () => {
    const draft = await app.inject('/datasets/A41000000G-000091');
    expect(draft.statusCode).toBe(404);
    expect(draft.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(draft.body).toContain('<h1>找不到頁面</h1>');
    expect(draft.body).toContain('DATASET_NOT_FOUND');
    const bad = await app.inject('/datasets?page=zero');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('VALIDATION_FAILED');
    const nowhere = await app.inject({ url: '/no-such-page', headers: { accept: 'text/html' } });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.body).toContain('<html lang="zh-Hant-TW">');
    expect(nowhere.body).toContain(String(nowhere.headers['x-request-id']));
  });
});

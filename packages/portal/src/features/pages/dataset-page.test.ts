import { describe, expect, it } from 'vitest';
import { CATALOGUE_COLUMNS, PUBLICATION_METHOD_COLUMN_SINGLE } from '../catalogue-io/catalogue-columns.ts';
import { getVersion, insertVersions } from '../datasets/dataset.repo.ts';
import { DB_NAME, has, usePageFixture } from './page-fixtures.ts';

const { f, get } = usePageFixture();

function jsonLd(html: string): Record<string, unknown> {
  const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  expect(block, 'JSON-LD block').not.toBeNull();
  return JSON.parse(block![1]!) as Record<string, unknown>;
}

describe(`dataset page on ${DB_NAME}`, () => {
  it('shows the metadata in data.gov.tw order, then the rest of the standard', async () => {
    const res = await get(`/dataset/${f().firstId}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    has(html, '<title>測試雨量資料集01 | odp 政府資料開放平臺</title>');
    has(html, '<h1>測試雨量資料集01</h1>');
    // The 22 columns of the data.gov.tw catalogue export (column 9 without its doubled 資), then the rest.
    const labels = [
      ...CATALOGUE_COLUMNS.map((c) => (c === '資資料集上架方式' ? PUBLICATION_METHOD_COLUMN_SINGLE : c)),
      '上級機關',
      '資料集類型',
      '主題',
      '關鍵字',
    ];
    const positions = labels.map((l) => html.indexOf(`<th scope="row">${l}</th>`));
    expect(positions.filter((p) => p < 0)).toEqual([]);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    has(html, '<th scope="row">資料提供屬性</th><td>檔案資料</td>');
    has(html, '<th scope="row">服務分類</th><td><a href="/categories/E00">生活安全及品質</a></td>');
    has(
      html,
      `<th scope="row">提供機關</th><td><a href="/organizations/${f().bureauId}">交通部中央氣象署</a></td>`,
    );
    has(html, '<a href="https://data.gov.tw/license">政府資料開放授權條款-第1版</a>');
    has(html, '陳先生 (02-23491234)');
    has(
      html,
      '<th scope="row">主題</th><td><ul class="keywords"><li><a href="/themes/climate">氣候環境</a></li></ul></td>',
    );
    has(html, '<th scope="row"><code>station</code></th><td>測站代碼</td>');
  });

  it('lists the resources with format, encoding, badge, size, check time and download link', async () => {
    const html = (await get(`/dataset/${f().firstId}`)).body;
    has(html, '<h2 id="resources">資料資源</h2>');
    for (const col of [
      '資料資源描述',
      '檔案格式',
      '編碼格式',
      '品質標章',
      '檔案大小',
      '品質檢測時間',
      '下載與存取',
    ]) {
      has(html, `<th scope="col">${col}</th>`);
    }
    has(html, '<td>CSV</td><td>UTF-8</td><td>尚未檢測</td>');
    // The download link is the counted route, which redirects to the file.
    const download = `/dataset/${f().firstId}/resource/A41000000G-000001-001/download`;
    has(html, `<a href="${download}">下載 CSV：雨量站觀測資料 CSV</a>`);
    expect(html).not.toContain('href="https://example.gov.tw/rain.csv"');
    const redirect = await get(download);
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('https://example.gov.tw/rain.csv');
    has(html, '<a href="#resources">1 筆資料資源（見下方）</a>');
    const english = (await get(`/en/dataset/${f().firstId}`)).body;
    has(english, `<a href="/en${download}">Download CSV: 雨量站觀測資料 CSV</a>`);
    expect((await get(`/en${download}`)).headers.location).toBe('https://example.gov.tw/rain.csv');
  });

  it('shows the views and downloads counted so far in the metadata table', async () => {
    const html = (await get(`/dataset/${f().firstId}`)).body;
    has(html, '<th scope="row">瀏覽次數</th><td>0 次（近 7 日 0 次）</td>');
    has(html, '<th scope="row">下載次數</th><td>0 次（近 7 日 0 次）</td>');
    const english = (await get(`/en/dataset/${f().firstId}`)).body;
    has(english, '<th scope="row">Page views</th><td>0 (0 in the last 7 days)</td>');
    has(english, '<th scope="row">Downloads</th><td>0 (0 in the last 7 days)</td>');
  });

  it('links keywords to searches, shows related datasets, the API snippet and the quality section', async () => {
    const html = (await get(`/dataset/${f().firstId}`)).body;
    has(
      html,
      `<a href="/datasets?q=${encodeURIComponent('keyword:"雨量"')}" title="搜尋關鍵字「雨量」">雨量</a>`,
    );
    has(html, '<h2 id="related">相關資料集</h2>');
    expect(html).toMatch(/<a href="\/dataset\/\d+">測試雨量資料集\d\d<\/a>/);
    has(html, `curl 'http://localhost:3000/api/v1/datasets/${f().firstId}'`);
    has(html, `curl 'http://localhost:3000/api/v2/rest/dataset/${f().firstId}'`);
    has(html, '<h2 id="quality">品質檢測結果</h2>');
    has(html, `<a href="/dataset/${f().firstId}.json">本頁 JSON</a>`);
    const search = await get(`/datasets.json?q=${encodeURIComponent('keyword:"雨量"')}`);
    expect(search.json().total).toBe(32);
  });

  it('carries schema.org Dataset JSON-LD', async () => {
    const data = jsonLd((await get(`/dataset/${f().englishId}`)).body);
    expect(data).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'Dataset',
      name: '颱風警報',
      alternateName: 'Typhoon warnings',
      identifier: 'A41000000G-000080',
      url: `http://localhost:3000/dataset/${f().englishId}`,
      license: 'https://data.gov.tw/license',
      isAccessibleForFree: true,
      publisher: { '@type': 'GovernmentOrganization', name: '交通部中央氣象署' },
      distribution: [
        { '@type': 'DataDownload', encodingFormat: 'CSV', contentUrl: 'https://example.gov.tw/rain.csv' },
      ],
    });
  });

  it('escapes hostile metadata everywhere, the JSON-LD block included', async () => {
    const html = (await get(`/dataset/${f().evilId}`)).body;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('</script><script>');
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    has(html, '<h1>&lt;script>alert(1)&lt;/script>資料</h1>');
    has(html, 'a &amp; b &lt;b>');
    has(html, '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(jsonLd(html).name).toBe('<script>alert(1)</script>資料');
  });

  it('shows English labels and English metadata where the catalogue has it', async () => {
    const html = (await get(`/en/dataset/${f().englishId}`)).body;
    has(html, '<h1>Typhoon warnings</h1>');
    has(html, '<p>Typhoon warnings issued</p>');
    has(html, '<th scope="row">Provided as</th><td>Files</td>');
    has(
      html,
      '<th scope="row">Service category</th><td><a href="/en/categories/I00">Public information</a></td>',
    );
    has(
      html,
      '<nav class="breadcrumb wrap" aria-label="Breadcrumb"><ol><li><a href="/en">Home</a></li><li><a href="/en/datasets">Datasets</a></li>',
    );
    const chinese = (await get(`/en/dataset/${f().firstId}`)).body;
    has(chinese, '<h1 lang="zh-Hant-TW">測試雨量資料集01</h1>');
    has(chinese, '<th scope="row">Agency</th><td><a href="/en/organizations/');
    has(chinese, '<span lang="zh-Hant-TW">交通部中央氣象署</span>');
  });

  it('shows the version history: the latest 10, each linking to its JSON, and the full list', async () => {
    const html = (await get(`/dataset/${f().firstId}`)).body;
    has(html, '<h2 id="versions">版本紀錄</h2>');
    has(html, '<caption>最近 1 個版本</caption>');
    const api = `/api/v1/datasets/${f().firstId}/versions`;
    has(html, `<th scope="row"><a href="${api}/1">第 1 版（JSON）</a></th>`);
    has(html, '<td><code>test</code></td><td><code>create</code></td>');
    has(html, `<a href="${api}">全部版本紀錄（JSON）</a>`);

    // Eleven more versions of another dataset: the page shows the newest ten.
    const id = f().taipeiId;
    const first = await getVersion(f().t.db, id, 1);
    await insertVersions(
      f().t.db,
      Array.from({ length: 11 }, (_, i) => ({
        datasetId: id,
        version: i + 2,
        actor: i % 2 === 0 ? 'admin-token' : 'import:taipei.csv',
        action: i % 2 === 0 ? 'update' : 'import',
        changes: { title: { from: 'a', to: 'b' } },
        snapshot: first!.snapshot,
        createdAt: `2026-03-${String(i + 2).padStart(2, '0')}T08:00:00.000Z`,
      })),
    );
    const many = (await get(`/dataset/${id}`)).body;
    has(many, '<caption>最近 10 個版本</caption>');
    const links = [...many.matchAll(/<a href="\/api\/v1\/datasets\/\d+\/versions\/(\d+)">/g)].map(
      (m) => m[1],
    );
    expect(links).toEqual(['12', '11', '10', '9', '8', '7', '6', '5', '4', '3']);
    has(
      many,
      `<th scope="row"><a href="/api/v1/datasets/${id}/versions/12">第 12 版（JSON）</a></th>` +
        '<td><time datetime="2026-03-12T08:00:00.000Z">2026-03-12 08:00</time></td>' +
        '<td><code>admin-token</code></td><td><code>update</code></td>',
    );
    has(many, '<td><code>import:taipei.csv</code></td><td><code>import</code></td>');
    // Each link is the versions API's JSON of that version.
    const twelve = await get(`/api/v1/datasets/${id}/versions/12`);
    expect(twelve.json()).toMatchObject({ version: 12, actor: 'admin-token', action: 'update' });

    const english = (await get(`/en/dataset/${id}`)).body;
    has(english, '<h2 id="versions">Version history</h2>');
    has(english, '<caption>The latest 10 versions</caption>');
    has(english, `<a href="/api/v1/datasets/${id}/versions/12">Version 12 (JSON)</a>`);
    has(english, `<a href="/api/v1/datasets/${id}/versions">All versions (JSON)</a>`);
    // The .json twin stays the REST dataset, without the history.
    const json = (await get(`/dataset/${id}.json`)).json() as Record<string, unknown>;
    expect(json).toEqual((await get(`/api/v1/datasets/${id}`)).json());
    expect(json).not.toHaveProperty('versions');
  });

  it('finds a dataset by identifier and has a .json twin equal to the REST API', async () => {
    const byId = (await get(`/dataset/${f().firstId}`)).body;
    expect((await get('/dataset/A41000000G-000001')).body).toBe(byId);
    const json = await get(`/dataset/${f().firstId}.json`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual((await get(`/api/v1/datasets/${f().firstId}`)).json());
    expect((await get(`/en/dataset/${f().firstId}.json`)).json().title).toBe('測試雨量資料集01');
  });
});

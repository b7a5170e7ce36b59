import { describe, expect, it } from 'vitest';
import { DB_NAME, has, usePageFixture } from './page-fixtures.ts';

const { f, get } = usePageFixture();

describe(`home, agency, theme and information pages on ${DB_NAME}`, () => {
  it('home shows the totals, newest datasets, themes, categories and a search box', async () => {
    const html = (await get('/')).body;
    has(html, '<title>odp 政府資料開放平臺</title>');
    has(html, '<form class="search-box" role="search" method="get" action="/datasets">');
    has(html, '<li><strong>35</strong><a href="/datasets">資料集</a></li>');
    has(html, '<li><strong>2</strong><a href="/organizations">提供機關</a></li>');
    has(html, '<li><strong>35</strong>資料資源</li>');
    has(html, '<h2 id="newest">最新上架資料集</h2>');
    has(
      html,
      '<a href="/themes/climate"><span class="name">氣候環境</span><span class="count">33 筆資料集</span></a>',
    );
    has(
      html,
      '<a href="/categories/A00"><span class="name">交通及通訊</span><span class="count">1 筆資料集</span></a>',
    );
    has(html, '<h3>候選主題</h3>');
    const json = (await get('/index.json')).json();
    expect(json.totals).toEqual({ datasets: 35, organizations: 2, resources: 35 });
    expect(json.newest).toHaveLength(8);
    expect(json.categories).toHaveLength(18);
    const en = (await get('/en/index.json')).json();
    expect(en.themes.find((t: { code: string }) => t.code === 'climate').name).toBe(
      'Climate and environment',
    );
  });

  it('/organizations is a 中央/地方 tree with dataset counts', async () => {
    const html = (await get('/organizations')).body;
    has(html, '<h2 id="central">中央機關</h2>');
    has(
      html,
      `<a href="/organizations/${f().ministryId}">交通部</a> <span class="muted">(34 筆)</span><ul><li><a href="/organizations/${f().bureauId}">交通部中央氣象署</a> <span class="muted">(34 筆)</span>`,
    );
    has(html, '<h2 id="local">地方機關</h2>');
    has(html, `<a href="/organizations/${f().cityId}">臺北市政府</a> <span class="muted">(1 筆)</span>`);
    const json = (await get('/organizations.json')).json();
    expect(json.central[0]).toMatchObject({ id: f().ministryId, datasets: 34, ownDatasets: 0 });
    expect(json.central[0].children[0]).toMatchObject({ id: f().bureauId, datasets: 34, ownDatasets: 34 });
    expect(json.local).toEqual([expect.objectContaining({ id: f().cityId, datasets: 1 })]);
    const en = (await get('/en/organizations')).body;
    has(en, `<a href="/en/organizations/${f().bureauId}">Central Weather Administration</a>`);
    has(en, `<a href="/en/organizations/${f().cityId}"><span lang="zh-Hant-TW">臺北市政府</span></a>`);
  });

  it('an agency page shows its parent, badges and datasets, by id, OID or agency code', async () => {
    const html = (await get(`/organizations/${f().bureauId}`)).body;
    has(html, '<h1>交通部中央氣象署</h1>');
    has(html, `<dd><a href="/organizations/${f().ministryId}">交通部</a></dd>`);
    has(html, '<th scope="row">無</th><td>34</td>');
    has(html, '共 34 筆資料集');
    has(html, `<a href="/organizations/${f().bureauId}?offset=30" rel="next">下一頁</a>`);
    has(
      html,
      `<a href="/datasets?agency=${encodeURIComponent('交通部中央氣象署')}">在資料集搜尋中查看全部</a>`,
    );
    const ministry = (await get(`/organizations/${f().ministryId}`)).body;
    has(
      ministry,
      `<a href="/organizations/${f().bureauId}">交通部中央氣象署</a> <span class="muted">(34 筆)</span>`,
    );
    const byCode = await get('/organizations/A41000000G.json');
    expect(byCode.json()).toMatchObject({
      organization: { id: f().bureauId },
      total: 34,
      badges: { none: 34 },
    });
    expect(byCode.json().results).toHaveLength(30);
    expect((await get('/organizations/2.16.886.101.20003.20006.json')).json().organization.id).toBe(
      f().bureauId,
    );
    expect((await get(`/organizations/${f().bureauId}.json?offset=30`)).json().results).toHaveLength(4);
  });

  it('/themes lists themes and sub-categories with counts; a theme page lists its datasets', async () => {
    const html = (await get('/themes')).body;
    has(html, '<a href="/themes/disaster">災害防救</a> <span class="muted">(1 筆資料集)</span>');
    has(
      html,
      '<a href="/themes/disaster-01"><span class="name">天然災害</span><span class="count">1 筆資料集</span></a>',
    );
    has(html, '<h2 id="candidate">候選主題</h2>');
    const theme = (await get('/themes/disaster')).body;
    has(theme, '<h1>災害防救</h1>');
    has(theme, `<a href="/dataset/${f().englishId}"><span>颱風警報</span></a>`);
    has(theme, '<a href="/themes/disaster-01"><span class="name">天然災害</span>');
    const sub = (await get('/themes/disaster-01')).body;
    has(
      sub,
      '<li><a href="/themes">主題</a></li><li><a href="/themes/disaster">災害防救</a></li><li aria-current="page">天然災害</li>',
    );
    const json = (await get('/themes/disaster.json')).json();
    expect(json).toMatchObject({ code: 'disaster', total: 1, parent: null, candidate: false });
    expect(json.results[0].datasetId).toBe(f().englishId);
    expect((await get('/en/themes.json')).json().themes[0]).toMatchObject({
      code: 'climate',
      name: 'Climate and environment',
      count: 33,
    });
  });

  it('category pages list their datasets', async () => {
    const html = (await get('/categories/A00')).body;
    has(html, '<h1>交通及通訊</h1>');
    has(html, `<a href="/dataset/${f().taipeiId}"><span>臺北市公共自行車站點</span></a>`);
    has(html, '<a href="/datasets?category=A00">在資料集搜尋中查看全部</a>');
    expect((await get('/categories.json')).json().categories).toContainEqual({
      code: 'E00',
      name: '生活安全及品質',
      count: 33,
    });
    expect((await get('/en/categories/A00.json')).json()).toMatchObject({
      name: 'Transport and communications',
      total: 1,
    });
  });

  it('the information pages have their content in both languages', async () => {
    has((await get('/licence')).body, '<h1>政府資料開放授權條款－第1版</h1>');
    has((await get('/en/licence')).body, '<h1>Open Government Data License, version 1.0</h1>');
    expect((await get('/licence.json')).json().url).toBe('https://data.gov.tw/license');
    const api = (await get('/api')).body;
    has(api, '<a href="/api/docs">API 文件（Swagger UI）</a>');
    has(api, `<code>curl 'http://localhost:3000/api/v2/rest/dataset/1'</code>`);
    has((await get('/en/api')).body, '<a href="/en/datasets.json?q=');
    has((await get('/faq')).body, '<dt>資料可以商業使用嗎？</dt>');
    expect((await get('/en/faq.json')).json().items[0].q).toBe('May I use the data commercially?');
    const sitemap = (await get('/sitemap')).body;
    has(sitemap, 'Alt+U：上方功能區塊');
    for (const path of [
      '/datasets',
      '/organizations',
      '/themes',
      '/categories',
      '/api',
      '/about',
      '/faq',
      '/licence',
    ]) {
      has(sitemap, `<a href="${path}">`);
    }
    has((await get('/en/sitemap')).body, '<a href="/en/organizations">Agencies</a>');
    has((await get('/about')).body, '<h1>關於本平臺</h1>');
  });
});

import { describe, expect, it } from 'vitest';
import { DB_NAME, has, usePageFixture } from './page-fixtures.ts';

const { f, get } = usePageFixture();

const RAIN = encodeURIComponent('雨量');

function h1s(html: string): string[] {
  return [...html.matchAll(/<h1[^>]*>([\s\S]*?)<\/h1>/g)].map((m) => m[1]!);
}

describe(`portal pages on ${DB_NAME}`, () => {
  const pages = () => [
    '/',
    '/datasets',
    '/datasets?q=雨量',
    `/dataset/${f().firstId}`,
    '/organizations',
    `/organizations/${f().bureauId}`,
    '/themes',
    '/themes/disaster',
    '/themes/disaster-01',
    '/categories',
    '/categories/E00',
    '/licence',
    '/api',
    '/about',
    '/faq',
    '/sitemap',
  ];

  it('serves every page in Chinese and English with one h1, landmarks, the CSP and its .json twin', async () => {
    for (const page of pages()) {
      for (const [prefix, lang] of [
        ['', 'zh-Hant-TW'],
        ['/en', 'en'],
      ] as const) {
        const url = prefix && page === '/' ? prefix : `${prefix}${page}`;
        const res = await get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['content-language']).toBe(lang);
        expect(res.headers['content-security-policy']).toBe(
          "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        );
        expect(res.headers['cache-control']).toBe('public, max-age=60');
        expect(res.headers.etag).toBeDefined();
        const html = res.body;
        expect(html.startsWith(`<!DOCTYPE html><html lang="${lang}">`), url).toBe(true);
        expect(h1s(html), url).toHaveLength(1);
        for (const landmark of [
          '<header id="top"',
          '<main id="main"',
          '<footer id="footer"',
          'aria-label="主選單"',
          'aria-label="Main menu"',
        ]) {
          if (landmark.includes('aria-label')) continue;
          expect(html, `${url} ${landmark}`).toContain(landmark);
        }
        has(html, 'accesskey="U"');
        has(html, 'accesskey="C"');
        has(html, 'accesskey="Z"');
        // Only data blocks and, on the pages with a search box, the deferred suggestion script.
        expect(html).not.toMatch(
          /<script(?! type="application\/ld\+json"| defer src="\/assets\/search-suggest-[0-9a-f]{12}\.js")/,
        );
        expect(html.includes('<script defer src="/assets/search-suggest-'), url).toBe(
          page === '/' || page.startsWith('/datasets'),
        );
        const breadcrumb = html.includes('class="breadcrumb');
        expect(breadcrumb, url).toBe(page !== '/');

        const q = url.indexOf('?');
        const base = q === -1 ? url : url.slice(0, q);
        const jsonUrl = `${base === '/' ? '/index' : base === '/en' ? '/en/index' : base}.json${q === -1 ? '' : url.slice(q)}`;
        const encoded = new URL(jsonUrl, 'http://x').pathname + new URL(jsonUrl, 'http://x').search;
        has(html, `<link rel="alternate" type="application/json" href="${encoded.replace(/&/g, '&amp;')}"/>`);
        const json = await get(jsonUrl);
        expect(json.statusCode, jsonUrl).toBe(200);
        expect(json.headers['content-type']).toMatch(/^application\/json/);
        expect(json.headers['cache-control']).toBe('public, max-age=60');
      }
    }
  });

  it('links each page to itself in the other language, with hreflang alternates', async () => {
    const zh = (await get('/datasets?q=雨量&sort=newest')).body;
    has(
      zh,
      `<a href="/en/datasets?q=${RAIN}&amp;sort=newest" hreflang="en" lang="en" title="Switch to English">English</a>`,
    );
    has(
      zh,
      `<link rel="alternate" hreflang="zh-Hant-TW" href="http://localhost:3000/datasets?q=${RAIN}&amp;sort=newest"/>`,
    );
    has(
      zh,
      `<link rel="alternate" hreflang="en" href="http://localhost:3000/en/datasets?q=${RAIN}&amp;sort=newest"/>`,
    );
    has(zh, '<link rel="alternate" hreflang="x-default"');
    const en = (await get('/en/datasets?q=雨量&sort=newest')).body;
    has(
      en,
      `<a href="/datasets?q=${RAIN}&amp;sort=newest" hreflang="zh-Hant-TW" lang="zh-Hant-TW" title="切換至正體中文">中文</a>`,
    );
    const home = (await get('/en')).body;
    has(home, '<a href="/" hreflang="zh-Hant-TW"');
    has(home, '<a href="/en/datasets">Datasets</a>');
    expect((await get('/en/')).statusCode).toBe(200);
  });

  it('has the government layout: 導盲磚, skip link, main menu, font-size links and footer', async () => {
    const html = (await get('/organizations')).body;
    has(html, '<a class="skip-link" href="#main">跳到主要內容</a>');
    has(html, '<a class="accesskey" href="#top" id="AU" accesskey="U" title="上方功能區塊">:::</a>');
    has(html, '<a class="accesskey" href="#main" id="AC" accesskey="C" title="中央內容區塊">:::</a>');
    has(html, '<a class="accesskey" href="#footer" id="AZ" accesskey="Z" title="下方功能區塊">:::</a>');
    for (const [path, label] of [
      ['/datasets', '資料集'],
      ['/organizations', '機關'],
      ['/themes', '主題'],
      ['/api', 'API'],
      ['/about', '關於'],
    ]) {
      expect(html).toMatch(new RegExp(`<a href="${path}"( aria-current="page")?>${label}</a>`));
    }
    has(html, '<a href="/organizations" aria-current="page">機關</a>');
    has(
      html,
      '<a href="/font-size?size=large&amp;back=%2Forganizations" data-size="large" title="字級：大" rel="nofollow">大</a>',
    );
    has(
      html,
      '<nav class="breadcrumb wrap" aria-label="麵包屑"><ol><li><a href="/">首頁</a></li><li aria-current="page">機關</li></ol></nav>',
    );
    has(html, '<a href="/sitemap">網站導覽</a>');
    has(html, '<a href="/licence">授權條款</a>');
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/portal-[0-9a-f]{12}\.css"\/>/);
  });

  it('serves the fingerprinted stylesheet for a year and the text size from a cookie', async () => {
    const home = (await get('/')).body;
    const href = /href="(\/assets\/portal-[0-9a-f]{12}\.css)"/.exec(home)![1]!;
    const css = await get(href);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.body).toContain('.skip-link');
    expect((await get('/assets/portal-000000000000.css')).statusCode).toBe(404);

    const set = await get('/font-size?size=large&back=%2Fdatasets%3Fq%3D1');
    expect(set.statusCode).toBe(303);
    expect(set.headers.location).toBe('/datasets?q=1');
    expect(set.headers['set-cookie']).toContain('odp_font_size=large; Path=/');
    expect(set.headers['cache-control']).toBe('no-store');
    for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const res = await get(`/font-size?size=small&back=${encodeURIComponent(back)}`);
      expect(res.headers.location, back).toBe('/');
    }
    expect((await get('/font-size?size=huge')).statusCode).toBe(400);

    const large = await get('/assets/font-size.css', { cookie: 'a=b; odp_font_size=large' });
    expect(large.body).toContain('html{font-size:125%}');
    expect(large.headers.vary).toContain('Cookie');
    expect(large.headers['cache-control']).toBe('private, no-cache');
    expect((await get('/assets/font-size.css')).body).toContain('html{font-size:100%}');
    expect((await get('/assets/font-size.css', { cookie: 'odp_font_size=evil}' })).body).toContain('100%');
  });

  it('serves the search-as-you-type script for a year, with its labels in the page language', async () => {
    const zh = (await get('/datasets?q=1')).body;
    const tag = /<script defer src="(\/assets\/search-suggest-[0-9a-f]{12}\.js)"[^>]*><\/script>/.exec(zh);
    expect(tag).not.toBeNull();
    has(tag![0], 'data-suggest-url="/api/v1/search/suggest"');
    has(tag![0], 'data-dataset-path="/dataset/"');
    has(tag![0], 'data-list-label="搜尋建議"');
    has(tag![0], 'data-kind-agency="機關"');
    has(tag![0], 'data-some="{n} 項建議，可用上下鍵選擇"');
    const en = (await get('/en')).body;
    has(en, 'data-dataset-path="/en/dataset/"');
    has(en, 'data-list-label="Suggestions"');
    const missing = await get('/en/no-such-page', { accept: 'text/html' });
    expect(missing.statusCode).toBe(404);
    has(missing.body, `<script defer src="${tag![1]}"`);

    const js = await get(tag![1]!);
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toContain("setAttribute('role', 'combobox')");
    expect(js.body).not.toMatch(/\beval\(|new Function/);
    expect(Buffer.byteLength(js.body)).toBeLessThan(12_000);
    expect((await get('/assets/search-suggest-000000000000.js')).statusCode).toBe(404);
  });

  it('answers ETag revalidation with 304', async () => {
    const first = await get('/themes');
    const again = await get('/themes', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('redirects the old /datasets/{id} pages for good', async () => {
    const page = await get(`/datasets/${f().firstId}`);
    expect(page.statusCode).toBe(301);
    expect(page.headers.location).toBe(`/dataset/${f().firstId}`);
    const json = await get(`/datasets/${f().firstId}.json`);
    expect(json.statusCode).toBe(301);
    expect(json.headers.location).toBe(`/dataset/${f().firstId}.json`);
    const en = await get('/en/datasets/A41000000G-000001');
    expect(en.headers.location).toBe('/en/dataset/A41000000G-000001');
  });

  it('answers missing pages with a helpful HTML 404 in the page language', async () => {
    const draft = await get('/dataset/A41000000G-000091');
    expect(draft.statusCode).toBe(404);
    expect(draft.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(draft.headers['cache-control']).toBe('no-store');
    has(draft.body, '<h1>找不到頁面</h1>');
    has(draft.body, 'DATASET_NOT_FOUND');
    has(draft.body, String(draft.headers['x-request-id']));
    has(draft.body, '<form class="search-box" role="search" method="get" action="/datasets">');
    has(draft.body, '<a href="/">回到首頁</a>');
    expect(draft.body).not.toContain('草稿資料集');

    const nowhere = await get('/no-such-page', { accept: 'text/html' });
    expect(nowhere.statusCode).toBe(404);
    has(nowhere.body, '<html lang="zh-Hant-TW">');
    has(nowhere.body, String(nowhere.headers['x-request-id']));

    const english = await get('/en/no-such-page', { accept: 'text/html' });
    expect(english.statusCode).toBe(404);
    has(english.body, '<html lang="en">');
    has(english.body, '<h1>Page not found</h1>');
    has(english.body, '<form class="search-box" role="search" method="get" action="/en/datasets">');
    const missingEn = await get('/en/dataset/999999');
    expect(missingEn.statusCode).toBe(404);
    has(missingEn.body, '<h1>Page not found</h1>');

    for (const url of ['/organizations/999999', '/themes/nothing', '/categories/Z00', '/en/themes/nothing']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toBe('text/html; charset=utf-8');
    }
    const json = await get('/dataset/A41000000G-000091.json');
    expect(json.statusCode).toBe(404);
    expect(json.json().error.code).toBe('DATASET_NOT_FOUND');
    const bad = await get('/datasets?limit=7');
    expect(bad.statusCode).toBe(400);
    has(bad.body, '<h1>無法處理這個請求</h1>');
    has(bad.body, 'VALIDATION_FAILED');
  });
});

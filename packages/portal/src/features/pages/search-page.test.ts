import { describe, expect, it } from 'vitest';
import { DB_NAME, has, usePageFixture } from './page-fixtures.ts';

const { f, get } = usePageFixture();

const RAIN = encodeURIComponent('雨量');

/** The dataset links of the result list, in order. */
function resultIds(html: string): number[] {
  const list = /<ul class="results">([\s\S]*?)<\/ul><nav|<ul class="results">([\s\S]*)<\/section>/.exec(html);
  const body = list?.[1] ?? list?.[2] ?? '';
  return [...body.matchAll(/<h3><a href="(?:\/en)?\/dataset\/(\d+)">/g)].map((m) => Number(m[1]));
}

describe(`search page on ${DB_NAME}`, () => {
  it('lists the matches with highlights, the total and the range', async () => {
    const html = (await get('/datasets?q=雨量')).body;
    has(html, '<h1>「雨量」的搜尋結果</h1>');
    has(html, '<p role="status">共 35 筆資料集，顯示第 1–30 筆</p>');
    has(html, `<a href="/dataset/${f().firstId}"><span>測試<mark>雨量</mark>資料集01</span></a>`);
    has(html, '<span>全國<mark>雨量</mark>站每小時觀測資料</span>');
    expect(resultIds(html)).toHaveLength(30);
    has(html, '<input id="q" name="q" type="search" value="雨量"');
  });

  it('escapes hostile metadata in results (the highlight markup included)', async () => {
    const html = (await get('/datasets?q=alert')).body;
    has(html, '&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('</script><script>');
  });

  it('shows facets with counts as links, the agency tree under 中央/地方, and removable filters', async () => {
    const html = (await get('/datasets?q=雨量')).body;
    has(
      html,
      `<a href="/datasets?q=${RAIN}&amp;category=E00" rel="nofollow">生活安全及品質</a> <span class="count">(33)</span>`,
    );
    has(
      html,
      `<a href="/datasets?q=${RAIN}&amp;level=central" rel="nofollow">中央</a> <span class="count">(34)</span><ul><li><a href="/datasets?q=${RAIN}&amp;agency=`,
    );
    has(
      html,
      `<a href="/datasets?q=${RAIN}&amp;level=local" rel="nofollow">地方</a> <span class="count">(1)</span><ul><li>`,
    );
    has(
      html,
      `<a href="/datasets?q=${RAIN}&amp;format=JSON" rel="nofollow">JSON</a> <span class="count">(1)</span>`,
    );
    has(html, '<summary>品質標章</summary>');

    const filtered = (await get('/datasets?q=雨量&category=A00')).body;
    has(filtered, '<p role="status">共 1 筆資料集，顯示第 1–1 筆</p>');
    expect(resultIds(filtered)).toEqual([f().taipeiId]);
    has(
      filtered,
      `<a href="/datasets?q=${RAIN}" aria-current="true" title="移除條件：交通及通訊" rel="nofollow">交通及通訊（已選）</a>`,
    );
    has(
      filtered,
      `<a href="/datasets?q=${RAIN}" aria-label="移除條件：服務分類：交通及通訊">服務分類：交通及通訊 ✕</a>`,
    );
    has(filtered, '<input type="hidden" name="category" value="A00"/>');
    const two = (await get('/datasets?category=A00&level=local')).body;
    has(two, '<a href="/datasets">清除所有條件</a>');
  });

  it('sorts, sets the page size and pages, keeping the search in every link', async () => {
    const byTitle = (await get('/datasets?q=雨量&sort=title&limit=10')).body;
    has(byTitle, '<option value="title" selected>資料集名稱</option>');
    has(byTitle, '<option value="10" selected>10</option>');
    expect(resultIds(byTitle)).toHaveLength(10);
    has(
      byTitle,
      `<a href="/datasets?q=${RAIN}&amp;sort=title&amp;limit=10&amp;offset=10" rel="next">下一頁</a>`,
    );
    has(byTitle, `<a href="/datasets?q=${RAIN}&amp;sort=title&amp;limit=10&amp;offset=30">最後一頁</a>`);
    has(byTitle, '第 1 頁，共 4 頁');

    const page2 = (await get('/datasets?q=雨量&sort=title&limit=10&offset=10')).body;
    has(page2, `<a href="/datasets?q=${RAIN}&amp;sort=title&amp;limit=10" rel="prev">上一頁</a>`);
    has(page2, '第 2 頁，共 4 頁');
    expect(resultIds(page2)).not.toEqual(resultIds(byTitle));

    const ids = resultIds((await get('/datasets?sort=id&limit=50')).body);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const newest = (await get('/datasets')).body;
    has(newest, '<option value="newest" selected>最新上架</option>');
    expect(newest).not.toContain('<option value="relevance"');
  });

  it('helps when nothing matches, with "did you mean" for misspelt English', async () => {
    const none = (await get('/datasets?q=完全不存在的詞彙')).body;
    has(none, '<p role="status">共 0 筆資料集</p>');
    has(none, '<strong>沒有符合條件的資料集。</strong>');
    has(none, '<a href="/themes">依主題瀏覽</a>');
    const typo = await get('/datasets.json?q=typhon');
    expect(typo.json().total).toBe(0);
    expect(typo.json().didYouMean).toBe('typhoon');
    const html = (await get('/datasets?q=typhon')).body;
    has(html, '您是不是要找：<a href="/datasets?q=typhoon">typhoon</a>');
  });

  it('has a .json twin with the results, facets and labels in the page language', async () => {
    const res = (await get('/datasets.json?q=雨量&limit=10&category=E00')).json();
    expect(res).toMatchObject({ total: 33, limit: 10, offset: 0, sort: 'relevance' });
    expect(res.results).toHaveLength(10);
    expect(res.results[0]).toMatchObject({
      title: '測試雨量資料集01',
      highlight: '測試<mark>雨量</mark>資料集01',
    });
    expect(res.facets.category).toContainEqual({ value: 'E00', label: '生活安全及品質', count: 33 });
    const en = (await get('/en/datasets.json?q=雨量&limit=10')).json();
    expect(en.facets.category).toContainEqual({
      value: 'E00',
      label: 'Safety and quality of life',
      count: 33,
    });
  });

  it('shows English titles on English pages where the catalogue has them, else the Chinese marked as such', async () => {
    const html = (await get('/en/datasets?q=颱風')).body;
    has(html, `<a href="/en/dataset/${f().englishId}">Typhoon warnings</a>`);
    has(html, '<h1>Results for “颱風”</h1>');
    const rain = (await get('/en/datasets?q=雨量')).body;
    has(
      rain,
      `<a href="/en/dataset/${f().firstId}"><span lang="zh-Hant-TW">測試<mark>雨量</mark>資料集01</span></a>`,
    );
    has(rain, 'Agency: <span lang="zh-Hant-TW">交通部中央氣象署</span>');
    has(rain, '<summary>Service category</summary>');
    has(rain, `<a href="/en/datasets?q=${RAIN}&amp;level=central" rel="nofollow">Central</a>`);
  });

  it('rejects a page size other than 10, 30 or 50', async () => {
    expect((await get('/datasets?limit=20')).statusCode).toBe(400);
    expect((await get('/datasets.json?offset=-1')).statusCode).toBe(400);
  });
});

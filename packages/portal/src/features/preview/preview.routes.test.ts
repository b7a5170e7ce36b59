import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_REAL_DIR } from '../demo/demo-real-files.ts';
import { DB_NAME } from '../pages/page-fixtures.ts';
import { CALENDAR_CSV, CALENDAR_JSON, ESTATE, UNFETCHED, usePreviewFixture } from './preview-fixture.ts';

/*
 * The preview and chart pages over the demo's real files, with the tables service
 * reading the bodies the quality checker fetched: paging, sorting and filtering by query
 * parameters, the column profiles, charts drawn as SVG on the server (the same bytes
 * every time), their numbers as a table, and clear 400s for bad settings.
 */

const f = usePreviewFixture();
const get = (url: string) => f().app.inject({ url });
const q = encodeURIComponent;

/** The file's data rows (the real-estate file has a second, English header row). */
function csvRows(name: string, headerRows: number): string[][] {
  const text = readFileSync(path.join(DEMO_REAL_DIR, name), 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(headerRows)
    .map((line) => line.split(','));
}

const estate = () => `/dataset/${f().estateId}/resource/${ESTATE}`;
const calendar = (resource = CALENDAR_CSV) => `/dataset/${f().calendarId}/resource/${resource}`;

describe(`resource preview on ${DB_NAME}`, () => {
  it('shows a page of rows in an accessible table, with paging links', async () => {
    const res = await get(`${estate()}/preview?limit=10&offset=10`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const html = res.body;
    expect(html).toContain('<caption id="preview-caption">第 11–20 列，共 366 列</caption>');
    expect(html.match(/<th scope="col"/g)?.length).toBeGreaterThanOrEqual(28);
    expect((html.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '').match(/<tr>/g)).toHaveLength(10);
    expect(html).toContain(`href="${estate()}/preview?limit=10&amp;offset=20" rel="next"`);
    expect(html).toContain(`href="${estate()}/preview?limit=10" rel="prev"`);
    expect(html).toContain('<form class="preview-filter" method="get"');
  });

  it('sorts by a column header link, marking it with aria-sort', async () => {
    const rows = csvRows('real-estate-taipei-a-roc-dates.csv', 2);
    const highest = Math.max(...rows.map((r) => Number(r[21])));
    const html = (await get(`${estate()}/preview?sort=${q('-總價元')}&limit=10`)).body;
    expect(html).toMatch(
      /<th scope="col" aria-sort="descending"><a href="[^"]*sort=%E7%B8%BD%E5%83%B9%E5%85%83/,
    );
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
    const json = (await get(`${estate()}/preview.json?sort=${q('-總價元')}&limit=10`)).json();
    expect(json.rows.records[0]['總價元']).toBe(highest);
    const ascending = (await get(`${estate()}/preview.json?sort=${q('總價元')}&limit=10`)).json();
    expect(ascending.rows.records[0]['總價元']).toBe(Math.min(...rows.map((r) => Number(r[21]))));
  });

  it('filters with a column, an operator and a value from the GET form', async () => {
    const rows = csvRows('real-estate-taipei-a-roc-dates.csv', 2);
    const zhongshan = rows.filter((r) => r[0] === '中山區').length;
    const res = await get(`${estate()}/preview?filter=${q('鄉鎮市區')}&op=exact&value=${q('中山區')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`共 ${zhongshan} 列</caption>`);
    expect(res.body).toContain('<option value="鄉鎮市區" selected>鄉鎮市區</option>');
    const between = (
      await get(`${estate()}/preview.json?filter=${q('總價元')}&op=between&value=0,10000000`)
    ).json();
    expect(between.rows.total).toBe(rows.filter((r) => Number(r[21]) <= 10_000_000).length);
  });

  it('profiles every column: type, nulls, distinct, min/max, top values and a histogram', async () => {
    const html = (await get(`${calendar()}/preview`)).body;
    expect(html).toContain('<h2 id="profiles">欄位概況</h2>');
    expect(html).toContain('<dt>最小值</dt><dd>2024-01-01</dd>');
    expect(html).toContain('<dt>最大值</dt><dd>2024-12-31</dd>');
    expect(html).toContain('<dt>相異值</dt><dd>366</dd>');
    expect(html).toMatch(/<svg role="img" aria-label="「西元日期」的分布直方圖"/);
    expect(html).toContain('<caption>「西元日期」的分布</caption>');
    expect(html).toContain('<h4>最常見的值</h4>');
  });

  it('answers 400 for bad paging, 404 for a resource of another dataset or without a table', async () => {
    const bad = await get(`${estate()}/preview.json?limit=7`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await get(`${estate()}/preview?offset=-1`)).statusCode).toBe(400);
    const wrong = await get(`/dataset/${f().estateId}/resource/${CALENDAR_CSV}/preview.json`);
    expect(wrong.json().error.code).toBe('RESOURCE_NOT_FOUND');
    const unfetched = await get(`${calendar(UNFETCHED)}/preview`);
    expect(unfetched.statusCode).toBe(404);
    expect(unfetched.headers['content-type']).toContain('text/html');
  });

  it('is linked from the dataset page for each resource with a table', async () => {
    const html = (await get(`/dataset/${f().calendarId}`)).body;
    expect(html).toContain(`<a href="${calendar()}/preview">預覽「113年辦公日曆表」</a>`);
    expect(html).toContain(`<a href="${calendar()}/chart">以圖表呈現「113年辦公日曆表」</a>`);
    expect(html).not.toContain(`${calendar(UNFETCHED)}/preview`);
    const english = (await get(`/en/dataset/${f().calendarId}`)).body;
    expect(english).toContain(`<a href="/en${calendar()}/preview">`);
  });

  it('is in English under /en/', async () => {
    const html = (await get(`/en${estate()}/preview?limit=10`)).body;
    expect(html).toContain('<caption id="preview-caption">Rows 1–10 of 366</caption>');
    expect(html).toContain('<h2 id="profiles">Column profiles</h2>');
  });
});

describe(`resource charts on ${DB_NAME}`, () => {
  const priceByDistrict = `type=bar&x=${q('鄉鎮市區')}&y=${q('總價元')}&agg=avg`;

  it('charts the average price by district as server-side SVG, with its numbers as a table', async () => {
    const rows = csvRows('real-estate-taipei-a-roc-dates.csv', 2);
    const districts = new Map<string, number[]>();
    for (const r of rows) districts.set(r[0]!, [...(districts.get(r[0]!) ?? []), Number(r[21])]);
    const averages = [...districts].map(([d, p]) => [d, p.reduce((a, b) => a + b, 0) / p.length] as const);
    const top = averages.reduce((a, b) => (b[1] > a[1] ? b : a));

    const res = await get(`${estate()}/chart?${priceByDistrict}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    const svg = /<div class="chart-image">(<svg[\s\S]*?<\/svg>)<\/div>/.exec(html)?.[1] ?? '';
    for (const district of districts.keys()) expect(svg).toContain(`>${district}</text>`);
    expect(svg.match(/<path d="M[^"]*Z" fill="#1f5fa8"/g)).toHaveLength(districts.size);
    expect(svg).toContain('aria-label="總價元的平均（依鄉鎮市區）"');
    expect(svg).not.toMatch(/ style=|<style|<script| class=/);
    expect(html).toContain('<h2 id="chart-title">總價元的平均（依鄉鎮市區）</h2>');
    const table = /<table>[\s\S]*?<\/table>/.exec(html.slice(html.indexOf('chart-data')))?.[0] ?? '';
    expect(table.match(/<th scope="row">/g)).toHaveLength(districts.size);
    const topText = (Math.round(top[1] * 100) / 100).toLocaleString('zh-TW', { maximumFractionDigits: 2 });
    expect(table).toContain(`<th scope="row">${top[0]}</th><td class="number">${topText}</td>`);
    expect(html).toContain(`最高為「${top[0]}」（${topText}）`);
  });

  it('draws the same SVG bytes for the same settings, and serves it as a file', async () => {
    const first = await get(`${estate()}/chart.svg?${priceByDistrict}`);
    const second = await get(`${estate()}/chart.svg?${priceByDistrict}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(first.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg width="800" height="450"/);
    expect(first.body).toBe(second.body);
    const pie = await get(`${estate()}/chart.svg?type=pie&x=${q('鄉鎮市區')}`);
    expect(pie.body).not.toBe(first.body);
  });

  it('charts holidays per month of the office calendar, CSV and JSON alike', async () => {
    const expected = new Map<string, number>();
    for (const r of csvRows('dgpa-calendar-113-utf8bom.csv', 1)) {
      if (r[2] !== '2') continue;
      const month = `${r[0]!.slice(0, 4)}-${r[0]!.slice(4, 6)}`;
      expected.set(month, (expected.get(month) ?? 0) + 1);
    }
    const csv = (
      await get(
        `${calendar()}/chart.json?type=bar&x=${q('西元日期')}&bucket=month&filter=${q('是否放假')}&value=2`,
      )
    ).json();
    expect(csv.chart.data).toEqual({
      kind: 'categories',
      categories: [...expected.keys()].sort(),
      series: [{ name: '筆數', values: [...expected.keys()].sort().map((k) => expected.get(k)) }],
    });
    const json = (
      await get(
        `${calendar(CALENDAR_JSON)}/chart.json?type=bar&x=date&bucket=month&filter=isHoliday&value=true`,
      )
    ).json();
    expect(json.chart.data).toEqual(csv.chart.data);
    const svg = (
      await get(
        `${calendar()}/chart.svg?type=line&x=${q('西元日期')}&bucket=month&filter=${q('是否放假')}&value=2`,
      )
    ).body;
    expect(svg).toContain('>2024-01</text>');
    expect(svg).toContain('>西元日期（月）</text>');
  });

  it('suggests charts from the profile: a monthly series for a date, bars for a category', async () => {
    const json = (await get(`${calendar()}/chart.json`)).json();
    expect(json.chart).toBeNull();
    expect(json.suggestions.slice(0, 2).map((s: { params: unknown }) => s.params)).toEqual([
      { type: 'line', x: '西元日期', agg: 'count', bucket: 'month' },
      { type: 'bar', x: '星期', agg: 'count' },
    ]);
    const html = (await get(`${calendar()}/chart`)).body;
    expect(html).toContain(
      `href="${calendar()}/chart?type=line&amp;x=${q('西元日期')}&amp;agg=count&amp;bucket=month"`,
    );
    expect(html).toContain('請先選擇 X 軸欄位');
  });

  it('works without JavaScript: the builder is a GET form and the chart is inline SVG', async () => {
    const html = (await get(`${estate()}/chart?${priceByDistrict}`)).body;
    expect(html).toMatch(/<form class="chart-builder" method="get" action="[^"]*\/chart"/);
    expect(html).toContain('<input type="radio" id="chart-type-bar" name="type" value="bar" checked/>');
    expect(html).toContain('<option value="總價元" selected>總價元</option>');
    expect(html).toMatch(/<button type="submit">繪製圖表<\/button>/);
    // The PNG button needs the script, so it starts hidden; the SVG download is a plain link.
    expect(html).toMatch(/<button type="button" class="chart-png" hidden/);
    expect(html).toContain(`href="${estate()}/chart.svg?${priceByDistrict.replaceAll('&', '&amp;')}"`);
    expect(html).toMatch(/<script defer src="\/assets\/chart-export-[0-9a-f]{12}\.js"><\/script>/);
  });

  it('offers an iframe snippet for an embed page that any site may frame', async () => {
    const html = (await get(`${estate()}/chart?${priceByDistrict}`)).body;
    expect(html).toContain(
      `&lt;iframe src=&quot;http://localhost:3000/embed${estate()}/chart?${priceByDistrict.replaceAll('&', '&amp;amp;')}&quot;`,
    );
    const embed = await get(`/embed${estate()}/chart?${priceByDistrict}`);
    expect(embed.statusCode).toBe(200);
    const csp = String(embed.headers['content-security-policy']);
    expect(csp).toContain('frame-ancestors *');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(embed.body).toContain('<div class="chart-image"><svg');
    expect(embed.body).toContain(
      `<a href="/dataset/${f().estateId}" target="_blank" rel="noopener">資料集頁面</a>`,
    );
    expect(embed.body).not.toContain('<script');
    const english = await get(`/en/embed${estate()}/chart?${priceByDistrict}`);
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('average of 總價元 by 鄉鎮市區');
  });

  it('refuses bad chart settings with a clear 400 naming each field', async () => {
    const type = await get(`${estate()}/chart.svg?type=donut&x=${q('鄉鎮市區')}`);
    expect(type.statusCode).toBe(400);
    expect(type.json().error.code).toBe('VALIDATION_FAILED');
    const unknown = await get(`${estate()}/chart.json?x=nope&y=${q('鄉鎮市區')}&agg=sum`);
    expect(unknown.statusCode).toBe(400);
    expect(
      unknown.json().error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`),
    ).toEqual(['x:unknown_column', 'y:type']);
    const noX = await get(`${estate()}/chart.svg?type=bar`);
    expect(noX.statusCode).toBe(400);
    expect(noX.json().error.details[0]).toMatchObject({ field: 'x', code: 'required' });
    const bucket = await get(`${estate()}/chart.json?x=${q('鄉鎮市區')}&bucket=month`);
    expect(bucket.json().error.details[0]).toMatchObject({ field: 'bucket', code: 'type' });
    const page = await get(`${estate()}/chart?type=scatter&x=${q('鄉鎮市區')}`);
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, dayRange, daysBetween, isDay, taipeiDay } from './usage-day.ts';
import { usageEventFor, type CountedRequest } from './usage-event.ts';
import { userAgentKind } from './user-agents.ts';

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const NOW = new Date('2026-11-27T03:00:00.000Z');

const request = (overrides: Partial<CountedRequest> = {}): CountedRequest => ({
  method: 'GET',
  url: '/dataset/1',
  statusCode: 200,
  headers: { 'user-agent': BROWSER },
  ...overrides,
});

describe('userAgentKind', () => {
  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
    'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
    'Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'Mediapartners-Google',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
    'ia_archiver (+http://www.alexa.com/site/help/webmasters; crawler@alexa.com)',
    'Mozilla/5.0 (compatible; Yeti/1.1; +http://naver.me/spd)',
    'Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)',
  ])('%s is a crawler', (ua) => {
    expect(userAgentKind(ua)).toBe('crawler');
  });

  it.each([
    ['curl/8.5.0', 'library'],
    ['python-requests/2.32.3', 'library'],
    ['Go-http-client/1.1', 'library'],
    ['Wget/1.21.4', 'library'],
    ['node', 'library'],
    ['', 'none'],
    [BROWSER, 'browser'],
    // A phone brand, not a bot.
    [
      'Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36',
      'browser',
    ],
  ])('%s is %s', (ua, kind) => {
    expect(userAgentKind(ua)).toBe(kind);
  });
});

describe('usageEventFor', () => {
  it('counts a dataset page view by datasetId or identifier, in Chinese and English and at the old path', () => {
    expect(usageEventFor(request(), NOW)).toEqual({
      occurredAt: NOW.toISOString(),
      kind: 'view',
      datasetId: 1,
      datasetIdentifier: null,
      resourceId: null,
    });
    expect(usageEventFor(request({ url: '/en/dataset/A41000000G-000001?x=1' }), NOW)).toMatchObject({
      kind: 'view',
      datasetId: null,
      datasetIdentifier: 'A41000000G-000001',
    });
    expect(usageEventFor(request({ url: '/datasets/7' }), NOW)).toMatchObject({ kind: 'view', datasetId: 7 });
    expect(usageEventFor(request({ statusCode: 304 }), NOW)).toMatchObject({ kind: 'view' });
  });

  it('does not count HEAD, errors, redirects to the page, prefetches, crawlers or scripts reading pages', () => {
    expect(usageEventFor(request({ method: 'HEAD' }), NOW)).toBeNull();
    expect(usageEventFor(request({ statusCode: 404 }), NOW)).toBeNull();
    expect(usageEventFor(request({ statusCode: 500 }), NOW)).toBeNull();
    expect(usageEventFor(request({ url: '/datasets/1', statusCode: 301 }), NOW)).toBeNull();
    expect(
      usageEventFor(
        request({ headers: { 'user-agent': BROWSER, 'sec-purpose': 'prefetch;prerender' } }),
        NOW,
      ),
    ).toBeNull();
    expect(
      usageEventFor(request({ headers: { 'user-agent': BROWSER, purpose: 'prefetch' } }), NOW),
    ).toBeNull();
    expect(usageEventFor(request({ headers: { 'user-agent': 'Googlebot/2.1' } }), NOW)).toBeNull();
    expect(usageEventFor(request({ headers: { 'user-agent': 'curl/8.5.0' } }), NOW)).toBeNull();
    expect(usageEventFor(request({ headers: {} }), NOW)).toBeNull();
    // Other pages and the machine-readable twin are not dataset page views.
    expect(usageEventFor(request({ url: '/dataset/1.json' }), NOW)).toBeNull();
    expect(usageEventFor(request({ url: '/datasets' }), NOW)).toBeNull();
    expect(usageEventFor(request({ url: '/dataset/not-an-id' }), NOW)).toBeNull();
    expect(usageEventFor(request({ url: '/dataset/99999999999' }), NOW)).toBeNull();
  });

  it('counts downloads through the download route, also by scripts, with the resource', () => {
    const url = '/dataset/1/resource/A41000000G-000001-001/download';
    for (const ua of [BROWSER, 'curl/8.5.0', undefined]) {
      expect(usageEventFor(request({ url, statusCode: 302, headers: { 'user-agent': ua } }), NOW)).toEqual({
        occurredAt: NOW.toISOString(),
        kind: 'download',
        datasetId: 1,
        datasetIdentifier: null,
        resourceId: 'A41000000G-000001-001',
      });
    }
    expect(usageEventFor(request({ url: `/en${url}`, statusCode: 200 }), NOW)).toMatchObject({
      kind: 'download',
    });
    expect(usageEventFor(request({ url, statusCode: 404 }), NOW)).toBeNull();
    expect(usageEventFor(request({ url, method: 'HEAD', statusCode: 302 }), NOW)).toBeNull();
    // The platform's converted copies count as downloads of the same resource.
    for (const format of ['csv', 'json', 'xml']) {
      expect(usageEventFor(request({ url: `/en${url}.${format}`, statusCode: 200 }), NOW)).toMatchObject({
        kind: 'download',
        datasetId: 1,
        resourceId: 'A41000000G-000001-001',
      });
    }
    expect(usageEventFor(request({ url: `${url}.pdf`, statusCode: 200 }), NOW)).toBeNull();
    expect(usageEventFor(request({ url: `${url}.csv`, statusCode: 422 }), NOW)).toBeNull();
    expect(
      usageEventFor(request({ url, statusCode: 302, headers: { 'user-agent': 'bingbot/2.0' } }), NOW),
    ).toBeNull();
  });

  it('counts API calls, with the dataset they are about when the path names one', () => {
    const api = (url: string, extra: Partial<CountedRequest> = {}) =>
      usageEventFor(request({ url, headers: { 'user-agent': 'python-requests/2.32' }, ...extra }), NOW);
    expect(api('/api/v1/datasets/3')).toMatchObject({ kind: 'api', datasetId: 3 });
    expect(api('/api/v1/datasets/A41000000G-000002/quality')).toMatchObject({
      kind: 'api',
      datasetIdentifier: 'A41000000G-000002',
    });
    expect(api('/api/v2/rest/dataset/5')).toMatchObject({ kind: 'api', datasetId: 5 });
    expect(api('/api/v1/resources/A41000000G-000002-001')).toMatchObject({
      kind: 'api',
      datasetIdentifier: 'A41000000G-000002',
      resourceId: 'A41000000G-000002-001',
    });
    expect(api('/api/v2/rest/dataset/export')).toMatchObject({
      kind: 'api',
      datasetId: null,
      datasetIdentifier: null,
    });
    expect(api('/api/v1/search?q=x')).toMatchObject({ kind: 'api', datasetId: null });
    expect(api('/api/v1/datasets', { method: 'POST', statusCode: 201 })).toMatchObject({ kind: 'api' });
    expect(api('/api/v1/datasets/3', { statusCode: 404 })).toBeNull();
    expect(api('/api/v1/datasets/3', { method: 'OPTIONS', statusCode: 204 })).toBeNull();
    expect(api('/api/docs/')).toBeNull();
    expect(api('/api/v1/search', { headers: { 'user-agent': 'Googlebot/2.1' } })).toBeNull();
  });
});

describe('statistics days (Asia/Taipei)', () => {
  it('cuts days at Taipei midnight', () => {
    expect(taipeiDay(new Date('2026-11-26T15:59:59.999Z'))).toBe('2026-11-26');
    expect(taipeiDay(new Date('2026-11-26T16:00:00.000Z'))).toBe('2026-11-27');
    expect(dayRange('2026-11-27')).toEqual({
      from: '2026-11-26T16:00:00.000Z',
      to: '2026-11-27T16:00:00.000Z',
    });
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-02-28')).toBe(true);
  });
});

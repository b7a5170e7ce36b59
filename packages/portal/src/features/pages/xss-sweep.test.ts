import type { FastifyInstance } from 'fastify';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../accounts/session.repo.ts';
import { createUser, setMembership } from '../accounts/user.repo.ts';
import { createDatasets, updateDatasetMetadata } from '../datasets/dataset.service.ts';
import { buildTestApp } from '../../http/test-app.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';

/**
 * Every text field of a dataset, its resources, its organisation, its versions and the
 * people who edit it holds markup that would run if it were not escaped; every public and
 * back-office page that shows them must render it as
 * text: no script without src (JSON-LD data blocks excepted, and they must still parse),
 * no event-handler attribute, no javascript: link, no injected element.
 */

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</textarea></title><iframe src=javascript:alert(1)>',
];
const P = PAYLOADS.join(' ');

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

/** What in the page could run: each finding names the element and why. */
function findings(html: string): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      const el = node as Element;
      const attrs = new Map(el.attrs.map((a) => [a.name, a.value]));
      if (el.tagName === 'script' && !attrs.has('src')) {
        if (attrs.get('type') !== 'application/ld+json') found.push('inline script');
        else {
          const text = el.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
          try {
            JSON.parse(text);
          } catch {
            found.push('JSON-LD that does not parse');
          }
        }
      }
      if (['iframe', 'svg', 'object', 'embed'].includes(el.tagName)) found.push(`<${el.tagName}>`);
      if (el.tagName === 'img' && attrs.get('src') === 'x') found.push('<img src=x>');
      for (const [name, value] of attrs) {
        if (name.startsWith('on')) found.push(`${el.tagName}[${name}]`);
        if (['href', 'src', 'action', 'formaction'].includes(name) && /^\s*javascript:/i.test(value))
          found.push(`${el.tagName}[${name}=javascript:]`);
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
    if ('content' in node && node.content) visit(node.content as unknown as Node);
  };
  visit(parse(html));
  return found;
}

let t: TestDatabase;
let app: FastifyInstance;
let datasetId = 0;
let organizationId = 0;
let cookie = '';

beforeAll(async () => {
  t = await openTestDatabase();
  const [org] = await t.db
    .insertInto('organizations')
    .values(organizationRow({ agencyCode: 'A41000000G', nameZh: `氣象署${P}`, nameEn: `CWA ${P}` }))
    .returning('id')
    .execute();
  organizationId = Number(org!.id);
  const userId = await createUser(t.db, {
    email: 'admin@example.gov.tw',
    displayName: `管理者${P}`,
    passwordHash: null,
    platformAdmin: true,
    emailVerified: true,
  });
  await setMembership(t.db, userId, organizationId, 'admin');
  cookie = `${SESSION_COOKIE}=${(await createSession(t.db, userId, '127.0.0.1')).cookieValue}`;
  const [record] = await createDatasets(
    t,
    [
      {
        input: datasetInput({
          title: `雨量${P}`,
          titleEn: `Rain ${P}`,
          description: `描述${P}`,
          descriptionEn: `About ${P}`,
          fieldDescription: `station(測站${P})`,
          organization: `交通部${P}`,
          organizationContactName: `王${P}`,
          publisherContactName: `陳${P}`,
          spatial: `臺灣${P}`,
          notes: `備註${P}`,
          keyword: [`雨量${PAYLOADS[0]}`, `氣象${PAYLOADS[1]}`],
          distribution: [
            {
              resourceDescription: `資源${P}`,
              format: 'CSV',
              characterSetCode: 'UTF-8',
              downloadURL: 'https://example.gov.tw/rain.csv?a=1&b=%3Cscript%3E',
              notes: `資源備註${P}`,
              fields: [{ name: `rain${PAYLOADS[1]}`, description: `時雨量${PAYLOADS[0]}` }],
            },
          ],
        }),
      },
    ],
    { actor: 'test' },
  );
  datasetId = record!.datasetId;
  // Version 2: a change, so the diff pages show the markup on both sides.
  await updateDatasetMetadata(t, datasetId, { notes: `新備註${P}` }, { actor: `user:${P}`, mode: 'patch' });
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

describe(`markup in every text field is inert on every public page (${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'})`, () => {
  const pages = () => [
    `/dataset/${datasetId}`,
    `/en/dataset/${datasetId}`,
    '/',
    '/en/',
    `/datasets?q=${encodeURIComponent('雨量')}`,
    `/datasets?q=${encodeURIComponent('<script>')}`,
    `/en/datasets?q=${encodeURIComponent('rain')}`,
    '/organizations',
    '/organizations/A41000000G',
    '/en/organizations/A41000000G',
    '/categories/E00',
    '/themes',
    `/dataset/${datasetId}/versions`,
    `/dataset/${datasetId}/versions/2`,
    `/en/dataset/${datasetId}/versions/2`,
  ];
  /** The back office, signed in as a platform administrator. */
  const managePages = () => [
    `/manage?organization=${organizationId}`,
    `/manage/datasets/${datasetId}/edit`,
    `/manage/datasets/${datasetId}/versions`,
    `/manage/datasets/${datasetId}/versions/2`,
    `/manage/organizations/${organizationId}/members`,
    '/manage/audit',
    '/account',
  ];

  it('escapes it in the HTML and keeps the JSON-LD parseable', async () => {
    for (const url of pages()) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(findings(res.body), url).toEqual([]);
    }
  });

  it('escapes it on the back-office pages too', async () => {
    for (const url of managePages()) {
      const res = await app.inject({ url, headers: { cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(findings(res.body), url).toEqual([]);
    }
  });

  it('shows the text itself (escaped, not dropped) on the dataset page and in its JSON-LD', async () => {
    const html = (await app.inject({ url: `/dataset/${datasetId}` })).body;
    expect(html).toContain('雨量&lt;script>alert(1)&lt;/script>');
    const ld = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect((JSON.parse(ld) as { name: string }).name).toBe(`雨量${P}`);
  });

  it('finds what it looks for (the check can fail)', () => {
    for (const payload of PAYLOADS) expect(findings(`<p>${payload}</p>`), payload).not.toEqual([]);
    expect(findings('<a href=" JavaScript:alert(1)">x</a>')).toEqual(['a[href=javascript:]']);
  });
});

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { insertOrganization, type OrganizationRow } from './organization.repo.ts';

let t: TestDatabase;
let app: FastifyInstance;
let ministry: OrganizationRow;
let bureau: OrganizationRow;
let city: OrganizationRow;
const now = '2026-01-01T00:00:00.000Z';

function org(nameZh: string, oid: string, agencyCode: string, level: string, parentId: number | null) {
  return organizationRow({
    oid,
    agencyCode,
    nameZh,
    parentId,
    level,
    phone: '02-23456789',
    createdAt: now,
    updatedAt: now,
  });
}

beforeAll(async () => {
  t = await openTestDatabase();
  ministry = await insertOrganization(
    t.db,
    org('交通部', '2.16.886.101.20003.20065', 'A15000000G', 'central', null),
  );
  bureau = await insertOrganization(
    t.db,
    org('交通部中央氣象署', '2.16.886.101.20003.20065.20021', 'A41000000G', 'central', ministry.id),
  );
  city = await insertOrganization(t.db, org('臺北市政府', '2.16.886.101.90028', '379000000A', 'local', null));
  await createDatasets(
    t,
    [
      { input: datasetInput() },
      { input: datasetInput({ identifier: 'A41000000G-000002', status: 'draft' }) },
      { input: datasetInput({ identifier: 'A41000000G-000003' }) },
    ],
    { actor: 'test' },
  );
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

async function names(url: string): Promise<string[]> {
  const res = await app.inject(url);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { results: { name: string }[] }).results.map((r) => r.name);
}

describe(`REST API v1 organisations on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('lists organisations with paging and public dataset counts', async () => {
    const res = await app.inject('/api/v1/organizations?limit=2');
    expect(res.json()).toMatchObject({
      total: 3,
      limit: 2,
      offset: 0,
      results: [
        { name: '交通部', level: 'central', parentId: null, datasetCount: 0 },
        { name: '交通部中央氣象署', agencyCode: 'A41000000G', parentId: ministry.id, datasetCount: 2 },
      ],
    });
    expect(await names('/api/v1/organizations?limit=2&offset=2')).toEqual(['臺北市政府']);
  });

  it('filters by level, parent and name', async () => {
    expect(await names('/api/v1/organizations?level=local')).toEqual(['臺北市政府']);
    expect(await names(`/api/v1/organizations?parent=${ministry.id}`)).toEqual(['交通部中央氣象署']);
    expect(await names('/api/v1/organizations?parent=2.16.886.101.20003.20065')).toEqual([
      '交通部中央氣象署',
    ]);
    expect(await names('/api/v1/organizations?parent=A15000000G')).toEqual(['交通部中央氣象署']);
    expect(await names('/api/v1/organizations?parent=Z99999999Z')).toEqual([]);
    expect(await names('/api/v1/organizations?q=氣象')).toEqual(['交通部中央氣象署']);
    const bad = await app.inject('/api/v1/organizations?level=national');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ field: 'level', code: 'enum' })]);
  });

  it('gets an organisation by id, OID or agency code', async () => {
    for (const key of [String(bureau.id), '2.16.886.101.20003.20065.20021', 'A41000000G']) {
      const res = await app.inject(`/api/v1/organizations/${key}`);
      expect(res.statusCode, key).toBe(200);
      expect(res.json()).toEqual({
        id: bureau.id,
        oid: '2.16.886.101.20003.20065.20021',
        agencyCode: 'A41000000G',
        name: '交通部中央氣象署',
        nameEn: null,
        level: 'central',
        parentId: ministry.id,
        phone: '02-23456789',
        address: null,
        contactName: null,
        contactEmail: null,
        datasetCount: 2,
      });
    }
    expect((await app.inject(`/api/v1/organizations/${city.id}`)).json().name).toBe('臺北市政府');
  });

  it.each(['99999', '9999999999999', 'Z99999999Z', 'nonsense'])(
    'answers 404 ORGANIZATION_NOT_FOUND for %s',
    async (key) => {
      const res = await app.inject(`/api/v1/organizations/${key}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('ORGANIZATION_NOT_FOUND');
    },
  );
});

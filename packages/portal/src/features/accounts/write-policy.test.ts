import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADERS, buildTestApp } from '../../http/test-app.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { openJobTestBed, type JobTestBed } from '../../jobs/job-test-bed.ts';
import { createTestAccount, type TestAccount } from '../../test/accounts-fixture.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { createDatasets, updateDatasetMetadata } from '../datasets/dataset.service.ts';
import { revokeApiKey } from './api-key.repo.ts';
import { listAudit, type AuditRow } from './audit.repo.ts';

/*
 * Every write endpoint against every kind of caller (docs/accounts.md): who gets 401, who
 * gets 403, who may write, and that each successful write leaves exactly one audit row
 * (actor, source address, action) while a refused one leaves none.
 */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

let bed: JobTestBed;
let queue: JobQueue;
let app: FastifyInstance;
let weather: number;
let serial = 0;
const routes: RouteOptions[] = [];

/** A new identifier of the weather bureau (A41000000G). */
function nextIdentifier(): string {
  serial += 1;
  return `A41000000G-${String(serial).padStart(6, '0')}`;
}

/** The same dataset in the data.gov.tw v2 field names. */
function v2Body(identifier: string, title: string): Record<string, unknown> {
  const { distribution: _d, themes: _t, ...fields } = datasetInput({ identifier, title });
  return {
    ...fields,
    distribution: [
      {
        resourceDescription: '雨量站觀測資料 CSV',
        resourceFormat: 'CSV',
        resourceCharacterEncoding: 'UTF-8',
        resourceDownloadUrl: 'https://example.gov.tw/rain.csv',
      },
    ],
  };
}

type Level = 'editor' | 'admin' | 'platform';
type Api = 'v1' | 'v2' | 'admin';

interface Endpoint {
  name: string;
  api: Api;
  /** The weakest caller allowed. */
  needs: Level;
  /** The audit action a successful call records (none: a read). */
  audit?: string;
  status: number;
  /**
   * Only the refusals are checked here (401, 403, no audit row): the route's own tests
   * cover its successful writes, which need more than a dataset (a file to upload).
   */
  refusalsOnly?: boolean;
  /** Run on the fresh dataset before the call (e.g. make a second version to restore from). */
  prepare?: (dataset: { datasetId: number }) => Promise<void>;
  /** The request, given a dataset of the weather bureau made for this call. */
  request(dataset: { datasetId: number; identifier: string }): {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    payload?: object | string;
  };
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /api/v1/datasets',
    api: 'v1',
    needs: 'editor',
    audit: 'dataset.create',
    status: 201,
    request: () => ({
      method: 'POST',
      url: '/api/v1/datasets',
      payload: datasetInput({ identifier: nextIdentifier() }),
    }),
  },
  {
    name: 'PUT /api/v1/datasets/{id}',
    api: 'v1',
    needs: 'editor',
    audit: 'dataset.update',
    status: 200,
    request: (d) => ({
      method: 'PUT',
      url: `/api/v1/datasets/${d.datasetId}`,
      payload: datasetInput({ identifier: undefined, title: '雨量站逐時觀測資料' }),
    }),
  },
  {
    name: 'PATCH /api/v1/datasets/{id}',
    api: 'v1',
    needs: 'editor',
    audit: 'dataset.update',
    status: 200,
    request: (d) => ({ method: 'PATCH', url: `/api/v1/datasets/${d.datasetId}`, payload: { title: '雨量' } }),
  },
  {
    name: 'POST /api/v1/datasets/{id}/status',
    api: 'v1',
    needs: 'editor',
    audit: 'dataset.status',
    status: 200,
    request: (d) => ({
      method: 'POST',
      url: `/api/v1/datasets/${d.datasetId}/status`,
      payload: { status: 'historical' },
    }),
  },
  {
    name: 'POST /api/v1/datasets/{id}/versions/:version/restore',
    api: 'v1',
    needs: 'editor',
    audit: 'dataset.restore',
    status: 200,
    prepare: async (d) => {
      await updateDatasetMetadata(
        bed.handle,
        d.datasetId,
        { title: '改過的名稱' },
        { actor: 'test', mode: 'patch' },
      );
    },
    request: (d) => ({ method: 'POST', url: `/api/v1/datasets/${d.datasetId}/versions/1/restore` }),
  },
  {
    name: 'PUT /api/v1/datasets/{id}/resources/:resourceId/file',
    api: 'v1',
    needs: 'editor',
    audit: 'resource.upload',
    status: 200,
    refusalsOnly: true,
    request: (d) => ({
      method: 'PUT',
      url: `/api/v1/datasets/${d.datasetId}/resources/${d.identifier}-001/file?filename=rain.csv`,
      payload: 'station,rain\nA,1\n',
    }),
  },
  {
    name: 'POST /api/v1/datasets/{id}/quality/check',
    api: 'v1',
    needs: 'editor',
    audit: 'quality.recheck',
    status: 202,
    request: (d) => ({ method: 'POST', url: `/api/v1/datasets/${d.datasetId}/quality/check` }),
  },
  {
    name: 'POST /api/v1/datasets/{id}/fixes/:fixId',
    api: 'v1',
    needs: 'editor',
    audit: 'dataset.fix',
    status: 200,
    refusalsOnly: true,
    request: (d) => ({
      method: 'POST',
      url: `/api/v1/datasets/${d.datasetId}/fixes/to_utf8:${d.identifier}-001`,
    }),
  },
  {
    name: 'GET /api/v1/admin/jobs',
    api: 'admin',
    needs: 'platform',
    status: 200,
    request: () => ({ method: 'GET', url: '/api/v1/admin/jobs' }),
  },
  {
    name: 'POST /api/v2/rest/dataset',
    api: 'v2',
    needs: 'editor',
    audit: 'dataset.create',
    status: 200,
    request: () => ({
      method: 'POST',
      url: '/api/v2/rest/dataset',
      payload: v2Body(nextIdentifier(), '雨量站觀測資料'),
    }),
  },
  {
    name: 'PUT /api/v2/rest/dataset/{id}',
    api: 'v2',
    needs: 'editor',
    audit: 'dataset.update',
    status: 200,
    request: (d) => ({
      method: 'PUT',
      url: `/api/v2/rest/dataset/${d.datasetId}`,
      payload: v2Body(d.identifier, '雨量站逐時觀測資料'),
    }),
  },
  {
    name: 'DELETE /api/v2/rest/dataset/{id}',
    api: 'v2',
    needs: 'admin',
    audit: 'dataset.delete',
    status: 200,
    request: (d) => ({ method: 'DELETE', url: `/api/v2/rest/dataset/${d.datasetId}` }),
  },
];

/** What a caller amounts to for the weather bureau's datasets. */
type Standing = 'anonymous' | 'refused' | 'none' | 'member' | Level;

interface Caller {
  name: string;
  standing: Standing;
  remoteAddress?: string;
  /** Set in beforeAll. */
  account?: TestAccount;
}

const CALLERS: Caller[] = [
  { name: 'nobody', standing: 'anonymous' },
  { name: 'an admin of another organisation', standing: 'none' },
  { name: 'an organisation key of another organisation (its creator is editor here too)', standing: 'none' },
  { name: 'a member', standing: 'member' },
  { name: 'an editor', standing: 'editor' },
  { name: 'an organisation key whose creator is editor', standing: 'editor' },
  { name: 'an organisation admin', standing: 'admin' },
  { name: 'a platform administrator', standing: 'platform' },
  { name: 'the admin token', standing: 'platform' },
  { name: 'an admin key from a source it does not allow', standing: 'refused', remoteAddress: '192.0.2.7' },
  { name: 'the same key from an allowed source', standing: 'admin', remoteAddress: '10.1.2.9' },
  { name: 'a revoked admin key', standing: 'refused' },
  { name: 'an expired admin key', standing: 'refused' },
];

const RANK: Record<Standing, number> = {
  anonymous: -1,
  refused: -1,
  none: 0,
  member: 1,
  editor: 2,
  admin: 3,
  platform: 4,
};

function expected(endpoint: Endpoint, caller: Caller): { status: number; code?: string } {
  const v2 = endpoint.api === 'v2';
  if (caller.standing === 'anonymous')
    return { status: 401, code: v2 ? 'ER0001:API Key錯誤' : 'UNAUTHORIZED' };
  if (caller.standing === 'refused')
    return { status: 401, code: v2 ? 'ER0001:API Key錯誤' : 'API_KEY_REFUSED' };
  if (RANK[caller.standing] < RANK[endpoint.needs])
    return { status: 403, code: v2 ? 'ER0403:無權限異動此機關的資料集' : 'FORBIDDEN' };
  return { status: endpoint.status };
}

function headersOf(caller: Caller): Record<string, string> {
  if (caller.name === 'the admin token') return { ...ADMIN_HEADERS };
  return caller.account ? { ...caller.account.headers } : {};
}

beforeAll(async () => {
  bed = await openJobTestBed();
  queue = await bed.openQueue({ background: false });
  await queue.start();
  const db = bed.handle.db;
  const rows = await db
    .insertInto('organizations')
    .values([
      organizationRow({ agencyCode: 'A41000000G', nameZh: '交通部中央氣象署' }),
      organizationRow({ agencyCode: 'B12345678C', nameZh: '另一個機關' }),
    ])
    .returning('id')
    .execute();
  weather = Number(rows[0]!.id);
  const other = Number(rows[1]!.id);
  const accounts: Record<string, Parameters<typeof createTestAccount>[1]> = {
    'an admin of another organisation': { roles: [[other, 'admin']] },
    'an organisation key of another organisation (its creator is editor here too)': {
      roles: [
        [weather, 'editor'],
        [other, 'admin'],
      ],
      keyOrganizationId: other,
    },
    'a member': { roles: [[weather, 'member']] },
    'an editor': { roles: [[weather, 'editor']] },
    'an organisation key whose creator is editor': {
      roles: [[weather, 'editor']],
      keyOrganizationId: weather,
    },
    'an organisation admin': { roles: [[weather, 'admin']] },
    'a platform administrator': { platformAdmin: true },
    'a revoked admin key': { roles: [[weather, 'admin']] },
    'an expired admin key': { roles: [[weather, 'admin']], expiresAt: '2020-01-01T00:00:00.000Z' },
  };
  for (const caller of CALLERS) {
    const options = accounts[caller.name];
    if (options) caller.account = await createTestAccount(db, options);
  }
  const limited = await createTestAccount(db, {
    roles: [[weather, 'admin']],
    allowedSources: ['10.1.2.0/24'],
  });
  for (const caller of CALLERS) if (caller.remoteAddress) caller.account = limited;
  await revokeApiKey(db, CALLERS.find((c) => c.name === 'a revoked admin key')!.account!.keyId);
  app = await buildTestApp(bed.handle, {}, { jobQueue: queue, onRoute: (route) => routes.push(route) });
}, 30_000);

afterAll(async () => {
  await app.close();
  await bed.destroy();
});

async function auditAfter(id: number): Promise<AuditRow[]> {
  return (await listAudit(bed.handle.db, { limit: 20 })).filter((r) => r.id > id);
}

async function lastAuditId(): Promise<number> {
  return (await listAudit(bed.handle.db, { limit: 1 }))[0]?.id ?? 0;
}

const CASES = ENDPOINTS.flatMap((endpoint) =>
  CALLERS.filter((caller) => !endpoint.refusalsOnly || expected(endpoint, caller).status >= 400).map(
    (caller) => [endpoint.name, caller.name, endpoint, caller] as const,
  ),
);

describe(`the write policy on ${dialect}`, () => {
  it('has a case for every write route of the API', () => {
    const cases = new Set(ENDPOINTS.map((e) => e.name.replace('{id}', ':datasetId')));
    const writes = routes
      .filter((r) => r.url.startsWith('/api/'))
      .flatMap((r) => [r.method].flat().map((m) => `${String(m)} ${r.url}`))
      .filter((route) => /^(POST|PUT|PATCH|DELETE) /.test(route));
    expect(writes.length).toBeGreaterThanOrEqual(8);
    for (const route of writes) expect(cases, `${route} has no case above`).toContain(route);
    const all = new Set(routes.flatMap((r) => [r.method].flat().map((m) => `${String(m)} ${r.url}`)));
    for (const name of cases) expect(all, `${name} is not a route`).toContain(name);
  });

  it.each(CASES)('%s by %s', async (_e, _c, endpoint, caller) => {
    const identifier = nextIdentifier();
    const [dataset] = await createDatasets(bed.handle, [{ input: datasetInput({ identifier }) }], {
      actor: 'test',
    });
    await endpoint.prepare?.(dataset!);
    const before = await lastAuditId();
    const request = endpoint.request({ datasetId: dataset!.datasetId, identifier });
    const res = await app.inject({
      ...request,
      headers: headersOf(caller),
      ...(caller.remoteAddress ? { remoteAddress: caller.remoteAddress } : {}),
    });
    const want = expected(endpoint, caller);
    expect(res.statusCode, res.body).toBe(want.status);
    const body = res.json();
    if (want.code !== undefined) {
      const code = endpoint.api === 'v2' ? body.error.error_type : body.error.code;
      expect(code).toBe(want.code);
    }
    const rows = await auditAfter(before);
    if (want.status >= 400 || endpoint.audit === undefined) {
      expect(rows).toEqual([]);
      return;
    }
    const token = caller.name === 'the admin token';
    expect(rows).toEqual([
      expect.objectContaining({
        action: endpoint.audit,
        actorKind: token ? 'admin-token' : 'api-key',
        actorId: token ? null : String(caller.account!.keyId),
        ip: caller.remoteAddress ?? '127.0.0.1',
        organizationId: weather,
      }),
    ]);
  });
});

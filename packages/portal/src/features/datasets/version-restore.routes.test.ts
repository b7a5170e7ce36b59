import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADERS, buildTestApp } from '../../http/test-app.ts';
import { createTestAccount, type TestAccount } from '../../test/accounts-fixture.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listAudit } from '../accounts/audit.repo.ts';
import { insertOrganization } from '../organizations/organization.repo.ts';
import type { DatasetRecord } from './dataset.record.ts';
import { getVersion } from './dataset.repo.ts';
import { createDatasets, recordToInput, updateDatasetMetadata } from './dataset.service.ts';

/*
 * POST /api/v1/datasets/{id}/versions/{n}/restore: version k written back as version n+1
 * (metadata equal to k's, status and dates kept), by editors only, audited.
 */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

let t: TestDatabase;
let app: FastifyInstance;
let weather: number;
let editor: TestAccount;
let member: TestAccount;
let otherAdmin: TestAccount;
let serial = 0;

beforeAll(async () => {
  t = await openTestDatabase();
  weather = (await insertOrganization(t.db, organizationRow({ agencyCode: 'A41000000G' }))).id;
  const other = (
    await insertOrganization(t.db, organizationRow({ agencyCode: 'B12345678C', nameZh: '另一個機關' }))
  ).id;
  editor = await createTestAccount(t.db, { roles: [[weather, 'editor']] });
  member = await createTestAccount(t.db, { roles: [[weather, 'member']] });
  otherAdmin = await createTestAccount(t.db, { roles: [[other, 'admin']] });
  app = await buildTestApp(t);
});

afterAll(async () => {
  await app.close();
  await t.destroy();
});

/** A dataset with three versions: 1 as created, 2 with a new title and a second resource, 3 with notes. */
async function threeVersions(): Promise<DatasetRecord> {
  serial += 1;
  const identifier = `A41000000G-${String(serial).padStart(6, '0')}`;
  const [created] = await createDatasets(t, [{ input: datasetInput({ identifier }) }], { actor: 'test' });
  const id = created!.datasetId;
  const first = created!.distribution[0]!;
  await updateDatasetMetadata(
    t,
    id,
    {
      title: '雨量（第二版）',
      distribution: [
        { ...first },
        { format: 'JSON', characterSetCode: 'UTF-8', downloadURL: 'https://x.gov.tw/r.json' },
      ],
    },
    { actor: 'test', mode: 'patch' },
  );
  const { record } = await updateDatasetMetadata(
    t,
    id,
    { notes: '第三版的備註', keyword: ['雨量'] },
    { actor: 'test', mode: 'patch' },
  );
  return record;
}

const restore = (datasetId: number | string, n: number, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `/api/v1/datasets/${datasetId}/versions/${n}/restore`, headers });

/** What a restore brings back: the writable fields, minus the status (never rolled back). */
function restorable(record: DatasetRecord) {
  const { status: _status, ...rest } = recordToInput(record);
  return rest;
}

describe(`restoring a version on ${dialect}`, () => {
  it('writes version k back as version n+1, equal in metadata, status and dates kept', async () => {
    const current = await threeVersions();
    const res = await restore(current.datasetId, 1, editor.headers);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      restoredFrom: 1,
      changed: true,
      dataset: { version: 4, status: 'published' },
    });
    const [v1, v4] = await Promise.all([
      getVersion(t.db, current.datasetId, 1),
      getVersion(t.db, current.datasetId, 4),
    ]);
    expect(restorable(v4!.snapshot)).toEqual(restorable(v1!.snapshot));
    expect(v4!.snapshot.publishedAt).toBe(current.publishedAt);
    expect(v4!.snapshot.distribution.map((r) => r.resourceID)).toEqual([`${current.identifier}-001`]);
    // The version is a restore, with its changes against version 3.
    expect(v4!.action).toBe('restore');
    expect(v4!.actor).toBe(`api-key:${editor.keyId}`);
    expect(v4!.changes).toMatchObject({
      title: { from: '雨量（第二版）', to: '雨量站觀測資料' },
      notes: { from: '第三版的備註', to: null },
      distribution: { added: [], removed: [`${current.identifier}-002`] },
    });
    const [audit] = await listAudit(t.db, { limit: 1 });
    expect(audit).toMatchObject({
      action: 'dataset.restore',
      actorKind: 'api-key',
      targetId: current.identifier,
      organizationId: weather,
    });
    expect(audit!.detail).toMatchObject({ version: 4, changed: expect.arrayContaining(['title', 'notes']) });
  });

  it('restores by identifier too, and makes no version when nothing would change', async () => {
    const current = await threeVersions();
    const same = await restore(current.identifier, 3, ADMIN_HEADERS);
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ changed: false, dataset: { version: 3 } });
    const two = await restore(current.identifier, 2, ADMIN_HEADERS);
    expect(two.json()).toMatchObject({ changed: true, dataset: { version: 4, title: '雨量（第二版）' } });
    expect(two.json().dataset.distribution).toHaveLength(2);
  });

  it('keeps a draft a draft', async () => {
    serial += 1;
    const identifier = `A41000000G-${String(serial).padStart(6, '0')}`;
    const [draft] = await createDatasets(t, [{ input: datasetInput({ identifier, status: 'draft' }) }], {
      actor: 'test',
    });
    await updateDatasetMetadata(
      t,
      draft!.datasetId,
      { status: 'published', title: '已上架' },
      {
        actor: 'test',
        mode: 'patch',
      },
    );
    const res = await restore(draft!.datasetId, 1, editor.headers);
    expect(res.json()).toMatchObject({
      changed: true,
      dataset: { status: 'published', title: '雨量站觀測資料' },
    });
  });

  it('refuses members and other organisations (403), nobody (401) and a missing version (404)', async () => {
    const current = await threeVersions();
    const before = (await listAudit(t.db, { limit: 1 }))[0]!.id;
    for (const who of [member, otherAdmin]) {
      const res = await restore(current.datasetId, 1, who.headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const anonymous = await restore(current.datasetId, 1);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('UNAUTHORIZED');
    // An outsider learns nothing about the versions: 403 before 404.
    expect((await restore(current.datasetId, 99, otherAdmin.headers)).statusCode).toBe(403);
    const missing = await restore(current.datasetId, 99, editor.headers);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('VERSION_NOT_FOUND');
    expect(await getVersion(t.db, current.datasetId, 4)).toBeUndefined();
    expect((await listAudit(t.db, { limit: 1 }))[0]!.id).toBe(before);
  });

  it('brings back a removed resource with the file it had', async () => {
    const current = await threeVersions();
    const second = current.distribution[1]!;
    const file = {
      fileKey: `sha256:${'ab'.repeat(32)}`,
      size: 123,
      checksum: 'ab'.repeat(32),
      downloadURL: `https://portal.example/dataset/${current.datasetId}/resource/${second.resourceID}/file`,
    };
    const withFile = await updateDatasetMetadata(
      t,
      current.datasetId,
      {},
      {
        actor: 'test',
        mode: 'patch',
        resourceFiles: new Map([[second.resourceID, file]]),
      },
    );
    const fileVersion = withFile.record.version;
    await updateDatasetMetadata(
      t,
      current.datasetId,
      { distribution: [withFile.record.distribution[0]] },
      { actor: 'test', mode: 'patch' },
    );
    const res = await restore(current.datasetId, fileVersion, editor.headers);
    expect(res.statusCode, res.body).toBe(200);
    const back = (await getVersion(t.db, current.datasetId, fileVersion + 2))!.snapshot.distribution;
    expect(back.map((r) => [r.resourceID, r.fileKey])).toEqual([
      [current.distribution[0]!.resourceID, null],
      [second.resourceID, file.fileKey],
    ]);
  });

  it('leaves an uploaded file behind when the restored version had the publisher’s own URL', async () => {
    const current = await threeVersions();
    const first = current.distribution[0]!;
    const before = current.version;
    await updateDatasetMetadata(
      t,
      current.datasetId,
      {},
      {
        actor: 'test',
        mode: 'patch',
        resourceFiles: new Map([
          [
            first.resourceID,
            {
              fileKey: `sha256:${'cd'.repeat(32)}`,
              size: 9,
              checksum: 'cd'.repeat(32),
              downloadURL: `https://portal.example/dataset/${current.datasetId}/resource/${first.resourceID}/file`,
            },
          ],
        ]),
      },
    );
    const res = await restore(current.datasetId, before, editor.headers);
    expect(res.statusCode, res.body).toBe(200);
    const restored = (await getVersion(t.db, current.datasetId, before + 2))!.snapshot.distribution[0]!;
    expect(restored).toMatchObject({
      downloadURL: first.downloadURL,
      fileKey: null,
      size: null,
      checksum: null,
    });
  });
});

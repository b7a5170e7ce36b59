import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { createTestAccount } from '../../test/accounts-fixture.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets, getDataset } from '../datasets/dataset.service.ts';
import { getAs, signIn, type TestSession } from './manage.fixtures.ts';

const DIALECT = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const CSV = 'station,rain\nC0A520,1.5\n';

let t: TestDatabase;
let app: FastifyInstance;
let dataDir: string;
let editor: TestSession;
let member: TestSession;
let datasetId: number;

beforeAll(async () => {
  t = await openTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), 'odp-manage-upload-'));
  const [row] = await t.db
    .insertInto('organizations')
    .values(organizationRow({ agencyCode: 'A41000000G', nameZh: '交通部中央氣象署' }))
    .returning('id')
    .execute();
  const org = Number(row!.id);
  editor = await signIn(t.db, (await createTestAccount(t.db, { roles: [[org, 'editor']] })).userId);
  member = await signIn(t.db, (await createTestAccount(t.db, { roles: [[org, 'member']] })).userId);
  const [dataset] = await createDatasets(t, [{ input: datasetInput() }], { actor: 'test' });
  datasetId = dataset!.datasetId;
  app = await buildTestApp(t, {
    dataDir,
    storage: { uploadMaxBytes: 64, backend: { kind: 'local' } },
  });
});

afterAll(async () => {
  await app.close();
  await t.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

const url = () => `/manage/datasets/${datasetId}/resources/A41000000G-000001-001/file?filename=rain.csv`;

function put(session: TestSession | undefined, body: string, token = session?.csrfToken) {
  return app.inject({
    method: 'PUT',
    url: url(),
    headers: {
      'content-type': 'application/octet-stream',
      ...(session ? { cookie: session.cookie } : {}),
      ...(token ? { 'x-csrf-token': token } : {}),
    },
    payload: body,
  });
}

describe(`upload from the dataset form on ${DIALECT}`, () => {
  it('shows a file input for saved resources on the edit page', async () => {
    const html = (await getAs(app, `/manage/datasets/${datasetId}/edit`, editor)).body;
    expect(html).toContain(
      `data-upload-url="/manage/datasets/${datasetId}/resources/A41000000G-000001-001/file"`,
    );
    expect(html).toContain('<progress class="upload-progress"');
  });

  it('stores the file and points the resource at it (a new version)', async () => {
    const res = await put(editor, CSV);
    expect(res.statusCode, res.body).toBe(200);
    const answer = res.json() as { downloadURL: string; size: number; version: number; changed: boolean };
    expect(answer).toMatchObject({ size: CSV.length, version: 2, changed: true });
    expect(answer.downloadURL).toMatch(
      new RegExp(`/dataset/${datasetId}/resource/A41000000G-000001-001/file$`),
    );
    const stored = await getDataset(t, datasetId);
    expect(stored.distribution[0]).toMatchObject({ size: CSV.length, downloadURL: answer.downloadURL });
    expect(stored.distribution[0]?.fileKey).toMatch(/^sha256:/);
  });

  it('refuses a missing CSRF token, a member, and a file over the size limit', async () => {
    expect((await put(editor, CSV, '')).statusCode).toBe(403);
    expect((await put(member, CSV)).statusCode).toBe(403);
    expect((await put(undefined, CSV)).statusCode).toBe(403);
    const tooLarge = await put(editor, 'x'.repeat(65));
    expect(tooLarge.statusCode).toBe(413);
    expect((await getDataset(t, datasetId)).version).toBe(2);
  });
});

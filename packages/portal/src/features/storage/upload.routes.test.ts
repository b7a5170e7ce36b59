import { zipArchive, zipEntry } from '@odp/convert';
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADERS, buildTestApp } from '../../http/test-app.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { openJobTestBed, type JobTestBed } from '../../jobs/job-test-bed.ts';
import { createTestAccount, type TestAccount } from '../../test/accounts-fixture.ts';
import { datasetInput, organizationRow } from '../../test/factories.ts';
import { listAudit } from '../accounts/audit.repo.ts';
import { createDatasets, getDataset } from '../datasets/dataset.service.ts';
import { CHECK_RESOURCE_JOB } from '../quality/quality-jobs.ts';
import { findStoredFile } from './stored-file.repo.ts';

/*
 * Uploads through PUT /api/v1/datasets/{id}/resources/{resourceID}/file and the files
 * served back: who may upload, what is recorded (stored_files row, a new version, the
 * audit row, queued checks), what is refused (size, archives, empty) and that a refused
 * upload leaves nothing behind.
 */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const MAX_BYTES = 1536 * 1024;
const PUBLIC_URL = 'http://localhost:3000';

let bed: JobTestBed;
let queue: JobQueue;
let app: FastifyInstance;
let dataDir: string;
let editor: TestAccount;
let outsider: TestAccount;
let member: TestAccount;
let serial = 0;

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const stagingDir = () => path.join(dataDir, 'files', '.staging');

/** A new published dataset of the weather bureau with one CSV resource. */
async function newDataset(): Promise<{ datasetId: number; identifier: string; resourceId: string }> {
  serial += 1;
  const identifier = `A41000000G-${String(serial).padStart(6, '0')}`;
  const [record] = await createDatasets(
    { db: bed.handle.db, dialect: bed.handle.dialect },
    [{ input: datasetInput({ identifier }) }],
    { actor: 'test' },
  );
  return { datasetId: record!.datasetId, identifier, resourceId: record!.distribution[0]!.resourceID };
}

function upload(
  target: { identifier: string; resourceId: string },
  payload: string | Buffer | Readable,
  options: { headers?: Record<string, string>; query?: string } = {},
) {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/datasets/${target.identifier}/resources/${target.resourceId}/file${options.query ?? ''}`,
    payload,
    headers: { 'content-type': 'application/octet-stream', ...editor.headers, ...options.headers },
  });
}

async function versionOf(datasetId: number): Promise<number> {
  return (await getDataset({ db: bed.handle.db, dialect: bed.handle.dialect }, datasetId)).version;
}

async function storedRows(): Promise<number> {
  const row = await bed.handle.db
    .selectFrom('storedFiles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function multipart(fieldName: string, fileName: string, content: Buffer | string) {
  const boundary = '----odp-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${fileName}"\r\n` +
        'Content-Type: text/html\r\n\r\n',
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'odp-upload-'));
  bed = await openJobTestBed();
  queue = await bed.openQueue({ background: false });
  await queue.start();
  const rows = await bed.handle.db
    .insertInto('organizations')
    .values([
      organizationRow({ agencyCode: 'A41000000G', nameZh: '交通部中央氣象署' }),
      organizationRow({ agencyCode: 'B12345678C', nameZh: '另一個機關' }),
    ])
    .returning('id')
    .execute();
  const weather = Number(rows[0]!.id);
  const other = Number(rows[1]!.id);
  editor = await createTestAccount(bed.handle.db, { roles: [[weather, 'editor']] });
  member = await createTestAccount(bed.handle.db, { roles: [[weather, 'member']] });
  outsider = await createTestAccount(bed.handle.db, { roles: [[other, 'admin']] });
  app = await buildTestApp(
    bed.handle,
    { dataDir, publicUrl: PUBLIC_URL, storage: { uploadMaxBytes: MAX_BYTES, backend: { kind: 'local' } } },
    { jobQueue: queue },
  );
}, 30_000);

afterAll(async () => {
  await app?.close();
  await bed?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`resource file uploads on ${dialect}`, () => {
  it('stores the file, records it as a new version with an audit row, and queues checks', async () => {
    const target = await newDataset();
    const csv = 'station,rain\n466920,12.5\n466910,0.0\n';
    const before = (await queue.listJobs({ name: CHECK_RESOURCE_JOB, limit: 100 })).length;
    // The client's name and type are evidence at most: the path is dropped, the type sniffed.
    const res = await upload(target, csv, {
      headers: { 'content-type': 'image/png' },
      query: `?filename=${encodeURIComponent('../../etc/雨量 2026.csv')}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const fileKey = `sha256:${sha(csv)}`;
    const downloadURL = `${PUBLIC_URL}/dataset/${target.datasetId}/resource/${target.resourceId}/file`;
    expect(res.json()).toEqual({
      datasetId: target.datasetId,
      identifier: target.identifier,
      resourceID: target.resourceId,
      version: 2,
      changed: true,
      file: {
        fileKey,
        size: csv.length,
        checksum: sha(csv),
        mediaType: 'text/csv',
        format: 'CSV',
        fileName: '雨量 2026.csv',
        downloadURL,
      },
    });
    const hex = sha(csv);
    expect(readFileSync(path.join(dataDir, 'files', hex.slice(0, 2), hex), 'utf8')).toBe(csv);
    expect(await findStoredFile(bed.handle.db, fileKey)).toMatchObject({
      size: csv.length,
      mediaType: 'text/csv',
      originalName: '雨量 2026.csv',
    });

    const dataset = await app.inject({
      url: `/api/v1/datasets/${target.identifier}`,
      headers: ADMIN_HEADERS,
    });
    expect(dataset.json()).toMatchObject({
      version: 2,
      distribution: [
        { resourceID: target.resourceId, format: 'CSV', downloadURL, size: csv.length, checksum: hex },
      ],
    });
    const versions = await app.inject({ url: `/api/v1/datasets/${target.identifier}/versions` });
    expect(versions.json().results[0]).toMatchObject({ version: 2, action: 'upload' });

    const [audit] = await listAudit(bed.handle.db, { limit: 1 });
    expect(audit).toMatchObject({ action: 'dataset.upload', targetId: target.identifier });
    const after = await queue.listJobs({ name: CHECK_RESOURCE_JOB, limit: 100 });
    expect(after.length).toBe(before + 1);
    expect(readdirSync(stagingDir())).toEqual([]);
  });

  it('serves the current file as a safe attachment with the sniffed type and ETag', async () => {
    const target = await newDataset();
    const csv = 'a,b\n1,2\n';
    expect((await upload(target, csv, { query: '?filename=data.csv' })).statusCode).toBe(200);
    const res = await app.inject({ url: `/dataset/${target.identifier}/resource/${target.resourceId}/file` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(csv);
    expect(res.headers['content-type']).toBe('text/csv');
    expect(res.headers['content-length']).toBe(String(csv.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="data.csv"; filename*=UTF-8''data.csv`,
    );
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(res.headers.etag).toBe(`"sha256:${sha(csv)}"`);
    const again = await app.inject({
      url: `/dataset/${target.datasetId}/resource/${target.resourceId}/file`,
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('takes multipart/form-data with a part named file, and never serves HTML as HTML', async () => {
    const target = await newDataset();
    const page =
      '<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>';
    const form = multipart('file', 'C:\\Users\\me\\page.html', page);
    const res = await upload(target, form.body, { headers: { 'content-type': form.contentType } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().file).toMatchObject({ mediaType: 'text/html', format: 'HTML', fileName: 'page.html' });
    const served = await app.inject({
      url: `/dataset/${target.identifier}/resource/${target.resourceId}/file`,
    });
    expect(served.headers['content-type']).toBe('application/octet-stream');
    expect(served.headers['content-disposition']).toMatch(/^attachment; filename="page.html"/);
    expect(served.body).toBe(page);

    const svg =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const other = await newDataset();
    const svgRes = await upload(other, svg);
    expect(svgRes.json().file).toMatchObject({ mediaType: 'image/svg+xml' });
    const svgServed = await app.inject({
      url: `/dataset/${other.identifier}/resource/${other.resourceId}/file`,
    });
    expect(svgServed.headers['content-type']).toBe('application/octet-stream');
    // No name given: the resourceID and a neutral extension.
    expect(svgServed.headers['content-disposition']).toMatch(
      new RegExp(`filename="${other.resourceId}.bin"`),
    );

    const wrongPart = multipart('upload', 'a.csv', 'a,b\n');
    const refused = await upload(other, wrongPart.body, {
      headers: { 'content-type': wrongPart.contentType },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('keeps old files downloadable from the versions that recorded them', async () => {
    const target = await newDataset();
    expect((await upload(target, 'year,value\n2025,1\n')).json().version).toBe(2);
    expect((await upload(target, 'year,value\n2026,2\n')).json().version).toBe(3);
    // The same bytes again change nothing: no version.
    const same = await upload(target, 'year,value\n2026,2\n');
    expect(same.json()).toMatchObject({ version: 3, changed: false });
    expect(await versionOf(target.datasetId)).toBe(3);

    const base = `/dataset/${target.identifier}`;
    const file = (url: string) => app.inject({ url });
    expect((await file(`${base}/resource/${target.resourceId}/file`)).body).toBe('year,value\n2026,2\n');
    expect((await file(`${base}/versions/2/resource/${target.resourceId}/file`)).body).toBe(
      'year,value\n2025,1\n',
    );
    expect((await file(`${base}/versions/3/resource/${target.resourceId}/file`)).body).toBe(
      'year,value\n2026,2\n',
    );
    const v1 = await file(`${base}/versions/1/resource/${target.resourceId}/file`);
    expect(v1.statusCode).toBe(404);
    expect(v1.json().error.code).toBe('FILE_NOT_FOUND');
    const v9 = await file(`${base}/versions/9/resource/${target.resourceId}/file`);
    expect(v9.json().error.code).toBe('VERSION_NOT_FOUND');
    const noResource = await file(`${base}/resource/${target.identifier}-099/file`);
    expect(noResource.json().error.code).toBe('RESOURCE_NOT_FOUND');
  });

  it('needs credentials (401) and the editor role in the dataset’s organisation (403)', async () => {
    const target = await newDataset();
    const rowsBefore = await storedRows();
    const cases: [Record<string, string>, number, string][] = [
      [{ authorization: '' }, 401, 'UNAUTHORIZED'],
      [{ authorization: 'Bearer not-a-key' }, 401, 'UNAUTHORIZED'],
      [outsider.headers, 403, 'FORBIDDEN'],
      [member.headers, 403, 'FORBIDDEN'],
    ];
    for (const [headers, status, code] of cases) {
      const res = await upload(target, 'x,y\n1,2\n', { headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(status);
      expect(res.json().error.code).toBe(code);
    }
    expect(await storedRows()).toBe(rowsBefore);
    expect(await versionOf(target.datasetId)).toBe(1);
    const admin = await upload(target, 'x,y\n1,2\n', { headers: ADMIN_HEADERS });
    expect(admin.statusCode).toBe(200);
    const unknown = await upload({ ...target, resourceId: `${target.identifier}-009` }, 'x\n');
    expect(unknown.json().error.code).toBe('RESOURCE_NOT_FOUND');
    const noDataset = await upload(
      { identifier: 'A41000000G-999999', resourceId: 'A41000000G-999999-001' },
      'x\n',
    );
    expect(noDataset.json().error.code).toBe('DATASET_NOT_FOUND');
  });

  it('refuses a file over the limit with 413 and keeps nothing, streamed or declared', async () => {
    const target = await newDataset();
    const rowsBefore = await storedRows();
    const big = Buffer.alloc(MAX_BYTES + 1, 'a');
    const declared = await upload(target, big);
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    // Without a Content-Length the body is counted as it streams.
    const streamed = await upload(target, Readable.from([big.subarray(0, 400_000), big.subarray(400_000)]));
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const form = multipart('file', 'big.csv', big);
    const viaForm = await upload(target, form.body, { headers: { 'content-type': form.contentType } });
    expect(viaForm.statusCode).toBe(413);
    expect(await storedRows()).toBe(rowsBefore);
    expect(await versionOf(target.datasetId)).toBe(1);
    expect(readdirSync(stagingDir())).toEqual([]);
    expect(existsSync(path.join(dataDir, 'files', sha(big).slice(0, 2), sha(big)))).toBe(false);
    // Exactly the limit is fine.
    expect((await upload(target, big.subarray(0, MAX_BYTES))).statusCode).toBe(200);
  });

  it('refuses an empty file and archives over the entry or size limits (422)', async () => {
    const target = await newDataset();
    const rowsBefore = await storedRows();
    const empty = await upload(target, Readable.from([]));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('FILE_EMPTY');

    const bomb = zipArchive([{ ...zipEntry('rain.csv', 'a,b\n1,2\n'), size: 600 * 1024 * 1024 }]);
    const tooLarge = await upload(target, bomb);
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.json().error).toMatchObject({
      code: 'ARCHIVE_TOO_LARGE',
      details: { declaredBytes: 600 * 1024 * 1024 },
    });

    const many = zipArchive(
      Array.from({ length: 10_001 }, (_, i) => zipEntry(`f${i}.txt`, '', { store: true })),
    );
    const tooMany = await app.inject({
      method: 'PUT',
      url: `/api/v1/datasets/${target.identifier}/resources/${target.resourceId}/file`,
      payload: many,
      headers: { ...ADMIN_HEADERS, 'content-type': 'application/zip' },
    });
    expect(many.length).toBeLessThan(MAX_BYTES);
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error).toMatchObject({
      code: 'ARCHIVE_TOO_MANY_ENTRIES',
      details: { maxEntries: 10_000 },
    });

    const ok = zipArchive([zipEntry('rain.csv', 'a,b\n1,2\n')]);
    const zipped = await upload(target, ok);
    expect(zipped.json().file).toMatchObject({ format: 'ZIP', mediaType: 'application/zip' });
    expect(await storedRows()).toBe(rowsBefore + 1);
    expect(readdirSync(stagingDir())).toEqual([]);
  });
});

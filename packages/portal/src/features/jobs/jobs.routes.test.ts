import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_HEADERS, buildTestApp } from '../../http/test-app.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { jobIn, openJobTestBed, type JobTestBed } from '../../jobs/job-test-bed.ts';

let bed: JobTestBed;
let queue: JobQueue;
let app: FastifyInstance;
let noTokenApp: FastifyInstance;
let noQueueApp: FastifyInstance;
let failedId: string;
let doneId: string;

const URL = '/api/v1/admin/jobs';
const NAME = 'test.admin-view';

beforeAll(async () => {
  bed = await openJobTestBed();
  queue = await bed.openQueue({ background: false });
  await queue.start();
  await queue.work<{ fail?: boolean }>(NAME, {}, async (job) => {
    if (job.data.fail) throw new Error('the source answered 500');
  });
  doneId = (await queue.send(NAME, {})) as string;
  failedId = (await queue.send(NAME, { fail: true }, { retryLimit: 0 })) as string;
  await jobIn(queue, doneId, ['completed']);
  await jobIn(queue, failedId, ['failed']);
  app = await buildTestApp(bed.handle, {}, { jobQueue: queue });
  noTokenApp = await buildTestApp(bed.handle, { adminToken: undefined }, { jobQueue: queue });
  noQueueApp = await buildTestApp(bed.handle);
});

afterAll(async () => {
  await Promise.all([app.close(), noTokenApp.close(), noQueueApp.close()]);
  await bed.destroy();
});

describe(`GET ${URL} on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('shows counts by state and the latest jobs to the admin', async () => {
    const res = await app.inject({ url: URL, headers: ADMIN_HEADERS });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.counts).toMatchObject({
      completed: 1,
      failed: 1,
      created: 0,
      retry: 0,
      active: 0,
      cancelled: 0,
    });
    expect(body.jobs.map((j: { id: string }) => j.id)).toEqual([failedId, doneId]);
    expect(body.jobs[0]).toEqual({
      id: failedId,
      name: NAME,
      state: 'failed',
      attempts: 1,
      retryLimit: 0,
      createdAt: expect.any(String),
      startedAt: expect.any(String),
      completedAt: expect.any(String),
      lastError: 'the source answered 500',
    });
  });

  it('filters by name and state, and limits', async () => {
    const failed = await app.inject({ url: `${URL}?state=failed&name=${NAME}`, headers: ADMIN_HEADERS });
    expect(failed.json().jobs.map((j: { id: string }) => j.id)).toEqual([failedId]);
    const one = await app.inject({ url: `${URL}?limit=1`, headers: ADMIN_HEADERS });
    expect(one.json().jobs).toHaveLength(1);
    const bad = await app.inject({ url: `${URL}?limit=0&state=gone`, headers: ADMIN_HEADERS });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('needs the admin token (401 without it or with a wrong one)', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer wrong-token-wrong-token' },
      { authorization: 'Basic abc' },
    ]) {
      const res = await app.inject({ url: URL, headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
    }
  });

  it('refuses the old token once the server has no admin token (401)', async () => {
    const res = await noTokenApp.inject({ url: URL, headers: ADMIN_HEADERS });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHORIZED');
  });

  it('answers 503 when the server has no job queue', async () => {
    const res = await noQueueApp.inject({ url: URL, headers: ADMIN_HEADERS });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('JOBS_UNAVAILABLE');
  });
});

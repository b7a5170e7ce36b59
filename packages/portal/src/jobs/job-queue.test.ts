import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import type { Job, JobQueue } from './job-queue.ts';
import { claimAndAbandon, eventually, jobIn, openJobTestBed, type JobTestBed } from './job-test-bed.ts';

let bed: JobTestBed;
/** Two queues on one database: two processes. */
let a: JobQueue;
let b: JobQueue;

beforeAll(async () => {
  bed = await openJobTestBed();
  a = await bed.openQueue();
  b = await bed.openQueue();
  await Promise.all([a.start(), b.start()]);
});

afterAll(async () => {
  await bed.destroy();
});

let seq = 0;
/** Each test its own job name, so tests sharing the database do not see each other's jobs. */
const jobName = (what: string) => `test.${what}-${++seq}`;

async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

describe(`job queue on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL (pg-boss)' : 'SQLite'}`, () => {
  it('runs a job once and completes it', async () => {
    const name = jobName('once');
    const seen: Job[] = [];
    await a.work(name, { concurrency: 1 }, async (job) => {
      seen.push(job);
    });
    const id = await a.send(name, { resource: 'r-1' });
    expect(id).toEqual(expect.any(String));
    const job = await jobIn(a, id as string, ['completed']);
    expect(job).toMatchObject({ name, state: 'completed', attempts: 1, data: { resource: 'r-1' } });
    expect(job.startedAt).not.toBeNull();
    expect(job.completedAt).not.toBeNull();
    expect(seen.map((j) => [j.id, j.attempt, j.data])).toEqual([[id, 1, { resource: 'r-1' }]]);
    expect((await a.countByState()).completed).toBeGreaterThanOrEqual(1);
    expect(await b.getJob(id as string)).toMatchObject({ id, state: 'completed' });
  });

  it('retries a failing job with back-off, then fails it with its error', async () => {
    const name = jobName('failing');
    const starts: number[] = [];
    await a.work(name, {}, async (job) => {
      starts.push(Date.now());
      throw new Error(`broken input (attempt ${job.attempt})`);
    });
    const id = (await a.send(name, {}, { retryLimit: 1, retryDelaySeconds: 1 })) as string;
    const retrying = await jobIn(b, id, ['retry', 'failed']);
    expect(retrying.lastError).toBe('broken input (attempt 1)');
    const job = await jobIn(a, id, ['failed']);
    expect(job).toMatchObject({ state: 'failed', attempts: 2, lastError: 'broken input (attempt 2)' });
    expect(starts).toHaveLength(2);
    expect((starts[1] as number) - (starts[0] as number)).toBeGreaterThanOrEqual(900);
  });

  it('fails an attempt that outruns expireInSeconds (aborting its signal) and retries it', async () => {
    const name = jobName('slow');
    const aborted: boolean[] = [];
    await a.work(name, {}, async (job) => {
      if (job.attempt === 1) {
        await new Promise((resolve) => job.signal.addEventListener('abort', resolve));
        aborted.push(job.signal.aborted);
      }
    });
    const id = (await a.send(name, {}, { expireInSeconds: 1, retryLimit: 1 })) as string;
    const job = await jobIn(a, id, ['completed', 'failed']);
    expect(job).toMatchObject({ state: 'completed', attempts: 2 });
    expect(aborted).toEqual([true]);
  });

  it('never runs a job twice with two processes taking jobs of the same name', async () => {
    const name = jobName('shared');
    const runs = new Map<string, number>();
    const handler = async (job: Job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
    };
    await a.work(name, { concurrency: 4 }, handler);
    await b.work(name, { concurrency: 4 }, handler);
    const ids = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).send(name, { i })));
    await eventually(
      async () => (await a.listJobs({ name, state: 'completed', limit: 100 })).length === 60,
      '60 jobs',
    );
    expect([...runs.keys()].sort()).toEqual([...(ids as string[])].sort());
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it('re-runs the job of a worker that died mid-job after its lock expires, and nothing else', async () => {
    const name = jobName('orphan');
    const orphan = (await a.send(
      name,
      { orphan: true },
      { expireInSeconds: 1, retryLimit: 1, priority: 10 },
    )) as string;
    expect(await claimAndAbandon(a, name)).toBe(orphan);
    expect(await a.getJob(orphan)).toMatchObject({ state: 'active', attempts: 1 });
    const others = await Promise.all([1, 2, 3].map((i) => a.send(name, { i })));
    const runs: [string, number][] = [];
    await b.work(name, { concurrency: 2 }, async (job) => {
      runs.push([job.id, job.attempt]);
    });
    const job = await jobIn(b, orphan, ['completed', 'failed']);
    expect(job).toMatchObject({ state: 'completed', attempts: 2 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs.filter(([id]) => id === orphan)).toEqual([[orphan, 2]]);
    expect(runs.filter(([id]) => id !== orphan).sort()).toEqual(others.map((id) => [id, 1]).sort());
  });

  it('dedupes a pending job by singletonKey', async () => {
    const name = jobName('singleton');
    const first = await a.send(name, { v: 1 }, { singletonKey: 'resource-9' });
    expect(first).toEqual(expect.any(String));
    expect(await b.send(name, { v: 2 }, { singletonKey: 'resource-9' })).toBeNull();
    const other = await b.send(name, { v: 3 }, { singletonKey: 'resource-10' });
    expect(other).toEqual(expect.any(String));
    const jobs = await a.listJobs({ name, limit: 10 });
    expect(jobs.map((j) => [j.singletonKey, j.data]).sort()).toEqual([
      ['resource-10', { v: 3 }],
      ['resource-9', { v: 1 }],
    ]);
    // Once the pending job has run, the key is free again.
    await a.work(name, {}, async () => {});
    await jobIn(a, first as string, ['completed']);
    expect(await a.send(name, { v: 4 }, { singletonKey: 'resource-9' })).toEqual(expect.any(String));
  });

  it('sends a job on each occurrence of a schedule', async () => {
    const name = jobName('scheduled');
    const ran: unknown[] = [];
    await a.work(name, {}, async (job) => {
      ran.push(job.data);
    });
    await a.schedule(name, '* * * * * *', { report: 'daily' });
    const job = await eventually(async () => (await a.listJobs({ name, limit: 1 }))[0], 'a scheduled job');
    await a.unschedule(name);
    expect(job.data).toEqual({ report: 'daily' });
    await eventually(async () => ran.length > 0, 'the scheduled job to run');
    expect(ran[0]).toEqual({ report: 'daily' });
  });

  it('lists the latest jobs, filtered by name and state, and counts by state', async () => {
    const name = jobName('listed');
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await a.send(name, { i }, { startAfter: 3600 })) as string);
    const listed = await b.listJobs({ name, limit: 2 });
    expect(listed.map((j) => j.id)).toEqual([ids[2], ids[1]]);
    expect(listed[0]).toMatchObject({ state: 'created', attempts: 0, retryLimit: 2, startedAt: null });
    expect(await b.listJobs({ name, state: 'failed', limit: 10 })).toEqual([]);
    const counts = await b.countByState();
    expect(Object.keys(counts).sort()).toEqual([
      'active',
      'cancelled',
      'completed',
      'created',
      'failed',
      'retry',
    ]);
    expect(counts.created).toBeGreaterThanOrEqual(3);
    expect(await b.getJob('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await b.getJob('not-an-id')).toBeNull();
  });

  it('refuses bad job input with stable codes', async () => {
    await rejectsWithCode(a.send('bad name!', {}), 'JOB_INVALID');
    await rejectsWithCode(a.send(jobName('x'), {}, { retryLimit: -1 }), 'JOB_INVALID');
    await rejectsWithCode(a.send(jobName('x'), {}, { expireInSeconds: 0.5 }), 'JOB_INVALID');
    await rejectsWithCode(a.schedule(jobName('x'), 'every day at noon'), 'JOB_CRON_INVALID');
    await rejectsWithCode(a.schedule(jobName('x'), '61 * * * *'), 'JOB_CRON_INVALID');
  });
});

import { describe, expect, it } from 'vitest';
import { useJobQueue } from '../test/job-queue-fixture.ts';
import { JOB_NAMES, registerJobHandlers } from './job-handlers.ts';
import { jobIn } from './job-test-bed.ts';
import { PURGE_JOBS, purgeFinishedJobs } from './purge-jobs.task.ts';

const jobs = useJobQueue();

describe(`${PURGE_JOBS} on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('is registered with its daily schedule, and runs', async () => {
    const { queue, deps } = jobs();
    const log: string[] = [];
    const names = await registerJobHandlers(
      queue,
      deps((m) => log.push(m)),
    );
    expect(names).toEqual(JOB_NAMES);
    expect(names).toContain(PURGE_JOBS);
    const id = (await queue.send(PURGE_JOBS, { olderThanDays: 1 })) as string;
    expect(await jobIn(queue, id, ['completed', 'failed'])).toMatchObject({ state: 'completed' });
  });

  it('deletes finished jobs older than N days on SQLite; pg-boss keeps its own retention', async () => {
    const { bed, queue, deps } = jobs();
    const { catalogue } = deps();
    const id = (await queue.send('test.purged', {}, { retryLimit: 0 })) as string;
    await queue.work('test.purged', {}, async () => {});
    await jobIn(queue, id, ['completed']);
    const pending = (await queue.send('test.purged-pending', {})) as string;
    expect(await purgeFinishedJobs(catalogue, 30)).toBe(0);
    const inFortyDays = new Date(Date.now() + 40 * 86_400_000);
    const deleted = await purgeFinishedJobs(catalogue, 30, inFortyDays);
    if (bed.dialect === 'postgres') {
      expect(deleted).toBe(0);
      expect(await queue.getJob(id)).not.toBeNull();
    } else {
      expect(deleted).toBeGreaterThanOrEqual(1);
      expect(await queue.getJob(id)).toBeNull();
    }
    expect(await queue.getJob(pending)).toMatchObject({ state: 'created' });
  });

  it('refuses unknown job names', async () => {
    const { queue, deps } = jobs();
    await expect(registerJobHandlers(queue, deps(), { only: ['no.such-job'] })).rejects.toMatchObject({
      code: 'JOB_INVALID',
    });
  });
});

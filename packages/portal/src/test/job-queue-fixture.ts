import { afterAll, beforeAll } from 'vitest';
import { testSettings } from '../http/test-app.ts';
import type { JobHandlerDeps } from '../jobs/job-handlers.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { openJobTestBed, type JobTestBed } from '../jobs/job-test-bed.ts';

/** A job test bed with one started queue: what the tests of a scheduled task run on. */
export interface JobQueueFixture {
  bed: JobTestBed;
  queue: JobQueue;
  /** What the portal's job handlers are given: the bed's database, test settings and `log`. */
  deps(log?: (message: string) => void): JobHandlerDeps;
}

/**
 * For a test file: opens the bed and starts its queue before the tests, destroys both
 * after them. Returns an accessor for the tests.
 */
export function useJobQueue(): () => JobQueueFixture {
  let bed: JobTestBed | undefined;
  let fixture: JobQueueFixture | undefined;
  beforeAll(async () => {
    const opened = (bed = await openJobTestBed());
    const queue = await opened.openQueue();
    await queue.start();
    fixture = {
      bed: opened,
      queue,
      deps: (log = () => {}) => ({
        catalogue: { db: opened.handle.db, dialect: opened.handle.dialect },
        settings: testSettings(),
        log,
      }),
    };
  });
  afterAll(async () => {
    await bed?.destroy();
  });
  return () => {
    if (!fixture) throw new Error('The job queue did not start (see the beforeAll error)');
    return fixture;
  };
}

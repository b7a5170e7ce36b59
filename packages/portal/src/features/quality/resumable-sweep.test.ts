import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../../quality/src/fetch/local-test-server.ts';
import { testSettings } from '../../http/test-app.ts';
import { registerJobHandlers } from '../../jobs/job-handlers.ts';
import { claimAndAbandon, eventually, openJobTestBed, type JobTestBed } from '../../jobs/job-test-bed.ts';
import { datasetInput } from '../../test/factories.ts';
import { createDatasets } from '../datasets/dataset.service.ts';
import { CHECK_RESOURCE_JOB, type CheckResourceJobData } from './quality-jobs.ts';
import { dueResources } from './quality-sweep.task.ts';

/*
 * QUALITY.md §5 resumable: a worker dies in the middle of a sweep; another one takes over.
 * Every resource ends up checked once — the dead worker's check runs again once its lock
 * expires, and nothing that had finished runs twice.
 */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const RESOURCES = 6;

describe(`a sweep survives a dead worker on ${dialect}`, () => {
  let bed: JobTestBed;
  let server: LocalServer;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'odp-resume-'));

  beforeAll(async () => {
    server = await startLocalServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/csv' });
      res.end(req.method === 'HEAD' ? undefined : 'station,rain\nC0A,1.5\n');
    });
    bed = await openJobTestBed();
    const catalogue = { db: bed.handle.db, dialect: bed.handle.dialect };
    await createDatasets(
      catalogue,
      Array.from({ length: RESOURCES }, (_, i) => ({
        input: datasetInput({
          identifier: `A41000000G-00000${i + 1}`,
          distribution: [
            {
              resourceDescription: 'CSV',
              format: 'CSV',
              characterSetCode: 'UTF-8',
              downloadURL: server.url(`/r${i}.csv`),
            },
          ],
        }),
      })),
      { actor: 'test' },
    );
  }, 30_000);
  afterAll(async () => {
    await bed.destroy();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('re-runs only the check the dead worker held', async () => {
    const catalogue = { db: bed.handle.db, dialect: bed.handle.dialect };
    const sending = await bed.openQueue({ background: false });
    await sending.start();
    const due = await dueResources(catalogue, new Date());
    expect(due).toHaveLength(RESOURCES);
    // The sweep sends the checks; short timeouts so the dead worker's lock expires quickly.
    for (const resourceId of due)
      await sending.send(
        CHECK_RESOURCE_JOB,
        { resourceId, trigger: 'schedule' } satisfies CheckResourceJobData,
        { expireInSeconds: 2, retryLimit: 2 },
      );

    // Worker A claims a check and dies without finishing it.
    const dead = await bed.openQueue({ background: false });
    await dead.start();
    const abandoned = await claimAndAbandon(dead, CHECK_RESOURCE_JOB);
    expect(abandoned).not.toBeNull();

    // Worker B (a restarted process) runs everything, including the abandoned check once its lock expires.
    const worker = await bed.openQueue();
    await registerJobHandlers(
      worker,
      { catalogue, settings: testSettings({ dataDir }), log: () => {} },
      { only: [CHECK_RESOURCE_JOB] },
    );
    await worker.start();
    const runsPerResource = async () => {
      const rows = await bed.handle.db.selectFrom('qualityRuns').select('resourceId').execute();
      const counts = new Map<number, number>();
      for (const r of rows) counts.set(r.resourceId, (counts.get(r.resourceId) ?? 0) + 1);
      return counts;
    };
    const counts = await eventually(
      async () => {
        const c = await runsPerResource();
        return c.size === RESOURCES ? c : undefined;
      },
      'every resource to be checked',
      20_000,
    );
    expect([...counts.values()]).toEqual(Array(RESOURCES).fill(1));
    expect(await dueResources(catalogue, new Date())).toEqual([]);
  }, 40_000);
});

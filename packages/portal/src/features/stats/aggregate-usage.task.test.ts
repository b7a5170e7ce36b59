import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../cli/program.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { JOB_NAMES, registerJobHandlers } from '../../jobs/job-handlers.ts';
import { jobIn } from '../../jobs/job-test-bed.ts';
import { useJobQueue } from '../../test/job-queue-fixture.ts';
import { AGGREGATE_USAGE_JOB } from './aggregate-usage.task.ts';
import { addDays, taipeiDay } from './usage-day.ts';

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

const jobs = useJobQueue();

const yesterday = () => addDays(taipeiDay(new Date()), -1);

describe(`${AGGREGATE_USAGE_JOB} on ${engine}`, () => {
  it('is registered with a daily schedule and aggregates the days not done yet', async () => {
    const { bed, queue, deps } = jobs();
    const names = await registerJobHandlers(queue, deps());
    expect(names).toEqual(JOB_NAMES);
    expect(names).toContain(AGGREGATE_USAGE_JOB);
    const at = new Date(Date.now() - 86_400_000).toISOString();
    await bed.handle.db
      .insertInto('usageEvents')
      .values([
        { occurredAt: at, kind: 'api', datasetId: null, datasetIdentifier: null, resourceId: null },
        { occurredAt: at, kind: 'download', datasetId: null, datasetIdentifier: null, resourceId: null },
      ])
      .execute();
    const id = (await queue.send(AGGREGATE_USAGE_JOB, null)) as string;
    expect(await jobIn(queue, id, ['completed', 'failed'])).toMatchObject({ state: 'completed' });
    const rows = await bed.handle.db
      .selectFrom('siteUsageDaily')
      .select(['day', 'apiCalls', 'downloads'])
      .execute();
    expect(rows.reduce((sum, r) => sum + Number(r.apiCalls) + Number(r.downloads), 0)).toBe(2);
    expect(rows.map((r) => r.day)).toContain(yesterday());
  });

  it('fails a job for a day that is not over', async () => {
    const { queue } = jobs();
    const id = (await queue.send(
      AGGREGATE_USAGE_JOB,
      { day: taipeiDay(new Date()) },
      { retryLimit: 0 },
    )) as string;
    expect(await jobIn(queue, id, ['completed', 'failed'])).toMatchObject({ state: 'failed' });
  });
});

describe('odp stats aggregate', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'odp-stats-'));
  afterAll(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    rmSync(work, { recursive: true, force: true });
  });

  it('aggregates one day, or every day not aggregated yet', async () => {
    const file = path.join(work, 'odp.db');
    const handle = openDatabase({ sqlitePath: file });
    await migrateToLatest(handle.db);
    const day = yesterday();
    await handle.db
      .insertInto('usageEvents')
      .values({
        occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
        kind: 'api',
        datasetId: null,
        datasetIdentifier: null,
        resourceId: null,
      })
      .execute();
    vi.stubEnv('DATABASE_URL', `sqlite:${file}`);
    vi.stubEnv('ODP_DATA_DIR', work);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    await buildProgram().parseAsync(['stats', 'aggregate', '--day', day], { from: 'user' });
    expect(lines.at(-1)).toMatch(new RegExp(`^odp: aggregated ${day}; totals to ${day} for 0 datasets`));
    expect(await handle.db.selectFrom('siteUsageDaily').select(['day', 'apiCalls']).execute()).toEqual([
      { day, apiCalls: 1 },
    ]);
    await buildProgram().parseAsync(['stats', 'aggregate'], { from: 'user' });
    expect(lines.at(-1)).toMatch(new RegExp(`^odp: aggregated ${day};`));
    await handle.close();

    const program = buildProgram();
    const stats = program.commands.find((c) => c.name() === 'stats');
    const aggregate = stats?.commands.find((c) => c.name() === 'aggregate');
    aggregate?.exitOverride().configureOutput({ writeErr: () => {} });
    await expect(
      program.parseAsync(['stats', 'aggregate', '--day', '2026-13-01'], { from: 'user' }),
    ).rejects.toThrow(/must be a day like 2026-11-27/);
  });
});

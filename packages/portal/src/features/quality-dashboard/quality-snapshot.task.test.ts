import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../cli/program.ts';
import { openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { registerJobHandlers } from '../../jobs/job-handlers.ts';
import { jobIn } from '../../jobs/job-test-bed.ts';
import { useJobQueue } from '../../test/job-queue-fixture.ts';
import { taipeiDay } from '../stats/usage-day.ts';
import { QUALITY_SNAPSHOT_JOB } from './quality-snapshot.task.ts';

const engine = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';

const jobs = useJobQueue();

describe(`${QUALITY_SNAPSHOT_JOB} on ${engine}`, () => {
  it('is registered with a daily schedule and files today’s snapshot', async () => {
    const { bed, queue, deps } = jobs();
    expect(await registerJobHandlers(queue, deps(), { only: [QUALITY_SNAPSHOT_JOB] })).toEqual([
      QUALITY_SNAPSHOT_JOB,
    ]);
    const id = (await queue.send(QUALITY_SNAPSHOT_JOB, null)) as string;
    expect(await jobIn(queue, id, ['completed', 'failed'])).toMatchObject({ state: 'completed' });
    const rows = await bed.handle.db
      .selectFrom('qualitySnapshots')
      .select(['day', 'level', 'total'])
      .execute();
    const day = taipeiDay(new Date());
    expect(
      rows
        .filter((r) => r.day === day)
        .map((r) => r.level)
        .sort(),
    ).toEqual(['all', 'central', 'local']);
  });
});

describe('odp quality snapshot', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'odp-quality-snapshot-'));
  afterAll(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    rmSync(work, { recursive: true, force: true });
  });

  it('files a snapshot under a day, and refuses a malformed one', async () => {
    const file = path.join(work, 'odp.db');
    const handle = openDatabase({ sqlitePath: file });
    await migrateToLatest(handle.db);
    vi.stubEnv('DATABASE_URL', `sqlite:${file}`);
    vi.stubEnv('ODP_DATA_DIR', work);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    await buildProgram().parseAsync(['quality', 'snapshot', '--day', '2026-03-10'], { from: 'user' });
    expect(lines.at(-1)).toBe('odp: quality snapshot of 2026-03-10: 0 datasets of 0 agencies, 0% badged');
    expect(await handle.db.selectFrom('qualitySnapshots').select('day').distinct().execute()).toEqual([
      { day: '2026-03-10' },
    ]);
    await handle.close();

    const program = buildProgram();
    const snapshot = program.commands
      .find((c) => c.name() === 'quality')
      ?.commands.find((c) => c.name() === 'snapshot');
    snapshot?.exitOverride().configureOutput({ writeErr: () => {} });
    await expect(
      program.parseAsync(['quality', 'snapshot', '--day', '2026-02-30'], { from: 'user' }),
    ).rejects.toThrow(/must be a day like 2026-11-27/);
  });
});

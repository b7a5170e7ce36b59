import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { eventually } from '../../jobs/job-test-bed.ts';
import { buildProgram } from '../program.ts';

/** `odp worker` in-process on its own SQLite file, stopped by a (simulated) SIGTERM. */
const work = mkdtempSync(path.join(tmpdir(), 'odp-worker-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('odp worker', () => {
  it('runs the jobs until SIGTERM, then stops gracefully', async () => {
    vi.stubEnv('DATABASE_URL', `sqlite:${path.join(work, 'odp.db')}`);
    vi.stubEnv('ODP_DATA_DIR', work);
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const running = buildProgram().parseAsync(['worker', '--concurrency', '2'], { from: 'user' });
    await eventually(async () => lines.some((l) => l.includes('worker on sqlite')), 'the worker to start');
    expect(lines).toContain(
      'odp: worker on sqlite: maintenance.purge-jobs, quality.check-resource, tables.build-resource, quality.sweep, stats.aggregate-usage, quality.snapshot (concurrency 2 each)',
    );
    process.emit('SIGTERM', 'SIGTERM');
    await running;
    expect(lines.slice(-2)).toEqual(['odp: SIGTERM: closing', 'odp: worker stopped']);
  });

  it('refuses an unknown job name', async () => {
    const program = buildProgram();
    const worker = program.commands.find((c) => c.name() === 'worker');
    worker?.exitOverride().configureOutput({ writeErr: () => {} });
    await expect(program.parseAsync(['worker', '--queues', 'nope'], { from: 'user' })).rejects.toThrow(
      /known jobs: maintenance\.purge-jobs/,
    );
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { SqliteJobQueue } from './sqlite-job-queue.ts';

/** The SQLite scheduler, driven tick by tick with an injected clock (pg-boss schedules on PostgreSQL). */

let dir: string;
let handles: DatabaseHandle[];
let clock = new Date('2026-12-01T03:00:10.000Z');
const now = () => clock;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'odp-schedules-'));
  const file = path.join(dir, 'odp.db');
  handles = [openDatabase({ sqlitePath: file }), openDatabase({ sqlitePath: file })];
  await migrateToLatest(handles[0]!.db);
});

afterAll(async () => {
  for (const h of handles) await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite job schedules', () => {
  it('sends one job per occurrence however many processes tick, within the due window only', async () => {
    const [one, two] = handles.map((h) => new SqliteJobQueue(h.db, { now, background: false }));
    await one!.schedule('maintenance.report', '0 3 * * *', { scope: 'all' }, { retryLimit: 5 });
    const ticks = await Promise.all([one!.runBackgroundOnce(), two!.runBackgroundOnce()]);
    expect(ticks.map((t) => t.scheduled).sort()).toEqual([0, 1]);
    const [job] = await one!.listJobs({ name: 'maintenance.report', limit: 10 });
    expect(job).toMatchObject({
      data: { scope: 'all' },
      retryLimit: 5,
      singletonKey: 'schedule:2026-12-01T03:00:00.000Z',
      state: 'created',
    });

    // Run, then tick again within the window: the slot was sent already.
    expect(await one!.claim('maintenance.report')).toMatchObject({ id: job!.id });
    clock = new Date('2026-12-01T03:00:50.000Z');
    expect((await two!.runBackgroundOnce()).scheduled).toBe(0);
    // Past the window nothing is due; the next day's occurrence is.
    clock = new Date('2026-12-01T03:01:30.000Z');
    expect((await two!.runBackgroundOnce()).scheduled).toBe(0);
    clock = new Date('2026-12-02T03:00:02.000Z');
    expect((await one!.runBackgroundOnce()).scheduled).toBe(1);
    expect(
      (await one!.listJobs({ name: 'maintenance.report', limit: 10 })).map((j) => j.singletonKey),
    ).toEqual(['schedule:2026-12-02T03:00:00.000Z', 'schedule:2026-12-01T03:00:00.000Z']);

    await two!.unschedule('maintenance.report');
    clock = new Date('2026-12-03T03:00:02.000Z');
    expect((await one!.runBackgroundOnce()).scheduled).toBe(0);
  });

  it('replaces a schedule with the same name', async () => {
    const queue = new SqliteJobQueue(handles[0]!.db, { now, background: false });
    clock = new Date('2026-12-05T00:00:00.500Z');
    await queue.schedule('maintenance.every', '*/5 * * * * *', { v: 1 });
    await queue.schedule('maintenance.every', '* * * * * *', { v: 2 });
    expect((await queue.runBackgroundOnce()).scheduled).toBe(1);
    expect((await queue.listJobs({ name: 'maintenance.every', limit: 5 })).map((j) => j.data)).toEqual([
      { v: 2 },
    ]);
  });
});

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { latestOccurrence } from './cron-schedule.ts';
import { resolveSendOptions } from './job-input.ts';
import type { SendOptions } from './job-queue.ts';
import { insertJob } from './sqlite-job-store.ts';

/**
 * Cron schedules on SQLite: one row a job name in `job_schedules`. A scheduler tick sends
 * each schedule's latest occurrence when it is less than a window old, as a job keyed by
 * that occurrence (singletonKey `schedule:<slot>` and a unique slot per name), so any
 * number of processes ticking at once, or again within the window, send it once.
 */

type Db = Kysely<Database>;

/** How long an occurrence stays due, as pg-boss's (a process down longer skips it). */
export const OCCURRENCE_WINDOW_SECONDS = 60;

export async function saveSchedule(
  db: Db,
  schedule: { name: string; cron: string; data: object | null; options: SendOptions },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const values = {
    cron: schedule.cron,
    data: schedule.data === null ? null : JSON.stringify(schedule.data),
    options: JSON.stringify(schedule.options),
    updatedAt: at,
  };
  await db
    .insertInto('jobSchedules')
    .values({ name: schedule.name, ...values, createdAt: at })
    .onConflict((oc) => oc.column('name').doUpdateSet(values))
    .execute();
}

export async function deleteSchedule(db: Db, name: string): Promise<void> {
  await db.deleteFrom('jobSchedules').where('name', '=', name).execute();
}

/** Sends every due occurrence; returns how many jobs this call created. */
export async function sendDueOccurrences(db: Db, now: Date): Promise<number> {
  const schedules = await db.selectFrom('jobSchedules').selectAll().execute();
  let sent = 0;
  for (const schedule of schedules) {
    let slot: Date | null;
    try {
      slot = latestOccurrence(schedule.cron, now);
    } catch {
      continue; // checked when saved; a row written by hand that cannot be read is skipped
    }
    if (!slot || now.getTime() - slot.getTime() > OCCURRENCE_WINDOW_SECONDS * 1000) continue;
    const slotIso = slot.toISOString();
    const options = resolveSendOptions(
      { ...(JSON.parse(schedule.options) as SendOptions), singletonKey: `schedule:${slotIso}` },
      now,
    );
    const data = schedule.data === null ? null : (JSON.parse(schedule.data) as object);
    const id = await insertJob(db, { name: schedule.name, data, options, scheduleSlot: slotIso }, now);
    if (id) sent += 1;
  }
  return sent;
}

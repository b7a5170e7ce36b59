import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { isDay, taipeiDay } from '../stats/usage-day.ts';
import { awardScore, badgedPercent, type BadgeCounts } from './award-score.ts';
import {
  liveBadgeCounts,
  replaceSnapshotDay,
  SNAPSHOT_LEVELS,
  type SnapshotRow,
} from './quality-snapshot.repo.ts';

/**
 * The daily quality snapshot (docs/quality.md, "Dashboards and notifications"): the badges
 * of every listed dataset as they are now, counted for the platform (all, 中央, 地方) and
 * for each agency, stored under a day (Asia/Taipei). A day's rows are replaced whole, so
 * taking the snapshot again the same day gives one set of rows, the latest.
 */

export interface SnapshotOptions {
  /** The day to file the snapshot under (default: today in Taipei); never after today. */
  day?: string | undefined;
  /** The clock (tests simulate days). */
  now?: Date;
}

export interface SnapshotOutcome {
  day: string;
  /** Agencies with a row. */
  organizations: number;
  /** Listed datasets counted. */
  datasets: number;
  /** The platform's share of badged datasets, in percent. */
  badgedPercent: number;
}

function row(
  day: string,
  organizationId: number | null,
  level: string,
  counts: BadgeCounts,
  takenAt: string,
): SnapshotRow {
  return { day, organizationId, level, ...counts, awardScore: awardScore(counts), takenAt };
}

export async function takeQualitySnapshot(
  catalogue: CatalogueContext,
  options: SnapshotOptions = {},
): Promise<SnapshotOutcome> {
  const now = options.now ?? new Date();
  const today = taipeiDay(now);
  const day = options.day ?? today;
  if (!isDay(day))
    throw new AppError('VALIDATION_FAILED', `${day.slice(0, 40)} is not a day like 2026-11-27`);
  if (day > today) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${day} has not begun: a snapshot records the badges of now, for today (${today}) or a day missed before it`,
    );
  }
  const live = await liveBadgeCounts(catalogue.db);
  const takenAt = now.toISOString();
  const rows: SnapshotRow[] = [
    ...SNAPSHOT_LEVELS.map((level) => row(day, null, level, live.platform[level], takenAt)),
    ...[...live.organizations.values()].map((o) => row(day, o.organizationId, o.level, o.counts, takenAt)),
  ];
  await inTransaction(catalogue.db, (trx) => replaceSnapshotDay(trx, day, rows));
  return {
    day,
    organizations: live.organizations.size,
    datasets: live.platform.all.total,
    badgedPercent: badgedPercent(live.platform.all),
  };
}

import type { Badge } from '@odp/quality';
import type { Kysely } from 'kysely';
import type { Settings } from '../../config/settings.ts';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import type { Database } from '../../db/schema.ts';
import { badgeName } from '../../i18n/vocabulary-labels.ts';
import { createMailer, type Mailer, type OutgoingMail } from '../accounts/mailer.ts';
import { taipeiDay } from '../stats/usage-day.ts';
import { isBadgeDrop } from './award-score.ts';
import { checkLabel } from './check-labels.ts';
import { FAILING_STATUSES } from './quality-dashboard.repo.ts';

/**
 * Badge-drop e-mail (docs/quality.md, "Dashboards and notifications"): when a check run
 * leaves a dataset with a lower badge than before, its agency's contact (the
 * organisation's contactEmail, else the dataset's publisherContactEmail) is told which
 * dataset, the old and new badge, the failing checks and where to see them. At most one
 * message a dataset a day (Asia/Taipei): the day is claimed in quality_notifications
 * before sending and released when sending fails, so a later drop that day can retry.
 */

export type BadgeDropOutcome = 'sent' | 'no-drop' | 'no-recipient' | 'already-sent' | 'failed';

export interface BadgeDropDeps {
  catalogue: CatalogueContext;
  settings: Pick<Settings, 'dataDir' | 'publicUrl' | 'mail'>;
  /** Default: the portal's mailer (SMTP when configured, else the outbox directory). */
  mailer?: Mailer;
  now?: () => Date;
}

interface DroppedDataset {
  id: number;
  identifier: string;
  titleZh: string;
  organizationId: number | null;
  organizationName: string | null;
  recipient: string | null;
}

async function droppedDataset(db: Kysely<Database>, datasetId: number): Promise<DroppedDataset | undefined> {
  const row = await db
    .selectFrom('datasets')
    .leftJoin('organizations', 'organizations.id', 'datasets.organizationId')
    .where('datasets.id', '=', datasetId)
    .select([
      'datasets.id',
      'datasets.identifier',
      'datasets.titleZh',
      'datasets.organizationId',
      'organizations.nameZh as organizationName',
      'organizations.contactEmail',
      'datasets.publisherContactEmail',
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  const recipient = [row.contactEmail, row.publisherContactEmail]
    .map((address) => address?.trim() ?? '')
    .find((address) => address.includes('@'));
  return { ...row, recipient: recipient ?? null };
}

async function failingChecks(db: Kysely<Database>, datasetId: number) {
  return db
    .selectFrom('resourceChecks')
    .innerJoin('resources', 'resources.id', 'resourceChecks.resourceId')
    .where('resources.datasetId', '=', datasetId)
    .where('resourceChecks.status', 'in', [...FAILING_STATUSES])
    .select([
      'resources.resourceId',
      'resourceChecks.checkId',
      'resourceChecks.fixZh',
      'resourceChecks.fixEn',
    ])
    .orderBy('resources.seq')
    .orderBy('resourceChecks.checkId')
    .execute();
}

/** The message: bilingual, plain text, with the dataset's quality section and the agency dashboard linked. */
export function badgeDropMail(
  publicUrl: string,
  dataset: DroppedDataset & { recipient: string },
  from: Badge,
  to: Badge,
  checks: Awaited<ReturnType<typeof failingChecks>>,
): OutgoingMail {
  const base = publicUrl.replace(/\/+$/, '');
  const [fromZh, toZh] = [badgeName(from, 'zh-TW'), badgeName(to, 'zh-TW')];
  const [fromEn, toEn] = [badgeName(from, 'en'), badgeName(to, 'en')];
  const lines = checks.map((c) => {
    const label = checkLabel(c.checkId);
    return `- ${c.resourceId} ${c.checkId}（${label.zh} / ${label.en}）：${c.fixZh ?? label.fixZh}`;
  });
  const dashboard =
    dataset.organizationId === null ? [] : [`${base}/quality/organizations/${dataset.organizationId}`];
  return {
    to: dataset.recipient,
    subject: `資料集品質標章下降 Quality badge lowered: ${dataset.titleZh}（${fromZh} → ${toZh}）`,
    text: [
      `您好，`,
      '',
      `資料集「${dataset.titleZh}」（${dataset.identifier}）的品質標章由「${fromZh}」降為「${toZh}」。`,
      `The dataset "${dataset.titleZh}" (${dataset.identifier}) went from ${fromEn} to ${toEn}.`,
      '',
      `未通過的檢測 Failing checks:`,
      ...(lines.length > 0 ? lines : ['- （無 none）']),
      '',
      `檢測結果與修正建議 Results and fixes: ${base}/dataset/${dataset.id}#quality`,
      ...dashboard.map((url) => `機關品質儀表板 Agency dashboard: ${url}`),
      '',
      '同一資料集每日最多通知一次。 At most one message a dataset a day.',
    ].join('\n'),
  };
}

/** Mails the agency when `after` is lower than `before`; never throws (the check's results are already saved). */
export async function notifyBadgeDrop(
  deps: BadgeDropDeps,
  datasetId: number,
  before: string | null,
  after: Badge,
): Promise<BadgeDropOutcome> {
  if (!isBadgeDrop(before, after)) return 'no-drop';
  const { db } = deps.catalogue;
  const now = deps.now?.() ?? new Date();
  const day = taipeiDay(now);
  try {
    const dataset = await droppedDataset(db, datasetId);
    if (!dataset?.recipient) return 'no-recipient';
    const recipient = dataset.recipient;
    const claim = await db
      .insertInto('qualityNotifications')
      .values({ datasetId, day, fromBadge: before!, toBadge: after, recipient, sentAt: now.toISOString() })
      .onConflict((oc) => oc.columns(['datasetId', 'day']).doNothing())
      .executeTakeFirst();
    if (Number(claim.numInsertedOrUpdatedRows ?? 0) === 0) return 'already-sent';
    try {
      const mail = badgeDropMail(
        deps.settings.publicUrl,
        { ...dataset, recipient },
        before as Badge,
        after,
        await failingChecks(db, datasetId),
      );
      await (deps.mailer ?? createMailer(deps.settings)).send(mail);
      return 'sent';
    } catch (error) {
      await db
        .deleteFrom('qualityNotifications')
        .where('datasetId', '=', datasetId)
        .where('day', '=', day)
        .execute();
      throw error;
    }
  } catch (error) {
    console.error(`badge-drop e-mail for dataset ${datasetId} not sent: ${(error as Error).message}`);
    return 'failed';
  }
}

/** A dataset's badge as stored (null: never checked), read before a check run replaces it. */
export async function currentDatasetBadge(db: Kysely<Database>, datasetId: number): Promise<string | null> {
  const row = await db
    .selectFrom('datasets')
    .select('qualityBadge')
    .where('id', '=', datasetId)
    .executeTakeFirst();
  return row?.qualityBadge ?? null;
}

/** The day's notification of a dataset, if one was sent. */
export async function notificationOf(db: Kysely<Database>, datasetId: number, day: string) {
  return db
    .selectFrom('qualityNotifications')
    .selectAll()
    .where('datasetId', '=', datasetId)
    .where('day', '=', day)
    .executeTakeFirst();
}

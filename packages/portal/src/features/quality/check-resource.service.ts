import {
  datasetBadge,
  HostLimiter,
  inspectResource,
  maskEvidence,
  type Badge,
  type BodyEvidence,
} from '@odp/quality';
import { declaredFromRecord, findDistribution } from '@odp/quality/metadata';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '../../config/settings.ts';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors/app-error.ts';
import { catalogueJsonRecord } from '../catalogue-io/catalogue-json.ts';
import { loadDatasets } from '../datasets/dataset.repo.ts';
import { currentDatasetBadge, notifyBadgeDrop } from '../quality-dashboard/badge-drop-notification.ts';
import { ContentStore } from './content-store.ts';
import {
  contentHistory,
  datasetResourceLevels,
  latestRun,
  saveRun,
  setDatasetBadge,
  type StoredCheck,
} from './quality.repo.ts';

/** What a check run may be started by. */
export const CHECK_TRIGGERS = ['publish', 'change', 'schedule', 'manual'] as const;
export type CheckTrigger = (typeof CHECK_TRIGGERS)[number];

export interface QualityDeps {
  catalogue: CatalogueContext;
  settings: Pick<Settings, 'dataDir' | 'publicUrl' | 'fetch' | 'badgeRules' | 'mail'>;
  /** Shared by every check in this process: per-host politeness. */
  limiter: HostLimiter;
  now?: () => Date;
}

export function createHostLimiter(settings: Pick<Settings, 'fetch'>): HostLimiter {
  return new HostLimiter({
    maxConcurrent: settings.fetch.hostConcurrency,
    minDelayMs: settings.fetch.hostDelayMs,
  });
}

/** The fetch allow-list: the operator's, plus the portal's own origin host for its own URLs (the demo's files). */
function allowFor(url: string, settings: QualityDeps['settings']): string[] {
  const allow = [...settings.fetch.allow];
  try {
    const own = new URL(settings.publicUrl);
    const target = new URL(url);
    if (target.origin === own.origin) allow.push(own.hostname.replace(/^\[|\]$/g, ''));
  } catch {
    // not a URL: the fetcher refuses it with FETCH_BAD_URL
  }
  return allow;
}

export interface CheckOutcomeSummary {
  resourceId: number;
  badge: Badge;
  datasetBadge: Badge;
  runId: number;
}

/**
 * Checks one resource (by row id) as QUALITY.md says — fetch, sniff, table, every check —
 * stores the run and the latest results, and recomputes the dataset's badge (lowest over
 * its resources). Safe to repeat: a re-run simply records another run.
 */
export async function checkResource(
  deps: QualityDeps,
  resourceRowId: number,
  trigger: CheckTrigger,
): Promise<CheckOutcomeSummary> {
  const { db } = deps.catalogue;
  const row = await db
    .selectFrom('resources')
    .select(['id', 'datasetId', 'resourceId'])
    .where('id', '=', resourceRowId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No resource ${resourceRowId}`);
  const [dataset] = await loadDatasets(db, [row.datasetId]);
  if (!dataset) throw new AppError('NOT_FOUND', `No dataset ${row.datasetId}`);
  const record = catalogueJsonRecord(dataset) as unknown as Record<string, unknown>;
  const distribution = findDistribution(record, row.resourceId);
  const declared = declaredFromRecord(record, distribution);
  const url = String(distribution?.['downloadURL'] ?? distribution?.['accessURL'] ?? '');

  const store = new ContentStore(path.join(deps.settings.dataDir, 'fetched'));
  const previous = await latestRun(db, row.id);
  let previousBody: BodyEvidence | undefined;
  if (previous?.sha256 && (await store.has(previous.sha256))) {
    previousBody = {
      path: store.pathOf(previous.sha256),
      bytes: 0,
      sha256: previous.sha256,
      // Unknown (a run before truncation was recorded) counts as cut: never taken for a whole file.
      truncated: previous.bodyTruncated !== 0,
    };
  }
  const scratch = path.join(deps.settings.dataDir, 'tmp');
  await mkdir(scratch, { recursive: true });
  const workDir = await mkdtemp(path.join(scratch, 'check-'));
  const started = deps.now?.() ?? new Date();
  try {
    const inspection = await inspectResource(
      { url },
      {
        declared,
        metadata: record,
        rules: deps.settings.badgeRules,
        history: await contentHistory(db, row.id),
        workDir,
        now: started,
        ...(previousBody
          ? {
              previous: {
                body: previousBody,
                ...(previous?.etag ? { etag: previous.etag } : {}),
                ...(previous?.lastModified ? { lastModified: previous.lastModified } : {}),
              },
            }
          : {}),
        fetch: {
          allow: allowFor(url, deps.settings),
          limiter: deps.limiter,
          maxBytes: deps.settings.fetch.maxBytes,
        },
      },
    );
    const body = inspection.context.body;
    if (body && !inspection.notModified) await store.keep(body.path, body.sha256);
    const fetched = inspection.fetch;
    const results: Record<string, StoredCheck> = Object.fromEntries(
      Object.entries(inspection.results).map(([id, r]) => [
        id,
        // Evidence never republishes personal data (the privacy check's own is masked already).
        { status: r.status, version: r.version, evidence: maskEvidence(r.evidence), fix: r.fix },
      ]),
    );
    const finished = deps.now?.() ?? new Date();
    let badgeBefore: string | null = null;
    const outcome = await inTransaction(db, async (trx) => {
      const runId = await saveRun(trx, {
        resourceId: row.id,
        startedAt: started.toISOString(),
        finishedAt: finished.toISOString(),
        trigger,
        badge: inspection.badge,
        httpStatus: fetched?.status ?? null,
        fetchError: fetched?.outcome === 'failed' ? (fetched.error?.code ?? null) : null,
        sniffedFormat: inspection.sniffed?.format ?? null,
        sha256: body?.sha256 ?? null,
        bytes: body && !inspection.notModified ? body.bytes : null,
        etag: fetched?.headers.etag ?? previous?.etag ?? null,
        lastModified: fetched?.headers.lastModified ?? previous?.lastModified ?? null,
        contentChanged:
          body !== undefined && previous?.sha256 !== undefined && previous.sha256 !== body.sha256,
        bodyTruncated: body ? (body.truncated ? 1 : 0) : null,
        results,
      });
      const levels = await datasetResourceLevels(trx, row.datasetId);
      const badge = levels.every((l) => l.qualityLevel !== null)
        ? datasetBadge(levels.map((l) => l.qualityLevel as Badge))
        : datasetBadge(levels.filter((l) => l.qualityLevel !== null).map((l) => l.qualityLevel as Badge));
      badgeBefore = await currentDatasetBadge(trx, row.datasetId);
      await setDatasetBadge(trx, row.datasetId, badge);
      return { resourceId: row.id, badge: inspection.badge, datasetBadge: badge, runId };
    });
    // A lower badge than before: the agency is told by e-mail (docs/quality.md, "Dashboards and notifications").
    await notifyBadgeDrop(deps, row.datasetId, badgeBefore, outcome.datasetBadge);
    return outcome;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

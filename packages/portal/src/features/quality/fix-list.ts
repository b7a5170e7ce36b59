import { datasetBadge, type BadgeRuleSet } from '@odp/quality';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import type { DatasetRecord, ResourceRecord } from '../datasets/dataset.record.ts';
import { loadDatasets } from '../datasets/dataset.repo.ts';
import { datasetGraph, PortalIris } from '../dcat/dcat-graph.ts';
import { resourceFileUrl } from '../storage/upload.service.ts';
import { datasetChecks, organizationDatasetIds } from './fix-list.repo.ts';
import {
  badgeIfPassing,
  BADGE_RANK,
  copyFormatsFor,
  platformCopySource,
  rankFixes,
  resourceFixes,
  type CheckFact,
  type Fix,
  type OneClickKind,
  type ResourceFacts,
} from './fix-rules.ts';
import { scoreMetadata } from './metadata-score.ts';
import { answeringUrls } from './metadata-score.repo.ts';
import { SCORING_BASE } from './metadata-score.service.ts';

/**
 * The fix list of a dataset and of an agency (docs/quality.md "Fix list and one-click
 * fixes"): fix-rules.ts per resource, the metadata check once per dataset, and for each
 * one-click fix the metadata quality score (MQA) points it gains — the score of the
 * dataset as the fix would leave it minus the score now, both computed on the DCAT-AP
 * graph with the same SHACL verdict (a fix changes no shape the SHACL rules read).
 */

export interface FixListOptions {
  rules: BadgeRuleSet;
  publicUrl: string;
}

/** file or api, as the checker decides (SERVICES datasets and API resources use the API rules). */
function kindOf(record: DatasetRecord, resource: ResourceRecord): 'file' | 'api' {
  const format = resource.format.toUpperCase();
  return record.type === 'SERVICES' || format === 'API' || format === 'WEBSERVICES' ? 'api' : 'file';
}

export function resourceFactsOf(
  record: DatasetRecord,
  checks: ReadonlyMap<string, CheckFact[]>,
): ResourceFacts[] {
  const copied = new Set(
    record.distribution.map((r) => platformCopySource(r.resourceNotes)).filter((id) => id !== undefined),
  );
  return record.distribution
    .filter((r) => checks.has(r.resourceID))
    .map((r) => ({
      resourceID: r.resourceID,
      format: r.format,
      resourceNotes: r.resourceNotes,
      kind: kindOf(record, r),
      checks: checks.get(r.resourceID) ?? [],
      copiedResources: copied,
    }));
}

/** The dataset as a one-click fix would leave it, for the score; the platform's new URLs answer. */
function simulate(
  record: DatasetRecord,
  kind: OneClickKind,
  facts: ResourceFacts,
  publicUrl: string,
): { record: DatasetRecord; urls: string[] } {
  const index = record.distribution.findIndex((r) => r.resourceID === facts.resourceID);
  const resource = record.distribution[index] as ResourceRecord;
  const platformUrl = (id: string) => resourceFileUrl(publicUrl, record.datasetId, id);
  const replace = (changed: ResourceRecord) => ({
    ...record,
    distribution: record.distribution.map((r, i) => (i === index ? changed : r)),
  });
  if (kind === 'fill_fields') {
    const columns = facts.checks.find((c) => c.checkId === 'fields_match')?.evidence['columns'];
    const names = Array.isArray(columns) ? columns.map(String) : [];
    return {
      record: replace({ ...resource, resourceField: names.map((name) => ({ name, description: '' })) }),
      urls: [],
    };
  }
  if (kind === 'publish_copies') {
    const sniffed = String(
      facts.checks.find((c) => c.checkId === 'structured')?.evidence['sniffedFormat'] ?? '',
    );
    const seq = Math.max(0, ...record.distribution.map((r) => r.seq));
    const copies = copyFormatsFor(sniffed).map((format, i): ResourceRecord => {
      const id = `${record.identifier}-${String(seq + i + 1).padStart(3, '0')}`;
      return {
        ...resource,
        resourceID: id,
        seq: seq + i + 1,
        format: format.toUpperCase(),
        characterSetCode: 'UTF-8',
        accessURL: null,
        downloadURL: platformUrl(id),
        size: resource.size ?? 1,
      };
    });
    return {
      record: { ...record, distribution: [...record.distribution, ...copies] },
      urls: copies.map((c) => c.downloadURL as string),
    };
  }
  // A rewritten CSV: a platform file (its size known) in UTF-8.
  const url = platformUrl(resource.resourceID);
  return {
    record: replace({ ...resource, characterSetCode: 'UTF-8', downloadURL: url, size: resource.size ?? 1 }),
    urls: [url],
  };
}

function scoreOf(record: DatasetRecord, answering: ReadonlySet<string>): number {
  const graph = datasetGraph(record, { publicUrl: SCORING_BASE });
  return scoreMetadata({
    dataset: new PortalIris(SCORING_BASE).dataset(record.datasetId).value,
    quads: graph.quads,
    answeringUrls: answering,
    shacl: { conforms: true, results: [] },
    base: SCORING_BASE,
  }).total;
}

/** The metadata check once for the dataset: its gain is on the dataset's badge (the lowest of its resources). */
function metadataFix(record: DatasetRecord, facts: readonly ResourceFacts[], rules: BadgeRuleSet): Fix[] {
  const failing = facts
    .flatMap((f) => f.checks)
    .find((c) => c.checkId === 'metadata_complete' && (c.status === 'fail' || c.status === 'error'));
  if (!failing || failing.fixZh === null || failing.fixEn === null) return [];
  const badges = (passing: string[]) =>
    datasetBadge(
      facts.map((f) => badgeIfPassing(f.checks, passing, f.kind === 'api' ? rules.api : rules.file)),
    );
  const badgeFrom = badges([]);
  const badgeTo = badges(['metadata_complete']);
  return [
    {
      id: `metadata_complete:${record.identifier}`,
      check: 'metadata_complete',
      kind: 'metadata_complete',
      gain: { badgeFrom, badgeTo, steps: BADGE_RANK[badgeTo] - BADGE_RANK[badgeFrom] },
      oneClick: false,
      title: { zh: '補正詮釋資料', en: 'Complete the metadata' },
      how: { zh: failing.fixZh, en: failing.fixEn },
    },
  ];
}

/** The ranked fixes of one dataset, from the latest checks of its resources (by resourceID). */
export function fixesOfDataset(
  record: DatasetRecord,
  checks: ReadonlyMap<string, CheckFact[]>,
  answering: ReadonlySet<string>,
  options: FixListOptions,
): Fix[] {
  const facts = resourceFactsOf(record, checks);
  const fixes: Fix[] = [];
  let before: number | undefined;
  for (const f of facts) {
    const rules = f.kind === 'api' ? options.rules.api : options.rules.file;
    for (const fix of resourceFixes(f, rules)) {
      if (fix.check === 'metadata_complete') continue;
      if (fix.oneClick) {
        before ??= scoreOf(record, answering);
        const after = simulate(record, fix.kind as OneClickKind, f, options.publicUrl);
        const points = scoreOf(after.record, new Set([...answering, ...after.urls])) - before;
        fixes.push({ ...fix, gain: { ...fix.gain, points } });
      } else fixes.push(fix);
    }
  }
  return rankFixes([...fixes, ...metadataFix(record, facts, options.rules)]);
}

/** The fix list of a dataset, from the database. */
export async function listDatasetFixes(
  catalogue: CatalogueContext,
  record: DatasetRecord,
  options: FixListOptions,
): Promise<Fix[]> {
  const checks = (await datasetChecks(catalogue.db, [record.datasetId])).get(record.datasetId);
  const answering = (await answeringUrls(catalogue.db, [record.datasetId])).get(record.datasetId);
  return fixesOfDataset(record, checks ?? new Map(), answering ?? new Set(), options);
}

export interface AgencyFix extends Fix {
  datasetId: number;
  identifier: string;
  datasetTitle: string;
}

const BATCH = 200;

/** Every fix of an organisation's datasets, most gain first. */
export async function listOrganizationFixes(
  catalogue: CatalogueContext,
  organizationId: number,
  options: FixListOptions & { includeUnlisted: boolean },
): Promise<AgencyFix[]> {
  const ids = await organizationDatasetIds(catalogue.db, organizationId, options.includeUnlisted);
  const all: AgencyFix[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const [records, checks, answering] = await Promise.all([
      loadDatasets(catalogue.db, batch),
      datasetChecks(catalogue.db, batch),
      answeringUrls(catalogue.db, batch),
    ]);
    for (const record of records) {
      const fixes = fixesOfDataset(
        record,
        checks.get(record.datasetId) ?? new Map(),
        answering.get(record.datasetId) ?? new Set(),
        options,
      );
      for (const fix of fixes)
        all.push({
          ...fix,
          datasetId: record.datasetId,
          identifier: record.identifier,
          datasetTitle: record.title,
        });
    }
  }
  return rankFixes(all);
}

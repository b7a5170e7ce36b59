import { BADGE_LABELS_ZH, type Badge } from '@odp/quality';
import { OID_PATTERN } from '@odp/quality/metadata';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { LISTED_STATUSES } from '../../domain/dataset-status.ts';
import { AppError } from '../../errors/app-error.ts';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import { loadDatasets } from '../datasets/dataset.repo.ts';
import type { DatasetRecord } from '../datasets/dataset.record.ts';
import { latestChecks, type CheckRow } from '../quality/quality.repo.ts';
import { v2ErrorResponses } from './v2-error.present.ts';

/**
 * The data.gov.tw quality shapes: GET /rest/qc/{publisherOID} (per dataset, the 1/0 of
 * each data.gov.tw check) and GET /rest/quality_result/{datasetId} (the detail).
 * data.gov.tw's names map to our checks: structure ← structured, desc_match ←
 * fields_match, csv ← csv_convertible.
 */
export const V2_QC_FIELDS = {
  linkable: 'linkable',
  downloadable: 'downloadable',
  structure: 'structured',
  encoding_match: 'encoding_match',
  desc_match: 'fields_match',
  csv: 'csv_convertible',
} as const;

const Flag = z.enum(['1', '0', '']).describe('"1" every resource passes, "0" one fails, "" not checked yet');

const QcItemSchema = z.object({
  datasetId: z.number().int(),
  identifier: z.string(),
  title: z.string(),
  dataQuality: z.string().nullable().describe('白金 / 金 / 銀 / 銅 / 無; null until checked'),
  whitelisted: z.boolean(),
  linkable: Flag,
  downloadable: Flag,
  structure: Flag,
  encoding_match: Flag,
  desc_match: Flag,
  csv: Flag,
  qualityCheckTime: z.string().nullable(),
});

const QualityResultSchema = z.object({
  datasetId: z.number().int(),
  identifier: z.string(),
  title: z.string(),
  dataQuality: z.string().nullable(),
  whitelisted: z.boolean(),
  distribution: z.array(
    z.object({
      resourceID: z.string(),
      resourceFormat: z.string(),
      qcLevel: z.string().nullable(),
      resourceQualityCheckTime: z.string().nullable(),
      checks: z.record(
        z.string(),
        z.object({
          result: Flag,
          status: z.string(),
          evidence: z.record(z.string(), z.unknown()),
          fix: z.string().nullable().describe('zh-TW'),
        }),
      ),
    }),
  ),
});

const label = (badge: string | null) => (badge === null ? null : BADGE_LABELS_ZH[badge as Badge]);
const passes = (status: string) => status === 'pass' || status === 'not_applicable';

async function checksOf(ctx: CatalogueContext, datasets: readonly DatasetRecord[]) {
  const rows = await ctx.db
    .selectFrom('resources')
    .select(['id', 'datasetId'])
    .where('datasetId', 'in', datasets.length > 0 ? datasets.map((d) => d.datasetId) : [-1])
    .execute();
  const checks = await latestChecks(
    ctx.db,
    rows.map((r) => r.id),
  );
  const byDataset = new Map<number, CheckRow[][]>();
  for (const r of rows)
    byDataset.set(r.datasetId, [...(byDataset.get(r.datasetId) ?? []), checks.get(r.id) ?? []]);
  return byDataset;
}

function flag(resources: readonly CheckRow[][], checkId: string): '1' | '0' | '' {
  const results = resources.map((checks) => checks.find((c) => c.checkId === checkId));
  if (results.length === 0 || results.some((r) => r === undefined)) return '';
  return results.every((r) => passes(r!.status)) ? '1' : '0';
}

export async function registerV2QualityRoutes(
  app: FastifyInstance,
  catalogue: CatalogueContext,
): Promise<void> {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/rest/qc/:publisherOID',
    {
      schema: {
        tags: ['data.gov.tw v2'],
        summary: 'Quality checks of every public dataset of a publisher (by OID)',
        params: z.object({
          publisherOID: z.string().min(1).max(200).describe('提供機關 OID, e.g. 2.16.886.101.20003'),
        }),
        response: {
          200: z.object({ success: z.literal(true), result: z.array(QcItemSchema) }),
          ...v2ErrorResponses(400, 500),
        },
      },
    },
    async (request) => {
      const oid = request.params.publisherOID.trim();
      if (!OID_PATTERN.test(oid))
        throw new AppError('INVALID_IDENTIFIER', `${oid.slice(0, 60)} is not an OID like 2.16.886.101.20003`);
      const ids = await catalogue.db
        .selectFrom('datasets')
        .select('id')
        .where('publisherOid', '=', oid)
        .where('status', 'in', [...LISTED_STATUSES])
        .orderBy('id')
        .execute();
      const datasets = await loadDatasets(
        catalogue.db,
        ids.map((r) => r.id),
      );
      const checks = await checksOf(catalogue, datasets);
      return {
        success: true as const,
        result: datasets.map((d) => {
          const resources = checks.get(d.datasetId) ?? [];
          const times = d.distribution
            .map((r) => r.resourceQualityCheckTime)
            .filter((t): t is string => t !== null);
          return {
            datasetId: d.datasetId,
            identifier: d.identifier,
            title: d.title,
            dataQuality: label(d.qualityBadge),
            whitelisted: d.whitelisted,
            ...(Object.fromEntries(
              Object.entries(V2_QC_FIELDS).map(([name, id]) => [name, flag(resources, id)]),
            ) as Record<keyof typeof V2_QC_FIELDS, '1' | '0' | ''>),
            qualityCheckTime: times.sort().at(-1) ?? null,
          };
        }),
      };
    },
  );

  typed.get(
    '/rest/quality_result/:datasetId',
    {
      schema: {
        tags: ['data.gov.tw v2'],
        summary: 'The quality check results of one dataset, per resource',
        params: z.object({
          datasetId: z.string().min(1).max(100).describe('The datasetId or the identifier'),
        }),
        response: {
          200: z.object({ success: z.literal(true), result: QualityResultSchema }),
          ...v2ErrorResponses(400, 404, 500),
        },
      },
    },
    async (request) => {
      const d = await findVisibleDataset(catalogue, request.params.datasetId, false);
      const rows = await catalogue.db
        .selectFrom('resources')
        .select(['id', 'resourceId'])
        .where('datasetId', '=', d.datasetId)
        .execute();
      const checks = await latestChecks(
        catalogue.db,
        rows.map((r) => r.id),
      );
      const rowId = new Map(rows.map((r) => [r.resourceId, r.id]));
      return {
        success: true as const,
        result: {
          datasetId: d.datasetId,
          identifier: d.identifier,
          title: d.title,
          dataQuality: label(d.qualityBadge),
          whitelisted: d.whitelisted,
          distribution: d.distribution.map((r) => ({
            resourceID: r.resourceID,
            resourceFormat: r.format,
            qcLevel: label(r.qcLevel),
            resourceQualityCheckTime: r.resourceQualityCheckTime,
            checks: Object.fromEntries(
              (checks.get(rowId.get(r.resourceID) ?? -1) ?? []).map((c) => [
                c.checkId,
                {
                  result: passes(c.status) ? ('1' as const) : ('0' as const),
                  status: c.status,
                  evidence: c.evidence,
                  fix: c.fixZh,
                },
              ]),
            ),
          })),
        },
      };
    },
  );
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IMMUTABLE_CACHE_CONTROL } from '../pages/page-assets.ts';
import { getPage, type PageRouteOptions } from '../pages/page-response.ts';
import { qualityReportCsv } from './quality-report-csv.ts';
import { presentOrganizationQuality, presentPlatformQuality } from './quality-dashboard.present.ts';
import { findOrganization, QualityOrganizationParamsSchema } from './quality-dashboard.routes.ts';
import { agencyDatasetChecks, organizationQuality, platformQuality } from './quality-dashboard.service.ts';
import {
  OrganizationQualityPage,
  OrganizationReportPage,
  type OrganizationReportData,
} from './views/organization-quality-page.tsx';
import { PlatformQualityPage } from './views/platform-quality-page.tsx';

/**
 * The quality dashboards as pages, in both languages, each with its `.json` twin:
 * `/quality`, `/quality/organizations/{key}`, the printable `…/report` and `…/report.csv`.
 */

const REPORT_CSS = readFileSync(new URL('./assets/quality-report.css', import.meta.url), 'utf8');
/** The report's print stylesheet, under a name carrying its content hash (cached for a year). */
export const REPORT_STYLESHEET_HREF = `/assets/quality-report-${createHash('sha256').update(REPORT_CSS).digest('hex').slice(0, 12)}.css`;

export const qualityDashboardAssetRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    REPORT_STYLESHEET_HREF,
    { config: { cacheControl: IMMUTABLE_CACHE_CONTROL } },
    async (_request, reply) => reply.type('text/css; charset=utf-8').send(REPORT_CSS),
  );
};

export const qualityDashboardPageRoutes: FastifyPluginAsyncZod<PageRouteOptions> = async (app, options) => {
  const { catalogue } = options;

  getPage(app, options, '/quality', {
    load: () => platformQuality(catalogue),
    json: presentPlatformQuality,
    view: (data, ctx) => <PlatformQualityPage ctx={ctx} data={data} />,
  });

  getPage(app, options, '/quality/organizations/:key', {
    schema: { params: QualityOrganizationParamsSchema },
    load: async (request) =>
      organizationQuality(catalogue, await findOrganization(catalogue, request.params.key)),
    json: presentOrganizationQuality,
    view: (data, ctx) => <OrganizationQualityPage ctx={ctx} data={data} />,
  });

  async function report(key: string): Promise<OrganizationReportData> {
    const organization = await findOrganization(catalogue, key);
    const [quality, datasets] = await Promise.all([
      organizationQuality(catalogue, organization),
      agencyDatasetChecks(catalogue, organization.id),
    ]);
    return { quality, datasets };
  }

  getPage(app, options, '/quality/organizations/:key/report', {
    schema: { params: QualityOrganizationParamsSchema },
    load: (request) => report(request.params.key),
    json: (data) => ({ ...presentOrganizationQuality(data.quality), datasets: data.datasets }),
    view: (data, ctx) => <OrganizationReportPage ctx={ctx} data={data} stylesheet={REPORT_STYLESHEET_HREF} />,
  });

  app.get<{ Params: { key: string } }>(
    '/quality/organizations/:key/report.csv',
    { schema: { params: QualityOrganizationParamsSchema } },
    async (request, reply) => {
      const organization = await findOrganization(catalogue, request.params.key);
      const datasets = await agencyDatasetChecks(catalogue, organization.id);
      const name = organization.agencyCode ?? String(organization.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="quality-report-${name}.csv"`)
        .send(qualityReportCsv(datasets, options.locale, options.settings.publicUrl));
    },
  );
};

import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppError } from '../../errors/app-error.ts';
import { findVisibleDataset, listVisibleDatasets } from '../../http/dataset-lookup.ts';
import { latestChecks, resourceRowIds } from '../quality/quality.repo.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { DatasetSchema, presentDataset } from '../datasets/dataset.present.ts';
import { DatasetListQuerySchema } from '../datasets/dataset.schema.ts';
import { DatasetListPage } from './views/dataset-list-page.tsx';
import { DatasetPage } from './views/dataset-page.tsx';
import { ErrorPage } from './views/error-page.tsx';
import { PAGE_CSP, renderPage } from './views/layout.tsx';

/**
 * The plain public pages: `/` and `/datasets` (30 a page) and `/datasets/{id}`, each
 * with a `.json` twin. Public datasets only; a fuller UI comes later.
 */

export const PAGE_SIZE = 30;

const PageQuerySchema = DatasetListQuerySchema.pick({
  q: true,
  organization: true,
  category: true,
  theme: true,
  format: true,
  keyword: true,
}).extend({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) });
type PageQuery = z.output<typeof PageQuerySchema>;

const PageParamsSchema = z.object({ datasetId: z.string().min(1).max(100) });

const DatasetPageJsonSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  pageCount: z.number().int(),
  results: z.array(DatasetSchema),
});

const html = { html: true };

function sendHtml(reply: FastifyReply, document: string): FastifyReply {
  return reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(document);
}

/** The HTML error page of the page routes (the API keeps its JSON error body). */
export function renderHtmlError(error: AppError, requestId: string): string {
  return renderPage(
    <ErrorPage status={error.status} code={error.code} message={error.message} requestId={requestId} />,
  );
}

function hrefBuilder(query: PageQuery): (page: number, json?: boolean) => string {
  return (page, json = false) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (key !== 'page' && value !== undefined && value !== '') params.set(key, String(value));
    }
    if (page > 1) params.set('page', String(page));
    const search = params.toString();
    return `/datasets${json ? '.json' : ''}${search ? `?${search}` : ''}`;
  };
}

export const pageRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue }) => {
  async function listPage(query: PageQuery) {
    const { page, ...filters } = query;
    const listQuery = DatasetListQuerySchema.parse({
      ...filters,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const { total, records } = await listVisibleDatasets(catalogue, listQuery, false);
    return { total, page, pageCount: Math.ceil(total / PAGE_SIZE), records };
  }

  for (const url of ['/', '/datasets']) {
    app.get(url, { config: html, schema: { querystring: PageQuerySchema } }, async (request, reply) => {
      const { total, page, pageCount, records } = await listPage(request.query);
      const view = (
        <DatasetListPage
          records={records}
          total={total}
          page={page}
          pageCount={pageCount}
          q={request.query.q}
          hrefFor={hrefBuilder(request.query)}
        />
      );
      return sendHtml(reply, renderPage(view));
    });
  }

  app.get(
    '/datasets.json',
    { schema: { querystring: PageQuerySchema, response: { 200: DatasetPageJsonSchema } } },
    async (request) => {
      const { total, page, pageCount, records } = await listPage(request.query);
      return { total, page, perPage: PAGE_SIZE, pageCount, results: records.map(presentDataset) };
    },
  );

  app.get(
    '/datasets/:datasetId',
    { config: html, schema: { params: PageParamsSchema } },
    async (request, reply) => {
      const dataset = await findVisibleDataset(catalogue, request.params.datasetId, false);
      const rowIds = await resourceRowIds(catalogue.db, dataset.datasetId);
      const checks = await latestChecks(catalogue.db, [...rowIds.values()]);
      return sendHtml(reply, renderPage(<DatasetPage dataset={dataset} quality={{ checks, rowIds }} />));
    },
  );

  app.get(
    '/datasets/:datasetId.json',
    { schema: { params: PageParamsSchema, response: { 200: DatasetSchema } } },
    async (request) => presentDataset(await findVisibleDataset(catalogue, request.params.datasetId, false)),
  );
};

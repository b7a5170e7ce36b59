import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { NamedNode, Quad } from 'n3';
import { z } from 'zod';
import { findVisibleDataset } from '../../http/dataset-lookup.ts';
import type { RouteDeps } from '../../http/route-deps.ts';
import { loadDatasets } from '../datasets/dataset.repo.ts';
import { addCatalog, addDataset, datasetGraph } from './dcat-graph.ts';
import { countListedDatasets, listedDatasetPage } from './dcat.repo.ts';
import { iri, RdfGraph, term, typed } from './rdf-graph.ts';
import { toJsonLd, toRdfXml, toTurtle } from './rdf-serializers.ts';

/**
 * DCAT-AP 3.0.1 (docs/quality.md): the catalogue as Turtle, RDF/XML and JSON-LD, a page
 * at a time (`?page=&limit=`, with Hydra paging links in the graph and a `Link` header),
 * and one dataset as Turtle or JSON-LD. Publicly listed datasets only.
 */

const FORMATS = {
  ttl: 'text/turtle; charset=utf-8',
  rdf: 'application/rdf+xml; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
} as const;
type Format = keyof typeof FORMATS;

export const CATALOG_PAGE_DEFAULT = 100;
export const CATALOG_PAGE_MAX = 1000;

const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe('The page, from 1'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(CATALOG_PAGE_MAX)
    .default(CATALOG_PAGE_DEFAULT)
    .describe('Datasets a page'),
});
const DatasetParamsSchema = z.object({ datasetId: z.string().min(1).max(100) });

async function send(reply: FastifyReply, format: Format, quads: readonly Quad[]): Promise<string> {
  reply.type(FORMATS[format]);
  if (format === 'ttl') return toTurtle(quads);
  if (format === 'rdf') return toRdfXml(quads);
  return JSON.stringify(toJsonLd(quads));
}

const hydra = (l: string) => term('hydra', l);

/** The Hydra view of one catalogue page: where it is, how many there are, and its neighbours. */
function addPaging(
  g: RdfGraph,
  catalog: NamedNode,
  pageUrl: (page: number) => string,
  page: number,
  last: number,
  total: number,
): void {
  const view = iri(pageUrl(page));
  g.add(catalog, hydra('totalItems'), typed(String(total), 'nonNegativeInteger'))
    .add(catalog, hydra('view'), view)
    .type(view, 'hydra', 'PartialCollectionView')
    .add(view, hydra('first'), iri(pageUrl(1)))
    .add(view, hydra('last'), iri(pageUrl(last)));
  if (page > 1) g.add(view, hydra('previous'), iri(pageUrl(Math.min(page - 1, last))));
  if (page < last) g.add(view, hydra('next'), iri(pageUrl(page + 1)));
}

export const dcatRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { catalogue, settings }) => {
  const options = { publicUrl: settings.publicUrl };
  const base = settings.publicUrl.replace(/\/+$/, '');

  for (const format of ['ttl', 'rdf', 'jsonld'] as const) {
    app.get(`/catalog.${format}`, { schema: { querystring: PageQuerySchema } }, async (request, reply) => {
      const { page, limit } = request.query;
      const total = await countListedDatasets(catalogue.db);
      const last = Math.max(1, Math.ceil(total / limit));
      const ids = await listedDatasetPage(catalogue.db, (page - 1) * limit, limit);
      const g = new RdfGraph();
      const nodes = (await loadDatasets(catalogue.db, ids)).map((d) => addDataset(g, d, options));
      const catalog = addCatalog(g, nodes, options);
      const pageUrl = (p: number) => `${base}/catalog.${format}?page=${p}&limit=${limit}`;
      addPaging(g, catalog, pageUrl, page, last, total);
      const links = [`<${pageUrl(1)}>; rel="first"`, `<${pageUrl(last)}>; rel="last"`];
      if (page < last) links.push(`<${pageUrl(page + 1)}>; rel="next"`);
      if (page > 1) links.push(`<${pageUrl(Math.min(page - 1, last))}>; rel="prev"`);
      reply.header('link', links.join(', '));
      return send(reply, format, g.quads);
    });
  }

  for (const format of ['ttl', 'jsonld'] as const) {
    app.get(
      `/dataset/:datasetId.${format}`,
      { schema: { params: DatasetParamsSchema } },
      async (request, reply) => {
        const dataset = await findVisibleDataset(catalogue, request.params.datasetId, false);
        return send(reply, format, datasetGraph(dataset, options).quads);
      },
    );
  }
};

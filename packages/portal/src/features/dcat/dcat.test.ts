import type { FastifyInstance } from 'fastify';
import { Parser, type Quad } from 'n3';
import rdf from 'rdf-ext';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../http/test-app.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { createDatasets, getDataset } from '../datasets/dataset.service.ts';
import { datasetGraph } from './dcat-graph.ts';
import { iri, term } from './rdf-graph.ts';
import { fullDatasetInput } from './dcat-fixtures.ts';
import { validateDcatAp } from './dcat-shacl.ts';

/* DCAT-AP 3 output: a fully filled dataset conforms to shapes.ttl + range.ttl; gaps are reported. */

const dialect = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
const BASE = 'http://localhost:3000';

let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await openTestDatabase();
  await createDatasets(
    t,
    [
      { input: fullDatasetInput() },
      {
        input: fullDatasetInput({
          identifier: 'A41000000G-000002',
          description: '',
          keyword: [],
          license: 'other',
          licenseURL: null,
          publisherContactName: null,
          publisherContactPhone: null,
          publisherContactEmail: null,
          organizationContactName: null,
          organizationContactPhone: null,
          organizationContactEmail: null,
        }),
      },
      { input: fullDatasetInput({ identifier: 'A41000000G-000003', status: 'draft' }) },
    ],
    { actor: 'test' },
  );
  app = await buildTestApp(t);
}, 30_000);

afterAll(async () => {
  await app.close();
  await t.destroy();
});

const parse = (body: string) => new Parser().parse(body);

describe(`DCAT-AP 3 output on ${dialect}`, () => {
  it('writes a fully filled dataset that conforms to shapes.ttl + range.ttl', async () => {
    const res = await app.inject({ method: 'GET', url: '/dataset/1.ttl' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/turtle; charset=utf-8');
    const report = await validateDcatAp(parse(res.body));
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('types every node it points to, as range.ttl asks', async () => {
    const quads = parse((await app.inject({ method: 'GET', url: '/dataset/1.ttl' })).body);
    const typeOf = (node: string) =>
      quads
        .filter((q) => q.subject.value === node && q.predicate.value.endsWith('#type'))
        .map((q) => q.object.value);
    const objectOf = (p: string) => quads.find((q) => q.predicate.value === p)?.object.value ?? '';
    expect(typeOf(objectOf('http://purl.org/dc/terms/license'))).toContain(
      'http://purl.org/dc/terms/LicenseDocument',
    );
    expect(objectOf('http://purl.org/dc/terms/format')).toBe(
      'http://publications.europa.eu/resource/authority/file-type/CSV',
    );
    expect(objectOf('http://www.w3.org/ns/dcat#mediaType')).toBe(
      'https://www.iana.org/assignments/media-types/text/csv',
    );
    expect(objectOf('http://purl.org/dc/terms/accrualPeriodicity')).toBe(
      'http://publications.europa.eu/resource/authority/frequency/HOURLY',
    );
    const themes = quads.filter((q) => q.predicate.value === 'http://www.w3.org/ns/dcat#theme');
    expect(themes.map((q) => q.object.value)).toEqual(
      expect.arrayContaining([
        `${BASE}/vocabularies/categories/E00`,
        `${BASE}/vocabularies/themes/climate`,
        'http://publications.europa.eu/resource/authority/data-theme/ENVI',
      ]),
    );
    for (const q of themes)
      expect(typeOf(q.object.value)).toContain('http://www.w3.org/2004/02/skos/core#Concept');
  });

  it('reports the violations of a dataset missing what shapes.ttl requires', async () => {
    // Licence, keywords and contacts are optional in DCAT-AP: without them the output still conforms.
    const res = await app.inject({ method: 'GET', url: '/dataset/2.ttl' });
    expect((await validateDcatAp(parse(res.body))).conforms).toBe(true);
    // No description, a distribution without any URL, and a standard left untyped.
    const record = await getDataset(t, 2);
    const g = datasetGraph(
      {
        ...record,
        description: '',
        descriptionEn: null,
        distribution: record.distribution.map((r) => ({ ...r, downloadURL: null, accessURL: null })),
      },
      { publicUrl: BASE },
    );
    g.add(g.quads[0]!.subject, term('dct', 'conformsTo'), iri('https://example.org/standard'));
    const broken = await validateDcatAp(g.quads);
    expect(broken.conforms).toBe(false);
    expect(broken.results.map((r) => [r.focusNode, r.path, r.severity]).sort()).toEqual(
      [
        [`${BASE}/dataset/2`, 'http://purl.org/dc/terms/description', 'violation'],
        [`${BASE}/dataset/2`, 'http://purl.org/dc/terms/conformsTo', 'violation'],
        [`${BASE}/dataset/2#A41000000G-000002-001`, 'http://www.w3.org/ns/dcat#accessURL', 'violation'],
      ].sort(),
    );
    for (const r of broken.results) expect(r.message).not.toBe('');
  });

  it('lists only public datasets, a page at a time with Hydra links', async () => {
    expect((await app.inject({ method: 'GET', url: '/dataset/3.ttl' })).statusCode).toBe(404);
    const first = await app.inject({ method: 'GET', url: '/catalog.ttl?limit=1' });
    expect(first.statusCode).toBe(200);
    expect(first.headers.link).toContain(`<${BASE}/catalog.ttl?page=2&limit=1>; rel="next"`);
    const quads = parse(first.body);
    const datasets = quads.filter((q) => q.predicate.value === 'http://www.w3.org/ns/dcat#dataset');
    expect(datasets.map((q) => q.object.value)).toEqual([`${BASE}/dataset/1`]);
    const total = quads.find((q) => q.predicate.value === 'http://www.w3.org/ns/hydra/core#totalItems');
    expect(total?.object.value).toBe('2');
    const second = parse((await app.inject({ method: 'GET', url: '/catalog.ttl?page=2&limit=1' })).body);
    expect(second.some((q) => q.predicate.value === 'http://www.w3.org/ns/hydra/core#next')).toBe(false);
    expect(second.some((q) => q.predicate.value === 'http://www.w3.org/ns/hydra/core#previous')).toBe(true);
    const whole = parse((await app.inject({ method: 'GET', url: '/catalog.ttl' })).body);
    expect(await validateDcatAp(whole)).toEqual({ conforms: true, results: [] });
    expect((await app.inject({ method: 'GET', url: '/catalog.ttl?limit=5000' })).statusCode).toBe(400);
  });

  it('writes the same graph as RDF/XML and JSON-LD as in Turtle', async () => {
    const key = (q: Quad) =>
      [q.subject.value, q.predicate.value, q.object.termType, q.object.value].join(' ') +
      (q.object.termType === 'Literal'
        ? ` ${q.object.language.toLowerCase()} ${q.object.datatype.value}`
        : '');
    const turtle = parse((await app.inject({ method: 'GET', url: '/catalog.ttl' })).body)
      .map(key)
      .sort();
    const xml = await app.inject({ method: 'GET', url: '/catalog.rdf' });
    expect(xml.headers['content-type']).toBe('application/rdf+xml; charset=utf-8');
    const fromXml = [...(await rdf.io.dataset.fromText('application/rdf+xml', xml.body))].map(key).sort();
    expect(fromXml).toEqual(turtle.map((k) => k.replaceAll('catalog.ttl', 'catalog.rdf')).sort());
    const jsonld = await app.inject({ method: 'GET', url: '/catalog.jsonld' });
    expect(jsonld.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const fromJson = [...(await rdf.io.dataset.fromText('application/ld+json', jsonld.body))].map(key).sort();
    expect(fromJson).toEqual(turtle.map((k) => k.replaceAll('catalog.ttl', 'catalog.jsonld')).sort());
    const one = await app.inject({ method: 'GET', url: '/dataset/A41000000G-000001.jsonld' });
    expect(one.statusCode).toBe(200);
    expect(JSON.parse(one.body)['@graph'][0]).toMatchObject({
      '@id': `${BASE}/dataset/1`,
      '@type': ['dcat:Dataset'],
    });
  });
});

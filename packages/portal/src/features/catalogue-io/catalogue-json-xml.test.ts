import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.ts';
import { openTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { listVersions } from '../datasets/dataset.repo.ts';
import { getDataset } from '../datasets/dataset.service.ts';
import { exportCatalogue } from './catalogue-export.ts';
import type { CatalogueJsonRecord } from './catalogue-json.ts';
import { importCatalogue } from './catalogue-import.ts';
import { emptyCatalogue, PUBLIC_COUNT, seedVariedCatalogue } from './catalogue.fixtures.ts';

let t: TestDatabase;
let json: string;
beforeAll(async () => {
  t = await openTestDatabase();
  await seedVariedCatalogue(t);
  json = await exportCatalogue(t, 'json');
});
afterAll(async () => {
  await t.destroy();
});

const realFile = (name: string): Buffer =>
  readFileSync(new URL(`../../../demo/real/${name}`, import.meta.url));

describe(`catalogue JSON and XML on ${process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}`, () => {
  it('exports the public catalogue as records in the national standard field names', () => {
    const records = JSON.parse(json) as CatalogueJsonRecord[];
    expect(records.map((r) => r.datasetId)).toEqual([101, 102, 203, 204, 305, 306]);
    expect(records[0]).toMatchObject({
      identifier: 'A41000000G-000101',
      categoryCode: 'E00',
      license: '政府資料開放授權條款-第1版',
      dataQuality: '白金',
      publicationMethod: '手動',
      publishedDate: '2019-03-01 10:00:00',
    });
    expect(records[0]?.distribution.map((r) => r.resourceID)).toEqual([
      'A41000000G-000101-001',
      'A41000000G-000101-002',
      'A41000000G-000101-003',
    ]);
    expect(records[5]?.dataQuality).toBeNull();
  });

  it('writes well-formed XML with the same datasets, escaping what needs it', async () => {
    const xml = await exportCatalogue(t, 'xml');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<datasets>')).toBe(true);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parser = new XMLParser({
      isArray: (name) => ['dataset', 'distribution', 'keyword', 'themes'].includes(name),
      parseTagValue: false,
    });
    const parsed = parser.parse(xml) as {
      datasets: { dataset: { title: string; distribution?: unknown[] }[] };
    };
    const records = JSON.parse(json) as CatalogueJsonRecord[];
    expect(parsed.datasets.dataset).toHaveLength(records.length);
    expect(parsed.datasets.dataset.map((d) => d.title)).toEqual(records.map((r) => r.title));
    expect(parsed.datasets.dataset.map((d) => d.distribution?.length ?? 0)).toEqual(
      records.map((r) => r.distribution.length),
    );
    expect(xml).toContain('<title>臺北市&quot;好行&quot;公車, 路線與站牌</title>');
    expect(xml).toContain('<landingPage>https://example.gov.tw/bus?a=1&amp;b=2</landingPage>');
  });

  it('exports JSON, imports it into an empty catalogue and exports the same JSON', async () => {
    await emptyCatalogue(t);
    const summary = await importCatalogue(t, Buffer.from(json, 'utf8'), { fileName: 'catalogue.json' });
    expect(summary).toMatchObject({
      format: 'json',
      datasets: PUBLIC_COUNT,
      created: PUBLIC_COUNT,
      updated: 0,
      unchanged: 0,
    });
    expect(await exportCatalogue(t, 'json')).toBe(json);
    expect((await getDataset(t, 101)).identifier).toBe('A41000000G-000101');
  });

  it('updates from a changed JSON file and records an import version', async () => {
    const records = JSON.parse(json) as CatalogueJsonRecord[];
    records[1] = { ...records[1], title: '臺北市公車路線與站牌', keyword: ['公車'] } as CatalogueJsonRecord;
    const summary = await importCatalogue(t, Buffer.from(JSON.stringify(records), 'utf8'), {
      fileName: 'changed.json',
    });
    expect(summary).toMatchObject({ created: 0, updated: 1, unchanged: PUBLIC_COUNT - 1 });
    const [latest] = await listVersions(t.db, 102);
    expect(latest).toMatchObject({ actor: 'import:changed.json', action: 'import' });
    expect(Object.keys(latest?.changes ?? {}).sort()).toEqual(['keyword', 'title']);
  });

  it('imports a real data.gov.tw v1 metadata record, keeping its identifier and resource ids', async () => {
    const summary = await importCatalogue(t, realFile('metadata-v1-example.json'), {
      fileName: 'metadata-v1-example.json',
    });
    expect(summary).toMatchObject({ format: 'json', encoding: 'UTF-8', created: 1 });
    const records = JSON.parse(await exportCatalogue(t, 'json')) as CatalogueJsonRecord[];
    const wra = records.find((r) => r.identifier === '313200000G-000216');
    expect(wra).toMatchObject({
      license: '政府資料開放授權條款-第1版',
      numberOfData: 1,
      publisher: '經濟部水利署',
    });
    expect(wra?.distribution.map((r) => r.resourceID)).toEqual([
      '313200000G-000216-001',
      '313200000G-000216-002',
      '313200000G-000216-003',
    ]);
    // It has no datasetId: importing it again finds the dataset by its identifier.
    const again = await importCatalogue(t, realFile('metadata-v1-example.json'), {
      fileName: 'metadata-v1-example.json',
    });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('rejects a JSON file naming the record and field of each problem, and writes nothing', async () => {
    const records = JSON.parse(json) as Record<string, unknown>[];
    records[2] = { ...records[2], datasetId: 9001, identifier: 'A41000000G-009001', license: 'WTFPL' };
    records[3] = { ...records[3], datasetId: 9002, identifier: 'A41000000G-009002', title: '' };
    const error = await importCatalogue(t, Buffer.from(JSON.stringify(records), 'utf8'), {
      fileName: 'bad.json',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT_INVALID');
    expect((error as AppError).message).toBe(
      'record 3, field license: unknown licence WTFPL; record 4, field title: Too small: expected string to have >=1 characters',
    );
    expect(await getDataset(t, 9001).catch((e: AppError) => e.code)).toBe('DATASET_NOT_FOUND');
    const broken = await importCatalogue(t, Buffer.from('[\n  {"title": "a"}\n', 'utf8'), {
      fileName: 'broken.json',
    }).catch((e: AppError) => e);
    expect((broken as AppError).message).toMatch(/^line 3: JSON syntax: /);
  });
});

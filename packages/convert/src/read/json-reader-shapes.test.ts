import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertToText, readAll, realFile, scratch } from '../test/conversion-helpers.ts';
import { readJsonFile } from './json-reader.ts';

/* Which JSON documents are one record and which merely wrap a table (see json-shape.ts). */

const { write } = scratch('json-shapes');
const METADATA = realFile('metadata-v1-example.json');

const records = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ _id: i + 1, 站名: `測站${i + 1}`, pm25: 10 + i, 縣市: '臺北市' }));

describe('a JSON object that is one record', () => {
  it('reads the real data.gov.tw metadata v1 record as one row, distributions indexed', async () => {
    const { rows, summary } = await readAll(readJsonFile, METADATA);
    expect(rows).toHaveLength(2);
    const [header = [], values = []] = rows;
    const cell = (name: string) => values[header.indexOf(name)];
    expect(header.slice(0, 3)).toEqual(['categoryCode', 'identifier', 'title']);
    expect(header).toHaveLength(32 + 3 * 7);
    expect(cell('identifier')).toBe('313200000G-000216');
    expect(cell('title')).toBe('自來水管承裝商聘僱中人員統計資料');
    expect(cell('publisher')).toBe('經濟部水利署');
    expect(cell('temporalCoverageTo')).toBe('');
    expect(cell('keyword')).toBe('自來水管承裝技工');
    expect(cell('distribution.0.resourceID')).toBe('313200000G-000216-001');
    expect(['JSON', 'CSV', 'XML'].map((_, i) => cell(`distribution.${i}.format`))).toEqual([
      'JSON',
      'CSV',
      'XML',
    ]);
    expect(summary.part).toBe('$');
    expect(summary.warnings).toEqual([
      expect.stringMatching(/read \$ as one record .*32 fields of its own.*3 objects of \$\.distribution/),
    ]);
  });

  it('converts the metadata record to JSON with the warning in the report', async () => {
    const { text, report } = await convertToText(METADATA, readJsonFile, { to: 'json' });
    const out = JSON.parse(text) as Record<string, unknown>[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      identifier: '313200000G-000216',
      organization: '經濟部',
      'distribution.1.format': 'CSV',
      'distribution.2.resourceID': '313200000G-000216-003',
    });
    expect(report.rows.written).toBe(1);
    expect(report.input.part).toBe('$');
    expect(report.warnings.some((w) => w.includes('as one record'))).toBe(true);
  });

  it('reads an object without arrays of objects as one record, arrays of scalars joined', async () => {
    const file = write('flat.json', '{"a":1,"b":[1,2,3],"c":{"d":null,"e":{}}}');
    const { rows, summary } = await readAll(readJsonFile, file);
    expect(rows).toEqual([
      ['a', 'b', 'c.d', 'c.e'],
      ['1', '1;2;3', '', ''],
    ]);
    expect(summary.warnings).toEqual([expect.stringMatching(/no array of objects; read as one record/)]);
  });

  it('reads the record inside a CKAN package_show envelope, leaving the envelope out', async () => {
    const dataset = {
      id: 'a1',
      name: 'aqi',
      title: '空氣品質指標',
      notes: '每小時更新',
      license_id: 'gov-tw-1',
      organization: '環境部',
      metadata_created: '2024-01-02',
      metadata_modified: '2024-03-04',
      state: 'active',
      tags: ['空氣', '環境'],
      resources: [
        { id: 'r1', format: 'CSV', url: 'https://example.gov.tw/aqi.csv' },
        { id: 'r2', format: 'JSON', url: 'https://example.gov.tw/aqi.json' },
      ],
    };
    const file = write(
      'package-show.json',
      JSON.stringify({ help: 'https://x/help', success: true, result: dataset }),
    );
    const { rows, summary } = await readAll(readJsonFile, file);
    expect(summary.part).toBe('$.result');
    expect(rows[0]).toContain('resources.1.url');
    expect(rows[1]?.slice(0, 3)).toEqual(['a1', 'aqi', '空氣品質指標']);
    expect(rows[1]).toContain('空氣;環境');
    expect(summary.warnings[0]).toMatch(/the 2 values outside \$\.result were left out/);
  });
});

describe('a JSON object that wraps a table', () => {
  it.each([
    [
      'CKAN datastore_search',
      {
        help: 'https://data.example.gov.tw/api/3/action/help_show?name=datastore_search',
        success: true,
        result: {
          include_total: true,
          limit: 100,
          records_format: 'objects',
          resource_id: 'aqx-p-432',
          total_estimation_threshold: null,
          fields: [{ id: '_id', type: 'int' }],
          records: records(5),
          _links: {
            start: '/api/3/action/datastore_search',
            next: '/api/3/action/datastore_search?offset=100',
          },
          total: 5,
          total_was_estimated: false,
        },
      },
      '$.result.records',
    ],
    [
      'data.gov.tw API',
      { success: true, result: { offset: 0, limit: 1000, count: 3, sort: '', results: records(3) } },
      '$.result.results',
    ],
    ['a data array', { data: records(2) }, '$.data'],
    [
      'a paging envelope around narrow records',
      { success: true, total: 2, limit: 100, offset: 0, sort: 'id', records: [{ a: 1 }, { a: 2 }] },
      '$.records',
    ],
  ])('%s yields the array rows', async (_name, document, part) => {
    const file = write(`${_name}.json`, JSON.stringify(document, null, 2));
    const { rows, summary } = await readAll(readJsonFile, file);
    expect(summary.part).toBe(part);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.length).toBeLessThan(7);
    expect(summary.warnings).toEqual([expect.stringMatching(/as rows; .* was taken for a wrapper/)]);
  });

  it('reads rows when a record-like object holds a long array', async () => {
    const fields = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}`, i]));
    const file = write('long.json', JSON.stringify({ ...fields, items: records(40) }));
    const { rows, summary } = await readAll(readJsonFile, file);
    expect(summary.part).toBe('$.items');
    expect(rows).toHaveLength(41);
    expect(summary.warnings[0]).toMatch(/the 12 values outside the array were left out/);
  });

  it('reports which path was taken through the converter', async () => {
    const file = write('wrapped.json', JSON.stringify({ success: true, result: { records: records(3) } }));
    const { report } = await convertToText(file, readJsonFile, { to: 'csv' });
    expect(report.rows.written).toBe(3);
    expect(report.warnings).toContainEqual(
      expect.stringMatching(/read the 3 objects of \$\.result\.records as rows/),
    );
    expect(path.basename(report.input.path)).toBe('wrapped.json');
  });
});

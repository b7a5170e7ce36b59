import { XMLParser } from 'fast-xml-parser';
import type { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderSink } from '../test/conversion-helpers.ts';
import type { CellValue, SinkColumn, TableSink } from './table-sink.ts';
import { createCsvWriter } from './csv-writer.ts';
import { createGeoJsonWriter } from './geojson-writer.ts';
import { createJsonWriter, createNdjsonWriter } from './json-writer.ts';
import { createXmlWriter, xmlElementName } from './xml-writer.ts';

const columns: SinkColumn[] = [{ name: '名稱' }, { name: '人數' }, { name: '備註 (說明)' }];
const rows: CellValue[][] = [
  ['臺東縣立體育館', 300, '含"引號", 逗號\n與換行'],
  ['豐里國小', null, ''],
];

async function render(make: (out: PassThrough) => TableSink, data = rows): Promise<string> {
  return (await renderSink(make, data)).bytes.toString('utf8');
}

describe('writers', () => {
  it('CSV: RFC 4180 quoting, CRLF, optional BOM', async () => {
    const csv = await render((out) => createCsvWriter(out, columns, { bom: true }));
    expect(csv.startsWith('\uFEFF名稱,人數,備註 (說明)\r\n')).toBe(true);
    expect(csv).toContain('臺東縣立體育館,300,"含""引號"", 逗號\n與換行"\r\n');
    expect(csv.endsWith('豐里國小,,\r\n')).toBe(true);
    expect(await render((out) => createCsvWriter(out, columns), [])).toBe('名稱,人數,備註 (說明)\r\n');
  });

  it('JSON: an array of typed objects; empty input is []', async () => {
    expect(JSON.parse(await render((out) => createJsonWriter(out, columns)))).toEqual([
      { 名稱: '臺東縣立體育館', 人數: 300, '備註 (說明)': '含"引號", 逗號\n與換行' },
      { 名稱: '豐里國小', 人數: null, '備註 (說明)': '' },
    ]);
    expect(JSON.parse(await render((out) => createJsonWriter(out, columns), []))).toEqual([]);
  });

  it('NDJSON: one object a line', async () => {
    const lines = (await render((out) => createNdjsonWriter(out, columns))).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toHaveLength(2);
  });

  it('XML: valid element names, escaped text, parses back', async () => {
    const xml = await render(
      (out) => createXmlWriter(out, [...columns, { name: '1st <x>' }]),
      [[...(rows[0] as CellValue[]), 'a&b\u0001']],
    );
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml) as {
      rows: { row: Record<string, string> };
    };
    expect(parsed.rows.row['名稱']).toBe('臺東縣立體育館');
    expect(parsed.rows.row['備註__說明_']).toBe('含"引號", 逗號\n與換行');
    expect(parsed.rows.row['_1st__x_']).toBe('a&b');
    expect(xmlElementName('xmlData')).toBe('_xmlData');
  });

  it('GeoJSON: [lon, lat] points, other columns as properties', async () => {
    const geo = JSON.parse(
      await render(
        (out) =>
          createGeoJsonWriter(out, [{ name: '名稱' }, { name: 'lon' }, { name: 'lat' }], { lon: 1, lat: 2 }),
        [
          ['體育館', 121.14, 22.75],
          ['無座標', null, null],
        ],
      ),
    ) as { features: { geometry: unknown; properties: unknown }[] };
    expect(geo.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [121.14, 22.75] },
      properties: { 名稱: '體育館' },
    });
    expect(geo.features[1]?.geometry).toBeNull();
  });
});

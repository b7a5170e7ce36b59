import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAll, scratch } from '../test/conversion-helpers.ts';
import { runConvertCli } from '../cli.ts';
import { convertFile } from '../pipeline/convert-file.ts';
import { sniffInputKind } from '../pipeline/input-kind.ts';
import { readDelimitedFile } from './delimited-reader.ts';
import { readXmlFile } from './xml-reader.ts';

const FIXTURES = new URL('../../test-fixtures/xml/', import.meta.url).pathname;
const REAL = new URL('../../../portal/demo/real/', import.meta.url).pathname;
const { dir, write } = scratch('xml');

const rows = readAll;

const BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n  ')}
]>
<lolz><row>&lol9;</row><row>&lol9;</row></lolz>`;

describe('readXmlFile', () => {
  it('reads the repeated record element: attributes, children, namespaces stripped, nesting dotted', async () => {
    const file = path.join(FIXTURES, 'dataset-namespaced.xml');
    expect(await sniffInputKind(file)).toBe('xml');
    const { rows: read, summary } = await rows(readXmlFile, file);
    expect(summary.part).toBe('/dataset/record');
    expect(read[0]).toEqual([
      'id',
      'status',
      'name',
      'capacity',
      'address.city',
      'address.road',
      'lat',
      'long',
      'note',
    ]);
    expect(read[1]).toEqual([
      '1',
      'open',
      '臺東縣立體育館',
      '350',
      '臺東市',
      '中華路一段',
      '22.7583',
      '121.1444',
      '',
    ]);
    expect(read[2]?.[8]).toBe('整修中 <暫停>');
    expect(read).toHaveLength(4);
  });

  it('keeps colliding names unique and joins repeated children with ;', async () => {
    const file = write(
      'collide.xml',
      '<r xmlns:a="urn:a" xmlns:b="urn:b"><i><a:name>x</a:name><b:name>y</b:name><t>1</t><t>2</t></i><i><a:name>z</a:name></i></r>',
    );
    expect((await rows(readXmlFile, file)).rows).toEqual([
      ['name', 'name_2', 't'],
      ['x', 'y', '1;2'],
      ['z', '', ''],
    ]);
  });

  it('refuses an entity bomb with XML_ENTITY_REFUSED, fast', async () => {
    const file = write('bomb.xml', BOMB);
    await expect(rows(readXmlFile, file)).rejects.toMatchObject({ code: 'XML_ENTITY_REFUSED' });
  });

  it.each([
    ['truncated', '<rows><row><a>1</a></row><row><a>2'],
    ['mismatched', '<rows><row><a>1</b></row></rows>'],
  ])('refuses %s XML with INVALID_XML', async (name, text) => {
    await expect(rows(readXmlFile, write(`${name}.xml`, text))).rejects.toMatchObject({
      code: 'INVALID_XML',
    });
  });

  it('reads back what the converter wrote from a real CP950 CSV', async () => {
    const csv = path.join(REAL, 'dgpa-calendar-114-cp950.csv');
    const xml = path.join(dir, 'dgpa.xml');
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await runConvertCli(['node', 'odp-convert', csv, '-o', xml, '--no-normalize', '-q'])).toBe(0);
    } finally {
      process.stderr.write = original;
    }
    const fromCsv = await rows(readDelimitedFile, csv);
    const fromXml = await rows(readXmlFile, xml);
    expect(fromXml.summary.part).toBe('/rows/row');
    expect(fromXml.rows[0]).toEqual(fromCsv.rows[0]?.map((cell) => cell.trim()));
    expect(fromXml.rows).toHaveLength(fromCsv.rows.length);
    expect(fromXml.rows.slice(1, 4)).toEqual(fromCsv.rows.slice(1, 4).map((row) => row.map((c) => c.trim())));
  });
});

describe('XML through the converter', () => {
  it('XML with attributes and namespaces → JSON', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const report = await convertFile(path.join(FIXTURES, 'dataset-namespaced.xml'), readXmlFile, out, {
      to: 'json',
    });
    out.end();
    const read = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>[];
    expect(report.input.part).toBe('/dataset/record');
    expect(read).toHaveLength(3);
    expect(read[0]).toMatchObject({
      id: 1,
      status: 'open',
      name: '臺東縣立體育館',
      capacity: 350,
      'address.city': '臺東市',
    });
    expect(read[1]?.['lat']).toBe(22.7861);
  });

  it('the CLI refuses the bomb with exit 2', async () => {
    const errors: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => errors.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const status = await runConvertCli([
        'node',
        'odp-convert',
        write('bomb2.xml', BOMB),
        '-o',
        path.join(dir, 'b.csv'),
        '-q',
      ]);
      expect(status).toBe(2);
    } finally {
      process.stderr.write = original;
    }
    expect(errors.join('')).toMatch(/^ERROR XML_ENTITY_REFUSED: /);
    expect(readFileSync(path.join(FIXTURES, 'dataset-namespaced.xml'), 'utf8')).toContain('xmlns:geo');
  });
});

import { REAL_FILES, scratchFile } from '../test/check-fixtures.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sniffResource } from './sniff-resource.ts';

const real = (name: string) => join(REAL_FILES, name);

const file = scratchFile;

describe('sniffResource: real government files', () => {
  it('a UTF-8 CSV', async () => {
    const r = await sniffResource(real('agency-oid-registry-2016.csv'));
    expect(r).toMatchObject({ format: 'CSV', structured: true, tabular: true, convertKind: 'delimited' });
    expect(r.delimiter).toMatchObject({ delimiter: ',', fieldCount: 14 });
    expect(r.encoding).toMatchObject({
      name: 'utf-8',
      label: 'UTF-8',
      confidence: 'valid',
      invalidSequences: 0,
    });
    expect(r.encoding?.mojibake.suspected).toBe(false);
    expect(r.headBytes).toBe(1024 * 1024); // a 1.4 MB file: only the head is read
  });

  it('a CP950 (Big5) CSV', async () => {
    const r = await sniffResource(real('yilan-catalog-2018-cp950.csv'));
    expect(r.format).toBe('CSV');
    expect(r.encoding).toMatchObject({
      name: 'cp950',
      label: 'BIG5',
      confidence: 'likely',
      invalidSequences: 0,
    });
    expect((await sniffResource(real('dgpa-calendar-114-cp950.csv'))).encoding?.name).toBe('cp950');
  });

  it('a UTF-8 CSV with a BOM', async () => {
    const r = await sniffResource(real('dgpa-calendar-113-utf8bom.csv'));
    expect(r.encoding).toMatchObject({ name: 'utf-8-bom', label: 'UTF-8', bom: true, confidence: 'bom' });
  });

  it('JSON, and a list of titles as plain text', async () => {
    const json = await sniffResource(real('dgpa-calendar-2024.json'));
    expect(json).toMatchObject({
      format: 'JSON',
      certainty: 'certain',
      json: { root: 'array', complete: true },
    });
    const txt = await sniffResource(real('datagovtw-titles-2018.txt'));
    expect(txt).toMatchObject({ format: 'TXT', structured: false, tabular: false });
  });

  it('keeps a UTF-8 head strictly valid when the cut falls inside a character', async () => {
    // 1,001 bytes cut the 3-byte characters of the CJK text somewhere in the middle
    const r = await sniffResource(real('yilan-catalog-2018.csv'), { limits: { maxHeadBytes: 1001 } });
    expect(r.encoding).toMatchObject({ name: 'utf-8', confidence: 'valid', invalidSequences: 0 });
    expect(r.format).toBe('CSV');
  });
});

describe('sniffResource: text formats', () => {
  it('GeoJSON, and large JSON checked as a valid prefix of the head', async () => {
    const geo = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [121.5, 25] }, properties: {} }],
    };
    const r = await sniffResource(file('a.json', JSON.stringify(geo)));
    expect(r).toMatchObject({
      format: 'GEOJSON',
      json: { type: 'FeatureCollection' },
      structured: true,
      tabular: true,
    });
    const big = JSON.stringify({
      type: 'FeatureCollection',
      features: Array.from({ length: 500 }, () => geo.features[0]),
    });
    const partial = await sniffResource(file('big.geojson', big), { limits: { maxHeadBytes: 4096 } });
    expect(partial).toMatchObject({ format: 'GEOJSON', certainty: 'likely', json: { complete: false } });
  });

  it('NDJSON is JSON', async () => {
    const r = await sniffResource(file('a.ndjson', '{"a":1}\n{"a":2}\n'));
    expect(r).toMatchObject({ format: 'JSON', json: { ndjson: true }, convertKind: 'ndjson' });
  });

  it('gives UNKNOWN for truncated JSON', async () => {
    const r = await sniffResource(file('cut.json', '[{"a": 1}, {"a": '));
    expect(r).toMatchObject({ format: 'UNKNOWN', structured: false });
    expect(r.reason).toMatch(/not valid JSON/);
  });

  it('XML by its root element: XML, KML, RSS, Atom, GML, RDF, SpreadsheetML', async () => {
    const cases: [string, string, string][] = [
      ['<?xml version="1.0" encoding="UTF-8"?>\n<!-- data --><rows><row a="1"/></rows>', 'XML', 'rows'],
      ['<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>', 'KML', 'kml'],
      ['<rss version="2.0"><channel><title>新聞</title></channel></rss>', 'RSS', 'rss'],
      ['<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', 'RSS', 'feed'],
      [
        '<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"></gml:FeatureCollection>',
        'GML',
        'gml:FeatureCollection',
      ],
      [
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF>',
        'RDF',
        'rdf:RDF',
      ],
      [
        '<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
        'XML',
        'Workbook',
      ],
    ];
    for (const [text, format, root] of cases) {
      const r = await sniffResource(file('a.xml', text));
      expect([r.format, r.xml?.root]).toEqual([format, root]);
      expect(r.structured).toBe(true);
    }
    expect((await sniffResource(file('feed.xml', cases[3]?.[0] ?? ''))).xml?.feed).toBe('atom');
    expect((await sniffResource(file('s.xml', cases[6]?.[0] ?? ''))).xml?.spreadsheetMl).toBe(true);
  });

  it('records the encoding an XML declaration names', async () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="Big5"?><a>'),
      Buffer.from([0xa4, 0xa4, 0xa4, 0xe5]),
      Buffer.from('</a>'),
    ]);
    const r = await sniffResource(file('big5.xml', bytes));
    expect(r.encoding).toMatchObject({ name: 'cp950', declaredInFile: 'big5' });
  });

  it('gives UNKNOWN for XML whose root is never closed', async () => {
    const r = await sniffResource(file('cut.xml', '<?xml version="1.0"?><rows><row>1</row><row>'));
    expect(r.format).toBe('UNKNOWN');
    expect(r.reason).toMatch(/never closed/);
  });

  it('TSV and semicolon CSV', async () => {
    expect(await sniffResource(file('a.tsv', 'a\tb\tc\n1\t2\t3\n4\t5\t6\n'))).toMatchObject({
      format: 'TSV',
      delimiter: { delimiter: '\t', fieldCount: 3 },
    });
    expect((await sniffResource(file('a.csv', 'a;b\n1;2\n3;4\n'))).delimiter?.delimiter).toBe(';');
  });

  it('UTF-16 text with a BOM', async () => {
    const text = Buffer.from('\uFEFFa,b\n1,2\n', 'utf16le');
    expect(await sniffResource(file('u16.csv', text))).toMatchObject({
      format: 'CSV',
      encoding: { name: 'utf-16le', label: 'UTF-16' },
    });
  });

  it('finds mojibake: UTF-8 read as Big5 or as Latin-1 and saved again', async () => {
    const original = readFileSync(real('yilan-catalog-2018.csv')).subarray(0, 20_000);
    const asBig5 = new TextDecoder('big5').decode(original);
    const damaged = await sniffResource(file('moji.csv', asBig5));
    expect(damaged.encoding?.mojibake).toMatchObject({ suspected: true });
    expect(damaged.encoding?.mojibake.big5Markers).toBeGreaterThan(10);
    const asLatin1 = new TextDecoder('windows-1252').decode(original.subarray(0, 2000));
    const latin = await sniffResource(file('latin.csv', asLatin1));
    expect(latin.encoding?.mojibake.suspected).toBe(true);
    expect(latin.encoding?.mojibake.latin1Pairs).toBeGreaterThan(3);
    const lost = await sniffResource(file('lost.csv', 'a,b\n\uFFFD\uFFFD,1\n'));
    expect(lost.encoding?.mojibake).toMatchObject({ suspected: true, replacementChars: 2 });
    expect(lost.encoding?.invalidSequences).toBe(0);
  });

  it('counts invalid sequences in text that fits no encoding', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`a,b\n${'1,2\n'.repeat(50)}3,`),
      Buffer.from([0xff]),
      Buffer.from('\n4,5\n'),
    ]);
    const r = await sniffResource(file('bad.csv', bytes));
    expect(r.encoding?.confidence).toBe('fallback');
    expect(r.encoding?.invalidSequences).toBeGreaterThan(0);
  });
});

describe('sniffResource: binary signatures', () => {
  function png(): Buffer {
    const chunk = (type: string, data: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
    };
    const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    return Buffer.concat([
      signature,
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.from([0, 0]))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }

  it('images, PDF, archives', async () => {
    const cases: [Buffer, string][] = [
      [png(), 'PNG'],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'JPG'],
      [Buffer.from('GIF89a\x01\x00', 'latin1'), 'GIF'],
      [Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), 'TIFF'],
      [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 'PDF'],
      [Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), 'RAR'],
      [Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]), '7Z'],
      [Buffer.from('\0\0\0\x18ftypmp42', 'latin1'), 'MP4'],
      [Buffer.from('AC1027\0\0', 'latin1'), 'DWG'],
    ];
    for (const [bytes, format] of cases) {
      const r = await sniffResource(file('x.bin', bytes));
      expect([format, r.format, r.certainty]).toEqual([format, format, 'certain']);
      expect(r.structured).toBe(false);
    }
  });

  it('a PDF named .csv is a PDF', async () => {
    const r = await sniffResource(file('data.csv', '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'), {
      fileName: 'data.csv',
    });
    expect(r).toMatchObject({
      format: 'PDF',
      mediaType: 'application/pdf',
      structured: false,
      hinted: { formats: ['CSV'] },
    });
  });

  it('an empty file and binary junk are UNKNOWN', async () => {
    expect(await sniffResource(file('empty.csv', ''))).toMatchObject({
      format: 'UNKNOWN',
      reason: 'the file is empty',
      size: 0,
    });
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const r = await sniffResource(file('junk.bin', junk));
    expect(r.format).toBe('UNKNOWN');
    expect(r.reason).toMatch(/binary/);
  });

  it('rejects a path that cannot be opened', async () => {
    await expect(sniffResource(join(REAL_FILES, 'missing.csv'))).rejects.toThrow(/ENOENT/);
  });
});

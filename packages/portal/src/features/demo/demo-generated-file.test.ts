import { describe, expect, it } from 'vitest';
import { generateDemoFile, generatedRowCount, type GeneratedFileSpec } from './demo-generated-file.ts';

const spec = (ext: GeneratedFileSpec['ext'], resourceID = '290222000A-000077-001'): GeneratedFileSpec => ({
  resourceID,
  ext,
  title: '高雄市公車站位資料',
  fields: [
    { name: 'route_name', title: '路線名稱' },
    { name: 'stop_name', title: '站名' },
    { name: 'longitude', title: '經度' },
    { name: 'latitude', title: '緯度' },
    { name: '備註' },
  ],
});

/** The entries of a stored (uncompressed) ZIP, read from its central directory. */
function zipEntries(zip: Buffer): Map<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = offset + 30 + zip.readUInt16LE(offset + 26);
    out.set(name, zip.subarray(dataAt, dataAt + size).toString('utf8'));
    at += 46 + nameLength;
  }
  return out;
}

describe('generated demo files', () => {
  it('are the same bytes for the same resource, and differ between resources', () => {
    for (const ext of ['csv', 'json', 'xml', 'xlsx', 'ods', 'pdf'] as const) {
      expect(generateDemoFile(spec(ext)).equals(generateDemoFile(spec(ext))), ext).toBe(true);
      expect(
        generateDemoFile(spec(ext)).equals(generateDemoFile(spec(ext, '290222000A-000077-002'))),
        ext,
      ).toBe(false);
    }
  });

  it('write a CSV with the Chinese column titles and plausible values', () => {
    const text = generateDemoFile(spec('csv'))
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const [header, first, ...rest] = text.trimEnd().split('\r\n');
    expect(header).toBe('路線名稱,站名,經度,緯度,備註');
    expect(rest.length + 1).toBe(generatedRowCount('290222000A-000077-001'));
    const [, , lon, lat] = (first as string).split(',');
    expect(Number(lon)).toBeGreaterThan(120.2);
    expect(Number(lon)).toBeLessThan(120.4);
    expect(Number(lat)).toBeGreaterThan(22.5);
    expect(Number(lat)).toBeLessThan(22.75);
  });

  it('write JSON records and XML elements keyed by field name', () => {
    const rows = JSON.parse(generateDemoFile(spec('json')).toString('utf8')) as Record<string, unknown>[];
    expect(Object.keys(rows[0] as object)).toEqual([
      'route_name',
      'stop_name',
      'longitude',
      'latitude',
      '備註',
    ]);
    const xml = generateDemoFile(spec('xml')).toString('utf8');
    expect(xml).toContain('<route_name>');
    expect(xml).toContain('<備註>');
    expect(xml.match(/<record>/g)).toHaveLength(rows.length);
  });

  it('write spreadsheets whose parts hold the table', () => {
    const xlsx = zipEntries(generateDemoFile(spec('xlsx')));
    expect([...xlsx.keys()]).toContain('xl/worksheets/sheet1.xml');
    expect(xlsx.get('xl/worksheets/sheet1.xml')).toContain('<t>路線名稱</t>');
    const ods = zipEntries(generateDemoFile(spec('ods')));
    expect(ods.get('mimetype')).toBe('application/vnd.oasis.opendocument.spreadsheet');
    expect(ods.get('content.xml')).toContain('<text:p>站名</text:p>');
  });

  it('write a PDF whose cross-reference table points at its objects', () => {
    const pdf = generateDemoFile(spec('pdf')).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(7);
    offsets.forEach((offset, i) => expect(pdf.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`));
    // The title, as UTF-16BE hex for the UniCNS-UCS2-H encoding: 高 is U+9AD8.
    expect(pdf).toContain('<9ad8');
  });
});

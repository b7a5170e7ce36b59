import { scratchFile } from '../test/check-fixtures.ts';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { createXlsxWriter, zipArchive, zipEntry, type ZipEntryRecord } from '@odp/convert';
import { describe, expect, it } from 'vitest';
import { oleFile } from './ole-test-file.ts';
import { sniffResource } from './sniff-resource.ts';

const file = scratchFile;

const zip = (entries: readonly ZipEntryRecord[]) => zipArchive(entries);
const csv = 'a,b\n1,2\n';

async function xlsxBytes(): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const sink = createXlsxWriter(out, [{ name: '縣市' }, { name: '人口' }]);
  await sink.write(['臺北市', 2_500_000]);
  await sink.end();
  return Buffer.concat(chunks);
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

describe('sniffResource: ZIP containers, from the central directory', () => {
  it('recognises an XLSX written by the converter', async () => {
    const r = await sniffResource(file('data.xlsx', await xlsxBytes()));
    expect(r).toMatchObject({
      format: 'XLSX',
      certainty: 'certain',
      structured: true,
      tabular: true,
      convertKind: 'xlsx',
    });
    expect(r.encoding).toBeUndefined();
  });

  it('recognises DOCX, PPTX, ODS and ODT', async () => {
    const docx = zip([
      zipEntry('[Content_Types].xml', '<Types/>'),
      zipEntry('word/document.xml', '<w:document/>'),
    ]);
    const pptx = zip([zipEntry('ppt/presentation.xml', '<p:presentation/>')]);
    const ods = zip([
      zipEntry('mimetype', ODS_MIME, { store: true }),
      zipEntry('content.xml', '<office:document-content/>'),
    ]);
    const odt = zip([
      zipEntry('mimetype', 'application/vnd.oasis.opendocument.text'),
      zipEntry('content.xml', '<x/>'),
    ]);
    expect(await sniffResource(file('a.docx', docx))).toMatchObject({
      format: 'DOCX',
      structured: false,
      tabular: false,
    });
    expect((await sniffResource(file('a.pptx', pptx))).format).toBe('PPTX');
    expect(await sniffResource(file('a.ods', ods))).toMatchObject({
      format: 'ODS',
      structured: true,
      tabular: true,
    });
    // a deflated mimetype is read too (inflated within a small cap)
    expect((await sniffResource(file('a.odt', odt))).format).toBe('ODT');
  });

  it('lists the formats inside a ZIP of CSVs', async () => {
    const bytes = zip([
      zipEntry('2023/人口.csv', csv),
      zipEntry('2024/人口.csv', csv),
      zipEntry('說明.pdf', '%PDF-1.4'),
      zipEntry('__MACOSX/._人口.csv', 'x'),
    ]);
    const r = await sniffResource(file('data.zip', bytes));
    expect(r.format).toBe('ZIP');
    expect(r.archive?.innerFormats).toEqual([
      { format: 'CSV', count: 2 },
      { format: 'PDF', count: 1 },
    ]);
    expect(r.archive?.names).toContain('2023/人口.csv');
    expect(r).toMatchObject({ structured: true, tabular: true, convertKind: 'zip' });
  });

  it('reads CP950 entry names (zips made on Traditional-Chinese Windows)', async () => {
    const name = Buffer.from([0xa4, 0x48, 0xa4, 0x66, 0x2e, 0x63, 0x73, 0x76]); // 人口.csv in CP950
    const bytes = zip([{ ...zipEntry('x', csv), name, utf8Name: false }]);
    const r = await sniffResource(file('big5-names.zip', bytes));
    expect(r.archive?.names).toEqual(['人口.csv']);
  });

  it('recognises a zipped shapefile and a KMZ', async () => {
    const parts = ['roads.shp', 'roads.shx', 'roads.dbf', 'roads.prj'].map((n) => zipEntry(n, 'x'));
    expect(await sniffResource(file('roads.zip', zip(parts)))).toMatchObject({
      format: 'SHP',
      structured: true,
      tabular: false,
    });
    const partial = await sniffResource(file('roads2.zip', zip(parts.slice(0, 1))));
    expect(partial.format).toBe('ZIP');
    expect(partial.reason).toMatch(/without \.shx, \.dbf/);
    const kmz = zip([zipEntry('doc.kml', '<kml/>'), zipEntry('files/icon.png', 'x')]);
    expect((await sniffResource(file('map.kmz', kmz))).format).toBe('KMZ');
  });

  it('flags an archive over the zip-bomb limits without inflating it', async () => {
    const bomb = { ...zipEntry('huge.csv', csv), size: 2 ** 31 };
    const r = await sniffResource(file('bomb.zip', zip([bomb])));
    expect(r.format).toBe('ZIP');
    expect(r.archive?.overLimits).toBe(true);
  });

  it('caps the listing of an archive with many entries', async () => {
    const entries = Array.from({ length: 30 }, (_, i) => zipEntry(`f${i}.csv`, csv));
    const r = await sniffResource(file('many.zip', zip(entries)), { limits: { maxZipEntries: 10 } });
    expect(r.archive).toMatchObject({ entries: 10, listingCapped: true });
  });

  it('gives UNKNOWN with a reason for a truncated or hostile ZIP', async () => {
    const whole = zip([zipEntry('a.csv', csv), zipEntry('b.csv', csv)]);
    const cut = await sniffResource(file('cut.zip', whole.subarray(0, whole.length - 30)));
    expect(cut).toMatchObject({ format: 'UNKNOWN', certainty: 'none', structured: false, tabular: false });
    expect(cut.reason).toMatch(/damaged ZIP/);
    const junk = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 0x41)]);
    expect((await sniffResource(file('junk.zip', junk))).format).toBe('UNKNOWN');
    // an end record whose directory points outside the file
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(5, 10);
    end.writeUInt32LE(0x7fffffff, 12);
    end.writeUInt32LE(0x7fffffff, 16);
    const lying = await sniffResource(file('lying.zip', Buffer.concat([Buffer.from('PK\x03\x04'), end])));
    expect(lying.format).toBe('UNKNOWN');
  });

  it('names what a gzip stream holds from its header', async () => {
    const bytes = gzipSync(csv, { level: 1 });
    // set FNAME and insert the original name after the 10-byte header
    const named = Buffer.concat([
      bytes.subarray(0, 10),
      Buffer.from('data.csv\0', 'latin1'),
      bytes.subarray(10),
    ]);
    named[3] = (named[3] as number) | 0x08;
    const r = await sniffResource(file('data.gz', named));
    expect(r.format).toBe('GZ');
    expect(r.archive?.innerFormats).toEqual([{ format: 'CSV', count: 1 }]);
  });
});

describe('sniffResource: OLE2 compound files (XLS vs DOC)', () => {
  it('tells XLS from DOC and PPT by the directory stream names', async () => {
    const xls = await sniffResource(file('a.xls', oleFile(['Workbook', '\u0005SummaryInformation'])));
    expect(xls).toMatchObject({ format: 'XLS', certainty: 'certain', structured: true, tabular: false });
    expect(xls.archive?.names).toContain('Workbook');
    expect((await sniffResource(file('old.xls', oleFile(['Book'])))).format).toBe('XLS');
    expect(await sniffResource(file('a.doc', oleFile(['WordDocument', '1Table'])))).toMatchObject({
      format: 'DOC',
      structured: false,
    });
    expect((await sniffResource(file('a.ppt', oleFile(['PowerPoint Document'])))).format).toBe('PPT');
  });

  it('follows a directory spread over several sectors', async () => {
    const streams = [
      '\u0005SummaryInformation',
      '\u0005DocumentSummaryInformation',
      'CompObj',
      'Ole',
      '1Table',
      'Data',
      'WordDocument',
    ];
    expect((await sniffResource(file('long.doc', oleFile(streams)))).format).toBe('DOC');
  });

  it('reports an encrypted Office package and other compound files as UNKNOWN', async () => {
    const encrypted = await sniffResource(
      file('secret.xlsx', oleFile(['EncryptionInfo', 'EncryptedPackage'])),
    );
    expect(encrypted).toMatchObject({ format: 'UNKNOWN', archive: { encrypted: true } });
    expect(encrypted.reason).toMatch(/password-protected/);
    expect((await sniffResource(file('thumbs.db', oleFile(['Catalog'])))).format).toBe('UNKNOWN');
  });

  it('survives truncated files and looping chains', async () => {
    const whole = oleFile(['Workbook']);
    const cut = await sniffResource(file('cut.xls', whole.subarray(0, 700)));
    expect(cut.format).toBe('UNKNOWN');
    expect(cut.reason).toMatch(/damaged OLE2/);
    const loop = await sniffResource(
      file('loop.xls', oleFile(['A', 'B', 'C', 'D', 'Workbook'], { loop: true })),
    );
    expect(loop).toMatchObject({ format: 'UNKNOWN' });
    expect(loop.reason).toMatch(/loops/);
    const headerOnly = await sniffResource(file('header.xls', whole.subarray(0, 100)));
    expect(headerOnly.format).toBe('UNKNOWN');
  });

  it('sniffs an XLS named .csv as XLS, keeping the name as evidence only', async () => {
    const r = await sniffResource(file('report.csv', oleFile(['Workbook'])), {
      fileName: 'report.csv',
      contentType: 'text/csv; charset=utf-8',
    });
    expect(r.format).toBe('XLS');
    expect(r.hinted).toEqual({
      fileName: 'report.csv',
      extension: 'csv',
      contentType: 'text/csv; charset=utf-8',
      formats: ['CSV'],
    });
  });
});

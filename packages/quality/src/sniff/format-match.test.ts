import { describe, expect, it } from 'vitest';
import { normaliseDeclaredFormat } from './declared-format.ts';
import { formatMatches } from './format-match.ts';
import type { SniffedResource } from './sniffed-resource.ts';

type Sniffed = Parameters<typeof formatMatches>[1];
const sniffed = (format: SniffedResource['format'], more: Partial<SniffedResource> = {}): Sniffed => ({
  format,
  reason: `sniffed ${format}`,
  structured: ['CSV', 'TSV', 'JSON', 'GEOJSON', 'XML', 'KML', 'XLSX', 'XLS', 'ODS'].includes(format),
  ...more,
});

describe('normaliseDeclaredFormat', () => {
  it.each([
    ['csv', 'CSV'],
    ['.CSV', 'CSV'],
    [' .xlsx ', 'XLSX'],
    ['text/csv; charset=utf-8', 'CSV'],
    ['application/vnd.ms-excel', 'XLS'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX'],
    ['application/x-zip-compressed', 'ZIP'],
    ['Application/JSON', 'JSON'],
    ['application/geo+json', 'GEOJSON'],
    ['jpeg', 'JPG'],
    ['tif', 'TIFF'],
    ['geojson', 'GEOJSON'],
    ['壓縮檔', '壓縮檔'],
    ['webservices', 'WEBSERVICES'],
  ])('%s → %s', (declared, format) => {
    expect(normaliseDeclaredFormat(declared).format).toBe(format);
  });

  it('names no format for octet-stream, blanks and unknown words', () => {
    expect(normaliseDeclaredFormat('application/octet-stream').format).toBeUndefined();
    expect(normaliseDeclaredFormat('').format).toBeUndefined();
    expect(normaliseDeclaredFormat('Excel 檔').format).toBeUndefined();
  });
});

describe('formatMatches', () => {
  it('matches the same format, however it is written', () => {
    expect(formatMatches('csv', sniffed('CSV'))).toMatchObject({
      match: true,
      close: false,
      declared: 'CSV',
    });
    expect(formatMatches('.Xlsx', sniffed('XLSX')).match).toBe(true);
    expect(formatMatches('application/pdf', sniffed('PDF')).match).toBe(true);
  });

  it('accepts delimited text for CSV, TSV and TXT', () => {
    expect(formatMatches('CSV', sniffed('TSV')).match).toBe(true);
    expect(formatMatches('TXT', sniffed('CSV')).match).toBe(true);
    expect(formatMatches('CSV', sniffed('TXT'))).toMatchObject({ match: false, close: true });
  });

  it('accepts GeoJSON for JSON but not the reverse', () => {
    expect(formatMatches('JSON', sniffed('GEOJSON')).match).toBe(true);
    expect(formatMatches('GEOJSON', sniffed('JSON'))).toMatchObject({ match: false, close: true });
  });

  it('accepts XML vocabularies for XML', () => {
    expect(formatMatches('XML', sniffed('KML')).match).toBe(true);
    expect(formatMatches('xml', sniffed('RSS')).match).toBe(true);
    expect(formatMatches('KML', sniffed('XML'))).toMatchObject({ match: false, close: true });
    expect(formatMatches('CAP', sniffed('XML', { xml: { root: 'cap:alert' } })).match).toBe(true);
  });

  it('flags XLS vs XLSX as a close mismatch', () => {
    expect(formatMatches('XLS', sniffed('XLSX'))).toMatchObject({ match: false, close: true });
    expect(formatMatches('DOCX', sniffed('DOC'))).toMatchObject({ match: false, close: true });
    expect(
      formatMatches('XLS', sniffed('XML', { xml: { root: 'Workbook', spreadsheetMl: true } })).reason,
    ).toMatch(/Excel 2003 XML/);
  });

  it('lists the inner formats when CSV is declared for a ZIP of CSVs', () => {
    const zip = sniffed('ZIP', {
      archive: {
        container: 'zip',
        entries: 3,
        innerFormats: [
          { format: 'CSV', count: 2 },
          { format: 'OTHER', count: 1 },
        ],
        names: [],
      },
    });
    const result = formatMatches('CSV', zip);
    expect(result).toMatchObject({ match: false, close: true, innerFormats: ['CSV'] });
    expect(result.reason).toMatch(/ZIP archive holding CSV/);
    expect(formatMatches('壓縮檔', zip).match).toBe(true);
    expect(formatMatches('ZIP', sniffed('SHP')).match).toBe(true);
    expect(formatMatches('ZIP', sniffed('XLSX'))).toMatchObject({ match: false, close: true });
  });

  it('never matches an HTML page or an unknown file', () => {
    const page = sniffed('HTML', {
      htmlPage: {
        kind: 'landing',
        headings: [],
        links: 1,
        fileLinks: 1,
        fileLinkSamples: [],
        forms: 0,
        passwordInputs: 0,
        tables: 0,
        loginWords: [],
        errorWords: [],
      },
    });
    expect(formatMatches('CSV', page)).toMatchObject({ match: false, close: false });
    expect(formatMatches('CSV', page).reason).toMatch(/HTML landing page/);
    expect(formatMatches('CSV', sniffed('UNKNOWN')).reason).toMatch(/could not be determined/);
    expect(formatMatches('CSV', sniffed('PDF'))).toMatchObject({
      match: false,
      close: false,
      sniffed: 'PDF',
    });
  });

  it('accepts structured answers for API and anything for 其他', () => {
    expect(formatMatches('API', sniffed('JSON')).match).toBe(true);
    expect(formatMatches('API', sniffed('PDF')).match).toBe(false);
    expect(formatMatches('其他', sniffed('PDF')).match).toBe(true);
  });

  it('explains an unrecognised declaration', () => {
    const unknown = formatMatches('Excel 檔', sniffed('XLS'));
    expect(unknown).toMatchObject({ match: false, sniffed: 'XLS' });
    expect(unknown.declared).toBeUndefined();
    expect(unknown.reason).toMatch(/not a known 檔案格式/);
    expect(formatMatches('', sniffed('CSV')).reason).toMatch(/no format is declared/);
  });
});

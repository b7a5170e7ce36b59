/**
 * Just enough of XLSX, ODS and PDF to write a small table: what the demo serves for
 * its synthetic spreadsheet and PDF resources. Stored (uncompressed) ZIP entries and a
 * fixed timestamp keep the bytes identical run after run.
 */
import { zipArchive, zipEntry } from '@odp/convert';

export type Cell = string | number;
export interface Table {
  title: string;
  headers: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/** A ZIP of stored entries (fixed timestamp: the same bytes run after run). */
export function storedZip(entries: readonly { name: string; data: string }[]): Buffer {
  return zipArchive(entries.map((e) => zipEntry(e.name, e.data, { store: true })));
}

export const escapeXml = (s: string): string =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function columnName(i: number): string {
  return i < 26
    ? String.fromCharCode(65 + i)
    : columnName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
}

export function xlsxFile(table: Table): Buffer {
  const all = [table.headers, ...table.rows];
  const rows = all
    .map((row, r) => {
      const cells = row.map((v, c) => {
        const ref = `${columnName(c)}${r + 1}`;
        return typeof v === 'number'
          ? `<c r="${ref}"><v>${v}</v></c>`
          : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
      });
      return `<row r="${r + 1}">${cells.join('')}</row>`;
    })
    .join('');
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  return storedZip([
    {
      name: '[Content_Types].xml',
      data: `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`,
    },
  ]);
}

export function odsFile(table: Table): Buffer {
  const mime = 'application/vnd.oasis.opendocument.spreadsheet';
  const cell = (v: Cell) =>
    typeof v === 'number'
      ? `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`
      : `<table:table-cell office:value-type="string"><text:p>${escapeXml(v)}</text:p></table:table-cell>`;
  const rows = [table.headers, ...table.rows]
    .map((row) => `<table:table-row>${row.map(cell).join('')}</table:table-row>`)
    .join('');
  return storedZip([
    { name: 'mimetype', data: mime },
    {
      name: 'META-INF/manifest.xml',
      data: `${XML_HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    },
    {
      name: 'content.xml',
      data: `${XML_HEAD}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`,
    },
  ]);
}

/** UTF-16BE hex for the UniCNS-UCS2-H encoding (BMP only; others become ？). */
function ucs2Hex(s: string): string {
  let hex = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0x3f;
    hex += (code > 0xffff ? 0xff1f : code).toString(16).padStart(4, '0');
  }
  return `<${hex}>`;
}

/**
 * A one-page, text-based PDF table (A4 landscape) in the standard CJK font MSung-Light
 * (not embedded; readers substitute a Traditional-Chinese font), so text extraction works.
 */
export function pdfFile(table: Table): Buffer {
  const left = 30;
  const width = (842 - 2 * left) / Math.max(1, table.headers.length);
  const fit = (v: Cell) => {
    const s = String(v);
    const max = Math.max(2, Math.floor(width / 8.5));
    return s.length > max ? `${s.slice(0, max - 1)}…` : s;
  };
  const lines = [`BT /F1 12 Tf ${left} 565 Td ${ucs2Hex(table.title)} Tj ET`];
  [table.headers, ...table.rows].slice(0, 36).forEach((row, r) => {
    row.forEach((v, c) =>
      lines.push(`BT /F1 8 Tf ${(left + c * width).toFixed(1)} ${540 - r * 14} Td ${ucs2Hex(fit(v))} Tj ET`),
    );
  });
  const content = lines.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /MSung-Light /Encoding /UniCNS-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MSung-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (CNS1) /Supplement 0 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /MSung-Light /Flags 6 /FontBBox [-160 -249 1015 1071] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

import { writeFileSync } from 'node:fs';

/** Text drawn at a fixed position (PDF points from the bottom left). ASCII only: Helvetica has no CJK glyphs. */
export interface PdfTestText {
  x: number;
  y: number;
  text: string;
}

const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

/** A PDF 1.4 file with a correct xref table around the given objects (object 1 the catalog). */
function pdfFile(objects: readonly string[], trailer = ''): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (content: string) =>
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/**
 * A text PDF, one A4 page per entry, each text drawn with
 * `BT /F1 10 Tf x y Td (text) Tj ET` in Helvetica.
 */
export function textPdf(pages: readonly (readonly PdfTestText[])[]): Buffer {
  // 1 catalog, 2 pages, 3 font, then a page and its content stream for each page.
  const kids = pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  pages.forEach((texts, i) => {
    const content = texts.map((t) => `BT /F1 10 Tf ${t.x} ${t.y} Td (${escape(t.text)}) Tj ET`).join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
      stream(content),
    );
  });
  return pdfFile(objects);
}

/** A table laid out in columns at `columnX`, one row every 14 points from the top. */
export function tableTexts(
  rows: readonly (readonly string[])[],
  columnX: readonly number[],
  top = 780,
): PdfTestText[] {
  return rows.flatMap((cells, r) =>
    cells.flatMap((text, c) => (text === '' ? [] : [{ x: columnX[c] ?? 0, y: top - 14 * r, text }])),
  );
}

/** A "scanned" page: one 2×2 grey image painted over the page, no text operators. */
export function imagePdf(): Buffer {
  const pixels = '\x40\x80\xc0\xff';
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    stream('q 595 0 0 842 0 0 cm /Im1 Do Q'),
    `<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n${pixels}\nendstream`,
  ]);
}

/** A password-protected PDF (RC4, revision 2) whose user password is not empty. */
export function encryptedPdf(): Buffer {
  const key = (byte: string, length = 32) => `<${byte.repeat(length)}>`;
  return pdfFile(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
      `<< /Filter /Standard /V 1 /R 2 /O ${key('ab')} /U ${key('cd')} /P -4 >>`,
    ],
    ` /Encrypt 3 0 R /ID [${key('01', 16)} ${key('01', 16)}]`,
  );
}

export function writePdf(path: string, pdf: Buffer): string {
  writeFileSync(path, pdf);
  return path;
}

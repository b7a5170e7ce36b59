import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffInputKind } from '../pipeline/input-kind.ts';
import { pdfColumns, pdfLines, pdfRow } from './pdf-layout.ts';
import { encryptedPdf, imagePdf, tableTexts, textPdf, writePdf } from './pdf-test-document.ts';
import { convertAny } from '../test/conversion-helpers.ts';

// Fixtures are ASCII: the hand-written PDFs use Helvetica, and Chinese text would need a CID font.
const dir = mkdtempSync(path.join(tmpdir(), 'odp-pdf-'));
const COLUMNS = [50, 220, 380];
const HEADER = ['Shelter', 'Township', 'Capacity'];
const ROWS = [
  ['Taitung Gym', 'Taitung City', '1,200'],
  ['Beinan School', 'Beinan', '350'],
  ['Chishang Hall', 'Chishang', '80'],
];

describe('PDF layout', () => {
  it('joins words of a cell and splits cells at column gaps', () => {
    const t = (x: number, y: number, text: string, width = text.length * 5) => ({
      x,
      y,
      width,
      size: 10,
      text,
    });
    const lines = pdfLines([
      t(50, 700, 'A'),
      t(200, 700, 'B'),
      t(50, 686, 'Hot'),
      t(68, 686.5, 'Springs'),
      t(205, 686, '12'),
      t(50, 672, 'C'),
    ]);
    expect(lines.map((l) => l.map((x) => x.text))).toEqual([['A', 'B'], ['Hot Springs', '12'], ['C']]);
    const columns = pdfColumns(lines);
    expect(columns).toHaveLength(2);
    expect(lines.map((l) => pdfRow(l, columns))).toEqual([
      ['A', 'B'],
      ['Hot Springs', '12'],
      ['C', ''],
    ]);
  });
});

describe('PDF', () => {
  it('reads a one-page text table with a title, numbers typed', async () => {
    const file = writePdf(
      path.join(dir, 'shelters.pdf'),
      textPdf([
        [{ x: 200, y: 810, text: 'Taitung shelters 2024' }, ...tableTexts([HEADER, ...ROWS], COLUMNS)],
      ]),
    );
    expect(await sniffInputKind(file)).toBe('pdf');
    const { report, text } = await convertAny(file, { to: 'json' });
    expect(JSON.parse(text)).toEqual([
      { Shelter: 'Taitung Gym', Township: 'Taitung City', Capacity: 1200 },
      { Shelter: 'Beinan School', Township: 'Beinan', Capacity: 350 },
      { Shelter: 'Chishang Hall', Township: 'Chishang', Capacity: 80 },
    ]);
    expect(report.columns.find((c) => c.name === 'Capacity')?.type).toBe('integer');
    expect(report.input.part).toBe('page 1');
  });

  it('concatenates pages, dropping the repeated header and page footers', async () => {
    const footer = (n: number) => ({ x: 280, y: 40, text: `Page ${n}` });
    const file = writePdf(
      path.join(dir, 'two-pages.pdf'),
      textPdf([
        [...tableTexts([HEADER, ...ROWS.slice(0, 2)], COLUMNS), footer(1)],
        [...tableTexts([HEADER, ROWS[2] ?? [], ['Luye Center', '', '45']], COLUMNS), footer(2)],
      ]),
    );
    const { report, text } = await convertAny(file, { to: 'csv' });
    expect(text.split('\r\n').filter(Boolean)).toEqual([
      'Shelter,Township,Capacity',
      'Taitung Gym,Taitung City,"1,200"',
      'Beinan School,Beinan,350',
      'Chishang Hall,Chishang,80',
      'Luye Center,,45',
    ]);
    expect(report.input.part).toBe('pages 1–2');
    expect(report.warnings.join()).toContain('2 text lines outside the table');
  });

  it('refuses a scanned PDF without text with NEEDS_OCR', async () => {
    const file = writePdf(path.join(dir, 'scan.pdf'), imagePdf());
    await expect(convertAny(file, { to: 'csv' })).rejects.toMatchObject({ code: 'NEEDS_OCR' });
  });

  it('refuses a damaged PDF with CORRUPT_FILE', async () => {
    const file = writePdf(path.join(dir, 'broken.pdf'), Buffer.from('%PDF-1.4\nnot really a pdf\n'));
    await expect(convertAny(file, { to: 'csv' })).rejects.toMatchObject({ code: 'CORRUPT_FILE' });
  });

  it('refuses a password-protected PDF with CORRUPT_FILE, saying it is encrypted', async () => {
    const file = writePdf(path.join(dir, 'locked.pdf'), encryptedPdf());
    await expect(convertAny(file, { to: 'csv' })).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
      message: expect.stringContaining('encrypted') as unknown,
    });
  });
});

/** A run of text on a page: left edge `x`, baseline `y` (PDF points, y up), font height `size`. */
export interface PdfText {
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
}

/** Texts on one baseline, left to right, with neighbours closer than a word gap merged. */
export type PdfLine = PdfText[];

/** Gap under which two texts on a line are one cell, in font heights (a space is ~0.28). */
const WORD_GAP = 0.8;

/** Groups texts into lines by baseline (within half a font height), top to bottom. */
export function pdfLines(texts: readonly PdfText[]): PdfLine[] {
  const sorted = texts.filter((t) => t.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfText[][] = [];
  for (const text of sorted) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(first.y - text.y) <= Math.max(first.size, text.size) / 2) line.push(text);
    else lines.push([text]);
  }
  return lines.map(mergeWords);
}

function mergeWords(line: readonly PdfText[]): PdfLine {
  const merged: PdfText[] = [];
  for (const text of [...line].sort((a, b) => a.x - b.x)) {
    const last = merged.at(-1);
    const gap = last ? text.x - (last.x + last.width) : Infinity;
    if (last && gap < WORD_GAP * Math.max(last.size, text.size)) {
      const joined =
        gap > 0.15 * text.size && !/\s$/.test(last.text)
          ? `${last.text} ${text.text}`
          : last.text + text.text;
      merged[merged.length - 1] = {
        ...last,
        text: joined,
        width: Math.max(last.x + last.width, text.x + text.width) - last.x,
      };
    } else merged.push({ ...text, text: text.text });
  }
  return merged.map((t) => ({ ...t, text: t.text.trim() }));
}

/** A column's extent on the page. */
export interface PdfColumn {
  start: number;
  end: number;
}

/**
 * Column extents from the lines with the most common number of cells (two or more): the
 * union of their cells' x ranges, so left-, right- and centre-aligned columns all work.
 */
export function pdfColumns(lines: readonly PdfLine[]): PdfColumn[] {
  const counts = new Map<number, number>();
  for (const line of lines) if (line.length > 1) counts.set(line.length, (counts.get(line.length) ?? 0) + 1);
  let mode = 0;
  let best = 0;
  for (const [cells, seen] of counts) {
    if (seen > best || (seen === best && cells > mode)) [mode, best] = [cells, seen];
  }
  const ranges = lines
    .filter((line) => line.length === mode)
    .flat()
    .map((t) => ({ start: t.x, end: t.x + t.width }))
    .sort((a, b) => a.start - b.start);
  const columns: PdfColumn[] = [];
  for (const range of ranges) {
    const last = columns.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else columns.push({ ...range });
  }
  return columns;
}

/** The column a text belongs to: the one it overlaps most, else the nearest. */
function columnOf(text: PdfText, columns: readonly PdfColumn[]): number {
  let index = 0;
  let score = -Infinity;
  columns.forEach((column, i) => {
    const overlap = Math.min(column.end, text.x + text.width) - Math.max(column.start, text.x);
    if (overlap > score) [index, score] = [i, overlap];
  });
  return index;
}

/** A line as a row of cells, one per column; texts falling in the same column are joined by a space. */
export function pdfRow(line: PdfLine, columns: readonly PdfColumn[]): string[] {
  const cells = columns.map(() => '');
  for (const text of line) {
    const i = columnOf(text, columns);
    cells[i] = cells[i] ? `${cells[i]} ${text.text}` : text.text;
  }
  return cells;
}

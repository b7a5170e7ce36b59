/** A run of consecutive non-empty rows of a sheet: one table. */
export interface SheetBlock {
  first: number;
  last: number;
}

/** Splits rows into tables on fully empty rows and returns them, largest first. */
export function tableBlocks(rowNumbers: readonly number[]): SheetBlock[] {
  const blocks: SheetBlock[] = [];
  for (const n of rowNumbers) {
    const last = blocks.at(-1);
    if (last && n === last.last + 1) last.last = n;
    else blocks.push({ first: n, last: n });
  }
  return blocks.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
}

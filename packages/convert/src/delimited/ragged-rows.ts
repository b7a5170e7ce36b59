/** A record whose field count differs from the expected one (a shifted or broken row). */
export interface RaggedRow {
  /** 1-based line where the record starts. */
  line: number;
  expected: number;
  found: number;
}

/** Width of a record without its trailing empty cells (`a,b,,,` has width 2). */
export function usedWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] as string).trim() === '') width--;
  return width;
}

/**
 * Collects ragged rows while a file streams by. The expected field count is the used
 * width of the first record wider than one cell (the header, past any title row),
 * unless the caller knows it. A record is ragged when it has data beyond that width,
 * or fewer fields than that width; trailing empty cells (`,,,` padding) are not.
 * Keeps at most `limit` rows; `count` keeps counting past it.
 */
export class RaggedRowCollector {
  readonly rows: RaggedRow[] = [];
  count = 0;
  private expected: number | undefined;

  constructor(
    private readonly limit: number,
    expected?: number,
  ) {
    this.expected = expected;
  }

  get expectedFieldCount(): number | undefined {
    return this.expected;
  }

  add(cells: readonly string[], line: number): void {
    const used = usedWidth(cells);
    if (this.expected === undefined) {
      if (used > 1) this.expected = used;
      return;
    }
    const found = used > this.expected ? used : cells.length < this.expected ? cells.length : undefined;
    if (found === undefined) return;
    this.count++;
    if (this.rows.length < this.limit) this.rows.push({ line, expected: this.expected, found });
  }
}

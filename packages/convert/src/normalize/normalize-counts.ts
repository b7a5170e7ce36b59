/** How many cells (or rows) each normaliser changed in one table: goes into the conversion report. */
export interface NormalizeCounts {
  /** ROC (民國) dates rewritten as ISO 8601. */
  rocDates: number;
  /** Cells whose full-width characters became half-width. */
  fullWidth: number;
  /** TWD97 points converted to WGS84 (one per point, not per cell). */
  coordinates: number;
  /** Cells whose "no value" token (-, 無, N/A…) became null. */
  nulls: number;
  /** Cells that lost surrounding whitespace or invisible characters. */
  trimmed: number;
  /** Total and footnote rows removed. */
  droppedRows: number;
}

export type NormalizeCountName = keyof NormalizeCounts;

export function emptyNormalizeCounts(): NormalizeCounts {
  return { rocDates: 0, fullWidth: 0, coordinates: 0, nulls: 0, trimmed: 0, droppedRows: 0 };
}

/** Sum of two tallies, e.g. of two chunks of a streamed table. */
export function addNormalizeCounts(a: NormalizeCounts, b: NormalizeCounts): NormalizeCounts {
  return {
    rocDates: a.rocDates + b.rocDates,
    fullWidth: a.fullWidth + b.fullWidth,
    coordinates: a.coordinates + b.coordinates,
    nulls: a.nulls + b.nulls,
    trimmed: a.trimmed + b.trimmed,
    droppedRows: a.droppedRows + b.droppedRows,
  };
}

/** True when no normaliser changed anything. */
export function isUnchanged(counts: NormalizeCounts): boolean {
  return Object.values(counts).every((count) => count === 0);
}

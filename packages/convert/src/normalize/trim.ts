/**
 * Characters removed wherever they are in a cell: zero-width space (U+200B), word joiner
 * (U+2060) and the byte-order mark / zero-width no-break space (U+FEFF) that survives
 * when files are concatenated. ZWJ/ZWNJ (U+200D/U+200C) carry meaning inside emoji and
 * some scripts, so they are only trimmed at the edges.
 */
const INVISIBLE_INSIDE = /[\u200B\u2060\uFEFF]/g;
/** Whitespace at the edges, including the full-width space (U+3000), NBSP and ZWJ/ZWNJ. */
const EDGE = /^[\s\u200C\u200D]+|[\s\u200C\u200D]+$/g;

/** Quick test: does the value have anything trimCell would remove? */
const NEEDS_TRIM = /^[\s\u200C\u200D]|[\s\u200C\u200D]$|[\u200B\u2060\uFEFF]/;

/** A cell without surrounding whitespace (half- or full-width) and without invisible characters. */
export function trimCell(value: string): string {
  if (!NEEDS_TRIM.test(value)) return value;
  return value.replace(INVISIBLE_INSIDE, '').replace(EDGE, '');
}

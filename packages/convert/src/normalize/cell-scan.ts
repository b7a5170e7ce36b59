/**
 * One pass over a cell's characters telling which normalisers could change it, so the
 * common cell (plain ASCII or CJK text, nothing to trim or fold) costs one loop and no
 * regular expression.
 */

/** Whitespace or an invisible character at an edge: trimCell would change the cell. */
export const NEEDS_TRIM = 1;
/** A full-width form toHalfWidth would fold (ＡＢＣ１２３, the ideographic space). */
export const FULL_WIDTH = 2;
/** A CJK ideograph (the cell is prose, not a typed value written in full width). */
export const HAS_CJK = 4;

/** Characters `String.prototype.trim` / `\s` treat as whitespace, plus ZWNJ/ZWJ (U+200C/D). */
export function isEdgeSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x200c ||
    c === 0x200d ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** The NEEDS_TRIM, FULL_WIDTH and HAS_CJK flags of a cell. */
export function scanCell(value: string): number {
  const n = value.length;
  if (n === 0) return 0;
  let flags = isEdgeSpace(value.charCodeAt(0)) || isEdgeSpace(value.charCodeAt(n - 1)) ? NEEDS_TRIM : 0;
  for (let i = 0; i < n; i++) flags |= charFlags(value.charCodeAt(i));
  return flags;
}

/**
 * What one UTF-16 code unit adds to scanCell's flags (apart from the edges). Code points
 * above U+FFFF add nothing, so the byte path (ColumnTypeInferrer.addUtf8) gives it the
 * code points of its three-byte characters.
 */
export function charFlags(c: number): number {
  if (c < 0x3000) return c === 0x200b || c === 0x2060 ? NEEDS_TRIM : 0;
  if (c === 0x3000) return FULL_WIDTH;
  if (c >= 0xff01) return c <= 0xff5e || (c >= 0xffe0 && c <= 0xffe6) ? FULL_WIDTH : 0;
  if (c === 0xfeff) return NEEDS_TRIM;
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ? HAS_CJK : 0;
}

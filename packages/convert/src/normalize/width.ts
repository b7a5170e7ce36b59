/** Full-width ASCII forms ！ (U+FF01) … ～ (U+FF5E) sit at this distance from ! … ~. */
const FULL_WIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = '\u3000';

/** Full-width signs outside the ASCII block, with their ordinary forms (￥ → ¥). */
const FULL_WIDTH_SIGNS: Readonly<Record<string, string>> = {
  '\uFFE0': '\u00A2', // ￠
  '\uFFE1': '\u00A3', // ￡
  '\uFFE2': '\u00AC', // ￢
  '\uFFE3': '\u00AF', // ￣
  '\uFFE4': '\u00A6', // ￤
  '\uFFE5': '\u00A5', // ￥
  '\uFFE6': '\u20A9', // ￦
};

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000\uFFE0-\uFFE6]/g;

/**
 * Full-width (全形) letters, digits, punctuation and the ideographic space → half-width
 * (半形): ＡＢＣ１２３，（） → ABC123,(). CJK characters and CJK punctuation (、。「」)
 * are left as they are, and so are variants such as 臺/台: folding those is for search only.
 */
export function toHalfWidth(value: string): string {
  return value.replace(FULL_WIDTH, (char) => {
    if (char === IDEOGRAPHIC_SPACE) return ' ';
    return FULL_WIDTH_SIGNS[char] ?? String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET);
  });
}

/** True when `toHalfWidth` would change the value. */
export function hasFullWidth(value: string): boolean {
  return /[\uFF01-\uFF5E\u3000\uFFE0-\uFFE6]/.test(value);
}

/**
 * UTF-16 without a BOM: text that is mostly ASCII or Latin has a NUL in every other
 * byte — the high byte of each code unit, second in little-endian, first in big-endian.
 * CJK text has few NULs, so this only catches the common case; a BOM is the reliable way.
 */
const MIN_NUL_SHARE = 0.3;

export function guessUtf16WithoutBom(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const units = bytes.length / 2;
  if (oddNuls / units >= MIN_NUL_SHARE && evenNuls / units < MIN_NUL_SHARE / 10) return 'UTF-16LE';
  if (evenNuls / units >= MIN_NUL_SHARE && oddNuls / units < MIN_NUL_SHARE / 10) return 'UTF-16BE';
  return undefined;
}

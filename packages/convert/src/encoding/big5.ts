/**
 * How much a byte string looks like CP950 (Big5 as Windows writes it).
 *
 * A CP950 character is one ASCII byte, or a lead byte 0x81–0xFE followed by a trail
 * byte 0x40–0x7E or 0xA1–0xFE. Valid structure alone proves little (many byte strings
 * fit), so we also measure what the pairs decode to: Big5 orders its characters by
 * frequency, and real Chinese text is mostly in the 常用字 block (0xA440–0xC67E, the
 * 5,401 common hanzi) and the symbol block (0xA140–0xA3BF, full-width punctuation).
 */
export interface Big5Likelihood {
  /** Two-byte characters with valid lead and trail bytes. */
  pairs: number;
  /** High bytes that cannot start a character or lack a valid trail byte. */
  invalid: number;
  /** Pairs in the common-hanzi or symbol blocks. */
  common: number;
}

const isLead = (b: number): boolean => b >= 0x81 && b <= 0xfe;
const isTrail = (b: number): boolean => (b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe);
const isCommon = (code: number): boolean =>
  (code >= 0xa440 && code <= 0xc67e) || (code >= 0xa140 && code <= 0xa3bf);

export function measureBig5(bytes: Uint8Array): Big5Likelihood {
  let pairs = 0;
  let invalid = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b < 0x80) continue;
    const trail = bytes[i + 1];
    if (isLead(b) && trail !== undefined && isTrail(trail)) {
      pairs++;
      if (isCommon((b << 8) | trail)) common++;
      i++;
    } else {
      invalid++;
    }
  }
  return { pairs, invalid, common };
}

/** At most this share of high bytes may be invalid (a stray byte or two in a big file). */
const MAX_INVALID_SHARE = 0.01;
/** At least this share of the pairs must be common characters or symbols. */
const MIN_COMMON_SHARE = 0.5;

/** True when the bytes are (almost) valid CP950 and read as ordinary Chinese text. */
export function looksLikeBig5(bytes: Uint8Array): boolean {
  const { pairs, invalid, common } = measureBig5(bytes);
  if (pairs === 0) return false;
  return invalid / (pairs + invalid) <= MAX_INVALID_SHARE && common / pairs >= MIN_COMMON_SHARE;
}

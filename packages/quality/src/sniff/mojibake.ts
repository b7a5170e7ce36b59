import type { MojibakeEvidence } from './sniffed-resource.ts';

/**
 * Characters that UTF-8 Chinese turns into when read as Big5 and saved again (e.g. 資
 * becomes 鞈, ， becomes 嚗). Measured on the real data.gov.tw files: each is frequent in
 * such damage and absent from the correctly decoded text.
 */
const BIG5_MARKERS = new Set('撣銵銝撟蝮嚗鞈鈭閮撅摨啣摰撌蝯霅瘜箇撠隞敺蝬');

/** A lead byte of a multi-byte UTF-8 sequence read as CP1252, then a continuation byte. */
const LATIN1_PAIR =
  /[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g;

/** At most this many characters are examined. */
const MAX_CHARS = 256 * 1024;
const MAX_SAMPLES = 3;

const isCjk = (code: number): boolean => code >= 0x3400 && code <= 0x9fff;

/**
 * Looks for 亂碼 in decoded text. `literalReplacements` is the number of U+FFFD that were
 * in the bytes themselves (not produced by decoding).
 */
export function findMojibake(text: string, literalReplacements: number): MojibakeEvidence {
  const sample = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const samples: string[] = [];
  const note = (at: number) => {
    if (samples.length < MAX_SAMPLES)
      samples.push(sample.slice(Math.max(0, at - 8), at + 8).replace(/\s+/g, ' '));
  };
  let big5Markers = 0;
  let privateUse = 0;
  let cjk = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (isCjk(code)) {
      cjk++;
      if (BIG5_MARKERS.has(sample[i] as string)) {
        if (big5Markers === 2) note(i);
        big5Markers++;
      }
    } else if (code >= 0xe000 && code <= 0xf8ff) {
      privateUse++;
    } else if (code === 0xfffd && literalReplacements > 0 && samples.length === 0) {
      note(i);
    }
  }
  let latin1Pairs = 0;
  for (const match of sample.matchAll(LATIN1_PAIR)) {
    if (latin1Pairs === 2) note(match.index);
    latin1Pairs++;
  }
  const big5Damage = big5Markers >= 3 && big5Markers / Math.max(1, cjk) >= 0.005;
  return {
    suspected: literalReplacements > 0 || big5Damage || latin1Pairs >= 3,
    replacementChars: literalReplacements,
    big5Markers,
    latin1Pairs,
    privateUse,
    samples,
  };
}

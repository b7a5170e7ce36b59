/**
 * The text normaliser shared by the index side and the query side of search: whatever a
 * dataset's title says and whatever a user types go through this one function, so they
 * agree character for character before tokenisation.
 *
 * Steps, in order:
 * 1. Unicode NFKC: full-width Latin, digits and punctuation become half-width (ＣＳＶ → CSV,
 *    １２３ → 123, （ → (), half-width katakana becomes full-width, CJK compatibility
 *    ideographs become their unified character, ligatures split (ﬁ → fi).
 * 2. Invisible format characters (zero-width space, BOM, soft hyphen; category Cf) become
 *    a space, so they separate words instead of gluing them.
 * 3. Lower-casing (locale-independent).
 * 4. The variant folds below (臺 → 台 and a few more), then simplified → traditional for
 *    runs that are simplified (see simplified-to-traditional.ts), then the folds again:
 *    the converter writes 臺 (台湾 → 臺灣), and folding first keeps variant characters
 *    that are not in Big5 (峯, 羣, 綫…) from looking simplified.
 *
 * The result is idempotent: normaliseText(normaliseText(x)) === normaliseText(x).
 */
import { simplifiedToTraditional } from './simplified-to-traditional.ts';

/**
 * Variant folds (異體字): pairs that are the same word in Taiwanese government text,
 * written two ways. Each folds to the form more common in data.gov.tw titles. Kept short
 * on purpose: a fold merges two characters everywhere, so only pairs where neither side
 * has a meaning the other lacks are listed.
 */
export const VARIANT_FOLDS: ReadonlyMap<string, string> = new Map([
  // 臺/台: the official name is written both ways (臺北市/台北市, 臺灣/台灣); 台 is also a
  // simplified character, and OpenCC turns 台 into 臺 when converting. Fold to 台.
  ['臺', '台'],
  // 裏/裡 "inside": one word, two shapes (裏 is the older form, 裡 the Taiwan standard).
  // Not folded to 里 (village unit, as in 里長): that is a different word.
  ['裏', '裡'],
  // 峯/峰 "peak": same character, components rearranged (e.g. in mountain names).
  ['峯', '峰'],
  // 羣/群 "group": same character, components rearranged (族羣/族群).
  ['羣', '群'],
  // 綫/線 "line": 綫 is the Hong Kong form of 線 (路綫/路線).
  ['綫', '線'],
  // 鷄/雞 "chicken": 鷄 is a variant of 雞 (both in livestock statistics).
  ['鷄', '雞'],
  // 衞/衛 "guard, health": 衞 is the Hong Kong/older form (衞生/衛生).
  ['衞', '衛'],
  // 爲/為 "for, to be": 爲 is the older/Hong Kong form.
  ['爲', '為'],
  // 啓/啟 "open": 啓 is the Hong Kong/Japanese form (啓用/啟用).
  ['啓', '啟'],
  // 着/著: Taiwan writes 著 for both readings (zhù, zhe); 着 is the simplified and
  // Hong Kong spelling of the same word. Safe because Taiwan's standard never uses 着.
  ['着', '著'],
  // 汙/污 "dirty, pollution": both are standard variants of one word (空氣汙染/空氣污染);
  // 污 is far more common in data.gov.tw titles.
  ['汙', '污'],
  // 溼/濕 "wet, humidity": 溼 is the Ministry of Education form, 濕 the usual one (濕度).
  ['溼', '濕'],
  // 佈/布 and 佔/占: 佈 only means "spread, arrange" and 佔 only "occupy", senses the Taiwan
  // standard also writes with 布 and 占 (分布, 公布, 占用, 占有率); titles use both. The
  // converter also writes 佈/佔 for simplified input (分布图 → 分佈圖), so folding them
  // makes simplified queries meet traditional titles.
  ['佈', '布'],
  ['佔', '占'],
]);

const FOLD_PATTERN = new RegExp(`[${[...VARIANT_FOLDS.keys()].join('')}]`, 'gu');
const FORMAT_CHARS = /\p{Cf}/gu;

/** Applies VARIANT_FOLDS only. */
export function foldVariants(text: string): string {
  return text.replace(FOLD_PATTERN, (char) => VARIANT_FOLDS.get(char) ?? char);
}

/** Normalises text for search; pure, never throws. See the module comment. */
export function normaliseText(text: string): string {
  const base = text.normalize('NFKC').replace(FORMAT_CHARS, ' ').toLowerCase();
  return foldVariants(simplifiedToTraditional(foldVariants(base)));
}

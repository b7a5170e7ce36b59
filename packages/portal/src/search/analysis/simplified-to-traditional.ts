/**
 * Simplified → Traditional Chinese (簡轉繁) for search, gated so that traditional text is
 * never touched.
 *
 * OpenCC's `cn → tw` converter is written for simplified input. Run over text that is
 * already traditional it still rewrites characters that both scripts share: in the
 * 35,634 real data.gov.tw titles of 2018 it changed 812, e.g. 村里長 → 村裡長,
 * 分布 → 分佈, 污染 → 汙染, 占用 → 佔用 — and because it converts by longest phrase
 * match, the same character comes out differently depending on its neighbours (里長 stays
 * 里長 but 村里長 becomes 村裡長), so a title and a query containing the same traditional
 * word could disagree.
 *
 * So each run of Han characters is converted only when it contains at least one character
 * that is *simplified-only*: changed by the converter and not one of the 5,401 common
 * traditional characters (Big5 level 1, 常用字, lead bytes A4–C6). 台湾 contains 湾 and
 * becomes 臺灣; 臺北市里長 contains none and is left alone. Big5 level 2 (次常用字) is
 * not counted as traditional because it holds rare characters that are also common
 * simplified ones (价, 气, 万, 机, 网, 体): 地价 must become 地價. Of the 77 level-2
 * characters the converter changes, only 庄 (客庄) and 厘 occur in the real titles, and
 * a run holding one is converted the same way on the index and the query side.
 * Characters shared by both scripts (干, 后, 里, 面, 台) only convert inside a run that is
 * otherwise simplified, where OpenCC's phrase tables pick the right form (台风 → 颱風,
 * 干旱 in 出现干旱 → 乾旱).
 *
 * We use `to: 'tw'` (Taiwan character forms), not `'twp'` (Taiwan forms and Taiwan
 * vocabulary): `twp` also rewrites words (登录 → 登入, 数据 → 資料, 信息 → 資訊), which
 * breaks proper names such as 不動產實價登錄 and changes string length; `tw` gives
 * 不動產實價登錄 and 台湾 → 臺灣, and never changed a title's length on the real corpus.
 */
import * as OpenCC from 'opencc-js/cn2t';

type Convert = (text: string) => string;

let converter: Convert | undefined;

/**
 * The converter is built once, on first need: building its dictionaries takes about a
 * second, and text that is all traditional never needs it.
 */
function simplifiedToTaiwan(): Convert {
  return (converter ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
}

let big5Han: Set<string> | undefined;

/** The Han characters of Big5 level 1, decoded once with the platform's decoder. */
function traditionalCharacters(): Set<string> {
  if (big5Han) return big5Han;
  const decoder = new TextDecoder('big5');
  const set = new Set<string>();
  const pair = new Uint8Array(2);
  for (let lead = 0xa4; lead <= 0xc6; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail > 0x7e && trail < 0xa1) continue;
      pair[0] = lead;
      pair[1] = trail;
      const char = decoder.decode(pair);
      if (HAN_CHAR.test(char)) set.add(char);
    }
  }
  big5Han = set;
  return set;
}

const HAN_CHAR = /^\p{Script=Han}$/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Per-character verdicts, cached: the set of distinct characters in a catalogue is small. */
const simplifiedOnlyCache = new Map<string, boolean>();

/** True for a character only simplified text uses (not in Big5 level 1, and OpenCC converts it). */
export function isSimplifiedOnly(char: string): boolean {
  const cached = simplifiedOnlyCache.get(char);
  if (cached !== undefined) return cached;
  const verdict = !traditionalCharacters().has(char) && simplifiedToTaiwan()(char) !== char;
  simplifiedOnlyCache.set(char, verdict);
  return verdict;
}

function runIsSimplified(run: string): boolean {
  for (const char of run) {
    // Below U+3400 there are no Han ideographs a converter would touch.
    if (char.codePointAt(0)! >= 0x3400 && isSimplifiedOnly(char)) return true;
  }
  return false;
}

/**
 * Converts the simplified runs of `text` to Taiwan traditional forms and leaves every
 * other character as it is. Pure apart from the lazily built tables; never throws.
 */
export function simplifiedToTraditional(text: string): string {
  return text.replace(HAN_RUN, (run) => (runIsSimplified(run) ? simplifiedToTaiwan()(run) : run));
}

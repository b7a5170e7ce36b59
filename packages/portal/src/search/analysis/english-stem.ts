/**
 * Light English stemming for search: plurals only.
 *
 * Titles and keywords in a data catalogue are noun phrases, so plural forms are what
 * differ between a query and a title (station/stations, city/cities). Rules, applied to
 * lower-case ASCII-letter words of 4 or more letters, first match wins:
 *
 * | rule | example |
 * | --- | --- |
 * | word in KEEP (not plurals, or plurals whose stem collides) | news, series, species |
 * | -ies → -y (5+ letters; 4 letters drop the -s) | cities → city, ties → tie |
 * | -sses → -ss | classes → class, addresses → address |
 * | -ches, -shes, -xes, -zzes → drop -es | branches → branch, boxes → box, taxes → tax |
 * | -ss, -us, -is: unchanged | address, status, census, analysis |
 * | -s → drop | stations → station, datasets → dataset, areas → area, days → day |
 *
 * Stemming only has to be consistent (the index and the query use the same function), so
 * an odd stem for a rare word (atlas → atla would be harmless) matters less than never
 * merging two common words.
 *
 * No -ing or -ed stripping: in catalogue titles -ing words are mostly nouns whose meaning
 * differs from the verb (parking ≠ park: 停車場 vs 公園; building, housing, planning,
 * funding, zoning), and -ed forms are rare and would produce broken stems (licensed →
 * licens). Merging parking with park would put park datasets in parking results, so the
 * precision loss outweighs the recall gain.
 */

/** Words left as they are: not plurals, or plurals whose stem is another word. */
const KEEP = new Set([
  'news', // ≠ new
  'series',
  'species',
  'physics',
  'economics',
  'mathematics',
  'politics',
  'always',
  'perhaps',
  'whereas',
  'towards',
  'lens',
  'chaos',
  'atlas',
  'canvas',
  'bias',
  'alias',
]);

const ASCII_WORD = /^[a-z]+$/;

/** Returns the stem of one lower-case word; words that are not ASCII letters are unchanged. */
export function stemEnglishWord(word: string): string {
  if (word.length < 4 || !ASCII_WORD.test(word) || KEEP.has(word)) return word;
  if (word.endsWith('ies')) return word.length >= 5 ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:ch|sh|x|zz)es$/.test(word)) return word.slice(0, -2);
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

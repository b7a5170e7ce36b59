/**
 * The comparison key of a column name: NFKC (full-width → half-width), 臺 → 台, no
 * whitespace or brackets around units, lower case. `臺北市 人口數（人）` and
 * `台北市人口數(人)` get the same key.
 */
export function columnNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/臺/g, '台')
    .replace(/[\s_\-‐－]+/g, '')
    .toLowerCase();
}

import type { SaxesTagPlain } from 'saxes';
import { createPartParser, localName, parsePart } from './xlsx-part.ts';
import type { OpenZip, ZipEntryInfo } from './zip-entries.ts';

/**
 * Built-in number formats that show a date or time: 14–22 and 45–47 (ECMA-376 §18.8.30),
 * and the East Asian ones 27–36 and 50–58 (民國 `[$-404]e/m/d`, `yyyy"年"m"月"d"日"`,
 * `hh"時"mm"分"` …) a zh-TW Excel writes without declaring them.
 */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * A custom format code shows a date or time when, outside quoted text, `[…]` (colours,
 * locales, conditions), `\x` escapes, `_x`/`*x` padding and exponents (`E+`), it holds
 * d, m, y, h, s or e (the era year of 民國 formats).
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*].|E[+-]|General/gi, '');
  return /[dmyhse]/i.test(bare);
}

/** Which cell styles (`s`, an index into cellXfs) show numbers as dates. */
export interface CellStyles {
  isDate(style: number): boolean;
}

/** Reads xl/styles.xml: each cellXfs entry's numFmtId, and the custom numFmt codes. */
export async function readCellStyles(zip: OpenZip, info: ZipEntryInfo | undefined): Promise<CellStyles> {
  if (!info) return { isDate: () => false };
  const customDate = new Map<number, boolean>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  const parser = createPartParser(info.name);
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const a = tag.attributes as Record<string, string | undefined>;
    const name = localName(tag.name);
    if (name === 'numFmt') customDate.set(Number(a.numFmtId), isDateFormat(a.formatCode ?? ''));
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'xf' && inCellXfs) formatIds.push(Number(a.numFmtId ?? 0));
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (localName(tag.name) === 'cellXfs') inCellXfs = false;
  });
  await parsePart(zip, info, parser);
  const dates = formatIds.map((id) => customDate.get(id) ?? DATE_FORMAT_IDS.has(id));
  return { isDate: (style) => dates[style] ?? false };
}

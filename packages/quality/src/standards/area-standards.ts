import { COUNTIES } from './counties.ts';
import type { FieldStandard } from './field-standard.ts';

const CODES = new Set(COUNTIES.map((c) => c.code));
/** 臺 and 台 are both in everyday use; the code list is written with 臺. */
const fold = (name: string) => name.normalize('NFKC').trim().replace(/台/g, '臺');
const NAMES = new Set(COUNTIES.map((c) => c.name));

/** 縣市代碼: the 5-digit 內政部 county/city code. */
export const countyCode: FieldStandard = {
  id: 'county-code',
  title: { zh: '縣市代碼（內政部行政區域代碼）', en: 'County/city code (MOI administrative-area code)' },
  field: {
    name: 'countyCode',
    type: 'string',
    constraints: { pattern: '\\d{5}', enum: COUNTIES.map((c) => c.code) },
  },
  claimedBy: /^(縣市代碼|縣市代號|countycode|county_code)$/i,
  check: (value) => (CODES.has(value.trim()) ? undefined : 'not a county/city code'),
};

/** 縣市名稱: the full county/city name (臺北市, 新北市, …; 台 accepted for 臺). */
export const countyName: FieldStandard = {
  id: 'county-name',
  title: { zh: '縣市名稱（全名）', en: 'County/city name (full)' },
  field: { name: 'county', type: 'string', constraints: { enum: COUNTIES.map((c) => c.name) } },
  claimedBy: /^(縣市|縣市名稱|縣市別|county|countyname|city)$/i,
  check: (value) => (NAMES.has(fold(value)) ? undefined : 'not a full county/city name'),
};

/** 鄉鎮市區代碼: 8 digits, the county code followed by a 3-digit serial. */
export const townCode: FieldStandard = {
  id: 'town-code',
  title: {
    zh: '鄉鎮市區代碼（內政部行政區域代碼）',
    en: 'Township/district code (MOI administrative-area code)',
  },
  field: { name: 'townCode', type: 'string', constraints: { pattern: '\\d{8}' } },
  claimedBy: /^(鄉鎮市區代碼|鄉鎮代碼|towncode|town_code)$/i,
  check: (value) => {
    const v = value.trim();
    if (!/^\d{8}$/.test(v)) return 'not 8 digits';
    return CODES.has(v.slice(0, 5)) ? undefined : 'does not start with a county/city code';
  },
};

/** 鄉鎮市區名稱: a township/district name ending in 鄉, 鎮, 市 or 區. */
export const townName: FieldStandard = {
  id: 'town-name',
  title: { zh: '鄉鎮市區名稱', en: 'Township/district name' },
  field: { name: 'town', type: 'string', constraints: { pattern: '\\p{Script=Han}{1,4}[鄉鎮市區]' } },
  claimedBy: /^(鄉鎮|鄉鎮市區|鄉鎮市區名稱|行政區|town|district)$/i,
  check: (value) =>
    /^\p{Script=Han}{1,4}[鄉鎮市區]$/u.test(fold(value)) ? undefined : 'not a township/district name',
};

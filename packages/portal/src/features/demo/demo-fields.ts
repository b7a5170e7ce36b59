import { type FieldDescription } from '@odp/quality/metadata';
import type { FieldTemplate } from './demo-topics.ts';

/**
 * 主要欄位說明 of synthetic datasets: a field list the description already spells out
 * (臺南市's catalogue often does: 編號、調查日期、縣市別…), else a table shape that
 * fits the topic, in the standard's `name(中文名稱，說明)` form.
 */
const f = (name: string, title: string, description?: string, type?: string): FieldDescription => ({
  name,
  title,
  ...(description ? { description } : {}),
  ...(type ? { type } : {}),
});

const LONGITUDE = f('longitude', '經度', 'WGS84', 'number');
const LATITUDE = f('latitude', '緯度', 'WGS84', 'number');

export const FIELD_TEMPLATES: Record<FieldTemplate, readonly FieldDescription[]> = {
  observation: [
    f('station_id', '測站代碼', undefined, 'string'),
    f('station_name', '測站名稱', undefined, 'string'),
    f('county', '縣市', undefined, 'string'),
    f('obs_time', '觀測時間', 'YYYY-MM-DD hh:mm', 'datetime'),
    f('value', '觀測值', undefined, 'number'),
    f('unit', '單位', undefined, 'string'),
  ],
  airQuality: [
    f('site_name', '測站名稱', undefined, 'string'),
    f('county', '縣市', undefined, 'string'),
    f('aqi', '空氣品質指標', undefined, 'integer'),
    f('pm25', '細懸浮微粒', 'μg/m3', 'number'),
    f('status', '狀態', undefined, 'string'),
    f('publish_time', '資料發布時間', 'YYYY-MM-DD hh:mm', 'datetime'),
  ],
  facility: [
    f('name', '名稱', undefined, 'string'),
    f('district', '行政區', undefined, 'string'),
    f('address', '地址', undefined, 'string'),
    f('phone', '電話', undefined, 'string'),
    LONGITUDE,
    LATITUDE,
  ],
  transit: [
    f('route_id', '路線代碼', undefined, 'string'),
    f('route_name', '路線名稱', undefined, 'string'),
    f('stop_name', '站名', undefined, 'string'),
    f('sequence', '站序', undefined, 'integer'),
    LONGITUDE,
    LATITUDE,
  ],
  statistics: [
    f('year', '年度', '民國年', 'integer'),
    f('district', '區域別', undefined, 'string'),
    f('item', '項目', undefined, 'string'),
    f('value', '數值', undefined, 'number'),
    f('unit', '單位', undefined, 'string'),
  ],
  budget: [
    f('year', '年度', '民國年', 'integer'),
    f('month', '月份', undefined, 'integer'),
    f('account', '科目名稱', undefined, 'string'),
    f('budget', '預算數', '新臺幣元', 'integer'),
    f('actual', '實際數', '新臺幣元', 'integer'),
    f('rate', '執行率', '%', 'number'),
  ],
  announcement: [
    f('title', '標題', undefined, 'string'),
    f('publish_date', '發布日期', 'YYYY-MM-DD', 'date'),
    f('unit', '發布單位', undefined, 'string'),
    f('summary', '內容摘要', undefined, 'string'),
  ],
  register: [
    f('id', '編號', undefined, 'string'),
    f('name', '名稱', undefined, 'string'),
    f('category', '類別', undefined, 'string'),
    f('district', '行政區', undefined, 'string'),
    f('date', '登記日期', 'YYYY-MM-DD', 'date'),
  ],
  case: [
    f('id', '案件編號', undefined, 'string'),
    f('date', '發生日期', 'YYYY-MM-DD', 'date'),
    f('district', '行政區', undefined, 'string'),
    f('category', '類別', undefined, 'string'),
    f('count', '件數', undefined, 'integer'),
  ],
};

/** A description that is only a list of column names: 編號、調查日期、縣市別、區別… */
export function fieldsListedIn(description: string | null): FieldDescription[] | undefined {
  if (!description || /[。：:]/.test(description)) return undefined;
  const names = description.split(/[、，,]/).map((s) => s.trim());
  if (names.length < 3 || names.length > 40) return undefined;
  if (names.some((n) => n === '' || n.length > 15 || /[\s()（）]/.test(n))) return undefined;
  if (new Set(names).size !== names.length) return undefined;
  return names.map((name) => ({ name }));
}

export function demoFields(template: FieldTemplate, description: string | null): FieldDescription[] {
  return fieldsListedIn(description) ?? FIELD_TEMPLATES[template].map((x) => ({ ...x }));
}

export type ValueKind =
  | 'code'
  | 'name'
  | 'county'
  | 'district'
  | 'village'
  | 'address'
  | 'phone'
  | 'longitude'
  | 'latitude'
  | 'twd97x'
  | 'twd97y'
  | 'year'
  | 'month'
  | 'date'
  | 'datetime'
  | 'integer'
  | 'decimal'
  | 'percent'
  | 'aqi'
  | 'pm25'
  | 'unit'
  | 'item'
  | 'category'
  | 'status'
  | 'account'
  | 'title'
  | 'summary'
  | 'text';

const BY_NAME: Record<string, ValueKind> = {
  station_id: 'code',
  route_id: 'code',
  id: 'code',
  station_name: 'name',
  site_name: 'name',
  name: 'name',
  stop_name: 'name',
  route_name: 'name',
  county: 'county',
  district: 'district',
  address: 'address',
  phone: 'phone',
  longitude: 'longitude',
  latitude: 'latitude',
  year: 'year',
  month: 'month',
  date: 'date',
  publish_date: 'date',
  obs_time: 'datetime',
  publish_time: 'datetime',
  value: 'decimal',
  count: 'integer',
  sequence: 'integer',
  budget: 'integer',
  actual: 'integer',
  rate: 'percent',
  aqi: 'aqi',
  pm25: 'pm25',
  unit: 'unit',
  item: 'item',
  category: 'category',
  status: 'status',
  account: 'account',
  title: 'title',
  summary: 'summary',
};

/** Chinese column names, first match wins. */
const BY_WORD: readonly [RegExp, ValueKind][] = [
  [/X坐標|X座標|橫坐標/i, 'twd97x'],
  [/Y坐標|Y座標|縱坐標/i, 'twd97y'],
  [/經度/, 'longitude'],
  [/緯度/, 'latitude'],
  [/時間/, 'datetime'],
  [/日期|年月日/, 'date'],
  [/年度|年別/, 'year'],
  [/月份|月別/, 'month'],
  [/地址|住址|位置/, 'address'],
  [/電話|傳真/, 'phone'],
  [/縣市/, 'county'],
  [/里別|村里|里名/, 'village'],
  [/區別|行政區|鄉鎮|區域/, 'district'],
  [/率|比例|百分比/, 'percent'],
  [/數|量|額|金|指數|面積|長度|重量|價/, 'integer'],
  [/編號|代碼|代號|序號/, 'code'],
  [/名稱|站名|機構|單位/, 'name'],
  [/種類|類別|類型|項目|分類/, 'category'],
  [/狀態|情形/, 'status'],
];

export function valueKind(field: { name: string; title?: string | undefined }): ValueKind {
  const byName = BY_NAME[field.name];
  if (byName) return byName;
  const label = `${field.title ?? ''}${field.name}`;
  return BY_WORD.find(([re]) => re.test(label))?.[1] ?? 'text';
}

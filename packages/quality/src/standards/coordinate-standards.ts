import { TAIWAN_LAT_RANGE, TAIWAN_LON_RANGE } from '@odp/convert';
import type { FieldStandard } from './field-standard.ts';
import { schemaProblem } from './field-standard.ts';

const [minLat, maxLat] = TAIWAN_LAT_RANGE;
const [minLon, maxLon] = TAIWAN_LON_RANGE;

/** 緯度: WGS84 latitude in decimal degrees, inside Taiwan and its islands. */
export const wgs84Latitude: FieldStandard = {
  id: 'wgs84-latitude',
  title: { zh: '緯度（WGS84 十進位度數，臺灣範圍）', en: 'Latitude (WGS84 decimal degrees, in Taiwan)' },
  field: { name: 'latitude', type: 'number', constraints: { minimum: minLat, maximum: maxLat } },
  claimedBy: /^(緯度|lat|latitude|wgs84_?lat|y_?wgs84)$/i,
  check(value) {
    const problem = schemaProblem(this.field, value);
    if (problem && Number(value) >= minLon && Number(value) <= maxLon)
      return 'a longitude (lat/lon swapped?)';
    return problem ? `${problem} (Taiwan is ${minLat}–${maxLat})` : undefined;
  },
};

/** 經度: WGS84 longitude in decimal degrees, inside Taiwan and its islands. */
export const wgs84Longitude: FieldStandard = {
  id: 'wgs84-longitude',
  title: { zh: '經度（WGS84 十進位度數，臺灣範圍）', en: 'Longitude (WGS84 decimal degrees, in Taiwan)' },
  field: { name: 'longitude', type: 'number', constraints: { minimum: minLon, maximum: maxLon } },
  claimedBy: /^(經度|lon|lng|long|longitude|wgs84_?lon|x_?wgs84)$/i,
  check(value) {
    const problem = schemaProblem(this.field, value);
    if (problem && Number(value) >= minLat && Number(value) <= maxLat) return 'a latitude (lat/lon swapped?)';
    return problem ? `${problem} (Taiwan is ${minLon}–${maxLon})` : undefined;
  },
};

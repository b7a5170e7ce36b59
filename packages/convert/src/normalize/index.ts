/** Normalisers the conversion pipeline applies cell by cell, each counted in `NormalizeCounts`. */
export { parseRocDate, ROC_YEAR_OFFSET, MAX_ROC_YEAR, type RocDateOptions } from './roc-date.ts';
export { detectRocDateColumn, type RocDateColumnVerdict } from './roc-date-column.ts';
export { parseCompactGregorianDate } from './gregorian-date.ts';
export { formatIsoDate, formatIsoTime, isLeapYear } from './iso-date.ts';
export { toHalfWidth, hasFullWidth } from './width.ts';
export { trimCell } from './trim.ts';
export { NULL_TOKENS, isNullToken, nullIfNoValue } from './null-tokens.ts';
export {
  twd97ToWgs84,
  wgs84ToTwd97,
  TWD97_PROJ_STRINGS,
  type Twd97Zone,
  type Twd97Point,
  type LonLat,
} from './twd97.ts';
export {
  classifyCoordinatePair,
  parseCoordinate,
  TWD97_X_RANGE,
  TWD97_Y_RANGE,
  TAIWAN_LON_RANGE,
  TAIWAN_LAT_RANGE,
  type CoordinatePairKind,
} from './coordinate-pair.ts';
export { detectCoordinateColumns, headerKey, type CoordinateColumns } from './coordinate-columns.ts';
export { isSummaryRow } from './summary-rows.ts';
export {
  emptyNormalizeCounts,
  addNormalizeCounts,
  isUnchanged,
  type NormalizeCounts,
  type NormalizeCountName,
} from './normalize-counts.ts';

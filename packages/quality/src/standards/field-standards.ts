import { countyCode, countyName, townCode, townName } from './area-standards.ts';
import { businessNumber, phoneTw } from './contact-standards.ts';
import { wgs84Latitude, wgs84Longitude } from './coordinate-standards.ts';
import { isoDate, isoDateTime } from './date-standards.ts';
import type { FieldStandard } from './field-standard.ts';

/** The starter set of government field standards a column may claim. */
export const FIELD_STANDARDS: readonly FieldStandard[] = [
  isoDate,
  isoDateTime,
  wgs84Latitude,
  wgs84Longitude,
  countyCode,
  countyName,
  townCode,
  townName,
  phoneTw,
  businessNumber,
];

export function findFieldStandard(id: string): FieldStandard | undefined {
  return FIELD_STANDARDS.find((s) => s.id === id);
}

/** The standard a column claims by its name alone, if any. */
export function standardClaimedByName(column: string): FieldStandard | undefined {
  const name = column.normalize('NFKC').trim().replace(/\s+/g, '');
  return FIELD_STANDARDS.find((s) => s.claimedBy.test(name));
}

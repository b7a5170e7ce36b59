/**
 * Whose contact details a table holds, judged from its headers.
 *
 * - A list of places or organisations has a column naming a facility, agency or company
 *   (收容所名稱, 機關名稱, 公司名稱, station, …): its addresses are the places', its
 *   named people their public contacts, its phones and e-mails usually the places' own.
 * - An agency contact column (the national metadata standard's publisherContactEmail,
 *   organizationContactPhone, 提供機關聯絡人電子郵件, …) holds the agency's published contact
 *   for a dataset, which is metadata rather than personal data of the public.
 */

export const FACILITY_HEADER =
  /((名稱|機關|機構|場所|設施|公司|商號|學校|站名|店名)|\b(facility|agency|organi[sz]ation|company|station|shop|store|school|site)( name)?)$/i;

export const AGENCY_CONTACT_HEADER =
  /(publisher|organi[sz]ation|agency|provider) ?contact|(機關|單位)(聯絡|連絡)/i;

export function isFacilityTable(columns: readonly string[]): boolean {
  return columns.some((c) => FACILITY_HEADER.test(c.trim()));
}

export function isAgencyContactColumn(column: string): boolean {
  return AGENCY_CONTACT_HEADER.test(column.trim());
}

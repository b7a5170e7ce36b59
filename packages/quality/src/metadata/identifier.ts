/** 資料集編號 `機關代碼-流水號`, e.g. A41000000G-000001. */
export const DATASET_IDENTIFIER_PATTERN = /^[A-Za-z0-9_]{10}-[A-Za-z0-9_]{6}$/;
/** 資料資源編號 `資料集編號-NNN`, e.g. A41000000G-000001-001. */
export const RESOURCE_ID_PATTERN = /^[A-Za-z0-9_]{10}-[A-Za-z0-9_]{6}-\d{3}$/;
/** 機關代碼: the 10-character agency code. */
export const AGENCY_CODE_PATTERN = /^[A-Za-z0-9_]{10}$/;
/** publisherOID, e.g. 2.16.886.101.20003.20082. */
export const OID_PATTERN = /^\d+(\.\d+)+$/;

export function datasetIdentifier(agencyCode: string, serial: number): string {
  return `${agencyCode}-${String(serial).padStart(6, '0')}`;
}

export function resourceId(identifier: string, seq: number): string {
  return `${identifier}-${String(seq).padStart(3, '0')}`;
}

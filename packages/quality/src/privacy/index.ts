/** The privacy guard (PRODUCT.md C12): find and mask personal data in a table. */
export { completeIdentity, identityKind, ID_LETTER_CODES, type IdentityKind } from './taiwan-id.ts';
export {
  findPersonalPatterns,
  PERSONAL_DATA_KINDS,
  type PatternMatch,
  type PersonalDataKind,
} from './personal-patterns.ts';
export { looksLikeAddress, looksLikePersonalName, splitPersonalName } from './personal-names.ts';
export { maskEmail, maskIdentity, maskMobile, maskName } from './mask-values.ts';
export {
  PrivacyScan,
  scanRows,
  scanTable,
  type PersonalDataCell,
  type PlainTable,
  type PrivacyFinding,
  type PrivacyPlacement,
  type PrivacyReport,
  type PrivacyScanOptions,
  type PrivacySeverity,
} from './privacy-scan.ts';
export { maskPersonalData, personalDataMasker } from './privacy-mask.ts';
export { maskEvidence } from './mask-evidence.ts';

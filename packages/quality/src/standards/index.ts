export { FIELD_STANDARDS, findFieldStandard, standardClaimedByName } from './field-standards.ts';
export { isValidBusinessNumber } from './contact-standards.ts';
export { COUNTIES } from './counties.ts';
export { schemaProblem, type FieldStandard, type TableSchemaField } from './field-standard.ts';

import { DATASET_IDENTIFIER_PATTERN, RESOURCE_ID_PATTERN } from './identifier.ts';
import { parseUpdateFrequency } from './update-frequency.ts';
import { CATEGORY_CODES } from './vocabularies/categories.ts';
import { COSTS, DATASET_TYPES } from './vocabularies/dataset-terms.ts';
import { FORMATS } from './vocabularies/formats.ts';
import { findLicence } from './vocabularies/licences.ts';

/** One way a metadata record breaks the national standard, keyed by the field's standard name. */
export interface RecordProblem {
  field: string;
  code: 'missing' | 'invalid' | 'too_long' | 'not_in_vocabulary' | 'future_date';
  message: string;
}

type RecordLike = Record<string, unknown>;

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/;

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Checks one record; `now` bounds dates (nothing published may be dated in the future). */
export function recordProblems(record: RecordLike, now: Date): RecordProblem[] {
  const problems: RecordProblem[] = [];
  const add = (field: string, code: RecordProblem['code'], message: string) =>
    problems.push({ field, code, message });
  const required = (field: string, record_: RecordLike = record, prefix = ''): string => {
    const value = text(record_[field]);
    if (value === '') add(prefix + field, 'missing', `${prefix + field} is required`);
    return value;
  };
  const maxLength = (field: string, value: string, max: number) => {
    if ([...value].length > max)
      add(field, 'too_long', `${field} has ${[...value].length} characters (at most ${max})`);
  };
  const emails = (field: string, value: string) => {
    if (value === '') return;
    const bad = value.split(/[,;、\s]+/).filter((e) => e !== '' && !EMAIL.test(e));
    if (bad.length > 0) add(field, 'invalid', `${field} has invalid e-mail addresses: ${bad.join(', ')}`);
  };
  const url = (field: string, value: string) => {
    if (value !== '' && !isUrl(value)) add(field, 'invalid', `${field} is not an http(s) URL: ${value}`);
  };
  const date = (field: string, value: unknown) => {
    const v = text(value);
    if (v === '') return;
    const m = DATE.exec(v);
    const parsed = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) : undefined;
    if (!m || !parsed || Number.isNaN(parsed.getTime()) || parsed.getUTCDate() !== Number(m[3])) {
      add(field, 'invalid', `${field} is not a date (YYYY-MM-DD): ${v}`);
    } else if (parsed.getTime() > now.getTime() + 86_400_000) {
      add(field, 'future_date', `${field} is in the future: ${v}`);
    }
  };

  const category = required('categoryCode');
  if (category && !CATEGORY_CODES.includes(category))
    add('categoryCode', 'not_in_vocabulary', `unknown 服務分類 ${category}`);
  const identifier = required('identifier');
  if (identifier && !DATASET_IDENTIFIER_PATTERN.test(identifier))
    add('identifier', 'invalid', `identifier must look like A41000000G-000001: ${identifier}`);
  maxLength('title', required('title'), 255);
  maxLength('description', required('description'), 500);
  maxLength('fieldDescription', required('fieldDescription'), 255);
  const type = required('type');
  if (type && !(DATASET_TYPES as readonly string[]).includes(type))
    add('type', 'not_in_vocabulary', `type must be one of ${DATASET_TYPES.join(', ')}`);
  const licence = required('license');
  if (licence && !findLicence(licence)) add('license', 'not_in_vocabulary', `unknown licence ${licence}`);
  url('licenseURL', required('licenseURL'));
  const cost = required('cost');
  if (cost && !(COSTS as readonly string[]).includes(cost))
    add('cost', 'not_in_vocabulary', `cost must be 免費 or 付費`);
  if (cost === '付費') {
    url('costURL', required('costURL'));
    required('costLaw');
  }
  required('organization');
  required('organizationContactName');
  required('organizationContactPhone');
  emails('organizationContactEmail', required('organizationContactEmail'));
  required('publisher');
  required('publisherContactName');
  required('publisherContactPhone');
  emails('publisherContactEmail', required('publisherContactEmail'));
  const frequency = required('accrualPeriodicity');
  if (frequency && !parseUpdateFrequency(frequency))
    add('accrualPeriodicity', 'invalid', `更新頻率 must read like 每1日, 即時 or 不定期: ${frequency}`);
  for (const field of ['temporalCoverageFrom', 'temporalCoverageTo', 'issued', 'modified'])
    date(field, record[field]);
  url('landingPage', text(record['landingPage']));

  const distribution = Array.isArray(record['distribution']) ? (record['distribution'] as RecordLike[]) : [];
  if (distribution.length === 0) add('distribution', 'missing', 'a dataset needs at least one resource');
  distribution.forEach((resource, i) => {
    const prefix = `distribution[${i}].`;
    const id = required('resourceID', resource, prefix);
    if (id && identifier && !(RESOURCE_ID_PATTERN.test(id) && id.startsWith(`${identifier}-`)))
      add(`${prefix}resourceID`, 'invalid', `resourceID must be ${identifier}-NNN: ${id}`);
    maxLength(`${prefix}resourceDescription`, required('resourceDescription', resource, prefix), 500);
    const format = required('format', resource, prefix).toUpperCase();
    if (format && !(FORMATS as readonly string[]).includes(format))
      add(`${prefix}format`, 'not_in_vocabulary', `unknown 檔案格式 ${format}`);
    required('characterSetCode', resource, prefix);
    const access = text(resource['accessURL']);
    const download = text(resource['downloadURL']);
    if (access === '' && download === '')
      add(`${prefix}downloadURL`, 'missing', 'a resource needs a downloadURL or an accessURL');
    url(`${prefix}accessURL`, access);
    url(`${prefix}downloadURL`, download);
    date(`${prefix}resourceModified`, resource['resourceModified']);
  });
  return problems;
}

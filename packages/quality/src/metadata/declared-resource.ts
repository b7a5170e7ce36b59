import type { DeclaredField, DeclaredResource } from '../checks/check-context.ts';
import { parseFieldDescription } from './field-description.ts';

type RecordLike = Record<string, unknown>;

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/** The distribution of `record` whose download or access URL (or resourceID) is `key`. */
export function findDistribution(record: RecordLike, key: string): RecordLike | undefined {
  const list = Array.isArray(record['distribution']) ? (record['distribution'] as RecordLike[]) : [];
  return list.find((d) => d['downloadURL'] === key || d['accessURL'] === key || d['resourceID'] === key);
}

/**
 * What a metadata record (national standard field names) declares about one of its
 * resources: format, encoding, fields (resourceField, else 主要欄位說明), 更新頻率, OAS.
 * SERVICES datasets and API resources are checked as APIs.
 */
export function declaredFromRecord(record: RecordLike, resource: RecordLike | undefined): DeclaredResource {
  const format = text(resource?.['format']);
  const resourceFields = Array.isArray(resource?.['resourceField'])
    ? (resource['resourceField'] as RecordLike[])
    : [];
  const fields: DeclaredField[] =
    resourceFields.length > 0
      ? resourceFields
          .map((f) => ({
            name: text(f['name']) ?? '',
            ...(text(f['description']) ? { description: text(f['description'])! } : {}),
          }))
          .filter((f) => f.name !== '')
      : parseFieldDescription(text(record['fieldDescription']) ?? '').map((f) => ({
          name: f.name,
          ...(f.title ? { title: f.title } : {}),
          ...(f.description ? { description: f.description } : {}),
          ...(f.standard ? { standard: f.standard } : {}),
        }));
  const api =
    record['type'] === 'SERVICES' ||
    format?.toUpperCase() === 'API' ||
    format?.toUpperCase() === 'WEBSERVICES';
  const encoding = text(resource?.['characterSetCode']);
  const frequency = text(record['accrualPeriodicity']);
  const oas = text(resource?.['resourceOasUrl']);
  return {
    kind: api ? 'api' : 'file',
    ...(format ? { format } : {}),
    ...(encoding ? { encoding } : {}),
    fields,
    ...(frequency ? { accrualPeriodicity: frequency } : {}),
    ...(oas ? { oasUrl: oas } : {}),
  };
}

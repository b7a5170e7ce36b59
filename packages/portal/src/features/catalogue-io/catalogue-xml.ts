import { XMLBuilder } from 'fast-xml-parser';
import type { CatalogueJsonRecord } from './catalogue-json.ts';

/**
 * The XML export: the JSON export's records as `<datasets><dataset>…</dataset></datasets>`.
 * Each resource is a `<distribution>` element and each keyword a `<keyword>`; absent
 * values are left out. Request and path parameters (free-form objects) are written as
 * JSON text. Characters XML 1.0 cannot hold (control characters) are dropped.
 */
const builder = new XMLBuilder({
  format: true,
  indentBy: '  ',
  processEntities: true,
  suppressEmptyNode: false,
});

// eslint-disable-next-line no-control-regex
const NOT_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xmlValue(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(NOT_XML_CHARS, '');
  if (Array.isArray(value)) return value.map(xmlValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, xmlValue(v)]),
    );
  }
  return value;
}

function xmlRecord(record: CatalogueJsonRecord): unknown {
  return xmlValue({
    ...record,
    distribution: record.distribution.map((r) => ({
      ...r,
      resourceRequestParameters: r.resourceRequestParameters
        ? JSON.stringify(r.resourceRequestParameters)
        : null,
      resourcePathParameters: r.resourcePathParameters ? JSON.stringify(r.resourcePathParameters) : null,
    })),
  });
}

export function catalogueXml(records: readonly CatalogueJsonRecord[]): string {
  const body = builder.build({ datasets: { dataset: records.map(xmlRecord) } }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${records.length === 0 ? '<datasets></datasets>\n' : body}`;
}

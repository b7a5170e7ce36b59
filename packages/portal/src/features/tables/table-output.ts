import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../errors/app-error.ts';
import { coordinateFields, type TableField } from './table-fields.ts';

/** A page of rows as CSV (UTF-8, header row), XML and GeoJSON: the data API's other outputs. */

export function rowsAsCsv(
  fields: readonly TableField[],
  records: readonly Record<string, unknown>[],
): string {
  return stringify([fields.map((f) => f.name), ...records.map((r) => fields.map((f) => r[f.name] ?? ''))], {
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
}

const escapeXml = (text: string): string =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** XML 1.0 forbids these characters even escaped. */
const xmlText = (value: unknown): string =>
  // eslint-disable-next-line no-control-regex
  escapeXml(String(value)).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** `<records total truncated><record><field name="…">value</field>…</record>…</records>`: any column name fits. */
export function rowsAsXml(
  fields: readonly TableField[],
  records: readonly Record<string, unknown>[],
  meta: { total: number; truncated: boolean },
): string {
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<records total="${meta.total}" truncated="${meta.truncated}">`,
  ];
  for (const record of records) {
    lines.push(
      `  <record>${fields
        .map((f) => {
          const value = record[f.name];
          return value === null || value === undefined
            ? `<field name="${xmlText(f.name)}" null="true"/>`
            : `<field name="${xmlText(f.name)}">${xmlText(value)}</field>`;
        })
        .join('')}</record>`,
    );
  }
  lines.push('</records>', '');
  return lines.join('\n');
}

export interface GeoJsonCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: Record<string, unknown>;
  }[];
  /** Matching rows, and whether the row cap cut the collection (foreign members). */
  total: number;
  truncated: boolean;
}

/** The coordinate pair of a table, or TABLE_NOT_GEOGRAPHIC. */
export function requireCoordinates(
  fields: readonly TableField[],
  resourceId: string,
): { lon: TableField; lat: TableField } {
  const pair = coordinateFields(fields);
  if (!pair) {
    throw new AppError(
      'TABLE_NOT_GEOGRAPHIC',
      `Resource ${resourceId} has no longitude/latitude columns (WGS84, or TWD97 X/Y converted) to draw as points`,
      { fields: fields.map((f) => f.name) },
    );
  }
  return pair;
}

/** Rows with both coordinates as GeoJSON points; every other column is a property. */
export function rowsAsGeoJson(
  pair: { lon: TableField; lat: TableField },
  fields: readonly TableField[],
  records: readonly Record<string, unknown>[],
  meta: { total: number; truncated: boolean },
): GeoJsonCollection {
  const features = records.flatMap((record) => {
    const lon = record[pair.lon.name];
    const lat = record[pair.lat.name];
    if (typeof lon !== 'number' || typeof lat !== 'number') return [];
    const properties = Object.fromEntries(
      fields.filter((f) => f !== pair.lon && f !== pair.lat).map((f) => [f.name, record[f.name] ?? null]),
    );
    return [
      {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [lon, lat] as [number, number] },
        properties,
      },
    ];
  });
  return { type: 'FeatureCollection', features, total: meta.total, truncated: meta.truncated };
}

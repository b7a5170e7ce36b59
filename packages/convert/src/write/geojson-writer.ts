import type { Writable } from 'node:stream';
import { TextOutput, type CellValue, type SinkColumn, type TableSink } from './table-sink.ts';

export interface GeoJsonWriterOptions {
  /** Indexes of the WGS84 longitude and latitude columns. */
  lon: number;
  lat: number;
}

function coordinate(value: CellValue): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A GeoJSON FeatureCollection of points (RFC 7946: [lon, lat], WGS84); every other
 * column becomes a property. Rows without both coordinates get a null geometry.
 */
export function createGeoJsonWriter(
  out: Writable,
  columns: readonly SinkColumn[],
  options: GeoJsonWriterOptions,
): TableSink {
  const output = new TextOutput(out);
  let count = 0;
  return {
    async write(row) {
      const lon = coordinate(row[options.lon] ?? null);
      const lat = coordinate(row[options.lat] ?? null);
      const properties: Record<string, CellValue> = {};
      columns.forEach((c, i) => {
        if (i !== options.lon && i !== options.lat) properties[c.name] = row[i] ?? null;
      });
      const feature = {
        type: 'Feature',
        geometry: lon !== undefined && lat !== undefined ? { type: 'Point', coordinates: [lon, lat] } : null,
        properties,
      };
      const head = count === 0 ? '{"type":"FeatureCollection","features":[\n' : ',\n';
      await output.write(head + JSON.stringify(feature));
      count++;
    },
    async end() {
      await output.write(count === 0 ? '{"type":"FeatureCollection","features":[]}\n' : '\n]}\n');
      await output.flush();
    },
  };
}

import type { Writable } from 'node:stream';
import type { CellValue, SinkColumn, TableSink } from './table-sink.ts';
import type { TextFormat } from './text-format.ts';
import { createTextWriter } from './text-writer.ts';

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
export function geoJsonFormat(columns: readonly SinkColumn[], options: GeoJsonWriterOptions): TextFormat {
  const row = (cells: readonly CellValue[]): string => {
    const lon = coordinate(cells[options.lon] ?? null);
    const lat = coordinate(cells[options.lat] ?? null);
    const properties: Record<string, CellValue> = {};
    columns.forEach((c, i) => {
      if (i !== options.lon && i !== options.lat) properties[c.name] = cells[i] ?? null;
    });
    return JSON.stringify({
      type: 'Feature',
      geometry: lon !== undefined && lat !== undefined ? { type: 'Point', coordinates: [lon, lat] } : null,
      properties,
    });
  };
  return {
    begin: '{"type":"FeatureCollection","features":[\n',
    separator: ',\n',
    row,
    end: '\n]}\n',
    empty: '{"type":"FeatureCollection","features":[]}\n',
  };
}

/** The GeoJSON of geoJsonFormat, streamed. */
export function createGeoJsonWriter(
  out: Writable,
  columns: readonly SinkColumn[],
  options: GeoJsonWriterOptions,
): TableSink {
  return createTextWriter(out, geoJsonFormat(columns, options));
}

import type { TableColumn } from '../delimited/header.ts';
import type { InferredColumnType } from '../infer/column-type.ts';
import { classifyCoordinatePair, parseCoordinate } from '../normalize/coordinate-pair.ts';
import { detectCoordinateColumns } from '../normalize/coordinate-columns.ts';
import { parseCompactGregorianDate } from '../normalize/gregorian-date.ts';
import type { NormalizeCounts } from '../normalize/normalize-counts.ts';
import { isNullToken } from '../normalize/null-tokens.ts';
import { parseRocDate } from '../normalize/roc-date.ts';
import { trimCell } from '../normalize/trim.ts';
import { twd97ToWgs84 } from '../normalize/twd97.ts';
import { hasFullWidth, toHalfWidth } from '../normalize/width.ts';
import type { CellValue } from '../write/table-sink.ts';

/** What the converter does to each column, decided after reading the whole file once. */
export interface PlannedColumn extends TableColumn {
  inferred: InferredColumnType;
}

export interface ColumnPlan {
  columns: PlannedColumn[];
  /** Output column names: the input's, plus longitude/latitude when TWD97 X/Y were converted. */
  output: TableColumn[];
  /** Indexes of WGS84 longitude/latitude in the output (for GeoJSON), when there are any. */
  lonLat: { lon: number; lat: number } | undefined;
  /** Turns one input record into output cells (text for CSV/XML, typed for JSON). */
  convert(cells: readonly string[], counts: NormalizeCounts): { text: (string | null)[]; typed: CellValue[] };
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const NUMERIC_TYPES = new Set(['integer', 'decimal', 'coordinate']);

function typedValue(text: string, inferred: InferredColumnType): CellValue {
  if (NUMERIC_TYPES.has(inferred.type)) {
    const n = Number(text.replace(/,/g, ''));
    return Number.isFinite(n) ? n : text;
  }
  if (inferred.type === 'boolean') {
    const t = text.toLowerCase();
    if (['true', 't', 'y', 'yes', '是', '1'].includes(t)) return true;
    if (['false', 'f', 'n', 'no', '否', '0'].includes(t)) return false;
  }
  return text;
}

export interface PlanOptions {
  /** Apply the normalisers (ROC dates, widths, null tokens, trimming, TWD97 → WGS84). */
  normalize: boolean;
}

export function planColumns(columns: PlannedColumn[], options: PlanOptions): ColumnPlan {
  const coordinates = detectCoordinateColumns(columns.map((c) => c.name));
  const projected = coordinates?.system === 'projected' && options.normalize ? coordinates : undefined;
  const output: TableColumn[] = columns.map(({ name, description }) => ({
    name,
    ...(description === undefined ? {} : { description }),
  }));
  let lonLat: ColumnPlan['lonLat'];
  if (projected) {
    output.push({ name: 'longitude', description: 'WGS84 經度 (TWD97 TM2 converted)' });
    output.push({ name: 'latitude', description: 'WGS84 緯度 (TWD97 TM2 converted)' });
    lonLat = { lon: output.length - 2, lat: output.length - 1 };
  } else if (coordinates?.system === 'geographic') {
    lonLat = { lon: coordinates.x, lat: coordinates.y };
  }

  function cell(raw: string | undefined, column: PlannedColumn, counts: NormalizeCounts): string | null {
    if (raw === undefined) return null;
    if (!options.normalize) return raw === '' ? null : raw;
    let text = trimCell(raw);
    if (text !== raw) counts.trimmed++;
    if (isNullToken(text)) {
      if (text !== '') counts.nulls++;
      return null;
    }
    // Widths: always in typed columns; in text only where no CJK prose would change.
    if (hasFullWidth(text) && (column.inferred.type !== 'string' || !CJK.test(text))) {
      text = toHalfWidth(text);
      counts.fullWidth++;
    }
    if (column.inferred.type === 'roc-date') {
      const iso = parseRocDate(text, { sixDigit: true });
      if (iso !== null) {
        counts.rocDates++;
        return iso;
      }
    } else if (column.inferred.type === 'date') {
      const iso = parseCompactGregorianDate(text);
      if (iso !== null) return iso;
    }
    return text;
  }

  return {
    columns,
    output,
    lonLat,
    convert(cells, counts) {
      const text = columns.map((column, i) => cell(cells[i], column, counts));
      const typed: CellValue[] = text.map((t, i) =>
        t === null ? null : typedValue(t, columns[i]!.inferred),
      );
      if (projected) {
        const x = parseCoordinate(text[projected.x] ?? null);
        const y = parseCoordinate(text[projected.y] ?? null);
        const kind = x !== null && y !== null ? classifyCoordinatePair(x, y) : undefined;
        const point =
          kind === 'twd97' ? twd97ToWgs84(x!, y!) : kind === 'twd97-swapped' ? twd97ToWgs84(y!, x!) : null;
        if (point) counts.coordinates++;
        const lon = point ? Number(point.lon.toFixed(7)) : null;
        const lat = point ? Number(point.lat.toFixed(7)) : null;
        text.push(lon === null ? null : String(lon), lat === null ? null : String(lat));
        typed.push(lon, lat);
      }
      return { text, typed };
    },
  };
}

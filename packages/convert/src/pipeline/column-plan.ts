import type { TableColumn } from '../delimited/header.ts';
import type { ColumnTextFacts, InferredColumnType } from '../infer/column-type.ts';
import { FULL_WIDTH, HAS_CJK, NEEDS_TRIM, scanCell } from '../normalize/cell-scan.ts';
import { parseCoordinate } from '../normalize/coordinate-pair.ts';
import { detectCoordinateColumns } from '../normalize/coordinate-columns.ts';
import { parseCompactGregorianDate } from '../normalize/gregorian-date.ts';
import type { NormalizeCounts } from '../normalize/normalize-counts.ts';
import { isTrimmedNullToken } from '../normalize/null-tokens.ts';
import { parseRocDate } from '../normalize/roc-date.ts';
import { trimCell } from '../normalize/trim.ts';
import { wgs84OfTwd97Pair } from '../normalize/twd97-pair.ts';
import { toHalfWidth } from '../normalize/width.ts';
import type { CellValue } from '../write/table-sink.ts';

/** What the converter does to each column, decided after reading the whole file once. */
export interface PlannedColumn extends TableColumn {
  inferred: InferredColumnType;
  /** What pass 1 saw of the column's text; without it every cell is scanned. */
  facts?: ColumnTextFacts;
}

export interface ColumnPlan {
  columns: PlannedColumn[];
  /** Output column names: the input's, plus longitude/latitude when TWD97 X/Y were converted. */
  output: TableColumn[];
  /** Indexes of WGS84 longitude/latitude in the output (for GeoJSON), when there are any. */
  lonLat: { lon: number; lat: number } | undefined;
  /** Turns one input record into output cells (text for CSV/XML, typed for JSON). */
  convert(cells: readonly string[], counts: NormalizeCounts): { text: (string | null)[]; typed: CellValue[] };
  /** The text cells only (CSV, XML): half the work of `convert`. */
  convertText(cells: readonly string[], counts: NormalizeCounts): (string | null)[];
  /** The typed cells only (JSON and the rest). */
  convertTyped(cells: readonly string[], counts: NormalizeCounts): CellValue[];
}

type Typer = (text: string) => CellValue;

const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 't', 'y', 'yes', '是', '1']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'f', 'n', 'no', '否', '0']);

const asText: Typer = (text) => text;
const asNumber: Typer = (text) => {
  const n = Number(text.includes(',') ? text.replace(/,/g, '') : text);
  return Number.isFinite(n) ? n : text;
};
const asBoolean: Typer = (text) => {
  const t = text.toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return text;
};

/** How a column's (normalised) text becomes a typed JSON value. */
function typerFor(inferred: InferredColumnType): Typer {
  switch (inferred.type) {
    case 'integer':
    case 'decimal':
    case 'coordinate':
      return asNumber;
    case 'boolean':
      return asBoolean;
    default:
      return asText;
  }
}

export interface PlanOptions {
  /** Apply the normalisers (ROC dates, widths, null tokens, trimming, TWD97 → WGS84). */
  normalize: boolean;
}

type CellNormalizer = (raw: string | undefined, counts: NormalizeCounts) => string | null;

const keepRaw: CellNormalizer = (raw) => (raw === undefined || raw === '' ? null : raw);

/**
 * The normaliser of one column, with only the steps its type and pass 1 allow: a column
 * where no cell needed trimming or width folding skips the character scan altogether.
 */
function cellNormalizer(column: PlannedColumn): CellNormalizer {
  const type = column.inferred.type;
  const scan = (column.facts?.trims ?? true) || (column.facts?.fullWidth ?? true);
  return (raw, counts) => {
    if (raw === undefined) return null;
    let text = raw;
    let flags = scan ? scanCell(raw) : 0;
    if (flags & NEEDS_TRIM) {
      text = trimCell(raw);
      if (text !== raw) {
        counts.trimmed++;
        if (flags & FULL_WIDTH) flags = scanCell(text);
      }
    }
    if (isTrimmedNullToken(text)) {
      if (text !== '') counts.nulls++;
      return null;
    }
    // Widths: always in typed columns; in text only where no CJK prose would change.
    if (flags & FULL_WIDTH && (type !== 'string' || !(flags & HAS_CJK))) {
      text = toHalfWidth(text);
      counts.fullWidth++;
    }
    if (type === 'roc-date') {
      const iso = parseRocDate(text, { sixDigit: true });
      if (iso !== null) {
        counts.rocDates++;
        return iso;
      }
    } else if (type === 'date') {
      const iso = parseCompactGregorianDate(text);
      if (iso !== null) return iso;
    }
    return text;
  };
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
  const normalizers = columns.map((column) => (options.normalize ? cellNormalizer(column) : keepRaw));
  const typers = columns.map((column) => typerFor(column.inferred));
  const width = columns.length;

  function row(cells: readonly string[], counts: NormalizeCounts, typed: boolean): CellValue[] {
    const out: CellValue[] = new Array<CellValue>(projected ? width + 2 : width);
    let x: string | null = null;
    let y: string | null = null;
    for (let i = 0; i < width; i++) {
      const text = normalizers[i]!(cells[i], counts);
      if (projected) {
        if (i === projected.x) x = text;
        if (i === projected.y) y = text;
      }
      out[i] = typed && text !== null ? typers[i]!(text) : text;
    }
    if (projected) {
      const [lon, lat] = wgs84OfTwd97Pair(parseCoordinate(x), parseCoordinate(y), counts);
      out[width] = typed || lon === null ? lon : String(lon);
      out[width + 1] = typed || lat === null ? lat : String(lat);
    }
    return out;
  }

  return {
    columns,
    output,
    lonLat,
    convertText: (cells, counts) => row(cells, counts, false) as (string | null)[],
    convertTyped: (cells, counts) => row(cells, counts, true),
    convert(cells, counts) {
      const text = row(cells, counts, false) as (string | null)[];
      const typed = text.map((t, i): CellValue => {
        if (t === null) return null;
        return i < width ? typers[i]!(t) : Number(t);
      });
      return { text, typed };
    },
  };
}

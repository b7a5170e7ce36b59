import { ByteWriter, ParquetWriter, type ColumnSource } from 'hyparquet-writer';
import type { Writable } from 'node:stream';
import type { InferredColumnType } from '../infer/column-type.ts';
import type { CellValue, SinkColumn, TableSink } from './table-sink.ts';

/** The Parquet physical type a column is written as. */
export type ParquetColumnType = 'INT64' | 'DOUBLE' | 'BOOLEAN' | 'STRING';

/** Rows buffered per row group: the writer's memory is about this many rows, whatever the file size. */
export const PARQUET_ROW_GROUP_ROWS = 50_000;

/**
 * The Parquet type of an inferred column: integers as INT64 when every value has at most
 * 15 characters (so below 2^53 and exact as a JavaScript number), else DOUBLE; decimals
 * and coordinates DOUBLE; booleans BOOLEAN; everything else (dates included) UTF-8 text.
 */
export function parquetTypeFor(inferred: Pick<InferredColumnType, 'type' | 'maxLength'>): ParquetColumnType {
  switch (inferred.type) {
    case 'integer':
      return inferred.maxLength <= 15 ? 'INT64' : 'DOUBLE';
    case 'decimal':
    case 'coordinate':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    default:
      return 'STRING';
  }
}

type ParquetValue = string | number | bigint | boolean | null;

/** A cell as the column's type; a value that does not fit (a total row's text in a number column) is null. */
function parquetValue(value: CellValue, type: ParquetColumnType): ParquetValue {
  if (value === null) return null;
  if (type === 'STRING') return String(value);
  if (type === 'BOOLEAN') return typeof value === 'boolean' ? value : null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  if (type === 'DOUBLE') return n;
  return Number.isSafeInteger(n) ? BigInt(n) : null;
}

/** A hyparquet ByteWriter that hands its bytes to `out` after every row group. */
function streamWriter(out: Writable): ByteWriter {
  const writer = new ByteWriter();
  const drain = async (): Promise<void> => {
    if (writer.index === 0) return;
    const bytes = Buffer.from(writer.buffer.slice(0, writer.index));
    writer.index = 0;
    if (!out.write(bytes)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  Object.assign(writer, { flush: drain, finish: drain });
  return writer;
}

/**
 * Apache Parquet through hyparquet-writer's incremental ParquetWriter: rows are buffered
 * column-wise and written as a row group every PARQUET_ROW_GROUP_ROWS rows, so memory is
 * bounded by one row group (plus the file's footer metadata), not by the table. Every
 * column is OPTIONAL (nulls stay nulls); snappy-compressed.
 */
export function createParquetWriter(
  out: Writable,
  columns: readonly SinkColumn[],
  types: readonly ParquetColumnType[],
  rowGroupRows = PARQUET_ROW_GROUP_ROWS,
): TableSink {
  const writer = streamWriter(out);
  const kinds = columns.map((_, i) => types[i] ?? 'STRING');
  const parquet = new ParquetWriter({
    writer,
    schema: [
      { name: 'root', num_children: columns.length },
      ...columns.map((c, i) =>
        kinds[i] === 'STRING'
          ? {
              name: c.name,
              type: 'BYTE_ARRAY' as const,
              converted_type: 'UTF8' as const,
              repetition_type: 'OPTIONAL' as const,
            }
          : { name: c.name, type: kinds[i]!, repetition_type: 'OPTIONAL' as const },
      ),
    ],
    createdBy: 'odp-convert',
  });
  let buffered: ParquetValue[][] = columns.map(() => []);
  let rows = 0;

  const flush = async (): Promise<void> => {
    if (rows === 0) return;
    const columnData: ColumnSource[] = columns.map((c, i) => ({ name: c.name, data: buffered[i]! }));
    buffered = columns.map(() => []);
    rows = 0;
    await parquet.write({ columnData, rowGroupSize: Number.MAX_SAFE_INTEGER });
  };

  return {
    async write(row) {
      kinds.forEach((type, i) => buffered[i]!.push(parquetValue(row[i] ?? null, type)));
      if (++rows >= rowGroupRows) await flush();
    },
    async end() {
      await flush();
      await parquet.finish();
    },
  };
}

import path from 'node:path';
import { ConvertError } from '../errors/convert-error.ts';

/** The formats odp-convert writes today. */
export const OUTPUT_FORMATS = ['csv', 'json', 'ndjson', 'xml', 'geojson', 'xlsx', 'parquet'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const BY_EXTENSION: Record<string, OutputFormat> = {
  '.csv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.xml': 'xml',
  '.geojson': 'geojson',
  '.xlsx': 'xlsx',
  '.parquet': 'parquet',
};

/** The format named by `--to`, else by the output file's extension. */
export function outputFormatFor(outputPath: string, to?: string): OutputFormat {
  const wanted = to?.toLowerCase() ?? BY_EXTENSION[path.extname(outputPath).toLowerCase()];
  if (wanted && (OUTPUT_FORMATS as readonly string[]).includes(wanted)) return wanted as OutputFormat;
  throw new ConvertError(
    'UNSUPPORTED_OUTPUT',
    `Cannot tell which format to write ${to ? `for --to ${to}` : `from the extension of ${outputPath}`}; ` +
      `supported: ${OUTPUT_FORMATS.join(', ')} (give --to)`,
  );
}

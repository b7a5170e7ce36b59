import { ConvertError } from '../errors/convert-error.ts';
import { csvFormat } from '../write/csv-writer.ts';
import { geoJsonFormat } from '../write/geojson-writer.ts';
import { jsonFormat, ndjsonFormat } from '../write/json-writer.ts';
import type { TextFormat } from '../write/text-format.ts';
import { xmlFormat } from '../write/xml-writer.ts';
import type { ColumnPlan } from './column-plan.ts';
import type { OutputFormat } from './output-format.ts';

/** Output formats written as text, row by row (the rest are built by their libraries). */
export type TextOutputFormat = Extract<OutputFormat, 'csv' | 'json' | 'ndjson' | 'xml' | 'geojson'>;

export const isTextOutput = (format: OutputFormat): format is TextOutputFormat =>
  format === 'csv' || format === 'json' || format === 'ndjson' || format === 'xml' || format === 'geojson';

/** Text output (CSV, XML) takes the normalised text of each cell; the rest take typed values. */
export const writesText = (format: OutputFormat): boolean => format === 'csv' || format === 'xml';

/** The layout of a text output format for the planned columns. */
export function textFormatFor(
  format: TextOutputFormat,
  plan: ColumnPlan,
  options: { bom?: boolean },
): TextFormat {
  switch (format) {
    case 'csv':
      return csvFormat(plan.output, { bom: options.bom ?? false });
    case 'json':
      return jsonFormat(plan.output);
    case 'ndjson':
      return ndjsonFormat(plan.output);
    case 'xml':
      return xmlFormat(plan.output);
    case 'geojson':
      if (!plan.lonLat) {
        throw new ConvertError(
          'NO_COORDINATES',
          'GeoJSON needs longitude/latitude or TWD97 X/Y columns; none found',
        );
      }
      return geoJsonFormat(plan.output, plan.lonLat);
  }
}

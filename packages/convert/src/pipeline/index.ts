export { convertFile, type ConvertOptions } from './convert-file.ts';
export { readerFor, sniffInputKind, type InputKind } from './input-kind.ts';
export { formatReport, type ConversionReport } from './conversion-report.ts';
export { OUTPUT_FORMATS, outputFormatFor, type OutputFormat } from './output-format.ts';
export { planColumns, type ColumnPlan, type PlannedColumn } from './column-plan.ts';

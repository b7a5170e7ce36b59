export { writeText, type CellValue, type SinkColumn, type TableSink } from './table-sink.ts';
export { createCsvWriter, type CsvWriterOptions } from './csv-writer.ts';
export { createJsonWriter, createNdjsonWriter } from './json-writer.ts';
export { createXmlWriter, escapeXml, xmlElementName, type XmlWriterOptions } from './xml-writer.ts';
export { createGeoJsonWriter, type GeoJsonWriterOptions } from './geojson-writer.ts';
export { createXlsxWriter } from './xlsx-writer.ts';
export {
  createParquetWriter,
  parquetTypeFor,
  PARQUET_ROW_GROUP_ROWS,
  type ParquetColumnType,
} from './parquet-writer.ts';
export { zipArchive, zipEntry, type ZipEntryRecord } from './zip-archive.ts';

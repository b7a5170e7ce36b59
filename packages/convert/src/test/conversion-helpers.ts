import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { convertFile, type ConvertOptions } from '../pipeline/convert-file.ts';
import { readerFor, sniffInputKind } from '../pipeline/input-kind.ts';
import type { RecordReader, SourceRecord, SourceSummary } from '../read/record-source.ts';
import type { CellValue, TableSink } from '../write/table-sink.ts';

/* Helpers the converter's tests share: scratch files, reading records, converting to text. */

/** The real public-sector files (copies kept with the portal's demo). */
export const REAL_FILES = new URL('../../../portal/demo/real/', import.meta.url).pathname;
export const realFile = (name: string): string => path.join(REAL_FILES, name);

/** A fresh temporary folder and a function writing named files into it. */
export function scratch(prefix: string): { dir: string; write(name: string, data: string | Buffer): string } {
  const dir = mkdtempSync(path.join(tmpdir(), `odp-${prefix}-`));
  return {
    dir,
    write(name, data) {
      const file = path.join(dir, name);
      writeFileSync(file, data);
      return file;
    },
  };
}

/** Every record a reader yields for a file, with the summary it ends with. */
export async function readAll(
  reader: RecordReader,
  file: string,
): Promise<{ records: SourceRecord[]; rows: string[][]; summary: SourceSummary }> {
  const records: SourceRecord[] = [];
  const source = reader(file, {});
  for await (const record of source) records.push(record);
  return { records, rows: records.map((r) => r.cells), summary: source.summary };
}

/** Converts a file with a given reader and returns the report and the output bytes. */
export async function convertToBuffer(file: string, reader: RecordReader, options: ConvertOptions) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const report = await convertFile(file, reader, out, options);
  out.end();
  return { report, bytes: Buffer.concat(chunks) };
}

/** Converts a file with a given reader and returns the report and the output as text. */
export async function convertToText(file: string, reader: RecordReader, options: ConvertOptions) {
  const { report, bytes } = await convertToBuffer(file, reader, options);
  return { report, text: bytes.toString('utf8') };
}

/** Sniffs the input like the CLI, then converts it to text. */
export async function convertAny(input: string, options: ConvertOptions) {
  return convertToText(input, await readerFor(await sniffInputKind(input), input), options);
}

/**
 * Writes rows through a table sink into a stream and returns the bytes, and whether the
 * sink ended the stream itself (a sink must leave that to its caller).
 */
export async function renderSink(
  make: (out: PassThrough) => TableSink,
  rows: readonly CellValue[][],
): Promise<{ bytes: Buffer; endedBySink: boolean }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const sink = make(out);
  for (const row of rows) await sink.write(row);
  await sink.end();
  const endedBySink = out.writableEnded;
  out.end();
  return { bytes: Buffer.concat(chunks), endedBySink };
}

import { open } from 'node:fs/promises';
import { readByteOrderMark } from '../encoding/bom.ts';
import { ConvertError } from '../errors/convert-error.ts';
import type { RecordReader } from '../read/record-source.ts';
import { READERS } from '../read/readers.ts';
import { sniffZipKind } from '../read/zip-kind.ts';

/** What the first bytes say a file is. */
export type InputKind =
  'delimited' | 'zip' | 'xlsx' | 'ods' | 'docx' | 'pdf' | 'xls' | 'json' | 'ndjson' | 'xml' | 'html';

const NAMES: Record<Exclude<InputKind, 'delimited'>, string> = {
  zip: 'a ZIP archive',
  xlsx: 'an Excel workbook (XLSX)',
  ods: 'an OpenDocument spreadsheet (ODS)',
  docx: 'a Word document (DOCX)',
  pdf: 'a PDF document',
  xls: 'a legacy Office document (XLS/DOC)',
  json: 'JSON',
  ndjson: 'newline-delimited JSON',
  xml: 'XML',
  html: 'HTML',
};

/** UTF-16 text: by its byte-order mark, or by `<`, `{` or `[` beside a NUL byte. */
function utf16Order(head: Buffer): 'le' | 'be' | undefined {
  const bom = readByteOrderMark(head);
  if (bom?.encoding === 'UTF-16LE') return 'le';
  if (bom?.encoding === 'UTF-16BE') return 'be';
  const opens = (b: number | undefined) => b === 0x3c || b === 0x7b || b === 0x5b;
  if (opens(head[0]) && head[1] === 0) return 'le';
  if (head[0] === 0 && opens(head[1])) return 'be';
  return undefined;
}

function decodeUtf16Head(head: Buffer, order: 'le' | 'be'): string {
  const even = head.subarray(0, head.length - (head.length % 2));
  return Buffer.from(order === 'le' ? even : Buffer.from(even).swap16()).toString('utf16le');
}

/** Sniffs the input from its bytes, never from its extension. */
export async function sniffInputKind(path: string): Promise<InputKind> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new ConvertError('INPUT_NOT_FOUND', `Cannot read ${path}`, { cause: error });
  }
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
      return await sniffZipKind(path);
    if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
    if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))
      return 'xls';
    const utf16 = utf16Order(head);
    const text = (utf16 ? decodeUtf16Head(head, utf16) : head.toString('utf8'))
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (utf16 && (text.startsWith('{') || text.startsWith('['))) return 'json';
    if (text.startsWith('{')) {
      // NDJSON: the first line is a whole object and the next line starts another.
      const { buffer: more, bytesRead: moreRead } = await handle.read(Buffer.alloc(1 << 16), 0, 1 << 16, 0);
      const lines = more
        .subarray(0, moreRead)
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trimStart()
        .split('\n');
      const next = lines.slice(1).find((line) => line.trim() !== '');
      if (lines.length > 1 && next?.trimStart().startsWith('{')) {
        try {
          const first: unknown = JSON.parse(lines[0] ?? '');
          if (typeof first === 'object' && first !== null && !Array.isArray(first)) return 'ndjson';
        } catch {
          // not a whole object on one line: plain JSON
        }
      }
      return 'json';
    }
    if (text.startsWith('[')) return 'json';
    if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|table)\b/i.test(text))
      return 'html';
    if (text.startsWith('<')) return 'xml';
    return 'delimited';
  } finally {
    await handle.close();
  }
}

/** The reader for an input kind; refuses what the converter cannot read yet, with a clear code. */
export async function readerFor(kind: InputKind, path: string): Promise<RecordReader> {
  const load = READERS[kind];
  if (load) return load();
  const name = kind === 'delimited' ? 'delimited text' : NAMES[kind];
  throw new ConvertError(
    'UNSUPPORTED_INPUT',
    `${path} is ${name}; this version reads ${Object.keys(READERS).join(', ')} input`,
  );
}

import { ConvertError } from '../errors/convert-error.ts';

/** One parsed record: its cells and the 1-based line where it starts. */
export interface ParsedRecord {
  cells: string[];
  line: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * An RFC 4180 parser over decoded text, fed chunk by chunk (see ADR 0005). It reads
 * what csv-parse read with `relax_quotes` and CRLF/LF/CR record delimiters:
 *
 * - a field starting with `"` is quoted: delimiters and line breaks inside it are
 *   text, `""` is one quote; a quote closed before anything but a delimiter, a line
 *   break or the end (`"a"b`) is kept literally and the field goes on unquoted;
 * - a quote inside an unquoted field is text (`5" disk`);
 * - CRLF, LF and CR each end a record; blank lines are skipped;
 * - a quote still open at the end of the input ends the field there.
 *
 * Each record carries the 1-based line it starts on (line breaks inside quotes count).
 * An incomplete last record waits for the next chunk; it is re-read from its start, so
 * a record longer than `maxRecordBytes` (UTF-8) fails with FIELD_TOO_LARGE early.
 */
export class RecordParser {
  /** The line of a record whose quote was never closed (it ran to the end of the input). */
  unclosedQuoteLine: number | undefined;
  private readonly delimiter: number;
  private readonly delimiterText: string;
  /** The start of an incomplete record, and the line it starts on. */
  private pending = '';
  private line = 1;
  /** Chunks waiting until there is as much new text as pending text (keeps re-reading linear). */
  private waiting: string[] = [];
  private waitingLength = 0;
  private waitingBytes = 0;
  private pendingByteLength: number | undefined;

  /** `firstLine`: the line the text starts on (a range of a file parsed on its own). */
  constructor(
    delimiter: string,
    private readonly maxRecordBytes: number,
    firstLine = 1,
  ) {
    this.line = firstLine;
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter;
  }

  /** Parses a chunk; complete records are appended to `out`. */
  push(text: string, out: ParsedRecord[]): void {
    if (text === '') return;
    if (this.pending.length > 0 && this.waitingLength + text.length < this.pending.length) {
      // A record longer than the chunks: wait for more text instead of re-reading it now.
      this.waiting.push(text);
      this.waitingLength += text.length;
      this.waitingBytes += Buffer.byteLength(text, 'utf8');
      this.checkSize(this.pending.length + this.waitingLength, () => this.pendingBytes() + this.waitingBytes);
      return;
    }
    this.run(this.takePending() + text, false, out);
  }

  /** The line the next record would start on: after `end`, one past the input's line breaks. */
  get nextLine(): number {
    return this.line;
  }

  /** The input has ended: parses what is left. */
  end(out: ParsedRecord[]): void {
    const rest = this.takePending();
    if (rest !== '') this.run(rest, true, out);
  }

  private takePending(): string {
    const text = this.waiting.length > 0 ? this.pending + this.waiting.join('') : this.pending;
    this.pending = '';
    this.pendingByteLength = undefined;
    this.waiting = [];
    this.waitingLength = 0;
    this.waitingBytes = 0;
    return text;
  }

  private pendingBytes(): number {
    this.pendingByteLength ??= Buffer.byteLength(this.pending, 'utf8');
    return this.pendingByteLength;
  }

  /** Throws FIELD_TOO_LARGE when a record's UTF-8 size passes the cap (chars ≤ bytes ≤ 3 × chars). */
  private checkSize(chars: number, bytes: () => number): void {
    if (chars * 3 <= this.maxRecordBytes) return;
    if (chars > this.maxRecordBytes || bytes() > this.maxRecordBytes) {
      throw new ConvertError('FIELD_TOO_LARGE', `A record is longer than ${this.maxRecordBytes} bytes`, {
        line: this.line,
      });
    }
  }

  private run(s: string, final: boolean, out: ParsedRecord[]): void {
    const n = s.length;
    const delimiter = this.delimiter;
    const delimiterText = this.delimiterText;
    let i = 0;
    let line = this.line;
    let nextDelimiter = s.indexOf(delimiterText);
    let nextLf = s.indexOf('\n');
    let nextCr = s.indexOf('\r');
    while (i < n) {
      const start = i;
      const startLine = line;
      let c = s.charCodeAt(i);
      // Blank lines.
      if (c === LF) {
        i++;
        line++;
        continue;
      }
      if (c === CR) {
        if (i + 1 === n && !final) return this.wait(s, start, startLine); // a LF may follow
        i += s.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        continue;
      }
      const cells: string[] = [];
      for (;;) {
        // One field, starting at i.
        let value = '';
        if (i < n && s.charCodeAt(i) === QUOTE) {
          let from = i + 1;
          let j = from;
          let closed = false;
          while (j < n) {
            c = s.charCodeAt(j);
            if (c === QUOTE) {
              if (j + 1 === n && !final) return this.wait(s, start, startLine); // `""` may straddle the chunks
              if (s.charCodeAt(j + 1) === QUOTE) {
                value += s.slice(from, j + 1);
                j += 2;
                from = j;
                continue;
              }
              closed = true;
              break;
            }
            if (c === LF) line++;
            else if (c === CR) {
              if (j + 1 === n && !final) return this.wait(s, start, startLine);
              if (s.charCodeAt(j + 1) !== LF) line++;
            }
            j++;
          }
          if (!closed) {
            if (!final) return this.wait(s, start, startLine);
            // A quote left open at the end of the input: the field runs to the end.
            this.unclosedQuoteLine ??= startLine;
            cells.push(value + s.slice(from, n));
            i = n;
            break;
          }
          value += s.slice(from, j);
          i = j + 1;
          if (i === n) {
            cells.push(value);
            break;
          }
          c = s.charCodeAt(i);
          if (c === delimiter) {
            cells.push(value);
            i++;
            continue;
          }
          if (c === LF || c === CR) {
            cells.push(value);
            break;
          }
          // `"a"b`: the quotes were text after all; read on as an unquoted field.
          value = `"${value}"`;
        }
        // An unquoted field (or the rest of a relaxed quoted one): it ends at the next
        // delimiter or line break, found with indexOf (native) and remembered.
        const from = i;
        if (nextDelimiter !== -1 && nextDelimiter < i) nextDelimiter = s.indexOf(delimiterText, i);
        if (nextLf !== -1 && nextLf < i) nextLf = s.indexOf('\n', i);
        if (nextCr !== -1 && nextCr < i) nextCr = s.indexOf('\r', i);
        let end = nextLf === -1 ? n : nextLf;
        if (nextCr !== -1 && nextCr < end) end = nextCr;
        if (nextDelimiter !== -1 && nextDelimiter < end) end = nextDelimiter;
        i = end;
        c = i < n ? s.charCodeAt(i) : -1;
        if (i === n && !final) return this.wait(s, start, startLine);
        cells.push(value === '' ? s.slice(from, i) : value + s.slice(from, i));
        if (i < n && c === delimiter) {
          i++;
          if (i === n) {
            if (!final) return this.wait(s, start, startLine);
            cells.push('');
            break;
          }
          continue;
        }
        break;
      }
      // End of the record: i is at its line break, or at the end of the final text.
      if (i < n) {
        if (s.charCodeAt(i) === CR) {
          if (i + 1 === n && !final) return this.wait(s, start, startLine); // a LF may follow
          i += s.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++;
        line++;
      }
      if (i - start > this.maxRecordBytes / 3) {
        this.line = startLine;
        this.checkSize(i - start, () => Buffer.byteLength(s.slice(start, i), 'utf8'));
      }
      out.push({ cells, line: startLine });
    }
    this.line = line;
  }

  /** Keeps the incomplete record that starts at `start` for the next chunk. */
  private wait(s: string, start: number, line: number): void {
    this.pending = s.slice(start);
    this.line = line;
    this.checkSize(this.pending.length, () => this.pendingBytes());
  }
}

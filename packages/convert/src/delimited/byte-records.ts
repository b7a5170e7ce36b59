import { viewOf } from '../encoding/byte-view.ts';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** next(): the general parser must read this range (an unclosed quote, or `"a"b`, which its relaxed rules reread). */
export const GIVE_BACK = -1;

/**
 * Finds the fields of a range's records in its bytes, with RecordParser's rules (quoted
 * fields, `""`, CRLF/LF/CR line ends, blank lines skipped, a BOM at the start dropped as
 * the range's decoder drops it), without making strings: each field is a byte span.
 * Only for encodings where the quote, delimiter and line-break bytes never occur inside
 * a character (UTF-8 with an ASCII delimiter). Used by the byte paths of both passes
 * (ADR 0009, ADR 0010).
 */
export class ByteRecords {
  /** The current record's fields: start, end, and whether `""` in them is one quote. */
  starts: Int32Array;
  ends: Int32Array;
  doubled: Uint8Array;
  /**
   * Where the next record's fields go in the arrays: 0 (each record overwrites the last)
   * unless the caller moves it on to keep a whole range's fields (pass 1).
   */
  base = 0;
  private p: number;
  private readonly words: DataView;
  /** The delimiter byte four times over. */
  private readonly delimiterWord: number;
  /** 1 for the bytes that end an unquoted field: the delimiter, LF and CR. */
  private readonly stops = new Uint8Array(256);

  constructor(
    readonly b: Buffer,
    private readonly delimiter: number,
    /** Fields room to start with, or the arrays of an earlier ByteRecords to reuse. */
    room: number | Pick<ByteRecords, 'starts' | 'ends' | 'doubled'>,
  ) {
    if (typeof room === 'number') {
      this.starts = new Int32Array(room + 1);
      this.ends = new Int32Array(room + 1);
      this.doubled = new Uint8Array(room + 1);
    } else {
      ({ starts: this.starts, ends: this.ends, doubled: this.doubled } = room);
    }
    this.stops[delimiter] = this.stops[LF] = this.stops[CR] = 1;
    this.words = viewOf(b);
    this.delimiterWord = Math.imul(delimiter, 0x01010101);
    this.p = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  }

  /** The text of the field at `f` in the arrays (the current record's are base…base+count), as the general parser gives it. */
  text(f: number): string {
    const text = this.b.toString('utf8', this.starts[f], this.ends[f]);
    return this.doubled[f] ? text.replaceAll('""', '"') : text;
  }

  /** Reads the next record: its field count, 0 at the end of the range, or GIVE_BACK. */
  next(): number {
    const b = this.b;
    const n = b.length;
    const d = this.delimiter;
    let p = this.p;
    // Blank lines are not records.
    for (;;) {
      if (p >= n) {
        this.p = p;
        return 0;
      }
      const c = b[p]!;
      if (c === LF) p++;
      else if (c === CR) p += b[p + 1] === LF ? 2 : 1;
      else break;
    }
    const base = this.base;
    let fields = base;
    for (;;) {
      if (fields === this.starts.length) this.grow();
      if (b[p] === QUOTE) {
        let j = p + 1;
        let pairs = 0;
        for (;;) {
          const q = b.indexOf(QUOTE, j);
          if (q === -1 || q >= n) return GIVE_BACK; // unclosed: the general reader reports it
          if (b[q + 1] === QUOTE) {
            pairs++;
            j = q + 2;
            continue;
          }
          this.starts[fields] = p + 1;
          this.ends[fields] = q;
          this.doubled[fields] = pairs > 0 ? 1 : 0;
          fields++;
          p = q + 1;
          break;
        }
        if (p === n) break;
        const c = b[p]!;
        if (c === d) {
          p++;
          if (p === n) {
            fields = this.emptyLastField(fields, p);
            break;
          }
          continue;
        }
        if (c === LF || c === CR) break;
        return GIVE_BACK; // `"a"b`: read again as unquoted by the relaxed rules
      }
      const start = p;
      // Four bytes at a time while none is the delimiter or a line break (the exact "has
      // a zero byte" word test on the word XOR each of them), then byte by byte.
      const words = this.words;
      const dd = this.delimiterWord;
      for (; p + 4 <= n; p += 4) {
        const w = words.getInt32(p);
        const x = w ^ dd;
        const lf = w ^ 0x0a0a0a0a;
        const cr = w ^ 0x0d0d0d0d;
        if ((((x - 0x01010101) & ~x) | ((lf - 0x01010101) & ~lf) | ((cr - 0x01010101) & ~cr)) & 0x80808080)
          break;
      }
      const stops = this.stops;
      while (p < n && stops[b[p]!] === 0) p++;
      const c = p < n ? b[p]! : 0;
      this.starts[fields] = start;
      this.ends[fields] = p;
      this.doubled[fields++] = 0;
      if (p < n && c === d) {
        p++;
        if (p === n) {
          fields = this.emptyLastField(fields, p);
          break;
        }
        continue;
      }
      break;
    }
    if (p < n) p += b[p] === CR && b[p + 1] === LF ? 2 : 1;
    this.p = p;
    return fields - base;
  }

  /** A delimiter ends the range: the record has one more, empty, field there. */
  private emptyLastField(fields: number, at: number): number {
    if (fields === this.starts.length) this.grow();
    this.starts[fields] = this.ends[fields] = at;
    this.doubled[fields] = 0;
    return fields + 1;
  }

  private grow(): void {
    const grown = 2 * this.starts.length;
    const starts = new Int32Array(grown);
    const ends = new Int32Array(grown);
    const doubled = new Uint8Array(grown);
    starts.set(this.starts);
    ends.set(this.ends);
    doubled.set(this.doubled);
    this.starts = starts;
    this.ends = ends;
    this.doubled = doubled;
  }
}

/**
 * Line breaks in a range as RecordParser counts them (a LF, a CRLF and a lone CR are one
 * each, inside quoted fields too), for ranges it reads without giving back.
 */
export function countLineBreaks(b: Buffer): number {
  let breaks = 0;
  for (let at = b.indexOf(LF); at !== -1; at = b.indexOf(LF, at + 1)) breaks++;
  for (let at = b.indexOf(CR); at !== -1; at = b.indexOf(CR, at + 1)) if (b[at + 1] !== LF) breaks++;
  return breaks;
}

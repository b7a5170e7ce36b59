import { Tokenizer, TokenParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { ConvertError } from '../errors/convert-error.ts';
import { flattenJsonDocument } from './json-record.ts';
import { chooseJsonShape, jsonPath, type JsonArrayOutline, type JsonOutline } from './json-shape.ts';
import { flattenJsonRecord, isJsonObject, tableRecords, type JsonValue } from './ndjson-reader.ts';
import { emptySummary, type RecordReader, type SourceRecord, type SourceSummary } from './record-source.ts';

interface Frame {
  array: boolean;
  key: string | undefined;
  expectKey: boolean;
  /** Reached from the root through object properties only. */
  reachable: boolean;
  objects: number;
  /** Keys read (objects). */
  properties: number;
  /** Own fields holding a scalar or an array without objects (objects). */
  ownFields: number;
  /** Scalar values anywhere inside. */
  values: number;
}

interface ArrayCandidate {
  keys: string[];
  objects: number;
  values: number;
  /** The object directly holding the array (undefined for a root array). */
  holder: Frame | undefined;
}

const SCALARS = new Set<TokenType>([
  TokenType.STRING,
  TokenType.NUMBER,
  TokenType.TRUE,
  TokenType.FALSE,
  TokenType.NULL,
]);

/** Follows the structure of a token stream: where each value sits, which arrays hold objects. */
class JsonPath {
  readonly frames: Frame[] = [];
  readonly candidates: ArrayCandidate[] = [];
  root: Frame | 'scalar' | undefined;
  /** The keys leading to the innermost container. */
  keys = (): string[] => this.frames.slice(0, -1).map((f) => (f.array ? '*' : (f.key ?? '')));

  /** Returns true when the token starts a value (not a key or punctuation). */
  token({ token, value }: ParsedTokenInfo): boolean {
    const top = this.frames.at(-1);
    if (top && !top.array && top.expectKey && token === TokenType.STRING) {
      top.key = String(value);
      top.expectKey = false;
      top.properties++;
      return false;
    }
    if (token === TokenType.COLON) return false;
    if (token === TokenType.COMMA) {
      if (top && !top.array) top.expectKey = true;
      return false;
    }
    if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      const parent = this.frames.at(-2);
      if (top?.array && top.reachable && top.objects > 0)
        this.candidates.push({ keys: this.keys(), objects: top.objects, values: top.values, holder: parent });
      if (top && parent) {
        parent.values += top.values;
        if (top.array && top.objects === 0 && !parent.array) parent.ownFields++;
      }
      this.frames.pop();
      return false;
    }
    if (SCALARS.has(token)) {
      if (!top) this.root ??= 'scalar';
      else {
        top.values++;
        if (!top.array) top.ownFields++;
      }
    }
    if (top?.array && token === TokenType.LEFT_BRACE) top.objects++;
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      const reachable = !top || (top.reachable && !top.array);
      const frame: Frame = {
        array: token === TokenType.LEFT_BRACKET,
        key: undefined,
        expectKey: true,
        reachable,
        objects: 0,
        properties: 0,
        ownFields: 0,
        values: 0,
      };
      if (!top) this.root ??= frame;
      this.frames.push(frame);
    }
    return true;
  }
}

interface Scan {
  /** Called with every token, its line and whether it starts a value, after `path` has followed it. */
  onToken?: (token: ParsedTokenInfo, line: number, path: JsonPath, value: boolean) => void;
  onBytes?: ((bytes: number) => void) | undefined;
}

/** Streams `file` through the tokenizer a chunk at a time; INVALID_JSON with the position. */
async function* scanJson(file: string, scan: Scan): AsyncGenerator<JsonPath> {
  const path = new JsonPath();
  const tokenizer = new Tokenizer();
  let line = 1;
  let counted = 0;
  let fed = 0;
  let chunk: Buffer = Buffer.alloc(0);
  let last = 0;
  const countLines = (to: number) => {
    for (let i = counted - fed; i < to - fed; i++) if (chunk[i] === 0x0a) line++;
    counted = Math.max(counted, to);
  };
  tokenizer.onToken = (token) => {
    countLines(token.offset);
    last = token.offset;
    const value = path.token(token);
    scan.onToken?.(token, line, path, value);
  };
  const fail = (error: unknown, at: number): never => {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConvertError('INVALID_JSON', `Invalid JSON near byte ${at} (line ${line}): ${detail}`, {
      line,
      cause: error,
    });
  };
  let read = 0;
  for await (const data of createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    const bom = read === 0 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
    chunk = bom ? data.subarray(3) : data;
    try {
      tokenizer.write(chunk);
    } catch (error) {
      if (error instanceof ConvertError) throw error;
      fail(error, last);
    }
    countLines(fed + chunk.length);
    fed += chunk.length;
    read += data.length;
    scan.onBytes?.(read);
    yield path;
  }
  if (path.frames.length > 0) fail(new Error('the file ends inside an object or array (truncated?)'), fed);
  try {
    if (!tokenizer.isEnded) tokenizer.end();
  } catch (error) {
    fail(error, fed);
  }
}

/** How the document is built (see json-shape): one streaming pass, stopping early for a root array. */
async function outlineJson(file: string): Promise<JsonOutline> {
  let path: JsonPath | undefined;
  for await (const state of scanJson(file, {})) {
    path = state;
    if (typeof state.root === 'object' && state.root.array)
      return { root: 'array', rootProperties: 0, values: 0, largest: undefined };
  }
  const root = path?.root;
  if (root === undefined || root === 'scalar')
    return { root: root ?? 'empty', rootProperties: 0, values: 0, largest: undefined };
  let best: ArrayCandidate | undefined;
  for (const candidate of path?.candidates ?? [])
    if (!best || candidate.objects > best.objects) best = candidate;
  const largest: JsonArrayOutline | undefined = best && {
    keys: best.keys,
    objects: best.objects,
    values: best.values,
    holderKeys: best.keys.slice(0, -1),
    holderFields: best.holder?.ownFields ?? 0,
    holderValues: best.holder?.values ?? best.values,
  };
  return { root: 'object', rootProperties: root.properties, values: root.values, largest };
}

/** The object at `keys` (object properties only), parsed whole: a record is small (see json-shape). */
async function readJsonObject(file: string, keys: readonly string[]): Promise<JsonValue> {
  let value = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, '')) as JsonValue;
  for (const key of keys) value = isJsonObject(value) ? (value[key] ?? null) : null;
  return value;
}

interface JsonRecord {
  value: Map<string, string>;
  line: number;
}

/** The flattened records under `keys`, a chunk's worth at a time. */
async function* jsonRecords(
  file: string,
  keys: readonly string[],
  tally: { skipped: number },
  onBytes?: (bytes: number) => void,
): AsyncGenerator<JsonRecord> {
  const target = JSON.stringify(keys);
  const selector = `$${keys.map((key) => `.${/^[^.*]+$/.test(key) ? key : '*'}`).join('')}.*`;
  const parser = new TokenParser({ paths: [selector], keepStack: false });
  let records: Frame | undefined;
  let line = 1;
  let found: JsonRecord[] = [];
  let path: JsonPath | undefined;
  parser.onValue = ({ value }) => {
    if (path?.frames.at(-1) !== records || records === undefined) return;
    if (isJsonObject(value)) found.push({ value: flattenJsonRecord(value), line });
    else tally.skipped++;
  };
  const scan = scanJson(file, {
    onBytes,
    onToken: (token, at, p, starts) => {
      path = p;
      const opens = token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET;
      if (opens && !records && JSON.stringify(p.keys()) === target) records = p.frames.at(-1);
      if (starts && p.frames.at(opens ? -2 : -1) === records) line = at;
      parser.write(token);
    },
  });
  for await (const _ of scan) {
    yield* found;
    found = [];
  }
}

/**
 * JSON, streamed with bounded memory: an array of objects, an object wrapping one
 * (`{"result":{"records":[…]}}`, `{"data":[…]}`), or a single record such as one
 * dataset's metadata (see json-shape for the rule telling them apart, and json-record
 * for how a record is flattened). Rows' columns are the union of the records' flattened
 * keys in first-seen order, gathered by a first scan. Which path was taken is reported
 * as a warning.
 */
export const readJsonFile: RecordReader = (file, options) => {
  const summary: SourceSummary = emptySummary();
  async function* read(): AsyncGenerator<SourceRecord> {
    const shape = chooseJsonShape(await outlineJson(file));
    if (shape.kind === 'none') throw new ConvertError('NO_RECORDS', `${file} ${shape.reason}`);
    summary.part = jsonPath(shape.keys);
    if (shape.reason) summary.warnings.push(shape.reason);
    if (shape.kind === 'record') {
      const value = flattenJsonDocument(await readJsonObject(file, shape.keys));
      options.onBytes?.((await stat(file)).size);
      async function* one() {
        yield { value, line: 1 };
      }
      yield* tableRecords([...value.keys()], one());
      return;
    }
    const keys = shape.keys;
    const columns = new Set<string>();
    const tally = { skipped: 0 };
    let count = 0;
    for await (const { value } of jsonRecords(file, keys, tally)) {
      count++;
      for (const column of value.keys()) columns.add(column);
    }
    if (count === 0 && tally.skipped > 0)
      throw new ConvertError('NO_RECORDS', `${file}: ${summary.part} holds no objects`);
    if (tally.skipped > 0)
      summary.warnings.push(`${tally.skipped} array items that are not objects were skipped`);
    yield* tableRecords([...columns], jsonRecords(file, keys, { skipped: 0 }, options.onBytes));
  }
  return { [Symbol.asyncIterator]: read, summary, headerIsFirstRecord: true };
};

import type { JsonEvidence } from './sniffed-resource.ts';

/** The result of checking text as JSON: its shape, or why it is not JSON. */
export type JsonCheck = { ok: true; evidence: JsonEvidence } | { ok: false; error: string };

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'done';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** The characters a number is made of, and what a number cut short may look like. */
const NUMBER_RUN = /[-+0-9.eE]+/y;
const NUMBER_PREFIX = /^-?(?:0|[1-9]\d*)?(?:\.\d*)?(?:[eE][+-]?\d*)?$/;
const LITERALS = ['true', 'false', 'null'];
/** At most this much of a head is scanned as a JSON prefix. */
const MAX_PREFIX_CHARS = 512 * 1024;

/** The end of the string starting at `from` (index after its closing quote), -1 when cut, -2 when invalid. */
function stringEnd(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -2;
    if (c === 0x5c) {
      const next = text[i + 1];
      if (next === undefined) return -1;
      if (next === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]*$/.test(hex)) return -2;
        if (hex.length < 4) return -1;
        i += 5;
      } else if ('"\\/bfnrt'.includes(next)) i++;
      else return -2;
    }
  }
  return -1;
}

/**
 * Checks that text is the start of one JSON object or array (the head of a file too
 * large to parse whole) and reads its top-level `type` member. Text cut anywhere in a
 * token is accepted; anything that cannot continue into valid JSON is not.
 */
export function checkJsonPrefix(input: string): JsonCheck {
  const text = input.length > MAX_PREFIX_CHARS ? input.slice(0, MAX_PREFIX_CHARS) : input;
  const stack: string[] = [];
  let expect = 'value' as Expect;
  let root: JsonEvidence['root'] | undefined;
  let key: string | undefined;
  let type: string | undefined;
  const fail = (i: number, what: string): JsonCheck => ({ ok: false, error: `${what} at character ${i}` });
  const afterValue = (): Expect => (stack.length === 0 ? 'done' : 'commaOrEnd');
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i++;
      continue;
    }
    if (expect === 'done') return fail(i, 'text after the JSON value');
    if (expect === 'colon') {
      if (c !== ':') return fail(i, 'expected ":"');
      expect = 'value';
      i++;
    } else if (expect === 'commaOrEnd') {
      const top = stack[stack.length - 1];
      if (c === ',') expect = top === '{' ? 'key' : 'value';
      else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        expect = afterValue();
      } else return fail(i, 'expected "," or the end of the container');
      i++;
    } else if (expect === 'key' || expect === 'keyOrEnd') {
      if (c === '}' && expect === 'keyOrEnd') {
        stack.pop();
        expect = afterValue();
        i++;
        continue;
      }
      if (c !== '"') return fail(i, 'expected a member name');
      const end = stringEnd(text, i);
      if (end === -2) return fail(i, 'an invalid string');
      if (end === -1) break;
      key = stack.length === 1 ? text.slice(i + 1, end - 1) : undefined;
      expect = 'colon';
      i = end;
    } else {
      // a value
      if (c === ']' && expect === 'valueOrEnd') {
        stack.pop();
        expect = afterValue();
        i++;
        continue;
      }
      if (c === '{' || c === '[') {
        root ??= c === '{' ? 'object' : 'array';
        stack.push(c);
        expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
        i++;
        continue;
      }
      if (stack.length === 0) return fail(i, 'expected an object or an array');
      const memberKey = key;
      key = undefined;
      if (c === '"') {
        const end = stringEnd(text, i);
        if (end === -2) return fail(i, 'an invalid string');
        if (end === -1) break;
        if (memberKey === 'type' && stack.length === 1) type = text.slice(i + 1, end - 1);
        i = end;
        expect = afterValue();
        continue;
      }
      const rest = text.slice(i, i + 6);
      const literal = LITERALS.find((l) => rest.startsWith(l));
      if (literal) {
        i += literal.length;
        expect = afterValue();
        continue;
      }
      if (LITERALS.some((l) => l.startsWith(rest) && i + rest.length === text.length)) break;
      NUMBER_RUN.lastIndex = i;
      const run = NUMBER_RUN.exec(text)?.[0] ?? '';
      if (run !== '' && i + run.length === text.length && NUMBER_PREFIX.test(run)) break; // cut inside a number
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(text);
      if (number && number[0].length === run.length) {
        i += number[0].length;
        expect = afterValue();
        continue;
      }
      return fail(i, 'an invalid value');
    }
  }
  if (!root) return { ok: false, error: 'no JSON value' };
  return { ok: true, evidence: { root, ndjson: false, complete: false, ...(type ? { type } : {}) } };
}

/** Parses the whole text as JSON. */
export function parseJson(text: string): JsonCheck {
  try {
    const value: unknown = JSON.parse(text);
    const root = Array.isArray(value)
      ? 'array'
      : typeof value === 'object' && value !== null
        ? 'object'
        : 'scalar';
    const type =
      root === 'object' && typeof (value as { type?: unknown }).type === 'string'
        ? (value as { type: string }).type
        : undefined;
    return { ok: true, evidence: { root, ndjson: false, complete: true, ...(type ? { type } : {}) } };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** At most this many lines are checked for NDJSON. */
const NDJSON_LINES = 50;

/** One JSON object or array per line (at least two lines); the last line may be cut when `partial`. */
export function checkNdjson(text: string, partial: boolean): JsonCheck {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) return { ok: false, error: 'not one value per line' };
  const checked = lines.slice(0, NDJSON_LINES);
  for (const [n, line] of checked.entries()) {
    const cut = partial && n === lines.length - 1;
    const result = cut ? checkJsonPrefix(line) : parseJson(line);
    if (!result.ok || result.evidence.root === 'scalar')
      return { ok: false, error: `line ${n + 1} is not a JSON value` };
  }
  const first = parseJson(checked[0] as string);
  const root = first.ok ? first.evidence.root : 'object';
  return { ok: true, evidence: { root, ndjson: true, complete: !partial } };
}

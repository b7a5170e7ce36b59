import { trimCell } from './trim.ts';

/**
 * Cell values that mean "no value" in Taiwan government files, compared after trimming
 * (so whitespace-only cells are empty). Matched exactly, case included: `Na` (sodium) and
 * `0` are values, not nulls.
 */
export const NULL_TOKENS: readonly string[] = [
  '', // empty, or only whitespace / invisible characters
  '-', // hyphen-minus
  '--',
  '－', // full-width hyphen-minus (U+FF0D)
  '—', // em dash (U+2014)
  '―', // horizontal bar (U+2015), used as a dash in Chinese documents
  '無', // "none"
  'N/A',
  'n/a',
  '#N/A', // spreadsheet "not available"
  'NA',
  'null',
  'NULL',
];

const NULL_TOKEN_SET: ReadonlySet<string> = new Set(NULL_TOKENS);

/** No null token is longer: a longer trimmed cell is a value. */
export const MAX_NULL_TOKEN_LENGTH = Math.max(...NULL_TOKENS.map((token) => token.length));

/** True when the cell means "no value". */
export function isNullToken(value: string | null | undefined): boolean {
  return value === null || value === undefined || NULL_TOKEN_SET.has(trimCell(value));
}

/** True when an already trimmed cell means "no value" (no second trim). */
/** The first characters of the tokens: most cells are ruled out by one array read, before any hashing. */
const STARTS = new Uint8Array(0x10000);
for (const token of NULL_TOKENS) if (token !== '') STARTS[token.charCodeAt(0)] = 1;

export const isTrimmedNullToken = (value: string): boolean =>
  value.length === 0 ||
  (value.length <= MAX_NULL_TOKEN_LENGTH && STARTS[value.charCodeAt(0)] === 1 && NULL_TOKEN_SET.has(value));

/** The value itself, or null when it means "no value". */
export function nullIfNoValue(value: string | null | undefined): string | null {
  return isNullToken(value) ? null : (value as string);
}

/** The tokens' first UTF-8 bytes (1 where a token starts), for tests on a cell's bytes. */
export const NULL_FIRST_BYTES = new Uint8Array(256);
for (const token of NULL_TOKENS) if (token !== '') NULL_FIRST_BYTES[Buffer.from(token, 'utf8')[0]!] = 1;
/** The longest token in UTF-8 bytes. */
export const NULL_MAX_BYTES = Math.max(...NULL_TOKENS.map((token) => Buffer.byteLength(token, 'utf8')));

import type { PatternMatch } from './personal-patterns.ts';
import { splitPersonalName } from './personal-names.ts';

/**
 * How each kind of personal data is masked (去識別化), the way Taiwan agencies usually
 * print it: enough left to tell rows apart, not enough to identify anyone.
 *
 * - identity numbers: the first 3 and last 3 characters kept — A123456789 → A12****789;
 * - mobile numbers: the 3 digits before the last 3 hidden, separators kept —
 *   0912-345-678 → 0912-***-678, +886 912 345 678 → +886 912 *** 678;
 * - e-mail: the first character of the local part kept — alice@example.com →
 *   a***@example.com;
 * - personal names: the surname and the last character kept — 王小明 → 王O明, 王明 → 王O,
 *   歐陽小明 → 歐陽O明, 王大小明 → 王OO明.
 */

export function maskIdentity(value: string): string {
  return `${value.slice(0, 3)}${'*'.repeat(Math.max(0, value.length - 6))}${value.slice(-3)}`;
}

export function maskMobile(value: string): string {
  const digits: number[] = [];
  for (let i = 0; i < value.length; i++) if (/\d/.test(value[i]!)) digits.push(i);
  const hidden = new Set(digits.slice(-6, -3));
  return [...value].map((c, i) => (hidden.has(i) ? '*' : c)).join('');
}

export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  return `${value.slice(0, 1)}***${value.slice(at)}`;
}

export function maskName(value: string): string {
  const name = splitPersonalName(value);
  if (!name) return value;
  const { surname, given } = name;
  return given.length <= 1 ? `${surname}O` : `${surname}${'O'.repeat(given.length - 1)}${given.slice(-1)}`;
}

export function maskMatch(match: PatternMatch): string {
  if (match.kind === 'mobile') return maskMobile(match.text);
  if (match.kind === 'email') return maskEmail(match.text);
  return maskIdentity(match.text);
}

/** The text with every match masked in place. */
export function maskMatches(text: string, matches: readonly PatternMatch[]): string {
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.start) + maskMatch(m);
    at = m.end;
  }
  return out + text.slice(at);
}

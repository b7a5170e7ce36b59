import { findPersonalPatterns } from './personal-patterns.ts';
import { maskMatches } from './mask-values.ts';

/**
 * Check evidence as it may be stored and shown: every string inside it (examples of
 * cells, error messages quoting values) with the identity numbers, mobile numbers and
 * e-mail addresses the scanner recognises masked, so no check's evidence republishes
 * the personal data the privacy check blocks. Other values are copied as they are.
 */
export function maskEvidence<T>(value: T): T {
  return maskValue(value) as T;
}

function maskValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const matches = findPersonalPatterns(value);
    return matches.length === 0 ? value : maskMatches(value, matches);
  }
  if (Array.isArray(value)) return value.map(maskValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v)]));
  }
  return value;
}

import { apiConformance } from './api-conformance.ts';
import type { ResourceCheck } from './check.ts';
import { contentLint } from './content-lint.ts';
import { csvConvertible } from './csv-convertible.ts';
import { downloadable } from './downloadable.ts';
import { encodingMatch } from './encoding-match.ts';
import { fieldsMatch } from './fields-match.ts';
import { formatMatch } from './format-match.ts';
import { freshness } from './freshness.ts';
import { linkable } from './linkable.ts';
import { metadataComplete } from './metadata-complete.ts';
import { privacy } from './privacy.ts';
import { standardConformance } from './standard-conformance.ts';
import { structured } from './structured.ts';

/** Every resource check, in the order QUALITY.md lists them (results keep this order). */
export const ALL_CHECKS: readonly ResourceCheck[] = [
  linkable,
  downloadable,
  formatMatch,
  structured,
  csvConvertible,
  encodingMatch,
  fieldsMatch,
  metadataComplete,
  standardConformance,
  freshness,
  contentLint,
  privacy,
  apiConformance,
];

export const CHECK_IDS = ALL_CHECKS.map((c) => c.id);

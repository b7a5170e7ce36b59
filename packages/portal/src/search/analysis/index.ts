/** The search analyser: normalisation, tokens, query parsing and spelling suggestions. */
export { normaliseText, foldVariants, VARIANT_FOLDS } from './normalise-text.ts';
export { simplifiedToTraditional, isSimplifiedOnly } from './simplified-to-traditional.ts';
export { stemEnglishWord } from './english-stem.ts';
export {
  indexTokens,
  indexText,
  phraseTokens,
  tokenRuns,
  tokenRunsOfNormalised,
  wordToken,
  INDEX_GAP_TOKEN,
  MAX_WORD_LENGTH,
  type TokenRun,
} from './tokenize.ts';
export {
  parseQuery,
  QUERY_LIMITS,
  type ParsedQuery,
  type QueryTerm,
  type FieldFilter,
} from './parse-query.ts';
export { FIELD_NAMES, formatCode, type SearchField } from './query-fields.ts';
export { suggestWord, allowedEdits, type Suggestion, type VocabularyEntry } from './did-you-mean.ts';
export { boundedEditDistance } from './edit-distance.ts';

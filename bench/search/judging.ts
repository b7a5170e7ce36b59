/**
 * The folding and text the relevance judgements are made with (make-judgements.ts).
 * Deliberately simple and independent of any search engine in the repo.
 */
import { LISTED_STATUSES } from '../../packages/portal/src/domain/dataset-status.ts';
import type { CatalogueDoc } from './catalogue.ts';

/** The most identifiers judged for one query: the first ones, by identifier. */
export const JUDGED_CAP = 300;

/** NFKC (full-width letters, digits, punctuation and spaces → half-width), lower case, 臺 → 台. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replaceAll('臺', '台');
}

/**
 * The text a catalogue search looks at: title, keywords, 主要欄位說明, description and
 * the agency's name (the same text the FTS5 baseline indexes).
 */
export function datasetText(d: CatalogueDoc): string {
  return [
    d.titleZh,
    d.titleEn,
    d.keywords.join('\n'),
    d.fieldDescription,
    d.descriptionZh,
    d.descriptionEn,
    d.agencyZh,
    d.agencyEn,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * What a dataset is about: its title and keywords, one per line (so a word never
 * runs across two of them). The graded judgements call a dataset highly relevant when
 * the judged words are here, not only in 主要欄位說明, the description or the agency.
 * It is the start of datasetText(), so whatever is found here is found there too.
 */
export function titleKeywordText(d: CatalogueDoc): string {
  return [d.titleZh, d.titleEn, d.keywords.join('\n')].filter(Boolean).join('\n');
}

/** Whether the public can list (and so find) the dataset. */
export function listed(d: CatalogueDoc): boolean {
  return (LISTED_STATUSES as readonly string[]).includes(d.status);
}

/**
 * A folded word as a whole word: not preceded or followed by a Latin letter or a digit
 * (so `_`, punctuation and Chinese characters separate words: AED心臟 has the word aed).
 */
export function englishWordPattern(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`);
}

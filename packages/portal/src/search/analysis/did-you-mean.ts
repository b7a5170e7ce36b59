/**
 * "Did you mean": a spelling suggestion for an English query word, from the words of the
 * index and how often each occurs.
 *
 * The word goes through the same analyser as the index (normalise, stem), then every
 * vocabulary word within the allowed Damerau–Levenshtein distance is a candidate; the
 * closest wins, then the most frequent, then the alphabetically first (so results are
 * stable). Suggestions are index words, so stems (statoins → station). Allowed distance grows with length: words of 1–3 letters get no suggestion
 * (too many neighbours), 4–5 letters one edit, 6 or more two edits.
 */
import { boundedEditDistance } from './edit-distance.ts';
import { tokenRuns } from './tokenize.ts';

/** One known index word and how many times (or in how many datasets) it occurs. */
export type VocabularyEntry = readonly [word: string, frequency: number];

export interface Suggestion {
  word: string;
  distance: number;
  frequency: number;
}

/** The number of edits allowed for a word of this many characters. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  return 2;
}

/**
 * Suggests a correction for `word`, or undefined when the word is already in the
 * vocabulary, is not a single Latin/digit word, or nothing is close enough.
 * `vocabulary` is any iterable of [word, frequency], e.g. a Map<string, number>.
 */
export function suggestWord(word: string, vocabulary: Iterable<VocabularyEntry>): Suggestion | undefined {
  const runs = tokenRuns(word.slice(0, 64));
  if (runs.length !== 1 || runs[0]!.kind !== 'word') return undefined;
  const target = runs[0]!.tokens[0]!;
  if (/^\d+$/.test(target)) return undefined; // numbers are not misspelt
  const max = allowedEdits([...target].length);
  let best: Suggestion | undefined;
  for (const [candidate, frequency] of vocabulary) {
    if (frequency <= 0) continue;
    if (candidate === target) return undefined; // a known word needs no correction
    if (max === 0) continue;
    const distance = boundedEditDistance(target, candidate, best ? best.distance : max);
    if (distance > max) continue;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && frequency > best.frequency) ||
      (distance === best.distance && frequency === best.frequency && candidate < best.word)
    ) {
      best = { word: candidate, distance, frequency };
    }
  }
  return best;
}

/** The field delimiters odp recognises in delimited text (CSV, TSV, TXT exports). */
export type Delimiter = ',' | ';' | '\t' | '|';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface SniffedDelimiter {
  delimiter: Delimiter;
  /**
   * 0–1: the share of sampled lines that split into the most common field count
   * (weighted down when that count is 1). 0 for an empty sample.
   */
  confidence: number;
  /** The most common number of fields per record with this delimiter. */
  fieldCount: number;
}

/** At most this many records of the sample are looked at. */
const MAX_SAMPLE_RECORDS = 50;

/**
 * Splits a sample into records and counts fields per record for one delimiter,
 * honouring double quotes (a delimiter or newline inside quotes does not count).
 * The last record is dropped when the sample was cut in the middle of the text.
 */
function countFields(sample: string, delimiter: Delimiter, complete: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  let lineHasContent = false;
  for (let i = 0; i < sample.length && counts.length < MAX_SAMPLE_RECORDS; i++) {
    const ch = sample[i];
    if (ch === '"') {
      if (quoted && sample[i + 1] === '"') i++;
      else quoted = !quoted;
      lineHasContent = true;
    } else if (quoted) {
      continue;
    } else if (ch === delimiter) {
      fields++;
      lineHasContent = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && sample[i + 1] === '\n') i++;
      if (lineHasContent) counts.push(fields);
      fields = 1;
      lineHasContent = false;
    } else if (ch !== ' ') {
      lineHasContent = true;
    }
  }
  if (lineHasContent && complete && counts.length < MAX_SAMPLE_RECORDS) counts.push(fields);
  return counts;
}

function score(counts: number[]): { confidence: number; fieldCount: number } {
  if (counts.length === 0) return { confidence: 0, fieldCount: 1 };
  const tally = new Map<number, number>();
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
  let fieldCount = 1;
  let best = 0;
  for (const [count, times] of tally) {
    if (times > best || (times === best && count > fieldCount)) [fieldCount, best] = [count, times];
  }
  const consistency = best / counts.length;
  // A delimiter that never splits anything says nothing; keep it as the weakest choice.
  return { confidence: fieldCount === 1 ? consistency * 0.1 : consistency, fieldCount };
}

/**
 * Chooses the delimiter from a decoded sample of the file's start: the one whose
 * field count is most consistent across the first records, preferring more fields on
 * a tie and `,` when nothing splits (a one-column file).
 *
 * @param complete the sample is the whole file (its last line is not cut off).
 */
export function sniffDelimiter(sample: string, complete = true): SniffedDelimiter {
  let chosen: SniffedDelimiter = { delimiter: ',', confidence: 0, fieldCount: 1 };
  for (const delimiter of DELIMITERS) {
    const counts = countFields(sample, delimiter, complete);
    const { confidence, fieldCount } = score(counts);
    const better =
      confidence > chosen.confidence || (confidence === chosen.confidence && fieldCount > chosen.fieldCount);
    if (better) chosen = { delimiter, confidence, fieldCount };
  }
  if (chosen.fieldCount === 1) return { delimiter: ',', confidence: chosen.confidence, fieldCount: 1 };
  return chosen;
}

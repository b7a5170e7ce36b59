/**
 * A word diff of two texts for the version pages: the common tokens, what was removed
 * and what was added. Tokens are runs of Latin letters and digits, runs of spaces, and
 * single characters otherwise (each 漢字 is a word of its own, as Chinese has no spaces).
 * Common ends are trimmed first; the rest is an LCS diff, by lines when the texts are
 * too long for a word diff, and a plain replacement when even that is too large.
 */

export interface DiffSegment {
  op: 'same' | 'del' | 'ins';
  text: string;
}

/** Cells of the LCS table past which a diff gives up on finer tokens. */
const MAX_CELLS = 2_000_000;

export function wordTokens(text: string): string[] {
  return text.match(/[A-Za-z0-9_]+|[ \t]+|\r?\n|[\s\S]/gu) ?? [];
}

export function lineTokens(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function lcsDiff(a: readonly string[], b: readonly string[]): DiffSegment[] {
  const n = a.length;
  const m = b.length;
  // lengths[i * (m + 1) + j]: the LCS length of a[i..] and b[j..].
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] =
        a[i] === b[j]
          ? (lengths[(i + 1) * (m + 1) + j + 1] as number) + 1
          : Math.max(lengths[(i + 1) * (m + 1) + j] as number, lengths[i * (m + 1) + j + 1] as number);
    }
  }
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(out, 'same', a[i] as string);
      i++;
      j++;
    } else if ((lengths[(i + 1) * (m + 1) + j] as number) >= (lengths[i * (m + 1) + j + 1] as number)) {
      push(out, 'del', a[i] as string);
      i++;
    } else {
      push(out, 'ins', b[j] as string);
      j++;
    }
  }
  while (i < n) push(out, 'del', a[i++] as string);
  while (j < m) push(out, 'ins', b[j++] as string);
  return out;
}

function push(out: DiffSegment[], op: DiffSegment['op'], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

function diffTokens(a: readonly string[], b: readonly string[]): DiffSegment[] | undefined {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if ((middleA.length + 1) * (middleB.length + 1) > MAX_CELLS) return undefined;
  const out: DiffSegment[] = [];
  push(out, 'same', a.slice(0, start).join(''));
  for (const s of lcsDiff(middleA, middleB)) push(out, s.op, s.text);
  push(out, 'same', a.slice(endA).join(''));
  return out;
}

/** The segments that turn `before` into `after`: joined 'same'+'del' give `before`, 'same'+'ins' give `after`. */
export function diffText(before: string, after: string): DiffSegment[] {
  if (before === after) return before === '' ? [] : [{ op: 'same', text: before }];
  const byWord = diffTokens(wordTokens(before), wordTokens(after));
  if (byWord) return byWord;
  const byLine = diffTokens(lineTokens(before), lineTokens(after));
  if (byLine) return byLine;
  const out: DiffSegment[] = [];
  push(out, 'del', before);
  push(out, 'ins', after);
  return out;
}

import { normaliseText } from './analysis/index.ts';

/**
 * Highlights: the text HTML-escaped, with the characters that match the query wrapped in
 * <mark>. Matching is done on the normalised text (width, case, 臺/台, simplified) mapped
 * back to the original characters, so 台北 marks 臺北 in a title.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** The words to look for: each query term's text split on anything but letters and digits. */
export function highlightWords(texts: readonly string[]): string[] {
  const words = texts.flatMap((t) => t.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 0);
  return [...new Set(words)].sort((a, b) => b.length - a.length);
}

/**
 * normaliseText of one character, remembered: highlighting normalises every character of
 * every result's title and snippet text, and the analyser's full chain (NFKC, variant
 * folding, simplified → traditional) per character dominated a search's time. A
 * catalogue uses a few thousand distinct characters; the memo is capped all the same.
 */
const NORMALISED_CHARS = new Map<string, string>();
const MAX_REMEMBERED_CHARS = 50_000;
function normalisedChar(c: string): string {
  let n = NORMALISED_CHARS.get(c);
  if (n === undefined) {
    n = normaliseText(c);
    if (NORMALISED_CHARS.size < MAX_REMEMBERED_CHARS) NORMALISED_CHARS.set(c, n);
  }
  return n;
}

/** Which characters of `text` (by index into its code points) match one of `words`. */
function markedChars(chars: readonly string[], words: readonly string[]): boolean[] {
  const marked = new Array<boolean>(chars.length).fill(false);
  if (words.length === 0) return marked;
  // The normalised text, and for each of its UTF-16 units the original character index.
  let normalised = '';
  const origin: number[] = [];
  chars.forEach((c, i) => {
    const n = normalisedChar(c);
    normalised += n;
    for (let k = 0; k < n.length; k++) origin.push(i);
  });
  for (const word of words) {
    for (let at = normalised.indexOf(word); at !== -1; at = normalised.indexOf(word, at + 1)) {
      for (let k = at; k < at + word.length; k++) marked[origin[k] as number] = true;
    }
  }
  return marked;
}

function render(chars: readonly string[], marked: readonly boolean[]): string {
  let out = '';
  let open = false;
  chars.forEach((c, i) => {
    if (marked[i] && !open) {
      out += '<mark>';
      open = true;
    } else if (!marked[i] && open) {
      out += '</mark>';
      open = false;
    }
    out += ESCAPES[c] ?? c;
  });
  return open ? `${out}</mark>` : out;
}

/** The whole text, escaped, with matches marked. */
export function highlight(text: string, words: readonly string[]): string {
  const chars = [...text];
  return render(chars, markedChars(chars, words));
}

/** About `size` characters of text around its first match (or its start), escaped, with matches marked. */
export function snippet(text: string, words: readonly string[], size = 120): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  const marked = markedChars(chars, words);
  const first = marked.indexOf(true);
  const start = first <= size / 3 ? 0 : first - Math.floor(size / 3);
  const end = Math.min(chars.length, start + size);
  const body = render(chars.slice(start, end), marked.slice(start, end));
  return `${start > 0 ? '…' : ''}${body}${end < chars.length ? '…' : ''}`;
}

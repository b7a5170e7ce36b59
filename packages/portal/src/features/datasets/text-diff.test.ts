import { describe, expect, it } from 'vitest';
import { diffText } from './text-diff.ts';

const join = (segments: { op: string; text: string }[], keep: string) =>
  segments
    .filter((s) => s.op === 'same' || s.op === keep)
    .map((s) => s.text)
    .join('');

describe('text diff', () => {
  it('marks changed words and keeps the rest', () => {
    const d = diffText('hourly rain at each station', 'daily rain at every station');
    expect(d).toEqual([
      { op: 'del', text: 'hourly' },
      { op: 'ins', text: 'daily' },
      { op: 'same', text: ' rain at ' },
      { op: 'del', text: 'each' },
      { op: 'ins', text: 'every' },
      { op: 'same', text: ' station' },
    ]);
  });

  it('treats each 漢字 as a word', () => {
    expect(diffText('全國雨量站每小時觀測資料', '全國雨量站每日觀測資料')).toEqual([
      { op: 'same', text: '全國雨量站每' },
      { op: 'del', text: '小時' },
      { op: 'ins', text: '日' },
      { op: 'same', text: '觀測資料' },
    ]);
  });

  it('always rebuilds both texts, also past the word-diff size (by lines, then whole)', () => {
    const long = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
    for (const [a, b] of [
      ['', 'new'],
      ['old', ''],
      ['same', 'same'],
      [long(1500, 'a'), long(1500, 'b')],
      [`${long(1600, 'a')}\nkeep\n`, `${long(1600, 'b')}\nkeep\n`],
    ] as const) {
      const d = diffText(a, b);
      expect(join(d, 'del')).toBe(a);
      expect(join(d, 'ins')).toBe(b);
    }
    const byLine = diffText(`${long(1600, 'a')}\nkeep\n`, `${long(1600, 'b')}\nkeep\n`);
    expect(byLine.at(-1)).toEqual({ op: 'same', text: 'keep\n' });
  });
});

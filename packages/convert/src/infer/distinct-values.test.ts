import { describe, expect, it } from 'vitest';
import { ADDED, DistinctValues, FULL, PRESENT } from './distinct-values.ts';

/** What a Set of strings with the same cap answers. */
function reference(cap: number) {
  const seen = new Set<string>();
  return (value: string): number => {
    if (seen.has(value)) return PRESENT;
    if (seen.size >= cap) return FULL;
    seen.add(value);
    return ADDED;
  };
}

describe('DistinctValues', () => {
  it('answers as a Set of strings for values that are prefixes of each other, from bytes and strings', () => {
    const values: string[] = [];
    // Every string of up to 4 characters over a small alphabet: prefixes and long probe chains.
    const alphabet = ['1', '2', '臺', '😀', ''];
    for (const a of alphabet)
      for (const b of alphabet)
        for (const c of alphabet) for (const d of alphabet) values.push(a + b + c + d);
    for (const cap of [0, 1, 37, 300, 10_000]) {
      const set = new DistinctValues(cap);
      const expected = reference(cap);
      values.forEach((value, i) => {
        const bytes = Buffer.from(`,${value},`);
        const answer = i % 2 ? set.insertString(value) : set.insert(bytes, 1, bytes.length - 1);
        expect(answer).toBe(expected(value));
      });
      // Everything again: present, or refused when the cap left it out.
      for (const value of values) expect(set.insertString(value)).toBe(expected(value));
      expect(set.values()).toEqual([...new Set(values)].slice(0, cap));
    }
  });

  it('keeps strings with a lone surrogate apart from U+FFFD, within the same cap', () => {
    const set = new DistinctValues(3);
    expect(set.insertString('\ud800')).toBe(ADDED);
    expect(set.insertString('\ufffd')).toBe(ADDED);
    expect(set.insertString('\ud800')).toBe(PRESENT);
    expect(set.insertString('a')).toBe(ADDED);
    expect(set.insertString('\udc00')).toBe(FULL);
    expect(set.size).toBe(3);
    expect(set.values()).toEqual(['\ufffd', 'a', '\ud800']);
  });

  it('holds many long values', () => {
    const set = new DistinctValues(5000);
    for (let i = 0; i < 6000; i++) set.insertString(`臺東縣成功鎮中山路${i % 5500}號`.repeat(1 + (i % 3)));
    expect(set.size).toBe(5000);
    expect(set.insertString('臺東縣成功鎮中山路0號')).toBe(PRESENT);
  });
});

import { describe, expect, it } from 'vitest';
import { rankCandidates, type Candidate } from './rank-candidates.ts';

const candidate = (
  datasetId: number,
  title: string,
  badge: string | null = null,
  description = '',
  downloads = 0,
): Candidate => ({
  datasetId,
  badge,
  downloads,
  tokens: { title, keywords: '', fields: '', description, agency: '' },
});

const order = (candidates: Candidate[], terms: string[][]) =>
  rankCandidates(candidates, terms).map((r) => r.datasetId);

describe('rankCandidates', () => {
  it('puts a title that is exactly the query first', () => {
    const terms = [['雨', '量']];
    expect(order([candidate(1, '雨 量 站 位 置'), candidate(2, '雨 量')], terms)).toEqual([2, 1]);
  });

  it('orders equal matches by quality badge, then by id', () => {
    const terms = [['停', '車']];
    const same = '臺 北 市 停 車 場';
    expect(
      order(
        [candidate(1, same), candidate(2, same, 'bronze'), candidate(3, same, 'gold'), candidate(4, same)],
        terms,
      ),
    ).toEqual([3, 2, 1, 4]);
  });

  it('keeps the prior small: a badge does not lift a description match over a title match', () => {
    const terms = [['停', '車']];
    expect(order([candidate(1, '停 車 場'), candidate(2, '公 告', 'platinum', '停 車')], terms)).toEqual([
      1, 2,
    ]);
  });

  it('orders equal matches by downloads too, and keeps that prior small', () => {
    const terms = [['停', '車']];
    const same = '臺 北 市 停 車 場';
    expect(
      order(
        [candidate(1, same), candidate(2, same, null, '', 5000), candidate(3, same, null, '', 40)],
        terms,
      ),
    ).toEqual([2, 3, 1]);
    // A million downloads do not lift a description match over a title match.
    expect(order([candidate(1, '停 車 場'), candidate(2, '公 告', null, '停 車', 1_000_000)], terms)).toEqual(
      [1, 2],
    );
  });
});

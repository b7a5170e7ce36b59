import { describe, expect, it } from 'vitest';
import { rankCandidates, type Candidate } from './rank-candidates.ts';

const candidate = (
  datasetId: number,
  title: string,
  badge: string | null = null,
  description = '',
): Candidate => ({
  datasetId,
  badge,
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
});

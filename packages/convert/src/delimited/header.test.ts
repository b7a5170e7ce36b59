import { describe, expect, it } from 'vitest';
import { detectHeader } from './header.ts';
describe('one-column lists', () => {
  it('takes a short label above longer values as the header', () => {
    const header = detectHeader([['地址'], ['臺東縣臺東市博愛路365號'], ['臺東縣成功鎮中山路1號']]);
    expect(header.columns).toEqual([{ name: '地址' }]);
    expect(header.dataStartIndex).toBe(1);
  });

  it('keeps a list of titles without a header as data', () => {
    const header = detectHeader([['蒙藏補助團體私人情形季報表'], ['蒙藏用語對照表'], ['西藏統計資料']]);
    expect(header.columns).toEqual([{ name: 'column_1' }]);
    expect(header.headerRows).toBe(0);
  });
});

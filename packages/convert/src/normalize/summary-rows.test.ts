import { describe, expect, it } from 'vitest';
import { isSummaryRow } from './summary-rows.ts';

describe('isSummaryRow', () => {
  it.each([
    [['合計', '', '1,234']],
    [['總計', '168', '9,876']],
    [['小計', null, '12']],
    [['總和', '5']],
    [['Total', '5']],
    [['TOTAL:', '5']],
    [['', '', '合　計', '99']],
    [[' 總 計 ', '99']],
    [['合計(元)', '99']],
    [['共計', '3']],
  ])('finds a total in %j', (cells) => {
    expect(isSummaryRow(cells)).toBe('total');
  });

  it.each([
    [['註：本表資料以內政部公告為準', '', '']],
    [['註1：單位為新臺幣元', null]],
    [['資料來源：臺東縣政府', '', '']],
    [['說明：空白表示無資料']],
    [['備註:含增建', '']],
    [['附註：', '']],
    [['※ 本表每月更新', '', '']],
    [['Source: Ministry of the Interior', '']],
  ])('finds a footnote in %j', (cells) => {
    expect(isSummaryRow(cells)).toBe('footnote');
  });

  it.each([
    [['臺東市', '臺東市公所', '34']],
    [['文山區', '房地(土地+建物)+車位', '1081111']],
    [['總計畫經費', '100']],
    [['合計數量', '100']],
    [['註：第一欄', '但其他欄有值']],
    [['', '註：不是第一欄', '']],
    [['含增建或未登記建物。', '', '']],
    [['', '', '']],
    [[null, null]],
    [[]],
  ])('keeps the ordinary row %j', (cells) => {
    expect(isSummaryRow(cells)).toBeUndefined();
  });
});

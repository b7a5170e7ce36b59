import { describe, expect, it } from 'vitest';
import { detectHeader, uniqueColumnNames } from './header.ts';
import { sniffDelimiter } from './sniff-delimiter.ts';

describe('sniffDelimiter', () => {
  it.each([
    [';', '名稱;地址;電話\n臺東市公所;"博愛路365號; 2樓";089325301\n豐里;豐里路1號;089\n'],
    ['\t', 'id\tname\tvalue\n1\train, heavy\t3.5\n2\twind\t4\n'],
    ['|', 'a|b|c|d\n1|2|3|4\n5|6|7|8\n'],
    [',', 'x,y\n"1,5",2\n3,4\n'],
  ])('finds %j', (delimiter, sample) => {
    const sniffed = sniffDelimiter(sample);
    expect(sniffed.delimiter).toBe(delimiter);
    expect(sniffed.confidence).toBe(1);
  });

  it('accepts a one-column file, with a low confidence', () => {
    const sniffed = sniffDelimiter('title\n雨量\n地價\n');
    expect(sniffed).toMatchObject({ delimiter: ',', fieldCount: 1 });
    expect(sniffed.confidence).toBeLessThan(0.5);
  });
});

describe('detectHeader', () => {
  it('skips a title row above the header', () => {
    const header = detectHeader([['臺東縣避難收容所一覽表'], ['名稱', '人數'], ['臺東市公所', '34']]);
    expect(header).toMatchObject({ headerRows: 1, dataStartIndex: 2 });
    expect(header.columns).toEqual([{ name: '名稱' }, { name: '人數' }]);
  });

  it('flattens a two-row grouped header, carrying merged cells to the right', () => {
    const header = detectHeader([
      ['地區', '人口', '', '面積'],
      ['', '男', '女', ''],
      ['宜蘭縣', '228000', '225000', '2143.6'],
    ]);
    expect(header).toMatchObject({ headerRows: 2, dataStartIndex: 2 });
    expect(header.columns.map((c) => c.name)).toEqual(['地區', '人口 - 男', '人口 - 女', '面積']);
  });

  it('makes names trimmed, non-empty and unique', () => {
    expect(uniqueColumnNames([' 名稱 ', '名稱', '', '名稱'])).toEqual([
      '名稱',
      '名稱_2',
      'column_3',
      '名稱_3',
    ]);
  });

  it('sees that a row of numbers is data, not a header', () => {
    expect(
      detectHeader([
        ['1', '2.5'],
        ['3', '4.5'],
      ]),
    ).toMatchObject({ headerRows: 0, dataStartIndex: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { foldVariants, normaliseText, VARIANT_FOLDS } from './normalise-text.ts';
import { isSimplifiedOnly, simplifiedToTraditional } from './simplified-to-traditional.ts';

describe('normaliseText', () => {
  it('folds full-width Latin, digits and punctuation to half-width, lower-case', () => {
    expect(normaliseText('ＣＳＶ')).toBe('csv');
    expect(normaliseText('１２３')).toBe('123');
    expect(normaliseText('（ＰＭ２．５）')).toBe('(pm2.5)');
    expect(normaliseText('Open DATA')).toBe('open data');
  });

  it('folds 臺 to 台', () => {
    expect(normaliseText('臺北市')).toBe('台北市');
    expect(normaliseText('臺灣')).toBe(normaliseText('台灣'));
  });

  it('turns simplified 台湾 into the same text as 臺灣 and 台灣', () => {
    expect(normaliseText('台湾')).toBe('台灣');
    expect(normaliseText('台湾省')).toBe(normaliseText('臺灣省'));
  });

  it('converts simplified runs with the Taiwan character forms, keeping proper names', () => {
    expect(normaliseText('不动产实价登录')).toBe('不動產實價登錄'); // twp would give 登入
    expect(normaliseText('停车场')).toBe('停車場');
    expect(normaliseText('地价')).toBe('地價');
    expect(normaliseText('台风')).toBe('颱風');
    expect(normaliseText('出现干旱')).toBe('出現乾旱');
  });

  it('leaves traditional text alone, even characters OpenCC would rewrite', () => {
    for (const title of [
      '村里長選舉',
      '斷層分布圖',
      '地下水污染管制',
      '後里區',
      '貨品暫准通關證',
      '受雇員工',
    ]) {
      expect(normaliseText(title)).toBe(title);
    }
  });

  it('makes simplified 分布 and 占用 meet the traditional spellings', () => {
    expect(normaliseText('地震断层分布图')).toBe(normaliseText('地震斷層分布圖'));
    expect(normaliseText('被佔用')).toBe(normaliseText('被占用'));
  });

  it('applies each documented variant fold', () => {
    expect(normaliseText('峯羣綫鷄衞爲啓着汙溼裏佈佔')).toBe('峰群線雞衛為啟著污濕裡布占');
    for (const [from, to] of VARIANT_FOLDS) expect(foldVariants(from)).toBe(to);
  });

  it('does not fold 里 (village) into 裡 (inside)', () => {
    expect(normaliseText('里長')).toBe('里長');
    expect(normaliseText('這裏')).toBe('這裡');
  });

  it('turns invisible format characters into spaces', () => {
    expect(normaliseText('雨量\u200b資料\ufeff')).toBe('雨量 資料 ');
  });

  it('is idempotent', () => {
    const samples = ['臺北市ＣＳＶ', '台湾地图', '峯 Stations', 'Café', '出现干旱', '', '𠀋𡘙'];
    for (const s of samples) expect(normaliseText(normaliseText(s))).toBe(normaliseText(s));
  });

  it('handles empty and non-CJK input', () => {
    expect(normaliseText('')).toBe('');
    expect(normaliseText('*^:()')).toBe('*^:()');
  });
});

describe('simplifiedToTraditional', () => {
  it('tells simplified-only characters from shared ones', () => {
    expect(isSimplifiedOnly('湾')).toBe(true);
    expect(isSimplifiedOnly('发')).toBe(true);
    expect(isSimplifiedOnly('里')).toBe(false);
    expect(isSimplifiedOnly('台')).toBe(false);
    expect(isSimplifiedOnly('雨')).toBe(false);
  });

  it('converts only the runs that contain a simplified-only character', () => {
    expect(simplifiedToTraditional('村里長 台湾')).toBe('村里長 臺灣');
  });
});

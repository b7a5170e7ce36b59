import { fail, notApplicable, pass, type ResourceCheck } from './check.ts';
import { encodingFamily, encodingsAgree } from './encoding-family.ts';

const TO_UTF8 = {
  zh: '建議將檔案轉存為 UTF-8 編碼（平台可一鍵轉換並提供 UTF-8 版本）。',
  en: 'Re-save the file as UTF-8 (the platform can convert it in one click).',
};

/** 編碼相符: the detected text encoding equals the declared 編碼格式; UTF-8 recommended. */
export const encodingMatch: ResourceCheck = {
  id: 'encoding_match',
  version: 1,
  appliesTo: ['file'],
  dimension: 'understandable',
  run({ declared, sniffed, table, body }) {
    if (!body || body.bytes === 0 || !sniffed) return notApplicable('no content to judge');
    const detectedName = table?.report.input.encoding ?? sniffed.encoding;
    if (!detectedName) return notApplicable(`${sniffed.format} is not a text format`);
    const detected = encodingFamily(detectedName);
    const declaredFamily = encodingFamily(declared.encoding);
    const replaced = (table?.report.input.replacementCharacters ?? 0) + (sniffed.invalidSequences ?? 0);
    const evidence = {
      declared: declared.encoding ?? null,
      detected: detectedName,
      invalidSequences: replaced,
      recommended: 'UTF-8',
    };
    if (replaced > 0) {
      return fail(evidence, {
        zh: `檔案含有 ${replaced} 個無法解碼的位元組（亂碼），請以正確編碼重新匯出為 UTF-8。`,
        en: `The file has ${replaced} bytes that do not decode (mojibake): export it again as UTF-8.`,
      });
    }
    if (
      !declaredFamily ||
      !detected ||
      !encodingsAgree(declaredFamily, detected, sniffed.asciiOnly === true)
    ) {
      return fail(evidence, {
        zh: `宣告的編碼為 ${declared.encoding ?? '（未填）'}，實際為 ${detectedName}：請更正編碼格式欄位，或將檔案轉為 UTF-8 並宣告 UTF-8。`,
        en: `Declared ${declared.encoding ?? '(nothing)'} but the file is ${detectedName}: correct the encoding field, or convert the file to UTF-8 and declare UTF-8.`,
      });
    }
    const result = pass(evidence);
    if (detected === 'big5') result.fix = TO_UTF8;
    return result;
  },
};

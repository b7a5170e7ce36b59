import { fail, notApplicable, pass, type ResourceCheck } from './check.ts';

/** 格式相符: the sniffed format equals the declared 檔案格式. */
export const formatMatch: ResourceCheck = {
  id: 'format_match',
  version: 1,
  appliesTo: ['file'],
  dimension: 'processable',
  run({ declared, sniffed, body }) {
    if (!sniffed || !body || body.bytes === 0) return notApplicable('no content to judge');
    const evidence = { declared: declared.format ?? null, sniffed: sniffed.format };
    if (!declared.format) {
      return fail(evidence, {
        zh: `請在詮釋資料填寫檔案格式（實際為 ${sniffed.format}）。`,
        en: `Declare the file format in the metadata (the file is ${sniffed.format}).`,
      });
    }
    const verdict = sniffed.formatMatch ?? { match: false, reason: 'not compared' };
    if (verdict.match) return pass({ ...evidence, reason: verdict.reason });
    return fail(
      { ...evidence, reason: verdict.reason },
      {
        zh: `宣告的檔案格式為 ${declared.format}，實際檔案為 ${sniffed.format}：請更正檔案格式欄位，或提供 ${declared.format} 格式的檔案。`,
        en: `Declared ${declared.format} but the file is ${sniffed.format}: correct the format field or publish a real ${declared.format} file.`,
      },
    );
  },
};

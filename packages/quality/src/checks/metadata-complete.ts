import { recordProblems } from '../metadata/record-problems.ts';
import { fail, notApplicable, pass, type ResourceCheck } from './check.ts';

/** 詮釋資料完整: every 必須 field present and valid (patterns, e-mails, URLs, vocabularies, 付費 ⇒ costURL/costLaw). */
export const metadataComplete: ResourceCheck = {
  id: 'metadata_complete',
  version: 1,
  appliesTo: ['file', 'api'],
  dimension: 'understandable',
  run({ metadata, now }) {
    if (!metadata) return notApplicable('no metadata record was given');
    const problems = recordProblems(metadata, now);
    if (problems.length === 0) return pass({ problems: [] });
    const fields = [...new Set(problems.map((p) => p.field))];
    return fail(
      { problems },
      {
        zh: `請補正詮釋資料欄位：${fields.join('、')}。`,
        en: `Complete or correct these metadata fields: ${fields.join(', ')}.`,
      },
    );
  },
};

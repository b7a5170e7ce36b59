import { fail, notApplicable, pass, type ResourceCheck } from './check.ts';

/** 結構化: machine-readable structured data (CSV, JSON, XML, XLSX, ODS, GeoJSON, …), not PDF/DOC/images. */
export const structured: ResourceCheck = {
  id: 'structured',
  version: 1,
  appliesTo: ['file'],
  dimension: 'processable',
  run({ sniffed, body }) {
    if (!sniffed || !body || body.bytes === 0) return notApplicable('no content to judge');
    const evidence = { sniffedFormat: sniffed.format };
    if (sniffed.structured) return pass(evidence);
    return fail(evidence, {
      zh: `${sniffed.format} 不是機器可讀的結構化格式，請另外提供 CSV、JSON 或 XML 格式。`,
      en: `${sniffed.format} is not machine-readable structured data: also publish CSV, JSON or XML.`,
    });
  },
};

import { fail, notApplicable, pass, type ResourceCheck } from './check.ts';

/** Row counts an API cuts at without saying so: a round number and no paging. */
const ROUND_CAPS = new Set([100, 200, 500, 1000, 2000, 5000, 10000, 50000, 100000]);
/** Bodies with at least this many rows should be pageable. */
export const PAGING_EXPECTED_FROM = 1000;

/**
 * API 規範: a SERVICES/API resource has a valid OpenAPI document, the endpoint answers
 * with structured data, paging is documented for large results, and no silent row cap.
 */
export const apiConformance: ResourceCheck = {
  id: 'api_conformance',
  version: 1,
  appliesTo: ['api'],
  dimension: 'processable',
  run({ api, declared }) {
    const problems: string[] = [];
    const oas = api?.oas;
    const endpoint = api?.endpoint;
    if (!api) return notApplicable('the API was not probed');
    if (!declared.oasUrl || !oas) problems.push('no OpenAPI document (resourceOasUrl)');
    else if (!oas.valid)
      problems.push(`the OpenAPI document is not valid: ${oas.problems.slice(0, 5).join('; ')}`);
    if (!endpoint || endpoint.errorCode || (endpoint.status ?? 0) >= 400 || endpoint.status === undefined)
      problems.push(
        `the endpoint does not answer (${endpoint?.errorCode ?? `HTTP ${endpoint?.status ?? '—'}`})`,
      );
    else if (!endpoint.structured)
      problems.push(`the endpoint answers ${endpoint.format ?? 'unstructured data'}, not JSON/XML/CSV`);
    const rows = endpoint?.rows;
    const paging = oas?.pagingDocumented ?? false;
    if (rows !== undefined && !paging) {
      if (ROUND_CAPS.has(rows))
        problems.push(`the answer stops at exactly ${rows} rows with no documented paging (a silent cap?)`);
      else if (rows >= PAGING_EXPECTED_FROM)
        problems.push(`${rows} rows in one answer and no documented paging`);
    }
    const evidence = {
      oasUrl: declared.oasUrl ?? null,
      oasVersion: oas?.version ?? null,
      pagingDocumented: paging,
      endpointStatus: endpoint?.status ?? null,
      endpointFormat: endpoint?.format ?? null,
      rows: rows ?? null,
      problems,
    };
    if (problems.length === 0) return pass(evidence);
    return fail(evidence, {
      zh: `API 需要改善：${problems.join('；')}。請提供有效的 OpenAPI 文件（resourceOasUrl）、以 JSON/XML 回應，並在文件中說明分頁參數。`,
      en: `The API needs work: ${problems.join('; ')}. Publish a valid OpenAPI document (resourceOasUrl), answer in JSON/XML and document paging.`,
    });
  },
};

import { fail, notApplicable, pass, type ResourceCheck } from './check.ts';
import { fetchFailureFix } from './fetch-failure-fix.ts';

/** 可連結: the URL answers 2xx within the timeout after at most 5 redirects. */
export const linkable: ResourceCheck = {
  id: 'linkable',
  version: 1,
  appliesTo: ['file', 'api'],
  dimension: 'availability',
  run({ http }) {
    if (!http) return notApplicable('a local file was checked, not a URL');
    const evidence = {
      url: http.url,
      finalUrl: http.finalUrl ?? http.url,
      status: http.status ?? null,
      redirects: http.redirects,
      elapsedMs: http.elapsedMs,
      ...(http.tlsError ? { tlsError: http.tlsError } : {}),
    };
    if (http.errorCode) {
      return fail(
        { ...evidence, error: http.errorCode, message: http.errorMessage ?? '' },
        fetchFailureFix(http.errorCode),
      );
    }
    const status = http.status ?? 0;
    if ((status >= 200 && status < 300) || status === 304) return pass(evidence);
    return fail(evidence, {
      zh: `網址回應 HTTP ${status}，請確認資料下載網址正確且檔案仍在伺服器上。`,
      en: `The URL answers HTTP ${status}: make sure the download URL is right and the file is still on the server.`,
    });
  },
};

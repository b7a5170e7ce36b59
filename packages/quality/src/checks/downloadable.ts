import { fail, notApplicable, pass, type ResourceCheck } from './check.ts';

const HTML_PAGE_FIX = {
  landing: {
    zh: '網址回應的是下載頁面而不是檔案本身，請將資料下載網址改為檔案的直接連結。',
    en: 'The URL returns a download page, not the file: link the file itself.',
  },
  login: {
    zh: '網址回應的是登入頁面，開放資料必須免登入即可下載。',
    en: 'The URL returns a login page: open data must download without signing in.',
  },
  error: {
    zh: '網址以 200 回應了錯誤頁面，請修正網址或讓伺服器提供檔案。',
    en: 'The URL returns an error page with status 200: fix the URL or the server.',
  },
  other: {
    zh: '網址回應的是網頁而不是資料檔，請提供資料檔的直接連結。',
    en: 'The URL returns a web page rather than a data file: link the data file.',
  },
} as const;

/** 可下載: the bytes are the data itself, decided from the bytes, not from Content-Type. */
export const downloadable: ResourceCheck = {
  id: 'downloadable',
  version: 1,
  appliesTo: ['file'],
  dimension: 'availability',
  run({ http, body, sniffed }) {
    if (http?.errorCode || (http?.status !== undefined && http.status >= 400)) {
      return fail(
        { reason: 'nothing was downloaded', status: http.status ?? null, error: http.errorCode ?? null },
        { zh: '請先讓資料下載網址可正常連線。', en: 'Make the download URL answer first.' },
      );
    }
    if (!body || !sniffed) return notApplicable('no content to judge');
    const evidence = {
      bytes: body.bytes,
      sniffedFormat: sniffed.format,
      contentType: http?.contentType ?? null,
      ...(sniffed.reason ? { reason: sniffed.reason } : {}),
    };
    if (body.bytes === 0) {
      return fail(
        { ...evidence, reason: 'the response is empty' },
        {
          zh: '下載到的檔案是空的，請確認伺服器上的檔案有內容。',
          en: 'The downloaded file is empty: check the file on the server.',
        },
      );
    }
    if (sniffed.htmlPage) {
      const page = sniffed.htmlPage as keyof typeof HTML_PAGE_FIX;
      return fail({ ...evidence, htmlPage: page }, HTML_PAGE_FIX[page] ?? HTML_PAGE_FIX.other);
    }
    return pass(evidence);
  },
};

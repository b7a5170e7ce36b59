import type { Fix } from './check.ts';

/** What an agency can do about each way a fetch fails (the fetcher's FETCH_* codes). */
const FIXES: Record<string, Fix> = {
  FETCH_BAD_URL: {
    zh: '資料下載網址格式錯誤，請填寫完整的 http(s):// 網址，且不要在網址中放帳號密碼。',
    en: 'The download URL is malformed: give a full http(s):// URL without credentials in it.',
  },
  FETCH_ADDRESS_REFUSED: {
    zh: '網址指向內部或保留位址，民眾無法連線；請改用可公開存取的網址。',
    en: 'The URL points at an internal or reserved address the public cannot reach: publish a public URL.',
  },
  FETCH_DNS: {
    zh: '網址的主機名稱查無此站，請確認網域名稱正確且已對外公開。',
    en: 'The host name does not resolve: check the domain name is right and public.',
  },
  FETCH_CONNECT: {
    zh: '無法連上伺服器，請確認伺服器對外開放且防火牆允許連線。',
    en: 'The server refused the connection: make sure it is reachable from the internet.',
  },
  FETCH_TLS: {
    zh: 'HTTPS 憑證有問題（過期、名稱不符或鏈結不完整），請更新伺服器憑證。',
    en: 'The HTTPS certificate is invalid (expired, wrong name or incomplete chain): renew or fix it.',
  },
  FETCH_TIMEOUT: {
    zh: '伺服器在時限內沒有回應，請改善回應速度或改提供靜態檔案。',
    en: 'The server did not answer in time: speed it up or publish a static file.',
  },
  FETCH_TOO_MANY_REDIRECTS: {
    zh: '網址轉址超過 5 次，請直接提供最終的檔案網址。',
    en: 'The URL redirects more than 5 times: publish the final file URL directly.',
  },
  FETCH_REDIRECT_LOOP: {
    zh: '網址轉址形成迴圈，請修正伺服器的轉址設定。',
    en: 'The URL redirects in a loop: fix the redirect rules on the server.',
  },
  FETCH_RESET: {
    zh: '伺服器中斷了連線，請確認伺服器穩定並能完整傳送檔案。',
    en: 'The server reset the connection: make sure it can send the whole file reliably.',
  },
};

const GENERIC: Fix = {
  zh: '無法取得資料，請確認資料下載網址可公開存取。',
  en: 'The data could not be fetched: make sure the download URL is publicly reachable.',
};

export function fetchFailureFix(code: string): Fix {
  return FIXES[code] ?? GENERIC;
}

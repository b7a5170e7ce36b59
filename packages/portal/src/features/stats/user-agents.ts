/**
 * Who is asking, from the User-Agent header alone: the list that bot filtering uses
 * (docs/counting.md). No maintained package for this is among the project's
 * dependencies, so the patterns live here, one line each with what they catch; add a
 * crawler by adding a line (and a case in user-agents.test.ts).
 *
 * - `crawler`: search engines, link previews, SEO tools, archivers, monitors and
 *   headless browsers. Never counted.
 * - `library`: HTTP clients and command-line tools (curl, python-requests, …). Counted
 *   as downloads and API calls — that is how open data is used — but not as page views.
 * - `none`: no User-Agent at all; counted like a library.
 * - `browser`: everything else.
 */
export type UserAgentKind = 'crawler' | 'library' | 'none' | 'browser';

const CRAWLER_PATTERNS: readonly RegExp[] = [
  // Any "...bot" word: Googlebot, bingbot, YandexBot, Applebot, DuckDuckBot, PetalBot,
  // SemrushBot, AhrefsBot, Twitterbot, LinkedInBot, Slackbot, TelegramBot, Mail.RU_Bot…
  // (not the Cubot phone brand).
  /(?<!cu)bot\b/i,
  // Baiduspider, Bytespider, 360Spider, Sogou web spider; crawlers by name.
  /spider|crawl|slurp|scrap(?:er|y)/i,
  // Web archives: ia_archiver, archive.org_bot, heritrix.
  /archiver|archive\.org|heritrix/i,
  // Google's fetchers without "bot" in their names.
  /Mediapartners-Google|APIs-Google|Google-InspectionTool|Google-Read-Aloud|GoogleOther|Google-Extended|FeedFetcher-Google|Google-Site-Verification/i,
  // Link previews of chat and social apps (their in-app browsers are readers, not these).
  /facebookexternalhit|facebookcatalog|WhatsApp\/|SkypeUriPreview|Embedly|Iframely|vkShare/i,
  // Other engines and directories: Naver (Yeti), Daum, Seznam, Qwant, Yahoo Japan.
  /\bYeti\/|\bDaum(oa)?[/ ]|Seznam|Qwantify|Y!J-/i,
  // Headless and automated browsers, audits and uptime monitors.
  /Headless|PhantomJS|Puppeteer|Playwright|Selenium|Lighthouse|PageSpeed|GTmetrix|Pingdom|UptimeRobot|StatusCake|Site24x7|Uptime-Kuma|Better Uptime|check_http|Nagios|Zabbix|monitoring/i,
  // Feed readers and link checkers.
  /Feedly|Feedbin|NewsBlur|Inoreader|feedparser|W3C_Validator|W3C-checklink|LinkChecker|link-check/i,
];

const LIBRARY_PATTERNS: readonly RegExp[] = [
  // Command-line tools.
  /^(curl|Wget|HTTPie|aria2|PowerShell|WinHttp)\b/i,
  // Language HTTP clients: Python, Go, Java, JavaScript, PHP, Ruby, Perl, R, .NET, Dart, Rust.
  /^(python-requests|Python-urllib|python-httpx|aiohttp|urllib3|Go-http-client|Java\/|Apache-HttpClient|okhttp|axios|node-fetch|node$|undici|got\b|Deno\/|Bun\/|GuzzleHttp|PHP|Ruby|Faraday|libwww-perl|LWP::|Dart\/|reqwest|RestSharp|\.NET|libcurl|r-curl|httr)/i,
  /\blibcurl\/|\bhttr\//i,
  // API tools.
  /^(PostmanRuntime|insomnia|Paw\/|Bruno)/i,
];

/** Sorts a User-Agent header into crawler, library, none or browser. */
export function userAgentKind(userAgent: string | undefined): UserAgentKind {
  const ua = (userAgent ?? '').trim();
  if (ua === '') return 'none';
  if (CRAWLER_PATTERNS.some((p) => p.test(ua))) return 'crawler';
  if (LIBRARY_PATTERNS.some((p) => p.test(ua))) return 'library';
  return 'browser';
}

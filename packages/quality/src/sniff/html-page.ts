import type { HtmlPageEvidence, HtmlPageKind } from './sniffed-resource.ts';

/** Extensions of the files a download page links to. */
const DATA_EXTENSIONS =
  /\.(?:csv|tsv|txt|json|geojson|xml|kml|kmz|gml|rss|rdf|xlsx?|ods|docx?|odt|pptx?|odp|pdf|zip|rar|7z|gz|shp|dwg|png|jpe?g|gif|tiff?)$/i;
const FORMAT_QUERY = /[?&](?:format|type|filetype|ext)=(?:csv|json|geojson|xml|kml|xlsx?|ods|zip|pdf)\b/i;

const LOGIN_WORDS = [
  '登入',
  '登錄',
  '帳號',
  '密碼',
  '驗證碼',
  '簽入',
  'login',
  'log in',
  'sign in',
  'signin',
  'password',
];
const ERROR_PATTERNS: readonly RegExp[] = [
  /\b(?:400|401|403|404|410|500|502|503|504)\b/,
  /not found/i,
  /\berror\b/i,
  /forbidden/i,
  /unavailable/i,
  /找不到/,
  /錯誤/,
  /不存在/,
  /已移除/,
  /無法(?:存取|顯示|連線)/,
  /系統忙碌/,
];

/** In the body of a short page only unambiguous phrases count (a figure like 404 may be data). */
const BODY_ERROR_PATTERNS: readonly RegExp[] = [
  /not found/i,
  /找不到/,
  /不存在/,
  /(?:頁面|系統|伺服器)錯誤/,
  /internal server error/i,
];

const MAX_SAMPLES = 10;
/** A page whose visible text is shorter than this is checked for error words in its body too. */
const SHORT_PAGE = 2000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Visible text of a fragment: tags, scripts and styles removed, entities and spaces collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(parseInt(name.slice(2), 16) || 32);
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)) || 32);
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const count = (html: string, pattern: RegExp): number => [...html.matchAll(pattern)].length;

function hrefOf(tag: string): string | undefined {
  const match = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function isFileLink(tag: string, href: string): boolean {
  if (/\sdownload(?:\s*=|[\s>])/i.test(tag)) return true;
  const path = href.split(/[?#]/)[0] ?? '';
  return DATA_EXTENSIONS.test(path) || FORMAT_QUERY.test(href);
}

const wordsIn = (text: string, words: readonly string[]): string[] =>
  words.filter((w) => text.toLowerCase().includes(w.toLowerCase()));

/**
 * What an HTML document served in place of data is: a download (landing) page that
 * links to files, a login page, an error page served with 200, or some other page.
 */
export function classifyHtmlPage(html: string): HtmlPageEvidence {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = titleMatch ? visibleText(titleMatch[1] ?? '').slice(0, 200) : undefined;
  const headings = [...html.matchAll(/<h([12])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi)]
    .slice(0, 5)
    .map((m) => visibleText(m[2] ?? '').slice(0, 200))
    .filter((h) => h !== '');
  const anchors = [...html.matchAll(/<a\b[^>]*>/gi)].map((m) => m[0]);
  const fileLinkSamples: string[] = [];
  let fileLinks = 0;
  for (const tag of anchors) {
    const href = hrefOf(tag);
    if (href === undefined || !isFileLink(tag, href)) continue;
    fileLinks++;
    if (fileLinkSamples.length < MAX_SAMPLES) fileLinkSamples.push(href);
  }
  const formHtml = [...html.matchAll(/<form\b[\s\S]*?(?:<\/form\s*>|$)/gi)].map((m) => m[0]).join(' ');
  const formText = `${visibleText(formHtml)} ${[...formHtml.matchAll(/\b(?:value|placeholder|name|id)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]).join(' ')}`;
  const passwordInputs = count(html, /<input\b[^>]*\btype\s*=\s*["']?password\b/gi);
  const forms = count(html, /<form\b/gi);
  const heading = [title ?? '', ...headings].join(' ');
  const body = visibleText(html);
  const found = (patterns: readonly RegExp[], text: string) =>
    patterns.map((p) => p.exec(text)?.[0]).filter((w): w is string => w !== undefined);
  const errorWords = [
    ...new Set([
      ...found(ERROR_PATTERNS, heading),
      ...(body.length < SHORT_PAGE ? found(BODY_ERROR_PATTERNS, body) : []),
    ]),
  ];
  const loginWords = [
    ...new Set([...wordsIn(heading, LOGIN_WORDS), ...(forms > 0 ? wordsIn(formText, LOGIN_WORDS) : [])]),
  ];
  let kind: HtmlPageKind = 'other';
  if (passwordInputs > 0) kind = 'login';
  else if (errorWords.length > 0) kind = 'error';
  else if (wordsIn(heading, LOGIN_WORDS).length > 0 || (forms > 0 && loginWords.length > 0)) kind = 'login';
  else if (fileLinks > 0) kind = 'landing';
  return {
    kind,
    ...(title !== undefined ? { title } : {}),
    headings,
    links: anchors.length,
    fileLinks,
    fileLinkSamples,
    forms,
    passwordInputs,
    tables: count(html, /<table\b/gi),
    loginWords,
    errorWords,
  };
}

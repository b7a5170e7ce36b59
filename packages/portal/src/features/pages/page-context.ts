import { localePath, type Locale } from '../../i18n/locale.ts';
import { messagesFor, type Messages } from '../../i18n/messages.ts';

/** What every view is given: the language, its messages and where the page is. */
export interface PageContext {
  locale: Locale;
  m: Messages;
  /** This page's path and query without the language prefix ('/datasets?q=雨量'). */
  path: string;
  /** The site's public URL (for API examples and JSON-LD), without a trailing slash. */
  publicUrl: string;
}

export function pageContext(locale: Locale, path: string, publicUrl: string): PageContext {
  return { locale, m: messagesFor(locale), path, publicUrl: publicUrl.replace(/\/+$/, '') };
}

/** A link to a page in the reader's language: `href(ctx, '/datasets')` is '/en/datasets' in English. */
export function href(ctx: PageContext, path: string): string {
  return localePath(ctx.locale, path);
}

/** A page path with a query string built from the defined, non-empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The `.json` twin of a page path ('/datasets?q=x' → '/datasets.json?q=x', '/' → '/index.json'). */
export function jsonPath(path: string): string {
  const q = path.indexOf('?');
  const base = q === -1 ? path : path.slice(0, q);
  const query = q === -1 ? '' : path.slice(q);
  return `${base === '/' ? '/index' : base}.json${query}`;
}

/**
 * The two languages of the pages: 正體中文 (zh-TW) at the site root and English under
 * `/en/`. A page's path without the prefix is the same in both, so switching language
 * keeps the reader on the same page.
 */

export const LOCALES = ['zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** What `<html lang>` says (BCP 47; Traditional script named, as government sites do). */
export const HTML_LANG: Record<Locale, string> = { 'zh-TW': 'zh-Hant-TW', en: 'en' };

/** The path prefix of each language's pages. */
export const LOCALE_PREFIX: Record<Locale, string> = { 'zh-TW': '', en: '/en' };

/** The same page in `locale`: `path` is a page path without a language prefix ('/', '/datasets?q=…'). */
export function localePath(locale: Locale, path: string): string {
  const prefix = LOCALE_PREFIX[locale];
  if (prefix === '') return path;
  if (path === '/') return prefix;
  if (path.startsWith('/?')) return `${prefix}${path.slice(1)}`;
  return `${prefix}${path}`;
}

/** Splits a request URL into its language and the path without the prefix. */
export function splitLocale(url: string): { locale: Locale; path: string } {
  if (url === '/en' || url.startsWith('/en/') || url.startsWith('/en?')) {
    const rest = url.slice(3);
    return { locale: 'en', path: rest === '' || rest.startsWith('?') ? `/${rest}` : rest };
  }
  return { locale: 'zh-TW', path: url };
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'zh-TW' : 'en';
}

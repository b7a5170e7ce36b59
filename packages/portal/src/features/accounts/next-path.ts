import { localePath, type Locale } from '../../i18n/locale.ts';

/** True for C0 control characters, DEL and the backslash. */
function hasForbiddenCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === '\\') return true;
  }
  return false;
}

/**
 * Where to go after signing in. Only a path on this site is followed: it must start
 * with a single '/' (not '//' or '/\', which browsers read as another host) and hold no
 * backslash or control character. Anything else goes to the back office. Characters
 * outside printable ASCII are percent-encoded (a Location header carries no others).
 */
export function safeNextPath(next: unknown, locale: Locale): string {
  if (
    typeof next === 'string' &&
    next.length <= 2000 &&
    /^\/(?![/\\])/.test(next) &&
    !hasForbiddenCharacter(next)
  )
    return next.replace(/[^\u0021-\u007e]/gu, (c) => encodeURIComponent(c));
  return localePath(locale, '/manage');
}

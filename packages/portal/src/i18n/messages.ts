import type { Locale } from './locale.ts';
import { en } from './messages.en.ts';
import { zhTW, type Messages } from './messages.zh-TW.ts';

/** The message catalogue of a language. */

export type { Messages };

const CATALOGUES: Record<Locale, Messages> = { 'zh-TW': zhTW, en };

export function messagesFor(locale: Locale): Messages {
  return CATALOGUES[locale];
}

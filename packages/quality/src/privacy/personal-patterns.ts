import { identityKind, type IdentityKind } from './taiwan-id.ts';

/** What the privacy guard looks for (PRODUCT.md C12). */
export type PersonalDataKind = IdentityKind | 'mobile' | 'email' | 'personal_name';

export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  'national_id',
  'resident_certificate',
  'mobile',
  'email',
  'personal_name',
];

/** One piece of personal data inside a cell's text. */
export interface PatternMatch {
  kind: Exclude<PersonalDataKind, 'personal_name'>;
  start: number;
  end: number;
  text: string;
}

/**
 * Candidates are found with loose patterns and then judged: an identity number needs its
 * checksum; a mobile number must not be part of a longer run of digits (a 統一編號, a
 * date, a coordinate, an account number); an e-mail address on a government domain is an
 * agency's contact address, not a person's.
 */
// A letter not preceded by a letter or digit, then 9 more characters, not followed by either.
// Lower case counts too (a123456789 typed by hand); the checksum keeps codes out.
const IDENTITY = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]\d{8}(?![A-Za-z0-9])/g;
// 0912-345-678, 0912 345 678, 0912345678, +886 912 345 678, +886-912-345678, (+886)912345678;
// not a 公文字號 such as 府觀管字第0970090643號 (ROC year 097 and a serial).
const MOBILE = /(?<![\d+第])(?:\(?\+886\)?[- ]?|0)9\d{2}[- ]?\d{3}[- ]?\d{3}(?![\d號])/g;
const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g;
/** Agency contact addresses: government domains (機關信箱), not personal data of the public. */
const AGENCY_DOMAIN = /(^|\.)gov\.tw$/i;
/** Mailbox providers for the public: an address there belongs to a person, not to an organisation. */
const PERSONAL_MAIL_DOMAIN =
  /^((gmail|googlemail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|qq|163|126|sina|naver)\.(com|me)|(hotmail|yahoo|kimo|pchome|seed|url)\.com\.tw|yahoo\.com|ymail\.com|seed\.net\.tw|[a-z0-9]+\.hinet\.net)$/i;

/** True for an address at a mailbox provider for the public (gmail.com, yahoo.com.tw, ms1.hinet.net, …). */
export function isPersonalMailbox(address: string): boolean {
  return PERSONAL_MAIL_DOMAIN.test(address.slice(address.lastIndexOf('@') + 1));
}

/** The personal data inside one text, in order of position. */
export function findPersonalPatterns(text: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  if (text.length < 6) return out;
  if (/[A-Za-z]/.test(text)) {
    for (const m of text.matchAll(IDENTITY)) {
      const kind = identityKind(m[0].toUpperCase());
      if (kind) out.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  if (text.includes('9')) {
    for (const m of text.matchAll(MOBILE))
      out.push({ kind: 'mobile', start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  if (text.includes('@')) {
    for (const m of text.matchAll(EMAIL)) {
      const domain = m[0].slice(m[0].lastIndexOf('@') + 1);
      if (!AGENCY_DOMAIN.test(domain))
        out.push({ kind: 'email', start: m.index, end: m.index + m[0].length, text: m[0] });
    }
  }
  // One piece of text is one finding: an e-mail like 0912345678@gmail.com is not also a mobile.
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out.filter((m, i) => out.slice(0, i).every((o) => o.end <= m.start));
}

/** Between the matches of a cell that holds nothing else: separators and labels-free punctuation. */
const SEPARATORS = /^[\s,;，；、/|]*$/;

/**
 * True when the cell is the data itself (one value, or a list of values with separators),
 * false when the matches sit inside longer text (a remark, a reply, an address line).
 */
export function isWholeCell(text: string, matches: readonly PatternMatch[]): boolean {
  let rest = '';
  let at = 0;
  for (const m of matches) {
    rest += text.slice(at, m.start);
    at = m.end;
  }
  rest += text.slice(at);
  // Agency addresses listed beside the others are values too, not surrounding text.
  return SEPARATORS.test(rest.replace(EMAIL, ''));
}

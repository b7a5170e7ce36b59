import type { FieldStandard } from './field-standard.ts';

const EXTENSION = /\s*(?:#|分機|轉|ext\.?|x)\s*\d{1,6}$/i;
const SHAPE = /^[\d\s()-]+$/;

/**
 * Landline (02-2321-2200, (089)325301, 0826-12345), mobile (0912-345-678), toll-free
 * (0800-…), +886 forms; an extension may follow. Without its punctuation the number is
 * 0 followed by 8 or 9 digits.
 */
export function isTaiwanPhoneNumber(value: string): boolean {
  let v = value.normalize('NFKC').trim().replace(EXTENSION, '');
  v = v.replace(/^\+886[\s-]*\(?0?/, '0');
  if (!SHAPE.test(v)) return false;
  const digits = v.replace(/\D/g, '');
  return /^0\d{8,9}$/.test(digits);
}

/** 電話: a Taiwanese phone number as people write it. */
export const phoneTw: FieldStandard = {
  id: 'phone-tw',
  title: { zh: '電話號碼（含區碼，可加分機）', en: 'Phone number (with area code, optional extension)' },
  field: {
    name: 'phone',
    type: 'string',
    description:
      'Area code and number, e.g. 02-2321-2200 or (089)325301; mobile 0912-345-678; extension after # or 分機',
    constraints: { pattern: '(\\+886|\\(?0)[\\d\\s()-]{8,14}((#|分機)\\d{1,6})?' },
  },
  claimedBy: /^(電話|聯絡電話|連絡電話|電話號碼|phone|tel|telephone)$/i,
  check: (value) => (isTaiwanPhoneNumber(value) ? undefined : 'not a Taiwanese phone number'),
};

const BAN_WEIGHTS = [1, 2, 1, 2, 1, 2, 4, 1];

/**
 * 統一編號 checksum (財政部, 2023 rule): multiply the digits by 1,2,1,2,1,2,4,1, add the
 * digits of each product; the sum is divisible by 5 — or, when the 7th digit is 7, the
 * sum plus one is.
 */
export function isValidBusinessNumber(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  const sum = [...value].reduce((total, ch, i) => {
    const product = Number(ch) * (BAN_WEIGHTS[i] as number);
    return total + Math.floor(product / 10) + (product % 10);
  }, 0);
  return sum % 5 === 0 || (value[6] === '7' && (sum + 1) % 5 === 0);
}

/** 統一編號: the 8-digit business administration number with its checksum. */
export const businessNumber: FieldStandard = {
  id: 'business-number',
  title: { zh: '統一編號（含檢查碼）', en: 'Business administration number (統一編號, with checksum)' },
  field: { name: 'businessNumber', type: 'string', constraints: { pattern: '\\d{8}' } },
  claimedBy: /^(統一編號|統編|營利事業統一編號|ban|business_?number|taxid)$/i,
  check: (value) => {
    const v = value.trim();
    if (!/^\d{8}$/.test(v)) return 'not 8 digits';
    return isValidBusinessNumber(v) ? undefined : 'checksum does not hold';
  },
};

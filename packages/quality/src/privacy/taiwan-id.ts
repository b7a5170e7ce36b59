/**
 * Taiwan personal identity numbers and their checksum:
 *
 * - 身分證統一編號 (national ID): a letter, 1 or 2 (sex), 8 digits — `A123456789`.
 * - 居留證 / 統一證號 (resident certificate), new style since 2021: a letter, 8 or 9, 8
 *   digits — `A800000014`; the same checksum as the national ID.
 * - 居留證 old style: two letters (the second A–D), 8 digits — `AB12345678`; the second
 *   letter counts as the units digit of its letter code.
 *
 * The letter becomes its two-digit code (A=10 … Z=33, with I=34, O=35, W=32, X=30,
 * Y=31, Z=33 out of order); the 11 digits are weighted 1,9,8,7,6,5,4,3,2,1,1 and the sum
 * must be a multiple of 10. Only numbers whose checksum holds count as identity numbers.
 */

/** The letter → code table of the national ID (縣市代碼). */
export const ID_LETTER_CODES: Readonly<Record<string, number>> = {
  A: 10,
  B: 11,
  C: 12,
  D: 13,
  E: 14,
  F: 15,
  G: 16,
  H: 17,
  I: 34,
  J: 18,
  K: 19,
  L: 20,
  M: 21,
  N: 22,
  O: 35,
  P: 23,
  Q: 24,
  R: 25,
  S: 26,
  T: 27,
  U: 28,
  V: 29,
  W: 32,
  X: 30,
  Y: 31,
  Z: 33,
};

const WEIGHTS = [1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1] as const;

export type IdentityKind = 'national_id' | 'resident_certificate';

const NEW_STYLE = /^[A-Z][1289]\d{8}$/;
const OLD_STYLE = /^[A-Z][A-D]\d{8}$/;

function checksumHolds(digits: readonly number[]): boolean {
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += (digits[i] ?? 0) * (WEIGHTS[i] ?? 0);
  return sum % 10 === 0;
}

function letterDigits(letter: string): [number, number] {
  const code = ID_LETTER_CODES[letter] ?? 0;
  return [Math.floor(code / 10), code % 10];
}

/** The kind of a 10-character identity number (letters in capitals) whose checksum holds, or null. */
export function identityKind(value: string): IdentityKind | null {
  if (NEW_STYLE.test(value)) {
    const digits = [...letterDigits(value[0]!), ...[...value.slice(1)].map(Number)];
    if (!checksumHolds(digits)) return null;
    return value[1] === '1' || value[1] === '2' ? 'national_id' : 'resident_certificate';
  }
  if (OLD_STYLE.test(value)) {
    const second = (ID_LETTER_CODES[value[1]!] ?? 0) % 10;
    const digits = [...letterDigits(value[0]!), second, ...[...value.slice(2)].map(Number)];
    return checksumHolds(digits) ? 'resident_certificate' : null;
  }
  return null;
}

/** The check digit that makes the first nine characters a valid number (for fixtures and tests). */
export function completeIdentity(first9: string): string {
  for (let d = 0; d <= 9; d++) if (identityKind(`${first9}${d}`)) return `${first9}${d}`;
  throw new Error(`${first9} cannot start an identity number`);
}

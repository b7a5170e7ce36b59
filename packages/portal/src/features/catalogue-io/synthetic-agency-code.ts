import { createHash } from 'node:crypto';

/**
 * A stand-in 機關代碼 (agency code) for a publisher that is not in the organisations
 * table, so an imported dataset still gets a valid identifier `<code>-<serial>`.
 *
 * The code is `X_` followed by 8 characters of Crockford base32 taken from the SHA-256
 * of the publisher's name (NFKC-normalised, spaces removed, 台 read as 臺). So:
 * - it is deterministic: the same publisher always gets the same code, on every import
 *   and every machine;
 * - it is 10 characters of `[A-Za-z0-9_]`, as the identifier pattern requires;
 * - it never equals a real agency code, which has no underscore (e.g. 313200000G);
 * - 40 bits of hash make a clash between two publishers' names negligible.
 * Once the organisation is registered with its real code, new imports use that instead.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SYNTHETIC_AGENCY_PREFIX = 'X_';

export function normalisePublisherName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replaceAll('台', '臺');
}

export function syntheticAgencyCode(publisher: string): string {
  const digest = createHash('sha256').update(normalisePublisherName(publisher), 'utf8').digest();
  let code = SYNTHETIC_AGENCY_PREFIX;
  // 8 characters × 5 bits = the first 40 bits (5 bytes) of the digest.
  let bits = 0;
  let value = 0;
  for (let i = 0; code.length < 10;) {
    if (bits < 5) {
      value = (value << 8) | (digest[i++] as number);
      bits += 8;
    }
    bits -= 5;
    code += CROCKFORD[(value >> bits) & 31];
  }
  return code;
}

import { createHash, randomBytes } from 'node:crypto';

/**
 * Random secrets (session cookies, API keys, e-mail tokens) and the hash the database
 * keeps instead of them. 32 random bytes: a SHA-256 hash (not a slow password hash) is
 * enough, since a secret this long cannot be guessed.
 */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

import type { Kysely } from 'kysely';
import { isoNow } from '../../domain/clock.ts';
import type { Database } from '../../db/schema.ts';
import { DISPLAY_NAME_MAX_LENGTH } from './account-form-rules.ts';
import type { OidcIdentity } from './oidc-client.ts';
import { createUser, findUser, updateUser, type UserRow } from './user.repo.ts';

/**
 * Who an OpenID Connect identity is here: the account linked to (issuer, subject); else
 * the account with the same address, linked now — only when the provider says the
 * address is verified and the account has no other OIDC identity; else a new registered
 * citizen. An address the provider has not verified never reaches an existing account.
 */

export type OidcAccountResult =
  | { outcome: 'found' | 'linked' | 'created'; user: UserRow }
  | { outcome: 'refused'; reason: 'disabled' | 'email-taken' | 'no-email' };

async function hasOidcIdentity(db: Kysely<Database>, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('oidcSubject').where('id', '=', userId).executeTakeFirst();
  return row?.oidcSubject !== null && row?.oidcSubject !== undefined;
}

export async function oidcAccount(db: Kysely<Database>, identity: OidcIdentity): Promise<OidcAccountResult> {
  const linked = await findUser(db, { oidcIssuer: identity.issuer, oidcSubject: identity.subject });
  if (linked)
    return linked.disabledAt === null
      ? { outcome: 'found', user: linked }
      : { outcome: 'refused', reason: 'disabled' };
  if (!identity.email) return { outcome: 'refused', reason: 'no-email' };
  const sameAddress = await findUser(db, { email: identity.email });
  if (sameAddress) {
    if (sameAddress.disabledAt !== null) return { outcome: 'refused', reason: 'disabled' };
    if (!identity.emailVerified || (await hasOidcIdentity(db, sameAddress.id)))
      return { outcome: 'refused', reason: 'email-taken' };
    await updateUser(db, sameAddress.id, {
      oidcIssuer: identity.issuer,
      oidcSubject: identity.subject,
      ...(sameAddress.emailVerifiedAt === null ? { emailVerifiedAt: isoNow() } : {}),
    });
    const user = await findUser(db, { id: sameAddress.id });
    return user ? { outcome: 'linked', user } : { outcome: 'refused', reason: 'disabled' };
  }
  const displayName = (identity.name?.trim() || identity.email.split('@')[0] || identity.email).slice(
    0,
    DISPLAY_NAME_MAX_LENGTH,
  );
  const id = await createUser(db, {
    email: identity.email,
    displayName,
    passwordHash: null,
    emailVerified: identity.emailVerified,
    oidc: { issuer: identity.issuer, subject: identity.subject },
  });
  const user = await findUser(db, { id });
  if (!user) throw new Error('The new account was not found');
  return { outcome: 'created', user };
}

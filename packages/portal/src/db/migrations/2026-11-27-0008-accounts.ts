// Frozen migration: never edit after release; add a new dated file instead.
import type { Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

/**
 * Accounts and publishing (docs/accounts.md): people and their organisation roles,
 * database sessions, hashed API keys with allowed source addresses, one-time e-mail
 * tokens, stored files (content-addressed) and the audit log of every write.
 * Secrets are never stored: sessions, API keys and e-mail tokens keep a SHA-256 hash.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'bigserial' : 'integer';
  const serial = isPostgres(db) ? 'serial' : 'integer';

  await db.schema
    .createTable('users')
    .addColumn('id', serial, (c) => c.primaryKey())
    // Lower-cased; unique.
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    // argon2id PHC string; null for accounts that only sign in through OpenID Connect.
    .addColumn('password_hash', 'text')
    .addColumn('email_verified_at', 'text')
    .addColumn('platform_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('oidc_issuer', 'text')
    .addColumn('oidc_subject', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('users_oidc_identity', ['oidc_issuer', 'oidc_subject'])
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    // member, editor, admin
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('memberships_organization')
    .on('memberships')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('sessions')
    // SHA-256 (hex) of the cookie value.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', serial, (c) => c.primaryKey())
    // The first characters of the key, shown in lists so an owner can tell keys apart.
    .addColumn('prefix', 'text', (c) => c.notNull())
    // SHA-256 (hex) of the whole key.
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    // The organisation the key publishes for (null: a personal key acting as its user).
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // JSON: string[] of addresses and CIDR ranges; empty = any source.
    .addColumn('allowed_sources', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('api_keys_organization').on('api_keys').column('organization_id').execute();

  await db.schema
    .createTable('account_tokens')
    // SHA-256 (hex) of the token sent by e-mail.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // verify-email, reset-password
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stored_files')
    // sha256:<hex> — the storage key.
    .addColumn('file_key', 'text', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    // The sniffed type, never the uploader's claim.
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    // user, api-key, admin-token, system
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('organization_id', 'integer')
    .addColumn('ip', 'text')
    // JSON object: what changed (never a secret).
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_occurred_at').on('audit_log').column('occurred_at').execute();
  await db.schema
    .createIndex('audit_log_organization')
    .on('audit_log')
    .columns(['organization_id', 'occurred_at'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'stored_files',
    'account_tokens',
    'api_keys',
    'sessions',
    'memberships',
    'users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

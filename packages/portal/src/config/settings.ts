import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_BADGE_RULE_SET, parseBadgeRules, type BadgeRuleSet } from '@odp/quality';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

/**
 * Every setting of the portal: an environment variable, optionally from a JSON file
 * named by ODP_CONFIG_FILE (environment wins). Validated once at boot. Each one must
 * be documented in docs/configuration.md (a test checks).
 */
export const SETTINGS_SCHEMA = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ODP_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must be a postgres:// URL or sqlite:<path>')
    .optional(),
  ODP_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  ODP_PUBLIC_URL: z.url().optional(),
  ODP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ODP_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  ODP_READ_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  ODP_FETCH_ALLOW: z.string().default(''),
  ODP_FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(2 ** 40)
    .default(20 * 1024 * 1024),
  ODP_FETCH_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  ODP_FETCH_HOST_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(500),
  ODP_BADGE_RULES_FILE: z.string().optional(),
  ODP_DATA_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(5000),
  ODP_DATA_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  ODP_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 42)
    .default(200 * 1024 * 1024),
  ODP_STORAGE: z.enum(['local', 's3']).default('local'),
  ODP_S3_ENDPOINT: z.url().optional(),
  ODP_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')
    .optional(),
  ODP_S3_REGION: z.string().min(1).default('us-east-1'),
  ODP_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  ODP_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  ODP_MAIL_FROM: z.string().min(3).default('odp <no-reply@localhost>'),
  ODP_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')
    .optional(),
  ODP_OIDC_ISSUER: z.url().optional(),
  ODP_OIDC_CLIENT_ID: z.string().min(1).optional(),
  ODP_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  ODP_OIDC_NAME: z.string().min(1).default('OpenID Connect'),
  ODP_MAP_TILE_URL: z
    .string()
    .regex(
      /^https?:\/\/[A-Za-z0-9.{}*:-]+\/\S*\{z\}\S*$/,
      'must be an http(s) tile URL template with {z}, {x} and {y}',
    )
    .optional(),
  ODP_MAP_TILE_ATTRIBUTION: z.string().max(500).default(''),
  ODP_CONFIG_FILE: z.string().optional(),
});

export type RawSettings = z.infer<typeof SETTINGS_SCHEMA>;

export interface Settings {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sqlitePath: string;
  adminToken: string | undefined;
  publicUrl: string;
  logLevel: RawSettings['ODP_LOG_LEVEL'];
  dbPoolSize: number;
  readCacheSeconds: number;
  /** The quality fetcher (QUALITY.md §5). */
  fetch: {
    /** Hosts and CIDRs fetched even though they are private or loopback. */
    allow: string[];
    maxBytes: number;
    hostConcurrency: number;
    hostDelayMs: number;
  };
  /** Which checks each badge level needs (QUALITY.md §2), for files and for APIs. */
  badgeRules: BadgeRuleSet;
  /** The row-level data API (docs/data-api.md). Left out (tests): 5 s and 10,000 rows. */
  dataQuery?: DataQuerySettings;
  /**
   * Uploaded files (docs/storage.md). Left out of hand-built settings (tests): files
   * then live under `<dataDir>/files` with the default upload limit.
   */
  storage?: StorageSettings;
  /** Account e-mail (docs/accounts.md). Left out (tests): .eml files in `<dataDir>/outbox`. */
  mail?: MailSettings;
  /** Sign-in with an OpenID Connect provider; undefined when not configured. */
  oidc?: OidcSettings | undefined;
  /** The maps' base layer (docs/ui.md#maps). Left out (tests): the offline county outline only. */
  map?: MapSettings;
}

/** A tile layer under the maps; without a tile URL they draw the bundled county outline only. */
export interface MapSettings {
  tileUrl: string | undefined;
  tileAttribution: string;
}

/** Limits of the row-level data API. */
export interface DataQuerySettings {
  /** A query running longer is interrupted (QUERY_TIMEOUT). */
  timeoutMs: number;
  /** The most rows one answer holds (`limit` above it is cut, with `truncated: true`). */
  maxRows: number;
}

/** How account e-mail leaves: SMTP when `smtpUrl` is set, else files in `<dataDir>/outbox`. */
export interface MailSettings {
  from: string;
  smtpUrl: string | undefined;
}

/** One OpenID Connect provider (authorization code flow with PKCE). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the sign-in button calls it. */
  name: string;
}

function oidcSettings(raw: RawSettings): OidcSettings | undefined {
  const { ODP_OIDC_ISSUER, ODP_OIDC_CLIENT_ID, ODP_OIDC_CLIENT_SECRET } = raw;
  if (!ODP_OIDC_ISSUER && !ODP_OIDC_CLIENT_ID && !ODP_OIDC_CLIENT_SECRET) return undefined;
  if (!ODP_OIDC_ISSUER || !ODP_OIDC_CLIENT_ID || !ODP_OIDC_CLIENT_SECRET) {
    const missing = Object.entries({ ODP_OIDC_ISSUER, ODP_OIDC_CLIENT_ID, ODP_OIDC_CLIENT_SECRET })
      .filter(([, value]) => !value)
      .map(([name]) => name);
    throw new AppError('CONFIG_INVALID', `OpenID Connect sign-in needs ${missing.join(', ')}`);
  }
  return {
    issuer: ODP_OIDC_ISSUER,
    clientId: ODP_OIDC_CLIENT_ID,
    clientSecret: ODP_OIDC_CLIENT_SECRET,
    name: raw.ODP_OIDC_NAME,
  };
}

/** Where uploaded files are kept, and how large an upload may be. */
export interface StorageSettings {
  uploadMaxBytes: number;
  backend: { kind: 'local' } | S3Settings;
}

/** An S3-compatible bucket, addressed path-style: `<endpoint>/<bucket>/<key>`. */
export interface S3Settings {
  kind: 's3';
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

function storageSettings(raw: RawSettings): StorageSettings {
  if (raw.ODP_STORAGE === 'local')
    return { uploadMaxBytes: raw.ODP_UPLOAD_MAX_BYTES, backend: { kind: 'local' } };
  const { ODP_S3_ENDPOINT, ODP_S3_BUCKET, ODP_S3_ACCESS_KEY_ID, ODP_S3_SECRET_ACCESS_KEY } = raw;
  if (!ODP_S3_ENDPOINT || !ODP_S3_BUCKET || !ODP_S3_ACCESS_KEY_ID || !ODP_S3_SECRET_ACCESS_KEY) {
    const missing = Object.entries({
      ODP_S3_ENDPOINT,
      ODP_S3_BUCKET,
      ODP_S3_ACCESS_KEY_ID,
      ODP_S3_SECRET_ACCESS_KEY,
    })
      .filter(([, value]) => !value)
      .map(([name]) => name);
    throw new AppError('CONFIG_INVALID', `ODP_STORAGE=s3 needs ${missing.join(', ')}`);
  }
  return {
    uploadMaxBytes: raw.ODP_UPLOAD_MAX_BYTES,
    backend: {
      kind: 's3',
      endpoint: ODP_S3_ENDPOINT.replace(/\/+$/, ''),
      bucket: ODP_S3_BUCKET,
      region: raw.ODP_S3_REGION,
      accessKeyId: ODP_S3_ACCESS_KEY_ID,
      secretAccessKey: ODP_S3_SECRET_ACCESS_KEY,
    },
  };
}

export const SETTING_NAMES = Object.keys(SETTINGS_SCHEMA.shape) as (keyof RawSettings)[];

function readConfigFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('CONFIG_INVALID', `ODP_CONFIG_FILE ${file} cannot be read`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new AppError('CONFIG_INVALID', `ODP_CONFIG_FILE ${file} is not a JSON object of settings`);
  }
}

function readBadgeRules(file: string): BadgeRuleSet {
  try {
    return parseBadgeRules(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `ODP_BADGE_RULES_FILE ${file}: ${(error as Error).message}`);
  }
}

/** Reads and validates the settings; throws CONFIG_INVALID naming every bad setting. */
export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const fromFile = env.ODP_CONFIG_FILE ? readConfigFile(env.ODP_CONFIG_FILE) : {};
  const unknownKeys = Object.keys(fromFile).filter((k) => !SETTING_NAMES.includes(k as keyof RawSettings));
  if (unknownKeys.length > 0) {
    throw new AppError('CONFIG_INVALID', `Unknown settings in ODP_CONFIG_FILE: ${unknownKeys.join(', ')}`);
  }
  const merged: Record<string, unknown> = { ...fromFile };
  for (const name of SETTING_NAMES) {
    const value = env[name];
    if (value !== undefined && value !== '') merged[name] = value;
  }
  const parsed = SETTINGS_SCHEMA.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new AppError('CONFIG_INVALID', `Invalid settings: ${problems.join('; ')}`, { problems });
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.ODP_DATA_DIR);
  const databaseUrl = raw.DATABASE_URL?.startsWith('sqlite:') ? undefined : raw.DATABASE_URL;
  const sqlitePath = raw.DATABASE_URL?.startsWith('sqlite:')
    ? path.resolve(raw.DATABASE_URL.slice('sqlite:'.length))
    : path.join(dataDir, 'odp.db');
  return {
    port: raw.PORT,
    host: raw.HOST,
    dataDir,
    databaseUrl,
    sqlitePath,
    adminToken: raw.ODP_ADMIN_TOKEN,
    publicUrl: (raw.ODP_PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ''),
    logLevel: raw.ODP_LOG_LEVEL,
    dbPoolSize: raw.ODP_DB_POOL_SIZE,
    readCacheSeconds: raw.ODP_READ_CACHE_SECONDS,
    fetch: {
      allow: raw.ODP_FETCH_ALLOW.split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
      maxBytes: raw.ODP_FETCH_MAX_BYTES,
      hostConcurrency: raw.ODP_FETCH_HOST_CONCURRENCY,
      hostDelayMs: raw.ODP_FETCH_HOST_DELAY_MS,
    },
    badgeRules: raw.ODP_BADGE_RULES_FILE ? readBadgeRules(raw.ODP_BADGE_RULES_FILE) : DEFAULT_BADGE_RULE_SET,
    dataQuery: { timeoutMs: raw.ODP_DATA_QUERY_TIMEOUT_MS, maxRows: raw.ODP_DATA_MAX_ROWS },
    storage: storageSettings(raw),
    mail: { from: raw.ODP_MAIL_FROM, smtpUrl: raw.ODP_SMTP_URL },
    oidc: oidcSettings(raw),
    map: { tileUrl: raw.ODP_MAP_TILE_URL, tileAttribution: raw.ODP_MAP_TILE_ATTRIBUTION },
  };
}

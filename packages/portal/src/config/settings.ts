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
  };
}

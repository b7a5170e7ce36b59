import { DEFAULT_BADGE_RULE_SET } from '@odp/quality';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from '../app.ts';
import type { Settings } from '../config/settings.ts';
import type { DatabaseHandle } from '../db/database.ts';

/** For tests: settings with an admin token and silent logs, and an app built on a test database. */

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const ADMIN_HEADERS = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } as const;

export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: './data',
    databaseUrl: undefined,
    sqlitePath: ':memory:',
    adminToken: TEST_ADMIN_TOKEN,
    publicUrl: 'http://localhost:3000',
    logLevel: 'silent',
    dbPoolSize: 4,
    readCacheSeconds: 0,
    fetch: { allow: ['127.0.0.1'], maxBytes: 1024 * 1024, hostConcurrency: 4, hostDelayMs: 0 },
    badgeRules: DEFAULT_BADGE_RULE_SET,
    ...overrides,
  };
}

export async function buildTestApp(
  handle: DatabaseHandle,
  overrides: Partial<Settings> = {},
  extra: Omit<BuildAppOptions, 'settings' | 'handle'> = {},
): Promise<FastifyInstance> {
  return buildApp({ settings: testSettings(overrides), handle, validateResponses: true, ...extra });
}

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { loadSettings, SETTING_NAMES } from './settings.ts';

const docs = readFileSync(new URL('../../../../docs/configuration.md', import.meta.url), 'utf8');

describe('settings', () => {
  it.each(SETTING_NAMES)('%s is documented in docs/configuration.md', (name) => {
    expect(docs).toMatch(new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`, 'm'));
  });

  it('documents no setting that does not exist', () => {
    const documented = [...docs.matchAll(/^\|\s*`([A-Z_0-9]+)`\s*\|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...SETTING_NAMES].sort());
  });

  it('has working defaults: port 3000, SQLite under ./data', () => {
    const s = loadSettings({});
    expect(s.port).toBe(3000);
    expect(s.databaseUrl).toBeUndefined();
    expect(s.sqlitePath).toBe(path.resolve('data', 'odp.db'));
    expect(s.publicUrl).toBe('http://localhost:3000');
  });

  it('selects PostgreSQL with a postgres:// DATABASE_URL', () => {
    expect(loadSettings({ DATABASE_URL: 'postgres://u@127.0.0.1/db' }).databaseUrl).toBe(
      'postgres://u@127.0.0.1/db',
    );
  });

  it('reads an optional JSON file, with the environment winning', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'odp-settings-'));
    const file = path.join(dir, 'odp.json');
    writeFileSync(file, JSON.stringify({ PORT: 4000, ODP_LOG_LEVEL: 'warn' }));
    const s = loadSettings({ ODP_CONFIG_FILE: file, ODP_LOG_LEVEL: 'debug' });
    expect(s.port).toBe(4000);
    expect(s.logLevel).toBe('debug');
  });

  it('rejects bad values naming the setting', () => {
    const attempt = () => loadSettings({ PORT: 'eighty', ODP_ADMIN_TOKEN: 'short' });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/ODP_ADMIN_TOKEN/);
  });

  it('rejects unknown keys in the settings file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'odp-settings-'));
    const file = path.join(dir, 'odp.json');
    writeFileSync(file, JSON.stringify({ PROT: 3000 }));
    expect(() => loadSettings({ ODP_CONFIG_FILE: file })).toThrow(/Unknown settings.*PROT/);
  });

  it('reads the fetch allow-list and limits', () => {
    const s = loadSettings({
      ODP_FETCH_ALLOW: ' 10.2.0.0/16, intranet.example.gov.tw ,',
      ODP_FETCH_HOST_DELAY_MS: '0',
    });
    expect(s.fetch).toEqual({
      allow: ['10.2.0.0/16', 'intranet.example.gov.tw'],
      maxBytes: 20 * 1024 * 1024,
      hostConcurrency: 2,
      hostDelayMs: 0,
    });
    expect(() => loadSettings({ ODP_FETCH_MAX_BYTES: '12' })).toThrow(/ODP_FETCH_MAX_BYTES/);
  });

  it('reads badge rules from a file and refuses unknown checks', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'odp-settings-'));
    const file = path.join(dir, 'badges.json');
    const rules = { bronze: ['linkable'], silver: ['downloadable', 'structured'], gold: [], platinum: [] };
    writeFileSync(file, JSON.stringify({ file: rules }));
    expect(loadSettings({ ODP_BADGE_RULES_FILE: file }).badgeRules.file).toEqual(rules);
    writeFileSync(file, JSON.stringify({ file: { ...rules, gold: ['spellcheck'] } }));
    expect(() => loadSettings({ ODP_BADGE_RULES_FILE: file })).toThrow(
      /ODP_BADGE_RULES_FILE .*unknown checks: spellcheck/,
    );
  });
});

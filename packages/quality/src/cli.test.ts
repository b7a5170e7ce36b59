import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCheckCli } from './cli.ts';
import { startLocalServer, type LocalServer } from './fetch/local-test-server.ts';
import { REAL_FILES } from './test/check-fixtures.ts';

const calendar = `${REAL_FILES}dgpa-calendar-114-cp950.csv`;

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCheckCli(['node', 'odp-check', ...args], (text) => (out += text));
  return { code, out };
}

let server: LocalServer;
beforeAll(async () => {
  const body = readFileSync(calendar);
  server = await startLocalServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/csv' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
});
afterAll(() => server.close());

describe('odp-check', () => {
  it('prints the --json contract: badge and every check with status, evidence and fix', async () => {
    const { code, out } = await run(
      calendar,
      '--format',
      'CSV',
      '--encoding',
      'UTF-8',
      '--fields',
      '西元日期,星期,是否放假,備註',
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      badge: string;
      checks: Record<string, { status: string; fix?: string }>;
    };
    expect(result.badge).toBe('silver');
    expect(result.checks['encoding_match']?.status).toBe('fail');
    expect(result.checks['encoding_match']?.fix).toContain('UTF-8');
    expect(Object.keys(result.checks)).toContain('fields_match');
  });

  it('gives the same verdicts for the file and for the same bytes over HTTP', async () => {
    const args = [
      '--format',
      'CSV',
      '--encoding',
      'BIG5',
      '--fields',
      '西元日期,星期,是否放假,備註',
      '--json',
    ];
    const local = JSON.parse((await run(calendar, ...args)).out) as {
      badge: string;
      checks: Record<string, { status: string }>;
    };
    const remote = JSON.parse(
      (await run(server.url('/calendar.csv'), '--allow-host', '127.0.0.1', ...args)).out,
    ) as typeof local;
    const statuses = (r: typeof local) =>
      Object.fromEntries(
        Object.entries(r.checks)
          .filter(([id]) => id !== 'linkable')
          .map(([id, c]) => [id, c.status]),
      );
    expect(statuses(remote)).toEqual(statuses(local));
    expect(remote.checks['linkable']?.status).toBe('pass');
    expect(remote.badge).toBe(local.badge);
  });

  it('refuses loopback unless --allow-host names it, and the server sees no request', async () => {
    const before = server.requests.length;
    const { out } = await run(server.url('/calendar.csv'), '--json');
    const result = JSON.parse(out) as {
      badge: string;
      checks: Record<string, { status: string; evidence: { error?: string } }>;
    };
    expect(result.checks['linkable']).toMatchObject({
      status: 'fail',
      evidence: { error: 'FETCH_ADDRESS_REFUSED' },
    });
    expect(result.badge).toBe('none');
    expect(server.requests.length).toBe(before);
  });

  it('exits 1 below --min-badge, prints fixes in English on request, and 2 on bad usage', async () => {
    const low = await run(calendar, '--encoding', 'UTF-8', '--min-badge', 'gold', '--lang', 'en');
    expect(low.code).toBe(1);
    expect(low.out).toMatch(/badge: (none|bronze|silver)/);
    expect(low.out).toContain('Declared UTF-8 but the file is CP950');
    expect((await run()).code).toBe(2);
    expect((await run(calendar, '--type', 'nonsense')).code).toBe(2);
    expect((await run('/no/such/file.csv')).code).toBe(2);
  });

  it('checks a metadata record and declares from its distribution', async () => {
    const { out } = await run(calendar, '--metadata', `${REAL_FILES}metadata-v1-example.json`, '--json');
    const result = JSON.parse(out) as {
      checks: Record<string, { status: string; evidence: { problems?: unknown[] } }>;
    };
    expect(result.checks['metadata_complete']?.status).toBe('fail');
    expect(result.checks['metadata_complete']?.evidence.problems).toHaveLength(4);
  });
});

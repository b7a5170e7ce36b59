/**
 * B5: link check. N URLs (default 10,000) over H local hosts (default 30: 127.0.0.2 …,
 * one test server each, in a child process) with 20–500 ms of latency, 404/410/500s,
 * redirects and redirect chains (some longer than 5 hops, some loops), resets, a few
 * URLs that never answer, slow hosts and hosts that refuse HEAD. Ours: fetchResource
 * (HEAD, no body) through one shared HostLimiter, with a global concurrency; the verdict
 * is `linkable` (a 2xx after ≤ 5 redirects). Peer in the same run: Debian's linkchecker
 * crawling a page that links every URL (depth 1, --check-extern, --no-robots, as many
 * threads as our concurrency, CSV output). Compares verdicts URL by URL, resources/s,
 * and what each server saw of the per-host limits.
 *
 *   npm run bench -- link-check [--urls 10000] [--hosts 30] [--concurrency 60]
 *     [--host-concurrency 2] [--host-delay-ms 100] [--timeout-s 5] [--quick] [--no-peer]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fetchResource, HostLimiter } from '../packages/quality/src/fetch/index.ts';
import {
  hostName,
  linkWorkload,
  noHeadHosts,
  parseDelimited,
  percentile,
  slowHosts,
  type LinkCase,
} from './lib/link-workload.ts';
import { REPO } from './lib/processes.ts';
import { fmt, Report } from './lib/report.ts';
import type { HostStats } from './peers/link-servers.ts';

interface Verdict {
  pass: boolean;
  detail: string;
}

interface ServerMessage {
  type: string;
  port?: number;
  hosts?: HostStats[];
}

class Servers {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(hosts: number, gapLimitMs: number): Promise<Servers> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(REPO, 'bench/peers/link-servers.ts')],
      {
        cwd: REPO,
        env: {
          ...process.env,
          HOSTS: String(hosts),
          NO_HEAD: noHeadHosts(hosts).join(','),
          GAP_LIMIT_MS: String(gapLimitMs),
        },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    const ready = await new Promise<ServerMessage>((resolve, reject) => {
      child.once('message', (m) => resolve(m as ServerMessage));
      child.once('exit', (code) => reject(new Error(`the test servers exited with ${code}`)));
    });
    return new Servers(child, ready.port!);
  }

  private ask(message: unknown, reply: string): Promise<ServerMessage> {
    return new Promise((resolve) => {
      const on = (m: unknown) => {
        if ((m as ServerMessage).type !== reply) return;
        this.child.off('message', on);
        resolve(m as ServerMessage);
      };
      this.child.on('message', on);
      this.child.send(message as object);
    });
  }

  async page(urls: string[]): Promise<void> {
    await this.ask({ type: 'page', urls }, 'ok');
  }
  async reset(): Promise<void> {
    await this.ask({ type: 'reset' }, 'ok');
  }
  async stats(): Promise<HostStats[]> {
    return (await this.ask({ type: 'stats' }, 'stats')).hosts ?? [];
  }
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ type: 'stop' });
    });
  }
}

/** The shared limiter, recording what it granted: slots in use per host and the gaps between grants. */
class RecordingLimiter extends HostLimiter {
  readonly hosts = new Map<
    string,
    { active: number; maxActive: number; last: number; minGap: number; grants: number; early: number }
  >();

  constructor(options: { maxConcurrent: number; minDelayMs: number }) {
    super(options);
  }

  override async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    const release = await super.acquire(host, signal);
    const now = performance.now();
    let h = this.hosts.get(host);
    if (!h)
      this.hosts.set(
        host,
        (h = { active: 0, maxActive: 0, last: -Infinity, minGap: Infinity, grants: 0, early: 0 }),
      );
    h.grants += 1;
    h.minGap = Math.min(h.minGap, now - h.last);
    if (now - h.last < this.minDelayMs * 0.9) h.early += 1;
    h.last = now;
    h.active += 1;
    h.maxActive = Math.max(h.maxActive, h.active);
    let released = false;
    const state = h;
    return () => {
      if (!released) state.active -= 1;
      released = true;
      release();
    };
  }
}

interface Run {
  seconds: number;
  verdicts: Map<string, Verdict>;
  cpuSeconds: number;
  peakMiB: number;
}

async function runOurs(
  cases: LinkCase[],
  options: { concurrency: number; hostConcurrency: number; hostDelayMs: number; timeoutMs: number },
): Promise<Run & { latencies: number[]; waits: number[]; limiter: RecordingLimiter }> {
  const limiter = new RecordingLimiter({
    maxConcurrent: options.hostConcurrency,
    minDelayMs: options.hostDelayMs,
  });
  const verdicts = new Map<string, Verdict>();
  const latencies: number[] = [];
  const waits: number[] = [];
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const worker = async () => {
    while (next < cases.length) {
      const { url } = cases[next++]!;
      const result = await fetchResource(url, {
        allow: ['127.0.0.0/8'],
        limiter,
        readBody: false,
        maxRedirects: 5,
        timeouts: {
          connectMs: options.timeoutMs,
          headersMs: options.timeoutMs,
          idleMs: options.timeoutMs,
          // The deadline also covers the wait for a host slot, which a blind global
          // pool makes long on the slow hosts: keep it out of the verdict.
          totalMs: 300_000,
        },
      });
      latencies.push(result.timings.totalMs - result.timings.waitMs);
      waits.push(result.timings.waitMs);
      verdicts.set(url, {
        pass: result.outcome === 'ok',
        detail:
          result.outcome === 'ok'
            ? `${result.status}${result.redirects.length ? ` after ${result.redirects.length} redirects` : ''}`
            : result.error?.code === 'FETCH_HTTP_STATUS'
              ? `HTTP ${result.status}`
              : `${result.error?.code ?? result.outcome}${result.error?.phase ? ` (${result.error.phase})` : ''}`,
      });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    seconds,
    verdicts,
    latencies,
    waits,
    limiter,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakMiB: process.resourceUsage().maxRSS / 1024,
  };
}

function hasLinkchecker(): boolean {
  return spawnSync('linkchecker', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function runPeer(
  port: number,
  cases: LinkCase[],
  options: { threads: number; hostDelayMs: number; timeoutS: number },
): Promise<Run & { raw: number }> {
  // linkchecker drops to `nobody` when run as root: its files must be world-readable.
  const dir = mkdtempSync(path.join(tmpdir(), 'odp-bench-linkchecker-'));
  chmodSync(dir, 0o755);
  try {
    const config = path.join(dir, 'linkcheckerrc');
    // Its per-host throttle: a random gap of 1/r … 6/r seconds between request starts
    // (r = maxrequestspersecond; above 10 only for servers sending a `LinkChecker`
    // header, which ours do). Same nominal rate as our minimum delay.
    const rate = Math.max(0.001, 1000 / Math.max(1, options.hostDelayMs));
    writeFileSync(
      config,
      `[checking]\nmaxrequestspersecond=${rate}\nthreads=${options.threads}\ntimeout=${options.timeoutS}\n` +
        `robotstxt=0\nrecursionlevel=1\n[filtering]\ncheckextern=1\n[output]\nverbose=1\nwarnings=0\nstatus=0\n`,
    );
    chmodSync(config, 0o644);
    const out = path.join(dir, 'out.csv');
    const t0 = performance.now();
    const child = spawn(
      '/usr/bin/time',
      [
        '-f',
        '%e %M %U %S',
        'linkchecker',
        '-f',
        config,
        '--no-robots',
        '--check-extern',
        '-r',
        '1',
        '-t',
        String(options.threads),
        '--timeout',
        String(options.timeoutS),
        '--no-status',
        '--no-warnings',
        '-v',
        '-o',
        'csv/utf-8',
        `http://127.0.0.1:${port}/index.html`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const wall = (performance.now() - t0) / 1000;
    writeFileSync(out, Buffer.concat(chunks));
    const last = stderr.trim().split('\n').pop() ?? '';
    const match = /^([\d.]+) (\d+) ([\d.]+) ([\d.]+)$/.exec(last);
    // linkchecker exits 1 when it found broken links (always here), 2 on its own errors.
    if ((code !== 0 && code !== 1) || !match)
      throw new Error(`linkchecker failed (${code}):\n${stderr.slice(-2000)}`);
    const rows = parseDelimited(readFileSync(out, 'utf8')).filter(
      (r) => r.length > 1 && !r[0]!.startsWith('#'),
    );
    const header = rows.shift() ?? [];
    const col = (name: string) => header.indexOf(name);
    const [iName, iResult, iValid] = [col('urlname'), col('result'), col('valid')];
    const wanted = new Set(cases.map((c) => c.url));
    const verdicts = new Map<string, Verdict>();
    for (const row of rows) {
      const url = row[iName] ?? '';
      if (!wanted.has(url)) continue;
      verdicts.set(url, { pass: row[iValid] === 'True', detail: (row[iResult] ?? '').slice(0, 120) });
    }
    return {
      seconds: Number(match[1]),
      raw: wall,
      verdicts,
      peakMiB: Number(match[2]) / 1024,
      cpuSeconds: Number(match[3]) + Number(match[4]),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      urls: { type: 'string' },
      hosts: { type: 'string', default: '30' },
      concurrency: { type: 'string' },
      'host-concurrency': { type: 'string', default: '2' },
      'host-delay-ms': { type: 'string', default: '100' },
      'timeout-s': { type: 'string', default: '5' },
      quick: { type: 'boolean', default: false },
      'no-peer': { type: 'boolean', default: false },
    },
  });
  const count = Number(values.urls ?? (values.quick ? 1000 : 10000));
  const hosts = Number(values.hosts);
  if (!(hosts >= 2 && hosts <= 250)) throw new Error('--hosts must be between 2 and 250');
  const hostConcurrency = Number(values['host-concurrency']);
  const hostDelayMs = Number(values['host-delay-ms']);
  const concurrency = Number(values.concurrency ?? hosts * hostConcurrency);
  const timeoutS = Number(values['timeout-s']);

  const report = new Report('link-check');
  const servers = await Servers.start(hosts, hostDelayMs);
  try {
    const cases = linkWorkload(count, hosts, servers.port);
    await servers.page(cases.map((c) => c.url));
    const byKind = new Map<string, number>();
    for (const c of cases) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
    report.line(
      `workload: ${fmt(count)} URLs over ${hosts} hosts (127.0.0.2 … ${hostName(hosts - 1)}, port ${servers.port}; ` +
        `latency 20–200 ms, 300–500 ms on ${slowHosts(hosts).size} slow hosts; ${noHeadHosts(hosts).length} hosts refuse HEAD)`,
    );
    report.line(
      `  mix: ${[...byKind]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${fmt(n)}`)
        .join(', ')}`,
    );
    report.line(
      `  expected linkable (2xx after ≤ 5 redirects): ${fmt(cases.filter((c) => c.expected).length)}; ` +
        `timeouts ${timeoutS} s`,
    );
    report.line(
      `ours: fetchResource (HEAD, readBody false) × ${concurrency} at once, shared HostLimiter ` +
        `{ maxConcurrent: ${hostConcurrency}, minDelayMs: ${hostDelayMs} }`,
    );

    await servers.reset();
    const ours = await runOurs(cases, {
      concurrency,
      hostConcurrency,
      hostDelayMs,
      timeoutMs: timeoutS * 1000,
    });
    const ourStats = await servers.stats();
    const lat = [...ours.latencies].sort((a, b) => a - b);
    const waits = [...ours.waits].sort((a, b) => a - b);
    const correct = cases.filter((c) => ours.verdicts.get(c.url)?.pass === c.expected).length;
    report.line(
      `  ${fmt(ours.seconds, 1)} s → ${fmt(count / ours.seconds, 1)} resources/s; CPU ${fmt(ours.cpuSeconds, 1)} s; ` +
        `peak RSS ${fmt(ours.peakMiB)} MiB (bench process)`,
    );
    report.line(
      `  per URL (excluding the wait for a host slot): p50 ${fmt(percentile(lat, 50))} ms, p95 ${fmt(percentile(lat, 95))} ms; ` +
        `host-slot wait p50 ${fmt(percentile(waits, 50))} ms, p95 ${fmt(percentile(waits, 95))} ms`,
    );
    report.line(`  verdicts as designed: ${fmt(correct)} / ${fmt(count)}`);
    const maxInFlight = Math.max(...ourStats.map((s) => s.maxInFlight));
    const gaps = ourStats.map((s) => s.minGapMs).filter((g): g is number => g !== null);
    const over = ourStats.filter((s) => s.maxInFlight > hostConcurrency);
    const granted = [...ours.limiter.hosts.values()];
    report.line(
      `  per-host limits, as the limiter granted: most slots at once at one host ${Math.max(...granted.map((h) => h.maxActive))} ` +
        `(limit ${hostConcurrency}), least gap between two grants ${fmt(Math.min(...granted.map((h) => h.minGap)), 1)} ms ` +
        `(limit ${hostDelayMs} ms; ${fmt(granted.reduce((n, h) => n + h.early, 0))} grants seen < 90% of it apart, ` +
        `timed when the awaiting fetch resumes, so event-loop lag can shorten a gap), ` +
        `${fmt(granted.reduce((n, h) => n + h.grants, 0))} requests`,
    );
    const early = ourStats.reduce((n, s) => n + s.earlyStarts, 0);
    const requests = ourStats.reduce((n, s) => n + s.requests, 0);
    report.line(
      `  as the servers saw them: most requests in flight at one host ${maxInFlight} ` +
        `(limit ${hostConcurrency}; ${over.length ? `EXCEEDED on ${over.map((s) => s.host).join(', ')}` : 'never exceeded'}); ` +
        `least gap between two arrivals ${fmt(Math.min(...gaps), 1)} ms; ${fmt(early)} of ${fmt(requests)} arrivals ` +
        `(${fmt((100 * early) / Math.max(1, requests), 2)}%) came < ${hostDelayMs} ms after the previous one ` +
        `(connection set-up time varies between requests, so arrival gaps jitter around the granted ones)`,
    );

    let peer: (Run & { raw: number }) | undefined;
    let peerStats: HostStats[] = [];
    const version =
      spawnSync('linkchecker', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0] ?? '';
    if (values['no-peer']) report.line('peer: skipped (--no-peer)');
    else if (!hasLinkchecker())
      report.line('peer: linkchecker is not installed (apt-get install -y linkchecker): skipped');
    else {
      report.line(
        `peer: ${version.trim()} -r 1 --check-extern --no-robots -t ${concurrency} --timeout ${timeoutS}, ` +
          `maxrequestspersecond=${fmt(1000 / hostDelayMs, 1)}, a page linking every URL, CSV output`,
      );
      await servers.reset();
      peer = await runPeer(servers.port, cases, { threads: concurrency, hostDelayMs, timeoutS });
      peerStats = await servers.stats();
      const peerCorrect = cases.filter((c) => peer!.verdicts.get(c.url)?.pass === c.expected).length;
      report.line(
        `  ${fmt(peer.seconds, 1)} s → ${fmt(count / peer.seconds, 1)} resources/s; CPU ${fmt(peer.cpuSeconds, 1)} s; ` +
          `peak RSS ${fmt(peer.peakMiB)} MiB; URLs reported ${fmt(peer.verdicts.size)} / ${fmt(count)}`,
      );
      report.line(`  verdicts as designed: ${fmt(peerCorrect)} / ${fmt(count)}`);
      report.line(
        `  per host as the servers saw it: most requests in flight at one host ${Math.max(...peerStats.map((s) => s.maxInFlight))}, ` +
          `least gap between two arrivals ${fmt(Math.min(...peerStats.map((s) => s.minGapMs ?? Infinity)), 1)} ms; ` +
          `${fmt(peerStats.reduce((n, s) => n + s.earlyStarts, 0))} of ${fmt(peerStats.reduce((n, s) => n + s.requests, 0))} ` +
          `arrivals came < ${hostDelayMs} ms after the previous one (linkchecker spaces only the first request of a URL, ` +
          `not its redirect hops, and limits no concurrency per host)`,
      );

      const agree = cases.filter((c) => ours.verdicts.get(c.url)?.pass === peer!.verdicts.get(c.url)?.pass);
      const disagree = cases.filter(
        (c) => ours.verdicts.get(c.url)?.pass !== peer!.verdicts.get(c.url)?.pass,
      );
      report.line('');
      report.line(
        `verdicts: ours and linkchecker agree on ${fmt(agree.length)} / ${fmt(count)} URLs ` +
          `(${fmt((100 * agree.length) / count, 2)}%)`,
      );
      const byKindOff = new Map<string, number>();
      for (const c of disagree) byKindOff.set(c.kind, (byKindOff.get(c.kind) ?? 0) + 1);
      if (disagree.length) {
        report.line(
          `  disagreements by kind: ${[...byKindOff].map(([k, n]) => `${k} ${fmt(n)} / ${fmt(byKind.get(k) ?? 0)}`).join(', ')}`,
        );
        const policy = disagree.filter((c) => c.kind === 'redirect 6–7 → 200').length;
        report.line(
          `  excluding the 6–7-hop chains (a policy difference): ${fmt(agree.length)} / ${fmt(count - policy)} ` +
            `(${fmt((100 * agree.length) / (count - policy), 2)}%)`,
        );
        report.line('  first disagreements (url — ours | linkchecker):');
        const seen = new Map<string, number>();
        for (const c of disagree) {
          const n = seen.get(c.kind) ?? 0;
          if (n >= 3) continue;
          seen.set(c.kind, n + 1);
          const o = ours.verdicts.get(c.url);
          const p = peer.verdicts.get(c.url);
          report.line(
            `    ${c.url} [${c.kind}] — ${o ? `${o.pass ? 'pass' : 'fail'} ${o.detail}` : 'missing'} | ` +
              `${p ? `${p.pass ? 'pass' : 'fail'} ${p.detail}` : 'not reported'}`,
          );
        }
      }
      report.line('');
      report.line(
        `ratio: ours ${fmt(count / ours.seconds, 1)} / linkchecker ${fmt(count / peer.seconds, 1)} resources/s = ` +
          `${fmt(peer.seconds / ours.seconds, 2)}× (target ≥ 5×)`,
      );
    }

    report.line('');
    report.line(
      `per host (server side): host — requests, most in flight, most sockets, least arrival gap ms, arrivals < ${hostDelayMs} ms apart — ours${peer ? ' | linkchecker' : ''}`,
    );
    for (let i = 0; i < hosts; i++) {
      const o = ourStats[i]!;
      const p = peerStats[i];
      const tag = `${slowHosts(hosts).has(i) ? ' slow' : ''}${noHeadHosts(hosts).includes(i) ? ' no-HEAD' : ''}`;
      const cell = (s: HostStats) =>
        `${s.requests} req, ${s.maxInFlight} in flight, ${s.maxSockets} sockets, gap ${s.minGapMs === null ? '—' : fmt(s.minGapMs, 1)}, ${s.earlyStarts} early`;
      report.line(`  ${o.host}${tag} — ${cell(o)}${p ? ` | ${cell(p)}` : ''}`);
    }
  } finally {
    await servers.stop();
  }
  report.save();
}

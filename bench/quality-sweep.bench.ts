/**
 * B7: quality sweep, the whole pipeline per resource — fetch, sniff, table, checks,
 * badge (inspectResource) — over N resources (default 5,000) served locally on H hosts
 * (127.0.0.2 …, a child process): UTF-8 and CP950 CSVs of many sizes made from the real
 * files in packages/portal/demo/real/, CSVs without a header row, JSON, XLSX, XML, an
 * HTML landing page, a PDF and 404s, with their declared format, encoding and fields and
 * a real metadata record. As deployed (several `odp worker` processes), P worker
 * processes (default 2, the machine's cores capped at 2; bench/lib/sweep-worker.ts) take
 * resources one at a time from a shared queue in this process; each runs C at once
 * (default 4) with its own HostLimiter and the portal's default politeness per process
 * (2 per host, 500 ms between starts). `--processes 1` is the former single-process run.
 * No peer (BENCHMARKS.md). Reports resources/hour, p50/p95 per resource, badges, CPU
 * over all processes and peak RSS per process.
 *
 *   npm run bench -- quality-sweep [--resources 5000] [--processes 2] [--files 400]
 *     [--hosts 20] [--concurrency 4] [--host-concurrency 2] [--host-delay-ms 500] [--quick]
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Badge } from '../packages/quality/src/index.ts';
import { percentile } from './lib/link-workload.ts';
import { REPO } from './lib/processes.ts';
import { fmt, Report } from './lib/report.ts';
import { buildFiles, exampleMetadata, sweepResources, type CorpusKind } from './lib/sweep-corpus.ts';
import type { FromWorker, SweepInit, SweepStat, SweepTask, WorkerDone } from './lib/sweep-worker.ts';

/** User + system CPU seconds of another process so far (Linux /proc), or undefined. */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    // utime and stime are fields 14 and 15 of stat; `fields` starts at field 3.
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return undefined;
  }
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      resources: { type: 'string' },
      files: { type: 'string', default: '400' },
      hosts: { type: 'string', default: '20' },
      processes: { type: 'string', default: String(Math.min(2, os.availableParallelism())) },
      concurrency: { type: 'string', default: '4' },
      'host-concurrency': { type: 'string', default: '2' },
      'host-delay-ms': { type: 'string', default: '500' },
      quick: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.resources ?? (values.quick ? 300 : 5000));
  const fileCount = Number(values.files);
  const hosts = Number(values.hosts);
  const processes = Math.max(1, Math.floor(Number(values.processes)));
  const concurrency = Number(values.concurrency);
  const hostConcurrency = Number(values['host-concurrency']);
  const hostDelayMs = Number(values['host-delay-ms']);

  const report = new Report('quality-sweep');
  const work = mkdtempSync(path.join(tmpdir(), 'odp-bench-sweep-'));
  const filesDir = path.join(work, 'files');
  const scratch = path.join(work, 'scratch');
  mkdirSync(filesDir);
  mkdirSync(scratch);
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO, 'bench/peers/file-servers.ts')],
    {
      cwd: REPO,
      env: { ...process.env, DIR: filesDir, HOSTS: String(hosts) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const workers: ChildProcess[] = [];
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.once('message', (m) => resolve((m as { port: number }).port));
      server.once('exit', (code) => reject(new Error(`the file servers exited with ${code}`)));
    });
    const t0 = performance.now();
    const files = await buildFiles(filesDir, fileCount);
    const metadata = exampleMetadata();
    const resources = sweepResources(metadata, files, count, hosts, port);
    const totalBytes = files.reduce((n, f) => n + f.bytes, 0);
    const sizes = files.map((f) => f.bytes).sort((a, b) => a - b);
    report.line(
      `corpus: ${fmt(files.length)} files made from packages/portal/demo/real/ in ${fmt((performance.now() - t0) / 1000, 1)} s ` +
        `(${fmt(totalBytes / 2 ** 20, 1)} MiB; sizes p50 ${fmt(percentile(sizes, 50) / 1024)} KiB, ` +
        `p95 ${fmt(percentile(sizes, 95) / 1024)} KiB, max ${fmt(sizes.at(-1)! / 1024)} KiB)`,
    );
    const byKind = new Map<CorpusKind, number>();
    for (const r of resources) byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1);
    report.line(
      `resources: ${fmt(count)} URLs over ${hosts} hosts (127.0.0.2 … 127.0.0.${hosts + 1}): ${[...byKind]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${fmt(n)}`)
        .join(', ')}`,
    );
    const bytesFetched = resources.reduce((n, r) => n + (r.file?.bytes ?? 0), 0);
    report.line(
      `pipeline: inspectResource (fetch → sniff → table → checks → badge) in ${processes} worker ` +
        `process${processes === 1 ? '' : 'es'} (child_process.fork, as ${processes} × odp worker), each ${concurrency} at once ` +
        `with its own HostLimiter { maxConcurrent: ${hostConcurrency}, minDelayMs: ${hostDelayMs} } — per-host politeness ` +
        `per process, as ODP_FETCH_HOST_CONCURRENCY / ODP_FETCH_HOST_DELAY_MS` +
        (processes > 1
          ? ` (so up to ${processes * hostConcurrency} requests at once to one host over all processes)`
          : '') +
        `; resources handed out one at a time from a shared queue in the parent; ${fmt(bytesFetched / 2 ** 20)} MiB to fetch`,
    );

    const tasks: SweepTask[] = resources.map((r) => ({
      url: r.url,
      declared: r.declared,
      metadata: r.metadata === metadata.asPublished ? 'asPublished' : 'corrected',
    }));
    const badges = new Map<Badge, number>();
    const durations: number[] = [];
    const waits: number[] = [];
    const perKind = new Map<CorpusKind, { ms: number[]; badges: Map<Badge, number> }>();
    const statuses = new Map<string, Map<string, number>>();
    const aggregate = (stat: SweepStat) => {
      const resource = resources[stat.index]!;
      durations.push(stat.ms);
      waits.push(stat.waitMs);
      badges.set(stat.badge, (badges.get(stat.badge) ?? 0) + 1);
      let k = perKind.get(resource.kind);
      if (!k) perKind.set(resource.kind, (k = { ms: [], badges: new Map() }));
      k.ms.push(stat.ms);
      k.badges.set(stat.badge, (k.badges.get(stat.badge) ?? 0) + 1);
      for (const [id, status] of Object.entries(stat.statuses)) {
        let m = statuses.get(id);
        if (!m) statuses.set(id, (m = new Map()));
        m.set(status, (m.get(status) ?? 0) + 1);
      }
    };

    // n worker processes, like n × `odp worker`; each loads the pipeline before the clock starts.
    const children = Array.from({ length: processes }, () =>
      fork(path.join(REPO, 'bench/lib/sweep-worker.ts'), [], {
        cwd: REPO,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    workers.push(...children);
    const init: SweepInit = {
      type: 'init',
      tasks,
      metadata,
      concurrency,
      hostConcurrency,
      hostDelayMs,
      scratch,
      now: new Date().toISOString(),
    };
    await Promise.all(
      children.map(
        (child, i) =>
          new Promise<void>((resolve, reject) => {
            const onExit = (code: number | null) =>
              reject(new Error(`worker ${i + 1} exited with ${code} before the sweep`));
            child.once('exit', onExit);
            child.on('message', function ready(m: FromWorker) {
              if (m.type === 'loaded') child.send(init);
              else if (m.type === 'ready') {
                child.off('message', ready);
                child.off('exit', onExit);
                resolve();
              }
            });
          }),
      ),
    );

    const load = os.loadavg();
    const serverCpu0 = cpuSecondsOf(server.pid);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    let next = 0;
    let done = 0;
    let ended = 0;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const progress = setInterval(() => {
      const s = (performance.now() - started) / 1000;
      console.error(`  … ${done} / ${count} in ${fmt(s)} s (${fmt((done / s) * 3600)} /hour)`);
    }, 30_000);
    const finishing = Promise.all(
      children.map(
        (child, i) =>
          new Promise<WorkerDone>((resolve, reject) => {
            let result: WorkerDone | undefined;
            child.on('message', (m: FromWorker) => {
              if (m.type === 'next') {
                if (m.result) {
                  aggregate(m.result);
                  done += 1;
                }
                // A shared queue: whichever process asks first gets the next resource.
                child.send({ type: 'task', id: m.id, index: next < tasks.length ? next++ : null });
              } else if (m.type === 'failed') {
                console.error(`worker ${i + 1} failed on ${tasks[m.index]?.url}:\n${m.message}`);
              } else if (m.type === 'done') {
                result = m;
                ended = Math.max(ended, performance.now());
              }
            });
            child.once('exit', (code) =>
              result && code === 0
                ? resolve(result)
                : reject(new Error(`worker ${i + 1} exited with ${code}`)),
            );
          }),
      ),
    );
    for (const child of children) child.send({ type: 'start' });
    const finished = await finishing;
    // The sweep ends with the last worker's `done` (not its exit).
    const seconds = (ended - started) / 1000;
    clearInterval(sampler);
    clearInterval(progress);
    const cpu = process.cpuUsage(cpu0);
    const parentCpuSeconds = (cpu.user + cpu.system) / 1e6;
    const workerCpu = finished.map((w) => (w.cpu.user + w.cpu.system) / 1e6);
    const cpuSeconds = parentCpuSeconds + workerCpu.reduce((a, b) => a + b, 0);
    const serverCpu1 = cpuSecondsOf(server.pid);
    const serverCpu =
      serverCpu0 !== undefined && serverCpu1 !== undefined ? serverCpu1 - serverCpu0 : undefined;
    const workerPeaks = finished.map((w) => w.peakRss);

    const sorted = [...durations].sort((a, b) => a - b);
    const sortedWaits = [...waits].sort((a, b) => a - b);
    report.line('');
    report.line(
      `${fmt(count)} resources in ${fmt(seconds, 1)} s → ${fmt((count / seconds) * 3600)} resources/hour ` +
        `(${fmt(count / seconds, 2)}/s; target ≥ 20,000/hour)`,
    );
    report.line(
      `per resource: p50 ${fmt(percentile(sorted, 50))} ms, p95 ${fmt(percentile(sorted, 95))} ms, ` +
        `max ${fmt(sorted.at(-1)!)} ms; of which waiting for the host limiter p50 ${fmt(percentile(sortedWaits, 50))} ms, ` +
        `p95 ${fmt(percentile(sortedWaits, 95))} ms`,
    );
    report.line(
      `CPU over all processes ${fmt(cpuSeconds, 1)} s (${fmt((cpuSeconds / seconds) * 100)}% of one core, ` +
        `${fmt((cpuSeconds / seconds / os.availableParallelism()) * 100)}% of the machine's ${os.availableParallelism()}; ` +
        `${fmt((cpuSeconds * 1000) / count)} ms a resource): workers ${workerCpu
          .map((c) => `${fmt(c, 1)} s (${fmt((c / seconds) * 100)}%)`)
          .join(', ')}, coordinator ${fmt(parentCpuSeconds, 1)} s` +
        (serverCpu === undefined
          ? ''
          : `; the file servers (test peer, same machine, not counted) ${fmt(serverCpu, 1)} s (${fmt((serverCpu / seconds) * 100)}%)`),
    );
    report.line(
      `peak RSS per worker process during the sweep: max ${fmt(Math.max(...workerPeaks) / 2 ** 20)} MiB, ` +
        `sum ${fmt(workerPeaks.reduce((a, b) => a + b, 0) / 2 ** 20)} MiB (${workerPeaks.map((b) => fmt(b / 2 ** 20)).join(', ')}); ` +
        `maxRSS over each worker's life ${finished.map((w) => fmt(w.maxRss / 1024)).join(', ')} MiB; ` +
        `coordinator ${fmt(peakRss / 2 ** 20)} MiB`,
    );
    report.line(
      `resources per worker: ${finished.map((w) => fmt(w.resources)).join(', ')}; ` +
        `load average before the sweep ${load.map((l) => fmt(l, 2)).join(' ')}`,
    );
    const order: Badge[] = ['platinum', 'gold', 'silver', 'bronze', 'none'];
    report.line(
      `badges: ${order.map((b) => `${b} ${fmt(badges.get(b) ?? 0)} (${fmt((100 * (badges.get(b) ?? 0)) / count, 1)}%)`).join(', ')}`,
    );
    report.line('by kind: count, p50 / p95 ms, badges');
    for (const [kind, k] of [...perKind].sort((a, b) => b[1].ms.length - a[1].ms.length)) {
      const ms = [...k.ms].sort((a, b) => a - b);
      report.line(
        `  ${kind.padEnd(18)} ${String(k.ms.length).padStart(5)}  ${fmt(percentile(ms, 50)).padStart(6)} / ${fmt(percentile(ms, 95)).padStart(6)}  ` +
          order
            .filter((b) => k.badges.has(b))
            .map((b) => `${b} ${k.badges.get(b)}`)
            .join(', '),
      );
    }
    report.line('check results:');
    for (const [id, m] of statuses)
      report.line(
        `  ${id.padEnd(20)} ${[...m]
          .sort((a, b) => b[1] - a[1])
          .map(([s, n]) => `${s} ${n}`)
          .join(', ')}`,
      );
  } finally {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill();
    await new Promise<void>((resolve) => {
      if (server.exitCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.send({ type: 'stop' });
    });
    rmSync(work, { recursive: true, force: true });
  }
  report.save();
}

/**
 * One B7 worker process (forked by bench/quality-sweep.bench.ts, like one `odp worker`):
 * it says `loaded`, gets the resource descriptions once (`init`, answered `ready`), then, after `start`, runs
 * `concurrency` loops that each ask the parent for the next resource index, run
 * inspectResource on it with this process's own HostLimiter, and send its stats back
 * with the next request. When the parent answers `null` to every loop it sends its CPU
 * time and peak RSS over the sweep (`done`) and exits.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  HostLimiter,
  inspectResource,
  type Badge,
  type DeclaredResource,
} from '../../packages/quality/src/index.ts';

/** A resource as a worker needs it; `metadata` names one of the two records sent in `init`. */
export interface SweepTask {
  url: string;
  declared: DeclaredResource;
  metadata: 'asPublished' | 'corrected';
}

export interface SweepInit {
  type: 'init';
  tasks: SweepTask[];
  metadata: { asPublished: Record<string, unknown>; corrected: Record<string, unknown> };
  concurrency: number;
  hostConcurrency: number;
  hostDelayMs: number;
  /** Scratch directory; each resource gets its own directory under it, removed afterwards. */
  scratch: string;
  /** The sweep's clock (ISO), the same in every process. */
  now: string;
}

export type ToWorker = SweepInit | { type: 'start' } | { type: 'task'; id: number; index: number | null };

/** What the parent aggregates for one resource. */
export interface SweepStat {
  index: number;
  ms: number;
  waitMs: number;
  badge: Badge;
  statuses: Record<string, string>;
}

export interface WorkerDone {
  type: 'done';
  /** CPU time since `start` (µs). */
  cpu: NodeJS.CpuUsage;
  /** Highest RSS sampled every 100 ms from `start` to the end (bytes). */
  peakRss: number;
  /** getrusage maxRSS over the process's whole life, module loading included (KiB). */
  maxRss: number;
  resources: number;
}

export type FromWorker =
  | { type: 'loaded' }
  | { type: 'ready' }
  | { type: 'next'; id: number; result?: SweepStat }
  | { type: 'failed'; index: number; message: string }
  | WorkerDone;

function send(message: FromWorker, then?: () => void): void {
  process.send!(message, undefined, undefined, then);
}

let init: SweepInit | undefined;
const pending = new Map<number, (index: number | null) => void>();
let requests = 0;

/** Asks the parent for the next index (sending the last result along). */
function next(result?: SweepStat): Promise<number | null> {
  const id = requests++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    send(result ? { type: 'next', id, result } : { type: 'next', id });
  });
}

async function sweep(options: SweepInit): Promise<void> {
  const limiter = new HostLimiter({
    maxConcurrent: options.hostConcurrency,
    minDelayMs: options.hostDelayMs,
  });
  const now = new Date(options.now);
  const cpu0 = process.cpuUsage();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  let handled = 0;
  const loop = async () => {
    let result: SweepStat | undefined;
    for (let index = await next(); index !== null; index = await next(result)) {
      const task = options.tasks[index]!;
      const workDir = await mkdtemp(path.join(options.scratch, 'r-'));
      const t = performance.now();
      try {
        const inspection = await inspectResource(
          { url: task.url },
          {
            declared: task.declared,
            metadata: options.metadata[task.metadata],
            workDir,
            now,
            fetch: { allow: ['127.0.0.0/8'], limiter },
          },
        );
        result = {
          index,
          ms: performance.now() - t,
          waitMs: inspection.fetch?.timings.waitMs ?? 0,
          badge: inspection.badge,
          statuses: Object.fromEntries(Object.entries(inspection.results).map(([id, r]) => [id, r.status])),
        };
      } catch (error) {
        send({
          type: 'failed',
          index,
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        throw error;
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
      handled += 1;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, loop));
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  send(
    {
      type: 'done',
      cpu: process.cpuUsage(cpu0),
      peakRss,
      maxRss: process.resourceUsage().maxRSS,
      resources: handled,
    },
    () => process.exit(0),
  );
}

process.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'init':
      init = message;
      send({ type: 'ready' });
      break;
    case 'start':
      sweep(init!).catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
      break;
    case 'task': {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.index);
      break;
    }
  }
});
// Modules are loaded and the listener is in place: the parent may send `init`.
send({ type: 'loaded' });

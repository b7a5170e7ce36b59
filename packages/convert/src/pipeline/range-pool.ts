import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ConvertError, type ConvertErrorCode } from '../errors/convert-error.ts';
import type { RangeReply, RangeRequest, RangeResult, RangeWorkerData } from './range-messages.ts';

/** Requests the main thread keeps queued at each worker, so none waits between ranges. */
const QUEUED_PER_WORKER = 2;

type Request = RangeRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** TypeScript in the worker goes through the same loader as the rest of the repository. */
function workerExecArgv(): string[] {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return ['--import', tsx];
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, { resolve: (result: RangeResult) => void; reject: (error: Error) => void }>;
}

/**
 * The worker threads of one parallel conversion. `run` sends a request to the worker
 * with the fewest outstanding (waiting while all have QUEUED_PER_WORKER); `broadcast`
 * sends one to every worker. A worker's error rejects its request with the ConvertError
 * it threw; a crashed worker rejects everything it had.
 */
export class RangeWorkerPool {
  private readonly workers: PoolWorker[];
  private nextId = 1;
  private waiting: (() => void)[] = [];

  constructor(size: number, data: RangeWorkerData) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./range-worker.ts', import.meta.url), {
        workerData: data,
        execArgv: workerExecArgv(),
        // A small young generation, as the launchers give the main thread (bench B4: RSS).
        resourceLimits: { maxYoungGenerationSizeMb: 24 },
      });
      const entry: PoolWorker = { worker, pending: new Map() };
      worker.on('message', (reply: RangeReply) => {
        const request = entry.pending.get(reply.id);
        if (!request) return;
        entry.pending.delete(reply.id);
        this.waiting.shift()?.();
        if ('error' in reply) {
          const { code, message, line } = reply.error;
          request.reject(
            code
              ? new ConvertError(code as ConvertErrorCode, message, line ? { line } : {})
              : new Error(message),
          );
        } else request.resolve(reply.result);
      });
      const fail = (error: Error) => {
        for (const request of entry.pending.values()) request.reject(error);
        entry.pending.clear();
        this.waiting.splice(0).forEach((wake) => wake());
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (entry.pending.size > 0) fail(new Error(`A conversion worker stopped (exit code ${code})`));
      });
      return entry;
    });
  }

  /**
   * Sends `request` to the least busy worker as soon as one has room (so a loop of
   * submits never queues more than the workers can take) and hands back its result.
   */
  async submit<T extends RangeResult>(request: Request): Promise<{ result: Promise<T> }> {
    for (;;) {
      const entry = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      if (entry.pending.size < QUEUED_PER_WORKER) {
        return { result: this.send<T>(entry, request) };
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Sends `request` to every worker; resolves with their results in worker order. */
  broadcast<T extends RangeResult>(request: Request): Promise<T[]> {
    return Promise.all(this.workers.map((entry) => this.send<T>(entry, request)));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private send<T extends RangeResult>(entry: PoolWorker, request: Request): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      entry.pending.set(id, { resolve: resolve as (result: RangeResult) => void, reject });
      entry.worker.postMessage({ ...request, id });
    });
  }
}

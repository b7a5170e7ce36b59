export interface HostLimiterOptions {
  /** Requests in flight at once to one host. Default 2. */
  maxConcurrent?: number;
  /** Least time between the starts of two requests to one host, in ms. Default 250. */
  minDelayMs?: number;
}

interface HostState {
  active: number;
  lastStart: number;
  queue: Array<{ grant: () => void }>;
  timer: NodeJS.Timeout | undefined;
}

/** Releases a slot taken with `HostLimiter.acquire`; calling it twice does nothing. */
export type ReleaseSlot = () => void;

/**
 * Politeness per host (by host name, any port): at most `maxConcurrent` requests in flight and
 * at least `minDelayMs` between request starts. One limiter is shared by every fetch of a sweep.
 */
export class HostLimiter {
  readonly maxConcurrent: number;
  readonly minDelayMs: number;
  readonly #hosts = new Map<string, HostState>();

  constructor(options: HostLimiterOptions = {}) {
    this.maxConcurrent = Math.max(1, Math.floor(options.maxConcurrent ?? 2));
    this.minDelayMs = Math.max(0, options.minDelayMs ?? 250);
  }

  /** Waits for a slot for `host`. Rejects with the signal's reason when it aborts first. */
  acquire(host: string, signal?: AbortSignal): Promise<ReleaseSlot> {
    const key = host.toLowerCase();
    const state = this.#state(key);
    return new Promise<ReleaseSlot>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            state.active -= 1;
            this.#pump(key, state);
          });
        },
      };
      const onAbort = () => {
        const index = state.queue.indexOf(waiter);
        if (index >= 0) state.queue.splice(index, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      state.queue.push(waiter);
      this.#pump(key, state);
    });
  }

  /** Requests in flight to `host` now. */
  active(host: string): number {
    return this.#hosts.get(host.toLowerCase())?.active ?? 0;
  }

  #state(key: string): HostState {
    let state = this.#hosts.get(key);
    if (!state) {
      this.#prune();
      state = { active: 0, lastStart: -Infinity, queue: [], timer: undefined };
      this.#hosts.set(key, state);
    }
    return state;
  }

  #pump(key: string, state: HostState): void {
    if (state.timer) return;
    while (state.queue.length > 0 && state.active < this.maxConcurrent) {
      const wait = state.lastStart + this.minDelayMs - performance.now();
      if (wait > 0) {
        state.timer = setTimeout(() => {
          state.timer = undefined;
          this.#pump(key, state);
        }, Math.ceil(wait));
        return;
      }
      const next = state.queue.shift()!;
      state.active += 1;
      state.lastStart = performance.now();
      next.grant();
    }
  }

  /** Forgets idle hosts whose delay has passed, so a long sweep does not grow without bound. */
  #prune(): void {
    if (this.#hosts.size < 1024) return;
    const now = performance.now();
    for (const [key, state] of this.#hosts) {
      if (
        state.active === 0 &&
        state.queue.length === 0 &&
        !state.timer &&
        state.lastStart + this.minDelayMs < now
      )
        this.#hosts.delete(key);
    }
  }
}

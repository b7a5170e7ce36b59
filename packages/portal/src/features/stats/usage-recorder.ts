import type { CatalogueContext } from '../../db/catalogue-context.ts';
import { insertChunked } from '../../db/chunked-insert.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { UsageEvent } from './usage-event.ts';

/**
 * Keeps counted requests in memory and writes them to usage_events in batches — every
 * `flushIntervalMs`, as soon as `batchSize` are waiting, and on close — so no request
 * waits for a database write. Flushes run one at a time. When the database refuses a
 * batch it is kept for the next flush, up to `maxBuffered` events; beyond that the
 * oldest are dropped (and counted in `dropped`): counting must never take the portal down.
 */
export interface UsageRecorderOptions {
  /** Default 1000 ms. */
  flushIntervalMs?: number;
  /** Default 500 events. */
  batchSize?: number;
  /** Default 100 000 events. */
  maxBuffered?: number;
  /** Called when a flush fails (the events stay buffered). */
  onError?: (error: unknown) => void;
}

export class UsageRecorder {
  private buffer: UsageEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly batchSize: number;
  private readonly maxBuffered: number;
  private readonly onError: (error: unknown) => void;
  /** Events dropped because the buffer was full. */
  dropped = 0;

  constructor(
    private readonly catalogue: CatalogueContext,
    options: UsageRecorderOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.maxBuffered = options.maxBuffered ?? 100_000;
    this.onError = options.onError ?? (() => {});
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  /** Events waiting to be written. */
  get pending(): number {
    return this.buffer.length;
  }

  record(event: UsageEvent): void {
    this.buffer.push(event);
    if (this.buffer.length > this.maxBuffered) {
      const over = this.buffer.length - this.maxBuffered;
      this.buffer.splice(0, over);
      this.dropped += over;
    }
    if (this.buffer.length >= this.batchSize) void this.flush();
  }

  /** Writes what is buffered now; resolves when it is written (or has failed and is kept). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeBuffered());
    return this.flushing;
  }

  /** Stops the timer and writes what is left (further events are written by flush() only). */
  async close(): Promise<void> {
    if (this.closed) return this.flushing;
    this.closed = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async writeBuffered(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      // One transaction: a batch is written whole or kept whole, never counted twice.
      await inTransaction(this.catalogue.db, (trx) =>
        insertChunked(trx, 'usageEvents', batch as unknown as Record<string, unknown>[]),
      );
    } catch (error) {
      this.buffer = batch.concat(this.buffer);
      if (this.buffer.length > this.maxBuffered) {
        const over = this.buffer.length - this.maxBuffered;
        this.buffer.splice(0, over);
        this.dropped += over;
      }
      this.onError(error);
    }
  }
}

import { describe, expect, it } from 'vitest';
import { HostLimiter } from './host-limiter.ts';

describe('HostLimiter', () => {
  it('grants at most maxConcurrent slots per host and queues the rest in order', async () => {
    const limiter = new HostLimiter({ maxConcurrent: 2, minDelayMs: 0 });
    const order: number[] = [];
    const slots = [0, 1, 2, 3].map((i) =>
      limiter.acquire('Data.Example').then((release) => (order.push(i), release)),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([0, 1]);
    expect(limiter.active('data.example')).toBe(2);
    (await slots[0]!)();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual([0, 1, 2]);
    (await slots[1]!)();
    (await slots[2]!)();
    (await slots[3]!)();
    expect(limiter.active('data.example')).toBe(0);
  });

  it('keeps hosts apart', async () => {
    const limiter = new HostLimiter({ maxConcurrent: 1, minDelayMs: 0 });
    const a = await limiter.acquire('a.example');
    const b = await limiter.acquire('b.example');
    a();
    b();
  });

  it('spaces the starts by minDelayMs', async () => {
    const limiter = new HostLimiter({ maxConcurrent: 5, minDelayMs: 60 });
    const times: number[] = [];
    await Promise.all(
      [0, 1, 2].map(() =>
        limiter.acquire('a.example').then((release) => {
          times.push(performance.now());
          release();
        }),
      ),
    );
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(59);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(59);
  });

  it('ignores a second release and drops an aborted waiter', async () => {
    const limiter = new HostLimiter({ maxConcurrent: 1, minDelayMs: 0 });
    const release = await limiter.acquire('a.example');
    const controller = new AbortController();
    const waiting = limiter.acquire('a.example', controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    release();
    release();
    expect(limiter.active('a.example')).toBe(0);
    (await limiter.acquire('a.example'))();
  });
});

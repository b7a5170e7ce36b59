import type { FastifyRateLimitStore, RateLimitPluginOptions } from '@fastify/rate-limit';
import { AppError } from '../../errors/app-error.ts';

/**
 * Per-address limits on the account forms that cost an argon2 hash or send e-mail
 * (POST /login, /register, /password/forgot): FORM_RATE_LIMIT posts a minute from one
 * address. Registered once on the account scope with `global: false`; each route names
 * its group in `config.rateLimit`, and both languages of a form share one count (the
 * store below keys by address and group, whichever route counts). Counts are kept in
 * each web process: behind a load balancer with N processes an address gets up to N
 * times the limit. Over the limit: 429 RATE_LIMITED with `Retry-After`.
 */

export const FORM_RATE_LIMIT = 10;
export const FORM_RATE_WINDOW_MS = 60_000;

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** An in-memory fixed-window counter shared by every route of one app. */
class SharedWindowStore implements FastifyRateLimitStore {
  private readonly windows = new Map<string, { count: number; startedAt: number }>();

  incr(key: string, callback: IncrCallback, timeWindow: number): void {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.startedAt + timeWindow <= now) {
      window = { count: 0, startedAt: now };
      this.windows.set(key, window);
      if (this.windows.size > 10_000) this.prune(now, timeWindow);
    }
    window.count += 1;
    callback(null, { current: window.count, ttl: window.startedAt + timeWindow - now });
  }

  child(): SharedWindowStore {
    return this;
  }

  private prune(now: number, timeWindow: number): void {
    for (const [key, window] of this.windows)
      if (window.startedAt + timeWindow <= now) this.windows.delete(key);
  }
}

/** The options of @fastify/rate-limit for the account scope (a new store for each registration, that is each app). */
export function accountRateLimitOptions(): RateLimitPluginOptions {
  return {
    global: false,
    store: SharedWindowStore,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'RATE_LIMITED',
        `Too many attempts from your address: wait ${context.after} and try again`,
      ) as unknown as object,
  };
}

/** A route's `config.rateLimit`: the limit of the named form. */
export function formRateLimit(group: 'login' | 'register' | 'forgot-password') {
  return { max: FORM_RATE_LIMIT, timeWindow: FORM_RATE_WINDOW_MS, groupId: group };
}

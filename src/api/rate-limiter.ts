/**
 * The client-side request budget: at most N requests per sliding window, shared by every request
 * a process makes to one API origin (so parallel uploads, backups and polls cannot together
 * exceed it). A 429 halves the budget and pauses everyone until the server's Retry-After; each
 * clean window afterwards gives one request back, up to the configured budget.
 */
import type { RateBudget } from './config.js';

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
  sleep: (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  }),
};

export interface RateLimiterStats {
  granted: number;
  /** Total time callers spent waiting for a slot or a pause. */
  waitedMs: number;
  /** How often a 429 lowered the budget. */
  lowered: number;
}

/** A granted slot; `settle` when the answer arrives. */
export interface RateGrant {
  /** Marks the request answered: the server counted it no later than now. */
  settle(): void;
}

export class RateLimiter {
  /** When each recent request was sent, or answered once settled. */
  private grants: { t: number; open: boolean }[] = [];
  private limit: number;
  private pausedUntil = 0;
  private lastPenaltyAt = -Infinity;
  private lastChangeAt = -Infinity;
  /**
   * The server counts a request when it arrives, somewhere between our send and its answer (a
   * TLS handshake can take longer than the gap between two requests). So a grant is counted from
   * its send time until the answer arrives, then from the answer's time: never earlier than the
   * server's count. The margin absorbs timer jitter.
   */
  private readonly marginMs: number;
  readonly stats: RateLimiterStats = { granted: 0, waitedMs: 0, lowered: 0 };

  constructor(readonly budget: RateBudget, private readonly clock: Clock = realClock) {
    this.limit = budget.requests;
    this.marginMs = Math.min(250, budget.windowMs * 0.02);
  }

  /** The budget currently in force (lower than configured after a 429). */
  get currentLimit(): number {
    return this.limit;
  }

  /** Waits until a request may be sent, then counts it. */
  async acquire(signal?: AbortSignal): Promise<RateGrant> {
    const started = this.clock.now();
    for (;;) {
      const now = this.clock.now();
      this.recover(now);
      if (this.pausedUntil > now) {
        await this.clock.sleep(this.pausedUntil - now, signal);
        continue;
      }
      const horizon = now - this.budget.windowMs - this.marginMs;
      this.grants = this.grants.filter((g) => g.open || g.t > horizon);
      if (this.grants.length < this.limit) {
        const grant = { t: now, open: true };
        this.grants.push(grant);
        this.stats.granted++;
        this.stats.waitedMs += now - started;
        return {
          settle: () => {
            if (!grant.open) return;
            grant.open = false;
            grant.t = this.clock.now();
          },
        };
      }
      // Wake when enough grants leave the window for this caller (in-flight ones count as "now").
      const times = this.grants.map((g) => (g.open ? now : g.t)).sort((a, b) => a - b);
      await this.clock.sleep(Math.max(1, times[times.length - this.limit]! - horizon + 1), signal);
    }
  }

  /** A 429 arrived: halve the budget and hold every request until `retryAfterMs` has passed. */
  penalize(retryAfterMs: number): void {
    const now = this.clock.now();
    if (now - this.lastPenaltyAt > Math.min(retryAfterMs, this.budget.windowMs)) {
      // Several requests in flight often see the same 429 burst; lower once per burst.
      this.limit = Math.max(1, Math.floor(this.limit / 2));
      this.stats.lowered++;
    }
    this.lastPenaltyAt = now;
    // Recovery counts from the end of the pause.
    this.lastChangeAt = Math.max(this.lastChangeAt, now + retryAfterMs);
    this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
  }

  private recover(now: number): void {
    if (this.limit >= this.budget.requests) return;
    const steps = Math.floor((now - this.lastChangeAt) / this.budget.windowMs);
    if (steps > 0) {
      this.limit = Math.min(this.budget.requests, this.limit + steps);
      this.lastChangeAt += steps * this.budget.windowMs;
    }
  }
}

const shared = new Map<string, RateLimiter>();

/** The process-wide limiter for one origin and budget. */
export function sharedRateLimiter(origin: string, budget: RateBudget): RateLimiter {
  const key = `${origin}|${budget.requests}/${budget.windowMs}`;
  let limiter = shared.get(key);
  if (!limiter) {
    limiter = new RateLimiter(budget);
    shared.set(key, limiter);
  }
  return limiter;
}

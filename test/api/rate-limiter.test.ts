import { describe, expect, it } from 'vitest';
import { RateLimiter, sharedRateLimiter, type Clock } from '../../src/api/rate-limiter.js';

/** A clock that advances only when someone sleeps. */
function fakeClock(): Clock & { t: number } {
  const c = {
    t: 0,
    now: () => c.t,
    sleep: async (ms: number) => {
      c.t += ms;
    },
  };
  return c;
}

describe('RateLimiter', () => {
  it('grants at most the budget per window', async () => {
    const clock = fakeClock();
    const l = new RateLimiter({ requests: 20, windowMs: 10_000 }, clock);
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      (await l.acquire()).settle();
      times.push(clock.t);
    }
    for (let i = 20; i < times.length; i++) expect(times[i]! - times[i - 20]!).toBeGreaterThan(10_000);
    // …and not much slower than that: three windows plus margins.
    expect(clock.t).toBeLessThan(2 * 10_200 + 100);
  });

  it('counts a request until its answer arrives', async () => {
    const clock = fakeClock();
    const l = new RateLimiter({ requests: 1, windowMs: 1000 }, clock);
    const first = await l.acquire();
    clock.t = 5000; // a slow request: still in flight after five windows
    const second = l.acquire();
    let granted = false;
    void second.then(() => (granted = true));
    await Promise.resolve();
    expect(granted).toBe(false);
    first.settle();
    await second;
    expect(clock.t).toBeGreaterThan(5000 + 1000);
  });

  it('halves the budget and pauses everyone on a 429, then recovers one step per clean window', async () => {
    const clock = fakeClock();
    const l = new RateLimiter({ requests: 8, windowMs: 1000 }, clock);
    (await l.acquire()).settle();
    l.penalize(3000);
    expect(l.currentLimit).toBe(4);
    l.penalize(3000); // the same burst: lowered once
    expect(l.currentLimit).toBe(4);
    (await l.acquire()).settle();
    expect(clock.t).toBeGreaterThanOrEqual(3000);
    expect(l.stats.lowered).toBe(1);
    expect(l.currentLimit).toBe(4);
    clock.t += 1000;
    (await l.acquire()).settle();
    expect(l.currentLimit).toBe(5);
    clock.t += 10_000;
    (await l.acquire()).settle();
    expect(l.currentLimit).toBe(8);
  });

  it('is shared per origin and budget', () => {
    const a = sharedRateLimiter('https://x:443', { requests: 20, windowMs: 10_000 });
    expect(sharedRateLimiter('https://x:443', { requests: 20, windowMs: 10_000 })).toBe(a);
    expect(sharedRateLimiter('https://y:443', { requests: 20, windowMs: 10_000 })).not.toBe(a);
  });
});

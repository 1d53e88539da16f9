/**
 * Fault injection, switchable per test (or over HTTP at `/_mock/faults` for serve-mock users).
 * Each fault applies to the next `count` requests matching `method`/`path`, then disappears.
 *
 *  - status:  answer this status (5xx bursts, 408, a 429 with Retry-After in seconds or as a date);
 *             `afterProcessing` carries out the request first (the server did the work but the
 *             answer says it failed: what makes a repeated POST dangerous).
 *  - reset:   destroy the connection: `before` handling, `after` handling (no answer at all), or
 *             `mid-body` (headers and half the body sent, then cut).
 *  - slow-headers: wait `delayMs` before handling (client headers timeouts).
 *  - slow-body: send headers, then wait `delayMs` before the body (client body timeouts).
 *  - echo-auth: an error body quoting the Authorization header back, to prove clients scrub it.
 */
export type Fault = (
  | { kind: 'status'; status: number; retryAfter?: number | 'date' | 'none'; afterProcessing?: boolean }
  | { kind: 'reset'; phase: 'before' | 'after' | 'mid-body' }
  | { kind: 'slow-headers'; delayMs: number }
  | { kind: 'slow-body'; delayMs: number }
  | { kind: 'echo-auth' }
) & {
  /** How many matching requests it affects (default 1). */
  count?: number;
  method?: string;
  /** A path prefix (`/blueprint`) or a regular expression source (`^/blueprint/[^/]+$`). */
  path?: string;
};

interface ActiveFault {
  fault: Fault;
  left: number;
}

const KINDS = new Set(['status', 'reset', 'slow-headers', 'slow-body', 'echo-auth']);

/** Checks a fault from untrusted JSON (the control endpoint). */
export function validateFault(value: unknown): Fault {
  const f = value as Partial<Fault> | null;
  if (!f || typeof f !== 'object' || !KINDS.has(String(f.kind))) throw new Error(`fault.kind must be one of ${[...KINDS].join(', ')}`);
  if (f.kind === 'status' && !(Number.isInteger(f.status) && f.status! >= 400 && f.status! <= 599)) throw new Error('fault.status must be 400–599');
  if (f.kind === 'reset' && !['before', 'after', 'mid-body'].includes(String(f.phase))) throw new Error('fault.phase must be before, after or mid-body');
  if ((f.kind === 'slow-headers' || f.kind === 'slow-body') && !(typeof f.delayMs === 'number' && f.delayMs >= 0)) throw new Error('fault.delayMs must be a number ≥ 0');
  if (f.count !== undefined && !(Number.isInteger(f.count) && f.count > 0)) throw new Error('fault.count must be a positive integer');
  return f as Fault;
}

export class FaultInjector {
  private readonly active: ActiveFault[] = [];

  /** Adds a fault; returns this for chaining. */
  add(fault: Fault): this {
    this.active.push({ fault, left: fault.count ?? 1 });
    return this;
  }

  clear(): void {
    this.active.length = 0;
  }

  /** Faults still waiting for a request. */
  pending(): Fault[] {
    return this.active.map((a) => ({ ...a.fault, count: a.left }));
  }

  /** The fault for this request, consuming one use of it. */
  take(method: string, path: string): Fault | undefined {
    const i = this.active.findIndex(({ fault }) => (!fault.method || fault.method.toUpperCase() === method) && pathMatches(fault.path, path));
    if (i < 0) return undefined;
    const a = this.active[i]!;
    if (--a.left <= 0) this.active.splice(i, 1);
    return a.fault;
  }
}

function pathMatches(pattern: string | undefined, path: string): boolean {
  if (!pattern) return true;
  if (/[\^$*+?()[\]{}|\\]/.test(pattern)) return new RegExp(pattern).test(path);
  return path === pattern || path.startsWith(pattern.endsWith('/') ? pattern : `${pattern}/`);
}

/** The stand-in's rate limit: a sliding window per API key; rejected requests are not counted. */
export class WindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(readonly limit: number, readonly windowMs: number) {}

  /** 0 when allowed (and counted), otherwise milliseconds until a slot frees. */
  check(key: string, now: number): number {
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    this.hits.set(key, list);
    if (list.length < this.limit) {
      list.push(now);
      return 0;
    }
    return list[list.length - this.limit]! + this.windowMs - now;
  }
}

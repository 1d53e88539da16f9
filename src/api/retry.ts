/**
 * When and how long to wait before repeating a request. Pure functions, so the policy can be read
 * (and tested) apart from the transport.
 *
 * Only requests that are safe to repeat are retried after an unclear outcome: GET, HEAD, DELETE,
 * and PUT carrying If-Match (a repeat of an applied conditional PUT fails with 412 instead of
 * overwriting twice). A POST is repeated only when the server provably did not act on it: a 429
 * (the request was not processed), or a connection that never opened.
 */

export interface RetryTuning {
  /** First backoff step without Retry-After; doubles each attempt. */
  baseDelayMs: number;
  /** Cap of one backoff step. */
  maxDelayMs: number;
  /** A Retry-After longer than this fails the request instead of stalling the run. */
  maxRetryAfterMs: number;
  /** Source of jitter (tests pin it). */
  random: () => number;
}

export const DEFAULT_RETRY: RetryTuning = {
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  random: Math.random,
};

/** Statuses that mean "try again later" rather than "this request is wrong". */
export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Statuses after which the server did not process the request, so even a POST may be repeated. */
export const NOT_PROCESSED_STATUS: ReadonlySet<number> = new Set([408, 429]);

export function isSafeToRepeat(method: string, headers: Readonly<Record<string, string>>): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'DELETE' || m === 'OPTIONS') return true;
  return m === 'PUT' && Object.keys(headers).some((h) => h.toLowerCase() === 'if-match');
}

/**
 * Retry-After as milliseconds from now: delay-seconds (fractions accepted, for test servers) or an
 * HTTP date (in the past → 0). Undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const date = Date.parse(v);
  if (Number.isNaN(date) || !/[a-z]/i.test(v)) return undefined;
  return Math.max(0, date - nowMs);
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so waits never collapse to 0. */
export function backoffDelay(retry: number, tuning: RetryTuning): number {
  const step = Math.min(tuning.maxDelayMs, tuning.baseDelayMs * 2 ** retry);
  return Math.round(step / 2 + tuning.random() * (step / 2));
}

export type NetworkFailureKind = 'not-sent' | 'ambiguous' | 'tls' | 'aborted';

export interface NetworkFailure {
  kind: NetworkFailureKind;
  code: string;
  message: string;
}

const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const TLS = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO/;

const DESCRIPTIONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed while sending',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CLOSED: 'connection closed',
  UND_ERR_CONNECT_TIMEOUT: 'timed out connecting',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response headers',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response body',
  ETIMEDOUT: 'timed out',
};

function errorCode(err: unknown): string {
  let e: unknown = err;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_REQ_RETRY') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return (err as Error | undefined)?.name === 'AbortError' ? 'ABORT_ERR' : 'UNKNOWN';
}

export function classifyNetworkError(err: unknown): NetworkFailure {
  const code = errorCode(err);
  const raw = err instanceof Error ? err.message : String(err);
  if (code === 'ABORT_ERR' || (err as Error | undefined)?.name === 'AbortError' || (err as Error | undefined)?.name === 'TimeoutError') {
    return { kind: 'aborted', code, message: 'aborted' };
  }
  if (NOT_SENT.has(code)) return { kind: 'not-sent', code, message: DESCRIPTIONS[code] ?? raw };
  if (TLS.test(code)) {
    return { kind: 'tls', code, message: `TLS certificate not trusted (${code}: ${raw}); for a private or test server pass its CA with --ca FILE` };
  }
  return { kind: 'ambiguous', code, message: DESCRIPTIONS[code] ?? raw };
}

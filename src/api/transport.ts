/**
 * One HTTPS request with the client's policies: the shared rate budget, Retry-After, backoff,
 * retries only where repeating is safe, timeouts on connect/headers/body, and every log line and
 * error message scrubbed of the key.
 *
 * Why not undici's RetryAgent: its retries bypass our rate budget (each retry must take a slot,
 * and a 429 must lower the budget for the whole process), it retries any PUT (we only repeat a PUT
 * that carries If-Match), and it silently caps Retry-After at maxTimeout, where we would rather
 * fail with a message than hammer a server that asked for a longer pause.
 */
import { rootCertificates } from 'node:tls';
import { Agent, request, type Dispatcher } from 'undici';
import { CloudcraftApiError, CloudcraftConfigError, CloudcraftNetworkError } from './errors.js';
import { realClock, type Clock, type RateGrant, type RateLimiter } from './rate-limiter.js';
import type { Redactor } from './redact.js';
import { backoffDelay, classifyNetworkError, isSafeToRepeat, NOT_PROCESSED_STATUS, parseRetryAfter, RETRYABLE_STATUS, type RetryTuning } from './retry.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | null;

export interface ApiRequest {
  method: HttpMethod;
  /** Path below the base path, starting with `/`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the headers timeout (snapshot long polls wait longer than ordinary calls). */
  headersTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Attempts it took (1 = no retry). */
  attempts: number;
}

export interface TransportOptions {
  origin: string;
  basePath: string;
  apiKey?: string;
  /** Per-attempt limit for the response headers and for a stalled body. */
  timeoutMs: number;
  connectTimeoutMs?: number;
  maxRetries: number;
  /** PEM certificates trusted in addition to the system roots. */
  ca: readonly string[];
  rateLimiter?: RateLimiter;
  retry: RetryTuning;
  redactor: Redactor;
  log?: (line: string) => void;
  clock?: Clock;
  /** A dispatcher to use instead of our own Agent (tests, proxies). */
  dispatcher?: Dispatcher;
  userAgent: string;
}

/** Slack given to undici's own (coarse-clocked) timeouts behind ours. */
const BACKSTOP_MS = 2000;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 409: 'Conflict',
  412: 'Precondition Failed', 413: 'Payload Too Large', 429: 'Too Many Requests', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

const STATUS_HINT: Record<number, string> = {
  401: 'the API key was not accepted; check CLOUDCRAFT_API_KEY',
  403: 'the API key may not do this (a read-only key cannot create, change or delete)',
};

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The server's `{"error": "...", "reason": "..."}` if the body has that shape. */
function errorBody(body: Buffer): { message?: string; reason?: string } {
  try {
    const j = JSON.parse(body.toString('utf8')) as { error?: unknown; message?: unknown; reason?: unknown };
    const message = typeof j.error === 'string' ? j.error : typeof j.message === 'string' ? j.message : undefined;
    return { ...(message ? { message } : {}), ...(typeof j.reason === 'string' ? { reason: j.reason } : {}) };
  } catch {
    const text = body.toString('utf8', 0, Math.min(body.length, 200)).trim();
    return text && !text.startsWith('<') ? { message: text } : {};
  }
}

export class Transport {
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly clock: Clock;

  constructor(private readonly options: TransportOptions) {
    this.clock = options.clock ?? realClock;
    if (options.dispatcher) {
      this.dispatcher = options.dispatcher;
      this.ownsDispatcher = false;
    } else {
      this.dispatcher = new Agent({
        // Extra CAs are added to the system roots: `ca` alone would replace them.
        connect: { timeout: options.connectTimeoutMs ?? Math.min(options.timeoutMs, 15_000), ...(options.ca.length ? { ca: [...rootCertificates, ...options.ca] } : {}) },
        headersTimeout: options.timeoutMs + BACKSTOP_MS,
        bodyTimeout: options.timeoutMs + BACKSTOP_MS,
      });
      this.ownsDispatcher = true;
    }
  }

  get redactor(): Redactor {
    return this.options.redactor;
  }

  url(path: string, query?: Record<string, QueryValue>): string {
    return `${this.options.origin}${this.options.basePath}${path}${buildQuery(query)}`;
  }

  private log(line: string): void {
    this.options.log?.(this.options.redactor.scrub(line));
  }

  /** The request headers we send (the dry-run dump shows them with the key masked). */
  headersFor(req: Pick<ApiRequest, 'body' | 'headers'>): Record<string, string> {
    const h: Record<string, string> = {
      accept: 'application/json, */*',
      'user-agent': this.options.userAgent,
      authorization: `Bearer ${this.options.apiKey ?? ''}`,
    };
    if (req.body !== undefined) h['content-type'] = 'application/json';
    return { ...h, ...req.headers };
  }

  async send(req: ApiRequest): Promise<ApiResponse> {
    if (!this.options.apiKey) {
      throw new CloudcraftConfigError('no API key: set CLOUDCRAFT_API_KEY, put apiKey or apiKeyFile in the config file, or pass --api-key-file');
    }
    const { method, path } = req;
    const headers = this.headersFor(req);
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const safe = isSafeToRepeat(method, headers);
    const url = this.url(path, req.query);
    const where = `${method} ${path}`;
    for (let attempt = 1; ; attempt++) {
      const grant = await this.options.rateLimiter?.acquire(req.signal);
      const started = this.clock.now();
      this.log(`→ ${method} ${url}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
      let status: number;
      let resHeaders: Record<string, string>;
      let resBody: Buffer;
      try {
        ({ status, headers: resHeaders, body: resBody } = await this.exchange(url, method, headers, body, req, grant));
      } catch (err) {
        grant?.settle();
        const failure = classifyNetworkError(err);
        if (failure.kind === 'aborted') throw err;
        const repeatable = failure.kind === 'not-sent' || (failure.kind === 'ambiguous' && safe);
        this.log(`✗ ${where}: ${failure.message} after ${Math.round(this.clock.now() - started)} ms`);
        if (repeatable && attempt <= this.options.maxRetries) {
          await this.pause(backoffDelay(attempt - 1, this.options.retry), `${failure.message}`, req.signal);
          continue;
        }
        const tries = attempt > 1 ? ` (after ${attempt} attempts)` : '';
        throw new CloudcraftNetworkError(this.options.redactor.scrub(`${where}: ${failure.message}${tries} [${this.options.origin}]`),
          failure.code, method, path, failure.kind === 'ambiguous' && !safe, attempt);
      }
      this.log(`← ${status} ${where} ${Math.round(this.clock.now() - started)} ms`);
      if (status < 300 || status === 304) return { status, headers: resHeaders, body: resBody, attempts: attempt };

      const repeatable = RETRYABLE_STATUS.has(status) && (safe || NOT_PROCESSED_STATUS.has(status));
      const retryAfter = parseRetryAfter(resHeaders['retry-after'], Date.now());
      if (status === 429) this.options.rateLimiter?.penalize(retryAfter ?? backoffDelay(attempt - 1, this.options.retry));
      if (repeatable && attempt <= this.options.maxRetries) {
        if (retryAfter !== undefined && retryAfter > this.options.retry.maxRetryAfterMs) {
          throw this.apiError(req, status, resBody, attempt,
            `the server asks to wait ${Math.ceil(retryAfter / 1000)} s, longer than the ${Math.round(this.options.retry.maxRetryAfterMs / 1000)} s we wait; try again later`);
        }
        const wait = retryAfter ?? backoffDelay(attempt - 1, this.options.retry);
        await this.pause(wait, `${status}${retryAfter !== undefined ? ` (Retry-After ${resHeaders['retry-after']})` : ''}`, req.signal);
        continue;
      }
      throw this.apiError(req, status, resBody, attempt);
    }
  }

  /**
   * One request and its whole body, under our own timers: undici's headers/body timeouts run on
   * a coarse (~1 s) clock, fine as a backstop but not as the limit users set.
   */
  private async exchange(url: string, method: HttpMethod, headers: Record<string, string>, body: string | undefined, req: ApiRequest, grant: RateGrant | undefined):
  Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const headersMs = req.headersTimeoutMs ?? this.options.timeoutMs;
    const bodyMs = this.options.timeoutMs;
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(req.signal?.reason);
    req.signal?.addEventListener('abort', onAbort, { once: true });
    const expire = (code: string, message: string) => () => controller.abort(Object.assign(new Error(message), { code }));
    let timer = setTimeout(expire('UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error'), headersMs);
    try {
      const res = await request(url, {
        method, headers, body, dispatcher: this.dispatcher, signal: controller.signal,
        headersTimeout: headersMs + BACKSTOP_MS, bodyTimeout: bodyMs + BACKSTOP_MS,
      });
      grant?.settle();
      clearTimeout(timer);
      // The body timeout is an inactivity limit: each chunk restarts it.
      timer = setTimeout(expire('UND_ERR_BODY_TIMEOUT', 'Body Timeout Error'), bodyMs);
      const chunks: Buffer[] = [];
      for await (const chunk of res.body) {
        chunks.push(chunk as Buffer);
        timer.refresh();
      }
      return { status: res.statusCode, headers: flattenHeaders(res.headers), body: Buffer.concat(chunks) };
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
  }

  private async pause(ms: number, why: string, signal?: AbortSignal): Promise<void> {
    this.log(`… retrying in ${ms} ms: ${why}`);
    await this.clock.sleep(ms, signal);
  }

  apiError(req: Pick<ApiRequest, 'method' | 'path'>, status: number, body: Buffer, attempts: number, extra?: string): CloudcraftApiError {
    const { message, reason } = errorBody(body);
    const parts = [`${req.method} ${req.path}: ${status} ${STATUS_TEXT[status] ?? ''}`.trimEnd()];
    if (message && message !== STATUS_TEXT[status]) parts.push(message);
    const hint = extra ?? STATUS_HINT[status];
    if (hint) parts.push(hint);
    if (attempts > 1) parts.push(`after ${attempts} attempts`);
    return new CloudcraftApiError(this.options.redactor.scrub(parts.join(': ')), status, req.method, req.path, reason, attempts);
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }
}

/**
 * The Cloudcraft API client:
 *
 *   const client = new CloudcraftClient();              // CLOUDCRAFT_API_KEY etc. from the environment
 *   const { value, etag } = await client.blueprints.get(id);
 *   await client.blueprints.update(id, { data: value.data }, etag);
 *   await client.close();
 *
 * Options passed here beat environment variables, which beat the config file (only read when
 * `configFile` is given) and the defaults.
 */
import { AwsAccountApi, AzureAccountApi, DEFAULT_LONG_POLL, type LongPollTuning } from './accounts.js';
import { BlueprintApi } from './blueprints.js';
import { resolveConfig, type ConfigInput, type ResolvedConfig } from './config.js';
import { realClock, sharedRateLimiter, RateLimiter, type Clock } from './rate-limiter.js';
import { Redactor } from './redact.js';
import { DEFAULT_RETRY, type RetryTuning } from './retry.js';
import { Transport, type ApiRequest, type QueryValue } from './transport.js';
import { decodeJson } from './util.js';
import type { Team, User } from './types.js';
import type { Dispatcher } from 'undici';

export interface ClientOptions extends ConfigInput {
  /** Environment to read CLOUDCRAFT_* from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** A JSON config file (lowest precedence). */
  configFile?: string;
  /** An already resolved configuration (the CLI resolves once and passes it). */
  resolved?: ResolvedConfig;
  retry?: Partial<RetryTuning>;
  longPoll?: Partial<LongPollTuning>;
  connectTimeoutMs?: number;
  /** Debug lines (requests, retries); already scrubbed of the key. */
  log?: (line: string) => void;
  /** Our own limiter (default: the process-wide one for this origin and budget), or false for none. */
  rateLimiter?: RateLimiter | false;
  dispatcher?: Dispatcher;
  clock?: Clock;
  userAgent?: string;
}

export class CloudcraftClient {
  readonly config: ResolvedConfig;
  readonly redactor: Redactor;
  readonly rateLimiter: RateLimiter | undefined;
  readonly blueprints: BlueprintApi;
  readonly aws: AwsAccountApi;
  readonly azure: AzureAccountApi;
  private readonly transport: Transport;

  constructor(options: ClientOptions = {}) {
    const { env, configFile, resolved, retry, longPoll, log, rateLimiter, dispatcher, clock = realClock, userAgent, connectTimeoutMs, ...flags } = options;
    this.config = resolved ?? resolveConfig({ flags: { ...flags, ...(configFile ? { config: configFile } : {}) }, env: env ?? process.env, noDefaultFile: true });
    this.redactor = new Redactor([this.config.apiKey]);
    this.rateLimiter = rateLimiter instanceof RateLimiter ? rateLimiter
      : rateLimiter === false || this.config.rateLimit === false ? undefined : sharedRateLimiter(this.config.origin, this.config.rateLimit);
    const tuning: RetryTuning = { ...DEFAULT_RETRY, ...(this.config.retryBaseMs !== undefined ? { baseDelayMs: this.config.retryBaseMs } : {}), ...retry };
    this.transport = new Transport({
      origin: this.config.origin, basePath: this.config.basePath, timeoutMs: this.config.timeoutMs, maxRetries: this.config.maxRetries,
      ca: this.config.ca, retry: tuning, redactor: this.redactor, clock, userAgent: userAgent ?? `cloudcraft-convert (node ${process.version})`,
      ...(this.config.apiKey ? { apiKey: this.config.apiKey } : {}),
      ...(this.rateLimiter ? { rateLimiter: this.rateLimiter } : {}),
      ...(log ? { log } : {}),
      ...(dispatcher ? { dispatcher } : {}),
      ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}),
    });
    const poll = { ...DEFAULT_LONG_POLL, ...longPoll };
    this.blueprints = new BlueprintApi(this.transport, clock, tuning, this.config.maxRetries);
    this.aws = new AwsAccountApi(this.transport, clock, poll);
    this.azure = new AzureAccountApi(this.transport, clock, poll);
  }

  /** `GET /user/me`: who the key belongs to. */
  async me(): Promise<User> {
    return decodeJson<User>(await this.transport.send({ method: 'GET', path: '/user/me' }), 'GET /user/me');
  }

  /** `GET /team`: the caller's teams (a bare array or `{teams}`, both accepted). */
  async teams(): Promise<Team[]> {
    const body = decodeJson<Team[] | { teams?: Team[] }>(await this.transport.send({ method: 'GET', path: '/team' }), 'GET /team');
    return Array.isArray(body) ? body : body.teams ?? [];
  }

  /** The app page of a blueprint. */
  appUrl(id: string): string {
    return `${this.config.appUrl}/blueprint/${encodeURIComponent(id)}`;
  }

  /** Full URL of an API path (for dry-run dumps). */
  url(path: string, query?: Record<string, QueryValue>): string {
    return this.transport.url(path, query);
  }

  /** The request as it would be sent, key masked: what `--dry-run` prints. */
  describeRequest(req: Pick<ApiRequest, 'method' | 'path' | 'body' | 'headers' | 'query'>): { method: string; url: string; headers: Record<string, string>; body?: unknown } {
    const headers = this.transport.headersFor(req);
    if (!this.config.apiKey) headers['authorization'] = 'Bearer <no API key configured>';
    const out = { method: req.method, url: this.url(req.path, req.query), headers, ...(req.body !== undefined ? { body: req.body } : {}) };
    return this.redactor.scrubValue(out);
  }

  /** Closes idle connections; call when done so the process can exit promptly. */
  async close(): Promise<void> {
    await this.transport.close();
  }
}

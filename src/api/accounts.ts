/**
 * AWS and Azure account endpoints, including the snapshot long poll: the server holds a snapshot
 * request up to ~120 s and answers 202 STILL_PROCESSING when the scan is not done; we ask again
 * until it answers 200 or our deadline passes.
 */
import { CloudcraftApiError, SnapshotTimeoutError } from './errors.js';
import type { Clock } from './rate-limiter.js';
import type { QueryValue, Transport } from './transport.js';
import { decodeJson, exported, segment } from './util.js';
import type {
  AwsAccount, AwsAccountWrite, AzureAccount, AzureAccountWrite, CloudProvider, Exported, IamParameters, IamPolicy, SnapshotFormat, SnapshotParams,
  SnapshotProgress,
} from './types.js';

export interface SnapshotOptions {
  /** Give up after this long in total (default 10 minutes). */
  deadlineMs?: number;
  /** Called after every 202. */
  onProgress?: (p: SnapshotProgress) => void;
  signal?: AbortSignal;
}

export interface LongPollTuning {
  /** Headers timeout of one poll; above the server's 120 s hold (default 135 s). */
  pollTimeoutMs: number;
  /** Minimum gap between polls, for servers that answer 202 at once (default 1 s). */
  pollIntervalMs: number;
  deadlineMs: number;
}

export const DEFAULT_LONG_POLL: LongPollTuning = { pollTimeoutMs: 135_000, pollIntervalMs: 1000, deadlineMs: 600_000 };

function snapshotQuery(p: SnapshotParams): Record<string, QueryValue> {
  const { exclude, ...rest } = p;
  return { ...rest, ...(exclude?.length ? { exclude: exclude.join(',') } : {}) };
}

/** One cloud provider's account endpoints (`/aws/account` or `/azure/account`). */
class AccountApi<Account, Write> {
  protected readonly base: string;

  constructor(protected readonly t: Transport, private readonly clock: Clock, private readonly poll: LongPollTuning, readonly provider: CloudProvider) {
    this.base = `/${provider}/account`;
  }

  async list(): Promise<Account[]> {
    const res = await this.t.send({ method: 'GET', path: this.base });
    return decodeJson<{ accounts?: Account[] }>(res, `GET ${this.base}`).accounts ?? [];
  }

  /** POST: not repeated on an unclear failure (list the accounts to check before trying again). */
  async create(body: Write): Promise<Account> {
    return decodeJson<Account>(await this.t.send({ method: 'POST', path: this.base, body }), `POST ${this.base}`);
  }

  /** PUT without If-Match (the API has no ETag for accounts), so it is not retried. */
  async update(id: string, body: Write): Promise<Account | undefined> {
    const res = await this.t.send({ method: 'PUT', path: `${this.base}/${segment(id)}`, body });
    return res.status === 204 || res.body.length === 0 ? undefined : decodeJson<Account>(res, `PUT ${this.base}/${id}`);
  }

  async delete(id: string): Promise<void> {
    try {
      await this.t.send({ method: 'DELETE', path: `${this.base}/${segment(id)}` });
    } catch (err) {
      if (err instanceof CloudcraftApiError && err.status === 404 && err.attempts > 1) return;
      throw err;
    }
  }

  /** Scans the live account; `region` is an AWS region or an Azure location. */
  async snapshot(id: string, region: string, format: SnapshotFormat, params: SnapshotParams = {}, options: SnapshotOptions = {}): Promise<Exported> {
    const path = `${this.base}/${segment(id)}/${segment(region, 'region')}/${format}`;
    const started = this.clock.now();
    const deadline = started + (options.deadlineMs ?? this.poll.deadlineMs);
    for (let polls = 1; ; polls++) {
      const remaining = deadline - this.clock.now();
      const timeout = AbortSignal.timeout(Math.max(1, Math.ceil(remaining)));
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      let res;
      try {
        res = await this.t.send({ method: 'GET', path, query: snapshotQuery(params), headersTimeoutMs: Math.max(1, Math.ceil(Math.min(this.poll.pollTimeoutMs, remaining))), signal });
      } catch (err) {
        if (timeout.aborted && !options.signal?.aborted) throw this.timedOut(polls, started);
        throw err;
      }
      if (res.status !== 202) return exported(res);
      options.onProgress?.({ polls, elapsedMs: this.clock.now() - started, status: 202 });
      if (this.clock.now() + this.poll.pollIntervalMs >= deadline) throw this.timedOut(polls, started);
      await this.clock.sleep(this.poll.pollIntervalMs, options.signal);
    }
  }

  private timedOut(polls: number, started: number): SnapshotTimeoutError {
    return new SnapshotTimeoutError(`snapshot still processing after ${Math.round((this.clock.now() - started) / 1000)} s and ${polls} poll${polls === 1 ? '' : 's'}; ` +
      'Cloudcraft keeps scanning in the background, so running the same command again later picks up the result', polls);
  }
}

export class AwsAccountApi extends AccountApi<AwsAccount, AwsAccountWrite> {
  constructor(t: Transport, clock: Clock, poll: LongPollTuning) {
    super(t, clock, poll, 'aws');
  }

  /** The account id and external id to create the IAM role Cloudcraft assumes. */
  async iamParameters(): Promise<IamParameters> {
    return decodeJson<IamParameters>(await this.t.send({ method: 'GET', path: `${this.base}/iamParameters` }), `GET ${this.base}/iamParameters`);
  }

  /** The IAM policy document for that role: `minimal` or `custom`. */
  async iamPolicy(kind: 'minimal' | 'custom' = 'minimal'): Promise<IamPolicy> {
    const path = `${this.base}/iamParameters/policy/${kind}`;
    return decodeJson<IamPolicy>(await this.t.send({ method: 'GET', path }), `GET ${path}`);
  }
}

export class AzureAccountApi extends AccountApi<AzureAccount, AzureAccountWrite> {
  constructor(t: Transport, clock: Clock, poll: LongPollTuning) {
    super(t, clock, poll, 'azure');
  }
}

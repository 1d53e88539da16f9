/** Blueprint endpoints: list, get (+ETag), create (once), update (If-Match), delete, exports. */
import { CloudcraftApiError, CloudcraftNetworkError, RemoteChangedError } from './errors.js';
import { sameContent } from './compare.js';
import type { Clock } from './rate-limiter.js';
import { backoffDelay, type RetryTuning } from './retry.js';
import type { Transport } from './transport.js';
import { decodeJson, exported, segment } from './util.js';
import type { BlueprintMeta, BlueprintRecord, BlueprintWrite, BudgetFormat, BudgetParams, Exported, ExportFormat, ImageParams, Versioned } from './types.js';

export interface CreateOnceOptions {
  /**
   * A tag added to the blueprint and unique to what is being created (an input set, a backup
   * entry): after an unclear failure, a blueprint with this tag and name created since the attempt
   * started is taken as ours instead of creating a duplicate.
   */
  marker: string;
  /** Create attempts in total (default: 1 + the client's maxRetries). */
  attempts?: number;
}

export interface CreateResult extends Versioned<BlueprintRecord> {
  /** True when a create whose answer got lost was found by its marker. */
  recovered: boolean;
}

/** Was the request possibly carried out although we got no usable answer? */
function ambiguous(err: unknown): boolean {
  if (err instanceof CloudcraftNetworkError) return err.ambiguous;
  return err instanceof CloudcraftApiError && err.status >= 500;
}

export class BlueprintApi {
  constructor(private readonly t: Transport, private readonly clock: Clock, private readonly retry: RetryTuning, private readonly maxRetries: number) {}

  async list(): Promise<BlueprintMeta[]> {
    return (await this.listWithDate()).blueprints;
  }

  private async listWithDate(): Promise<{ blueprints: BlueprintMeta[]; serverDate?: number }> {
    const res = await this.t.send({ method: 'GET', path: '/blueprint' });
    const body = decodeJson<{ blueprints?: BlueprintMeta[] }>(res, 'GET /blueprint');
    // An account without blueprints may answer `{}`.
    const date = res.headers['date'] ? Date.parse(res.headers['date']) : NaN;
    return { blueprints: body.blueprints ?? [], ...(Number.isNaN(date) ? {} : { serverDate: date }) };
  }

  async get(id: string): Promise<Versioned<BlueprintRecord>> {
    const res = await this.t.send({ method: 'GET', path: `/blueprint/${segment(id)}` });
    const value = decodeJson<BlueprintRecord>(res, `GET /blueprint/${id}`);
    return { value, ...(res.headers['etag'] ? { etag: res.headers['etag'] } : {}) };
  }

  /** One POST, never repeated (see createOnce for the safe way to retry). */
  async create(body: BlueprintWrite): Promise<Versioned<BlueprintRecord>> {
    const res = await this.t.send({ method: 'POST', path: '/blueprint', body });
    const value = decodeJson<BlueprintRecord>(res, 'POST /blueprint');
    return { value, ...(res.headers['etag'] ? { etag: res.headers['etag'] } : {}) };
  }

  /**
   * Creates a blueprint exactly once. A POST is not safe to repeat: when the outcome is unclear
   * (connection reset after sending, 5xx, a cut-off answer) we list blueprints and look for ours
   * by name and marker tag before trying again.
   */
  async createOnce(body: BlueprintWrite, options: CreateOnceOptions): Promise<CreateResult> {
    const tags = [...new Set([...(body.tags ?? []), options.marker])];
    const write: BlueprintWrite = { ...body, tags };
    const name = write.name ?? (write.data['name'] as string | undefined);
    const attempts = options.attempts ?? 1 + this.maxRetries;
    for (let attempt = 1; ; attempt++) {
      const started = this.clock.now();
      try {
        return { ...(await this.create(write)), recovered: false };
      } catch (err) {
        if (!ambiguous(err)) throw err;
        let found: BlueprintMeta | undefined;
        try {
          found = await this.findCreated(name, options.marker, started);
        } catch (lookupErr) {
          throw new CloudcraftNetworkError(`${(err as Error).message}; could not check whether the blueprint was created (${(lookupErr as Error).message}), so it was not created again`,
            err instanceof CloudcraftNetworkError ? err.code : 'AMBIGUOUS', 'POST', '/blueprint', true, attempt);
        }
        if (found) return { ...(await this.get(found.id)), recovered: true };
        if (attempt >= attempts) throw err;
        await this.clock.sleep(backoffDelay(attempt - 1, this.retry));
      }
    }
  }

  /** A blueprint with this name and marker created after `startedAt` (server clock, with slack). */
  private async findCreated(name: string | undefined, marker: string, startedAt: number): Promise<BlueprintMeta | undefined> {
    const { blueprints, serverDate } = await this.listWithDate();
    // The Date header has one-second resolution and the clocks may differ: measure the window on
    // the server's clock (its "now" minus how long we have been at it), with two seconds of slack.
    const elapsed = this.clock.now() - startedAt;
    const earliest = (serverDate ?? Date.now()) - elapsed - 2000;
    const mine = blueprints.filter((b) => (name === undefined || b.name === name) && (b.tags ?? []).includes(marker) &&
      (!b.createdAt || Date.parse(b.createdAt) >= earliest));
    mine.sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
    return mine[0];
  }

  /**
   * PUT, conditional on `etag` when given (If-Match). Returns the new ETag. A 412 becomes
   * RemoteChangedError, except when it answers our own retry of a PUT that had in fact been
   * applied: then the remote already holds our content and the update succeeded.
   */
  async update(id: string, body: BlueprintWrite, etag?: string): Promise<{ etag?: string }> {
    const path = `/blueprint/${segment(id)}`;
    try {
      const res = await this.t.send({ method: 'PUT', path, body, ...(etag ? { headers: { 'if-match': etag } } : {}) });
      if (res.headers['etag']) return { etag: res.headers['etag'] };
      // No ETag header on the answer: read it, so the caller can make the next update conditional.
      const after = await this.get(id);
      return after.etag ? { etag: after.etag } : {};
    } catch (err) {
      if (!(err instanceof CloudcraftApiError) || err.status !== 412) throw err;
      const remote = await this.get(id);
      if (err.attempts > 1 && sameContent(body, remote.value)) return remote.etag ? { etag: remote.etag } : {};
      throw new RemoteChangedError(`blueprint ${id} was changed in Cloudcraft since version ${etag ?? '(none)'} (now ${remote.etag ?? 'unknown'})`,
        id, etag, remote.etag);
    }
  }

  /** DELETE; a 404 on a retry means our first attempt had already deleted it. */
  async delete(id: string): Promise<void> {
    try {
      await this.t.send({ method: 'DELETE', path: `/blueprint/${segment(id)}` });
    } catch (err) {
      if (err instanceof CloudcraftApiError && err.status === 404 && err.attempts > 1) return;
      throw err;
    }
  }

  async exportImage(id: string, format: ExportFormat, params: ImageParams = {}): Promise<Exported> {
    const res = await this.t.send({ method: 'GET', path: `/blueprint/${segment(id)}/${format}`, query: { ...params } });
    return exported(res);
  }

  async exportBudget(id: string, format: BudgetFormat, params: BudgetParams = {}): Promise<Exported> {
    const res = await this.t.send({ method: 'GET', path: `/blueprint/${segment(id)}/budget/${format}`, query: { ...params } });
    return exported(res);
  }
}

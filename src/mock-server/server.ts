/**
 * The stand-in Cloudcraft API: real HTTPS on loopback with a certificate made at start-up, bearer
 * auth with a read-write and a read-only key, the 20-requests-per-10-s limit with 429 +
 * Retry-After, and switchable faults. For tests and for offline pipeline runs (`serve-mock`).
 *
 *   const server = await startMockServer();
 *   const client = new CloudcraftClient({ host: '127.0.0.1', port: server.port, apiKey: server.keys.readWrite, ca: server.caFile });
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generateCertificates, type GeneratedCertificates } from './certs.js';
import { FaultInjector, validateFault, WindowLimiter, type Fault } from './faults.js';
import { dispatch, errorReply, type Reply } from './routes.js';
import { DEFAULT_SEED, MockStore, type SeedData } from './store.js';

export interface MockServerOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  keys?: { readWrite?: string; readOnly?: string };
  /** Requests per window per key (default 20 per 10 s, the API contract); false turns it off. */
  rateLimit?: { requests: number; windowMs: number } | false;
  /** How a 429 states Retry-After: whole seconds (default), fractional seconds (fast tests), an HTTP date, or not at all. */
  retryAfter?: 'seconds' | 'fractional' | 'date' | 'none';
  /** Snapshot long poll: 202 answers before the 200 (default 1), each held this long (default 100 ms; the real API holds up to 120 s). */
  snapshot?: { polls?: number; holdMs?: number };
  seed?: SeedData;
  /** Extra certificate names (`DNS:ci-runner`, `IP:10.1.2.3`) when clients connect by another name. */
  altNames?: string[];
  /** One line per request. */
  log?: (line: string) => void;
}

export interface LoggedRequest {
  method: string;
  path: string;
  /** Status sent, or `reset` when the connection was cut. */
  status: number | 'reset';
  key: 'read-write' | 'read-only' | 'none' | 'invalid';
  fault?: Fault['kind'];
  ifMatch?: string;
  /** Milliseconds since the server started, at arrival. */
  at: number;
}

export interface MockServer {
  /** `https://127.0.0.1:PORT` */
  url: string;
  host: string;
  port: number;
  /** The CA certificate file clients must trust. */
  caFile: string;
  ca: string;
  keys: { readWrite: string; readOnly: string };
  store: MockStore;
  faults: FaultInjector;
  requests: LoggedRequest[];
  /** Changes the rate limit for the requests that follow (false turns it off). */
  setRateLimit(limit: { requests: number; windowMs: number } | false): void;
  close(): Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;

function apiKey(): string {
  // 33 random bytes → 44 base64 characters, the length of a real Cloudcraft key.
  return randomBytes(33).toString('base64');
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function encode(reply: Reply): { headers: Record<string, string>; body: Buffer } {
  const headers: Record<string, string> = { ...reply.headers };
  let body: Buffer = Buffer.alloc(0);
  if (reply.json !== undefined) {
    body = Buffer.from(JSON.stringify(reply.json));
    headers['content-type'] ??= 'application/json; charset=utf-8';
  } else if (reply.body !== undefined) {
    body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
  }
  headers['content-length'] = String(body.length);
  return { headers, body };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const certs: GeneratedCertificates = await generateCertificates(options.altNames ? { altNames: options.altNames } : {});
  const keys = { readWrite: options.keys?.readWrite ?? apiKey(), readOnly: options.keys?.readOnly ?? apiKey() };
  const store = new MockStore(options.seed ?? DEFAULT_SEED);
  const faults = new FaultInjector();
  const requests: LoggedRequest[] = [];
  const rate = options.rateLimit === undefined ? { requests: 20, windowMs: 10_000 } : options.rateLimit;
  let limiter = rate ? new WindowLimiter(rate.requests, rate.windowMs) : undefined;
  const snapshot = { polls: options.snapshot?.polls ?? 1, holdMs: options.snapshot?.holdMs ?? 100 };
  const retryAfterStyle = options.retryAfter ?? 'seconds';
  const bootedAt = performance.now();

  function retryAfterHeader(ms: number, style: 'seconds' | 'fractional' | 'date' | 'none' = retryAfterStyle): Record<string, string> {
    if (style === 'none') return {};
    if (style === 'date') return { 'retry-after': new Date(Date.now() + ms).toUTCString() };
    if (style === 'fractional') return { 'retry-after': (Math.max(ms, 1) / 1000).toFixed(3) };
    return { 'retry-after': String(Math.max(1, Math.ceil(ms / 1000))) };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'https://stand-in');
    // The Python SDK adds /api when the host is localhost; accept both.
    const path = url.pathname.replace(/^\/api(?=\/)/, '').replace(/\/+$/, '') || '/';
    const entry: LoggedRequest = { method, path, status: 0, key: 'none', at: Math.round(started - bootedAt) };
    if (typeof req.headers['if-match'] === 'string') entry.ifMatch = req.headers['if-match'];
    requests.push(entry);
    const finish = (reply: Reply, how: 'normal' | 'mid-body' | 'slow-body' = 'normal', delayMs = 0): void => {
      const { headers, body } = encode(reply);
      entry.status = how === 'mid-body' ? 'reset' : reply.status;
      options.log?.(`${method} ${url.pathname}${url.search} → ${entry.status} ${Math.round(performance.now() - started)} ms${entry.fault ? ` [fault ${entry.fault}]` : ''}`);
      if (res.destroyed) return;
      res.writeHead(reply.status, headers);
      if (how === 'mid-body') {
        res.write(body.subarray(0, Math.max(1, body.length >> 1)), () => res.destroy());
      } else if (how === 'slow-body') {
        res.flushHeaders();
        setTimeout(() => {
          if (!res.destroyed) res.end(body);
        }, delayMs);
      } else {
        res.end(body);
      }
    };
    const reset = (): void => {
      entry.status = 'reset';
      options.log?.(`${method} ${url.pathname} → connection reset [fault]`);
      req.socket.destroy();
    };

    const raw = await readBody(req);
    if (raw === 'too-large') return finish(errorReply(413, 'Request body too large', 'payload_too_large'));
    let body: unknown;
    if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return finish(errorReply(400, 'Request body is not valid JSON', 'invalid_property'));
      }
    }

    const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    entry.key = auth === keys.readWrite ? 'read-write' : auth === keys.readOnly ? 'read-only' : auth ? 'invalid' : 'none';

    // Control endpoints for serve-mock users: add/clear faults, simulate an edit in the app.
    if (path.startsWith('/_mock/')) {
      if (entry.key !== 'read-write') return finish(errorReply(401, 'Unauthorized', 'unauthorized'));
      return finish(control(method, path, body));
    }

    const fault = faults.take(method, path);
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === 'slow-headers') await sleep(fault.delayMs);
    if (fault?.kind === 'reset' && fault.phase === 'before') return reset();
    if (fault?.kind === 'echo-auth') return finish(errorReply(401, `API key not recognised: ${req.headers.authorization ?? ''}`, 'unauthorized'));
    if (fault?.kind === 'status' && !fault.afterProcessing) {
      return finish({ ...errorReply(fault.status, `Injected ${fault.status}`, 'injected'), headers: retryAfterFor(fault) });
    }

    if (entry.key === 'none' || entry.key === 'invalid') return finish(errorReply(401, 'Unauthorized', 'unauthorized'));
    if (limiter) {
      const waitMs = limiter.check(entry.key, performance.now());
      if (waitMs > 0) return finish({ ...errorReply(429, 'Too many requests', 'rate_limited'), headers: retryAfterHeader(waitMs) });
    }
    if (method !== 'GET' && entry.key === 'read-only') return finish(errorReply(403, 'API key does not have sufficient permissions', 'insufficient_privileges'));

    const reply = await dispatch(method, path, { req, query: url.searchParams, body, store, snapshot });
    if (fault?.kind === 'reset' && fault.phase === 'after') return reset();
    if (fault?.kind === 'reset' && fault.phase === 'mid-body') return finish(reply, 'mid-body');
    if (fault?.kind === 'slow-body') return finish(reply, 'slow-body', fault.delayMs);
    if (fault?.kind === 'status') return finish({ ...errorReply(fault.status, `Injected ${fault.status}`, 'injected'), headers: retryAfterFor(fault) });
    finish(reply);
  }

  function retryAfterFor(fault: Extract<Fault, { kind: 'status' }>): Record<string, string> {
    if (fault.retryAfter === undefined || fault.retryAfter === 'none') return {};
    if (fault.retryAfter === 'date') return retryAfterHeader(1500, 'date');
    return { 'retry-after': String(fault.retryAfter) };
  }

  function control(method: string, path: string, body: unknown): Reply {
    if (path === '/_mock/faults' && method === 'GET') return { status: 200, json: faults.pending() };
    if (path === '/_mock/faults' && method === 'DELETE') {
      faults.clear();
      return { status: 204 };
    }
    if (path === '/_mock/faults' && method === 'POST') {
      try {
        for (const f of Array.isArray(body) ? body : [body]) faults.add(validateFault(f));
      } catch (err) {
        return errorReply(400, (err as Error).message, 'invalid_property');
      }
      return { status: 204 };
    }
    const edit = /^\/_mock\/blueprint\/([^/]+)\/edit$/.exec(path);
    if (edit && method === 'POST') {
      const b = store.blueprints.get(edit[1]!);
      if (!b) return errorReply(404, 'Blueprint not found', 'not_found');
      store.updateBlueprint(b, { data: { ...b.record.data, editedInApp: (Number(b.record.data['editedInApp']) || 0) + 1 } });
      return { status: 200, headers: { etag: store.etag(b) }, json: b.record };
    }
    return errorReply(404, `No control endpoint ${method} ${path}`, 'not_found');
  }

  const server: Server = createServer({ cert: certs.cert, key: certs.key }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      options.log?.(`internal error: ${(err as Error).message}`);
      if (!res.headersSent && !res.destroyed) {
        const { headers, body } = encode(errorReply(500, 'Internal server error', 'internal_server_error'));
        res.writeHead(500, headers).end(body);
      }
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    host, port, caFile: certs.caFile, ca: certs.ca, keys, store, faults, requests,
    setRateLimit(limit) {
      limiter = limit ? new WindowLimiter(limit.requests, limit.windowMs) : undefined;
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => {
        certs.dispose();
        resolve();
      });
      server.closeAllConnections();
    }),
  };
}

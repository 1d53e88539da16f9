/**
 * The stand-in's endpoints as a route table: method, path pattern, handler. Handlers get the
 * parsed request and return a reply; the server (server.ts) does auth, limits and faults.
 */
import type { IncomingMessage } from 'node:http';
import { renderBudgetCsv, renderBudgetXlsx, renderMxGraph, renderPdf, renderPng, renderSvg, type RenderParams } from './render.js';
import { snapshotBlueprint } from './snapshot.js';
import type { MockStore, StoredBlueprint } from './store.js';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
  json?: unknown;
}

export interface RouteContext {
  req: IncomingMessage;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  store: MockStore;
  snapshot: { polls: number; holdMs: number };
}

type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

export function errorReply(status: number, error: string, reason: string): Reply {
  return { status, json: { error, reason, code: status } };
}

/** Thrown by validators; becomes a 400. */
class BadRequest extends Error {
  constructor(message: string, readonly reason = 'invalid_parameter') {
    super(message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACL = /^(team|customer)\/[A-Za-z0-9-]+$/;
const PAPER = ['Letter', 'Legal', 'Tabloid', 'Ledger', 'A0', 'A1', 'A2', 'A3', 'A4', 'A5'];
const CURRENCIES = ['USD', 'AUD', 'CHF', 'DKK', 'EUR', 'GBP', 'HKD', 'JPY', 'NOK', 'NZD', 'SEK', 'ZAR'];
const CONTENT_TYPE: Record<string, string> = {
  json: 'application/json', svg: 'image/svg+xml', png: 'image/png', pdf: 'application/pdf', mxGraph: 'application/xml', csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function id(ctx: RouteContext, what: string, i = 0): string {
  const v = ctx.params[i]!;
  if (!UUID.test(v)) throw new BadRequest(`Invalid parameter format: ${what}`);
  return v;
}

function bool(q: URLSearchParams, key: string): boolean | undefined {
  const v = q.get(key);
  if (v === null) return undefined;
  if (v !== 'true' && v !== 'false') throw new BadRequest(`Invalid parameter: ${key} must be true or false`);
  return v === 'true';
}

function num(q: URLSearchParams, key: string, integer: boolean, max: number): number | undefined {
  const v = q.get(key);
  if (v === null) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0 || n > max || (integer && !Number.isInteger(n))) throw new BadRequest(`Invalid parameter: ${key}`);
  return n;
}

function oneOf(q: URLSearchParams, key: string, allowed: readonly string[]): string | undefined {
  const v = q.get(key);
  if (v !== null && !allowed.includes(v)) throw new BadRequest(`Invalid parameter: ${key} must be one of ${allowed.join(', ')}`);
  return v ?? undefined;
}

function renderParams(q: URLSearchParams): RenderParams {
  const p: RenderParams = {};
  const assign = <K extends keyof RenderParams>(k: K, v: RenderParams[K] | undefined): void => {
    if (v !== undefined) p[k] = v;
  };
  assign('scale', num(q, 'scale', false, 10));
  assign('width', num(q, 'width', true, 10_000));
  assign('height', num(q, 'height', true, 10_000));
  assign('grid', bool(q, 'grid'));
  assign('transparent', bool(q, 'transparent'));
  assign('landscape', bool(q, 'landscape'));
  assign('paperSize', oneOf(q, 'paperSize', PAPER));
  return p;
}

function render(format: string, name: string, data: Record<string, unknown>, q: URLSearchParams): Reply {
  const p = renderParams(q);
  const body = format === 'svg' ? renderSvg(name, data, p) : format === 'png' ? renderPng(data, p) : format === 'pdf' ? renderPdf(name, data, p)
    : format === 'mxGraph' ? renderMxGraph(data) : JSON.stringify({ name, data });
  return { status: 200, headers: { 'content-type': CONTENT_TYPE[format]! }, body };
}

const EXPORTS = ['json', 'svg', 'png', 'pdf', 'mxGraph'];

interface BlueprintBody {
  name?: string;
  data: Record<string, unknown>;
  tags?: string[] | null;
  readAccess?: string[] | null;
  writeAccess?: string[] | null;
}

function blueprintBody(body: unknown): BlueprintBody {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw new BadRequest('Invalid property: body must be a JSON object', 'invalid_property');
  if (!b['data'] || typeof b['data'] !== 'object' || Array.isArray(b['data'])) throw new BadRequest('Invalid property: data', 'invalid_property');
  if (b['name'] !== undefined && typeof b['name'] !== 'string') throw new BadRequest('Invalid property: name', 'invalid_property');
  for (const key of ['readAccess', 'writeAccess', 'tags']) {
    const v = b[key];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string' && (key === 'tags' || ACL.test(s)))) throw new BadRequest(`Invalid property: ${key}`, 'invalid_property');
  }
  return b as unknown as BlueprintBody;
}

function findBlueprint(ctx: RouteContext): StoredBlueprint {
  const b = ctx.store.blueprints.get(id(ctx, 'blueprintId'));
  if (!b) throw Object.assign(new Error('Blueprint not found'), { status: 404 });
  return b;
}

function requireStrings(body: unknown, keys: readonly string[]): Record<string, unknown> {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object') throw new BadRequest('Invalid property: body must be a JSON object', 'invalid_property');
  for (const k of keys) if (typeof b[k] !== 'string' || !b[k]) throw new BadRequest(`Invalid property: ${k}`, 'invalid_property');
  for (const k of ['readAccess', 'writeAccess']) {
    const v = b[k];
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.every((s) => typeof s === 'string' && ACL.test(s)))) throw new BadRequest(`Invalid property: ${k}`, 'invalid_property');
  }
  return b;
}

const AWS_FIELDS = ['name', 'roleArn'] as const;
const AZURE_FIELDS = ['name', 'applicationId', 'directoryId', 'subscriptionId', 'clientSecret'] as const;
const REGION: Record<'aws' | 'azure', RegExp> = { aws: /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/, azure: /^[a-z0-9]+$/ };

function accountRoutes(provider: 'aws' | 'azure'): [string, RegExp, Handler][] {
  const base = `/${provider}/account`;
  const map = (ctx: RouteContext) => (provider === 'aws' ? ctx.store.aws : ctx.store.azure) as Map<string, Record<string, unknown> & { id: string; name: string }>;
  const find = (ctx: RouteContext) => {
    const a = map(ctx).get(id(ctx, 'accountId'));
    if (!a) throw Object.assign(new Error(`${provider === 'aws' ? 'AwsAccount' : 'AzureAccount'} not found`), { status: 404 });
    return a;
  };
  const fields = provider === 'aws' ? AWS_FIELDS : AZURE_FIELDS;
  const re = (s: string) => new RegExp(`^${base}${s}$`);
  return [
    ['GET', re(''), (ctx) => ({ status: 200, json: { accounts: [...map(ctx).values()] } })],
    ['POST', re(''), (ctx) => {
      const b = requireStrings(ctx.body, fields);
      if (provider === 'aws' && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+/.test(String(b['roleArn']))) throw new BadRequest('Invalid property: roleArn', 'invalid_property');
      const acct = provider === 'aws' ? ctx.store.createAws(b as never) : ctx.store.createAzure(b as never);
      return { status: 201, json: provider === 'azure' ? { ...acct, clientSecret: b['clientSecret'] } : acct };
    }],
    ...(provider === 'aws' ? [
      ['GET', re('/iamParameters'), (ctx) => ({ status: 200, json: {
        accountId: '884587218755', externalId: ctx.store.user.id,
        awsConsoleUrl: `https://console.aws.amazon.com/iam/home?#/roles$new?step=review&roleName=cloudcraft&policies=arn:aws:iam::aws:policy%2FReadOnlyAccess&externalId=${ctx.store.user.id}`,
      } })] as [string, RegExp, Handler],
      ['GET', re('/iamParameters/policy/(minimal|custom)'), (ctx) => ({ status: 200, json: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ctx.params[0] === 'minimal' ? ['ec2:Describe*', 'rds:Describe*', 's3:ListAllMyBuckets'] : ['ec2:Describe*'], Resource: '*' }],
      } })] as [string, RegExp, Handler],
    ] : []),
    ['PUT', re('/([^/]+)'), (ctx) => {
      const a = find(ctx);
      const b = requireStrings(ctx.body, fields);
      for (const k of [...fields, 'readAccess', 'writeAccess']) if (b[k] !== undefined && k !== 'clientSecret') a[k] = b[k];
      a['updatedAt'] = new Date().toISOString();
      return { status: 200, json: a };
    }],
    ['DELETE', re('/([^/]+)'), (ctx) => {
      map(ctx).delete(find(ctx).id);
      return { status: 204 };
    }],
    ['GET', re('/([^/]+)/([^/]+)/([^/]+)'), async (ctx) => {
      const a = find(ctx);
      const [, region, format] = ctx.params as [string, string, string];
      if (!REGION[provider].test(region)) throw new BadRequest(`Invalid region parameter: ${region}`);
      if (!EXPORTS.includes(format)) throw new BadRequest(`Invalid parameter format: ${format} (json, svg, png, pdf, mxGraph)`);
      const q = ctx.query;
      const exclude = q.get('exclude')?.split(',').map((s) => s.trim()).filter(Boolean);
      const shot = snapshotBlueprint(provider, a, region, {
        ...(q.get('filter') ? { filter: q.get('filter')! } : {}), ...(exclude ? { exclude } : {}),
        ...(bool(q, 'label') !== undefined ? { label: bool(q, 'label')! } : {}), ...(bool(q, 'autoconnect') !== undefined ? { autoconnect: bool(q, 'autoconnect')! } : {}),
        ...(oneOf(q, 'projection', ['isometric', '2d']) ? { projection: q.get('projection')! } : {}), ...(oneOf(q, 'theme', ['light', 'dark']) ? { theme: q.get('theme')! } : {}),
      });
      // A scan takes several polls: answer 202 (after holding the request, like the real long poll) until done.
      const job = `${provider}:${a.id}:${region}:${format}:${q.toString()}`;
      const left = ctx.store.snapshotJobs.get(job) ?? ctx.snapshot.polls;
      if (left > 0) {
        ctx.store.snapshotJobs.set(job, left - 1);
        await new Promise((r) => setTimeout(r, ctx.snapshot.holdMs));
        return { status: 202, json: { code: 'STILL_PROCESSING', message: 'Result wait time exceeded. Processing continues in the background, retry to receive result.', retry: true } };
      }
      ctx.store.snapshotJobs.delete(job);
      return render(format, shot.name, shot.data, q);
    }],
  ];
}

export const ROUTES: [string, RegExp, Handler][] = [
  ['GET', /^\/user\/me$/, (ctx) => ({ status: 200, json: ctx.store.user })],
  ['GET', /^\/team$/, (ctx) => ({ status: 200, json: ctx.store.teams })],
  ['GET', /^\/blueprint$/, (ctx) => ({ status: 200, json: { blueprints: [...ctx.store.blueprints.values()].map((b) => ctx.store.meta(b)) } })],
  ['POST', /^\/blueprint$/, (ctx) => {
    const b = ctx.store.createBlueprint(blueprintBody(ctx.body));
    return { status: 201, headers: { etag: ctx.store.etag(b) }, json: b.record };
  }],
  ['GET', /^\/blueprint\/([^/]+)$/, (ctx) => {
    const b = findBlueprint(ctx);
    return { status: 200, headers: { etag: ctx.store.etag(b) }, json: b.record };
  }],
  ['PUT', /^\/blueprint\/([^/]+)$/, (ctx) => {
    const b = findBlueprint(ctx);
    const ifMatch = ctx.req.headers['if-match'];
    if (ifMatch !== undefined && ifMatch !== '*' && !ifMatch.split(',').map((s) => s.trim()).includes(ctx.store.etag(b))) {
      return errorReply(412, 'Resource out of date', 'precondition_failed');
    }
    ctx.store.updateBlueprint(b, blueprintBody(ctx.body));
    return { status: 204, headers: { etag: ctx.store.etag(b) } };
  }],
  ['DELETE', /^\/blueprint\/([^/]+)$/, (ctx) => {
    ctx.store.blueprints.delete(findBlueprint(ctx).record.id);
    return { status: 204 };
  }],
  ['GET', /^\/blueprint\/([^/]+)\/budget\/([^/]+)$/, (ctx) => {
    const b = findBlueprint(ctx);
    const format = ctx.params[1]!;
    if (format !== 'csv' && format !== 'xlsx') throw new BadRequest(`Invalid parameter format: ${format} (csv, xlsx)`);
    oneOf(ctx.query, 'currency', CURRENCIES);
    const period = oneOf(ctx.query, 'period', ['h', 'd', 'w', 'm', 'y']);
    oneOf(ctx.query, 'rate', ['stated', 'effective']);
    const body = format === 'csv' ? renderBudgetCsv(b.record.data, period) : renderBudgetXlsx(b.record.data, period);
    return { status: 200, headers: { 'content-type': CONTENT_TYPE[format]! }, body };
  }],
  ['GET', /^\/blueprint\/([^/]+)\/([^/]+)$/, (ctx) => {
    const b = findBlueprint(ctx);
    const format = ctx.params[1]!;
    if (!EXPORTS.includes(format)) throw new BadRequest(`Invalid parameter format: ${format} (json, svg, png, pdf, mxGraph)`);
    return render(format, b.record.name, b.record.data, ctx.query);
  }],
  ...accountRoutes('aws'),
  ...accountRoutes('azure'),
];

/** Runs the matching route; unknown paths 404, known paths with another method 405. */
export async function dispatch(method: string, path: string, ctx: Omit<RouteContext, 'params'>): Promise<Reply> {
  let pathKnown = false;
  for (const [m, re, handler] of ROUTES) {
    const match = re.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (m !== method) continue;
    try {
      return await handler({ ...ctx, params: match.slice(1).map((s) => decodeURIComponent(s)) });
    } catch (err) {
      if (err instanceof BadRequest) return errorReply(400, err.message, err.reason);
      const status = (err as { status?: number }).status;
      if (status === 404) return errorReply(404, (err as Error).message, 'not_found');
      throw err;
    }
  }
  return pathKnown ? errorReply(405, `Method ${method} not allowed`, 'method_not_allowed') : errorReply(404, `No route for ${method} ${path}`, 'not_found');
}

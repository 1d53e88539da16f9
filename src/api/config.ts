/**
 * Client configuration, compatible with the official SDKs' environment variables
 * (CLOUDCRAFT_API_KEY, _HOST, _PORT, _PROTOCOL, _TIMEOUT, _MAX_RETRIES) plus our flags and a JSON
 * config file. Precedence: flags beat environment beat file beat defaults.
 *
 * Transport safety is decided here, once: HTTPS only, plain http only to a loopback host with an
 * explicit opt-in, and extra CAs are *added* to the system roots, never replacing verification.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CloudcraftConfigError } from './errors.js';

export interface RateBudget {
  /** Requests allowed per window. */
  requests: number;
  windowMs: number;
}

/** What the user may set, from any source. Every field optional. */
export interface ConfigInput {
  apiKey?: string;
  apiKeyFile?: string;
  host?: string;
  port?: number | string;
  protocol?: string;
  basePath?: string;
  /** Milliseconds (number or digits, as the Node/Python SDKs) or a Go duration (`120s`, `2m`). */
  timeout?: number | string;
  maxRetries?: number | string;
  /** A PEM file whose certificates are trusted in addition to the system roots. */
  ca?: string;
  /** `20/10s`, `120/min`, or `off`. */
  rateLimit?: string | RateBudget;
  insecureHttp?: boolean;
  appUrl?: string;
  /** First backoff step when a response carries no Retry-After (default 1s; doubles per retry). */
  retryBase?: number | string;
}

export type ConfigSource = 'flag' | 'env' | 'file' | 'default';

export interface ResolvedConfig {
  apiKey?: string;
  protocol: 'https' | 'http';
  host: string;
  port: number;
  basePath: string;
  /** `protocol://host:port` */
  origin: string;
  timeoutMs: number;
  maxRetries: number;
  /** PEM texts added to the system roots (from --ca / config `ca` and NODE_EXTRA_CA_CERTS). */
  ca: string[];
  caFiles: string[];
  rateLimit: RateBudget | false;
  appUrl: string;
  retryBaseMs?: number;
  /** Where each setting came from, for `--verbose`. */
  sources: Record<string, ConfigSource>;
  /** Things worth telling the user (a world-readable file holding a key…). */
  warnings: string[];
  configFile?: string;
  /** CLI defaults a config file may carry (flags still win). */
  stateFile?: string;
  backupDir?: string;
}

export const DEFAULTS = {
  protocol: 'https',
  host: 'api.cloudcraft.co',
  port: 443,
  basePath: '',
  timeoutMs: 80_000,
  maxRetries: 3,
  rateLimit: { requests: 20, windowMs: 10_000 } as RateBudget,
  appUrl: 'https://app.cloudcraft.co',
} as const;

/** Config file keys and the JSON types each accepts. */
const CONFIG_KEYS: Record<string, readonly string[]> = {
  apiKey: ['string'], apiKeyFile: ['string'], host: ['string'], port: ['number', 'string'], protocol: ['string'],
  basePath: ['string'], timeout: ['number', 'string'], maxRetries: ['number', 'string'], ca: ['string'],
  rateLimit: ['string', 'object'], appUrl: ['string'], retryBase: ['number', 'string'], stateFile: ['string'], backupDir: ['string'],
};

/** Environment variables → config keys (first listed wins when several are set). */
const ENV_MAP: [string, keyof ConfigInput][] = [
  ['CLOUDCRAFT_API_KEY', 'apiKey'],
  ['CLOUDCRAFT_HOST', 'host'],
  ['CLOUDCRAFT_PORT', 'port'],
  ['CLOUDCRAFT_PROTOCOL', 'protocol'],
  ['CLOUDCRAFT_BASE_PATH', 'basePath'],
  ['CLOUDCRAFT_PATH', 'basePath'],
  ['CLOUDCRAFT_TIMEOUT', 'timeout'],
  ['CLOUDCRAFT_MAX_RETRIES', 'maxRetries'],
  ['CLOUDCRAFT_MAX_NETWORK_RETRIES', 'maxRetries'],
  ['CLOUDCRAFT_RATE_LIMIT', 'rateLimit'],
  ['CLOUDCRAFT_RETRY_BASE', 'retryBase'],
];

export function defaultConfigFile(env: NodeJS.ProcessEnv): string {
  const base = env['XDG_CONFIG_HOME'] || join(env['HOME'] || homedir(), '.config');
  return join(base, 'cloudcraft-convert', 'config.json');
}

/** Reads the JSON config file: an explicit path must exist; the default one is optional. */
export function readConfigFile(path: string, explicit: boolean): { values: ConfigInput & Record<string, unknown>; warnings: string[] } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (!explicit && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CloudcraftConfigError(`${path}: cannot read config file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new CloudcraftConfigError(`${path}: config file is not valid JSON (${(err as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CloudcraftConfigError(`${path}: config file must hold a JSON object`);
  const values = parsed as Record<string, unknown>;
  for (const [key, value] of Object.entries(values)) {
    const types = CONFIG_KEYS[key];
    if (!types) throw new CloudcraftConfigError(`${path}: unknown config key ${JSON.stringify(key)}; known: ${Object.keys(CONFIG_KEYS).join(', ')}`);
    if (!types.includes(value === null ? 'null' : typeof value)) throw new CloudcraftConfigError(`${path}: ${key} must be a ${types.join(' or ')}`);
  }
  const warnings: string[] = [];
  if (typeof values['apiKey'] === 'string' && process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    warnings.push(`${path} holds an API key and is readable by other users; run: chmod 600 ${path}`);
  }
  return { values: values as ConfigInput & Record<string, unknown>, warnings };
}

/** `120000`, `120s`, `2m`, `1m30s`, `500ms` → milliseconds. */
export function parseDuration(value: number | string, what: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value > 0) return value;
  } else {
    const s = value.trim();
    if (/^\d+(\.\d+)?$/.test(s)) return parseDuration(Number(s), what);
    const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };
    const parts = [...s.matchAll(/(\d+(?:\.\d+)?)(ms|s|min|m|h)/g)];
    if (parts.length && parts.map((p) => p[0]).join('') === s) {
      const ms = parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2]!]!, 0);
      if (ms > 0) return ms;
    }
  }
  throw new CloudcraftConfigError(`${what}: ${JSON.stringify(value)} is not a duration (use milliseconds, or 30s, 2m, 1m30s)`);
}

/** `20/10s`, `120/min`, `5/1m` → a budget; `off` → false. */
export function parseRateLimit(value: string | RateBudget, what = 'rate limit'): RateBudget | false {
  if (typeof value === 'object') {
    if (Number.isInteger(value.requests) && value.requests > 0 && value.windowMs > 0) return value;
    throw new CloudcraftConfigError(`${what}: requests must be a positive integer and windowMs positive`);
  }
  const s = value.trim();
  if (s === 'off' || s === 'none') return false;
  const m = /^(\d+)\s*\/\s*(.+)$/.exec(s);
  if (m && Number(m[1]) > 0) {
    const window = /^[a-z]+$/.test(m[2]!) ? `1${m[2]}` : m[2]!;
    return { requests: Number(m[1]), windowMs: parseDuration(window, what) };
  }
  throw new CloudcraftConfigError(`${what}: ${JSON.stringify(value)} is not a rate (use e.g. 20/10s, 120/min, or off)`);
}

function parseInteger(value: number | string, what: string, min: number, max: number): number {
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new CloudcraftConfigError(`${what}: ${JSON.stringify(value)} is not a whole number from ${min} to ${max}`);
  return n;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (err) {
    throw new CloudcraftConfigError(`${path}: cannot read API key file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

function readCaFile(path: string): string {
  try {
    const pem = readFileSync(path, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new CloudcraftConfigError(`${path}: not a PEM certificate file`);
    return pem;
  } catch (err) {
    if (err instanceof CloudcraftConfigError) throw err;
    throw new CloudcraftConfigError(`${path}: cannot read CA file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

export interface ResolveInput {
  flags?: ConfigInput & { config?: string };
  env?: NodeJS.ProcessEnv;
  /** Skip the default config file lookup (library callers passing everything explicitly). */
  noDefaultFile?: boolean;
}

/** Merges flags > env > config file > defaults and validates the result. */
export function resolveConfig({ flags = {}, env = process.env, noDefaultFile = false }: ResolveInput = {}): ResolvedConfig {
  const warnings: string[] = [];
  const explicitFile = flags.config ?? env['CLOUDCRAFT_CONFIG'];
  const path = explicitFile ?? (noDefaultFile ? undefined : defaultConfigFile(env));
  const file = path ? readConfigFile(path, explicitFile !== undefined) : undefined;
  if (file) warnings.push(...file.warnings);

  const fromEnv: ConfigInput = {};
  for (const [name, key] of ENV_MAP) {
    const v = env[name];
    if (v !== undefined && v !== '' && fromEnv[key] === undefined) (fromEnv as Record<string, unknown>)[key] = v;
  }
  const sources: Record<string, ConfigSource> = {};
  const pick = <K extends keyof ConfigInput>(key: K): ConfigInput[K] | undefined => {
    for (const [src, layer] of [['flag', flags], ['env', fromEnv], ['file', file?.values ?? {}]] as const) {
      const v = (layer as ConfigInput)[key];
      if (v !== undefined && v !== '') {
        sources[key] = src;
        return v;
      }
    }
    sources[key] = 'default';
    return undefined;
  };

  // A full URL in CLOUDCRAFT_HOST (as some community tools use) supplies protocol, port and path.
  let host = pick('host') ?? DEFAULTS.host;
  let urlParts: { protocol?: string; port?: string; basePath?: string } = {};
  if (host.includes('://')) {
    let u: URL;
    try {
      u = new URL(host);
    } catch {
      throw new CloudcraftConfigError(`host: ${JSON.stringify(host)} is not a host name or URL`);
    }
    host = u.hostname;
    urlParts = { protocol: u.protocol.slice(0, -1), port: u.port || undefined, basePath: u.pathname === '/' ? undefined : u.pathname } as typeof urlParts;
  }
  if (!/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:.]+\]?$/.test(host)) throw new CloudcraftConfigError(`host: ${JSON.stringify(host)} is not a host name`);

  const protocolRaw = String(pick('protocol') ?? urlParts.protocol ?? DEFAULTS.protocol).toLowerCase();
  if (protocolRaw !== 'https' && protocolRaw !== 'http') throw new CloudcraftConfigError(`protocol: ${JSON.stringify(protocolRaw)} is not https`);
  const protocol = protocolRaw as 'https' | 'http';
  const insecureHttp = flags.insecureHttp === true;
  if (protocol === 'http') {
    if (!isLoopbackHost(host)) throw new CloudcraftConfigError(`plain http to ${host} refused: the API key would travel unencrypted; use https`);
    if (!insecureHttp) throw new CloudcraftConfigError(`plain http to ${host} refused; pass --insecure-http to allow it for a loopback test server`);
  }
  const portRaw = pick('port') ?? urlParts.port;
  const port = portRaw === undefined ? (protocol === 'https' ? DEFAULTS.port : 80) : parseInteger(portRaw, 'port', 1, 65535);
  let basePath = String(pick('basePath') ?? urlParts.basePath ?? DEFAULTS.basePath).replace(/\/+$/, '');
  if (basePath && !basePath.startsWith('/')) basePath = `/${basePath}`;

  const timeoutRaw = pick('timeout');
  const timeoutMs = timeoutRaw === undefined ? DEFAULTS.timeoutMs : parseDuration(timeoutRaw, 'timeout');
  const retriesRaw = pick('maxRetries');
  const maxRetries = retriesRaw === undefined ? DEFAULTS.maxRetries : parseInteger(retriesRaw, 'max retries', 0, 100);
  const rateRaw = pick('rateLimit');
  const rateLimit = rateRaw === undefined ? { ...DEFAULTS.rateLimit } : parseRateLimit(rateRaw);

  let apiKey: string | undefined;
  if (flags.apiKeyFile !== undefined) {
    apiKey = readKeyFile(flags.apiKeyFile);
    sources['apiKey'] = 'flag';
  } else {
    apiKey = pick('apiKey');
    const fileKeyFile = file?.values.apiKeyFile;
    if (apiKey === undefined && typeof fileKeyFile === 'string') {
      apiKey = readKeyFile(fileKeyFile);
      sources['apiKey'] = 'file';
    }
  }
  if (apiKey !== undefined) {
    apiKey = apiKey.trim();
    if (!apiKey || /\s/.test(apiKey)) throw new CloudcraftConfigError('API key: empty or contains whitespace');
  }

  const caFiles: string[] = [];
  const caFile = pick('ca');
  if (caFile) caFiles.push(caFile);
  // Node reads NODE_EXTRA_CA_CERTS only for its default context; once we pass `ca` we must add it ourselves.
  const extra = env['NODE_EXTRA_CA_CERTS'];
  if (extra && !caFiles.includes(extra)) caFiles.push(extra);
  const ca = caFiles.map(readCaFile);

  const appUrl = (pick('appUrl') ?? DEFAULTS.appUrl).replace(/\/+$/, '');
  const hostForUrl = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const out: ResolvedConfig = {
    protocol, host, port, basePath, origin: `${protocol}://${hostForUrl}:${port}`, timeoutMs, maxRetries, ca, caFiles, rateLimit, appUrl, sources, warnings,
  };
  if (apiKey !== undefined) out.apiKey = apiKey;
  const retryBase = pick('retryBase');
  if (retryBase !== undefined) out.retryBaseMs = parseDuration(retryBase, 'retry base');
  if (file && path) out.configFile = path;
  if (typeof file?.values.stateFile === 'string') out.stateFile = file.values.stateFile;
  if (typeof file?.values.backupDir === 'string') out.backupDir = file.values.backupDir;
  return out;
}

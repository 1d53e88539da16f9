import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseDuration, parseRateLimit, resolveConfig } from '../../src/api/config.js';
import { CloudcraftConfigError } from '../../src/api/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-config-'));
const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const caFile = join(dir, 'ca.pem');
writeFileSync(caFile, CA);

function configFile(values: Record<string, unknown>, mode = 0o600): string {
  const path = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(values));
  chmodSync(path, mode);
  return path;
}

describe('resolveConfig', () => {
  it('uses the SDK defaults', () => {
    const c = resolveConfig({ env: {}, noDefaultFile: true });
    expect(c.origin).toBe('https://api.cloudcraft.co:443');
    expect(c.timeoutMs).toBe(80_000);
    expect(c.maxRetries).toBe(3);
    expect(c.rateLimit).toEqual({ requests: 20, windowMs: 10_000 });
    expect(c.apiKey).toBeUndefined();
  });

  it('flags beat environment beat config file', () => {
    const file = configFile({ host: 'file.example', port: 1111, apiKey: 'file-key-0123456789', timeout: 1000, maxRetries: 1 });
    const env = { CLOUDCRAFT_HOST: 'env.example', CLOUDCRAFT_PORT: '2222', CLOUDCRAFT_API_KEY: 'env-key-0123456789', CLOUDCRAFT_CONFIG: file };
    const c = resolveConfig({ env, flags: { port: 3333 } });
    expect(c.host).toBe('env.example');
    expect(c.port).toBe(3333);
    expect(c.apiKey).toBe('env-key-0123456789');
    expect(c.timeoutMs).toBe(1000);
    expect(c.maxRetries).toBe(1);
    expect(c.sources).toMatchObject({ host: 'env', port: 'flag', apiKey: 'env', timeout: 'file' });
    expect(resolveConfig({ env: { CLOUDCRAFT_CONFIG: file } }).host).toBe('file.example');
  });

  it('reads the default config file from XDG_CONFIG_HOME only when it exists', () => {
    const home = mkdtempSync(join(tmpdir(), 'cc-xdg-'));
    expect(resolveConfig({ env: { XDG_CONFIG_HOME: home } }).configFile).toBeUndefined();
    mkdirSync(join(home, 'cloudcraft-convert'));
    writeFileSync(join(home, 'cloudcraft-convert', 'config.json'), JSON.stringify({ rateLimit: '5/min' }));
    const c = resolveConfig({ env: { XDG_CONFIG_HOME: home } });
    expect(c.rateLimit).toEqual({ requests: 5, windowMs: 60_000 });
  });

  it('accepts both SDK timeout styles and the retry variables', () => {
    expect(resolveConfig({ env: { CLOUDCRAFT_TIMEOUT: '120000' }, noDefaultFile: true }).timeoutMs).toBe(120_000);
    expect(resolveConfig({ env: { CLOUDCRAFT_TIMEOUT: '2m' }, noDefaultFile: true }).timeoutMs).toBe(120_000);
    expect(resolveConfig({ env: { CLOUDCRAFT_MAX_NETWORK_RETRIES: '7' }, noDefaultFile: true }).maxRetries).toBe(7);
    expect(resolveConfig({ env: { CLOUDCRAFT_MAX_RETRIES: '2', CLOUDCRAFT_MAX_NETWORK_RETRIES: '7' }, noDefaultFile: true }).maxRetries).toBe(2);
  });

  it('takes protocol, port and path from a URL in CLOUDCRAFT_HOST', () => {
    const c = resolveConfig({ env: { CLOUDCRAFT_HOST: 'https://cc.internal:8443/api' }, noDefaultFile: true });
    expect(c).toMatchObject({ host: 'cc.internal', port: 8443, basePath: '/api', origin: 'https://cc.internal:8443' });
  });

  it.each([
    [{ protocol: 'http', host: 'api.cloudcraft.co', insecureHttp: true }, /unencrypted/],
    [{ protocol: 'http', host: '127.0.0.1' }, /--insecure-http/],
    [{ protocol: 'ftp' }, /not https/],
    [{ port: 'x' }, /port/],
    [{ timeout: 'soon' }, /timeout/],
    [{ rateLimit: '20 per minute' }, /rate/],
    [{ ca: join(dir, 'missing.pem') }, /cannot read CA file/],
    [{ apiKeyFile: join(dir, 'missing.key') }, /cannot read API key file/],
  ])('refuses %j', (flags, message) => {
    expect(() => resolveConfig({ flags: flags as never, env: {}, noDefaultFile: true })).toThrow(message);
    expect(() => resolveConfig({ flags: flags as never, env: {}, noDefaultFile: true })).toThrow(CloudcraftConfigError);
  });

  it('allows plain http only to loopback with --insecure-http', () => {
    const c = resolveConfig({ flags: { protocol: 'http', host: 'localhost', insecureHttp: true }, env: {}, noDefaultFile: true });
    expect(c.origin).toBe('http://localhost:80');
  });

  it('adds --ca and NODE_EXTRA_CA_CERTS to the trusted certificates', () => {
    const extra = join(dir, 'extra.pem');
    writeFileSync(extra, CA.replace('MIIB', 'MIIC'));
    const c = resolveConfig({ flags: { ca: caFile }, env: { NODE_EXTRA_CA_CERTS: extra }, noDefaultFile: true });
    expect(c.caFiles).toEqual([caFile, extra]);
    expect(c.ca).toHaveLength(2);
  });

  it('reads the key from a file, trimmed, and rejects whitespace keys', () => {
    const keyFile = join(dir, 'k');
    writeFileSync(keyFile, '  bear3vFUUkgfzoBK+UKyPmZw1NsdfrFzdvZoyFJwe8=\n');
    expect(resolveConfig({ flags: { apiKeyFile: keyFile }, env: { CLOUDCRAFT_API_KEY: 'other-key-123456' }, noDefaultFile: true }).apiKey)
      .toBe('bear3vFUUkgfzoBK+UKyPmZw1NsdfrFzdvZoyFJwe8=');
    expect(() => resolveConfig({ env: { CLOUDCRAFT_API_KEY: 'two words' }, noDefaultFile: true })).toThrow(/whitespace/);
  });

  it('checks config file keys and types, and warns about a readable file holding a key', () => {
    expect(() => resolveConfig({ flags: { config: configFile({ hots: 'x' }) }, env: {} })).toThrow(/unknown config key "hots"/);
    expect(() => resolveConfig({ flags: { config: configFile({ port: true }) }, env: {} })).toThrow(/port must be a number or string/);
    expect(() => resolveConfig({ flags: { config: join(dir, 'nope.json') }, env: {} })).toThrow(/cannot read config file/);
    const open = resolveConfig({ flags: { config: configFile({ apiKey: 'file-key-0123456789' }, 0o644) }, env: {} });
    expect(open.warnings.join('\n')).toMatch(/chmod 600/);
    const closed = resolveConfig({ flags: { config: configFile({ apiKey: 'file-key-0123456789' }, 0o600) }, env: {} });
    expect(closed.warnings).toEqual([]);
  });
});

describe('parsers', () => {
  it.each([['500ms', 500], ['30s', 30_000], ['1m30s', 90_000], ['1.5s', 1500], [250, 250], ['2h', 7_200_000]])('parseDuration(%j) = %d', (v, ms) => {
    expect(parseDuration(v, 't')).toBe(ms);
  });
  it.each(['', '0', '-1s', '10 s', 'abc'])('parseDuration rejects %j', (v) => expect(() => parseDuration(v, 't')).toThrow(CloudcraftConfigError));
  it.each([['20/10s', { requests: 20, windowMs: 10_000 }], ['20/min', { requests: 20, windowMs: 60_000 }], ['5/1m', { requests: 5, windowMs: 60_000 }], ['off', false]])('parseRateLimit(%j)', (v, r) => {
    expect(parseRateLimit(v)).toEqual(r);
  });
  it.each([['localhost', true], ['127.0.0.1', true], ['127.1.2.3', true], ['::1', true], ['[::1]', true], ['api.cloudcraft.co', false], ['10.0.0.1', false], ['localhost.evil.com', false]])('isLoopbackHost(%j) = %j', (h, r) => {
    expect(isLoopbackHost(h)).toBe(r);
  });
});

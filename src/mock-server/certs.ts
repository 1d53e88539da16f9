/**
 * A throwaway certificate authority and a localhost server certificate, made with openssl at
 * start-up (no key is ever committed). The CA file is what clients trust (`--ca`, or
 * NODE_EXTRA_CA_CERTS); the keys live in a private temp folder removed on close.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GeneratedCertificates {
  dir: string;
  /** PEM of the CA to trust. */
  ca: string;
  caFile: string;
  cert: string;
  key: string;
  dispose(): void;
}

export interface CertificateOptions {
  /** openssl binary (default: `openssl` on PATH, then /usr/bin/openssl). */
  openssl?: string;
  /** Extra subjectAltNames for the server certificate (`DNS:ci-host`, `IP:10.0.0.5`). */
  altNames?: string[];
  days?: number;
}

async function openssl(bin: string, args: string[], cwd: string): Promise<void> {
  try {
    await run(bin, args, { cwd });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`openssl not found (${bin}); the stand-in needs it to make its certificate`);
    throw new Error(`openssl ${args[0]} failed: ${(e.stderr ?? e.message).trim().split('\n')[0]}`);
  }
}

export async function generateCertificates(options: CertificateOptions = {}): Promise<GeneratedCertificates> {
  const dir = mkdtempSync(join(tmpdir(), 'cloudcraft-stand-in-'));
  const days = String(options.days ?? 7);
  const bin = options.openssl ?? 'openssl';
  const altNames = ['DNS:localhost', 'IP:127.0.0.1', 'IP:::1', ...(options.altNames ?? [])].join(',');
  try {
    await openssl(bin, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem',
      '-days', days, '-subj', '/CN=cloudcraft-convert stand-in CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
    await openssl(bin, ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.csr',
      '-subj', '/CN=localhost'], dir);
    writeFileSync(join(dir, 'server.ext'), `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${altNames}\n`);
    await openssl(bin, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem',
      '-days', days, '-extfile', 'server.ext'], dir);
  } catch (err) {
    if (bin === 'openssl' && (err as Error).message.startsWith('openssl not found')) {
      rmSync(dir, { recursive: true, force: true });
      return generateCertificates({ ...options, openssl: '/usr/bin/openssl' });
    }
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // The CA key is not needed once the server certificate is signed.
  rmSync(join(dir, 'ca.key'), { force: true });
  const caFile = join(dir, 'ca.pem');
  return {
    dir,
    caFile,
    ca: readFileSync(caFile, 'utf8'),
    cert: readFileSync(join(dir, 'server.pem'), 'utf8'),
    key: readFileSync(join(dir, 'server.key'), 'utf8'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

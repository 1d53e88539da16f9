/** CLI plumbing shared by commands: exit codes, atomic writes, stdin, diagnostics on stderr. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

let pendingExit: number = EXIT.ok;

/** Commands report a non-zero outcome here (the highest wins); main() returns it. */
export function setExitCode(code: number): void {
  pendingExit = Math.max(pendingExit, code);
}

/** Reads and clears the outcome (so in-process callers such as tests start clean each run). */
export function takeExitCode(): number {
  const c = pendingExit;
  pendingExit = EXIT.ok;
  return c;
}

/** An error the CLI prints as one line (no stack) and exits with. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.usage, readonly isUsageError = false) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Writes a file so that a reader never sees it half-written and a failed run never clobbers the
 * previous good file: write a temp file next to it, flush, then rename over.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', 0o644);
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: cannot write (${code ?? String(err)})`);
  }
}

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface Printer {
  quiet: boolean;
  verbose: boolean;
}

/** Errors always; warnings unless --quiet; infos only with --verbose. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], p: Printer): void {
  for (const d of diagnostics) {
    if (d.severity === 'error' || (d.severity === 'warning' && !p.quiet) || (d.severity === 'info' && p.verbose)) {
      process.stderr.write(`${formatDiagnostic(d)}\n`);
    }
  }
}

/**
 * The stdin/stdout convention `-`. yargs drops a lone `-` from array positionals, so main()
 * swaps it for this token before parsing.
 */
export const STDIO_TOKEN = '\u0000-';

export function isStdin(arg: string): boolean {
  return arg === '-' || arg === '' || arg === STDIO_TOKEN;
}

/** `a,b c` → ['a','b','c'] for options that accept both repeats and commas. */
export function splitList(values: readonly (string | number)[] | undefined): string[] | undefined {
  if (!values) return undefined;
  const out = values.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
  return out.length ? out : undefined;
}

/**
 * Diagnostics in the shape of vfile-message: a reason, a place (line/column), a rule id, the
 * source that raised it and whether it is fatal. Converters return them as data; only the CLI
 * turns them into text.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Point {
  line: number;
  column: number;
  offset?: number;
}

export interface Diagnostic {
  /** Human-readable reason, one sentence, no trailing period needed. */
  reason: string;
  /** Stable machine id of the rule, e.g. `yaml-syntax`, `unknown-tag`, `condition-false`. */
  ruleId: string;
  /** What raised it: a converter name (`cloudformation`), `layout`, `emit`, `schema`, `cli`, … */
  source: string;
  severity: Severity;
  /** vfile convention: true = error, false = warning, undefined = info. */
  fatal: boolean | undefined;
  file?: string;
  line?: number;
  column?: number;
  /** A JSON pointer into the input or output, when that is the better place (schema errors). */
  pointer?: string;
  note?: string;
}

export interface DiagnosticInit {
  ruleId: string;
  source: string;
  severity?: Severity;
  file?: string;
  place?: Point;
  pointer?: string;
  note?: string;
}

export function createDiagnostic(reason: string, init: DiagnosticInit): Diagnostic {
  const severity = init.severity ?? 'error';
  const d: Diagnostic = {
    reason,
    ruleId: init.ruleId,
    source: init.source,
    severity,
    fatal: severity === 'error' ? true : severity === 'warning' ? false : undefined,
  };
  if (init.file !== undefined) d.file = init.file;
  if (init.place) {
    d.line = init.place.line;
    d.column = init.place.column;
  }
  if (init.pointer !== undefined) d.pointer = init.pointer;
  if (init.note !== undefined) d.note = init.note;
  return d;
}

/** `file:line:col: severity: reason [ruleId]`, the format editors and CI annotators understand. */
export function formatDiagnostic(d: Diagnostic): string {
  let where = d.file ?? '';
  if (d.line !== undefined) where += `:${d.line}:${d.column ?? 1}`;
  else if (d.pointer) where += `${where ? ' ' : ''}${d.pointer}`;
  const head = where ? `${where}: ` : '';
  const note = d.note ? `\n  ${d.note}` : '';
  return `${head}${d.severity}: ${d.reason} [${d.ruleId}]${note}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * Thrown inside a converter for a fatal input problem; the pipeline catches it and returns it
 * as a diagnostic, so library users get `{ ok: false, diagnostics }`, never an exception.
 */
export class InputError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(reason: string, init: DiagnosticInit) {
    super(reason);
    this.name = 'InputError';
    this.diagnostic = createDiagnostic(reason, { ...init, severity: 'error' });
  }
}

/** Collects diagnostics for one run; passed to converters so they never need globals. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  constructor(private readonly source: string, private readonly file?: string) {}

  add(reason: string, init: Partial<DiagnosticInit> & { ruleId: string }): Diagnostic {
    const d = createDiagnostic(reason, { source: this.source, ...(this.file !== undefined ? { file: this.file } : {}), ...init });
    this.items.push(d);
    return d;
  }
  error(ruleId: string, reason: string, place?: Point, extra: Partial<DiagnosticInit> = {}): Diagnostic {
    return this.add(reason, { ruleId, severity: 'error', ...(place ? { place } : {}), ...extra });
  }
  warn(ruleId: string, reason: string, place?: Point, extra: Partial<DiagnosticInit> = {}): Diagnostic {
    return this.add(reason, { ruleId, severity: 'warning', ...(place ? { place } : {}), ...extra });
  }
  info(ruleId: string, reason: string, place?: Point, extra: Partial<DiagnosticInit> = {}): Diagnostic {
    return this.add(reason, { ruleId, severity: 'info', ...(place ? { place } : {}), ...extra });
  }
}

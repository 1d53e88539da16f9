/**
 * What evaluated template values can be: plain JSON, plus three markers the diagram needs.
 * - `ResRef`: a Ref/GetAtt to a resource (its physical value is unknowable offline, but which
 *   resource it names is exactly what containment and edges need).
 * - `Unknown`: a value we cannot compute (a parameter without value, a string built from a
 *   resource ARN); it remembers the resources that went into it, so edges survive.
 * - `NO_VALUE`: AWS::NoValue, removed from the enclosing mapping or list.
 */

export class ResRef {
  constructor(
    /** Address prefix of the stack the resource lives in. */
    readonly stackPath: string,
    readonly logicalId: string,
    /** GetAtt attribute (`Arn`, `Outputs.X`), undefined for Ref. */
    readonly attr?: string,
  ) {}
  get address(): string {
    return `${this.stackPath}/${this.logicalId}`;
  }
}

export class Unknown {
  constructor(
    readonly reason: string,
    readonly refs: readonly ResRef[] = [],
    /** Set for an unknown list of availability zones: `Fn::Select` on it gives `zone-<i>`. */
    readonly azList = false,
  ) {}
}

export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export type Value = unknown;

/** A scalar as CloudFormation would print it into a string (numbers and booleans too). */
export function scalarText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** All resource references inside a value (deep), in order of appearance. */
export function refsIn(v: Value, out: ResRef[] = []): ResRef[] {
  if (v instanceof ResRef) out.push(v);
  else if (v instanceof Unknown) out.push(...v.refs);
  else if (Array.isArray(v)) for (const x of v) refsIn(x, out);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) refsIn(x, out);
  return out;
}

/** Whether a value is fully known (no ResRef/Unknown anywhere inside). */
export function isResolved(v: Value): boolean {
  if (v instanceof ResRef || v instanceof Unknown) return false;
  if (Array.isArray(v)) return v.every(isResolved);
  if (typeof v === 'object' && v !== null) return Object.values(v).every(isResolved);
  return true;
}

/**
 * An Unknown standing for a value built from `parts` (keeps their references). The reason is
 * the root cause when a part is itself unknown (`parameter Env has no value`), so messages name it.
 */
export function unknownFrom(reason: string, ...parts: Value[]): Unknown {
  const refs: ResRef[] = [];
  for (const p of parts) refsIn(p, refs);
  const cause = parts.find((p): p is Unknown => p instanceof Unknown);
  return new Unknown(cause?.reason ?? reason, refs);
}

/** Deep equality of evaluated values; undefined when it cannot be decided. */
export function valuesEqual(a: Value, b: Value): boolean | undefined {
  if (a instanceof Unknown || b instanceof Unknown) return undefined;
  if (a instanceof ResRef || b instanceof ResRef) {
    if (a instanceof ResRef && b instanceof ResRef && a.address === b.address && a.attr === b.attr) return true;
    return undefined;
  }
  const sa = scalarText(a);
  const sb = scalarText(b);
  if (sa !== undefined && sb !== undefined) return sa === sb;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    let all: boolean | undefined = true;
    for (let i = 0; i < a.length; i++) {
      const r = valuesEqual(a[i], b[i]);
      if (r === false) return false;
      if (r === undefined) all = undefined;
    }
    return all;
  }
  if (a === null || b === null) return a === b;
  if (typeof a === 'object' && typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

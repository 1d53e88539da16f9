/**
 * Evaluates template values the way CloudFormation would at deploy time, as far as that is
 * possible offline. Pure: raw template value in, evaluated value out (see values.ts for the
 * markers it may contain). The functions themselves live in small tables (fn-*.ts).
 */
import type { Point } from '../../../src/diagnostics.js';
import type { Positions } from '../load/positions.js';
import { setOwn } from '../load/positions.js';
import type { Reporter, RuleId } from '../rules.js';
import { CONDITION_FUNCTIONS } from './fn-conditions.js';
import { NETWORK_FUNCTIONS } from './fn-network.js';
import { REFERENCE_FUNCTIONS } from './fn-refs.js';
import { STRING_FUNCTIONS } from './fn-strings.js';
import { expandForEach } from './foreach.js';
import { NO_VALUE, Unknown, type Value } from './values.js';

/** Loop variables of an enclosing Fn::ForEach. */
export interface Scope {
  readonly locals?: ReadonlyMap<string, Value>;
}

export const EMPTY_SCOPE: Scope = {};

/** What the evaluator needs from the stack it evaluates in. */
export interface EvalHost {
  readonly file: string;
  readonly positions: Positions;
  readonly reporter: Reporter;
  /** AWS::Region etc.; undefined when `name` is not a pseudo parameter. */
  pseudo(name: string): Value | undefined;
  /** A parameter's value; undefined when no such parameter is declared. */
  parameter(name: string, at: Point | undefined): Value | undefined;
  /** Ref (attr undefined) or GetAtt to a resource; undefined when no such resource exists. */
  resource(logicalId: string, attr: string | undefined, at: Point | undefined): Value | undefined;
  /** A declared condition's value (undefined when it cannot be decided). */
  condition(name: string, at: Point | undefined): boolean | undefined;
  /** Why a condition could not be decided (`parameter Env has no value`). */
  conditionReason(name: string): string | undefined;
  mapping(name: string): unknown;
  importValue(name: string, at: Point | undefined): Value;
  /** AZ names of a region (`''` = this stack's region); undefined when the region is unknown. */
  availabilityZones(region: string): string[] | undefined;
}

export type IntrinsicFn = (ev: Evaluator, arg: unknown, node: Record<string, unknown>, scope: Scope) => Value;

const FUNCTIONS: Record<string, IntrinsicFn> = {
  ...REFERENCE_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...NETWORK_FUNCTIONS,
  ...CONDITION_FUNCTIONS,
};

/** Names CloudFormation accepts only in places we do not evaluate (Rules), or that we keep opaque. */
const KNOWN_ELSEWHERE = new Set(['Fn::ValueOf', 'Fn::ValueOfAll', 'Fn::RefAll', 'Fn::EachMemberEquals', 'Fn::EachMemberIn', 'Fn::Contains', 'Fn::Implies']);

export class Evaluator {
  constructor(readonly host: EvalHost) {}

  /** Where a raw template node starts (for diagnostics). */
  at(node: unknown): Point | undefined {
    return this.host.positions.of(node);
  }

  report(ruleId: RuleId, reason: string, node: unknown): void {
    this.host.reporter.report(ruleId, reason, this.host.file, this.at(node));
  }

  /** `parent`/`key` say where a string sits, for the one diagnostic a plain string can raise. */
  evaluate(node: unknown, scope: Scope = EMPTY_SCOPE, parent?: object, key?: string | number): Value {
    if (typeof node === 'string') {
      if (node.includes('{{resolve:')) {
        const at = parent ? this.host.positions.keyOf(parent, key ?? 0) : undefined;
        this.host.reporter.once(`dyn\u0000${this.host.file}\u0000${node}`, 'dynamic-reference', `${node} is resolved by CloudFormation at deploy time; its value is unknown here`, this.host.file, at);
        return new Unknown('dynamic reference');
      }
      return node;
    }
    if (typeof node !== 'object' || node === null) return node;
    if (Array.isArray(node)) {
      const out: Value[] = [];
      for (let i = 0; i < node.length; i++) {
        const v = this.evaluate(node[i], scope, node, i);
        if (v !== NO_VALUE) out.push(v);
      }
      return out;
    }
    const obj = node as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1) {
      const key = keys[0]!;
      const fn = FUNCTIONS[key];
      if (fn) return fn(this, obj[key], obj, scope);
      if (key.startsWith('Fn::') && !key.startsWith('Fn::ForEach::')) {
        if (!KNOWN_ELSEWHERE.has(key)) this.report('unknown-function', `${key} is not a CloudFormation intrinsic function`, obj);
        return new Unknown(key);
      }
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (key.startsWith('Fn::ForEach::')) {
        expandForEach(this, key, obj[key], obj, scope, (k, raw, locals) => {
          const v = this.evaluate(raw, { locals });
          if (v !== NO_VALUE) setOwn(out, k, v);
        });
        continue;
      }
      const v = this.evaluate(obj[key], scope, obj, key);
      if (v !== NO_VALUE) setOwn(out, key, v);
    }
    return out;
  }

  /** Evaluates a condition expression (`{Condition: X}`, Fn::Equals, …) to true/false/undecided. */
  condition(node: unknown, scope: Scope = EMPTY_SCOPE): boolean | undefined {
    const v = this.conditionValue(node, scope);
    return v instanceof Unknown ? undefined : v;
  }

  /** Like `condition`, but an undecided result says why. */
  conditionValue(node: unknown, scope: Scope = EMPTY_SCOPE): boolean | Unknown {
    if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      const obj = node as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (keys.length === 1 && keys[0] === 'Condition') {
        const name = this.evaluate(obj['Condition'], scope);
        if (typeof name !== 'string') {
          this.report('intrinsic-arity', 'Condition needs a condition name', obj);
          return new Unknown('bad Condition');
        }
        const v = this.host.condition(name, this.at(obj));
        return v ?? new Unknown(this.host.conditionReason(name) ?? `condition ${name} is undecided`);
      }
    }
    const v = this.evaluate(node, scope);
    const b = asBoolean(v);
    if (b !== undefined) return b;
    return v instanceof Unknown ? v : new Unknown(`${JSON.stringify(v)} is not true or false`);
  }
}

/** Condition results: booleans, or the strings "true"/"false" (from parameters). */
export function asBoolean(v: Value): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** Arguments as a list of `n` (or between min and max) items, or a warning and undefined. */
export function argList(ev: Evaluator, fn: string, arg: unknown, node: unknown, min: number, max = min): unknown[] | undefined {
  if (!Array.isArray(arg) || arg.length < min || arg.length > max) {
    const want = min === max ? `${min}` : `${min} to ${max}`;
    const got = Array.isArray(arg) ? `${arg.length}` : `a ${arg === null ? 'null' : typeof arg}`;
    ev.report('intrinsic-arity', `${fn} takes a list of ${want} arguments, got ${got}`, node);
    return undefined;
  }
  return arg;
}

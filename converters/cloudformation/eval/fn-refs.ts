/** Ref, Fn::GetAtt, Fn::FindInMap (with DefaultValue), Fn::ImportValue and Fn::Transform. */
import { isPlainObject } from '../load/template.js';
import { argList, type Evaluator, type IntrinsicFn, type Scope } from './evaluator.js';
import { scalarText, Unknown, unknownFrom, type Value } from './values.js';

/** Resolves a name used by Ref or `${Name}` in Fn::Sub: loop variable, pseudo, parameter, resource. */
export function resolveName(ev: Evaluator, name: string, node: unknown, scope: Scope, attr?: string): Value {
  const at = ev.at(node);
  if (attr === undefined) {
    if (scope.locals?.has(name)) return scope.locals.get(name);
    const pseudo = ev.host.pseudo(name);
    if (pseudo !== undefined) return pseudo;
    const param = ev.host.parameter(name, at);
    if (param !== undefined) return param;
  }
  const res = ev.host.resource(name, attr, at);
  if (res !== undefined) return res;
  const what = attr === undefined ? name : `${name}.${attr}`;
  ev.report('unresolved-reference', attr === undefined
    ? `${what} is not a parameter, pseudo parameter or resource of this template`
    : `${what}: ${name} is not a resource of this template`, node);
  return new Unknown(`unresolved ${what}`);
}

const Ref: IntrinsicFn = (ev, arg, node, scope) => {
  const name = typeof arg === 'string' ? arg : ev.evaluate(arg, scope);
  if (typeof name !== 'string') {
    ev.report('intrinsic-arity', 'Ref takes the name of a parameter or resource', node);
    return unknownFrom('bad Ref', name);
  }
  return resolveName(ev, name, node, scope);
};

const GetAtt: IntrinsicFn = (ev, arg, node, scope) => {
  let parts: unknown[] | undefined;
  if (typeof arg === 'string') {
    const dot = arg.indexOf('.');
    parts = dot < 0 ? undefined : [arg.slice(0, dot), arg.slice(dot + 1)];
  } else if (Array.isArray(arg) && arg.length === 2) {
    parts = arg.map((p) => ev.evaluate(p, scope));
  }
  const [name, attr] = parts ?? [];
  if (typeof name !== 'string' || (typeof attr !== 'string' && typeof attr !== 'number')) {
    ev.report('intrinsic-arity', 'Fn::GetAtt takes [LogicalId, Attribute] or "LogicalId.Attribute"', node);
    return unknownFrom('bad GetAtt', ...(parts ?? []));
  }
  return resolveName(ev, name, node, scope, String(attr));
};

const FindInMap: IntrinsicFn = (ev, arg, node, scope) => {
  const args = argList(ev, 'Fn::FindInMap', arg, node, 3, 4);
  if (!args) return new Unknown('bad FindInMap');
  let fallback: { value: unknown } | undefined;
  if (args.length === 4) {
    const opts = args[3];
    if (!isPlainObject(opts) || !('DefaultValue' in opts)) {
      ev.report('intrinsic-arity', 'the 4th argument of Fn::FindInMap must be {DefaultValue: …}', node);
    } else {
      fallback = { value: opts['DefaultValue'] };
    }
  }
  const keys = args.slice(0, 3).map((k) => ev.evaluate(k, scope));
  const texts = keys.map(scalarText);
  if (texts.some((t) => t === undefined)) return unknownFrom('FindInMap with unknown keys', ...keys);
  const [mapName, top, second] = texts as [string, string, string];
  const map = ev.host.mapping(mapName);
  const level1 = isPlainObject(map) ? map[top] : undefined;
  const found = isPlainObject(level1) && Object.prototype.hasOwnProperty.call(level1, second) ? { value: level1[second] } : undefined;
  if (found) return ev.evaluate(found.value, scope);
  if (fallback) return ev.evaluate(fallback.value, scope);
  const missing = !isPlainObject(map) ? `mapping ${mapName} is not declared` : !isPlainObject(level1) ? `mapping ${mapName} has no key ${top}` : `mapping ${mapName}.${top} has no key ${second}`;
  ev.report('findinmap-missing', `Fn::FindInMap: ${missing} (and no DefaultValue)`, node);
  return new Unknown('FindInMap miss');
};

const ImportValue: IntrinsicFn = (ev, arg, node, scope) => {
  const name = ev.evaluate(arg, scope);
  if (typeof name !== 'string') return unknownFrom('ImportValue of an unknown name', name);
  return ev.host.importValue(name, ev.at(node));
};

const Transform: IntrinsicFn = (ev, arg, node) => {
  const name = isPlainObject(arg) && typeof arg['Name'] === 'string' ? arg['Name'] : 'a macro';
  ev.report('transform-opaque', `Fn::Transform (${name}) runs in CloudFormation; its result is kept opaque`, node);
  return new Unknown(`Fn::Transform ${name}`);
};

export const REFERENCE_FUNCTIONS: Record<string, IntrinsicFn> = {
  Ref, 'Fn::GetAtt': GetAtt, 'Fn::FindInMap': FindInMap, 'Fn::ImportValue': ImportValue, 'Fn::Transform': Transform,
};

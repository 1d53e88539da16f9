/** Fn::Join, Fn::Split, Fn::Select, Fn::Sub, Fn::Base64, Fn::Length, Fn::ToJsonString. */
import { isPlainObject } from '../load/template.js';
import { argList, type IntrinsicFn } from './evaluator.js';
import { resolveName } from './fn-refs.js';
import { isResolved, NO_VALUE, ResRef, scalarText, Unknown, unknownFrom, type Value } from './values.js';

const Join: IntrinsicFn = (ev, arg, node, scope) => {
  const args = argList(ev, 'Fn::Join', arg, node, 2);
  if (!args) return new Unknown('bad Join');
  const delimiter = ev.evaluate(args[0], scope);
  const list = ev.evaluate(args[1], scope);
  if (typeof delimiter !== 'string' || !Array.isArray(list)) {
    if (!(list instanceof Unknown) && !(list instanceof ResRef) && typeof delimiter === 'string') {
      ev.report('intrinsic-arity', 'Fn::Join takes [delimiter, [values…]]', node);
    }
    return unknownFrom('Join of unknown values', delimiter, list);
  }
  const texts = list.map(scalarText);
  if (texts.some((t) => t === undefined)) return unknownFrom('Join of unknown values', list);
  return texts.join(delimiter);
};

const Split: IntrinsicFn = (ev, arg, node, scope) => {
  const args = argList(ev, 'Fn::Split', arg, node, 2);
  if (!args) return new Unknown('bad Split');
  const delimiter = ev.evaluate(args[0], scope);
  const source = ev.evaluate(args[1], scope);
  if (typeof delimiter !== 'string' || delimiter === '') {
    ev.report('intrinsic-arity', 'Fn::Split needs a non-empty delimiter string', node);
    return unknownFrom('bad Split', source);
  }
  const text = scalarText(source);
  if (text === undefined) return unknownFrom('Split of an unknown value', source);
  return text.split(delimiter);
};

const Select: IntrinsicFn = (ev, arg, node, scope) => {
  const args = argList(ev, 'Fn::Select', arg, node, 2);
  if (!args) return new Unknown('bad Select');
  const indexValue = ev.evaluate(args[0], scope);
  const list = ev.evaluate(args[1], scope);
  const indexText = scalarText(indexValue);
  const index = indexText !== undefined && /^\d+$/.test(indexText.trim()) ? Number(indexText) : undefined;
  if (index === undefined) {
    if (indexValue instanceof Unknown || indexValue instanceof ResRef) return unknownFrom('Select with an unknown index', list);
    ev.report('intrinsic-arity', `Fn::Select index must be a non-negative integer, got ${JSON.stringify(indexValue)}`, node);
    return unknownFrom('bad Select', list);
  }
  if (list instanceof Unknown && list.azList) return `zone-${index}`;
  if (!Array.isArray(list)) return unknownFrom('Select from an unknown list', list);
  if (index >= list.length) {
    ev.report('select-out-of-range', `Fn::Select index ${index} is outside a list of ${list.length}`, node);
    return new Unknown('Select out of range');
  }
  return list[index];
};

/** `${Name}`, `${Name.Attr}`, and `${!Literal}` (kept as `${Literal}`). */
const SUB_VARIABLE = /\$\{([^}]*)\}/g;

const Sub: IntrinsicFn = (ev, arg, node, scope) => {
  let template: unknown;
  let varsNode: unknown;
  if (typeof arg === 'string') template = arg;
  else if (Array.isArray(arg) && arg.length === 2) [template, varsNode] = arg;
  else if (Array.isArray(arg) && arg.length === 1) template = arg[0];
  const templateValue = typeof template === 'string' ? template : ev.evaluate(template, scope);
  if (typeof templateValue !== 'string') {
    ev.report('intrinsic-arity', 'Fn::Sub takes a string or [string, {variables}]', node);
    return unknownFrom('bad Sub', templateValue);
  }
  let vars: Record<string, unknown> | undefined;
  if (varsNode !== undefined) {
    if (!isPlainObject(varsNode)) ev.report('intrinsic-arity', 'the second argument of Fn::Sub must be a mapping of variables', node);
    else vars = varsNode;
  }
  const parts: Value[] = [];
  let last = 0;
  for (const m of templateValue.matchAll(SUB_VARIABLE)) {
    parts.push(templateValue.slice(last, m.index));
    last = m.index + m[0].length;
    const inner = m[1]!;
    if (inner.startsWith('!')) {
      parts.push(`\${${inner.slice(1)}}`);
      continue;
    }
    const name = inner.trim();
    if (vars && Object.prototype.hasOwnProperty.call(vars, name)) {
      parts.push(ev.evaluate(vars[name], scope));
      continue;
    }
    const dot = name.indexOf('.');
    // `${AWS::Region}` has no dot; `${Res.Attr}` is a GetAtt (attributes may contain dots).
    if (dot > 0 && !scope.locals?.has(name)) parts.push(resolveName(ev, name.slice(0, dot), node, scope, name.slice(dot + 1)));
    else parts.push(resolveName(ev, name, node, scope));
  }
  parts.push(templateValue.slice(last));
  const texts = parts.map((p) => (p === NO_VALUE ? '' : scalarText(p)));
  if (texts.some((t) => t === undefined)) return unknownFrom('Sub with unknown values', ...parts);
  return texts.join('');
};

const Base64: IntrinsicFn = (ev, arg, _node, scope) => {
  const v = ev.evaluate(arg, scope);
  const text = scalarText(v);
  return text === undefined ? unknownFrom('Base64 of an unknown value', v) : Buffer.from(text, 'utf8').toString('base64');
};

const Length: IntrinsicFn = (ev, arg, node, scope) => {
  const v = ev.evaluate(arg, scope);
  if (Array.isArray(v)) return v.length;
  if (v instanceof Unknown || v instanceof ResRef) return unknownFrom('Length of an unknown list', v);
  ev.report('intrinsic-arity', 'Fn::Length takes a list', node);
  return new Unknown('bad Length');
};

const ToJsonString: IntrinsicFn = (ev, arg, _node, scope) => {
  const v = ev.evaluate(arg, scope);
  return isResolved(v) ? JSON.stringify(v) : unknownFrom('ToJsonString of unknown values', v);
};

export const STRING_FUNCTIONS: Record<string, IntrinsicFn> = {
  'Fn::Join': Join, 'Fn::Split': Split, 'Fn::Select': Select, 'Fn::Sub': Sub,
  'Fn::Base64': Base64, 'Fn::Length': Length, 'Fn::ToJsonString': ToJsonString,
};

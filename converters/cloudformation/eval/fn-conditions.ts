/** Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not (three-valued: true, false, undecided). */
import { argList, type IntrinsicFn } from './evaluator.js';
import { Unknown, unknownFrom, valuesEqual } from './values.js';

const If: IntrinsicFn = (ev, arg, node, scope) => {
  const args = argList(ev, 'Fn::If', arg, node, 3);
  if (!args) return new Unknown('bad If');
  const name = ev.evaluate(args[0], scope);
  let cond: boolean | undefined;
  if (typeof name === 'string') {
    cond = ev.host.condition(name, ev.at(node));
  } else {
    // CloudFormation wants a condition name; an inline condition is still readable, so use it.
    ev.report('intrinsic-arity', 'the first argument of Fn::If must be a condition name (an inline condition was evaluated)', node);
    cond = ev.condition(args[0], scope);
  }
  if (cond === true) return ev.evaluate(args[1], scope);
  if (cond === false) return ev.evaluate(args[2], scope);
  // Undecided: the value is unknown, but both branches' resources stay linked.
  const a = ev.evaluate(args[1], scope);
  const b = ev.evaluate(args[2], scope);
  return valuesEqual(a, b) === true ? a : unknownFrom(`Fn::If ${typeof name === 'string' ? name : 'inline condition'}`, a, b);
};

const Equals: IntrinsicFn = (ev, arg, node, scope) => {
  const args = argList(ev, 'Fn::Equals', arg, node, 2);
  if (!args) return new Unknown('bad Equals');
  const a = ev.evaluate(args[0], scope);
  const b = ev.evaluate(args[1], scope);
  const result = valuesEqual(a, b);
  if (result !== undefined) return result;
  const unknown = [a, b].find((x): x is Unknown => x instanceof Unknown);
  return new Unknown(unknown?.reason ?? 'compares a value only known after deployment');
};

/** Kleene logic: a false operand decides And, a true operand decides Or. */
function combine(fn: 'Fn::And' | 'Fn::Or'): IntrinsicFn {
  const decisive = fn === 'Fn::Or';
  return (ev, arg, node, scope) => {
    const args = argList(ev, fn, arg, node, 2, 10);
    if (!args) return new Unknown(`bad ${fn}`);
    let undecided: Unknown | undefined;
    for (const a of args) {
      const v = ev.conditionValue(a, scope);
      if (v === decisive) return decisive;
      if (v instanceof Unknown) undecided ??= v;
    }
    return undecided ?? !decisive;
  };
}

const Not: IntrinsicFn = (ev, arg, node, scope) => {
  const args = argList(ev, 'Fn::Not', arg, node, 1);
  if (!args) return new Unknown('bad Not');
  const v = ev.conditionValue(args[0], scope);
  return v instanceof Unknown ? v : !v;
};

export const CONDITION_FUNCTIONS: Record<string, IntrinsicFn> = {
  'Fn::If': If, 'Fn::Equals': Equals, 'Fn::And': combine('Fn::And'), 'Fn::Or': combine('Fn::Or'), 'Fn::Not': Not,
};

/**
 * Evaluation for identity facts (physical names, ARNs). The drawing evaluates pseudo parameters
 * with stand-ins so every template converts (AWS::AccountId is the documentation account, the
 * region defaults to us-east-1, a nested stack is named `<parent>-<LogicalId>`). A physical name
 * built from a stand-in would name the wrong resource in a live account, so here the stand-ins
 * are unknown: only what the user gave (or CloudFormation fixes) counts.
 */
import type { Point } from '../../../src/diagnostics.js';
import { Evaluator, type EvalHost } from '../eval/evaluator.js';
import { Unknown, type Value } from '../eval/values.js';
import { isPlainObject } from '../load/template.js';
import type { Stack } from './stack.js';

/** Why each stand-in is not a physical fact. */
function standIn(stack: Stack, name: string): string | undefined {
  switch (name) {
    case 'AWS::AccountId': return stack.accountId ? undefined : 'no --account-id given';
    case 'AWS::Region': return stack.regionGiven ? undefined : 'no --region given';
    // A nested stack's real name ends in a suffix CloudFormation generates.
    case 'AWS::StackName': return stack.parent ? 'nested stack names are generated' : undefined;
    case 'AWS::StackId': return 'stack ids are generated';
    default: return undefined;
  }
}

/** The stack as evaluation host, except for pseudo parameters that are only stand-ins. */
class PhysicalHost implements EvalHost {
  constructor(private readonly stack: Stack) {}
  get file(): string { return this.stack.file; }
  get positions(): EvalHost['positions'] { return this.stack.positions; }
  // The stack's reporter drops repeats, so evaluating a value a second time reports nothing new.
  get reporter(): EvalHost['reporter'] { return this.stack.reporter; }
  pseudo(name: string): Value | undefined {
    const why = standIn(this.stack, name);
    return why ? new Unknown(why) : this.stack.pseudo(name);
  }
  parameter(name: string, at: Point | undefined): Value | undefined {
    const value = this.stack.parameter(name, at);
    // A nested stack's parameter was evaluated in its parent with the stand-ins: evaluate it again.
    const parent = this.stack.parent;
    if (!parent || typeof value !== 'string') return value;
    const decl = parent.stack.resources.get(parent.logicalId);
    const raw = get(get(decl?.raw, 'Properties'), 'Parameters');
    const passed = isPlainObject(raw) ? raw[name] : undefined;
    if (!decl || passed === undefined) return value;
    const again = physicalEvaluator(parent.stack).evaluate(passed, decl.scope);
    return typeof again === 'string' || typeof again === 'number' ? value : new Unknown(`parameter ${name} is built from stand-in values`);
  }
  resource(logicalId: string, attr: string | undefined, at: Point | undefined): Value | undefined { return this.stack.resource(logicalId, attr, at); }
  condition(name: string, at: Point | undefined): boolean | undefined { return this.stack.condition(name, at); }
  conditionReason(name: string): string | undefined { return this.stack.conditionReason(name); }
  mapping(name: string): unknown { return this.stack.mapping(name); }
  importValue(name: string, at: Point | undefined): Value { return this.stack.importValue(name, at); }
  availabilityZones(region: string): string[] | undefined {
    return region === '' && !this.stack.regionGiven ? undefined : this.stack.availabilityZones(region);
  }
}

function get(v: unknown, key: string): unknown {
  return isPlainObject(v) ? v[key] : undefined;
}

const evaluators = new WeakMap<Stack, Evaluator>();

/** An evaluator of this stack that leaves stand-in pseudo parameters unknown. */
export function physicalEvaluator(stack: Stack): Evaluator {
  let ev = evaluators.get(stack);
  if (!ev) evaluators.set(stack, (ev = new Evaluator(new PhysicalHost(stack))));
  return ev;
}

/** Fn::GetAZs and Fn::Cidr. */
import { argList, type IntrinsicFn } from './evaluator.js';
import { cidrSubnets } from './cidr.js';
import { scalarText, Unknown, unknownFrom } from './values.js';

const GetAZs: IntrinsicFn = (ev, arg, _node, scope) => {
  const region = arg === undefined || arg === null ? '' : ev.evaluate(arg, scope);
  if (typeof region !== 'string') return new Unknown('GetAZs of an unknown region', [], true);
  return ev.host.availabilityZones(region) ?? new Unknown(`GetAZs ${region}`, [], true);
};

const Cidr: IntrinsicFn = (ev, arg, node, scope) => {
  const args = argList(ev, 'Fn::Cidr', arg, node, 3);
  if (!args) return new Unknown('bad Cidr');
  const values = args.map((a) => ev.evaluate(a, scope));
  const [block, count, bits] = values.map(scalarText);
  if (block === undefined || count === undefined || bits === undefined) return unknownFrom('Cidr of unknown values', ...values);
  const result = cidrSubnets(block, Number(count), Number(bits));
  if (typeof result === 'string') {
    ev.report('intrinsic-arity', `Fn::Cidr: ${result}`, node);
    return new Unknown('bad Cidr');
  }
  return result;
};

export const NETWORK_FUNCTIONS: Record<string, IntrinsicFn> = { 'Fn::GetAZs': GetAZs, 'Fn::Cidr': Cidr };

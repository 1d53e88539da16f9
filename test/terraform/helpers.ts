/** Small builders for Terraform test inputs and a direct call into the converter's parse step. */
import { parseTerraform } from '../../converters/terraform/parse.js';
import type { ConverterResult } from '../../src/converter.js';
import type { Edge, Graph, OmittedResource, Resource } from '../../src/graph/types.js';
import { inputFromText, type InputSource } from '../../src/input.js';

export interface ResourceSpec {
  type: string;
  name: string;
  module?: string;
  mode?: 'managed' | 'data';
  /** One entry per instance: attributes, plus optional key/dependencies/sensitive paths. */
  instances: { attributes: Record<string, unknown>; key?: string | number; dependencies?: string[]; sensitive?: string[] }[];
}

/** A v4 state document. */
export function state(resources: ResourceSpec[]): Record<string, unknown> {
  return {
    version: 4, terraform_version: '1.7.0', serial: 1, lineage: '00000000-0000-4000-8000-000000000000', outputs: {},
    resources: resources.map((r) => ({
      ...(r.module ? { module: r.module } : {}),
      mode: r.mode ?? 'managed', type: r.type, name: r.name,
      provider: `provider["registry.terraform.io/hashicorp/${r.type.split('_')[0]}"]`,
      instances: r.instances.map((i) => ({
        ...(i.key !== undefined ? { index_key: i.key } : {}),
        schema_version: 0, attributes: i.attributes,
        sensitive_attributes: (i.sensitive ?? []).map((s) => [{ type: 'get_attr', value: s }]),
        dependencies: i.dependencies ?? [],
      })),
    })),
  };
}

/** Shorthand: one resource with one instance. */
export function one(type: string, name: string, attributes: Record<string, unknown>, extra: Partial<ResourceSpec> & { dependencies?: string[] } = {}): ResourceSpec {
  const { dependencies, ...rest } = extra;
  return { type, name, instances: [{ attributes, ...(dependencies ? { dependencies } : {}) }], ...rest };
}

export function parse(inputs: (Record<string, unknown> | string | InputSource)[] | Record<string, unknown> | string, options: Record<string, unknown> = {}): ConverterResult {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  const sources = list.map((x, i) => (typeof x === 'object' && 'text' in x && typeof (x as InputSource).text === 'function'
    ? x as InputSource
    : inputFromText(typeof x === 'string' ? x : JSON.stringify(x, null, 2), list.length > 1 ? `input${i}.tfstate` : 'test.tfstate')));
  return parseTerraform(sources, { options, openRelative: () => { throw new Error('not used'); } });
}

export function graphOf(inputs: Parameters<typeof parse>[0], options: Record<string, unknown> = {}): Graph {
  const r = parse(inputs, options);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => d.reason).join('; '));
  return r.graph;
}

export function res(g: Graph, address: string): Resource {
  const r = g.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no drawn resource ${address}; drawn: ${g.resources.map((x) => x.address).join(', ')}`);
  return r;
}

export function omitted(g: Graph, address: string): OmittedResource {
  const o = g.omitted.find((x) => x.address === address);
  if (!o) throw new Error(`no omitted resource ${address}`);
  return o;
}

/** Edges as `from -> to (kind)` using addresses, for readable assertions. */
export function edgeList(g: Graph): string[] {
  const addr = (id: string) => g.resources.find((r) => r.id === id)?.address ?? id;
  return g.edges.map((e: Edge) => `${addr(e.from)} -> ${addr(e.to)} (${e.kind})`);
}

/** Containment with ids replaced by addresses. */
export function placement(g: Graph, address: string): Record<string, unknown> {
  const addr = (id: string) => g.resources.find((r) => r.id === id)?.address ?? id;
  const c = res(g, address).in;
  const out: Record<string, unknown> = {};
  if (c.vpc) out['vpc'] = addr(c.vpc);
  if (c.zone) out['zone'] = c.zone;
  if (c.subnets) out['subnets'] = c.subnets.map(addr);
  if (c.securityGroups) out['securityGroups'] = c.securityGroups.map(addr);
  if (c.asg) out['asg'] = addr(c.asg);
  if (c.parent) out['parent'] = addr(c.parent);
  return out;
}

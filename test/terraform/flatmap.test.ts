import { describe, expect, it } from 'vitest';
import { expandFlatmap } from '../../converters/terraform/flatmap.js';

describe('v3 flat attributes', () => {
  it('keeps scalars as the strings v3 stores', () => {
    expect(expandFlatmap({ id: 'i-1', instance_type: 't2.micro', ebs_optimized: 'false' })).toEqual({ id: 'i-1', instance_type: 't2.micro', ebs_optimized: 'false' });
  });

  it('expands lists in index order', () => {
    expect(expandFlatmap({ 'subnets.#': '3', 'subnets.0': 'a', 'subnets.2': 'c', 'subnets.1': 'b', 'subnets.10': 'k' }))
      .toEqual({ subnets: ['a', 'b', 'c', 'k'] });
  });

  it('expands sets keyed by hash, in numeric order', () => {
    expect(expandFlatmap({ 'security_groups.#': '2', 'security_groups.3982542233': 'sg-b', 'security_groups.123': 'sg-a' }))
      .toEqual({ security_groups: ['sg-a', 'sg-b'] });
  });

  it('expands maps whose keys contain dots', () => {
    expect(expandFlatmap({ 'tags.%': '2', 'tags.Name': 'web', 'tags.kubernetes.io/cluster/demo': 'shared' }))
      .toEqual({ tags: { Name: 'web', 'kubernetes.io/cluster/demo': 'shared' } });
  });

  it('expands nested blocks inside sets', () => {
    const flat = {
      'ingress.#': '2',
      'ingress.111.from_port': '80', 'ingress.111.to_port': '80', 'ingress.111.protocol': 'tcp',
      'ingress.111.cidr_blocks.#': '1', 'ingress.111.cidr_blocks.0': '0.0.0.0/0',
      'ingress.111.security_groups.#': '0',
      'ingress.222.from_port': '443', 'ingress.222.to_port': '443', 'ingress.222.protocol': 'tcp',
      'ingress.222.security_groups.#': '1', 'ingress.222.security_groups.999': 'sg-1',
    };
    expect(expandFlatmap(flat)).toEqual({
      ingress: [
        { from_port: '80', to_port: '80', protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], security_groups: [] },
        { from_port: '443', to_port: '443', protocol: 'tcp', security_groups: ['sg-1'] },
      ],
    });
  });

  it('expands a map of lists', () => {
    expect(expandFlatmap({ 'm.%': '1', 'm.a.b.#': '1', 'm.a.b.0': 'x' })).toEqual({ m: { 'a.b': ['x'] } });
  });

  it('infers structure when count markers are missing', () => {
    expect(expandFlatmap({ 'list.0': 'a', 'list.1': 'b', 'obj.k': 'v' })).toEqual({ list: ['a', 'b'], obj: { k: 'v' } });
  });

  it('gives empty collections for zero counts', () => {
    expect(expandFlatmap({ 'tags.%': '0', 'subnets.#': '0' })).toEqual({ tags: {}, subnets: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../src/graph/builder.js';
import { filterTypes, foldEdges, FOLD_FAN_LIMIT, pruneContainment } from '../../src/graph/normalize.js';
import type { Graph } from '../../src/graph/types.js';

function graph(build: (b: GraphBuilder) => void): Graph {
  const b = new GraphBuilder('t');
  build(b);
  return b.build();
}

const res = (b: GraphBuilder, address: string, ccType: string | undefined, sourceType = `T::${address}`) =>
  b.add({ address, provider: 'aws', sourceType, ccType, name: address });

describe('foldEdges', () => {
  it('folds A → role → B into A → B and remembers the path', () => {
    const g = graph((b) => {
      const fn = res(b, 'Fn', 'lambda');
      const table = res(b, 'Table', 'dynamodb');
      const role = b.omit({ address: 'Role', sourceType: 'AWS::IAM::Role', provider: 'aws', reason: 'folded' });
      b.edge(fn.id, role.id, 'reference');
      b.edge(role.id, table.id, 'reference');
    });
    const out = foldEdges(g);
    expect(out.edges).toHaveLength(1);
    expect(out.edges[0]).toMatchObject({ from: g.resources[0]!.id, to: g.resources[1]!.id, kind: 'reference', via: ['Role'] });
  });

  it('keeps the most telling kind along the path', () => {
    const g = graph((b) => {
      const q = res(b, 'Queue', 'sqs');
      const fn = res(b, 'Fn', 'lambda');
      const m = b.omit({ address: 'Mapping', sourceType: 'AWS::Lambda::EventSourceMapping', provider: 'aws', reason: 'folded' });
      b.edge(q.id, m.id, 'reference');
      b.edge(m.id, fn.id, 'event');
    });
    expect(foldEdges(g).edges[0]!.kind).toBe('event');
  });

  it('walks chains of folded resources up to three deep', () => {
    const g = graph((b) => {
      const a = res(b, 'A', 'lambda');
      const z = res(b, 'Z', 's3');
      const x = b.omit({ address: 'X', sourceType: 'x', provider: 'aws', reason: 'folded' });
      const y = b.omit({ address: 'Y', sourceType: 'y', provider: 'aws', reason: 'folded' });
      b.edge(a.id, x.id, 'reference');
      b.edge(x.id, y.id, 'reference');
      b.edge(y.id, z.id, 'reference');
    });
    expect(foldEdges(g).edges[0]!.via).toEqual(['X', 'Y']);
  });

  it('drops edges to resources that are not drawn and not folded', () => {
    const g = graph((b) => {
      const a = res(b, 'A', 'lambda');
      const gone = b.omit({ address: 'Gone', sourceType: 'x', provider: 'aws', reason: 'condition-false' });
      b.edge(a.id, gone.id, 'reference');
    });
    expect(foldEdges(g).edges).toEqual([]);
  });

  it('caps the fan-out of one folded resource', () => {
    const g = graph((b) => {
      const role = b.omit({ address: 'Role', sourceType: 'AWS::IAM::Role', provider: 'aws', reason: 'folded' });
      for (let i = 0; i < 10; i++) b.edge(res(b, `Fn${i}`, 'lambda').id, role.id, 'reference');
      for (let i = 0; i < 10; i++) b.edge(role.id, res(b, `T${i}`, 'dynamodb').id, 'reference');
    });
    expect(foldEdges(g).edges).toHaveLength(Math.min(100, FOLD_FAN_LIMIT));
  });
});

describe('filterTypes', () => {
  const g = graph((b) => {
    res(b, 'Vpc', 'vpc', 'AWS::EC2::VPC');
    res(b, 'Fn', 'lambda', 'AWS::Lambda::Function');
    res(b, 'Bucket', 's3', 'AWS::S3::Bucket');
  });
  it('includes by Cloudcraft type and keeps network containers', () => {
    const out = filterTypes(g, { includeTypes: ['lambda'] });
    expect(out.resources.map((r) => r.address)).toEqual(['Vpc', 'Fn']);
    expect(out.omitted).toMatchObject([{ address: 'Bucket', reason: 'filtered' }]);
  });
  it('excludes by source type with wildcards', () => {
    expect(filterTypes(g, { excludeTypes: ['AWS::S3::*'] }).resources.map((r) => r.address)).toEqual(['Vpc', 'Fn']);
  });
});

describe('pruneContainment', () => {
  it('drops references to containers that are not in the graph', () => {
    const g = graph((b) => {
      const vpc = res(b, 'Vpc', 'vpc');
      b.add({ address: 'Fn', provider: 'aws', sourceType: 'x', ccType: 'lambda', name: 'Fn', in: { vpc: vpc.id, subnets: ['missing'], securityGroups: ['gone'] } });
    });
    expect(pruneContainment(g).resources[1]!.in).toEqual({ vpc: g.resources[0]!.id });
  });
});

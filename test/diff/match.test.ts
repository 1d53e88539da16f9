/** Matching tiers, identity helpers and value display. */
import { describe, expect, it } from 'vitest';
import { cloudFormationNames, sameIdentity, terraformIdentity } from '../../src/diff/identity.js';
import { matchItems } from '../../src/diff/match.js';
import type { SideItem } from '../../src/diff/side.js';
import { changedKeys, deepEqual, shortValue } from '../../src/diff/values.js';
import { fixture } from './helpers.js';

const item = (id: string, extra: Partial<SideItem> = {}): SideItem => ({
  id, key: id, address: id, drawn: true, type: 'ec2', sourceType: 'x', name: id, names: [], ...extra,
});

describe('matchItems', () => {
  it.each([
    ['id', item('a'), item('a', { key: 'other' })],
    ['address', item('b1', { key: 'Web' }), item('a1', { key: 'Web' })],
    ['moved', item('b2', { address: 'aws_instance.old' }), item('a2', { previousAddress: 'aws_instance.old' })],
    ['arn', item('b3', { arn: 'arn:aws:ec2:r:1:instance/i-9' }), item('a3', { arn: 'arn:aws:ec2:r:1:instance/i-9' })],
    ['physical-id', item('b4', { physicalId: 'i-0777' }), item('a4', { arn: 'arn:aws:ec2:r:1:instance/i-0777' })],
    ['physical-id', item('b5', { physicalId: '/subscriptions/S/resourceGroups/RG/x' }), item('a5', { physicalId: '/subscriptions/s/resourcegroups/rg/X' })],
    ['name', item('b6', { names: ['web-1'] }), item('a6', { names: ['other', 'web-1'] })],
  ] as const)('%s', (tier, b, a) => {
    expect(matchItems([b], [a])).toEqual([{ before: b, after: a, matchedBy: tier }]);
  });

  it('a stronger tier wins over a weaker one, whatever the order', () => {
    const b = item('x', { names: ['web'] });
    const byName = item('y', { names: ['web'] });
    const byId = item('x', { names: ['other'] });
    const pairs = matchItems([b], [byName, byId]);
    expect(pairs[0]).toMatchObject({ after: byId, matchedBy: 'id' });
    expect(pairs[1]).toEqual({ after: byName });
  });

  it('names match only within one type, and only when allowed', () => {
    const b = item('b', { names: ['db'] });
    expect(matchItems([b], [item('a', { type: 'rds', names: ['db'] })])).toHaveLength(2);
    expect(matchItems([b], [item('a', { names: ['db'] })], { byName: false })).toHaveLength(2);
  });

  it('undrawn resources never match by name', () => {
    expect(matchItems([item('b', { drawn: false, names: ['r'] })], [item('a', { drawn: false, names: ['r'] })])).toHaveLength(2);
  });

  it('each after item pairs once; the first in document order wins; leftovers are added, in order', () => {
    const b1 = item('b1', { names: ['web'] });
    const b2 = item('b2', { names: ['web'] });
    const a1 = item('a1', { names: ['web'] });
    const a2 = item('a2', { names: ['api'] });
    expect(matchItems([b1, b2], [a2, a1])).toEqual([{ before: b1, after: a1, matchedBy: 'name' }, { before: b2 }, { after: a2 }]);
  });
});

describe('identity', () => {
  it('CloudFormation physical names: Name, <Noun>Name, <Noun>Identifier, the Name tag; literals only', () => {
    expect(cloudFormationNames('AWS::S3::Bucket', { BucketName: 'assets', Tags: [{ Key: 'Name', Value: 'the-assets' }] })).toEqual(['assets', 'the-assets']);
    expect(cloudFormationNames('AWS::RDS::DBInstance', { DBInstanceIdentifier: 'orders', DBSubnetGroupName: 'not-me' })).toEqual(['orders']);
    expect(cloudFormationNames('AWS::EC2::Instance', { KeyName: 'ssh-key', Tags: [{ Key: 'Name', Value: { 'Fn::Sub': '${Env}-web' } }] })).toEqual([]);
    expect(cloudFormationNames('AWS::ECS::Cluster', { ClusterName: 'prod-${AWS::Region}' })).toEqual([]);
    expect(cloudFormationNames('AWS::EC2::SecurityGroup', { GroupName: 'web servers', GroupDescription: 'not a name' })).toEqual(['web servers']);
  });

  it('Terraform names, ARN and id', () => {
    expect(terraformIdentity({ id: 'i-1', arn: 'arn:aws:ec2:r:1:instance/i-1', tags: { Name: 'web-1' }, name: 'ignored-empty-ok' }))
      .toEqual({ names: ['ignored-empty-ok', 'web-1'], arn: 'arn:aws:ec2:r:1:instance/i-1', physicalId: 'i-1' });
    expect(terraformIdentity({ bucket: 'logs', arn: 'not-an-arn' })).toEqual({ names: ['logs'] });
  });

  it('sameIdentity refuses short ids that would match any ARN tail', () => {
    expect(sameIdentity({ physicalId: 'db' }, { arn: 'arn:aws:rds:r:1:db' })).toBeUndefined();
    expect(sameIdentity({ arn: 'arn:a' }, { arn: 'arn:b' })).toBeUndefined();
  });
});

describe('values', () => {
  it('deepEqual ignores key order and undefined members', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1, d: undefined })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(changedKeys({ a: 1, b: 2, tags_all: 1 }, { a: 1, b: 3, c: 4, tags_all: 2 }, (k) => k !== 'tags_all')).toEqual(['b', 'c']);
  });

  it('shortValue writes intrinsics the short way and gives up on big values', () => {
    expect(shortValue({ Ref: 'Vpc' })).toBe('!Ref Vpc');
    expect(shortValue({ 'Fn::GetAtt': ['Db', 'Endpoint.Address'] })).toBe('!GetAtt Db.Endpoint.Address');
    expect(shortValue({ 'Fn::Sub': '${A}-b' })).toBe('!Sub "${A}-b"');
    expect(shortValue(512)).toBe('512');
    expect(shortValue('x'.repeat(60))).toBe(`${'x'.repeat(47)}…`);
    expect(shortValue({ big: 'y'.repeat(60) })).toBeUndefined();
    expect(shortValue(null)).toBeUndefined();
  });
});

describe('identity a converter records in meta', () => {
  it('meta.arn and meta.names (evaluated physical names) take part in matching', async () => {
    const { registerConverter, unregisterConverter } = await import('../../src/registry.js');
    const { ensureBuiltins } = await import('../../src/builtins.js');
    const { diff } = await import('../../src/diff/index.js');
    const { resourceId } = await import('../../src/ids.js');
    await ensureBuiltins();
    registerConverter({
      name: 'diffmeta', description: 'test', detect: (i) => ((i.json() as { diffmeta?: unknown } | undefined)?.diffmeta ? 0.9 : 0),
      parse: () => ({
        diagnostics: [],
        graph: { edges: [], omitted: [], resources: [
          { id: resourceId('m/Fn'), address: 'm/Fn', provider: 'aws', sourceType: 'X::Fn', ccType: 'lambda', name: 'Fn', props: {}, in: {}, meta: { arn: 'arn:aws:lambda:eu-west-1:123456789012:function:worker' } },
          { id: resourceId('m/Bucket'), address: 'm/Bucket', provider: 'aws', sourceType: 'X::Bucket', ccType: 's3', name: 'Bucket', props: {}, in: {}, meta: { names: ['acme-assets'] } },
        ] },
      }),
    });
    try {
      const r = await diff({ text: '{"diffmeta": true}', name: 'code.json' }, fixture('snapshot/live-aws.json'));
      expect(r.ok).toBe(true);
      expect(r.changes.some((c) => c.name === 'worker' || c.name === 'acme-assets' || c.name === 'Fn' || c.name === 'Bucket')).toBe(false);
      expect(r.summary.unchanged).toBe(2);
    } finally {
      unregisterConverter('diffmeta');
    }
  });
});

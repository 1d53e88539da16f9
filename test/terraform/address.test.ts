import { describe, expect, it } from 'vitest';
import { AddressError, formatAddress, parseReference, parseResourceAddress, parseV3Key, tokenize, typePrefix } from '../../converters/terraform/address.js';

describe('address tokenizer', () => {
  it.each([
    ['aws_vpc.main', { modules: [], mode: 'managed', type: 'aws_vpc', name: 'main' }],
    ['aws_subnet.private[2]', { modules: [], mode: 'managed', type: 'aws_subnet', name: 'private', key: 2 }],
    ['data.aws_ami.ubuntu', { modules: [], mode: 'data', type: 'aws_ami', name: 'ubuntu' }],
    ['module.vpc.aws_subnet.public["eu-west-1a"]', { modules: [{ name: 'vpc' }], mode: 'managed', type: 'aws_subnet', name: 'public', key: 'eu-west-1a' }],
    ['module.eks.module.node_group["management"].aws_iam_role.this[0]',
      { modules: [{ name: 'eks' }, { name: 'node_group', key: 'management' }], mode: 'managed', type: 'aws_iam_role', name: 'this', key: 0 }],
    ['module.a[1].module.b["x"].data.aws_caller_identity.current',
      { modules: [{ name: 'a', key: 1 }, { name: 'b', key: 'x' }], mode: 'data', type: 'aws_caller_identity', name: 'current' }],
    // Keys holding dots, slashes, colons, quotes and brackets.
    ['aws_iam_role_policy_attachment.this["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"]',
      { modules: [], mode: 'managed', type: 'aws_iam_role_policy_attachment', name: 'this', key: 'arn:aws:iam::aws:policy/AmazonEKSClusterPolicy' }],
    ['aws_route53_record.r["api.example.com."]', { modules: [], mode: 'managed', type: 'aws_route53_record', name: 'r', key: 'api.example.com.' }],
    ['null_resource.q["say \\"hi\\" [now]"]', { modules: [], mode: 'managed', type: 'null_resource', name: 'q', key: 'say "hi" [now]' }],
    // A resource type or name called `data`/`module` is still a resource when the shape says so.
    ['module.m.data.data.data', { modules: [{ name: 'm' }], mode: 'data', type: 'data', name: 'data' }],
    ['aws_instance.my-web_1', { modules: [], mode: 'managed', type: 'aws_instance', name: 'my-web_1' }],
  ])('parses %s', (text, expected) => {
    const parsed = parseResourceAddress(text);
    expect(parsed).toEqual(expected);
    expect(formatAddress(parsed)).toBe(text);
  });

  it.each([
    ['aws_vpc', 'expected TYPE.NAME'],
    ['aws_vpc.main.extra', 'unexpected text'],
    ['module.x', 'expected TYPE.NAME'],
    ['aws_vpc..main', 'unexpected "."'],
    ['aws_vpc.main[', 'index must be'],
    ['aws_vpc.main["open', 'unterminated'],
    ['aws_vpc.main[abc]', 'index must be'],
    ['aws_vpc.main.', 'ends with'],
    ['1aws.x', 'cannot start'],
    ['', 'empty'],
  ])('rejects %j (%s)', (text, message) => {
    expect(() => parseResourceAddress(text)).toThrow(AddressError);
    expect(() => parseResourceAddress(text)).toThrow(message);
  });

  it('decodes escapes in keys and prints the canonical form', () => {
    const parsed = parseResourceAddress('null_resource.u["caf\\u00e9\\n"]');
    expect(parsed.key).toBe('café\n');
    expect(formatAddress(parsed)).toBe('null_resource.u["café\\n"]');
  });

  it('reports the offset of the error', () => {
    try {
      tokenize('aws_vpc.main["x"]y');
      expect.unreachable();
    } catch (err) {
      expect((err as AddressError).offset).toBe(17);
    }
  });

  it('formats without keys for configuration addresses', () => {
    expect(formatAddress(parseResourceAddress('module.a["k"].aws_x.y[3]'), false)).toBe('module.a.aws_x.y');
  });

  it.each([
    ['aws_vpc.main.id', { kind: 'resource', modules: [], mode: 'managed', type: 'aws_vpc', name: 'main' }],
    ['aws_subnet.public[0].id', { kind: 'resource', modules: [], mode: 'managed', type: 'aws_subnet', name: 'public', key: 0 }],
    ['aws_subnet.public[*].id', { kind: 'resource', modules: [], mode: 'managed', type: 'aws_subnet', name: 'public' }],
    ['data.aws_ami.x.id', { kind: 'resource', modules: [], mode: 'data', type: 'aws_ami', name: 'x' }],
    ['var.subnet_id', { kind: 'var', name: 'subnet_id' }],
    ['module.vpc.public_subnet_ids[0]', { kind: 'module-output', module: 'vpc', output: 'public_subnet_ids', key: 0 }],
    ['module.vpc["a"].vpc_id', { kind: 'module-output', module: 'vpc', output: 'vpc_id' }],
    ['module.vpc', { kind: 'other' }],
    ['local.tags', { kind: 'other' }],
    ['count.index', { kind: 'other' }],
    ['each.key', { kind: 'other' }],
    ['path.module', { kind: 'other' }],
    ['not a reference', { kind: 'other' }],
  ])('interprets the reference %s', (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
  });

  it.each([
    ['aws_instance.web', { mode: 'managed', type: 'aws_instance', name: 'web' }],
    ['aws_instance.web.2', { mode: 'managed', type: 'aws_instance', name: 'web', index: 2 }],
    ['data.aws_ami.ubuntu', { mode: 'data', type: 'aws_ami', name: 'ubuntu' }],
    ['data.aws_ami.ubuntu.1', { mode: 'data', type: 'aws_ami', name: 'ubuntu', index: 1 }],
    ['aws_instance', undefined],
    ['aws_instance.web.x', undefined],
  ])('reads the v3 key %s', (key, expected) => {
    expect(parseV3Key(key)).toEqual(expected);
  });

  it('takes the provider from the type prefix', () => {
    expect(typePrefix('aws_vpc')).toBe('aws');
    expect(typePrefix('azurerm_subnet')).toBe('azurerm');
    expect(typePrefix('null_resource')).toBe('null');
    expect(typePrefix('weird')).toBe('weird');
  });
});

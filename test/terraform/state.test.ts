/** State readers: v3 flat attributes, v4 variants, `terraform show -json`, instance keys and modules. */
import { describe, expect, it } from 'vitest';
import { edgeList, graphOf, omitted, parse, placement, res } from './helpers.js';

describe('state v3 (Terraform 0.11)', () => {
  const v3 = {
    version: 3, terraform_version: '0.11.14', serial: 3, lineage: 'l',
    modules: [
      { path: ['root'], outputs: {}, resources: {
        'aws_vpc.main': { type: 'aws_vpc', depends_on: [], primary: { id: 'vpc-1', attributes: { id: 'vpc-1', 'tags.%': '1', 'tags.Name': 'main' } }, deposed: [], provider: 'provider.aws' },
        'data.aws_ami.ubuntu': { type: 'aws_ami', depends_on: [], primary: { id: 'ami-1', attributes: { id: 'ami-1' } }, provider: 'provider.aws' },
      } },
      { path: ['root', 'web'], outputs: {}, resources: {
        'aws_security_group.web': { type: 'aws_security_group', depends_on: [], primary: { id: 'sg-1', attributes: {
          id: 'sg-1', vpc_id: 'vpc-1', 'ingress.#': '1', 'ingress.2541437006.from_port': '80', 'ingress.2541437006.to_port': '80', 'ingress.2541437006.protocol': 'tcp',
          'ingress.2541437006.cidr_blocks.#': '1', 'ingress.2541437006.cidr_blocks.0': '0.0.0.0/0', 'ingress.2541437006.self': 'false',
        } }, provider: 'provider.aws' },
        'aws_instance.web.0': { type: 'aws_instance', depends_on: ['aws_security_group.web'], primary: { id: 'i-0', attributes: {
          id: 'i-0', instance_type: 't2.micro', 'vpc_security_group_ids.#': '1', 'vpc_security_group_ids.123': 'sg-1', availability_zone: 'eu-west-1b',
        }, tainted: true }, deposed: [{ id: 'i-old' }], provider: 'provider.aws' },
        'aws_instance.web.1': { type: 'aws_instance', depends_on: [], primary: { id: 'i-1', attributes: { id: 'i-1', instance_type: 't2.micro' } }, provider: 'provider.aws' },
      } },
    ],
  };
  const r = parse(v3);
  const g = r.graph;

  it('reads module paths, count indexes and data sources from the keys', () => {
    expect(g.resources.map((x) => x.address)).toEqual(['aws_vpc.main', 'module.web.aws_security_group.web', 'module.web.aws_instance.web[0]', 'module.web.aws_instance.web[1]']);
    expect(omitted(g, 'data.aws_ami.ubuntu').reason).toBe('data-source');
    expect(res(g, 'module.web.aws_instance.web[0]').name).toBe('web.web[0]');
    expect(res(g, 'module.web.aws_instance.web[0]').group).toBe('module.web');
  });

  it('expands flat attributes (sets, maps) before mapping', () => {
    expect(res(g, 'module.web.aws_instance.web[0]').props).toEqual({ instanceType: 't2', instanceSize: 'micro' });
    expect(placement(g, 'module.web.aws_instance.web[0]')).toEqual({ vpc: 'aws_vpc.main', securityGroups: ['module.web.aws_security_group.web'], zone: 'eu-west-1b' });
    expect(res(g, 'module.web.aws_security_group.web').props['inboundRules']).toEqual([{ portRange: '80', protocol: 'tcp', target: '0.0.0.0/0', targetType: 'ip', description: '', hidden: false }]);
    expect(res(g, 'module.web.aws_instance.web[0]').region).toBe('eu-west-1');
  });

  it('keeps tainted instances, notes deposed ones, and reads module-relative depends_on', () => {
    expect(res(g, 'module.web.aws_instance.web[0]').meta?.['tainted']).toBe(true);
    expect(r.diagnostics.find((d) => d.ruleId === 'terraform-deposed')?.reason).toMatch(/^1 deposed object/);
    // depends_on resolves inside the module: the instance depends on its own group, which is containment.
    expect(edgeList(g)).toEqual([]);
  });
});

describe('state v4 variants', () => {
  it('reads 0.12 `attributes_flat`, legacy provider strings and instance-level depends_on', () => {
    const g = graphOf({
      version: 4, terraform_version: '0.12.0', serial: 0, lineage: 'l',
      resources: [
        { mode: 'managed', type: 'aws_sqs_queue', name: 'a', provider: 'provider.aws', instances: [{ schema_version: 0, attributes_flat: { id: 'qa', fifo_queue: 'true', 'tags.%': '0' }, depends_on: ['aws_sqs_queue.b'] }] },
        { module: 'module.m', mode: 'managed', type: 'aws_sqs_queue', name: 'b', each: 'map', provider: 'provider. null', instances: [{ index_key: 'x', schema_version: 0, attributes: { id: 'qb' } }] },
        { mode: 'managed', type: 'aws_sqs_queue', name: 'b', provider: 'module.x.provider.aws', instances: [{ schema_version: 0, attributes: { id: 'qc' } }] },
      ],
    });
    expect(g.resources.map((r) => [r.address, r.provider, r.props['queueType']])).toEqual([
      ['aws_sqs_queue.a', 'aws', 'fifo'],
      ['module.m.aws_sqs_queue.b["x"]', 'aws', 'standard'],
      ['aws_sqs_queue.b', 'aws', 'standard'],
    ]);
    expect(edgeList(g)).toEqual(['aws_sqs_queue.a -> aws_sqs_queue.b (dependency)']);
  });

  it('reports resources with no instances as absent, with a reason', () => {
    const g = graphOf({ version: 4, terraform_version: '1.3.0', serial: 1, lineage: 'l', resources: [{ module: 'module.eks', mode: 'managed', type: 'aws_eks_cluster', name: 'this', provider: 'p', instances: [] }] });
    expect(omitted(g, 'module.eks.aws_eks_cluster.this')).toMatchObject({ reason: 'no-instances', detail: expect.stringMatching(/no instances/) });
  });

  it('names for_each instances with string keys that hold ARNs', () => {
    const g = graphOf({ version: 4, terraform_version: '1.3.0', serial: 1, lineage: 'l', resources: [
      { module: 'module.eks.module.node_group["management"]', mode: 'managed', type: 'aws_sqs_queue', name: 'this', provider: 'p',
        instances: [{ index_key: 'arn:aws:iam::aws:policy/Some.Policy', attributes: { id: 'q' } }] },
    ] });
    const r = g.resources[0]!;
    expect(r.address).toBe('module.eks.module.node_group["management"].aws_sqs_queue.this["arn:aws:iam::aws:policy/Some.Policy"]');
    expect(r.name).toBe('eks.node_group["management"].this["arn:aws:iam::aws:policy/Some.Policy"]');
    expect(r.group).toBe('module.eks.module.node_group["management"]');
  });
});

describe('terraform show -json of a state', () => {
  it('reads nested child modules, sensitive_values and depends_on', () => {
    const g = graphOf({
      format_version: '1.0', terraform_version: '1.6.0',
      values: { outputs: {}, root_module: {
        resources: [{ address: 'aws_sqs_queue.root', mode: 'managed', type: 'aws_sqs_queue', name: 'root', provider_name: 'registry.terraform.io/hashicorp/aws', values: { id: 'q1', arn: 'arn:aws:sqs:ap-south-1:1:q1' }, sensitive_values: {} }],
        child_modules: [{ address: 'module.a', resources: [], child_modules: [{ address: 'module.a.module.b["k"]', resources: [
          { address: 'module.a.module.b["k"].aws_sqs_queue.q[0]', mode: 'managed', type: 'aws_sqs_queue', name: 'q', index: 0, provider_name: 'p',
            values: { id: 'q2', fifo_queue: true, kms_master_key_id: 'FAKE-kms' }, sensitive_values: { kms_master_key_id: true }, depends_on: ['aws_sqs_queue.root'] },
        ] }] }],
      } },
    });
    expect(g.resources.map((r) => r.address)).toEqual(['aws_sqs_queue.root', 'module.a.module.b["k"].aws_sqs_queue.q[0]']);
    expect(res(g, 'aws_sqs_queue.root').region).toBe('ap-south-1');
    expect(res(g, 'module.a.module.b["k"].aws_sqs_queue.q[0]').region).toBe('ap-south-1');
    expect(edgeList(g)).toEqual(['module.a.module.b["k"].aws_sqs_queue.q[0] -> aws_sqs_queue.root (dependency)']);
  });

  it('treats the output for an empty state as empty, with a warning', () => {
    const r = parse('{"format_version":"1.0"}');
    expect(r.graph.resources).toEqual([]);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['terraform-empty']);
  });
});

/** Plan JSON: actions, the before/after views, and references resolved through the configuration. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planAction } from '../../converters/terraform/read-plan.js';
import { edgeList, graphOf, omitted, placement, res } from './helpers.js';

const sample = JSON.parse(readFileSync(new URL('../../samples/terraform/aws-plan.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The module resources: the same rows and actions in both views. */
const MODULE_ROWS = [
  ['module.network.aws_vpc.this', 'no-op'],
  ['module.network.aws_subnet.private["a"]', 'no-op'],
  ['module.network.aws_subnet.private["b"]', 'no-op'],
  ['module.web.aws_security_group.web', 'no-op'],
  ['module.web.aws_instance.web[0]', 'update'],
  ['module.web.aws_instance.web[1]', 'replace'],
];

describe('plan actions', () => {
  it.each([
    [['create'], 'create'], [['delete'], 'delete'], [['update'], 'update'], [['no-op'], 'no-op'], [['read'], 'read'],
    [['delete', 'create'], 'replace'], [['create', 'delete'], 'replace'], [['forget'], 'forget'], [[], undefined],
  ])('%j → %s', (actions, expected) => {
    expect(planAction(actions)).toBe(expected);
  });

  it('gives every drawn instance its action (after view)', () => {
    const g = graphOf(sample);
    expect(g.resources.map((r) => [r.address, r.action])).toEqual([
      ['aws_dynamodb_table.sessions', 'create'],
      ['aws_lambda_function.api', 'create'],
      ['aws_apigatewayv2_api.http', 'create'],
      ['aws_db_instance.orders', 'update'],
      ...MODULE_ROWS,
    ]);
    expect(omitted(g, 'aws_sqs_queue.legacy')).toMatchObject({ reason: 'deleted', detail: expect.stringMatching(/destroyed by this plan/) });
    expect(res(g, 'module.web.aws_instance.web[0]').props).toMatchObject({ instanceType: 't3', instanceSize: 'medium' });
    expect(res(g, 'aws_db_instance.orders').props).toMatchObject({ instanceSize: 'large' });
  });

  it('draws the prior state with --plan-view before', () => {
    const g = graphOf(sample, { planView: 'before' });
    expect(g.resources.map((r) => [r.address, r.action])).toEqual([
      ['aws_db_instance.orders', 'update'],
      ['aws_sqs_queue.legacy', 'delete'],
      ...MODULE_ROWS,
    ]);
    expect(res(g, 'module.web.aws_instance.web[0]').props).toMatchObject({ instanceSize: 'small' });
    expect(omitted(g, 'aws_lambda_function.api')).toMatchObject({ reason: 'deleted', detail: expect.stringMatching(/created by this plan/) });
    // The same resource keeps its id in both views, so a diff can pair them.
    expect(res(g, 'aws_db_instance.orders').id).toBe(res(graphOf(sample), 'aws_db_instance.orders').id);
  });

  it('takes the region from the provider configuration (a variable)', () => {
    expect(new Set(graphOf(sample).resources.map((r) => r.region))).toEqual(new Set(['us-west-2']));
  });
});

describe('unknown values resolved through the configuration', () => {
  const g = graphOf(sample);

  it('follows module outputs and variables to the created resources', () => {
    // vpc_config.subnet_ids = module.network.private_subnet_ids (unknown until apply).
    expect(placement(g, 'aws_lambda_function.api')).toEqual({
      vpc: 'module.network.aws_vpc.this',
      subnets: ['module.network.aws_subnet.private["a"]', 'module.network.aws_subnet.private["b"]'],
      securityGroups: ['module.web.aws_security_group.web'],
    });
  });

  it('draws edges whose ends are only known by reference', () => {
    expect(edgeList(g)).toContain('aws_apigatewayv2_api.http -> aws_lambda_function.api (network)');
    // Implicit dependency from an expression (environment variables name the table).
    expect(edgeList(g)).toContain('aws_lambda_function.api -> aws_dynamodb_table.sessions (dependency)');
  });

  it('narrows `[count.index]` references to the instance with the same key, and index hints to one instance', () => {
    const plan = {
      format_version: '1.2',
      planned_values: { root_module: { resources: [
        ...[0, 1].map((i) => ({ address: `aws_subnet.s[${i}]`, mode: 'managed', type: 'aws_subnet', name: 's', index: i, values: { availability_zone: `eu-central-1${'ab'[i]}` } })),
        ...[0, 1].map((i) => ({ address: `aws_instance.w[${i}]`, mode: 'managed', type: 'aws_instance', name: 'w', index: i, values: {} })),
        { address: 'module.m.aws_nat_gateway.n', mode: 'managed', type: 'aws_nat_gateway', name: 'n', values: {} },
      ] } },
      resource_changes: [],
      configuration: { root_module: {
        resources: [
          { address: 'aws_subnet.s', mode: 'managed', type: 'aws_subnet', name: 's', expressions: {} },
          { address: 'aws_instance.w', mode: 'managed', type: 'aws_instance', name: 'w', expressions: { subnet_id: { references: ['aws_subnet.s', 'count.index'] } } },
        ],
        module_calls: { m: { expressions: { subnet: { references: ['aws_subnet.s[1].id', 'aws_subnet.s[1]', 'aws_subnet.s'] } }, module: {
          resources: [{ address: 'aws_nat_gateway.n', mode: 'managed', type: 'aws_nat_gateway', name: 'n', expressions: { subnet_id: { references: ['var.subnet'] } } }],
        } } },
      } },
    };
    const pg = graphOf(plan);
    expect(placement(pg, 'aws_instance.w[0]')).toEqual({ subnets: ['aws_subnet.s[0]'] });
    expect(placement(pg, 'aws_instance.w[1]')).toEqual({ subnets: ['aws_subnet.s[1]'] });
    expect(placement(pg, 'module.m.aws_nat_gateway.n')).toEqual({ subnets: ['aws_subnet.s[1]'] });
    expect(res(pg, 'aws_subnet.s[1]').region).toBe('eu-central-1');
  });
});

describe('plan details', () => {
  const base = (resources: unknown[], changes: unknown[], providers: Record<string, unknown>, configResources: unknown[]) => ({
    format_version: '1.0',
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    configuration: { provider_config: providers, root_module: { resources: configResources } },
  });

  it('reads the region of aliased providers (`aws.backup`) and legacy module keys (`mod:aws`)', () => {
    const plan = base(
      [
        { address: 'aws_sqs_queue.main', mode: 'managed', type: 'aws_sqs_queue', name: 'main', values: {} },
        { address: 'aws_sqs_queue.backup', mode: 'managed', type: 'aws_sqs_queue', name: 'backup', values: {} },
      ],
      [],
      { aws: { name: 'aws', expressions: { region: { constant_value: 'eu-west-1' } } }, 'aws.backup': { name: 'aws', alias: 'backup', expressions: { region: { constant_value: 'eu-central-1' } } } },
      [
        { address: 'aws_sqs_queue.main', mode: 'managed', type: 'aws_sqs_queue', name: 'main', provider_config_key: 'legacy_module:aws', expressions: {} },
        { address: 'aws_sqs_queue.backup', mode: 'managed', type: 'aws_sqs_queue', name: 'backup', provider_config_key: 'aws.backup', expressions: {} },
      ],
    );
    expect(graphOf(plan).resources.map((r) => [r.name, r.region])).toEqual([['main', 'eu-west-1'], ['backup', 'eu-central-1']]);
  });

  it('remembers the address a moved resource had, and skips deposed objects', () => {
    const plan = base(
      [{ address: 'aws_sqs_queue.renamed', mode: 'managed', type: 'aws_sqs_queue', name: 'renamed', values: {} }],
      [
        { address: 'aws_sqs_queue.renamed', previous_address: 'aws_sqs_queue.old_name', mode: 'managed', type: 'aws_sqs_queue', name: 'renamed', change: { actions: ['no-op'] } },
        { address: 'aws_sqs_queue.renamed', deposed: 'abcd1234', mode: 'managed', type: 'aws_sqs_queue', name: 'renamed', change: { actions: ['delete'] } },
      ],
      {}, [],
    );
    const g = graphOf(plan);
    expect(g.resources).toHaveLength(1);
    expect(g.resources[0]!.meta?.['previousAddress']).toBe('aws_sqs_queue.old_name');
    expect(g.omitted).toEqual([]);
  });
});

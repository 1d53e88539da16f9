/** Converter options (--collapse-instances, --include-data, --region) and several inputs at once. */
import { describe, expect, it } from 'vitest';
import { convert } from '../../src/convert.js';
import { inputFromText } from '../../src/input.js';
import { edgeList, graphOf, omitted, one, placement, res, state } from './helpers.js';

const subnets = { type: 'aws_subnet', name: 'private', module: 'module.net', instances: ['a', 'b', 'c'].map((z) => ({ key: z, attributes: { id: `subnet-${z}`, vpc_id: 'vpc-1', availability_zone: `eu-west-1${z}` } })) };
const workers = { type: 'aws_instance', name: 'worker', instances: [0, 1, 2, 3].map((i) => ({ key: i, attributes: { id: `i-${i}`, instance_type: 't3.small', subnet_id: `subnet-${'abca'[i]}` } })) };
const doc = state([one('aws_vpc', 'main', { id: 'vpc-1' }, { module: 'module.net' }), subnets, workers,
  one('aws_sqs_queue', 'jobs', { id: 'q', arn: 'arn:aws:sqs:eu-west-1:1:q' }),
  { type: 'aws_lambda_event_source_mapping', name: 'm', instances: [0, 1, 2, 3].map((i) => ({ key: i, attributes: { id: `m${i}`, event_source_arn: 'arn:aws:sqs:eu-west-1:1:q', function_name: `f${i}` } })) },
  { type: 'aws_lambda_function', name: 'f', instances: [0, 1, 2, 3].map((i) => ({ key: i, attributes: { id: `f${i}`, function_name: `f${i}` } })) },
]);

describe('--collapse-instances', () => {
  it('draws one node per resource, named with its instance count', () => {
    const g = graphOf(doc, { collapseInstances: true });
    expect(g.resources.map((r) => [r.address, r.name])).toEqual([
      ['module.net.aws_vpc.main', 'net.main'],
      ['module.net.aws_subnet.private', 'net.private ×3'],
      ['aws_instance.worker', 'worker ×4'],
      ['aws_sqs_queue.jobs', 'jobs'],
      ['aws_lambda_function.f', 'f ×4'],
    ]);
    expect(res(g, 'aws_instance.worker').meta?.['instances']).toBe(4);
    expect(placement(g, 'aws_instance.worker')).toEqual({ vpc: 'module.net.aws_vpc.main', subnets: ['module.net.aws_subnet.private'] });
    // Four parallel edges become one.
    expect(edgeList(g)).toEqual(['aws_sqs_queue.jobs -> aws_lambda_function.f (dataflow)']);
  });

  it('draws every instance by default', () => {
    const g = graphOf(doc);
    expect(g.resources.filter((r) => r.sourceType === 'aws_instance').map((r) => r.name)).toEqual(['worker[0]', 'worker[1]', 'worker[2]', 'worker[3]']);
    expect(edgeList(g)).toHaveLength(4);
  });

  it('collapses module instances into one resource as well', () => {
    const g = graphOf(state([0, 1].map((i) => one('aws_sqs_queue', 'q', { id: `q${i}` }, { module: `module.svc[${i}]` }))), { collapseInstances: true });
    expect(g.resources.map((r) => [r.address, r.name])).toEqual([['module.svc.aws_sqs_queue.q', 'svc.q ×2']]);
  });
});

describe('--include-data', () => {
  const withData = state([
    { type: 'aws_vpc', name: 'default', mode: 'data', instances: [{ attributes: { id: 'vpc-d', arn: 'arn:aws:ec2:eu-north-1:1:vpc/vpc-d' } }] },
    one('aws_security_group', 'app', { id: 'sg-1', vpc_id: 'vpc-d' }),
    { type: 'aws_iam_policy_document', name: 'p', mode: 'data', instances: [{ attributes: { id: '1', json: '{}' } }] },
  ]);

  it('leaves data sources out by default, but reports them', () => {
    const g = graphOf(withData);
    expect(omitted(g, 'data.aws_vpc.default')).toMatchObject({ reason: 'data-source', provider: 'aws' });
    expect(placement(g, 'aws_security_group.app')).toEqual({});
  });

  it('draws them (and what sits in them) when asked', () => {
    const g = graphOf(withData, { includeData: true });
    expect(res(g, 'data.aws_vpc.default').ccType).toBe('vpc');
    expect(res(g, 'data.aws_vpc.default').name).toBe('data.default');
    expect(placement(g, 'aws_security_group.app')).toEqual({ vpc: 'data.aws_vpc.default' });
    expect(omitted(g, 'data.aws_iam_policy_document.p').reason).toBe('no-component');
  });
});

describe('regions', () => {
  it('uses the resource\'s own evidence, then the common region, then --region, then us-east-1', () => {
    const g = graphOf(state([
      one('aws_sqs_queue', 'arn', { id: 'a', arn: 'arn:aws:sqs:ap-southeast-2:1:a' }),
      one('aws_instance', 'az', { id: 'i', availability_zone: 'ap-southeast-2b' }),
      one('aws_s3_bucket', 'attr', { id: 'b', region: 'eu-central-1' }),
      one('aws_iam_role', 'none', { id: 'r' }),
      one('aws_cloudfront_distribution', 'none', { id: 'E1' }),
    ]), { region: 'eu-west-3' });
    expect(g.resources.map((r) => [r.address, r.region])).toEqual([
      ['aws_sqs_queue.arn', 'ap-southeast-2'], ['aws_instance.az', 'ap-southeast-2'], ['aws_s3_bucket.attr', 'eu-central-1'], ['aws_cloudfront_distribution.none', 'ap-southeast-2'],
    ]);
    expect(graphOf(state([one('aws_sqs_queue', 'q', { id: 'q' })]), { region: 'eu-west-3' }).resources[0]!.region).toBe('eu-west-3');
    expect(graphOf(state([one('aws_sqs_queue', 'q', { id: 'q' })])).resources[0]!.region).toBe('us-east-1');
    expect(graphOf(state([one('azurerm_redis_cache', 'r', { id: 'r', location: 'North Europe' })])).resources[0]!.region).toBe('northeurope');
  });
});

describe('several inputs', () => {
  const network = state([one('aws_vpc', 'main', { id: 'vpc-9' }), one('aws_subnet', 'a', { id: 'subnet-9', vpc_id: 'vpc-9' })]);
  const app = state([one('aws_instance', 'web', { id: 'i-9', subnet_id: 'subnet-9' }), one('aws_vpc', 'main', { id: 'vpc-other' })]);

  it('keeps addresses apart and resolves references across files', () => {
    const g = graphOf([network, app]);
    expect(g.resources.map((r) => r.address)).toEqual(['input0.tfstate#aws_vpc.main', 'input0.tfstate#aws_subnet.a', 'input1.tfstate#aws_instance.web', 'input1.tfstate#aws_vpc.main']);
    expect(placement(g, 'input1.tfstate#aws_instance.web')).toEqual({ vpc: 'input0.tfstate#aws_vpc.main', subnets: ['input0.tfstate#aws_subnet.a'] });
    expect(res(g, 'input1.tfstate#aws_instance.web').group).toBe('input1.tfstate');
  });

  it('converts through the pipeline into one blueprint', async () => {
    const r = await convert([inputFromText(JSON.stringify(network), 'network.tfstate'), inputFromText(JSON.stringify(app), 'app.tfstate')]);
    expect(r.ok).toBe(true);
    expect(r.report!.summary.total).toBe(4);
    expect(r.blueprint!.data.groups.map((o) => o.type).sort()).toEqual(['subnet', 'vpc', 'vpc']);
  });
});

/** Each edge rule: which link resources become which edges, through what. */
import { describe, expect, it } from 'vitest';
import { edgeList, graphOf, omitted, one, res, state, type ResourceSpec } from './helpers.js';

const A = 'arn:aws:lambda:eu-west-1:1:function:fn';
const fn = one('aws_lambda_function', 'fn', { id: 'fn', arn: A, function_name: 'fn', invoke_arn: `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${A}/invocations` });
const queue = one('aws_sqs_queue', 'q', { id: 'https://sqs/q', arn: 'arn:aws:sqs:eu-west-1:1:q', name: 'q' });
const topic = one('aws_sns_topic', 't', { id: 'arn:aws:sns:eu-west-1:1:t', arn: 'arn:aws:sns:eu-west-1:1:t' });
const bucket = one('aws_s3_bucket', 'b', { id: 'bkt', arn: 'arn:aws:s3:::bkt', bucket: 'bkt', bucket_regional_domain_name: 'bkt.s3.eu-west-1.amazonaws.com' });

function edges(resources: ResourceSpec[]): string[] {
  return edgeList(graphOf(state(resources)));
}

describe('edges from link resources', () => {
  it('event source mapping: queue → function (dataflow), also with a qualified ARN', () => {
    expect(edges([fn, queue, one('aws_lambda_event_source_mapping', 'm', { id: 'm', event_source_arn: 'arn:aws:sqs:eu-west-1:1:q', function_name: `${A}:live` })]))
      .toEqual(['aws_sqs_queue.q -> aws_lambda_function.fn (dataflow)']);
  });

  it('SNS subscription: topic → queue and topic → function', () => {
    expect(edges([fn, queue, topic,
      one('aws_sns_topic_subscription', 's1', { id: 's1', topic_arn: 'arn:aws:sns:eu-west-1:1:t', protocol: 'sqs', endpoint: 'arn:aws:sqs:eu-west-1:1:q' }),
      one('aws_sns_topic_subscription', 's2', { id: 's2', topic_arn: 'arn:aws:sns:eu-west-1:1:t', protocol: 'lambda', endpoint: A }),
      one('aws_sns_topic_subscription', 's3', { id: 's3', topic_arn: 'arn:aws:sns:eu-west-1:1:t', protocol: 'https', endpoint: 'https://hooks.example.com' }),
    ])).toEqual([
      'aws_sns_topic.t -> aws_sqs_queue.q (dataflow)',
      'aws_sns_topic.t -> aws_lambda_function.fn (dataflow)',
      'aws_sns_topic.t -> aws_sns_topic_subscription.s3 (dataflow)',
    ]);
  });

  it('bucket notifications: bucket → function, queue and topic (event)', () => {
    const g = graphOf(state([fn, queue, topic, bucket, one('aws_s3_bucket_notification', 'n', {
      id: 'bkt', bucket: 'bkt',
      lambda_function: [{ lambda_function_arn: A }], queue: [{ queue_arn: 'arn:aws:sqs:eu-west-1:1:q' }], topic: [{ topic_arn: 'arn:aws:sns:eu-west-1:1:t' }],
    })]));
    expect(edgeList(g)).toEqual([
      'aws_s3_bucket.b -> aws_lambda_function.fn (event)',
      'aws_s3_bucket.b -> aws_sqs_queue.q (event)',
      'aws_s3_bucket.b -> aws_sns_topic.t (event)',
    ]);
    expect(g.edges[0]!.via).toEqual(['aws_s3_bucket_notification.n']);
  });

  const lb = one('aws_lb', 'alb', { id: 'arn:lb', arn: 'arn:lb', dns_name: 'alb-1.eu-west-1.elb.amazonaws.com' });
  const tg = one('aws_lb_target_group', 'tg', { id: 'arn:tg', arn: 'arn:tg' });
  const web = one('aws_instance', 'web', { id: 'i-1' });

  it('listener → target group → attachment: load balancer → instance (network), through all three', () => {
    const g = graphOf(state([lb, tg, web,
      one('aws_lb_listener', 'l', { id: 'arn:l', arn: 'arn:l', load_balancer_arn: 'arn:lb', default_action: [{ type: 'forward', target_group_arn: 'arn:tg' }] }),
      one('aws_lb_target_group_attachment', 'a', { id: 'att', target_group_arn: 'arn:tg', target_id: 'i-1' }),
    ]));
    expect(edgeList(g)).toEqual(['aws_lb.alb -> aws_instance.web (network)']);
    expect(g.edges[0]!.via).toEqual(['aws_lb_listener.l', 'aws_lb_target_group.tg', 'aws_lb_target_group_attachment.a']);
    expect(omitted(g, 'aws_lb_target_group.tg').reason).toBe('folded');
  });

  it('listener rules with weighted forwards, ASGs, ECS services and Lambda targets', () => {
    expect(edges([lb, tg, fn,
      one('aws_lb_listener', 'l', { id: 'arn:l', arn: 'arn:l', load_balancer_arn: 'arn:lb', default_action: [{ type: 'fixed-response' }] }),
      one('aws_lb_listener_rule', 'r', { id: 'arn:r', listener_arn: 'arn:l', action: [{ type: 'forward', forward: [{ target_group: [{ arn: 'arn:tg', weight: 1 }] }] }] }),
      one('aws_autoscaling_group', 'asg', { id: 'asg', name: 'asg', target_group_arns: ['arn:tg'] }),
      one('aws_ecs_service', 'svc', { id: 'svc', load_balancer: [{ target_group_arn: 'arn:tg' }] }),
      one('aws_lb_target_group_attachment', 'fn', { id: 'att', target_group_arn: 'arn:tg', target_id: A }),
    ])).toEqual([
      'aws_lb.alb -> aws_autoscaling_group.asg (network)',
      'aws_lb.alb -> aws_ecs_service.svc (network)',
      'aws_lb.alb -> aws_lambda_function.fn (network)',
    ]);
  });

  it('target groups that know their load balancers, autoscaling attachments and classic ELBs', () => {
    expect(edges([lb, web, one('aws_lb_target_group', 'tg', { id: 'arn:tg', arn: 'arn:tg', load_balancer_arns: ['arn:lb'] }),
      one('aws_autoscaling_group', 'asg', { id: 'asg', name: 'asg' }),
      one('aws_autoscaling_attachment', 'a', { id: 'x', autoscaling_group_name: 'asg', lb_target_group_arn: 'arn:tg' }),
      one('aws_elb', 'classic', { id: 'classic', name: 'classic', instances: ['i-1'] }),
    ])).toEqual(['aws_elb.classic -> aws_instance.web (network)', 'aws_lb.alb -> aws_autoscaling_group.asg (network)']);
  });

  it('API Gateway integrations: REST by invoke ARN, HTTP API by function ARN and through a VPC link listener', () => {
    expect(edges([fn, lb,
      one('aws_api_gateway_rest_api', 'rest', { id: 'abc123' }),
      one('aws_api_gateway_integration', 'i', { id: 'i', rest_api_id: 'abc123', uri: `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${A}/invocations` }),
      one('aws_apigatewayv2_api', 'http', { id: 'def456' }),
      one('aws_apigatewayv2_integration', 'j', { id: 'j', api_id: 'def456', integration_uri: A }),
      one('aws_lb_listener', 'l', { id: 'arn:l', arn: 'arn:l', load_balancer_arn: 'arn:lb' }),
      one('aws_apigatewayv2_integration', 'k', { id: 'k', api_id: 'def456', integration_uri: 'arn:l' }),
    ])).toEqual([
      'aws_api_gateway_rest_api.rest -> aws_lambda_function.fn (network)',
      'aws_apigatewayv2_api.http -> aws_lambda_function.fn (network)',
      'aws_apigatewayv2_api.http -> aws_lb.alb (network)',
    ]);
  });

  it('CloudFront origins: bucket by regional domain, load balancer by DNS name, API by execute-api host', () => {
    expect(edges([bucket, lb, one('aws_api_gateway_rest_api', 'rest', { id: 'abc123' }),
      one('aws_cloudfront_distribution', 'cdn', { id: 'E1', origin: [
        { domain_name: 'bkt.s3.eu-west-1.amazonaws.com', origin_id: 's3' },
        { domain_name: 'ALB-1.eu-west-1.elb.amazonaws.com', origin_id: 'lb' },
        { domain_name: 'abc123.execute-api.eu-west-1.amazonaws.com', origin_id: 'api' },
        { domain_name: 'example.org', origin_id: 'outside' },
      ] }),
    ])).toEqual([
      'aws_cloudfront_distribution.cdn -> aws_s3_bucket.b (network)',
      'aws_cloudfront_distribution.cdn -> aws_lb.alb (network)',
      'aws_cloudfront_distribution.cdn -> aws_api_gateway_rest_api.rest (network)',
    ]);
  });

  it('EventBridge targets: custom bus → target, through the rule', () => {
    const g = graphOf(state([fn, queue,
      one('aws_cloudwatch_event_bus', 'orders', { id: 'orders', name: 'orders', arn: 'arn:aws:events:eu-west-1:1:event-bus/orders' }),
      one('aws_cloudwatch_event_rule', 'r', { id: 'orders|r', name: 'r', event_bus_name: 'orders', arn: 'arn:aws:events:eu-west-1:1:rule/orders/r' }),
      one('aws_cloudwatch_event_target', 't1', { id: 't1', rule: 'r', event_bus_name: 'orders', arn: A }),
      one('aws_cloudwatch_event_target', 't2', { id: 't2', rule: 'r', event_bus_name: 'orders', arn: 'arn:aws:sqs:eu-west-1:1:q' }),
    ]));
    expect(edgeList(g)).toEqual(['aws_cloudwatch_event_bus.orders -> aws_lambda_function.fn (event)', 'aws_cloudwatch_event_bus.orders -> aws_sqs_queue.q (event)']);
    expect(g.edges[0]!.via).toEqual(['aws_cloudwatch_event_rule.r', 'aws_cloudwatch_event_target.t1']);
  });

  it('Lambda permissions: invoking bucket / API → function (event)', () => {
    expect(edges([fn, bucket, one('aws_apigatewayv2_api', 'http', { id: 'def456', execution_arn: 'arn:aws:execute-api:eu-west-1:1:def456' }),
      one('aws_lambda_permission', 's3', { id: 'p1', function_name: 'fn', principal: 's3.amazonaws.com', source_arn: 'arn:aws:s3:::bkt' }),
      one('aws_lambda_permission', 'api', { id: 'p2', function_name: A, principal: 'apigateway.amazonaws.com', source_arn: 'arn:aws:execute-api:eu-west-1:1:def456/*/*/orders' }),
    ])).toEqual(['aws_s3_bucket.b -> aws_lambda_function.fn (event)', 'aws_apigatewayv2_api.http -> aws_lambda_function.fn (event)']);
  });

  it('Route 53 aliases: zone → load balancer / distribution', () => {
    expect(edges([lb, one('aws_cloudfront_distribution', 'cdn', { id: 'E1', domain_name: 'd111.cloudfront.net' }),
      one('aws_route53_zone', 'z', { id: 'Z1', zone_id: 'Z1' }),
      one('aws_route53_record', 'api', { id: 'r1', zone_id: 'Z1', alias: [{ name: 'dualstack.alb-1.eu-west-1.elb.amazonaws.com.', zone_id: 'ZELB' }] }),
      one('aws_route53_record', 'www', { id: 'r2', zone_id: 'Z1', records: ['d111.cloudfront.net'] }),
    ])).toEqual(['aws_route53_zone.z -> aws_lb.alb (network)', 'aws_route53_zone.z -> aws_cloudfront_distribution.cdn (network)']);
  });

  it('Azure: disk attachments and load balancer backend pools', () => {
    const rg = '/subscriptions/0/resourceGroups/rg/providers';
    expect(edges([
      one('azurerm_network_interface', 'nic', { id: `${rg}/nic` }),
      one('azurerm_linux_virtual_machine', 'vm', { id: `${rg}/vm`, network_interface_ids: [`${rg}/nic`] }),
      one('azurerm_managed_disk', 'd', { id: `${rg}/disk` }),
      one('azurerm_virtual_machine_data_disk_attachment', 'a', { id: 'a', managed_disk_id: `${rg}/DISK`, virtual_machine_id: `${rg}/vm` }),
      one('azurerm_lb', 'lb', { id: `${rg}/lb` }),
      one('azurerm_lb_backend_address_pool', 'p', { id: `${rg}/lb/pool`, loadbalancer_id: `${rg}/lb` }),
      one('azurerm_network_interface_backend_address_pool_association', 'x', { id: 'x', network_interface_id: `${rg}/nic`, backend_address_pool_id: `${rg}/lb/pool` }),
    ])).toEqual(['azurerm_linux_virtual_machine.vm -> azurerm_managed_disk.d (reference)', 'azurerm_lb.lb -> azurerm_linux_virtual_machine.vm (network)']);
  });
});

describe('dependency edges', () => {
  it('draws `dependencies` between drawn resources as dependency edges', () => {
    expect(edges([fn, queue, { type: 'aws_s3_bucket', name: 'b', instances: [{ attributes: { id: 'b' }, dependencies: ['aws_lambda_function.fn', 'aws_sqs_queue.q', 'aws_iam_role.not_drawn'] }] }]))
      .toEqual(['aws_s3_bucket.b -> aws_lambda_function.fn (dependency)', 'aws_s3_bucket.b -> aws_sqs_queue.q (dependency)']);
  });

  it('leaves out dependencies that repeat containment or touch network containers', () => {
    expect(edges([
      one('aws_vpc', 'v', { id: 'vpc-1' }),
      { type: 'aws_subnet', name: 's', instances: [{ attributes: { id: 'subnet-1', vpc_id: 'vpc-1' }, dependencies: ['aws_vpc.v'] }] },
      { type: 'aws_instance', name: 'i', instances: [{ attributes: { id: 'i-1', subnet_id: 'subnet-1' }, dependencies: ['aws_subnet.s', 'aws_vpc.v'] }] },
    ])).toEqual([]);
  });

  it('a semantic edge replaces a dependency between the same pair, in either direction', () => {
    expect(edges([queue, { ...fn, instances: [{ ...fn.instances[0]!, dependencies: ['aws_sqs_queue.q'] }] },
      one('aws_lambda_event_source_mapping', 'm', { id: 'm', event_source_arn: 'arn:aws:sqs:eu-west-1:1:q', function_name: 'fn' })]))
      .toEqual(['aws_sqs_queue.q -> aws_lambda_function.fn (dataflow)']);
  });

  it('picks the instance with the same key, and skips module-wide fan-outs', () => {
    const many = { type: 'aws_sqs_queue', name: 'many', instances: Array.from({ length: 12 }, (_, i) => ({ key: i, attributes: { id: `q${i}` } })) };
    const pairs = { type: 'aws_sqs_queue', name: 'pair', instances: [0, 1].map((i) => ({ key: i, attributes: { id: `p${i}` } })) };
    const g = graphOf(state([many, pairs, { type: 'aws_lambda_function', name: 'w', instances: [0, 1].map((i) => ({ key: i, attributes: { id: `w${i}` }, dependencies: ['aws_sqs_queue.many', 'aws_sqs_queue.pair'] })) }]));
    expect(edgeList(g)).toEqual(['aws_lambda_function.w[0] -> aws_sqs_queue.pair[0] (dependency)', 'aws_lambda_function.w[1] -> aws_sqs_queue.pair[1] (dependency)']);
  });
});

describe('security group rules', () => {
  const vpc = one('aws_vpc', 'v', { id: 'vpc-1' });
  const sgs = ['alb', 'app', 'db'].map((n) => one('aws_security_group', n, {
    id: `sg-${n}`, vpc_id: 'vpc-1',
    ingress: n === 'alb' ? [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: ['::/0'], security_groups: [], self: false, description: 'https' }] : [],
    egress: n === 'alb' ? [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'], security_groups: [], self: false, description: '' }] : [],
  }));
  const members = [
    one('aws_lb', 'alb', { id: 'arn:lb', security_groups: ['sg-alb'] }),
    { type: 'aws_instance', name: 'app', instances: [0, 1].map((i) => ({ key: i, attributes: { id: `i-${i}`, vpc_security_group_ids: ['sg-app'] } })) },
    one('aws_db_instance', 'db', { id: 'db', vpc_security_group_ids: ['sg-db'] }),
  ];
  const rules = [
    one('aws_vpc_security_group_ingress_rule', 'app_from_alb', { id: 'sgr-1', security_group_id: 'sg-app', referenced_security_group_id: 'sg-alb', ip_protocol: 'tcp', from_port: 8080, to_port: 8081, description: 'app' }),
    one('aws_security_group_rule', 'db_from_app', { id: 'r2', type: 'ingress', security_group_id: 'sg-db', source_security_group_id: 'sg-app', protocol: '6', from_port: 5432, to_port: 5432, self: false }),
    one('aws_security_group_rule', 'app_self', { id: 'r3', type: 'ingress', security_group_id: 'sg-app', protocol: 'udp', from_port: 53, to_port: 53, self: true }),
    one('aws_vpc_security_group_egress_rule', 'db_out', { id: 'sgr-4', security_group_id: 'sg-db', ip_protocol: '-1', cidr_ipv4: '10.0.0.0/8' }),
  ];
  const g = graphOf(state([vpc, ...sgs, ...members, ...rules]));
  const id = (a: string) => res(g, a).id;

  it('writes inline blocks and rule resources as Cloudcraft rules', () => {
    expect(res(g, 'aws_security_group.alb').props).toEqual({
      inboundRules: [
        { portRange: '443', protocol: 'tcp', target: '0.0.0.0/0', targetType: 'ip', description: 'https', hidden: false },
        { portRange: '443', protocol: 'tcp', target: '::/0', targetType: 'ip', description: 'https', hidden: false },
      ],
      outboundRules: [{ portRange: '0-65535', protocol: '-1', target: '0.0.0.0/0', targetType: 'ip', description: '', hidden: false }],
    });
    expect(res(g, 'aws_security_group.app').props['inboundRules']).toEqual([
      { portRange: '8080-8081', protocol: 'tcp', target: id('aws_security_group.alb'), targetType: 'sg', description: 'app', hidden: false },
      { portRange: '53', protocol: 'udp', target: id('aws_security_group.app'), targetType: 'sg', description: '', hidden: false },
    ]);
    expect(res(g, 'aws_security_group.db').props).toEqual({
      inboundRules: [{ portRange: '5432', protocol: 'tcp', target: id('aws_security_group.app'), targetType: 'sg', description: '', hidden: false }],
      outboundRules: [{ portRange: '0-65535', protocol: '-1', target: '10.0.0.0/8', targetType: 'ip', description: '', hidden: false }],
    });
  });

  it('draws network edges between the members of the two groups', () => {
    expect(edgeList(g)).toEqual([
      'aws_lb.alb -> aws_instance.app[0] (network)',
      'aws_lb.alb -> aws_instance.app[1] (network)',
      'aws_instance.app[0] -> aws_db_instance.db (network)',
      'aws_instance.app[1] -> aws_db_instance.db (network)',
    ]);
    expect(g.edges[0]!.via).toEqual(['aws_vpc_security_group_ingress_rule.app_from_alb']);
    expect(omitted(g, 'aws_security_group_rule.db_from_app').reason).toBe('folded');
  });
});

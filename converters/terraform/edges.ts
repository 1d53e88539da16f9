/**
 * Edges from the link resources of a state: event source mappings, SNS subscriptions, bucket
 * notifications, load balancer listeners → target groups → targets, API Gateway integrations,
 * CloudFront origins, EventBridge targets, Lambda permissions, Route 53 aliases, and the Azure
 * disk and backend-pool associations. Each rule resolves attribute values (ids, ARNs, names,
 * DNS names) to drawn resources and records the link resources it went through in `via`.
 */
import type { EdgeKind } from '../../src/graph/types.js';
import type { TfInstance } from './model.js';
import { unique, type Resolver } from './resolver.js';
import { str, stringsAt } from './values.js';

export interface EdgeSink {
  resolver: Resolver;
  isDrawn(inst: TfInstance): boolean;
  edge(from: TfInstance, to: TfInstance, kind: EdgeKind, via: readonly TfInstance[]): void;
}

const LAMBDA = ['aws_lambda_function'];
const LBS = ['aws_lb', 'aws_alb'];
const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];
const TGS = ['aws_lb_target_group', 'aws_alb_target_group'];
const APIS = ['aws_api_gateway_rest_api', 'aws_apigatewayv2_api'];
/** Things a DNS name or URL in an origin, alias or integration may name. */
const HOSTS = ['aws_s3_bucket', ...LBS, 'aws_elb', 'aws_cloudfront_distribution', ...APIS];
const EVENT_SOURCES = ['aws_sqs_queue', 'aws_kinesis_stream', 'aws_dynamodb_table', 'aws_msk_cluster', 'aws_mq_broker', 'aws_docdb_cluster'];
const VMS = ['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine'];

function listOf<K, V>(m: Map<K, V[]>, k: K): V[] {
  let list = m.get(k);
  if (!list) m.set(k, (list = []));
  return list;
}

function connect(sink: EdgeSink, from: readonly TfInstance[], to: readonly TfInstance[], kind: EdgeKind, via: readonly TfInstance[]): void {
  for (const f of from) for (const t of to) if (f !== t) sink.edge(f, t, kind, via);
}

/** Lambda functions by name, ARN, qualified ARN or invoke ARN (`…:function:name:alias` too). */
function lambdas(sink: EdgeSink, inst: TfInstance, path: readonly string[]): readonly TfInstance[] {
  const direct = sink.resolver.targets(inst, path, LAMBDA);
  if (direct.length) return direct;
  return unique(stringsAt(inst.values, path).flatMap((v) => {
    const fromInvoke = /functions\/(arn:[^/]+)\/invocations/.exec(v)?.[1] ?? v;
    const unqualified = fromInvoke.split(':').slice(0, 7).join(':');
    return [...sink.resolver.lookup(fromInvoke, LAMBDA), ...sink.resolver.lookup(unqualified, LAMBDA)];
  }));
}

/** A host name or URL → the bucket, load balancer, distribution or API it names. */
function byHost(sink: EdgeSink, value: string): readonly TfInstance[] {
  const host = value.replace(/^[a-z]+:\/\//i, '').replace(/[/:].*$/, '');
  const direct = sink.resolver.lookup(host, HOSTS);
  if (direct.length) return direct;
  const api = /^([a-z0-9]+)\.execute-api\./i.exec(host)?.[1];
  if (api) return sink.resolver.lookup(api, APIS);
  // S3 website endpoints and virtual-hosted names start with the bucket name.
  const bucket = /^(.+?)\.s3[.-]/.exec(host)?.[1];
  return bucket ? sink.resolver.lookup(bucket, ['aws_s3_bucket']) : [];
}

function hosts(sink: EdgeSink, inst: TfInstance, path: readonly string[]): readonly TfInstance[] {
  const values = stringsAt(inst.values, path);
  if (values.length) return unique(values.flatMap((v) => byHost(sink, v)));
  return sink.resolver.targets(inst, path, HOSTS);
}

/** The load balancers behind a listener. */
function listenerLbs(sink: EdgeSink, listener: TfInstance): readonly TfInstance[] {
  return sink.resolver.targets(listener, ['load_balancer_arn'], LBS);
}

/** Target groups: which load balancers send to them and which targets they reach. */
function targetGroupEdges(sink: EdgeSink): void {
  const r = sink.resolver;
  const lbsOf = new Map<TfInstance, { lb: TfInstance; via: readonly TfInstance[] }[]>();
  const targetsOf = new Map<TfInstance, { target: TfInstance; via: readonly TfInstance[] }[]>();
  const addLb = (tg: TfInstance, lb: TfInstance, via: readonly TfInstance[]) => listOf(lbsOf, tg).push({ lb, via });
  const addTarget = (tg: TfInstance, target: TfInstance, via: readonly TfInstance[]) => listOf(targetsOf, tg).push({ target, via });
  const forwardTgs = (inst: TfInstance, block: string) => unique([
    ...r.targets(inst, [block, 'target_group_arn'], TGS),
    ...r.targets(inst, [block, 'forward', 'target_group', 'arn'], TGS),
  ]);
  for (const inst of r.all()) {
    switch (inst.type) {
      case 'aws_lb_listener': case 'aws_alb_listener':
        for (const tg of forwardTgs(inst, 'default_action')) for (const lb of listenerLbs(sink, inst)) addLb(tg, lb, [inst]);
        break;
      case 'aws_lb_listener_rule': case 'aws_alb_listener_rule':
        for (const listener of r.targets(inst, ['listener_arn'], LISTENERS)) {
          for (const tg of forwardTgs(inst, 'action')) for (const lb of listenerLbs(sink, listener)) addLb(tg, lb, [listener, inst]);
        }
        break;
      case 'aws_lb_target_group': case 'aws_alb_target_group':
        for (const lb of r.targets(inst, ['load_balancer_arns'], LBS)) addLb(inst, lb, []);
        break;
      case 'aws_lb_target_group_attachment': case 'aws_alb_target_group_attachment':
        for (const tg of r.targets(inst, ['target_group_arn'], TGS)) {
          for (const t of [...r.targets(inst, ['target_id'], ['aws_instance', 'aws_spot_instance_request']), ...lambdas(sink, inst, ['target_id'])]) addTarget(tg, t, [inst]);
        }
        break;
      case 'aws_autoscaling_attachment': {
        const asgs = r.targets(inst, ['autoscaling_group_name'], ['aws_autoscaling_group']);
        for (const tg of [...r.targets(inst, ['lb_target_group_arn'], TGS), ...r.targets(inst, ['alb_target_group_arn'], TGS)]) for (const a of asgs) addTarget(tg, a, [inst]);
        connect(sink, r.targets(inst, ['elb'], ['aws_elb']), asgs, 'network', [inst]);
        break;
      }
      case 'aws_autoscaling_group':
        for (const tg of r.targets(inst, ['target_group_arns'], TGS)) addTarget(tg, inst, []);
        connect(sink, r.targets(inst, ['load_balancers'], ['aws_elb']), [inst], 'network', []);
        break;
      case 'aws_ecs_service':
        for (const tg of r.targets(inst, ['load_balancer', 'target_group_arn'], TGS)) addTarget(tg, inst, []);
        connect(sink, r.targets(inst, ['load_balancer', 'elb_name'], ['aws_elb']), [inst], 'network', []);
        break;
      case 'aws_elb':
        connect(sink, [inst], r.targets(inst, ['instances'], ['aws_instance']), 'network', []);
        break;
      case 'aws_elb_attachment':
        connect(sink, r.targets(inst, ['elb'], ['aws_elb']), r.targets(inst, ['instance'], ['aws_instance']), 'network', [inst]);
        break;
    }
  }
  for (const [tg, lbs] of lbsOf) {
    for (const { lb, via } of lbs) for (const { target, via: tvia } of targetsOf.get(tg) ?? []) sink.edge(lb, target, 'network', [...via, tg, ...tvia]);
  }
}

type Rule = (inst: TfInstance, sink: EdgeSink) => void;

const RULES: Record<string, Rule> = {
  aws_lambda_event_source_mapping: (inst, sink) =>
    connect(sink, sink.resolver.targets(inst, ['event_source_arn'], EVENT_SOURCES), lambdas(sink, inst, ['function_name']), 'dataflow', [inst]),
  aws_sns_topic_subscription: (inst, sink) => {
    const topics = sink.resolver.targets(inst, ['topic_arn'], ['aws_sns_topic']);
    if (sink.isDrawn(inst)) return connect(sink, topics, [inst], 'dataflow', []);
    const targets = unique([...sink.resolver.targets(inst, ['endpoint'], ['aws_sqs_queue', 'aws_kinesis_firehose_delivery_stream']), ...lambdas(sink, inst, ['endpoint'])]);
    connect(sink, topics, targets, 'dataflow', [inst]);
  },
  aws_s3_bucket_notification: (inst, sink) => {
    const buckets = sink.resolver.targets(inst, ['bucket'], ['aws_s3_bucket']);
    connect(sink, buckets, lambdas(sink, inst, ['lambda_function', 'lambda_function_arn']), 'event', [inst]);
    connect(sink, buckets, sink.resolver.targets(inst, ['queue', 'queue_arn'], ['aws_sqs_queue']), 'event', [inst]);
    connect(sink, buckets, sink.resolver.targets(inst, ['topic', 'topic_arn'], ['aws_sns_topic']), 'event', [inst]);
  },
  aws_api_gateway_integration: (inst, sink) => {
    const apis = sink.resolver.targets(inst, ['rest_api_id'], ['aws_api_gateway_rest_api']);
    connect(sink, apis, backends(sink, inst, 'uri'), 'network', [inst]);
  },
  aws_apigatewayv2_integration: (inst, sink) => {
    const apis = sink.resolver.targets(inst, ['api_id'], ['aws_apigatewayv2_api']);
    connect(sink, apis, backends(sink, inst, 'integration_uri'), 'network', [inst]);
  },
  aws_cloudfront_distribution: (inst, sink) => connect(sink, [inst], hosts(sink, inst, ['origin', 'domain_name']), 'network', []),
  aws_cloudwatch_event_target: (inst, sink) => {
    const r = sink.resolver;
    const rules = r.targets(inst, ['rule'], ['aws_cloudwatch_event_rule']);
    const buses = unique([...r.targets(inst, ['event_bus_name'], ['aws_cloudwatch_event_bus']), ...rules.flatMap((rule) => r.targets(rule, ['event_bus_name'], ['aws_cloudwatch_event_bus']))]);
    const targets = unique([...r.targets(inst, ['arn']), ...lambdas(sink, inst, ['arn'])]).filter((t) => t.type !== 'aws_cloudwatch_event_rule');
    connect(sink, buses, targets, 'event', [...rules, inst]);
  },
  aws_lambda_permission: (inst, sink) => {
    const r = sink.resolver;
    const functions = lambdas(sink, inst, ['function_name']);
    let sources = r.targets(inst, ['source_arn']);
    if (!sources.length) {
      // `arn:aws:execute-api:region:account:api-id/stage/method/path` → the API's execution ARN.
      sources = unique(stringsAt(inst.values, ['source_arn']).flatMap((arn) => r.lookup(arn.split('/')[0]!)));
    }
    // A rule is not drawn: its bus is the visible source.
    sources = unique(sources.flatMap((s) => (s.type === 'aws_cloudwatch_event_rule' ? r.targets(s, ['event_bus_name'], ['aws_cloudwatch_event_bus']) : [s])));
    connect(sink, sources, functions, 'event', [inst]);
  },
  aws_route53_record: (inst, sink) => {
    const zones = sink.resolver.targets(inst, ['zone_id'], ['aws_route53_zone']);
    const targets = unique([...hosts(sink, inst, ['alias', 'name']), ...stringsAt(inst.values, ['records']).flatMap((v) => byHost(sink, v))]);
    connect(sink, zones, targets, 'network', [inst]);
  },
  azurerm_virtual_machine_data_disk_attachment: (inst, sink) =>
    connect(sink, sink.resolver.targets(inst, ['virtual_machine_id'], VMS), sink.resolver.targets(inst, ['managed_disk_id'], ['azurerm_managed_disk']), 'reference', [inst]),
  azurerm_virtual_machine: (inst, sink) =>
    connect(sink, [inst], sink.resolver.targets(inst, ['storage_data_disk', 'managed_disk_id'], ['azurerm_managed_disk']), 'reference', []),
  azurerm_network_interface_backend_address_pool_association: (inst, sink) => {
    const r = sink.resolver;
    const pools = r.targets(inst, ['backend_address_pool_id'], ['azurerm_lb_backend_address_pool']);
    const lbs = unique(pools.flatMap((p) => r.targets(p, ['loadbalancer_id'], ['azurerm_lb'])));
    const vms = unique(r.targets(inst, ['network_interface_id'], ['azurerm_network_interface']).flatMap((nic) => vmsByNic(r).get(nic) ?? []));
    connect(sink, lbs, vms, 'network', [...pools, inst]);
  },
};

const nicIndex = new WeakMap<Resolver, Map<TfInstance, TfInstance[]>>();

/** Virtual machines by the network interfaces they list (built once per run). */
function vmsByNic(r: Resolver): Map<TfInstance, TfInstance[]> {
  let index = nicIndex.get(r);
  if (!index) {
    index = new Map();
    for (const vm of r.all()) {
      if (!VMS.includes(vm.type)) continue;
      for (const nic of r.targets(vm, ['network_interface_ids'], ['azurerm_network_interface'])) listOf(index, nic).push(vm);
    }
    nicIndex.set(r, index);
  }
  return index;
}

/** What an API Gateway integration calls: a function, a load balancer (through a listener) or a host. */
function backends(sink: EdgeSink, inst: TfInstance, attr: string): readonly TfInstance[] {
  const found = lambdas(sink, inst, [attr]);
  if (found.length) return found;
  const listeners = sink.resolver.targets(inst, [attr], LISTENERS);
  if (listeners.length) return unique(listeners.flatMap((l) => listenerLbs(sink, l)));
  const uri = str(inst.values[attr]);
  return uri && /^https?:\/\//.test(uri) ? byHost(sink, uri) : [];
}

export function linkEdges(sink: EdgeSink): void {
  for (const inst of sink.resolver.all()) RULES[inst.type]?.(inst, sink);
  targetGroupEdges(sink);
}

/**
 * Finds the instances an attribute points at. States hold concrete ids, ARNs, names and DNS
 * names (`subnet_id = "subnet-0ab…"`), so each instance is indexed under the few attributes that
 * identify it. Plans may not know them yet; then the configuration's references are followed.
 * The index spans every input, so a network state and an application state link up.
 */
import { expressionsAt, followsOwnKey, refsOfDeep } from './plan-config.js';
import type { TfInstance } from './model.js';
import { str, valuesAt, type Values } from './values.js';

/** Attributes besides `id` and `arn` by which other resources refer to an instance of a type. */
const IDENTITY_FIELDS: Record<string, readonly string[]> = {
  aws_s3_bucket: ['bucket', 'bucket_regional_domain_name', 'bucket_domain_name', 'website_endpoint'],
  aws_lambda_function: ['function_name', 'qualified_arn', 'invoke_arn', 'qualified_invoke_arn'],
  aws_lb: ['dns_name', 'name'], aws_alb: ['dns_name', 'name'], aws_elb: ['dns_name', 'name'],
  aws_lb_target_group: ['name'], aws_alb_target_group: ['name'],
  aws_lb_listener: [], aws_alb_listener: [],
  aws_db_subnet_group: ['name'], aws_elasticache_subnet_group: ['name'], aws_redshift_subnet_group: ['name'],
  aws_neptune_subnet_group: ['name'], aws_docdb_subnet_group: ['name'],
  aws_launch_template: ['name'], aws_launch_configuration: ['name'], aws_autoscaling_group: ['name'],
  aws_cloudwatch_event_rule: ['name'], aws_cloudwatch_event_bus: ['name'],
  aws_ecs_cluster: ['name'], aws_ecs_task_definition: ['family', 'arn_without_revision'],
  aws_sqs_queue: ['url', 'name'], aws_sns_topic: ['name'], aws_kinesis_stream: ['name'],
  aws_dynamodb_table: ['name', 'stream_arn'],
  aws_api_gateway_rest_api: ['execution_arn'], aws_apigatewayv2_api: ['execution_arn', 'api_endpoint'],
  aws_cloudfront_distribution: ['domain_name'],
  aws_security_group: ['name'], aws_default_security_group: ['name'],
  aws_db_instance: ['identifier', 'address'], aws_rds_cluster: ['cluster_identifier', 'endpoint'],
  aws_docdb_cluster: ['cluster_identifier'], aws_neptune_cluster: ['cluster_identifier'],
  aws_eks_cluster: ['name'], aws_route53_zone: ['zone_id'],
  aws_elasticache_replication_group: ['replication_group_id'], aws_elasticache_cluster: ['cluster_id'],
};

/** Azure resources are referred to by ARM id (case-insensitive) and, in older modules, by name. */
const AZURE_NAME_TYPES = new Set([
  'azurerm_resource_group', 'azurerm_virtual_network', 'azurerm_storage_account', 'azurerm_servicebus_namespace',
  'azurerm_service_plan', 'azurerm_app_service_plan', 'azurerm_network_interface', 'azurerm_kubernetes_cluster',
]);

const fieldsByType = new Map<string, readonly string[]>();

function identityFields(type: string): readonly string[] {
  let fields = fieldsByType.get(type);
  if (!fields) {
    fields = ['id', 'arn', ...(IDENTITY_FIELDS[type] ?? []), ...(AZURE_NAME_TYPES.has(type) ? ['name'] : [])];
    fieldsByType.set(type, fields);
  }
  return fields;
}

/** Answers are shared, read-only lists: copy before changing one. */
export interface Resolver {
  /** Instances identified by a value (id, ARN, name, DNS name), optionally of given types. */
  lookup(value: string, types?: readonly string[]): readonly TfInstance[];
  /** Instances an attribute of `inst` points at: by value, or through plan configuration references. */
  targets(inst: TfInstance, path: readonly string[], types?: readonly string[]): readonly TfInstance[];
  /** Instances of a dependency address (instance, resource or configuration address). */
  byAddress(address: string, from?: TfInstance): readonly TfInstance[];
  /** Plans: every instance the configuration of `inst` refers to (its implicit dependencies). */
  configReferences(inst: TfInstance): readonly TfInstance[];
  all(): readonly TfInstance[];
}

const NONE: readonly TfInstance[] = Object.freeze([]);

function normalizeKey(value: string): string {
  let v = value.toLowerCase();
  if (v.endsWith('.')) v = v.slice(0, -1);
  if (v.startsWith('dualstack.')) v = v.slice('dualstack.'.length);
  return v;
}

export function buildResolver(instances: readonly TfInstance[]): Resolver {
  const exact = new Map<string, TfInstance[]>();
  const folded = new Map<string, TfInstance[]>();
  const byInstance = new Map<string, TfInstance[]>();
  const byResource = new Map<string, TfInstance[]>();
  const byConfig = new Map<string, TfInstance[]>();
  const push = (m: Map<string, TfInstance[]>, k: string, inst: TfInstance) => {
    const list = m.get(k);
    if (!list) m.set(k, [inst]);
    else if (list[list.length - 1] !== inst) list.push(inst);
  };

  for (const inst of instances) {
    push(byInstance, inst.address, inst);
    push(byResource, inst.resourceAddress, inst);
    push(byConfig, inst.configAddress, inst);
    const v = inst.values;
    const azure = inst.type.startsWith('azurerm_');
    for (const f of identityFields(inst.type)) {
      const s = str(v[f]);
      if (!s) continue;
      push(exact, s, inst);
      // DNS names and Azure ids compare case-insensitively.
      if (azure || f.includes('domain') || f === 'dns_name' || f === 'api_endpoint') push(folded, normalizeKey(s), inst);
    }
  }

  const filter = (list: readonly TfInstance[] | undefined, types?: readonly string[]): readonly TfInstance[] => {
    if (!list) return NONE;
    // The common case, one instance per identifying value: no copies.
    if (list.length === 1) return !types || types.includes(list[0]!.type) ? list : NONE;
    const typed = types ? list.filter((i) => types.includes(i.type)) : [...list];
    // The managed resource wins over a data source that reads the same object.
    const managed = typed.filter((i) => i.mode === 'managed');
    return managed.length ? managed : typed;
  };

  const lookup = (value: string, types?: readonly string[]): readonly TfInstance[] => {
    const hit = filter(exact.get(value), types);
    if (hit.length) return hit;
    return filter(folded.get(normalizeKey(value)), types);
  };

  const nearest = (from: TfInstance | undefined, list: readonly TfInstance[]): readonly TfInstance[] => {
    if (!from || list.length <= 1) return list;
    let best = -1;
    let out: TfInstance[] = [];
    for (const cand of list) {
      const score = sharedModulePrefix(from, cand);
      if (score > best) {
        best = score;
        out = [cand];
      } else if (score === best) out.push(cand);
    }
    return out;
  };

  const byAddress = (address: string, from?: TfInstance): readonly TfInstance[] =>
    byInstance.get(address) ?? byResource.get(address) ?? nearest(from, byConfig.get(address) ?? NONE);

  const viaConfig = (inst: TfInstance, path: readonly string[], types?: readonly string[]): readonly TfInstance[] => {
    if (!inst.config || !inst.planConfig) return NONE;
    const out: TfInstance[] = [];
    for (const expr of expressionsAt(inst.config.expressions, path)) {
      const ownKey = followsOwnKey(expr);
      for (const t of inst.planConfig.resolve(inst.config.modulePath, refsOfDeep(expr))) {
        let list = nearest(inst, filter(byConfig.get(t.configAddress), types));
        if (t.key !== undefined) list = list.filter((c) => c.key === t.key);
        else if (ownKey && inst.key !== undefined) {
          const same = list.filter((c) => c.key === inst.key);
          if (same.length) list = same;
        }
        out.push(...list);
      }
    }
    return unique(out);
  };

  return {
    lookup,
    byAddress,
    configReferences: (inst) => viaConfig(inst, []),
    all: () => instances,
    targets(inst, path, types) {
      const raw = valuesAt(inst.values as Values, path);
      if (raw.length === 1 && typeof raw[0] === 'string') return raw[0] ? lookup(raw[0], types) : viaConfig(inst, path, types);
      const strings: string[] = [];
      for (const v of raw) {
        if (typeof v === 'string' && v) strings.push(v);
        else if (Array.isArray(v)) for (const s of v) if (typeof s === 'string' && s) strings.push(s);
      }
      if (strings.length === 1) return lookup(strings[0]!, types);
      if (strings.length) return unique(strings.flatMap((s) => lookup(s, types)));
      return viaConfig(inst, path, types);
    },
  };
}

function sharedModulePrefix(a: TfInstance, b: TfInstance): number {
  let n = 0;
  while (n < a.modules.length && n < b.modules.length && a.modules[n]!.name === b.modules[n]!.name && a.modules[n]!.key === b.modules[n]!.key) n++;
  return n;
}

export function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

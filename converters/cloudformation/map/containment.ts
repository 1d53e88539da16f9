/**
 * Where each drawn resource sits: VPC, subnets, security groups, ASG, parent (ECS). Direct
 * properties first (VpcId, SubnetIds, VpcConfig, NetworkConfiguration, …), then the indirect
 * ones (DB subnet groups, a cluster's network, launch templates, EFS mount targets, gateway
 * attachments). Only references to resources of the right type count.
 */
import type { Containment } from '../../../src/graph/types.js';
import { isPlainObject } from '../load/template.js';
import type { Value } from '../eval/values.js';
import type { Entries, Entry } from './entries.js';
import { clusterMembers } from './fields.js';
import { get, refsOf, str } from './read.js';
import { spreadOver } from './spread.js';

const VPC_PATHS = ['VpcId', 'VPCId', 'VpcConfig.VpcId'];
const SUBNET_PATHS = [
  'SubnetId', 'SubnetIds', 'Subnets', 'VPCZoneIdentifier', 'SubnetMappings[].SubnetId', 'NetworkInterfaces[].SubnetId',
  'VpcConfig.SubnetIds', 'ResourcesVpcConfig.SubnetIds', 'NetworkConfiguration.AwsvpcConfiguration.Subnets',
  'VPCOptions.SubnetIds', 'VpcSettings.SubnetIds', 'LaunchTemplateData.NetworkInterfaces[].SubnetId',
];
const SG_PATHS = [
  'SecurityGroupIds', 'SecurityGroups', 'VpcSecurityGroupIds', 'VPCSecurityGroups', 'NetworkInterfaces[].GroupSet',
  'VpcConfig.SecurityGroupIds', 'ResourcesVpcConfig.SecurityGroupIds', 'NetworkConfiguration.AwsvpcConfiguration.SecurityGroups',
  'VPCOptions.SecurityGroupIds', 'LaunchTemplateData.SecurityGroupIds', 'LaunchTemplateData.SecurityGroups',
  'LaunchTemplateData.NetworkInterfaces[].Groups',
];
/** Properties naming a subnet group whose SubnetIds place the resource. */
const SUBNET_GROUP_PATHS = ['DBSubnetGroupName', 'CacheSubnetGroupName', 'ClusterSubnetGroupName'];

interface Step {
  key: string;
  many: boolean;
}

/** Paths are parsed once: `SubnetMappings[].SubnetId` → two steps, the first stepping into lists. */
const compiled = new Map<string, Step[]>();
function stepsOf(path: string): Step[] {
  let steps = compiled.get(path);
  if (!steps) {
    steps = path.split('.').map((part) => (part.endsWith('[]') ? { key: part.slice(0, -2), many: true } : { key: part, many: false }));
    compiled.set(path, steps);
  }
  return steps;
}

function visitAt(v: Value, steps: Step[], i: number, visit: (x: Value) => void): void {
  if (i === steps.length) {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else visit(v);
    return;
  }
  if (!isPlainObject(v)) return;
  const step = steps[i]!;
  const x = v[step.key];
  if (x === undefined) return;
  if (!step.many) visitAt(x, steps, i + 1, visit);
  else if (Array.isArray(x)) for (const item of x) visitAt(item, steps, i + 1, visit);
}

/** Values at a path; `[]` steps into every list item; a list at the end is flattened. */
export function valuesAt(v: Value, path: string): Value[] {
  const out: Value[] = [];
  visitAt(v, stepsOf(path), 0, (x) => out.push(x));
  return out;
}

/** Entries referenced at any of the paths, of one CloudFormation type. */
export function entriesAt(entries: Entries, e: Entry, paths: readonly string[], type?: string, props: Value = e.props): Entry[] {
  const out: Entry[] = [];
  const visit = (v: Value) => {
    for (const r of refsOf(v)) {
      const target = entries.of(r);
      if (target && (!type || target.type === type) && !out.includes(target)) out.push(target);
    }
  };
  for (const p of paths) visitAt(props, stepsOf(p), 0, visit);
  return out;
}

const ids = (list: Entry[]) => list.map((x) => x.id);

/** Instances that run in one zone of their subnet group, and the property that may pin it. */
const ONE_ZONE: Record<string, string> = {
  'AWS::RDS::DBInstance': 'AvailabilityZone',
  'AWS::DocDB::DBInstance': 'AvailabilityZone',
  'AWS::Neptune::DBInstance': 'AvailabilityZone',
  'AWS::ElastiCache::CacheCluster': 'PreferredAvailabilityZone',
};

const zoneOf = (subnet: Entry) => str(subnet.props, 'AvailabilityZone') ?? str(subnet.props, 'AvailabilityZoneId');

/**
 * A database instance runs in one zone of its subnet group: the zone it names, else (for the
 * instances of a cluster) the zones in turn, as RDS spreads a cluster's instances. Others keep
 * every subnet of the group (a Multi-AZ instance, a standalone one whose zone RDS picks).
 */
function oneZone(e: Entry, entries: Entries, subnets: Entry[]): Entry[] {
  const key = ONE_ZONE[e.type];
  if (!key || subnets.length < 2) return subnets;
  const zone = str(e.props, key);
  if (zone !== undefined) {
    const inZone = subnets.filter((s) => zoneOf(s) === zone);
    return inZone.length ? inZone : subnets;
  }
  const cluster = entries.of(get(e.props, 'DBClusterIdentifier'));
  if (!cluster) return subnets;
  const byId = new Map(subnets.map((s) => [s.id, s]));
  const at = spreadOver(ids(subnets), (id) => zoneOf(byId.get(id)!))(clusterMembers(cluster, entries).indexOf(e));
  return subnets.filter((s) => s.id === at);
}

/** Other resources whose network settings a resource takes on. */
function networkSources(e: Entry, entries: Entries): Entry[] {
  const sources: Entry[] = [];
  const cluster = entries.of(get(e.props, 'DBClusterIdentifier'));
  if (cluster) sources.push(cluster);
  const lt = [...entriesAt(entries, e, ['LaunchTemplate.LaunchTemplateId', 'LaunchTemplate.LaunchTemplateName', 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateId', 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateName'], 'AWS::EC2::LaunchTemplate')];
  sources.push(...lt, ...entriesAt(entries, e, ['LaunchConfigurationName'], 'AWS::AutoScaling::LaunchConfiguration'));
  return sources;
}

export function containmentOf(e: Entry, entries: Entries): Containment {
  const subnets: Entry[] = [];
  const sgs: Entry[] = [];
  let vpcs: Entry[] = [];
  const add = (list: Entry[], items: Entry[]) => { for (const i of items) if (!list.includes(i)) list.push(i); };
  const collect = (src: Entry) => {
    add(subnets, entriesAt(entries, e, SUBNET_PATHS, 'AWS::EC2::Subnet', src.props));
    add(sgs, entriesAt(entries, e, SG_PATHS, 'AWS::EC2::SecurityGroup', src.props));
    if (!vpcs.length) vpcs = entriesAt(entries, e, VPC_PATHS, 'AWS::EC2::VPC', src.props);
    for (const group of entriesAt(entries, e, SUBNET_GROUP_PATHS, undefined, src.props)) {
      add(subnets, entriesAt(entries, group, ['SubnetIds'], 'AWS::EC2::Subnet'));
    }
  };
  collect(e);
  for (const src of networkSources(e, entries)) collect(src);
  // EFS: mount targets place the file system in their subnets and groups.
  if (e.type === 'AWS::EFS::FileSystem') {
    for (const mt of entries.referrers(e, { path: 'FileSystemId', types: ['AWS::EFS::MountTarget'] })) collect(mt);
  }
  // Internet / VPN gateways: the VPC they are attached to.
  if (e.type === 'AWS::EC2::InternetGateway' || e.type === 'AWS::EC2::VPNGateway') {
    for (const att of entries.referrers(e, { types: ['AWS::EC2::VPCGatewayAttachment'] })) {
      if (!vpcs.length) vpcs = entriesAt(entries, att, ['VpcId'], 'AWS::EC2::VPC');
    }
  }
  const c: Containment = {};
  let vpc = vpcs[0];
  // A resource known only by its security groups sits in their VPC.
  if (!vpc && !subnets.length && sgs.length) vpc = entriesAt(entries, sgs[0]!, ['VpcId'], 'AWS::EC2::VPC')[0];
  if (vpc) c.vpc = vpc.id;
  if (subnets.length) c.subnets = ids(oneZone(e, entries, subnets));
  if (sgs.length) c.securityGroups = ids(sgs);
  if (e.type === 'AWS::EC2::Subnet') {
    const zone = str(e.props, 'AvailabilityZone') ?? str(e.props, 'AvailabilityZoneId');
    if (zone) c.zone = zone;
  }
  if (e.type === 'AWS::ECS::Service') {
    const cluster = entries.of(get(e.props, 'Cluster'));
    if (cluster && entries.drawnAs(cluster)) c.parent = cluster.id;
  }
  if (e.type === 'AWS::ECS::TaskDefinition') {
    const service = entries.referrers(e, { path: 'TaskDefinition', types: ['AWS::ECS::Service'] }).find((s) => entries.drawnAs(s));
    if (service) c.parent = service.id;
  }
  return c;
}

/**
 * Resources the template implies but does not declare: SAM's implicit APIs, the region's
 * EventBridge default bus (the source of schedules and rules without a bus), the instances an
 * Auto Scaling group or EKS node group runs, and the nodes of an ElastiCache replication group.
 * They carry `meta.synthetic` so reports and tests can tell them from declared resources.
 */
import { sanitizeProps } from '../../../src/catalog/index.js';
import type { GraphBuilder } from '../../../src/graph/builder.js';
import type { Resource } from '../../../src/graph/types.js';
import { resourceId } from '../../../src/ids.js';
import { partitionOf } from '../eval/pseudo.js';
import { IMPLICIT_REST_API } from '../stack/sam.js';
import type { Stack } from '../stack/stack.js';
import type { Endpoint } from './edges.js';
import { spreadOver } from './spread.js';
import type { Entries, Entry } from './entries.js';
import { nameTagOf, physicalProperty } from './identity.js';
import { dnsName, get, list, num, splitInstanceClass, str } from './read.js';

/** Most instances drawn for one group: enough to show it scales, not a wall of boxes. */
export const MAX_DRAWN_MEMBERS = 4;

export function syntheticFor(b: GraphBuilder) {
  return {
    implicitApi(stack: Stack, name: string): Endpoint {
      const address = `${stack.path}/${name}`;
      const id = resourceId(address);
      if (!b.get(id)) {
        const rest = name === IMPLICIT_REST_API;
        b.add({
          address, provider: 'aws', sourceType: rest ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi', ccType: 'apigateway', name,
          props: { apiType: rest ? 'rest' : 'http' }, region: stack.region, location: { file: stack.file }, group: stack.name,
          meta: { synthetic: `implicit API SAM creates for Api events without ${rest ? 'RestApiId' : 'ApiId'}` },
        });
      }
      return { id };
    },
    /** A hosted zone records name but no input declares (`HostedZoneName: example.org.`). */
    hostedZone(stack: Stack, zone: { name: string } | { id: string }): Endpoint {
      const label = 'name' in zone ? dnsName(zone.name) : zone.id.trim().replace(/^\/?hostedzone\//, '');
      const address = `aws/route53/${label}`;
      const id = resourceId(address);
      if (!b.get(id)) {
        b.add({
          address, provider: 'aws', sourceType: 'AWS::Route53::HostedZone', ccType: 'r53', name: label, props: {}, region: stack.region, group: stack.name,
          meta: { synthetic: 'hosted zone the records use, declared outside the inputs', ...('name' in zone ? { names: [label] } : { physicalId: label }) },
        });
      }
      return { id };
    },
    defaultBus(stack: Stack): Endpoint {
      const address = `aws/${stack.region}/default-event-bus`;
      const id = resourceId(address);
      if (!b.get(id)) {
        b.add({
          address, provider: 'aws', sourceType: 'AWS::Events::EventBus', ccType: 'eventbus', name: 'default event bus',
          props: { eventBusType: 'default' }, region: stack.region, group: stack.name,
          meta: {
            synthetic: 'EventBridge default bus: source of schedules and rules without an EventBusName', names: ['default'],
            ...(stack.accountId && stack.regionGiven ? { arn: `arn:${partitionOf(stack.region)}:events:${stack.region}:${stack.accountId}:event-bus/default` } : {}),
          },
        });
      }
      return { id };
    },
  };
}

/** Instance type and count of the instances an ASG or EKS node group runs. */
function groupMembers(e: Entry, entries: Entries): { count: number; instanceType?: string } {
  if (e.type === 'AWS::EKS::Nodegroup') {
    const t = list(e.props, 'InstanceTypes')[0];
    return { count: num(e.props, 'ScalingConfig.DesiredSize') ?? num(e.props, 'ScalingConfig.MinSize') ?? 1, ...(typeof t === 'string' ? { instanceType: t } : {}) };
  }
  const lt = launchTemplateOf(e, entries);
  const lc = entries.of(get(e.props, 'LaunchConfigurationName'));
  const override = list(e.props, 'MixedInstancesPolicy.LaunchTemplate.Overrides')[0];
  const instanceType = str(override, 'InstanceType') ?? (lt ? str(lt.props, 'LaunchTemplateData.InstanceType') : undefined) ?? (lc ? str(lc.props, 'InstanceType') : undefined);
  return { count: num(e.props, 'DesiredCapacity') ?? num(e.props, 'MinSize') ?? 1, ...(instanceType ? { instanceType } : {}) };
}

function launchTemplateOf(e: Entry, entries: Entries): Entry | undefined {
  return entries.of(get(e.props, 'LaunchTemplate.LaunchTemplateId') ?? get(e.props, 'LaunchTemplate.LaunchTemplateName')
    ?? get(e.props, 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateId'));
}

/**
 * The `Name` the group's instances carry: an ASG tag with PropagateAtLaunch, else the launch
 * template's instance tag. Recorded as a physical name, so `diff` can match live instances.
 */
function memberName(e: Entry, entries: Entries): string | undefined {
  if (e.type !== 'AWS::AutoScaling::AutoScalingGroup') return undefined;
  const propagated = nameTagOf(physicalProperty(e, 'Tags'), true);
  if (propagated) return propagated;
  const lt = launchTemplateOf(e, entries);
  const specs = lt ? list(physicalProperty(lt, 'LaunchTemplateData'), 'TagSpecifications') : [];
  return nameTagOf(get(specs.find((s) => str(s, 'ResourceType') === 'instance'), 'Tags'));
}

function copyOf(r: Resource, address: string, name: string, extra: Partial<Resource>): Parameters<GraphBuilder['add']>[0] {
  return {
    address, provider: r.provider, sourceType: r.sourceType, ccType: r.ccType, name, props: { ...r.props },
    ...(r.region ? { region: r.region } : {}), ...(r.location ? { location: r.location } : {}), ...(r.group ? { group: r.group } : {}),
    in: { ...r.in }, ...extra,
  };
}

/** Members drawn for `count` instances: at least one, at most MAX_DRAWN_MEMBERS. */
function drawnCount(count: number): number {
  return Math.max(1, Math.min(MAX_DRAWN_MEMBERS, Math.round(count)));
}

/** Draws the instances inside each ASG / node group and the extra nodes of replication groups. */
export function expandMultiples(b: GraphBuilder, entries: Entries): void {
  const zoneOf = (subnet: string) => b.get(subnet)?.in.zone;
  for (const e of entries.list) {
    if (e.fate?.kind !== 'draw') continue;
    const r = b.get(e.id);
    if (!r) continue;
    const spread = spreadOver(r.in.subnets ?? [], zoneOf);
    if (r.ccType === 'asg') {
      const { count, instanceType } = groupMembers(e, entries);
      const split = splitInstanceClass(instanceType);
      const props = sanitizeProps('ec2', split ? { instanceType: split.type, instanceSize: split.size } : {}).props;
      const physical = memberName(e, entries);
      for (let i = 1; i <= drawnCount(count); i++) {
        const subnet = spread(i - 1);
        b.add({
          address: `${e.address}/instance-${i}`, provider: 'aws', sourceType: 'AWS::EC2::Instance', ccType: 'ec2', name: `${e.name} ${i}`, props,
          ...(r.region ? { region: r.region } : {}), ...(r.location ? { location: r.location } : {}), ...(r.group ? { group: r.group } : {}),
          in: { asg: r.id, ...(subnet ? { subnets: [subnet] } : {}) },
          meta: { synthetic: `instance ${i} of ${count} the group runs`, of: e.address, ...(physical ? { names: [physical] } : {}) },
        });
      }
    }
    if (e.type === 'AWS::ElastiCache::ReplicationGroup') {
      const groups = num(e.props, 'NumNodeGroups') ?? 1;
      const count = num(e.props, 'NumCacheClusters') ?? groups * ((num(e.props, 'ReplicasPerNodeGroup') ?? 0) + 1);
      for (let i = 2; i <= drawnCount(count); i++) {
        // Nodes spread over the group's subnets (its zones), as ElastiCache places them; the
        // declared group itself stands for the first node, in its first subnet.
        const subnet = spread(i - 1);
        b.add(copyOf(r, `${e.address}/node-${i}`, `${e.name} ${i}`, {
          in: { ...r.in, ...(subnet ? { subnets: [subnet] } : {}) },
          meta: { synthetic: `node ${i} of ${count} in the replication group`, of: e.address },
        }));
      }
    }
  }
}

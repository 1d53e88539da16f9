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
import { IMPLICIT_REST_API } from '../stack/sam.js';
import type { Stack } from '../stack/stack.js';
import type { Endpoint } from './edges.js';
import type { Entries, Entry } from './entries.js';
import { get, list, num, splitInstanceClass, str } from './read.js';

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
    defaultBus(stack: Stack): Endpoint {
      const address = `aws/${stack.region}/default-event-bus`;
      const id = resourceId(address);
      if (!b.get(id)) {
        b.add({
          address, provider: 'aws', sourceType: 'AWS::Events::EventBus', ccType: 'eventbus', name: 'default event bus',
          props: { eventBusType: 'default' }, region: stack.region, group: stack.name,
          meta: { synthetic: 'EventBridge default bus: source of schedules and rules without an EventBusName' },
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
  const lt = entries.of(get(e.props, 'LaunchTemplate.LaunchTemplateId') ?? get(e.props, 'LaunchTemplate.LaunchTemplateName')
    ?? get(e.props, 'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateId'));
  const lc = entries.of(get(e.props, 'LaunchConfigurationName'));
  const override = list(e.props, 'MixedInstancesPolicy.LaunchTemplate.Overrides')[0];
  const instanceType = str(override, 'InstanceType') ?? (lt ? str(lt.props, 'LaunchTemplateData.InstanceType') : undefined) ?? (lc ? str(lc.props, 'InstanceType') : undefined);
  return { count: num(e.props, 'DesiredCapacity') ?? num(e.props, 'MinSize') ?? 1, ...(instanceType ? { instanceType } : {}) };
}

function copyOf(r: Resource, address: string, name: string, extra: Partial<Resource>): Parameters<GraphBuilder['add']>[0] {
  return {
    address, provider: r.provider, sourceType: r.sourceType, ccType: r.ccType, name, props: { ...r.props },
    ...(r.region ? { region: r.region } : {}), ...(r.location ? { location: r.location } : {}), ...(r.group ? { group: r.group } : {}),
    in: { ...r.in }, ...extra,
  };
}

/** Draws the instances inside each ASG / node group and the extra nodes of replication groups. */
export function expandMultiples(b: GraphBuilder, entries: Entries): void {
  for (const e of entries.list) {
    if (e.fate?.kind !== 'draw') continue;
    const r = b.get(e.id);
    if (!r) continue;
    if (r.ccType === 'asg') {
      const { count, instanceType } = groupMembers(e, entries);
      const split = splitInstanceClass(instanceType);
      const props = sanitizeProps('ec2', split ? { instanceType: split.type, instanceSize: split.size } : {}).props;
      const drawn = Math.max(1, Math.min(MAX_DRAWN_MEMBERS, Math.round(count)));
      for (let i = 1; i <= drawn; i++) {
        b.add({
          address: `${e.address}/instance-${i}`, provider: 'aws', sourceType: 'AWS::EC2::Instance', ccType: 'ec2', name: `${e.name} ${i}`, props,
          ...(r.region ? { region: r.region } : {}), ...(r.location ? { location: r.location } : {}), ...(r.group ? { group: r.group } : {}),
          in: { asg: r.id }, meta: { synthetic: `instance ${i} of ${count} the group runs`, of: e.address },
        });
      }
    }
    if (e.type === 'AWS::ElastiCache::ReplicationGroup') {
      const groups = num(e.props, 'NumNodeGroups') ?? 1;
      const count = num(e.props, 'NumCacheClusters') ?? groups * ((num(e.props, 'ReplicasPerNodeGroup') ?? 0) + 1);
      const drawn = Math.max(1, Math.min(MAX_DRAWN_MEMBERS, Math.round(count)));
      const subnets = r.in.subnets ?? [];
      for (let i = 2; i <= drawn; i++) {
        // Replicas spread over the group's subnets (its zones), as ElastiCache places them.
        const rotated = subnets.length > 1 ? [...subnets.slice((i - 1) % subnets.length), ...subnets.slice(0, (i - 1) % subnets.length)] : subnets;
        b.add(copyOf(r, `${e.address}/node-${i}`, `${e.name} ${i}`, {
          in: { ...r.in, ...(rotated.length ? { subnets: rotated } : {}) },
          meta: { synthetic: `node ${i} of ${count} in the replication group`, of: e.address },
        }));
      }
    }
  }
}

/**
 * Fields that live on a neighbouring resource: an API's cache size is set on its stage, a
 * transit gateway's connection count is the number of its attachments.
 */
import type { Resource } from '../../src/graph/types.js';
import type { TfInstance } from './model.js';
import type { Resolver } from './resolver.js';
import { bool, num } from './values.js';

type Enricher = (inst: TfInstance, resolver: Resolver, drawn: ReadonlyMap<TfInstance, Resource>) => void;

const ENRICHERS: Record<string, Enricher> = {
  aws_api_gateway_stage: (stage, resolver, drawn) => {
    if (bool(stage.values['cache_cluster_enabled']) !== true) return;
    const size = num(stage.values['cache_cluster_size']);
    if (size === undefined) return;
    for (const api of resolver.targets(stage, ['rest_api_id'], ['aws_api_gateway_rest_api'])) {
      const res = drawn.get(api);
      if (res) res.props['cache'] = Math.max(size, num(res.props['cache']) ?? 0);
    }
  },
  aws_ec2_transit_gateway_vpc_attachment: (attachment, resolver, drawn) => {
    for (const tgw of resolver.targets(attachment, ['transit_gateway_id'], ['aws_ec2_transit_gateway'])) {
      const res = drawn.get(tgw);
      if (res) res.props['connections'] = (num(res.props['connections']) ?? 0) + 1;
    }
  },
};

export function enrich(resolver: Resolver, drawn: ReadonlyMap<TfInstance, Resource>): void {
  for (const inst of resolver.all()) ENRICHERS[inst.type]?.(inst, resolver, drawn);
}

/**
 * Region of each drawn resource: its own evidence first (AWS provider v6 `region` attribute,
 * the ARN, the availability zone; Azure `location`), then the plan's provider configuration,
 * then the region most resources of that provider share, then `--region`.
 */
import type { Provider, Resource } from '../../src/graph/types.js';
import type { TfInstance } from './model.js';
import { str } from './values.js';

const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

export function arnRegion(arn: unknown): string | undefined {
  const s = str(arn);
  if (!s?.startsWith('arn:')) return undefined;
  const region = s.split(':')[3];
  return region && AWS_REGION.test(region) ? region : undefined;
}

/** `us-east-1a` → us-east-1; local zones `us-west-2-lax-1a` → us-west-2. */
export function zoneRegion(zone: unknown): string | undefined {
  const s = str(zone);
  if (!s) return undefined;
  const m = /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d)/.exec(s);
  return m ? m[1] : undefined;
}

/** Azure locations are written `West Europe` or `westeurope`; Cloudcraft uses the latter. */
export function azureLocation(location: unknown): string | undefined {
  const s = str(location);
  return s ? s.toLowerCase().replace(/\s+/g, '') : undefined;
}

export function ownRegion(inst: TfInstance, provider: Provider): string | undefined {
  const v = inst.values;
  if (provider === 'aws') {
    const attr = str(v['region']);
    return (attr && AWS_REGION.test(attr) ? attr : undefined) ?? arnRegion(v['arn']) ?? zoneRegion(v['availability_zone']);
  }
  if (provider === 'azure') return azureLocation(v['location']);
  return undefined;
}

/** Most common value, ties broken alphabetically so the choice is stable. */
function dominant(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [v, c] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

export function assignRegions(drawn: ReadonlyMap<TfInstance, Resource>, fallback: string | undefined): void {
  const own = new Map<Resource, string>();
  const byProvider = new Map<Provider, string[]>();
  for (const [inst, res] of drawn) {
    const r = ownRegion(inst, res.provider) ?? (res.provider === 'azure' ? azureLocation(inst.providerRegion) : inst.providerRegion);
    if (!r) continue;
    own.set(res, r);
    let list = byProvider.get(res.provider);
    if (!list) byProvider.set(res.provider, (list = []));
    list.push(r);
  }
  const common = new Map<Provider, string | undefined>();
  for (const [p, list] of byProvider) common.set(p, dominant(list));
  for (const res of drawn.values()) {
    const r = own.get(res) ?? common.get(res.provider) ?? fallback ?? (res.provider === 'aws' ? 'us-east-1' : undefined);
    if (r) res.region = r;
  }
}

/**
 * Which before resource is which after resource. Tiers, strongest first, each over what the
 * previous tiers left: the stable id; the address (logical id, Terraform address) with a renamed
 * root stack ignored; a Terraform `moved` block; the ARN or physical id (live snapshots); then
 * the Cloudcraft type with one of the resource's names. Within a tier the first candidate in
 * document order wins, so the pairing is deterministic.
 */
import { sameIdentity } from './identity.js';
import type { SideItem } from './side.js';
import type { MatchTier } from './types.js';

export interface Pair {
  before?: SideItem;
  after?: SideItem;
  matchedBy?: MatchTier;
}

export interface MatchOptions {
  /** Allow the type-and-name tier (off when both sides have reliable ids, e.g. one plan). */
  byName?: boolean;
}

/** The last segment of an ARN (`…:instance/i-0abc` → `i-0abc`), the physical id it usually ends in. */
function arnTail(arn: string): string {
  return arn.slice(Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':')) + 1);
}

export function matchItems(before: readonly SideItem[], after: readonly SideItem[], options: MatchOptions = {}): Pair[] {
  const partner = new Map<SideItem, { item: SideItem; tier: MatchTier }>();
  const taken = new Set<SideItem>();
  const open = () => before.filter((b) => !partner.has(b));
  const pair = (b: SideItem, a: SideItem | undefined, tier: MatchTier) => {
    if (!a || taken.has(a)) return false;
    partner.set(b, { item: a, tier });
    taken.add(a);
    return true;
  };
  /** Index of the after items still free, by every key `keys` gives (first item per key wins). */
  const index = (keys: (a: SideItem) => (string | undefined)[]) => {
    const m = new Map<string, SideItem[]>();
    for (const a of after) {
      if (taken.has(a)) continue;
      for (const k of new Set(keys(a))) if (k !== undefined) m.set(k, [...(m.get(k) ?? []), a]);
    }
    return (k: string | undefined) => (k === undefined ? undefined : m.get(k)?.find((a) => !taken.has(a)));
  };

  const byId = index((a) => [a.id]);
  for (const b of open()) pair(b, byId(b.id), 'id');

  const byKey = index((a) => [a.key]);
  for (const b of open()) pair(b, byKey(b.key), 'address');

  const byPrevious = index((a) => [a.previousAddress]);
  for (const b of open()) pair(b, byPrevious(b.address), 'moved');

  const byIdentity = index((a) => [a.arn && `arn:${a.arn}`, a.physicalId && `id:${a.physicalId.toLowerCase()}`, a.arn && `id:${arnTail(a.arn).toLowerCase()}`]);
  for (const b of open()) {
    const keys = [b.arn && `arn:${b.arn}`, b.physicalId && `id:${b.physicalId.toLowerCase()}`, b.arn && `id:${arnTail(b.arn).toLowerCase()}`];
    for (const k of keys) {
      const a = byIdentity(k || undefined);
      const tier = a ? sameIdentity(b, a) : undefined;
      if (a && tier && pair(b, a, tier)) break;
    }
  }

  if (options.byName !== false) {
    const named = (i: SideItem) => (i.drawn && i.type ? i.names.map((n) => `${i.type}\u0000${n}`) : []);
    const byName = index(named);
    for (const b of open()) for (const k of named(b)) if (pair(b, byName(k), 'name')) break;
  }

  const pairs: Pair[] = before.map((b) => {
    const p = partner.get(b);
    return p ? { before: b, after: p.item, matchedBy: p.tier } : { before: b };
  });
  for (const a of after) if (!taken.has(a)) pairs.push({ after: a });
  return pairs;
}

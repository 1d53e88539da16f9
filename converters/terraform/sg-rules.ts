/**
 * Security group rules: inline `ingress`/`egress` blocks, `aws_security_group_rule` and
 * `aws_vpc_security_group_ingress_rule`/`_egress_rule` become the group's Cloudcraft
 * `inboundRules`/`outboundRules`; rules between two groups also become network edges from the
 * members of one to the members of the other.
 */
import type { DiagnosticBag } from '../../src/diagnostics.js';
import type { Resource } from '../../src/graph/types.js';
import { isRecord } from './instance.js';
import type { TfInstance } from './model.js';
import type { Resolver } from './resolver.js';
import { bool, num, str, stringsAt } from './values.js';

export interface CloudcraftRule {
  portRange: string;
  protocol: string;
  target: string;
  targetType: 'ip' | 'sg';
  description: string;
  hidden: false;
}

const SGS = ['aws_security_group', 'aws_default_security_group'];
const PROTOCOLS: Record<string, string> = { '-1': '-1', all: '-1', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };
/** Most member pairs one rule may connect; beyond that the arrows are noise. */
export const RULE_EDGE_LIMIT = 64;

type Direction = 'inbound' | 'outbound';

/** One rule before it is split per target. */
interface RawRule {
  direction: Direction;
  group: TfInstance;
  values: Record<string, unknown>;
  /** Peer groups (resolved), and peer values that did not resolve (kept as text). */
  peers: readonly TfInstance[];
  unresolvedPeers: string[];
  self: boolean;
  /** The separate rule resource, when the rule is not inline. */
  via?: TfInstance;
}

function protocolOf(v: unknown): string {
  const p = (str(v) ?? '-1').toLowerCase();
  return PROTOCOLS[p] ?? p;
}

function portRange(protocol: string, from: unknown, to: unknown): string {
  const f = num(from);
  const t = num(to) ?? f;
  if (protocol === '-1' || f === undefined || t === undefined || f < 0 || t < 0) return '0-65535';
  return f === t ? String(f) : `${f}-${t}`;
}

export interface SgRuleResult {
  /** Network edges between members: [from, to, via]. */
  edges: [Resource, Resource, TfInstance | undefined][];
}

export function applySecurityGroupRules(drawn: ReadonlyMap<TfInstance, Resource>, resolver: Resolver, bag: DiagnosticBag): SgRuleResult {
  const raw: RawRule[] = [];
  const peerSgs = (inst: TfInstance, path: readonly string[]) => {
    const peers = resolver.targets(inst, path, SGS);
    const unresolved = peers.length ? [] : stringsAt(inst.values, path);
    return { peers, unresolved };
  };

  for (const inst of resolver.all()) {
    if (SGS.includes(inst.type)) {
      for (const [attr, direction] of [['ingress', 'inbound'], ['egress', 'outbound']] as const) {
        const blocks = Array.isArray(inst.values[attr]) ? inst.values[attr] : [];
        for (const block of blocks) {
          if (!isRecord(block)) continue;
          const values = block;
          const ids = stringsAt(values, ['security_groups']);
          const peers = ids.flatMap((id) => resolver.lookup(id, SGS));
          raw.push({ direction, group: inst, values, peers, unresolvedPeers: ids.filter((id) => !resolver.lookup(id, SGS).length), self: bool(values['self']) === true });
        }
      }
    } else if (inst.type === 'aws_security_group_rule') {
      const direction: Direction = str(inst.values['type']) === 'egress' ? 'outbound' : 'inbound';
      const { peers, unresolved } = peerSgs(inst, ['source_security_group_id']);
      for (const group of resolver.targets(inst, ['security_group_id'], SGS)) {
        raw.push({ direction, group, values: inst.values, peers, unresolvedPeers: unresolved, self: bool(inst.values['self']) === true, via: inst });
      }
    } else if (inst.type === 'aws_vpc_security_group_ingress_rule' || inst.type === 'aws_vpc_security_group_egress_rule') {
      const direction: Direction = inst.type.endsWith('ingress_rule') ? 'inbound' : 'outbound';
      const { peers, unresolved } = peerSgs(inst, ['referenced_security_group_id']);
      const values = {
        from_port: inst.values['from_port'], to_port: inst.values['to_port'], protocol: inst.values['ip_protocol'],
        cidr_blocks: inst.values['cidr_ipv4'], ipv6_cidr_blocks: inst.values['cidr_ipv6'], prefix_list_ids: inst.values['prefix_list_id'],
        description: inst.values['description'],
      };
      for (const group of resolver.targets(inst, ['security_group_id'], SGS)) {
        raw.push({ direction, group, values, peers, unresolvedPeers: unresolved, self: false, via: inst });
      }
    }
  }

  const rules = new Map<TfInstance, { inbound: Map<string, CloudcraftRule>; outbound: Map<string, CloudcraftRule> }>();
  for (const r of raw) {
    let entry = rules.get(r.group);
    if (!entry) rules.set(r.group, (entry = { inbound: new Map(), outbound: new Map() }));
    for (const rule of expand(r, drawn)) {
      const key = JSON.stringify(rule);
      if (!entry[r.direction].has(key)) entry[r.direction].set(key, rule);
    }
  }
  for (const [group, { inbound, outbound }] of rules) {
    const res = drawn.get(group);
    if (!res) continue;
    if (inbound.size) res.props['inboundRules'] = [...inbound.values()];
    if (outbound.size) res.props['outboundRules'] = [...outbound.values()];
  }
  return { edges: memberEdges(raw, drawn, bag) };
}

/** One Cloudcraft rule per target (CIDR, IPv6 CIDR, prefix list, peer group, self). */
function expand(r: RawRule, drawn: ReadonlyMap<TfInstance, Resource>): CloudcraftRule[] {
  const protocol = protocolOf(r.values['protocol']);
  const base = { portRange: portRange(protocol, r.values['from_port'], r.values['to_port']), protocol, description: str(r.values['description']) ?? '', hidden: false as const };
  const out: CloudcraftRule[] = [];
  for (const cidr of [...stringsAt(r.values, ['cidr_blocks']), ...stringsAt(r.values, ['ipv6_cidr_blocks']), ...stringsAt(r.values, ['prefix_list_ids'])]) {
    out.push({ ...base, target: cidr, targetType: 'ip' });
  }
  const sgTarget = (g: TfInstance) => drawn.get(g)?.id ?? str(g.values['id']);
  const peerTargets = [...r.peers.map(sgTarget), ...r.unresolvedPeers, ...(r.self ? [sgTarget(r.group)] : [])];
  for (const t of peerTargets) if (t) out.push({ ...base, target: t, targetType: 'sg' });
  return out;
}

function memberEdges(raw: readonly RawRule[], drawn: ReadonlyMap<TfInstance, Resource>, bag: DiagnosticBag): SgRuleResult['edges'] {
  const members = new Map<string, Resource[]>();
  for (const res of drawn.values()) {
    for (const sg of res.in.securityGroups ?? []) {
      let list = members.get(sg);
      if (!list) members.set(sg, (list = []));
      list.push(res);
    }
  }
  const of = (g: TfInstance) => {
    const res = drawn.get(g);
    return res ? members.get(res.id) ?? [] : [];
  };
  const edges: SgRuleResult['edges'] = [];
  let skipped = 0;
  for (const r of raw) {
    const own = of(r.group);
    for (const peer of r.peers) {
      if (peer === r.group) continue;
      const [from, to] = r.direction === 'inbound' ? [of(peer), own] : [own, of(peer)];
      if (from.length * to.length > RULE_EDGE_LIMIT) {
        skipped++;
        continue;
      }
      for (const f of from) for (const t of to) if (f !== t) edges.push([f, t, r.via]);
    }
  }
  if (skipped) {
    bag.info('terraform-rule-edges', `${skipped} security group rule${skipped === 1 ? '' : 's'} connect more than ${RULE_EDGE_LIMIT} member pairs; their network edges are not drawn (the rules are kept on the groups)`);
  }
  return edges;
}

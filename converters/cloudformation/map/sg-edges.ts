/**
 * Security group rules as traffic: a rule of group G that admits peer group P (inline
 * `SecurityGroupIngress` with `SourceSecurityGroupId`, or an `AWS::EC2::SecurityGroupIngress`
 * resource) becomes network edges from every member of P to every member of G; an egress rule to a
 * peer group goes the other way. The rule itself stays on the group (fields.ts). Pairs the
 * picture already links (a load balancer's target, a function's reference to its table) get no
 * second arrow, and a rule between two crowds is left out rather than drawn as a mesh.
 */
import type { GraphBuilder } from '../../../src/graph/builder.js';
import { foldEdges } from '../../../src/graph/normalize.js';
import type { Graph, Resource } from '../../../src/graph/types.js';
import type { Reporter } from '../rules.js';
import { entriesAt } from './containment.js';
import type { Entries, Entry } from './entries.js';
import { list } from './read.js';

/** Most member pairs one rule may connect (the same limit the Terraform converter uses). */
export const RULE_EDGE_LIMIT = 64;

const SG = 'AWS::EC2::SecurityGroup';

interface Rule {
  group: Entry;
  peers: Entry[];
  inbound: boolean;
  /** The standalone rule resource (folded into these edges), when the rule is not inline. */
  via?: Entry;
}

/** Where each kind of rule names its group and its peer. */
const RULE_SHAPES = [
  { inline: 'SecurityGroupIngress', resource: 'AWS::EC2::SecurityGroupIngress', peer: ['SourceSecurityGroupId', 'SourceSecurityGroupName'], inbound: true },
  { inline: 'SecurityGroupEgress', resource: 'AWS::EC2::SecurityGroupEgress', peer: ['DestinationSecurityGroupId'], inbound: false },
] as const;

function rulesOf(group: Entry, entries: Entries): Rule[] {
  const out: Rule[] = [];
  for (const shape of RULE_SHAPES) {
    for (const rule of list(group.props, shape.inline)) {
      out.push({ group, inbound: shape.inbound, peers: entriesAt(entries, group, shape.peer, SG, rule) });
    }
    for (const r of entries.referrers(group, { types: [shape.resource] })) {
      if (r.fate?.kind === 'omit' || !entriesAt(entries, r, ['GroupId', 'GroupName'], SG).includes(group)) continue;
      out.push({ group, inbound: shape.inbound, peers: entriesAt(entries, r, shape.peer, SG), via: r });
    }
  }
  return out;
}

/** Pairs of drawn resources an edge joins once undrawn resources are folded, both directions. */
export function linkedPairs(graph: Graph): Set<string> {
  const out = new Set<string>();
  for (const e of foldEdges(graph).edges) out.add(`${e.from}>${e.to}`).add(`${e.to}>${e.from}`);
  return out;
}

/** A resource with what is drawn inside it (an ECS service's tasks, an ASG's instances). */
function families(resources: readonly Resource[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of resources) out.set(r.id, [r.id]);
  for (const r of resources) for (const owner of [r.in.parent, r.in.asg]) if (owner) out.get(owner)?.push(r.id);
  return out;
}

export function securityGroupEdges(b: GraphBuilder, entries: Entries, reporter: Reporter, linked: ReadonlySet<string>): void {
  const resources = [...b.all()];
  const members = new Map<string, Resource[]>();
  for (const r of resources) {
    // Drawn copies (ASG instances, replication-group nodes) reach what their original reaches.
    if (r.meta?.['synthetic']) continue;
    for (const sg of r.in.securityGroups ?? []) members.set(sg, [...(members.get(sg) ?? []), r]);
  }
  const family = families(resources);
  const joined = (a: string, z: string) => (family.get(a) ?? [a]).some((x) => (family.get(z) ?? [z]).some((y) => linked.has(`${x}>${y}`)));
  for (const group of entries.list) {
    if (group.type !== SG || group.fate?.kind !== 'draw') continue;
    for (const rule of rulesOf(group, entries)) {
      const own = members.get(group.id) ?? [];
      for (const peer of rule.peers) {
        if (peer === group) continue;
        const theirs = members.get(peer.id) ?? [];
        const [from, to] = rule.inbound ? [theirs, own] : [own, theirs];
        if (from.length * to.length > RULE_EDGE_LIMIT) {
          const at = rule.via ?? group;
          reporter.report('sg-rule-edges', `the rule of ${group.name} for ${peer.name} connects ${from.length * to.length} member pairs (more than ${RULE_EDGE_LIMIT}); its network edges are not drawn`, at.stack.file, at.decl.at);
          continue;
        }
        for (const f of from) {
          for (const t of to) {
            if (f.id === t.id || joined(f.id, t.id)) continue;
            b.edge(f.id, t.id, 'network', rule.via ? { via: [rule.via.address] } : {});
          }
        }
      }
    }
  }
}

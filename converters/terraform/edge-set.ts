/**
 * Collects edges between drawn resources: one edge per pair, the first telling one wins, and a
 * dependency is only drawn when nothing else links the pair and it does not merely repeat
 * containment (a subnet depends on its VPC; the picture already shows that).
 */
import type { Edge, EdgeKind, Resource } from '../../src/graph/types.js';
import { edgeId } from '../../src/graph/builder.js';

interface Pending {
  from: Resource;
  to: Resource;
  kind: EdgeKind;
  via: string[];
  /** Replaced by a more telling edge between the same pair. */
  dropped?: boolean;
}

function contains(container: Resource, member: Resource): boolean {
  const c = member.in;
  return c.vpc === container.id || c.parent === container.id || c.asg === container.id ||
    !!c.subnets?.includes(container.id) || !!c.securityGroups?.includes(container.id);
}

export class EdgeSet {
  /** from id → to id → edge; insertion order is the output order. */
  private readonly byPair = new Map<string, Map<string, Pending>>();
  private readonly order: Pending[] = [];

  private get(from: string, to: string): Pending | undefined {
    return this.byPair.get(from)?.get(to);
  }

  private drop(p: Pending): void {
    this.byPair.get(p.from.id)!.delete(p.to.id);
    p.dropped = true;
  }

  add(from: Resource, to: Resource, kind: EdgeKind, via: readonly string[] = []): void {
    if (from === to) return;
    const existing = this.get(from.id, to.id);
    const reverse = this.get(to.id, from.id);
    if (kind === 'dependency') {
      if (existing || reverse || contains(from, to) || contains(to, from)) return;
    } else if (existing) {
      if (existing.kind !== 'dependency') return;
      this.drop(existing);
    } else if (reverse?.kind === 'dependency') {
      this.drop(reverse);
    }
    const p: Pending = { from, to, kind, via: [...via] };
    let inner = this.byPair.get(from.id);
    if (!inner) this.byPair.set(from.id, (inner = new Map()));
    inner.set(to.id, p);
    this.order.push(p);
  }

  edges(): Edge[] {
    const out: Edge[] = [];
    for (const p of this.order) {
      if (p.dropped) continue;
      const e: Edge = { id: edgeId(p.from.id, p.to.id, p.kind), from: p.from.id, to: p.to.id, kind: p.kind };
      if (p.via.length) e.via = p.via;
      out.push(e);
    }
    return out;
  }
}

/** A tiny builder for hand-made layout test graphs: `g.vpc('main')`, `g.subnet('a', vpc, 'us-east-1a', 'public')`, … */
import { GraphBuilder } from '../../src/graph/builder.js';
import type { Containment, EdgeKind, Graph, Resource } from '../../src/graph/types.js';
import type { Box, Scene } from '../../src/layout/types.js';

export class TestGraph {
  readonly b = new GraphBuilder('test');
  private readonly byName = new Map<string, Resource>();

  add(name: string, ccType: string, init: { in?: Containment; region?: string; tier?: Resource['tier']; group?: string; props?: Record<string, unknown> } = {}): Resource {
    const r = this.b.add({ address: `test#${name}`, provider: 'aws', sourceType: `test:${ccType}`, ccType, name, region: init.region ?? 'us-east-1', ...init });
    this.byName.set(name, r);
    return r;
  }
  vpc(name: string): Resource {
    return this.add(name, 'vpc');
  }
  subnet(name: string, vpc: Resource, zone: string | undefined, tier: Resource['tier']): Resource {
    return this.add(name, 'subnet', { in: zone ? { vpc: vpc.id, zone } : { vpc: vpc.id }, tier });
  }
  sg(name: string, vpc: Resource): Resource {
    return this.add(name, 'sg', { in: { vpc: vpc.id } });
  }
  edge(from: string, to: string, kind: EdgeKind = 'network'): this {
    this.b.edge(this.id(from), this.id(to), kind);
    return this;
  }
  id(name: string): string {
    const r = this.byName.get(name);
    if (!r) throw new Error(`no resource ${name}`);
    return r.id;
  }
  build(): Graph {
    return this.b.build();
  }
}

/** Box of a node or group of the scene, by resource name. */
export function boxOf(scene: Scene, g: Graph, name: string): Box {
  const r = g.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}`);
  const n = scene.nodes.find((x) => x.id === r.id);
  if (n) return n.box;
  const grp = scene.groups.find((x) => x.resourceId === r.id || x.id === r.id);
  if (grp) return grp.box;
  throw new Error(`${name} is not in the scene`);
}

export const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/**
 * A small helper for converters: assigns stable ids, de-duplicates edges and keeps insertion
 * order (which is the source order, so output stays deterministic).
 */
import { derivedId, resourceId } from '../ids.js';
import type { Edge, EdgeKind, Graph, OmittedResource, Resource } from './types.js';

export type ResourceInit = Omit<Resource, 'id' | 'in' | 'props'> & Partial<Pick<Resource, 'id' | 'in' | 'props'>>;

export function edgeId(from: string, to: string, kind: EdgeKind, label?: string): string {
  return derivedId('edge', from, to, kind, label ?? '');
}

export class GraphBuilder {
  private readonly resources = new Map<string, Resource>();
  private readonly edges = new Map<string, Edge>();
  private readonly omitted = new Map<string, OmittedResource>();

  constructor(private readonly name?: string) {}

  /** Adds a resource (id derived from its address unless given); a second add with the same id replaces it. */
  add(init: ResourceInit): Resource {
    const r: Resource = { ...init, id: init.id ?? resourceId(init.address), in: init.in ?? {}, props: init.props ?? {} };
    this.resources.set(r.id, r);
    return r;
  }

  get(id: string): Resource | undefined {
    return this.resources.get(id);
  }

  has(id: string): boolean {
    return this.resources.has(id) || this.omitted.has(id);
  }

  all(): IterableIterator<Resource> {
    return this.resources.values();
  }

  /** Adds an edge unless it is a self-loop or already present with the same kind. */
  edge(from: string, to: string, kind: EdgeKind, extra: Partial<Omit<Edge, 'id' | 'from' | 'to' | 'kind'>> = {}): Edge | undefined {
    if (from === to) return undefined;
    const id = edgeId(from, to, kind, extra.label);
    const existing = this.edges.get(id);
    if (existing) return existing;
    const e: Edge = { id, from, to, kind, ...extra };
    this.edges.set(id, e);
    return e;
  }

  omit(entry: Omit<OmittedResource, 'id'> & { id?: string }): OmittedResource {
    const o: OmittedResource = { ...entry, id: entry.id ?? resourceId(entry.address) };
    this.resources.delete(o.id);
    this.omitted.set(o.id, o);
    return o;
  }

  build(): Graph {
    const g: Graph = {
      resources: [...this.resources.values()],
      edges: [...this.edges.values()],
      omitted: [...this.omitted.values()],
    };
    if (this.name !== undefined) g.name = this.name;
    return g;
  }
}

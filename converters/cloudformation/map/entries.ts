/**
 * Every resource of every stack with its evaluated properties, what becomes of it (drawn,
 * folded, omitted) and who refers to whom. Mapping rules look things up here (an RDS instance's
 * cluster, a subnet's route table) instead of scanning templates again.
 */
import { resourceId } from '../../../src/ids.js';
import { ResRef, type Value } from '../eval/values.js';
import type { ResourceDecl, Stack } from '../stack/stack.js';
import { walkRefs } from './read.js';

export type Fate =
  | { kind: 'draw'; cc: string; props: Record<string, unknown> }
  | { kind: 'fold'; detail: string }
  | { kind: 'omit'; reason: 'no-component' | 'unsupported' | 'condition-false'; detail: string };

export interface Entry {
  stack: Stack;
  decl: ResourceDecl;
  address: string;
  id: string;
  type: string;
  props: Record<string, Value>;
  /** Outgoing references with the property path they come from. */
  refs: { path: string; ref: ResRef }[];
  fate?: Fate;
  name: string;
}

export class Entries {
  readonly list: Entry[] = [];
  private readonly byAddress = new Map<string, Entry>();
  private incoming: Map<string, { from: Entry; path: string; ref: ResRef }[]> | undefined;

  add(stack: Stack, decl: ResourceDecl, props: Record<string, Value>): Entry {
    const address = `${stack.path}/${decl.logicalId}`;
    const refs: Entry['refs'] = [];
    walkRefs(props, (path, ref) => refs.push({ path, ref }));
    const e: Entry = { stack, decl, address, id: resourceId(address), type: decl.type, props, refs, name: stack.displayName(decl) };
    this.list.push(e);
    this.byAddress.set(address, e);
    this.incoming = undefined;
    return e;
  }

  get(address: string): Entry | undefined {
    return this.byAddress.get(address);
  }

  /** The entry a reference points at (undefined for things outside the inputs). */
  of(ref: Value): Entry | undefined {
    return ref instanceof ResRef ? this.byAddress.get(ref.address) : undefined;
  }

  /** Entries that refer to `target`, optionally only from a property path prefix and of given types. */
  referrers(target: Entry, opts: { path?: string; types?: readonly string[] } = {}): Entry[] {
    if (!this.incoming) {
      this.incoming = new Map();
      for (const e of this.list) {
        for (const r of e.refs) {
          const list = this.incoming.get(r.ref.address) ?? [];
          list.push({ from: e, path: r.path, ref: r.ref });
          this.incoming.set(r.ref.address, list);
        }
      }
    }
    const out: Entry[] = [];
    for (const r of this.incoming.get(target.address) ?? []) {
      if (opts.path !== undefined && r.path !== opts.path && !r.path.startsWith(`${opts.path}.`)) continue;
      if (opts.types && !opts.types.includes(r.from.type)) continue;
      if (!out.includes(r.from)) out.push(r.from);
    }
    return out;
  }

  drawnAs(e: Entry | undefined): string | undefined {
    return e?.fate?.kind === 'draw' ? e.fate.cc : undefined;
  }
}

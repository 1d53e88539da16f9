/** Shared bits of the render tests: the hand-written exported blueprint and a tiny blueprint builder. */
import { readFileSync } from 'node:fs';
import type { Blueprint, BlueprintObject } from '../../src/blueprint.js';

export function exportedBlueprint(): Blueprint {
  return JSON.parse(readFileSync(new URL('./fixtures/exported.blueprint.json', import.meta.url), 'utf8')) as Blueprint;
}

/** A blueprint with the given objects, everything else empty. */
export function blueprint(parts: Partial<Record<'nodes' | 'groups' | 'surfaces' | 'edges' | 'text' | 'icons' | 'images' | 'connectors', BlueprintObject[]>>, extra: Record<string, unknown> = {}): Blueprint {
  return {
    name: 'test',
    data: {
      version: 4, name: 'test', grid: 'standard', projection: 'isometric', theme: { base: 'light' },
      nodes: [], groups: [], surfaces: [], edges: [], text: [], icons: [], images: [], connectors: [],
      ...parts, ...extra,
    },
  };
}

export const node = (id: string, x: number, y: number, type = 'ec2', extra: Record<string, unknown> = {}): BlueprintObject =>
  ({ type, id, mapPos: [x, y], ...extra });

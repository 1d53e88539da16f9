/** The blueprint document we write: `{ name, data }`, the body of a Cloudcraft create/update. */

export interface BlueprintObject {
  type: string;
  id: string;
  [field: string]: unknown;
}

export interface BlueprintData {
  version: number;
  name: string;
  grid: string;
  projection: 'isometric' | '2d';
  theme: { base: 'light' | 'dark' };
  nodes: BlueprintObject[];
  groups: BlueprintObject[];
  surfaces: BlueprintObject[];
  edges: BlueprintObject[];
  text: BlueprintObject[];
  icons: BlueprintObject[];
  images: BlueprintObject[];
  connectors: BlueprintObject[];
  [key: string]: unknown;
}

export interface Blueprint {
  name: string;
  data: BlueprintData;
  /** Present on blueprints read back from the API; never written by the emitter. */
  id?: string;
  readAccess?: string[] | null;
  writeAccess?: string[] | null;
  tags?: string[] | null;
  [key: string]: unknown;
}

/** Every object of a blueprint with the array it sits in, in document order. */
export function* blueprintObjects(b: Blueprint): Generator<{ array: string; index: number; object: BlueprintObject }> {
  for (const array of ['nodes', 'groups', 'surfaces', 'edges', 'text', 'icons', 'images', 'connectors'] as const) {
    const list = b.data[array];
    if (!Array.isArray(list)) continue;
    for (let index = 0; index < list.length; index++) yield { array, index, object: list[index]! };
  }
}

/** Canonical serialisation: two-space JSON and a final newline, so outputs compare byte for byte. */
export function serializeBlueprint(b: unknown): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}

/** Value kinds of component fields, as the schema generator and emitter understand them. */
export type FieldKind =
  | 'string' | 'number' | 'boolean' | 'object' | 'point'
  | 'stringArray' | 'pointArray' | 'objectArray' | 'any';

export interface FieldSpec {
  kind: FieldKind;
  enum?: readonly (string | number | boolean)[];
  default?: unknown;
  /** For `nodes` lists: the component types a container accepts. */
  accepts?: readonly string[];
}

export interface ComponentSpec {
  provider: 'aws' | 'azure' | 'common';
  /** Container types whose `nodes` list may hold this component. */
  containers: readonly string[];
  hasMapPos: boolean;
  hasMapSize: boolean;
  fields: Record<string, FieldSpec>;
}

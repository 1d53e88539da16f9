/**
 * The main flow direction. Layout code thinks in flow (along the main direction) and cross
 * (across it) coordinates; an Axis turns those into grid x/y and back.
 */
export interface Axis {
  dir: 'right' | 'down';
  /** The flow extent of an x/y size. */
  flow(w: number, h: number): number;
  /** The cross extent of an x/y size. */
  cross(w: number, h: number): number;
  /** x/y of a flow/cross pair. */
  xy(flow: number, cross: number): { x: number; y: number };
}

export function axisFor(dir: 'right' | 'down' = 'right'): Axis {
  return dir === 'right'
    ? { dir, flow: (w) => w, cross: (_w, h) => h, xy: (flow, cross) => ({ x: flow, y: cross }) }
    : { dir, flow: (_w, h) => h, cross: (w) => w, xy: (flow, cross) => ({ x: cross, y: flow }) };
}

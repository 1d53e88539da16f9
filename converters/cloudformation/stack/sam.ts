/**
 * SAM without the transform service: Globals are merged into Serverless resources the way SAM
 * documents it (scalars: the resource wins; mappings: merged; lists: globals first, then the
 * resource's), and names SAM generates (`ServerlessRestApi`, `<Function>Role`, …) resolve to the
 * resource that generates them.
 */
import type { Positions } from '../load/positions.js';
import { setOwn } from '../load/positions.js';
import { isPlainObject } from '../load/template.js';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';

const GLOBALS_SECTION: Record<string, string> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
};

/** An intrinsic (`{Ref: X}`, `{"Fn::If": …}`) merges like a scalar. */
function isIntrinsic(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

export function mergeGlobals(globalValue: unknown, own: unknown, positions: Positions): unknown {
  if (own === undefined) return globalValue;
  if (Array.isArray(globalValue) && Array.isArray(own)) {
    const out = [...globalValue, ...own];
    positions.copy(own, out);
    return out;
  }
  if (isPlainObject(globalValue) && isPlainObject(own) && !isIntrinsic(globalValue) && !isIntrinsic(own)) {
    const out: Record<string, unknown> = {};
    positions.copy(own, out);
    for (const [k, v] of Object.entries(globalValue)) setOwn(out, k, v);
    for (const [k, v] of Object.entries(own)) setOwn(out, k, k in globalValue ? mergeGlobals(globalValue[k], v, positions) : v);
    return out;
  }
  return own;
}

/** The resource mapping with the template's Globals for its type merged into Properties. */
export function withGlobals(type: string, resource: Record<string, unknown>, globals: unknown, positions: Positions): Record<string, unknown> {
  const section = GLOBALS_SECTION[type];
  const g = section && isPlainObject(globals) ? globals[section] : undefined;
  if (!isPlainObject(g)) return resource;
  const props = isPlainObject(resource['Properties']) ? resource['Properties'] : {};
  const merged = mergeGlobals(g, props, positions);
  const out = { ...resource, Properties: merged };
  positions.copy(resource, out);
  return out;
}

export const IMPLICIT_REST_API = 'ServerlessRestApi';
export const IMPLICIT_HTTP_API = 'ServerlessHttpApi';

/**
 * The logical id that generates an implicit SAM name, or undefined. `types` gives the type of
 * each declared resource.
 */
export function implicitOwner(name: string, typeOf: (id: string) => string | undefined): string | undefined {
  const rules: [RegExp, string[]][] = [
    [/^(.+?)Role$/, ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']],
    [/^(.+?)Alias[A-Za-z0-9]+$/, ['AWS::Serverless::Function']],
    [/^(.+?)Version[A-Za-z0-9]+$/, ['AWS::Serverless::Function', 'AWS::Serverless::LayerVersion']],
    [/^(.+?)[A-Za-z0-9]*Stage$/, ['AWS::Serverless::Api', 'AWS::Serverless::HttpApi']],
    [/^(.+?)Deployment[A-Za-z0-9]*$/, ['AWS::Serverless::Api']],
    [/^(.+?)ApiGatewayDefaultStage$/, ['AWS::Serverless::HttpApi']],
  ];
  for (const [re, types] of rules) {
    const m = re.exec(name);
    if (!m) continue;
    // The owner is the longest declared prefix of the right type (`MyApiProdStage` → `MyApi`).
    for (let end = name.length - 1; end > 0; end--) {
      const candidate = name.slice(0, end);
      const t = typeOf(candidate);
      if (t && types.includes(t)) return candidate;
    }
  }
  return undefined;
}

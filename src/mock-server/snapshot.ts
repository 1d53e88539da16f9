/**
 * The stand-in's "live account scan": a small, fixed inventory per provider, filtered like the
 * Live tab (`filter` terms over tags, `exclude` types) and drawn as a blueprint that
 * `POST /blueprint` accepts as it is (the auto-layout guide relies on that).
 */
import { uuidv5 } from '../ids.js';

interface Resource {
  name: string;
  type: string;
  tags: Record<string, string>;
  props: Record<string, unknown>;
  inVpc?: boolean;
}

const INVENTORY: Record<'aws' | 'azure', Resource[]> = {
  aws: [
    { name: 'web-1', type: 'ec2', tags: { env: 'prod', role: 'web' }, props: { platform: 'linux', instanceType: 'm5', instanceSize: 'large' }, inVpc: true },
    { name: 'web-2', type: 'ec2', tags: { env: 'prod', role: 'web' }, props: { platform: 'linux', instanceType: 'm5', instanceSize: 'large' }, inVpc: true },
    { name: 'bastion', type: 'ec2', tags: { env: 'staging', role: 'bastion' }, props: { platform: 'linux', instanceType: 't3', instanceSize: 'micro' }, inVpc: true },
    { name: 'orders-db', type: 'rds', tags: { env: 'prod', role: 'db' }, props: { engine: 'postgresql', role: 'primary', instanceType: 'r6g', instanceSize: 'large' }, inVpc: true },
    { name: 'assets', type: 's3', tags: { env: 'prod' }, props: {} },
  ],
  azure: [
    { name: 'app-vm', type: 'azurevm', tags: { env: 'prod', role: 'web' }, props: {} },
    { name: 'jobs', type: 'azurefunctionapp', tags: { env: 'prod', role: 'worker' }, props: { tier: 'consumption' } },
    { name: 'orders', type: 'azurepostgresql', tags: { env: 'prod', role: 'db' }, props: {} },
  ],
};

/** ARNs in the shape AWS gives each service (account 123456789012 is the stand-in's). */
const AWS_ARN: Record<string, (region: string, name: string) => string> = {
  ec2: (region, name) => `arn:aws:ec2:${region}:123456789012:instance/i-${Buffer.from(name).toString('hex').padEnd(17, '0').slice(0, 17)}`,
  rds: (region, name) => `arn:aws:rds:${region}:123456789012:db:${name}`,
  s3: (_region, name) => `arn:aws:s3:::${name}`,
};

/** `env=prod OR role=bastion`: alternatives split by OR, each a space-separated list of k=v terms that must all match. */
function matches(filter: string | undefined, r: Resource): boolean {
  if (!filter?.trim()) return true;
  return filter.split(/\s+OR\s+/i).some((alt) => alt.trim().split(/\s+/).every((term) => {
    const [k, v] = term.split('=');
    return v === undefined ? r.name.includes(k!) || Object.values(r.tags).includes(k!) : r.tags[k!] === v;
  }));
}

export interface SnapshotQuery {
  filter?: string;
  exclude?: string[];
  label?: boolean;
  autoconnect?: boolean;
  projection?: string;
  theme?: string;
}

export function snapshotBlueprint(provider: 'aws' | 'azure', account: { id: string; name: string }, region: string, q: SnapshotQuery): { name: string; data: Record<string, unknown> } {
  const chosen = INVENTORY[provider].filter((r) => !(q.exclude ?? []).includes(r.type) && matches(q.filter, r));
  const id = (r: Resource, kind = 'node'): string => uuidv5(`stand-in:${account.id}:${region}:${kind}:${r.name}`);
  // Real scans carry the provider's identity of each component (ARN / Azure resource id), which is
  // what `diff` matches live resources by.
  const identity = (r: Resource): Record<string, string> => provider === 'aws'
    ? { arn: AWS_ARN[r.type]?.(region, r.name) ?? `arn:aws:${r.type}:${region}:123456789012:${r.name}` }
    : { resourceId: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/stand-in/providers/${r.type}/${r.name}` };
  const nodes = chosen.map((r, i) => ({ type: r.type, id: id(r), region, mapPos: [i * 4, r.inVpc ? 2 : 8], ...identity(r), ...r.props }));
  const vpcMembers = chosen.filter((r) => r.inVpc).map((r) => id(r));
  const groups = provider === 'aws' && vpcMembers.length
    ? [{ type: 'vpc', id: uuidv5(`stand-in:${account.id}:${region}:vpc`), region, name: 'main', shape: 'dynamic', padding: 1.5, nodes: vpcMembers }]
    : [];
  const text = q.label === false ? [] : chosen.map((r, i) => ({
    type: 'isotext', id: id(r, 'label'), mapPos: [i * 4, (r.inVpc ? 2 : 8) + 1.25], text: r.name, textSize: 12, isometric: true, standing: false, direction: 'down', outline: true,
  }));
  const web = chosen.filter((r) => r.tags['role'] === 'web');
  const db = chosen.find((r) => r.tags['role'] === 'db');
  const edges = q.autoconnect === false || !db ? [] : web.map((w) => ({ id: uuidv5(`stand-in:${account.id}:${region}:edge:${w.name}`), type: 'edge', from: id(w), to: id(db), width: 2, dashed: false, endCap: 'arrow' }));
  const name = `${account.name} ${region}`;
  return {
    name,
    data: {
      version: 4, name, grid: 'standard', projection: q.projection === '2d' ? '2d' : 'isometric', theme: { base: q.theme === 'dark' ? 'dark' : 'light' },
      nodes, groups, surfaces: [], edges, text, icons: [], images: [], connectors: [],
      liveAccount: { id: account.id, type: provider },
      liveOptions: { autoLabel: q.label !== false, autoConnect: q.autoconnect !== false, excludedTypes: q.exclude ?? [] },
    },
  };
}

/** The shape table (data) and label inference. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupFromLabel, serviceFromLabel, SERVICE_RULES } from '../../converters/drawio/inference.js';
import { resolveTarget } from '../../converters/drawio/mapping.js';
import { SHAPES } from '../../converters/drawio/shapes.js';
import { componentTypes, fieldEnum, sanitizeProps } from '../../src/catalog/index.js';
import { CORPUS_DIR } from '../helpers/corpus.js';
import { byCell, model, run, vertex } from './build-xml.js';

const REFERENCE = join(CORPUS_DIR, '..', 'reference', 'cloudcraft-components.json');
const GROUP_TYPES = { vpc: 'vpc', subnet: 'subnet', sg: 'sg', asg: 'asg', zone: 'zone', region: 'region', cloud: 'area', area: 'area' };

/** Every Cloudcraft type a table entry can produce (containers included). */
function targetTypes(): Set<string> {
  const out = new Set<string>();
  for (const entry of [...Object.values(SHAPES), ...SERVICE_RULES.map(([, t]) => t)]) {
    const t = resolveTarget(entry);
    if (t.kind === 'component') out.add(t.ccType);
    if (t.kind === 'group') out.add(GROUP_TYPES[t.group]);
  }
  return out;
}

describe('shape table', () => {
  it('covers at least 150 shape names across aws4, aws3, aws3d and Azure', () => {
    const keys = Object.keys(SHAPES);
    expect(keys.length).toBeGreaterThanOrEqual(150);
    for (const family of ['aws4', 'aws3', 'aws3d', 'azure', 'azure2']) expect(keys.filter((k) => k.startsWith(`${family}:`)).length).toBeGreaterThan(20);
  });

  it('maps only to component types the catalogue has', () => {
    const known = new Set(componentTypes());
    expect([...targetTypes()].filter((t) => !known.has(t))).toEqual([]);
  });

  it('maps only to component types of the Cloudcraft reference (when the reference is present)', () => {
    if (!existsSync(REFERENCE)) return;
    const reference = JSON.parse(readFileSync(REFERENCE, 'utf8')) as { components: Record<string, unknown> };
    expect([...targetTypes()].filter((t) => !(t in reference.components))).toEqual([]);
  });

  it('sets only fields and values Cloudcraft accepts', () => {
    const problems: string[] = [];
    for (const [key, entry] of [...Object.entries(SHAPES), ...SERVICE_RULES.map(([re, t]) => [String(re), t] as const)]) {
      const t = resolveTarget(entry);
      if (t.kind !== 'component') continue;
      const { dropped } = sanitizeProps(t.ccType, t.props);
      if (dropped.length) problems.push(`${key}: ${dropped.map((d) => `${d.field}=${String(d.value)} (${d.why})`).join(', ')}`);
    }
    expect(problems).toEqual([]);
    expect(fieldEnum('icon', 'iconSet')).toEqual(expect.arrayContaining(['aws', 'azure', 'fa']));
  });

  it('has no key that differs from another only by case (draw.io names are case-sensitive, typos are not)', () => {
    const lower = new Map<string, string>();
    const clashes: string[] = [];
    for (const k of Object.keys(SHAPES)) {
      const l = k.toLowerCase();
      if (lower.has(l)) clashes.push(`${lower.get(l)} / ${k}`);
      lower.set(l, k);
    }
    expect(clashes).toEqual([]);
  });
});

describe('label inference', () => {
  it.each([
    ['RDS', 'rds'], ['Orders (DynamoDB)', 'dynamodb'], ['S3 bucket', 's3'], ['front-end bucket', 's3'], ['API Gateway', 'apigateway'],
    ['Lambda', 'lambda'], ['resize-lambda', 'lambda'], ['ALB', 'elb'], ['SNS', 'snstopic'], ['Eventbridge', 'eventbus'],
    ['VPC endpoint for S3', 'vpcendpoint'], ['NAT', 'natgateway'], ['Cognito', 'icon'], ['PostgreSQL', 'rds'],
  ])('%j → %s', (label, type) => {
    const t = serviceFromLabel(label);
    expect(t && resolveTarget(t)).toMatchObject({ kind: 'component', ccType: type });
  });

  it.each([['Image Analytics'], ['Metadata'], ['Web page'], ['natural'], ['CMK used for encryption of the source bucket objects'], ['']])(
    '%j names no service', (label) => expect(serviceFromLabel(label)).toBeUndefined());

  it.each([
    ['Private subnet 2', 'subnet'], ['webapp-security-group', 'sg'], ['AZ : eu-west-3a', 'zone'], ['us-east-1b', 'zone'],
    ['webapp-vpc', 'vpc'], ['eu-west-3 (Paris)', 'region'], ['Auto Scaling group', 'asg'], ['Cloud', undefined],
  ])('box %j → %s', (label, kind) => expect(groupFromLabel(label)).toBe(kind));

  it('maps generic shapes by label and marks them inferred; --no-label-inference draws blocks', async () => {
    const xml = model([
      vertex('db', 'shape=cylinder3;whiteSpace=wrap;html=1;', 0, 0, 60, 80, { value: 'Orders DB (RDS)' }),
      vertex('box', 'rounded=0;', 200, 0, 400, 300, { value: 'Private subnet' }),
      vertex('fn', 'rounded=1;', 300, 100, 80, 40, { value: 'Lambda' }),
    ]);
    const on = await run(xml);
    expect(byCell(on.graph, 'db')).toMatchObject({ ccType: 'rds', mappedBy: 'label' });
    expect(byCell(on.graph, 'box')).toMatchObject({ ccType: 'subnet', mappedBy: 'label' });
    expect(on.report!.entries.find((e) => e.address === 'Page-1/db')).toMatchObject({ status: 'mapped', ccType: 'rds', mappedBy: 'label' });
    const off = await run(xml, { labelInference: false });
    expect(byCell(off.graph, 'db')).toMatchObject({ ccType: 'block', mappedBy: 'fallback', name: 'Orders DB (RDS)' });
    expect(byCell(off.graph, 'box')).toMatchObject({ ccType: 'area' });
    expect(off.report!.entries.find((e) => e.address === 'Page-1/db')?.mappedBy).toBe('fallback');
    expect(off.diagnostics.find((d) => d.ruleId === 'drawio-unknown-shape')?.reason).toMatch(/2 shapes have no Cloudcraft mapping.*cylinder3 \("Orders DB \(RDS\)"\)/);
  });
});

describe('AWS stencils missing from the table', () => {
  it.each([
    ['shape=mxgraph.aws4.rds_mysql_instance_alt;', 'rds'], ['shape=mxgraph.aws4.s3_on_outposts;', 's3'],
    ['shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.dynamodb_dax;', 'dynamodb'], ['shape=mxgraph.aws3.lambda_function_alt;', 'lambda'],
    ['shape=mxgraph.aws.compute.ec2_instance;', 'ec2'],
  ])('%s is read by its name → %s', async (style, type) => {
    const r = await run(model([vertex('x', style, 0, 0, 60, 60)]));
    expect(byCell(r.graph, 'x')).toMatchObject({ ccType: type });
    expect(byCell(r.graph, 'x').mappedBy).toBeUndefined();
  });

  it('an AWS stencil whose name says nothing known is a block listed as unknown', async () => {
    const r = await run(model([vertex('x', 'shape=mxgraph.aws4.braket_simulator_4;', 0, 0, 60, 60)]));
    expect(byCell(r.graph, 'x')).toMatchObject({ ccType: 'block', mappedBy: 'fallback', name: 'braket simulator 4' });
  });
});

it('AWS group shapes the table does not name are generic containers', async () => {
  const r = await run(model([
    vertex('g', 'shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_shiny_new_thing;container=1;', 0, 0, 300, 200, { value: 'Pipelines' }),
    vertex('fn', 'shape=mxgraph.aws4.lambda_function;', 50, 50, 60, 60, { parent: 'g' }),
  ]));
  expect(byCell(r.graph, 'g')).toMatchObject({ ccType: 'area', name: 'Pipelines' });
  expect(byCell(r.graph, 'fn').in.parent).toBe(byCell(r.graph, 'g').id);
});

/** Blueprint sides read back into the graph, and what each side is taken for. */
import { describe, expect, it } from 'vitest';
import type { Blueprint } from '../../src/blueprint.js';
import { DiagnosticBag } from '../../src/diagnostics.js';
import { graphFromBlueprint } from '../../src/diff/blueprint-graph.js';
import { sniffSide } from '../../src/diff/side.js';
import { inputFromObject, inputFromPath, inputFromText } from '../../src/input.js';
import { fixture } from './helpers.js';

const doc = (data: Record<string, unknown>): Blueprint => ({ name: 'x', data: { nodes: [], groups: [], edges: [], text: [], ...data } as never });

describe('graphFromBlueprint', () => {
  const bp = doc({
    nodes: [
      { type: 'ec2', id: 'web', mapPos: [2, 2], instanceType: 'm5', instanceSize: 'large', color: { isometric: '#fff' }, arn: 'arn:aws:ec2:eu-west-1:1:instance/i-1' },
      { type: 'ec2', id: 'web2', mapPos: [6, 2] },
      { type: 'rds', id: 'db', mapPos: [10, 2], region: 'eu-west-1' },
      { type: 'notacomponent', id: 'weird', mapPos: [0, 0] },
    ],
    groups: [
      { type: 'region', id: '123', arn: 'arn:aws::eu-west-1::', nodes: ['vpc'] },
      { type: 'vpc', id: 'vpc', name: 'main', nodes: ['a', 'b', 'db'] },
      { type: 'subnet', id: 'a', name: 'private-a', nodes: ['web', 'label-web'] },
      { type: 'subnet', id: 'b', name: 'private-b', nodes: ['web2'] },
      { type: 'sg', id: 'sg-1', name: 'web-sg', nodes: ['web'] },
      { type: 'sg', id: 'sg-2', name: 'web-sg', nodes: ['web2'] },
    ],
    edges: [
      { type: 'edge', id: 'e1', from: 'web', to: 'db', dashed: false },
      { type: 'edge', id: 'e2', from: 'web2', to: 'db', dashed: true },
      { type: 'edge', id: 'e3', from: 'web', to: 'missing' },
    ],
    text: [
      { type: 'isotext', id: 'label-web', mapPos: [2, 3.25], text: 'web-1', attachedTo: 'web' },
      { type: 'isotext', id: 'loose', mapPos: [6, 3.25], text: 'web-2' },
      { type: 'isotext', id: 'far', mapPos: [30, 30], text: 'a note' },
    ],
  });
  const bag = new DiagnosticBag('diff');
  const g = graphFromBlueprint(bp, 'x.json', bag);
  const r = (id: string) => g.resources.find((x) => x.id === id)!;

  it('turns components and containers into resources; region containers are left to the layout', () => {
    expect(g.resources.map((x) => `${x.ccType}:${x.id}`)).toEqual(['ec2:web', 'ec2:web2', 'rds:db', 'vpc:vpc', 'subnet:a', 'subnet:b', 'sg:sg-1']);
    expect(bag.items).toEqual([expect.objectContaining({ ruleId: 'diff-unknown-type', severity: 'warning' })]);
  });

  it('keeps fields, drops drawing details, and takes identity into meta', () => {
    expect(r('web').props).toEqual({ instanceType: 'm5', instanceSize: 'large' });
    expect(r('web').meta).toMatchObject({ arn: 'arn:aws:ec2:eu-west-1:1:instance/i-1' });
    expect(r('db').region).toBe('eu-west-1');
  });

  it('names from anchored labels, from the label lying in front, and from container names', () => {
    expect(r('web').name).toBe('web-1');
    expect(r('web2').name).toBe('web-2');
    expect(r('vpc').name).toBe('main');
    expect(r('db').name).toBe('rds');
    expect(r('db').meta?.['label']).toBeUndefined();
  });

  it('containment from nodes lists, with the VPC carried down from the subnet', () => {
    expect(r('web').in).toEqual({ subnets: ['a'], securityGroups: ['sg-1'], vpc: 'vpc' });
    expect(r('db').in).toEqual({ vpc: 'vpc' });
    expect(r('a').in).toEqual({ vpc: 'vpc' });
  });

  it('one security group drawn in two subnets is one resource', () => {
    expect(r('web2').in.securityGroups).toEqual(['sg-1']);
    expect(g.resources.find((x) => x.id === 'sg-2')).toBeUndefined();
  });

  it('edges between known objects; dashed ones are dependencies', () => {
    expect(g.edges.map((e) => `${e.from}→${e.to}:${e.kind}`)).toEqual(['web→db:reference', 'web2→db:dependency']);
  });
});

describe('sniffSide', () => {
  const obj = (v: unknown) => sniffSide(inputFromObject(v, 'x.json')).kind;
  it.each([
    ['one of our blueprints', { name: 'a', data: { nodes: [{ type: 'ec2', id: 'x' }], groups: [] } }, 'blueprint'],
    ['bare blueprint data', { version: 4, nodes: [], groups: [], edges: [] }, 'blueprint'],
    ['a scan: components carry ARNs', { data: { nodes: [{ type: 'ec2', id: 'x', arn: 'arn:aws:ec2:us-east-1:1:instance/i-1' }] } }, 'snapshot'],
    ['a scan: Azure resource ids', { data: { nodes: [{ type: 'azurevm', id: 'x', resourceId: '/subscriptions/s/x#componentType=azurevm' }] } }, 'snapshot'],
    ['a blueprint with live-sync settings', { data: { nodes: [], liveOptions: { autoLabel: true } } }, 'snapshot'],
    ['a region container\'s dummy ARN is not identity', { data: { nodes: [], groups: [{ type: 'region', id: '1', arn: 'arn:aws::us-east-1::' }] } }, 'blueprint'],
    ['Cloudcraft still scanning', { code: 'STILL_PROCESSING', message: 'Result wait time exceeded', retry: true }, 'pending'],
    ['a Terraform plan', { format_version: '1.2', resource_changes: [] }, 'plan'],
    ['a CloudFormation template', { Resources: { A: { Type: 'AWS::S3::Bucket' } } }, 'convert'],
    ['a template whose Resources hold "nodes"', { Resources: {}, nodes: [], edges: [] }, 'convert'],
  ])('%s', (_what, value, kind) => expect(obj(value)).toBe(kind));

  it('folders and non-JSON text go to the converters', () => {
    expect(sniffSide(inputFromPath(fixture('cdk-before'))).kind).toBe('convert');
    expect(sniffSide(inputFromText('Resources:\n  A:\n    Type: AWS::S3::Bucket\n')).kind).toBe('convert');
  });
});

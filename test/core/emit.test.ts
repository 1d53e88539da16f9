import { describe, expect, it } from 'vitest';
import { emitBlueprint } from '../../src/emit/emit.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import type { Scene } from '../../src/layout/types.js';
import { validateBlueprint } from '../../src/validate/index.js';

function fixture() {
  const b = new GraphBuilder('t');
  const vpc = b.add({ address: 'Vpc', provider: 'aws', sourceType: 'AWS::EC2::VPC', ccType: 'vpc', name: 'Vpc', region: 'eu-west-1' });
  const lbSg = b.add({ address: 'LbSg', provider: 'aws', sourceType: 'AWS::EC2::SecurityGroup', ccType: 'sg', name: 'lb-sg', in: { vpc: vpc.id } });
  const hidden = b.add({ address: 'Other', provider: 'aws', sourceType: 'AWS::EC2::SecurityGroup', ccType: 'sg', name: 'other-sg', in: { vpc: vpc.id } });
  const appSg = b.add({
    address: 'AppSg', provider: 'aws', sourceType: 'AWS::EC2::SecurityGroup', ccType: 'sg', name: 'app-sg', in: { vpc: vpc.id },
    props: { inboundRules: [
      { portRange: '80', protocol: 'tcp', target: lbSg.id, targetType: 'sg', hidden: false },
      { portRange: '22', protocol: 'tcp', target: hidden.id, targetType: 'sg', hidden: false },
      { portRange: '443', protocol: 'tcp', target: 'sg-0123456789abcdef0', targetType: 'sg', hidden: false },
      { portRange: '443', protocol: 'tcp', target: '10.0.0.0/8', targetType: 'ip', hidden: false },
    ] },
  });
  const fn = b.add({ address: 'Fn', provider: 'aws', sourceType: 'AWS::Lambda::Function', ccType: 'lambda', name: 'fn', region: 'eu-west-1', props: { memory: 256, architecture: 'sparc' } });
  const scene: Scene = {
    nodes: [{ id: fn.id, box: { x: 2, y: 2, w: 1, h: 1 } }],
    groups: [
      { id: 'vpc-box', ccType: 'vpc', name: 'Vpc', box: { x: 0, y: 0, w: 12, h: 8 }, members: ['lb-box', 'app-box'], resourceId: vpc.id },
      { id: 'lb-box', ccType: 'sg', name: 'lb-sg', box: { x: 1, y: 1, w: 3, h: 3 }, members: [fn.id], resourceId: lbSg.id },
      { id: 'app-box', ccType: 'sg', name: 'app-sg', box: { x: 6, y: 1, w: 3, h: 3 }, members: ['label'], resourceId: appSg.id },
    ],
    labels: [{ id: 'label', text: 'fn', x: 2, y: 3.25, anchor: fn.id }],
  };
  return { graph: b.build(), scene };
}

describe('emitBlueprint', () => {
  const { graph, scene } = fixture();
  const bp = emitBlueprint(graph, scene, { name: 'x' });

  it('writes a schema-valid blueprint with each type in its array', () => {
    expect(validateBlueprint(bp)).toMatchObject({ ok: true });
    expect(bp.data.nodes.map((n) => n.type)).toEqual(['lambda']);
    expect(bp.data.groups.map((g) => g.type)).toEqual(['vpc', 'sg', 'sg']);
    expect(bp.data.text[0]).toMatchObject({ type: 'isotext', text: 'fn', attachedTo: graph.resources[4]!.id });
  });

  it('drops field values Cloudcraft does not know and keeps the rest', () => {
    expect(bp.data.nodes[0]).toMatchObject({ memory: 256, region: 'eu-west-1' });
    expect(bp.data.nodes[0]).not.toHaveProperty('architecture');
  });

  it('points security-group rule peers at the drawn peer group, or names the peer when it is not drawn', () => {
    const app = bp.data.groups.find((g) => g.id === 'app-box')!;
    expect((app['inboundRules'] as { target: string }[]).map((r) => r.target)).toEqual(['lb-box', 'other-sg', 'sg-0123456789abcdef0', '10.0.0.0/8']);
  });
});

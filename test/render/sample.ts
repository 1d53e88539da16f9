/**
 * A realistic three-tier web application, built as a graph by hand and run through the real
 * layout and emitter, so the renderer is tested on the blueprints our pipeline writes.
 */
import type { Blueprint } from '../../src/blueprint.js';
import { emitBlueprint } from '../../src/emit/emit.js';
import { GraphBuilder } from '../../src/graph/builder.js';
import type { Graph, Resource } from '../../src/graph/types.js';
import { layout } from '../../src/layout/index.js';
import type { Scene } from '../../src/layout/types.js';

export function sampleGraph(): Graph {
  const g = new GraphBuilder('shop-prod');
  const region = 'eu-west-1';
  const add = (address: string, ccType: string, name: string, extra: Partial<Resource> = {}): Resource =>
    g.add({ address: `sample#${address}`, provider: 'aws', sourceType: `sample::${ccType}`, ccType, name, region, ...extra });
  const vpc = add('Vpc', 'vpc', 'shop-vpc');
  const pubA = add('PublicA', 'subnet', 'public-a', { in: { vpc: vpc.id, zone: 'eu-west-1a' }, tier: 'public' });
  const pubB = add('PublicB', 'subnet', 'public-b', { in: { vpc: vpc.id, zone: 'eu-west-1b' }, tier: 'public' });
  const privA = add('PrivateA', 'subnet', 'private-a', { in: { vpc: vpc.id, zone: 'eu-west-1a' }, tier: 'private' });
  const privB = add('PrivateB', 'subnet', 'private-b', { in: { vpc: vpc.id, zone: 'eu-west-1b' }, tier: 'private' });
  const webSg = add('WebSg', 'sg', 'web-sg', { in: { vpc: vpc.id } });
  const alb = add('Alb', 'elb', 'shop-alb', { in: { vpc: vpc.id, subnets: [pubA.id] }, props: { elbType: 'application' } });
  const nat = add('Nat', 'natgateway', 'nat-a', { in: { vpc: vpc.id, subnets: [pubB.id] } });
  const web1 = add('Web1', 'ec2', 'web-1', { in: { vpc: vpc.id, subnets: [privA.id], securityGroups: [webSg.id] }, props: { instanceType: 'm5', instanceSize: 'large', platform: 'linux' } });
  const web2 = add('Web2', 'ec2', 'web-2', { in: { vpc: vpc.id, subnets: [privB.id], securityGroups: [webSg.id] }, props: { instanceType: 'm5', instanceSize: 'large', platform: 'linux' } });
  const db = add('Db', 'rds', 'orders-db', { in: { vpc: vpc.id, subnets: [privA.id] }, props: { engine: 'postgresql', instanceType: 'r5', instanceSize: 'xlarge', multiAZ: true } });
  const cache = add('Cache', 'elasticache', 'sessions', { in: { vpc: vpc.id, subnets: [privB.id] }, props: { engine: 'redis', instanceType: 'r5', instanceSize: 'large' } });
  const cdn = add('Cdn', 'cloudfront', 'shop-cdn');
  const dns = add('Dns', 'r53', 'shop.example.com');
  const assets = add('Assets', 's3', 'shop-assets', { props: { volumeType: 'Standard' } });
  const queue = add('Queue', 'sqs', 'order-events', { props: { queueType: 'fifo' } });
  const worker = add('Worker', 'lambda', 'order-worker', { props: { architecture: 'arm64', memory: 512 } });
  const table = add('Table', 'dynamodb', 'carts', { props: { capacityMode: 'on-demand' } });
  g.edge(dns.id, cdn.id, 'network');
  g.edge(cdn.id, alb.id, 'network');
  g.edge(cdn.id, assets.id, 'network');
  g.edge(alb.id, web1.id, 'network');
  g.edge(alb.id, web2.id, 'network');
  g.edge(web1.id, db.id, 'network');
  g.edge(web2.id, cache.id, 'network');
  g.edge(web1.id, queue.id, 'dataflow');
  g.edge(queue.id, worker.id, 'event');
  g.edge(worker.id, table.id, 'dataflow');
  g.edge(web2.id, nat.id, 'dependency');
  return g.build();
}

export function sampleScene(): Scene {
  return layout(sampleGraph(), {});
}

export function sampleBlueprint(options: { projection?: 'isometric' | '2d'; theme?: 'light' | 'dark' } = {}): Blueprint {
  const graph = sampleGraph();
  const scene = layout(graph, { projection: options.projection ?? 'isometric' });
  return emitBlueprint(graph, scene, { ...(options.projection ? { projection: options.projection } : {}), ...(options.theme ? { theme: options.theme } : {}) });
}

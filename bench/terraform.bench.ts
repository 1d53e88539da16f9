/**
 * Terraform converter benchmark: generated v4 states of 1,000 / 5,000 / 20,000 instances (VPCs
 * with subnets, gateways, route tables, security groups and rules, instances behind load
 * balancers, functions fed by queues, buckets, databases, IAM roles), converted end to end
 * (decode, parse, map, layout, emit, validate). Target: 20,000 instances in ≤ 3 s.
 * Prints wall time, the converter's own stages, and peak memory (maxRSS grows monotonically,
 * so sizes run smallest first).
 */
import { resourceUsage } from 'node:process';
import { convert } from '../src/convert.js';
import { inputFromBytes } from '../src/input.js';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const AWS = 'provider["registry.terraform.io/hashicorp/aws"]';

interface Res { module?: string; mode: 'managed'; type: string; name: string; provider: string; instances: unknown[] }

function instance(attributes: Record<string, unknown>, key: number | string | undefined, dependencies: string[]): Record<string, unknown> {
  return {
    ...(key !== undefined ? { index_key: key } : {}),
    schema_version: 1,
    attributes: { ...attributes, tags: { Name: String(attributes['id']), Team: 'platform', Environment: 'bench' }, tags_all: { Name: String(attributes['id']) }, timeouts: null },
    sensitive_attributes: [],
    private: 'eyJzY2hlbWFfdmVyc2lvbiI6IjEifQ==',
    dependencies,
  };
}

const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;

/** One "cell" of about 100 instances: a VPC module instance with everything inside it. */
function cell(c: number): Res[] {
  const module = `module.cell["c${c}"]`;
  const vpc = `vpc-${c.toString(16).padStart(8, '0')}`;
  const out: Res[] = [];
  const add = (type: string, name: string, instances: unknown[]) => out.push({ module, mode: 'managed', type, name, provider: AWS, instances });
  const dep = (a: string) => `${module}.${a}`;
  add('aws_vpc', 'this', [instance({ id: vpc, arn: arn('ec2', `vpc/${vpc}`), cidr_block: '10.0.0.0/16', enable_dns_support: true }, undefined, [])]);
  const subnets: string[] = [];
  for (const tier of ['public', 'private']) {
    add('aws_subnet', tier, ['a', 'b', 'c'].map((z) => {
      const id = `subnet-${c}-${tier}-${z}`;
      subnets.push(id);
      return instance({ id, arn: arn('ec2', `subnet/${id}`), vpc_id: vpc, availability_zone: `${REGION}${z}`, cidr_block: '10.0.1.0/24', map_public_ip_on_launch: tier === 'public' }, z, [dep('aws_vpc.this')]);
    }));
  }
  add('aws_internet_gateway', 'this', [instance({ id: `igw-${c}`, vpc_id: vpc }, undefined, [dep('aws_vpc.this')])]);
  add('aws_nat_gateway', 'this', [instance({ id: `nat-${c}`, subnet_id: subnets[0] }, undefined, [dep('aws_subnet.public')])]);
  add('aws_route_table', 'public', [instance({ id: `rtb-${c}-pub`, vpc_id: vpc, route: [{ cidr_block: '0.0.0.0/0', gateway_id: `igw-${c}` }] }, undefined, [])]);
  add('aws_route_table', 'private', [instance({ id: `rtb-${c}-prv`, vpc_id: vpc, route: [{ cidr_block: '0.0.0.0/0', nat_gateway_id: `nat-${c}` }] }, undefined, [])]);
  add('aws_route_table_association', 'all', subnets.map((s, i) => instance({ id: `rtbassoc-${c}-${i}`, subnet_id: s, route_table_id: `rtb-${c}-${i < 3 ? 'pub' : 'prv'}` }, i, [])));
  const sgs = ['lb', 'app', 'fn', 'db'].map((n) => `sg-${c}-${n}`);
  add('aws_security_group', 'this', sgs.map((id, i) => instance({
    id, arn: arn('ec2', `security-group/${id}`), name: id, vpc_id: vpc,
    ingress: [{ from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['10.0.0.0/8'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: 'https' }],
    egress: [{ from_port: 0, to_port: 0, protocol: '-1', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' }],
  }, i, [dep('aws_vpc.this')])));
  add('aws_security_group_rule', 'chain', [[0, 1, 8080], [1, 3, 5432], [2, 3, 5432]].map(([from, to, port], i) => instance({
    id: `sgrule-${c}-${i}`, type: 'ingress', security_group_id: sgs[to!], source_security_group_id: sgs[from!], protocol: 'tcp', from_port: port, to_port: port,
  }, i, [dep('aws_security_group.this')])));
  const lb = arn('elasticloadbalancing', `loadbalancer/app/c${c}/1`);
  const tg = arn('elasticloadbalancing', `targetgroup/c${c}/1`);
  add('aws_lb', 'this', [instance({ id: lb, arn: lb, load_balancer_type: 'application', subnets: subnets.slice(0, 3), security_groups: [sgs[0]], dns_name: `c${c}.elb.amazonaws.com` }, undefined, [])]);
  add('aws_lb_target_group', 'this', [instance({ id: tg, arn: tg, port: 8080, vpc_id: vpc }, undefined, [])]);
  add('aws_lb_listener', 'https', [instance({ id: `${lb}/l`, arn: `${lb}/l`, load_balancer_arn: lb, default_action: [{ type: 'forward', target_group_arn: tg }] }, undefined, [])]);
  const ec2 = Array.from({ length: 24 }, (_, i) => `i-${c}-${i}`);
  add('aws_instance', 'app', ec2.map((id, i) => instance({
    id, arn: arn('ec2', `instance/${id}`), ami: 'ami-0123456789', instance_type: 'm5.large', subnet_id: subnets[3 + (i % 3)], availability_zone: `${REGION}${'abc'[i % 3]}`,
    vpc_security_group_ids: [sgs[1]], root_block_device: [{ volume_size: 20, volume_type: 'gp3', encrypted: true }], metadata_options: [{ http_tokens: 'required' }],
  }, i, [dep('aws_security_group.this'), dep('aws_subnet.private')])));
  add('aws_lb_target_group_attachment', 'app', ec2.map((id, i) => instance({ id: `${tg}-${id}`, target_group_arn: tg, target_id: id, port: 8080 }, i, [])));
  const queues = Array.from({ length: 6 }, (_, i) => arn('sqs', `c${c}-q${i}`));
  add('aws_sqs_queue', 'jobs', queues.map((q, i) => instance({ id: `https://sqs/${c}/${i}`, arn: q, name: `c${c}-q${i}`, fifo_queue: false }, i, [])));
  const fns = Array.from({ length: 6 }, (_, i) => arn('lambda', `function:c${c}-f${i}`));
  add('aws_lambda_function', 'worker', fns.map((f, i) => instance({
    id: `c${c}-f${i}`, arn: f, function_name: `c${c}-f${i}`, memory_size: 256, architectures: ['arm64'], runtime: 'python3.12',
    vpc_config: [{ subnet_ids: subnets.slice(3), security_group_ids: [sgs[2]], vpc_id: vpc }], role: arn('iam', `role/c${c}-f${i}`),
  }, i, [dep('aws_iam_role.fn')])));
  add('aws_lambda_event_source_mapping', 'jobs', queues.map((q, i) => instance({ id: `esm-${c}-${i}`, event_source_arn: q, function_name: fns[i], batch_size: 10 }, i, [])));
  add('aws_iam_role', 'fn', fns.map((_, i) => instance({ id: `c${c}-f${i}`, arn: arn('iam', `role/c${c}-f${i}`), assume_role_policy: '{"Version":"2012-10-17"}' }, i, [])));
  add('aws_iam_role_policy_attachment', 'fn', fns.map((_, i) => instance({ id: `c${c}-f${i}-att`, role: `c${c}-f${i}`, policy_arn: 'arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole' }, i, [])));
  add('aws_s3_bucket', 'data', Array.from({ length: 4 }, (_, i) => instance({ id: `c${c}-b${i}`, bucket: `c${c}-b${i}`, arn: `arn:aws:s3:::c${c}-b${i}`, region: REGION }, i, [])));
  add('aws_db_subnet_group', 'db', [instance({ id: `c${c}-db`, name: `c${c}-db`, subnet_ids: subnets.slice(3) }, undefined, [])]);
  add('aws_db_instance', 'db', [0, 1].map((i) => instance({
    id: `c${c}-db${i}`, arn: arn('rds', `db:c${c}-db${i}`), engine: 'postgres', instance_class: 'db.r5.large', db_subnet_group_name: `c${c}-db`,
    vpc_security_group_ids: [sgs[3]], availability_zone: `${REGION}a`, multi_az: true,
  }, i, [dep('aws_db_subnet_group.db')])));
  return out;
}

function generate(target: number): { text: Buffer; instances: number } {
  const resources: Res[] = [];
  let instances = 0;
  for (let c = 0; instances < target; c++) {
    for (const r of cell(c)) {
      resources.push(r);
      instances += r.instances.length;
    }
  }
  const doc = { version: 4, terraform_version: '1.9.0', serial: 1, lineage: 'bench', outputs: {}, resources, check_results: null };
  return { text: Buffer.from(JSON.stringify(doc, null, 2)), instances };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

console.log('instances  size     total      terraform (read+build)  layout   emit+validate  peak RSS');
for (const target of [1000, 5000, 20000]) {
  const { text, instances } = generate(target);
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  const r = await convert(inputFromBytes(text, `bench-${target}.tfstate`));
  const total = performance.now() - t0;
  if (!r.ok) {
    console.error(r.diagnostics.slice(0, 5));
    process.exit(1);
  }
  const t = r.timings;
  const tf = `${(t['terraform'] ?? 0).toFixed(0)} ms (${(t['terraform.read'] ?? 0).toFixed(0)}+${(t['terraform.build'] ?? 0).toFixed(0)})`;
  const peak = resourceUsage().maxRSS * 1024;
  console.log(`${String(instances).padEnd(10)} ${mb(text.length).padEnd(8)} ${`${total.toFixed(0)} ms`.padEnd(10)} ${tf.padEnd(23)} ${`${(t['layout'] ?? 0).toFixed(0)} ms`.padEnd(8)} ${`${((t['emit'] ?? 0) + (t['validate'] ?? 0)).toFixed(0)} ms`.padEnd(14)} ${mb(peak)}`);
  if (instances >= 20000) console.log(`20,000-instance target (≤ 3000 ms end to end): ${total <= 3000 ? 'met' : 'MISSED'} (${r.report!.summary.nodes} components, ${r.report!.summary.groups} groups, ${r.report!.summary.edges} edges)`);
}

/** Containment rules: which VPC, subnets, security groups, ASG or parent each resource sits in. */
import { describe, expect, it } from 'vitest';
import { convertCfn, view } from './helpers.js';

const NETWORK = `  Vpc:
    Type: AWS::EC2::VPC
  SubA:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs ''] }
  SubB:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [1, !GetAZs ''] }
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: x, VpcId: !Ref Vpc }
`;

function place(resource: string, options = {}) {
  return view(convertCfn(`Resources:\n${NETWORK}${resource}`, options));
}

describe('containment', () => {
  const rows: [string, string, Record<string, unknown>][] = [
    ['VpcId', '  X:\n    Type: AWS::EC2::SecurityGroup\n    Properties: { GroupDescription: x, VpcId: !Ref Vpc }\n', { vpc: 'Vpc' }],
    ['SubnetId + SecurityGroupIds (instance)', '  X:\n    Type: AWS::EC2::Instance\n    Properties: { SubnetId: !Ref SubA, SecurityGroupIds: [!Ref Sg] }\n', { subnets: ['SubA'], securityGroups: ['Sg'] }],
    ['NetworkInterfaces (instance)', '  X:\n    Type: AWS::EC2::Instance\n    Properties: { NetworkInterfaces: [{ SubnetId: !Ref SubB, GroupSet: [!Ref Sg], DeviceIndex: "0" }] }\n', { subnets: ['SubB'], securityGroups: ['Sg'] }],
    ['Subnets + SecurityGroups (ALB)', '  X:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: { Subnets: [!Ref SubA, !Ref SubB], SecurityGroups: [!Ref Sg] }\n', { subnets: ['SubA', 'SubB'], securityGroups: ['Sg'] }],
    ['SubnetMappings (NLB)', '  X:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: { Type: network, SubnetMappings: [{ SubnetId: !Ref SubB }] }\n', { subnets: ['SubB'] }],
    ['VPCZoneIdentifier (ASG)', '  X:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties: { MinSize: "1", MaxSize: "2", VPCZoneIdentifier: [!Ref SubA, !Ref SubB] }\n', { subnets: ['SubA', 'SubB'] }],
    ['VpcConfig (Lambda)', '  X:\n    Type: AWS::Lambda::Function\n    Properties: { VpcConfig: { SubnetIds: [!Ref SubA], SecurityGroupIds: [!Ref Sg] } }\n', { subnets: ['SubA'], securityGroups: ['Sg'] }],
    ['NetworkConfiguration (ECS service)', '  X:\n    Type: AWS::ECS::Service\n    Properties: { NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [!Ref SubA], SecurityGroups: [!Ref Sg] } } }\n', { subnets: ['SubA'], securityGroups: ['Sg'] }],
    ['security groups only → their VPC', '  X:\n    Type: AWS::Lambda::Function\n    Properties: { VpcConfig: { SecurityGroupIds: [!Ref Sg] } }\n', { vpc: 'Vpc', securityGroups: ['Sg'] }],
    ['DB subnet group (RDS)', '  G:\n    Type: AWS::RDS::DBSubnetGroup\n    Properties: { DBSubnetGroupDescription: g, SubnetIds: [!Ref SubA, !Ref SubB] }\n  X:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBSubnetGroupName: !Ref G, VPCSecurityGroups: [!GetAtt Sg.GroupId] }\n', { subnets: ['SubA', 'SubB'], securityGroups: ['Sg'] }],
    ['cache subnet group (ElastiCache)', '  G:\n    Type: AWS::ElastiCache::SubnetGroup\n    Properties: { Description: g, SubnetIds: [!Ref SubB] }\n  X:\n    Type: AWS::ElastiCache::CacheCluster\n    Properties: { CacheSubnetGroupName: !Ref G, VpcSecurityGroupIds: [!Ref Sg] }\n', { subnets: ['SubB'], securityGroups: ['Sg'] }],
    ['cluster network (Aurora instance)', '  G:\n    Type: AWS::RDS::DBSubnetGroup\n    Properties: { DBSubnetGroupDescription: g, SubnetIds: [!Ref SubA] }\n  C:\n    Type: AWS::RDS::DBCluster\n    Properties: { Engine: aurora-mysql, DBSubnetGroupName: !Ref G, VpcSecurityGroupIds: [!Ref Sg] }\n  X:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBClusterIdentifier: !Ref C }\n', { subnets: ['SubA'], securityGroups: ['Sg'] }],
    ['mount targets (EFS)', '  X:\n    Type: AWS::EFS::FileSystem\n  M1:\n    Type: AWS::EFS::MountTarget\n    Properties: { FileSystemId: !Ref X, SubnetId: !Ref SubA, SecurityGroups: [!Ref Sg] }\n  M2:\n    Type: AWS::EFS::MountTarget\n    Properties: { FileSystemId: !Ref X, SubnetId: !Ref SubB, SecurityGroups: [!Ref Sg] }\n', { subnets: ['SubA', 'SubB'], securityGroups: ['Sg'] }],
    ['VPCGatewayAttachment (internet gateway)', '  X:\n    Type: AWS::EC2::InternetGateway\n  A:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref X }\n', { vpc: 'Vpc' }],
    ['launch template security groups (ASG)', '  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties: { LaunchTemplateData: { SecurityGroupIds: [!Ref Sg] } }\n  X:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties: { MinSize: "1", MaxSize: "1", VPCZoneIdentifier: [!Ref SubA], LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: "1" } }\n', { subnets: ['SubA'], securityGroups: ['Sg'] }],
    ['NAT gateway subnet', '  X:\n    Type: AWS::EC2::NatGateway\n    Properties: { SubnetId: !Ref SubB }\n', { subnets: ['SubB'] }],
    ['VPC from a comma-joined list (Split of Join)', '  X:\n    Type: AWS::Lambda::Function\n    Properties: { VpcConfig: { SubnetIds: !Split [",", !Join [",", [!Ref SubA, !Ref SubB]]] } }\n', { subnets: ['SubA', 'SubB'] }],
  ];
  it.each(rows)('%s', (_name, resource, expected) => {
    expect(place(resource).where('X')).toEqual(expected);
  });

  it('a subnet\'s zone comes from AvailabilityZone, !Select on !GetAZs, or AvailabilityZoneId', () => {
    const v = place('  Z:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, AvailabilityZoneId: use1-az4 }\n', { region: 'eu-central-1' });
    expect(v.where('SubA')).toEqual({ vpc: 'Vpc', zone: 'eu-central-1a' });
    expect(v.where('SubB')).toEqual({ vpc: 'Vpc', zone: 'eu-central-1b' });
    expect(v.where('Z')).toEqual({ vpc: 'Vpc', zone: 'use1-az4' });
  });

  it('the ASG draws its instances (DesiredCapacity, instance type from the launch template) inside it', () => {
    const v = place('  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties: { LaunchTemplateData: { InstanceType: c5.xlarge } }\n  X:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties: { MinSize: "1", MaxSize: "9", DesiredCapacity: "3", VPCZoneIdentifier: [!Ref SubA], LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: "1" } }\n');
    const members = v.graph.resources.filter((r) => r.in.asg === v.resource('X').id);
    expect(members.map((m) => [m.name, m.ccType, m.props])).toEqual([1, 2, 3].map((i) => [`X ${i}`, 'ec2', { instanceType: 'c5', instanceSize: 'xlarge' }]));
    expect(members.every((m) => m.meta?.['synthetic'])).toBe(true);
  });

  it('a replication group draws its nodes spread over its subnets', () => {
    const v = place('  G:\n    Type: AWS::ElastiCache::SubnetGroup\n    Properties: { Description: g, SubnetIds: [!Ref SubA, !Ref SubB] }\n  X:\n    Type: AWS::ElastiCache::ReplicationGroup\n    Properties: { ReplicationGroupDescription: x, NumCacheClusters: 3, CacheSubnetGroupName: !Ref G }\n');
    expect(v.where('X')).toEqual({ subnets: ['SubA', 'SubB'] });
    expect(v.where('X 2')).toEqual({ subnets: ['SubB'] });
    expect(v.where('X 3')).toEqual({ subnets: ['SubA'] });
  });

  describe('group members spread over the group\'s subnets, zone by zone, as AWS balances them', () => {
    const SUB_A2 = '  SubA2:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs \'\'] }\n';
    const asg = (props: string) => `  X:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties: { MaxSize: "9", ${props} }\n`;
    const members = (v: ReturnType<typeof place>, group = 'X') => v.graph.resources
      .filter((r) => r.in.asg === v.resource(group).id).map((r) => [r.name, v.where(r.name).subnets]);
    it('DesiredCapacity instances, one subnet each, round-robin', () => {
      expect(members(place(asg('MinSize: "1", DesiredCapacity: "3", VPCZoneIdentifier: [!Ref SubA, !Ref SubB]'))))
        .toEqual([['X 1', ['SubA']], ['X 2', ['SubB']], ['X 3', ['SubA']]]);
    });
    it('MinSize when there is no DesiredCapacity; never more than four drawn', () => {
      expect(members(place(asg('MinSize: "2", VPCZoneIdentifier: [!Ref SubB, !Ref SubA]')))).toEqual([['X 1', ['SubB']], ['X 2', ['SubA']]]);
      expect(members(place(asg('MinSize: "1", DesiredCapacity: "12", VPCZoneIdentifier: [!Ref SubA, !Ref SubB]'))).map(([, s]) => s))
        .toEqual([['SubA'], ['SubB'], ['SubA'], ['SubB']]);
    });
    it('zones first: two subnets in one zone share its turns', () => {
      const v = place(`${SUB_A2}${asg('MinSize: "4", VPCZoneIdentifier: [!Ref SubA, !Ref SubA2, !Ref SubB]')}`);
      expect(members(v)).toEqual([['X 1', ['SubA']], ['X 2', ['SubB']], ['X 3', ['SubA2']], ['X 4', ['SubB']]]);
    });
    it('an EKS node group spreads its nodes the same way', () => {
      const v = place('  X:\n    Type: AWS::EKS::Nodegroup\n    Properties: { ClusterName: c, NodeRole: r, Subnets: [!Ref SubA, !Ref SubB], ScalingConfig: { MinSize: 1, DesiredSize: 2, MaxSize: 3 } }\n');
      expect(members(v)).toEqual([['X 1', ['SubA']], ['X 2', ['SubB']]]);
    });
    it('without subnets the instances sit in the group only', () => {
      const v = place(asg('MinSize: "2", AvailabilityZones: [us-east-1a, us-east-1b]'));
      expect(v.where('X 2')).toEqual({ asg: 'X' });
    });
    it('instances carry the Name the group propagates (for matching live instances)', () => {
      const v = place(asg('MinSize: "1", VPCZoneIdentifier: [!Ref SubA], Tags: [{ Key: Name, Value: !Sub "${AWS::StackName}-web", PropagateAtLaunch: true }]'));
      expect(v.resource('X 1').meta?.['names']).toEqual(['template-web']);
    });
  });

  it('database instances: a cluster\'s instances take the zones in turn; a pinned zone wins; a standalone instance keeps its group', () => {
    const v = place(`  G:\n    Type: AWS::RDS::DBSubnetGroup\n    Properties: { DBSubnetGroupDescription: g, SubnetIds: [!Ref SubA, !Ref SubB] }
  C:\n    Type: AWS::RDS::DBCluster\n    Properties: { Engine: aurora-mysql, DBSubnetGroupName: !Ref G }
  W:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBClusterIdentifier: !Ref C, DBInstanceClass: db.r6g.large }
  R1:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBClusterIdentifier: !Ref C, DBInstanceClass: db.r6g.large }
  R2:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBClusterIdentifier: !Ref C, DBInstanceClass: db.r6g.large }
  Pinned:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBClusterIdentifier: !Ref C, AvailabilityZone: !Select [1, !GetAZs ''] }
  Alone:\n    Type: AWS::RDS::DBInstance\n    Properties: { DBSubnetGroupName: !Ref G, MultiAZ: true }
  Cache:\n    Type: AWS::ElastiCache::CacheCluster\n    Properties: { Engine: redis, CacheNodeType: cache.t3.micro, NumCacheNodes: 1, CacheSubnetGroupName: !Ref Cg, PreferredAvailabilityZone: us-east-1b }
  Cg:\n    Type: AWS::ElastiCache::SubnetGroup\n    Properties: { Description: g, SubnetIds: [!Ref SubA, !Ref SubB] }
`);
    expect(['W', 'R1', 'R2', 'Pinned', 'Alone', 'Cache'].map((n) => v.where(n).subnets)).toEqual([['SubA'], ['SubB'], ['SubA'], ['SubB'], ['SubA', 'SubB'], ['SubB']]);
  });

  it('ECS: a service sits in its cluster, its task definition in the service', () => {
    const v = place('  C:\n    Type: AWS::ECS::Cluster\n  T:\n    Type: AWS::ECS::TaskDefinition\n  X:\n    Type: AWS::ECS::Service\n    Properties: { Cluster: !Ref C, TaskDefinition: !Ref T }\n');
    expect(v.where('X')).toEqual({ parent: 'C' });
    expect(v.where('T')).toEqual({ parent: 'X' });
  });
});

describe('subnet tiers', () => {
  const tier = (subnet: string, extra = '') => view(convertCfn(`Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n  Igw:\n    Type: AWS::EC2::InternetGateway\n  Nat:\n    Type: AWS::EC2::NatGateway\n  S:\n    Type: AWS::EC2::Subnet\n    Properties: ${subnet}\n${extra}`)).resource('S').tier;
  const routed = (target: string) => `  Rt:\n    Type: AWS::EC2::RouteTable\n    Properties: { VpcId: !Ref Vpc }\n  R:\n    Type: AWS::EC2::Route\n    Properties: { RouteTableId: !Ref Rt, DestinationCidrBlock: 0.0.0.0/0, ${target} }\n  A:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties: { SubnetId: !Ref S, RouteTableId: !Ref Rt }\n`;
  it.each([
    ['MapPublicIpOnLaunch', '{ VpcId: !Ref Vpc, MapPublicIpOnLaunch: true }', '', 'public'],
    ['route to an internet gateway', '{ VpcId: !Ref Vpc }', routed('GatewayId: !Ref Igw'), 'public'],
    ['route to a NAT gateway', '{ VpcId: !Ref Vpc }', routed('NatGatewayId: !Ref Nat'), 'private'],
    ['route table without a default route', '{ VpcId: !Ref Vpc }', routed('GatewayId: !Ref Igw').replace('0.0.0.0/0', '10.1.0.0/16'), 'isolated'],
    ['CDK subnet-type tag', '{ VpcId: !Ref Vpc, Tags: [{ Key: aws-cdk:subnet-type, Value: Isolated }] }', '', 'isolated'],
    ['name', '{ VpcId: !Ref Vpc, Tags: [{ Key: Name, Value: app-private-1 }] }', '', 'private'],
    ['nothing known', '{ VpcId: !Ref Vpc }', '', undefined],
  ])('%s', (_n, subnet, extra, expected) => {
    expect(tier(subnet, extra)).toBe(expected);
  });
});

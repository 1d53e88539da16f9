/**
 * Generator of large CloudFormation templates for the benchmark (and for ad-hoc scale checks):
 * VPCs with subnets and security groups, functions in those VPCs, queues, tables, topics, event
 * source mappings, subscriptions and roles, wired with Ref, GetAtt, Sub, Select, Cidr and GetAZs.
 */
type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string[] }>;

/** A template with `n` resources: one VPC block (9 resources) per 100, the rest an application mix. */
export function generateTemplate(n: number): Record<string, unknown> {
  const resources: Resources = {};
  const add = (id: string, Type: string, Properties?: Record<string, unknown>) => {
    if (Object.keys(resources).length < n) resources[id] = Properties ? { Type, Properties } : { Type };
  };
  const vpcs = Math.max(1, Math.floor(n / 100));
  for (let v = 0; v < vpcs; v++) {
    add(`Vpc${v}`, 'AWS::EC2::VPC', { CidrBlock: `10.${v % 250}.0.0/16`, Tags: [{ Key: 'Name', Value: { 'Fn::Sub': '${AWS::StackName}-vpc-' + v } }] });
    add(`Igw${v}`, 'AWS::EC2::InternetGateway');
    add(`IgwAttach${v}`, 'AWS::EC2::VPCGatewayAttachment', { VpcId: { Ref: `Vpc${v}` }, InternetGatewayId: { Ref: `Igw${v}` } });
    for (let s = 0; s < 4; s++) {
      add(`Subnet${v}x${s}`, 'AWS::EC2::Subnet', {
        VpcId: { Ref: `Vpc${v}` },
        CidrBlock: { 'Fn::Select': [s, { 'Fn::Cidr': [{ 'Fn::GetAtt': [`Vpc${v}`, 'CidrBlock'] }, 4, 8] }] },
        AvailabilityZone: { 'Fn::Select': [s % 2, { 'Fn::GetAZs': '' }] },
        MapPublicIpOnLaunch: s < 2,
      });
    }
    add(`Sg${v}`, 'AWS::EC2::SecurityGroup', { GroupDescription: 'app', VpcId: { Ref: `Vpc${v}` }, SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }] });
  }
  for (let i = 0; Object.keys(resources).length < n; i++) {
    const v = i % vpcs;
    add(`Table${i}`, 'AWS::DynamoDB::Table', { BillingMode: i % 2 ? 'PAY_PER_REQUEST' : 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } });
    add(`Queue${i}`, 'AWS::SQS::Queue', { FifoQueue: i % 3 === 0 });
    add(`Role${i}`, 'AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      Policies: [{ PolicyName: 'data', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: { 'Fn::GetAtt': [`Table${i}`, 'Arn'] } }] } }],
    });
    add(`Function${i}`, 'AWS::Lambda::Function', {
      Runtime: 'nodejs20.x', Handler: 'index.handler', MemorySize: 256 * (1 + (i % 4)), Role: { 'Fn::GetAtt': [`Role${i}`, 'Arn'] },
      Code: { ZipFile: 'exports.handler = async () => {}' },
      VpcConfig: { SubnetIds: [{ Ref: `Subnet${v}x2` }, { Ref: `Subnet${v}x3` }], SecurityGroupIds: [{ Ref: `Sg${v}` }] },
      Environment: { Variables: { TABLE: { Ref: `Table${i}` }, QUEUE_URL: { Ref: `Queue${i}` }, STAGE: { 'Fn::Sub': '${AWS::StackName}-${AWS::Region}' } } },
    });
    add(`Mapping${i}`, 'AWS::Lambda::EventSourceMapping', { EventSourceArn: { 'Fn::GetAtt': [`Queue${i}`, 'Arn'] }, FunctionName: { Ref: `Function${i}` } });
    add(`Topic${i}`, 'AWS::SNS::Topic');
    add(`Subscription${i}`, 'AWS::SNS::Subscription', { TopicArn: { Ref: `Topic${i}` }, Protocol: 'sqs', Endpoint: { 'Fn::GetAtt': [`Queue${i}`, 'Arn'] } });
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Description: `generated: ${n} resources`, Resources: resources };
}

/** Edge rules: plain references, DependsOn, and the semantic links, after folding. */
import { describe, expect, it } from 'vitest';
import { convertCfn, view } from './helpers.js';

const edges = (resources: string, head = '') => view(convertCfn(`${head}Resources:\n${resources}`)).edges();

describe('edges', () => {
  const rows: [string, string, string[]][] = [
    ['Ref → reference', '  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Environment: { Variables: { B: !Ref B } } }\n  B:\n    Type: AWS::S3::Bucket\n', ['Fn -reference-> B']],
    ['GetAtt → reference', '  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Environment: { Variables: { Q: !GetAtt Q.Arn } } }\n  Q:\n    Type: AWS::SQS::Queue\n', ['Fn -reference-> Q']],
    ['${X} and ${X.Attr} in Sub → reference', '  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Environment: { Variables: { A: !Sub "${B}/${T.Arn}" } } }\n  B:\n    Type: AWS::S3::Bucket\n  T:\n    Type: AWS::DynamoDB::Table\n', ['Fn -reference-> B', 'Fn -reference-> T']],
    ['DependsOn → dependency', '  Fn:\n    Type: AWS::Lambda::Function\n    DependsOn: [B, Role]\n  B:\n    Type: AWS::S3::Bucket\n  Role:\n    Type: AWS::IAM::Role\n', ['Fn -dependency-> B']],
    ['DependsOn on a resource already referenced adds no second edge', '  Fn:\n    Type: AWS::Lambda::Function\n    DependsOn: B\n    Properties: { Environment: { Variables: { B: !Ref B } } }\n  B:\n    Type: AWS::S3::Bucket\n', ['Fn -reference-> B']],
    ['an untaken Fn::If branch draws nothing', '  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Environment: { Variables: { X: !If [Never, !Ref B, none] } } }\n  B:\n    Type: AWS::S3::Bucket\n', []],
    ['Lambda event source mapping', '  Fn:\n    Type: AWS::Lambda::Function\n  Q:\n    Type: AWS::SQS::Queue\n  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties: { EventSourceArn: !GetAtt Q.Arn, FunctionName: !Ref Fn }\n', ['Q -dataflow-> Fn']],
    ['DynamoDB stream mapping', '  Fn:\n    Type: AWS::Lambda::Function\n  T:\n    Type: AWS::DynamoDB::Table\n  M:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties: { EventSourceArn: !GetAtt T.StreamArn, FunctionName: !GetAtt Fn.Arn }\n', ['T -dataflow-> Fn']],
    ['SNS subscription to a queue', '  T:\n    Type: AWS::SNS::Topic\n  Q:\n    Type: AWS::SQS::Queue\n  S:\n    Type: AWS::SNS::Subscription\n    Properties: { TopicArn: !Ref T, Protocol: sqs, Endpoint: !GetAtt Q.Arn }\n', ['T -dataflow-> Q']],
    ['SNS topic inline subscription', '  T:\n    Type: AWS::SNS::Topic\n    Properties: { Subscription: [{ Protocol: lambda, Endpoint: !GetAtt Fn.Arn }] }\n  Fn:\n    Type: AWS::Lambda::Function\n', ['T -dataflow-> Fn']],
    ['S3 notifications', '  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      NotificationConfiguration:\n        LambdaConfigurations: [{ Event: "s3:ObjectCreated:*", Function: !GetAtt Fn.Arn }]\n        QueueConfigurations: [{ Event: "s3:ObjectRemoved:*", Queue: !GetAtt Q.Arn }]\n        TopicConfigurations: [{ Event: "s3:ObjectRemoved:*", Topic: !Ref T }]\n  Fn:\n    Type: AWS::Lambda::Function\n  Q:\n    Type: AWS::SQS::Queue\n  T:\n    Type: AWS::SNS::Topic\n', ['B -event-> Fn', 'B -event-> Q', 'B -event-> T']],
    ['SQS dead-letter queue', '  Q:\n    Type: AWS::SQS::Queue\n    Properties: { RedrivePolicy: { deadLetterTargetArn: !GetAtt D.Arn, maxReceiveCount: 3 } }\n  D:\n    Type: AWS::SQS::Queue\n', ['Q -dataflow-> D']],
    ['permission with SourceArn (bucket → function)', '  B:\n    Type: AWS::S3::Bucket\n  Fn:\n    Type: AWS::Lambda::Function\n  P:\n    Type: AWS::Lambda::Permission\n    Properties: { FunctionName: !Ref Fn, Principal: s3.amazonaws.com, SourceArn: !GetAtt B.Arn, Action: lambda:InvokeFunction }\n', ['B -event-> Fn']],
    ['SNS subscription + its invoke permission: one arrow', '  T:\n    Type: AWS::SNS::Topic\n  S:\n    Type: AWS::SNS::Subscription\n    Properties: { TopicArn: !Ref T, Protocol: lambda, Endpoint: !GetAtt Fn.Arn }\n  P:\n    Type: AWS::Lambda::Permission\n    Properties: { FunctionName: !Ref Fn, Principal: sns.amazonaws.com, SourceArn: !Ref T, Action: lambda:InvokeFunction }\n  Fn:\n    Type: AWS::Lambda::Function\n', ['T -dataflow-> Fn']],
    ['ALB → Lambda target + its invoke permission: one arrow', '  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties: { LoadBalancerArn: !Ref Lb, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }] }\n  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties: { TargetType: lambda, Targets: [{ Id: !GetAtt Fn.Arn }] }\n  P:\n    Type: AWS::Lambda::Permission\n    Properties: { FunctionName: !GetAtt Fn.Arn, Principal: elasticloadbalancing.amazonaws.com, SourceArn: !Ref Tg, Action: lambda:InvokeFunction }\n  Fn:\n    Type: AWS::Lambda::Function\n', ['Lb -network-> Fn']],
    ['CloudFront → Lambda function URL origin → function', '  Cf:\n    Type: AWS::CloudFront::Distribution\n    Properties: { DistributionConfig: { Origins: [{ Id: fn, DomainName: !Select [2, !Split ["/", !GetAtt U.FunctionUrl]] }] } }\n  U:\n    Type: AWS::Lambda::Url\n    Properties: { TargetFunctionArn: !GetAtt Fn.Arn, AuthType: NONE }\n  Fn:\n    Type: AWS::Lambda::Function\n', ['Cf -network-> Fn']],
    ['listener → target group → targets', '  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties: { LoadBalancerArn: !Ref Lb, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }] }\n  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n    Properties: { Targets: [{ Id: !Ref I }] }\n  I:\n    Type: AWS::EC2::Instance\n', ['Lb -network-> I']],
    ['listener rule forward config → ASG', '  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties: { LoadBalancerArn: !Ref Lb, DefaultActions: [{ Type: fixed-response }] }\n  R:\n    Type: AWS::ElasticLoadBalancingV2::ListenerRule\n    Properties: { ListenerArn: !Ref L, Priority: 1, Conditions: [], Actions: [{ Type: forward, ForwardConfig: { TargetGroups: [{ TargetGroupArn: !Ref Tg }] } }] }\n  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties: { MinSize: "1", MaxSize: "1", TargetGroupARNs: [!Ref Tg] }\n', ['Lb -network-> Asg']],
    ['target group → ECS service', '  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties: { LoadBalancerArn: !Ref Lb, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }] }\n  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n  S:\n    Type: AWS::ECS::Service\n    Properties: { LoadBalancers: [{ TargetGroupArn: !Ref Tg, ContainerName: web, ContainerPort: 80 }] }\n', ['Lb -network-> S']],
    ['classic ELB → instances', '  Lb:\n    Type: AWS::ElasticLoadBalancing::LoadBalancer\n    Properties: { Instances: [!Ref I] }\n  I:\n    Type: AWS::EC2::Instance\n', ['Lb -network-> I']],
    ['API Gateway method integration → Lambda', '  Api:\n    Type: AWS::ApiGateway::RestApi\n  M:\n    Type: AWS::ApiGateway::Method\n    Properties: { RestApiId: !Ref Api, HttpMethod: GET, Integration: { Type: AWS_PROXY, Uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations" } }\n  Fn:\n    Type: AWS::Lambda::Function\n', ['Api -event-> Fn']],
    ['HTTP API integration → Lambda', '  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties: { ProtocolType: HTTP }\n  I:\n    Type: AWS::ApiGatewayV2::Integration\n    Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn }\n  R:\n    Type: AWS::ApiGatewayV2::Route\n    Properties: { ApiId: !Ref Api, RouteKey: $default, Target: !Sub "integrations/${I}" }\n  Fn:\n    Type: AWS::Lambda::Function\n', ['Api -event-> Fn']],
    ['OpenAPI body integrations → Lambda', '  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Body:\n        paths:\n          /x:\n            get:\n              x-amazon-apigateway-integration: { uri: !Sub "arn:aws:apigateway:${AWS::Region}:lambda:path/functions/${Fn.Arn}/invocations" }\n  Fn:\n    Type: AWS::Lambda::Function\n', ['Api -event-> Fn']],
    ['CloudFront origins → S3 and ALB, WAF in front', '  Cf:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        WebACLId: !GetAtt Acl.Arn\n        Origins:\n          - { Id: s3, DomainName: !GetAtt B.RegionalDomainName }\n          - { Id: alb, DomainName: !GetAtt Lb.DNSName }\n  B:\n    Type: AWS::S3::Bucket\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  Acl:\n    Type: AWS::WAFv2::WebACL\n', ['Acl -network-> Cf', 'Cf -network-> B', 'Cf -network-> Lb']],
    ['EventBridge rule on a custom bus → targets', '  Bus:\n    Type: AWS::Events::EventBus\n    Properties: { Name: orders }\n  R:\n    Type: AWS::Events::Rule\n    Properties: { EventBusName: !Ref Bus, EventPattern: { source: [shop] }, Targets: [{ Id: a, Arn: !GetAtt Fn.Arn }, { Id: b, Arn: !GetAtt Q.Arn }] }\n  Fn:\n    Type: AWS::Lambda::Function\n  Q:\n    Type: AWS::SQS::Queue\n', ['Bus -event-> Fn', 'Bus -event-> Q']],
    ['scheduled rule → default event bus → target', '  R:\n    Type: AWS::Events::Rule\n    Properties: { ScheduleExpression: rate(1 hour), Targets: [{ Id: a, Arn: !GetAtt Fn.Arn }] }\n  Fn:\n    Type: AWS::Lambda::Function\n', ['default event bus -event-> Fn']],
    ['Step Functions → invoked services', '  Sm:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub |\n        {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${Fn.Arn}", "Next": "B"}, "B": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": {"QueueUrl": "${Q}"}, "End": true}}}\n  Fn:\n    Type: AWS::Lambda::Function\n  Q:\n    Type: AWS::SQS::Queue\n', ['Sm -event-> Fn', 'Sm -event-> Q']],
    ['Step Functions with DefinitionSubstitutions', '  Sm:\n    Type: AWS::StepFunctions::StateMachine\n    Properties: { Definition: { StartAt: A }, DefinitionSubstitutions: { Fn: !GetAtt Fn.Arn } }\n  Fn:\n    Type: AWS::Lambda::Function\n', ['Sm -event-> Fn']],
    ['IAM role + policy fold into function → table', '  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Role: !GetAtt Role.Arn }\n  Role:\n    Type: AWS::IAM::Role\n  P:\n    Type: AWS::IAM::Policy\n    Properties: { Roles: [!Ref Role], PolicyDocument: { Statement: [{ Effect: Allow, Action: "dynamodb:*", Resource: !GetAtt T.Arn }] } }\n  T:\n    Type: AWS::DynamoDB::Table\n', ['Fn -reference-> T']],
    ['instance profile → role inline policy → bucket', '  I:\n    Type: AWS::EC2::Instance\n    Properties: { IamInstanceProfile: !Ref Prof }\n  Prof:\n    Type: AWS::IAM::InstanceProfile\n    Properties: { Roles: [!Ref Role] }\n  Role:\n    Type: AWS::IAM::Role\n    Properties: { Policies: [{ PolicyName: p, PolicyDocument: { Statement: [{ Effect: Allow, Action: "s3:*", Resource: !Sub "${B.Arn}/*" }] } }] }\n  B:\n    Type: AWS::S3::Bucket\n', ['I -reference-> B']],
    ['no plain edges to network containers', '  V:\n    Type: AWS::EC2::VPC\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: { Environment: { Variables: { V: !Ref V } } }\n', []],
    ['Kinesis stream → Firehose → bucket', '  S:\n    Type: AWS::Kinesis::Stream\n  F:\n    Type: AWS::KinesisFirehose::DeliveryStream\n    Properties: { KinesisStreamSourceConfiguration: { KinesisStreamARN: !GetAtt S.Arn }, S3DestinationConfiguration: { BucketARN: !GetAtt B.Arn } }\n  B:\n    Type: AWS::S3::Bucket\n', ['S -dataflow-> B']],
    ['Route 53 alias → CloudFront', '  Z:\n    Type: AWS::Route53::HostedZone\n  R:\n    Type: AWS::Route53::RecordSet\n    Properties: { HostedZoneId: !Ref Z, Name: www, Type: A, AliasTarget: { DNSName: !GetAtt Cf.DomainName, HostedZoneId: Z2FDTNDATAQYW2 } }\n  Cf:\n    Type: AWS::CloudFront::Distribution\n', ['Z -network-> Cf']],
    ['Route 53 record in a zone named by HostedZoneName (declared here)', '  Z:\n    Type: AWS::Route53::HostedZone\n    Properties: { Name: Example.org }\n  R:\n    Type: AWS::Route53::RecordSet\n    Properties: { HostedZoneName: example.org., Name: www.example.org, Type: A, AliasTarget: { DNSName: !GetAtt Lb.DNSName, HostedZoneId: !GetAtt Lb.CanonicalHostedZoneID } }\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n', ['Z -network-> Lb']],
    ['Route 53 record in a zone outside the template → that zone is drawn', '  R:\n    Type: AWS::Route53::RecordSet\n    Properties: { HostedZoneName: !Sub "${AWS::StackName}.example.org.", Name: www, Type: A, AliasTarget: { DNSName: !GetAtt Cf.DomainName, HostedZoneId: Z2FDTNDATAQYW2 } }\n  Cf:\n    Type: AWS::CloudFront::Distribution\n', ['template.example.org -network-> Cf']],
    ['Route 53 record set group by zone id → its targets', '  G:\n    Type: AWS::Route53::RecordSetGroup\n    Properties: { HostedZoneId: Z0123456789, RecordSets: [{ Name: a, Type: A, AliasTarget: { DNSName: !GetAtt Lb.DNSName, HostedZoneId: x } }, { Name: b, Type: CNAME, TTL: "60", ResourceRecords: [!GetAtt Cf.DomainName] }] }\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n  Cf:\n    Type: AWS::CloudFront::Distribution\n', ['Z0123456789 -network-> Cf', 'Z0123456789 -network-> Lb']],
    ['a record pointing at nothing in the inputs draws no zone', '  R:\n    Type: AWS::Route53::RecordSet\n    Properties: { HostedZoneName: example.org., Name: www, Type: CNAME, TTL: "60", ResourceRecords: [elsewhere.example.com] }\n  B:\n    Type: AWS::S3::Bucket\n', []],
    ['custom domain → API mapping → HTTP API', '  R:\n    Type: AWS::Route53::RecordSet\n    Properties: { HostedZoneName: example.org., Name: api.example.org, Type: A, AliasTarget: { DNSName: !GetAtt D.RegionalDomainName, HostedZoneId: !GetAtt D.RegionalHostedZoneId } }\n  D:\n    Type: AWS::ApiGatewayV2::DomainName\n    Properties: { DomainName: api.example.org }\n  M:\n    Type: AWS::ApiGatewayV2::ApiMapping\n    Properties: { DomainName: !Ref D, ApiId: !Ref Api, Stage: $default }\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties: { ProtocolType: HTTP }\n', ['example.org -network-> Api']],
    ['custom domain → base path mapping → REST API', '  R:\n    Type: AWS::Route53::RecordSet\n    Properties: { HostedZoneId: !Ref Z, Name: api.example.org, Type: A, AliasTarget: { DNSName: !GetAtt D.DistributionDomainName, HostedZoneId: Z2FDTNDATAQYW2 } }\n  Z:\n    Type: AWS::Route53::HostedZone\n    Properties: { Name: example.org }\n  D:\n    Type: AWS::ApiGateway::DomainName\n    Properties: { DomainName: api.example.org }\n  M:\n    Type: AWS::ApiGateway::BasePathMapping\n    Properties: { DomainName: !Ref D, RestApiId: !Ref Api }\n  Api:\n    Type: AWS::ApiGateway::RestApi\n', ['Z -network-> Api']],
    ['REST API → VPC link → network load balancer', '  Api:\n    Type: AWS::ApiGateway::RestApi\n  M:\n    Type: AWS::ApiGateway::Method\n    Properties: { RestApiId: !Ref Api, HttpMethod: ANY, Integration: { Type: HTTP_PROXY, ConnectionType: VPC_LINK, ConnectionId: !Ref L, Uri: http://backend.internal/ } }\n  L:\n    Type: AWS::ApiGateway::VpcLink\n    Properties: { Name: l, TargetArns: [!Ref Nlb] }\n  Nlb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties: { Type: network }\n', ['Api -event-> Nlb']],
    ['HTTP API private integration → the listener\'s load balancer', '  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties: { ProtocolType: HTTP }\n  I:\n    Type: AWS::ApiGatewayV2::Integration\n    Properties: { ApiId: !Ref Api, IntegrationType: HTTP_PROXY, ConnectionType: VPC_LINK, IntegrationUri: !Ref L }\n  L:\n    Type: AWS::ElasticLoadBalancingV2::Listener\n    Properties: { LoadBalancerArn: !Ref Alb, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref Tg }] }\n  Tg:\n    Type: AWS::ElasticLoadBalancingV2::TargetGroup\n  Svc:\n    Type: AWS::ECS::Service\n    Properties: { LoadBalancers: [{ TargetGroupArn: !Ref Tg }] }\n  Alb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n', ['Alb -network-> Svc', 'Api -event-> Alb']],
    ['S3 → EventBridge default bus, access logs → log bucket', '  B:\n    Type: AWS::S3::Bucket\n    Properties: { NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } }, LoggingConfiguration: { DestinationBucketName: !Ref Logs } }\n  Logs:\n    Type: AWS::S3::Bucket\n', ['B -dataflow-> Logs', 'B -event-> default event bus']],
    ['Cognito user pool triggers → functions', '  P:\n    Type: AWS::Cognito::UserPool\n    Properties: { LambdaConfig: { PreSignUp: !GetAtt Fn.Arn } }\n  Fn:\n    Type: AWS::Lambda::Function\n', ['P -event-> Fn']],
    ['DynamoDB table → Kinesis stream', '  T:\n    Type: AWS::DynamoDB::Table\n    Properties: { KinesisStreamSpecification: { StreamArn: !GetAtt S.Arn } }\n  S:\n    Type: AWS::Kinesis::Stream\n', ['T -dataflow-> S']],
    ['read replica ← primary', '  P:\n    Type: AWS::RDS::DBInstance\n  R:\n    Type: AWS::RDS::DBInstance\n    Properties: { SourceDBInstanceIdentifier: !Ref P }\n', ['P -dataflow-> R']],
  ];
  it.each(rows)('%s', (_name, resources, expected) => {
    const head = _name.startsWith('an untaken') ? 'Conditions:\n  Never: !Equals [a, b]\n' : '';
    expect(edges(resources, head)).toEqual(expected);
  });
});

describe('SAM events → typed edges', () => {
  const sam = (events: string, extra = '') => edges(`  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n${events}${extra}`, 'Transform: AWS::Serverless-2016-10-31\n');
  it.each([
    ['Api with RestApiId', '        E: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /, Method: get } }\n', '  Api:\n    Type: AWS::Serverless::Api\n', ['Api -event-> Fn']],
    ['Api without RestApiId → implicit ServerlessRestApi', '        E: { Type: Api, Properties: { Path: /, Method: get } }\n', '', ['ServerlessRestApi -event-> Fn']],
    ['HttpApi without ApiId → implicit ServerlessHttpApi', '        E: { Type: HttpApi }\n', '', ['ServerlessHttpApi -event-> Fn']],
    ['S3', '        E: { Type: S3, Properties: { Bucket: !Ref B, Events: "s3:ObjectCreated:*" } }\n', '  B:\n    Type: AWS::S3::Bucket\n', ['B -event-> Fn']],
    ['SNS', '        E: { Type: SNS, Properties: { Topic: !Ref T } }\n', '  T:\n    Type: AWS::SNS::Topic\n', ['T -dataflow-> Fn']],
    ['SQS', '        E: { Type: SQS, Properties: { Queue: !GetAtt Q.Arn } }\n', '  Q:\n    Type: AWS::SQS::Queue\n', ['Q -dataflow-> Fn']],
    ['Kinesis', '        E: { Type: Kinesis, Properties: { Stream: !GetAtt S.Arn, StartingPosition: LATEST } }\n', '  S:\n    Type: AWS::Kinesis::Stream\n', ['S -dataflow-> Fn']],
    ['DynamoDB', '        E: { Type: DynamoDB, Properties: { Stream: !GetAtt T.StreamArn, StartingPosition: LATEST } }\n', '  T:\n    Type: AWS::DynamoDB::Table\n', ['T -dataflow-> Fn']],
    ['Schedule', '        E: { Type: Schedule, Properties: { Schedule: rate(5 minutes) } }\n', '', ['default event bus -event-> Fn']],
    ['EventBridgeRule on a bus', '        E: { Type: EventBridgeRule, Properties: { EventBusName: !Ref Bus, Pattern: { source: [x] } } }\n', '  Bus:\n    Type: AWS::Events::EventBus\n    Properties: { Name: b }\n', ['Bus -event-> Fn']],
    ['CloudWatchEvent on the default bus', '        E: { Type: CloudWatchEvent, Properties: { Pattern: { source: [aws.ec2] } } }\n', '', ['default event bus -event-> Fn']],
  ])('%s', (_n, events, extra, expected) => {
    expect(sam(events, extra)).toEqual(expected);
  });
});

describe('security group rules → network edges between members', () => {
  const NET = `  Vpc:\n    Type: AWS::EC2::VPC\n  FnSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties: { GroupDescription: fn, VpcId: !Ref Vpc }\n`;
  const fn = (name: string, sg = 'FnSg', extra = '') => `  ${name}:\n    Type: AWS::Lambda::Function\n    Properties: { VpcConfig: { SecurityGroupIds: [!Ref ${sg}] }${extra} }\n`;
  const db = (name: string, sg = 'DbSg', extra = '') => `  ${name}:\n    Type: AWS::RDS::DBInstance\n    Properties: { Engine: postgres, VPCSecurityGroups: [!GetAtt ${sg}.GroupId]${extra} }\n`;
  const dbSg = (rules: string) => `  DbSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties: { GroupDescription: db, VpcId: !Ref Vpc${rules} }\n`;

  it('an inline ingress rule from a peer group: peer members → group members', () => {
    expect(edges(`${NET}${dbSg(', SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref FnSg }]')}${fn('Fn')}${db('Db')}`))
      .toEqual(['Fn -network-> Db']);
  });

  it('a standalone SecurityGroupIngress resource: the edge is folded from it (the report says so)', () => {
    const r = convertCfn(`Resources:\n${NET}${dbSg('')}${fn('Fn')}${db('Db')}  In:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties: { GroupId: !GetAtt DbSg.GroupId, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !GetAtt FnSg.GroupId }\n`);
    expect(view(r).edges()).toEqual(['Fn -network-> Db']);
    expect(r.graph.edges.find((e) => e.kind === 'network')?.via).toEqual(['template/In']);
  });

  it('an egress rule to a peer group: group members → peer members', () => {
    expect(edges(`${NET}${dbSg('')}  Out:\n    Type: AWS::EC2::SecurityGroupEgress\n    Properties: { GroupId: !Ref FnSg, IpProtocol: tcp, FromPort: 5432, ToPort: 5432, DestinationSecurityGroupId: !Ref DbSg }\n${fn('Fn')}${db('Db')}`))
      .toEqual(['Fn -network-> Db']);
  });

  it('pairs already linked get no second arrow; self rules draw nothing', () => {
    const rules = ', SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref FnSg }, { IpProtocol: "-1", SourceSecurityGroupId: !Ref DbSg }]';
    expect(edges(`${NET}${dbSg(rules)}${fn('Fn', 'FnSg', ', Environment: { Variables: { DB: !GetAtt Db.Endpoint.Address } }')}${db('Db')}${db('Replica')}`))
      .toEqual(['Fn -network-> Replica', 'Fn -reference-> Db']);
  });

  it('what is drawn inside a member counts as the member (an ECS task already reaching the cache)', () => {
    const text = `${NET}  CacheSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties: { GroupDescription: c, VpcId: !Ref Vpc, SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 6379, ToPort: 6379, SourceSecurityGroupId: !Ref FnSg }] }\n`
      + '  Cache:\n    Type: AWS::ElastiCache::CacheCluster\n    Properties: { Engine: redis, CacheNodeType: cache.t3.micro, NumCacheNodes: 1, VpcSecurityGroupIds: [!Ref CacheSg] }\n'
      + '  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { ContainerDefinitions: [{ Name: a, Environment: [{ Name: R, Value: !GetAtt Cache.RedisEndpoint.Address }] }] }\n'
      + '  Svc:\n    Type: AWS::ECS::Service\n    Properties: { TaskDefinition: !Ref Task, NetworkConfiguration: { AwsvpcConfiguration: { SecurityGroups: [!Ref FnSg] } } }\n';
    expect(edges(text)).toEqual(['Task -reference-> Cache']);
  });

  it('an Auto Scaling group is the member, not each of its drawn instances', () => {
    const text = `${NET}${dbSg(', SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref FnSg }]')}${db('Db')}`
      + '  Lt:\n    Type: AWS::EC2::LaunchTemplate\n    Properties: { LaunchTemplateData: { SecurityGroupIds: [!Ref FnSg] } }\n'
      + '  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties: { MinSize: "3", MaxSize: "3", LaunchTemplate: { LaunchTemplateId: !Ref Lt, Version: "1" } }\n';
    expect(edges(text)).toEqual(['Asg -network-> Db']);
  });

  it('a DependsOn of the launch configuration adds no second arrow once the rule links the group to the database', () => {
    const lc = (dependsOn: string) => `  Lc:\n    Type: AWS::AutoScaling::LaunchConfiguration\n    DependsOn: ${dependsOn}\n    Properties: { ImageId: ami-1, InstanceType: t3.micro, SecurityGroups: [!Ref FnSg] }\n`
      + '  Asg:\n    Type: AWS::AutoScaling::AutoScalingGroup\n    Properties: { MinSize: "1", MaxSize: "1", LaunchConfigurationName: !Ref Lc }\n';
    const rule = ', SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref FnSg }]';
    expect(edges(`${NET}${dbSg(rule)}${db('Db')}${lc('Db')}`)).toEqual(['Asg -network-> Db']);
    // Without the rule, the DependsOn is the only link and is drawn (folded through the configuration).
    expect(edges(`${NET}${dbSg('')}${db('Db')}${lc('Db')}`)).toEqual(['Asg -reference-> Db']);
  });

  it('a rule between two crowds is not drawn as a mesh (info note)', () => {
    const fns = Array.from({ length: 9 }, (_, i) => fn(`Fn${i}`)).join('');
    const dbs = Array.from({ length: 8 }, (_, i) => db(`Db${i}`)).join('');
    const r = convertCfn(`Resources:\n${NET}${dbSg(', SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref FnSg }]')}${fns}${dbs}`);
    expect(view(r).edges()).toEqual([]);
    expect(r.diagnostics.find((d) => d.ruleId === 'sg-rule-edges')).toMatchObject({ severity: 'info', file: 'template.yaml', line: 7 });
  });
});

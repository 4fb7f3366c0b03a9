// The converter's value and shape rules against the real Terraform schema (data/schema/tf): the forms the
// corpus eval found invalid, each with the negative (the old, invalid form is gone).
import { strict as assert } from 'node:assert';
import { convertToTerraform } from '../../../../server/src/core/convert';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<any> };

describe('convert: values and nested shapes by the Terraform schema', () => {
  const data = loadAwsData();
  const convert = (yaml: string) => convertToTerraform(yaml, 'yaml', data).hcl;
  const resources = (body: string) => `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${body}`;
  const parsed = async (hcl: string) => parse('main.tf', hcl);

  before(function () {
    if (!data.mappingForCfn('AWS::Logs::MetricFilter') || !data.tfResource('aws_ecs_service')?.args.network_configuration?.args) this.skip();
  });

  it('metric filter: MetricName/Namespace/Value land on name/namespace/value inside metric_transformation', async () => {
    const hcl = convert(resources(`  ErrorsFilter:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: app-logs
      FilterPattern: "?ERROR"
      MetricTransformations:
        - MetricName: Errors
          MetricNamespace: shop
          MetricValue: "1"
          DefaultValue: 0
`));
    const block = (await parsed(hcl)).resource.aws_cloudwatch_log_metric_filter.errors_filter[0].metric_transformation[0];
    assert.equal(block.name, 'Errors');
    assert.equal(block.namespace, 'shop');
    assert.equal(block.value, '1');
    assert.equal(block.default_value, 0);
    assert.doesNotMatch(hcl, /metric_name|metric_namespace|metric_value/);
  });

  it('ECS service: AwsvpcConfiguration is flattened into network_configuration, ENABLED/DISABLED become bools', async () => {
    const hcl = convert(resources(`  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: main
      TaskDefinition: app:1
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: DISABLED
          Subnets: [subnet-1, subnet-2]
          SecurityGroups: [sg-1]
`));
    const block = (await parsed(hcl)).resource.aws_ecs_service.service[0].network_configuration[0];
    assert.deepEqual(block.subnets, ['subnet-1', 'subnet-2']);
    assert.deepEqual(block.security_groups, ['sg-1']);
    assert.equal(block.assign_public_ip, false);
    assert.doesNotMatch(hcl, /awsvpc_configuration|"DISABLED"/);
  });

  it('ECS task definition: ContainerDefinitions become jsonencode() of the API JSON; user-data keys are kept', () => {
    const hcl = convert(resources(`  TaskDef:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
      ContainerDefinitions:
        - Name: web
          Image: nginx
          PortMappings:
            - ContainerPort: 80
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: web-logs
`));
    assert.match(hcl, /container_definitions = jsonencode\(\[/);
    assert.match(hcl, /name = "web"/);
    assert.match(hcl, /portMappings = \[/);
    assert.match(hcl, /containerPort = 80/);
    assert.match(hcl, /"?awslogs-group"? = "web-logs"/);
    assert.doesNotMatch(hcl, /container_definitions = \[|Name = "web"|PortMappings/);
  });

  it('ELBv2 Scheme becomes the internal bool, a computed scheme a comparison', async () => {
    const lb = (scheme: string) => convert(resources(`  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: ${scheme}
      Subnets: [subnet-1]
`));
    assert.equal((await parsed(lb('internal'))).resource.aws_lb.lb[0].internal, true);
    assert.equal((await parsed(lb('internet-facing'))).resource.aws_lb.lb[0].internal, false);
    assert.doesNotMatch(lb('internet-facing'), /"internet-facing"/);
    const computed = convert(`Parameters:\n  Scheme:\n    Type: String\n${resources(`  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: !Ref Scheme
`)}`);
    assert.match(computed, /internal = var\.scheme == "internal"/);
  });

  it('S3 lifecycle rules: ExpirationInDays -> expiration { days }, transitions keep their block', async () => {
    const hcl = convert(resources(`  Logs:
    Type: AWS::S3::Bucket
    Properties:
      LifecycleConfiguration:
        Rules:
          - Id: expire
            Status: Enabled
            ExpirationInDays: 30
            NoncurrentVersionExpirationInDays: 7
            Transitions:
              - StorageClass: GLACIER
                TransitionInDays: 90
`));
    const json = await parsed(hcl);
    const rule = Object.values<any>(json.resource.aws_s3_bucket_lifecycle_configuration)[0][0].rule[0];
    assert.equal(rule.id, 'expire');
    assert.equal(rule.expiration[0].days, 30);
    assert.equal(rule.noncurrent_version_expiration[0].noncurrent_days, 7);
    assert.equal(rule.transition[0].storage_class, 'GLACIER');
    assert.doesNotMatch(hcl, /_in_days/);
  });

  it('alarm Dimensions [{Name, Value}] become a map', async () => {
    const hcl = convert(resources(`  Alarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      MetricName: Errors
      Namespace: AWS/Lambda
      Statistic: Sum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 1
      ComparisonOperator: GreaterThanThreshold
      Dimensions:
        - Name: FunctionName
          Value: worker
`));
    assert.deepEqual((await parsed(hcl)).resource.aws_cloudwatch_metric_alarm.alarm[0].dimensions, { FunctionName: 'worker' });
    assert.doesNotMatch(hcl, /dimensions = \[|dimension \{/);
  });

  it('one-value arguments: InstanceProfile Roles -> role, TopicPolicy Topics -> arn; several values -> a TODO', async () => {
    const hcl = convert(resources(`  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [!Ref Role]
  Topic:
    Type: AWS::SNS::Topic
  TopicPolicy:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Topic]
      PolicyDocument: {}
`));
    const json = await parsed(hcl);
    assert.equal(json.resource.aws_iam_instance_profile.profile[0].role, '${aws_iam_role.role.name}');
    assert.equal(json.resource.aws_sns_topic_policy.topic_policy[0].arn, '${aws_sns_topic.topic.arn}');
    assert.doesNotMatch(hcl, /role = \[|arn = \[/);
    const two = convert(resources(`  Profile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [a, b]
`));
    assert.match(two, /# TODO: role takes one value in Terraform; CloudFormation gave 2/);
    assert.match(two, /role = "a"/);
  });

  it('SAM Tracing: Disabled writes no tracing_config, Active and PassThrough keep their mode', () => {
    const fn = (tracing: string) => convert(`Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/code.zip
      Tracing: ${tracing}
`);
    const disabled = fn('Disabled');
    assert.doesNotMatch(disabled, /tracing_config \{|"Disabled"/);
    assert.match(disabled, /# Tracing Disabled/);
    assert.match(fn('Active'), /tracing_config \{\n\s+mode = "Active"/);
    assert.match(fn('PassThrough'), /mode = "PassThrough"/);
  });

  it('a Lambda permission for an API outside the template has no TODO value; a !Ref to one inside uses its execution ARN', () => {
    const sam = (apiId: string, extra = '') => convert(`Transform: AWS::Serverless-2016-10-31
Parameters:
  ApiIdParam:
    Type: String
Resources:${extra}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/code.zip
      Events:
        Get:
          Type: HttpApi
          Properties:
            ApiId: ${apiId}
            Path: /items
            Method: GET
`);
    const outside = sam('!Ref ApiIdParam');
    assert.doesNotMatch(outside, /source_arn = "TODO/);
    assert.match(outside, /# TODO: set source_arn to the execution ARN/);
    const inside = sam('!Ref Api', '\n  Api:\n    Type: AWS::Serverless::HttpApi');
    assert.match(inside, /source_arn = "\$\{aws_apigatewayv2_api\.api\.execution_arn\}\/\*\/\*"/);
    assert.doesNotMatch(inside, /TODO: set source_arn/);
  });

  it('DeletionPolicy / UpdateReplacePolicy: Retain -> prevent_destroy, Snapshot -> final snapshot or a precise TODO, Delete -> nothing', () => {
    const db = (attrs: string) => convert(resources(`  Db:
    Type: AWS::RDS::DBInstance
${attrs}    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
      AllocatedStorage: "20"
`));
    const retain = db('    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n');
    assert.match(retain, /lifecycle \{\n\s+prevent_destroy = true/);
    assert.equal(retain.match(/lifecycle \{/g)?.length, 1);
    assert.doesNotMatch(retain, /TODO: UpdateReplacePolicy|TODO: DeletionPolicy/);
    const snapshot = db('    DeletionPolicy: Snapshot\n    UpdateReplacePolicy: Snapshot\n');
    assert.match(snapshot, /skip_final_snapshot = false/);
    assert.match(snapshot, /final_snapshot_identifier = "db-final"/);
    assert.match(snapshot, /# TODO: UpdateReplacePolicy Snapshot has no Terraform equivalent: Terraform takes no snapshot when it replaces/);
    const del = db('    DeletionPolicy: Delete\n    UpdateReplacePolicy: Delete\n');
    assert.doesNotMatch(del, /lifecycle|TODO: (Deletion|UpdateReplace)|final_snapshot/);
    const queue = convert(resources(`  Q:
    Type: AWS::SQS::Queue
    DeletionPolicy: Snapshot
`));
    assert.match(queue, /# TODO: DeletionPolicy Snapshot: aws_sqs_queue takes no final snapshot/);
    assert.doesNotMatch(queue, /final_snapshot_identifier/);
  });

  it('a nested field the schema has no argument for becomes a TODO, not an invalid argument', () => {
    const hcl = convert(resources(`  Filter:
    Type: AWS::Logs::MetricFilter
    Properties:
      LogGroupName: g
      FilterPattern: x
      MetricTransformations:
        - MetricName: M
          MetricNamespace: N
          MetricValue: "1"
          NoSuchField: 3
`));
    assert.match(hcl, /# TODO: NoSuchField has no argument in Terraform's "metric_transformation" block/);
    assert.doesNotMatch(hcl, /no_such_field/);
  });

  it('target group: the HealthCheck* properties become one health_check block, Matcher its HttpCode', async () => {
    const hcl = convert(resources(`  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      Protocol: HTTP
      HealthCheckPath: /health
      HealthCheckIntervalSeconds: 15
      HealthyThresholdCount: 3
      UnhealthyThresholdCount: 4
      Matcher:
        HttpCode: "200-299"
`));
    const tg = (await parsed(hcl)).resource.aws_lb_target_group.tg[0];
    assert.equal(tg.health_check.length, 1);
    assert.deepEqual(tg.health_check[0], { path: '/health', interval: 15, healthy_threshold: 3, unhealthy_threshold: 4, matcher: '200-299' });
    assert.doesNotMatch(hcl, /TODO|health_check_path|healthy_threshold_count/);
    const none = convert(resources(`  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
`));
    assert.doesNotMatch(none, /health_check/);
  });

  it('S3 NotificationConfiguration: LambdaConfigurations -> lambda_function blocks with events and key filters', async () => {
    const hcl = convert(resources(`  Uploads:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        LambdaConfigurations:
          - Event: s3:ObjectCreated:*
            Function: arn:aws:lambda:us-east-1:123456789012:function:thumbs
            Filter:
              S3Key:
                Rules:
                  - Name: prefix
                    Value: images/
        QueueConfigurations:
          - Event: s3:ObjectRemoved:*
            Queue: arn:aws:sqs:us-east-1:123456789012:removed
`));
    const n = Object.values<any>((await parsed(hcl)).resource.aws_s3_bucket_notification)[0][0];
    assert.deepEqual(n.lambda_function, [{ lambda_function_arn: 'arn:aws:lambda:us-east-1:123456789012:function:thumbs', events: ['s3:ObjectCreated:*'], filter_prefix: 'images/' }]);
    assert.deepEqual(n.queue, [{ queue_arn: 'arn:aws:sqs:us-east-1:123456789012:removed', events: ['s3:ObjectRemoved:*'] }]);
    assert.doesNotMatch(hcl, /lambda_configuration|TODO/);
  });

  it('listener-rule conditions: Field names the block, in the current and the pre-2019 shape', async () => {
    const hcl = convert(resources(`  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: arn:listener
      Priority: 1
      Conditions:
        - Field: path-pattern
          PathPatternConfig:
            Values: [/api/*]
        - Field: host-header
          Values: [example.com]
      Actions:
        - Type: forward
          TargetGroupArn: arn:tg
`));
    const conditions = (await parsed(hcl)).resource.aws_lb_listener_rule.rule[0].condition;
    assert.deepEqual(conditions, [{ path_pattern: [{ values: ['/api/*'] }] }, { host_header: [{ values: ['example.com'] }] }]);
    assert.doesNotMatch(hcl, /field =|path_pattern_config|TODO/);
  });

  it('ECS DeploymentConfiguration: fields Terraform lifts to the service become deployment_*', async () => {
    const hcl = convert(resources(`  Svc:
    Type: AWS::ECS::Service
    Properties:
      Cluster: main
      TaskDefinition: app:1
      DeploymentConfiguration:
        MaximumPercent: 200
        MinimumHealthyPercent: 50
        DeploymentCircuitBreaker:
          Enable: true
          Rollback: false
`));
    const svc = (await parsed(hcl)).resource.aws_ecs_service.svc[0];
    assert.equal(svc.deployment_maximum_percent, 200);
    assert.equal(svc.deployment_minimum_healthy_percent, 50);
    assert.deepEqual(svc.deployment_circuit_breaker, [{ enable: true, rollback: false }]);
    assert.equal(svc.deployment_configuration, undefined);
    assert.doesNotMatch(hcl, /TODO|\n  maximum_percent = /);
  });

  it('ELBv2 attribute lists: dotted keys land on the arguments and blocks Terraform has; unknown keys become TODOs', async () => {
    const hcl = convert(resources(`  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1]
      LoadBalancerAttributes:
        - Key: idle_timeout.timeout_seconds
          Value: "60"
        - Key: deletion_protection.enabled
          Value: "true"
        - Key: access_logs.s3.bucket
          Value: logs
        - Key: made.up.key
          Value: x
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Port: 80
      TargetGroupAttributes:
        - Key: stickiness.enabled
          Value: "true"
        - Key: stickiness.lb_cookie.duration_seconds
          Value: "3600"
`));
    const json = await parsed(hcl);
    const lb = json.resource.aws_lb.lb[0];
    assert.equal(lb.idle_timeout, 60);
    assert.equal(lb.enable_deletion_protection, true);
    assert.deepEqual(lb.access_logs, [{ bucket: 'logs' }]);
    assert.deepEqual(json.resource.aws_lb_target_group.tg[0].stickiness, [{ enabled: true, cookie_duration: 3600 }]);
    assert.match(hcl, /# TODO: LoadBalancerAttributes made\.up\.key has no aws_lb argument/);
    assert.doesNotMatch(hcl, /made_up|load_balancer_attributes|key = /);
  });

  it('flow log: ResourceType picks the target argument for ResourceId, a template log group gives log_destination its ARN', async () => {
    const flow = (type: string, group: string) => convert(resources(`  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  Logs:
    Type: AWS::Logs::LogGroup
  Flow:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc
      ResourceType: ${type}
      TrafficType: ALL
      LogGroupName: ${group}
      DeliverLogsPermissionArn: arn:aws:iam::123456789012:role/flow
`));
    const hcl = flow('VPC', '!Ref Logs');
    const f = (await parsed(hcl)).resource.aws_flow_log.flow[0];
    assert.equal(f.vpc_id, '${aws_vpc.vpc.id}');
    assert.equal(f.log_destination, '${aws_cloudwatch_log_group.logs.arn}');
    assert.equal(f.iam_role_arn, 'arn:aws:iam::123456789012:role/flow');
    assert.doesNotMatch(hcl, /resource_id|resource_type|log_group_name|TODO/);
    const subnet = flow('Subnet', 'outside-group');
    assert.match(subnet, /subnet_id = aws_vpc\.vpc\.id/);
    assert.match(subnet, /# TODO: LogGroupName "outside-group" -> log_destination takes the log group's ARN/);
    assert.doesNotMatch(subnet, /log_destination = /);
  });
  it('Cognito EnabledMfas: software tokens switch on their block; SMS without SmsConfiguration is a TODO', async () => {
    const pool = (mfas: string, extra = '') => convertToTerraform(resources(`  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      MfaConfiguration: "ON"
      EnabledMfas: ${mfas}
${extra}`), 'yaml', data);
    const token = pool('[SOFTWARE_TOKEN_MFA]');
    const block = (await parsed(token.hcl)).resource.aws_cognito_user_pool.pool[0];
    assert.equal(block.mfa_configuration, 'ON');
    assert.deepEqual(block.software_token_mfa_configuration, [{ enabled: true }]);
    assert.doesNotMatch(token.hcl, /enabled_mfas|EnabledMfas/);
    assert.equal(token.todos.length, 0);
    const sms = pool('[SMS_MFA]');
    assert.ok(sms.todos.some((t: string) => /EnabledMfas SMS_MFA/.test(t)));
    assert.equal((await parsed(sms.hcl)).resource.aws_cognito_user_pool.pool[0].software_token_mfa_configuration, undefined);
    const withSms = pool('[SMS_MFA, SOFTWARE_TOKEN_MFA]', '      SmsConfiguration:\n        SnsCallerArn: arn:aws:iam::123456789012:role/sms\n        ExternalId: x\n');
    assert.equal(withSms.todos.length, 0, withSms.todos.join('\n'));
    assert.equal((await parsed(withSms.hcl)).resource.aws_cognito_user_pool.pool[0].sms_configuration[0].sns_caller_arn, 'arn:aws:iam::123456789012:role/sms');
  });
  it('Firehose BufferingHints is flattened into the destination block (buffering_interval / buffering_size); an unknown field stays a TODO', async () => {
    const stream = (hints: string) => convertToTerraform(resources(`  Stream:
    Type: AWS::KinesisFirehose::DeliveryStream
    Properties:
      ExtendedS3DestinationConfiguration:
        BucketARN: arn:aws:s3:::archive
        RoleARN: arn:aws:iam::123456789012:role/firehose
        BufferingHints:
${hints}`), 'yaml', data);
    const ok = stream('          IntervalInSeconds: 300\n          SizeInMBs: 5\n');
    const block = (await parsed(ok.hcl)).resource.aws_kinesis_firehose_delivery_stream.stream[0].extended_s3_configuration[0];
    assert.equal(block.buffering_interval, 300);
    assert.equal(block.buffering_size, 5);
    assert.equal(block.buffering_hints, undefined);
    assert.equal(ok.todos.length, 0, ok.todos.join('\n'));
    // A field with no argument of the wrapper's prefix: nothing is guessed, the wrapper is a TODO.
    const bad = stream('          IntervalInSeconds: 300\n          Jitter: 5\n');
    assert.ok(bad.todos.some((t: string) => /BufferingHints has no argument/.test(t)));
    assert.doesNotMatch(bad.hcl, /buffering_jitter|buffering_interval/);
  });
});

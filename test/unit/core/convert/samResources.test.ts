// SAM StateMachine, Connector and Application converted to what SAM's transform creates, each with its negative.
import { strict as assert } from 'node:assert';
import { convertToTerraform } from '../../../../server/src/core/convert';
import { CONNECTOR_PROFILES } from '../../../../server/src/core/knowledge/connectors';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<any> };

describe('convert: SAM StateMachine, Connector, Application', () => {
  const data = loadAwsData();
  const sam = (body: string) => convertToTerraform(`Transform: AWS::Serverless-2016-10-31\nResources:\n${body}`, 'yaml', data);
  const parsed = async (hcl: string) => parse('main.tf', hcl);
  const fn = `  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/worker.zip
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
      BillingMode: PAY_PER_REQUEST
`;

  before(function () {
    if (!data.tfResource('aws_sfn_state_machine') || !data.iamActions('dynamodb')) this.skip();
  });

  it('StateMachine: inline definition with substitutions, its role with policy templates, a schedule that may start it', async () => {
    const { hcl, todos } = sam(`${fn}  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Type: EXPRESS
      Definition:
        StartAt: Run
        States:
          Run: { Type: Task, Resource: "\${WorkerArn}", Comment: "keeps \${Other} as text", End: true }
      DefinitionSubstitutions:
        WorkerArn: !GetAtt Worker.Arn
      Policies:
        - LambdaInvokePolicy: { FunctionName: !Ref Worker }
        - DynamoDBWritePolicy: { TableName: !Ref Orders }
      Tracing: { Enabled: true }
      Events:
        Nightly: { Type: Schedule, Properties: { Schedule: rate(1 day) } }
`);
    const r = (await parsed(hcl)).resource;
    const machine = r.aws_sfn_state_machine.flow[0];
    assert.equal(machine.type, 'EXPRESS');
    assert.equal(machine.role_arn, '${aws_iam_role.flow_role.arn}');
    assert.match(machine.definition, /Resource = aws_lambda_function\.worker\.arn/);
    assert.match(machine.definition, /"keeps \$\$\{Other\} as text"/, 'a ${...} that is no substitution stays text');
    assert.equal(machine.tracing_configuration[0].enabled, true);
    assert.match(r.aws_iam_role.flow_role[0].assume_role_policy, /states\.amazonaws\.com/);
    const policy = r.aws_iam_role_policy.flow_role_policy[0].policy;
    assert.match(policy, /lambda:InvokeFunction/);
    assert.match(policy, /dynamodb:PutItem/);
    const target = r.aws_cloudwatch_event_target.flow_nightly[0];
    assert.equal(target.arn, '${aws_sfn_state_machine.flow.arn}');
    assert.match(target.role_arn, /aws_iam_role\.flow_nightly_role\.arn/);
    assert.match(r.aws_iam_role_policy.flow_nightly_role_policy[0].policy, /states:StartExecution/);
    assert.deepEqual(todos.filter((t) => /Flow/.test(t)), []);
    assert.doesNotMatch(hcl, /TODO/);
  });

  it('StateMachine: a local DefinitionUri is read with templatefile(), logging goes to the group ARN with ":*"', async () => {
    const { hcl } = sam(`${fn}  Logs:
    Type: AWS::Logs::LogGroup
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/flow.asl.json
      DefinitionSubstitutions: { WorkerArn: !GetAtt Worker.Arn }
      Role: arn:aws:iam::123456789012:role/existing
      Logging:
        Level: ERROR
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: !GetAtt Logs.Arn } }]
`);
    const r = (await parsed(hcl)).resource;
    const machine = r.aws_sfn_state_machine.flow[0];
    assert.match(machine.definition, /templatefile\("\$\{path\.module\}\/statemachine\/flow\.asl\.json", \{\s*WorkerArn = aws_lambda_function\.worker\.arn/);
    assert.equal(machine.logging_configuration[0].log_destination, '${aws_cloudwatch_log_group.logs.arn}:*');
    // Negative: with its own Role, SAM creates no role for it.
    assert.equal(machine.role_arn, 'arn:aws:iam::123456789012:role/existing');
    assert.equal(r.aws_iam_role.flow_role, undefined);
  });

  it('StateMachine Api event: a StartExecution integration in the REST API body, with a role API Gateway assumes', async () => {
    const { hcl } = sam(`  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }
      Events:
        Start: { Type: Api, Properties: { Path: /start, Method: post } }
`);
    const r = (await parsed(hcl)).resource;
    const body = r.aws_api_gateway_rest_api.serverless_rest_api[0].body;
    assert.match(body, /states:action\/StartExecution/);
    assert.match(body, /credentials = aws_iam_role\.flow_start_role\.arn/);
    assert.match(r.aws_iam_role.flow_start_role[0].assume_role_policy, /apigateway\.amazonaws\.com/);
    assert.doesNotMatch(body, /aws_proxy/, 'not a Lambda proxy integration');
  });

  it('Connector: the profile\'s actions for the permissions, on the destination\'s ARNs, on the source function\'s role', async () => {
    const { hcl, todos } = sam(`${fn}  WorkerToOrders:
    Type: AWS::Serverless::Connector
    Properties:
      Source: { Id: Worker }
      Destination: { Id: Orders }
      Permissions: [Write]
`);
    const policy = (await parsed(hcl)).resource.aws_iam_role_policy.worker_to_orders[0];
    assert.equal(policy.role, '${aws_iam_role.worker_role.name}');
    assert.match(policy.policy, /dynamodb:PutItem/);
    assert.match(policy.policy, /aws_dynamodb_table\.orders\.arn/);
    assert.match(policy.policy, /\$\{aws_dynamodb_table\.orders\.arn\}\/index\/\*/);
    assert.doesNotMatch(policy.policy, /dynamodb:GetItem/, 'Read was not asked for');
    assert.deepEqual(todos.filter((t) => t.includes('WorkerToOrders')), []);
  });

  it('Connector: a source function with a role ARN (a parameter) gets the policy on the role that ARN names', async () => {
    const { hcl } = convertToTerraform(`Transform: AWS::Serverless-2016-10-31
Parameters:
  RoleArn: { Type: String }
Resources:
${fn.replace('      CodeUri: s3://bucket/worker.zip', '      CodeUri: s3://bucket/worker.zip\n      Role: !Ref RoleArn')}  Link:
    Type: AWS::Serverless::Connector
    Properties: { Source: { Id: Worker }, Destination: { Id: Orders }, Permissions: [Read] }
`, 'yaml', data);
    const policy = (await parsed(hcl)).resource.aws_iam_role_policy.link[0];
    assert.equal(policy.role, '${element(reverse(split("/", var.role_arn)), 0)}');
    assert.doesNotMatch(hcl, /aws_iam_role\.worker_role/, 'SAM creates no role when the function names one');
  });

  it('negative: a Connector whose destination has no profile, or whose source has no role here, stays a TODO', () => {
    const { hcl } = sam(`${fn}  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  ToVpc:
    Type: AWS::Serverless::Connector
    Properties:
      Source: { Id: Worker }
      Destination: { Id: Vpc }
      Permissions: [Read]
  FromOutside:
    Type: AWS::Serverless::Connector
    Properties:
      Source: { Type: AWS::Lambda::Function, Arn: arn:aws:lambda:us-east-1:123456789012:function:f }
      Destination: { Id: Orders }
      Permissions: [Read]
`);
    assert.match(hcl, /TODO: ToVpc: no connector profile/);
    assert.match(hcl, /TODO: FromOutside: Connector source \(by ARN\) has no role in this template/);
    assert.doesNotMatch(hcl, /resource "aws_iam_role_policy" "(to_vpc|from_outside)"/);
  });

  it('every connector action is in the IAM action table, Read actions read and Write actions write', () => {
    for (const [type, profile] of Object.entries(CONNECTOR_PROFILES)) {
      for (const [kind, actions] of [['Read', profile.read], ['Write', profile.write]] as const) {
        for (const action of actions) {
          const [prefix, name] = action.split(':');
          const known = data.iamActions(prefix)?.[name];
          assert.ok(known, `${type}: ${action} is not an IAM action`);
          if (kind === 'Write') assert.equal(known.accessLevel, 'Write', `${type}: ${action} is ${known.accessLevel}`);
          else assert.ok(['Read', 'List'].includes(known.accessLevel), `${type}: ${action} is ${known.accessLevel}`);
        }
      }
    }
  });

  it('Application: a repository application is its stack; only the capabilities are a TODO', async () => {
    const { hcl, todos } = sam(`  Auth:
    Type: AWS::Serverless::Application
    Properties:
      Location: { ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/auth, SemanticVersion: 2.0.1 }
      Parameters: { Stage: prod }
  Nested:
    Type: AWS::Serverless::Application
    Properties:
      Location: https://bucket.s3.amazonaws.com/nested.yaml
`);
    const r = (await parsed(hcl)).resource;
    const stack = r.aws_serverlessapplicationrepository_cloudformation_stack.auth[0];
    assert.equal(stack.application_id, 'arn:aws:serverlessrepo:us-east-1:123456789012:applications/auth');
    assert.equal(stack.semantic_version, '2.0.1');
    assert.deepEqual(stack.parameters, { Stage: 'prod' });
    assert.equal(r.aws_cloudformation_stack.nested[0].template_url, 'https://bucket.s3.amazonaws.com/nested.yaml');
    assert.deepEqual(todos.filter((t) => t.startsWith('Auth') || t.startsWith('Nested')), ['Auth: the capabilities the repository application declares are not known offline']);
    assert.doesNotMatch(hcl, /not converted/);
  });

  it('AutoPublishAlias: publish = true and an alias on the published version; provisioned concurrency and invoke config on it', async () => {
    const { hcl, todos } = sam(`  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/api.zip
      AutoPublishAlias: live
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 }
      EventInvokeConfig:
        MaximumRetryAttempts: 1
        DestinationConfig: { OnFailure: { Type: SQS, Destination: arn:aws:sqs:us-east-1:123456789012:dlq } }
`);
    const r = (await parsed(hcl)).resource;
    assert.equal(r.aws_lambda_function.api[0].publish, true);
    const alias = r.aws_lambda_alias.api_alias[0];
    assert.equal(alias.name, 'live');
    assert.equal(alias.function_version, '${aws_lambda_function.api.version}');
    const concurrency = r.aws_lambda_provisioned_concurrency_config.api_concurrency[0];
    assert.equal(concurrency.qualifier, 'live');
    assert.equal(concurrency.provisioned_concurrent_executions, 2);
    const invoke = r.aws_lambda_function_event_invoke_config.api_invoke_config[0];
    assert.equal(invoke.maximum_retry_attempts, 1);
    assert.equal(invoke.destination_config[0].on_failure[0].destination, 'arn:aws:sqs:us-east-1:123456789012:dlq');
    assert.deepEqual(todos, []);
  });

  it('negative: provisioned concurrency without AutoPublishAlias is a TODO, no config and no alias', () => {
    const { hcl } = sam(`  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/api.zip
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 }
`);
    assert.match(hcl, /TODO: ProvisionedConcurrencyConfig applies to the alias SAM publishes/);
    assert.doesNotMatch(hcl, /aws_lambda_provisioned_concurrency_config|aws_lambda_alias|publish = true/);
  });

  it('ScheduleV2 event: aws_scheduler_schedule with a role the scheduler assumes to invoke the function (OFF window by default)', async () => {
    const { hcl, todos } = sam(`  Job:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/job.zip
      Events:
        Hourly: { Type: ScheduleV2, Properties: { ScheduleExpression: rate(1 hour) } }
`);
    const r = (await parsed(hcl)).resource;
    const schedule = r.aws_scheduler_schedule.job_hourly[0];
    assert.equal(schedule.schedule_expression, 'rate(1 hour)');
    assert.equal(schedule.flexible_time_window[0].mode, 'OFF');
    assert.equal(schedule.target[0].arn, '${aws_lambda_function.job.arn}');
    assert.equal(schedule.target[0].role_arn, '${aws_iam_role.job_hourly_role.arn}');
    assert.match(r.aws_iam_role.job_hourly_role[0].assume_role_policy, /scheduler\.amazonaws\.com/);
    assert.match(r.aws_iam_role_policy.job_hourly_role_policy[0].policy, /lambda:InvokeFunction/);
    // Negative: no Lambda permission (the role invokes), no TODO.
    assert.equal(r.aws_lambda_permission, undefined);
    assert.deepEqual(todos, []);
  });

  it('AWS::StepFunctions::StateMachine: DefinitionSubstitutions are put into Definition and DefinitionString', async () => {
    const { hcl, todos } = convertToTerraform(`Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.12, Handler: a.b, Role: arn:aws:iam::1:role/r, Code: { S3Bucket: b, S3Key: k } }
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: arn:aws:iam::1:role/sfn
      DefinitionString: '{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"\${FnArn}","End":true}}}'
      DefinitionSubstitutions: { FnArn: !GetAtt Fn.Arn }
`, 'yaml', data);
    const machine = (await parsed(hcl)).resource.aws_sfn_state_machine.machine[0];
    assert.match(machine.definition, /"Resource":"\$\{aws_lambda_function\.fn\.arn\}"/);
    assert.deepEqual(todos.filter((t) => t.includes('DefinitionSubstitutions')), []);
    // Negative: without substitutions the definition is written as given.
    const plain = convertToTerraform(`Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties: { RoleArn: arn:aws:iam::1:role/sfn, DefinitionString: '{"StartAt":"A"}' }
`, 'yaml', data).hcl;
    assert.match(plain, /definition = "\{\\"StartAt\\":\\"A\\"\}"/);
  });

  it('SAM DocumentDB event: database fields go into document_db_event_source_config', async () => {
    const { hcl, todos } = sam(`  Reader:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/r.zip
      Events:
        Changes:
          Type: DocumentDB
          Properties: { Cluster: arn:aws:rds:us-east-1:1:cluster:docs, DatabaseName: shop, CollectionName: orders, StartingPosition: LATEST, SourceAccessConfigurations: [{ Type: BASIC_AUTH, URI: arn:secret }] }
`);
    const mapping = (await parsed(hcl)).resource.aws_lambda_event_source_mapping.reader_changes[0];
    assert.deepEqual(mapping.document_db_event_source_config, [{ database_name: 'shop', collection_name: 'orders' }]);
    assert.equal(mapping.event_source_arn, 'arn:aws:rds:us-east-1:1:cluster:docs');
    assert.doesNotMatch(hcl, /^  (database_name|collection_name)/m);
    assert.deepEqual(todos, []);
  });
});

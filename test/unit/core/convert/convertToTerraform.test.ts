import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertToTerraform } from '../../../../server/src/core/convert';
import type { AwsData } from '../../../../server/src/core/data/awsData';
import { testData } from './testData';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<any> };

const FIXTURES = path.resolve(__dirname, '../../../fixtures/templates');
const data = testData();

async function convert(file: string, options?: { resource?: string }, awsData: AwsData = data) {
  const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
  const result = convertToTerraform(text, file.endsWith('.json') ? 'json' : 'yaml', awsData, options);
  let json: any;
  try {
    json = await parse('main.tf', result.hcl);
  } catch (error) {
    assert.fail(`HCL did not parse: ${error}\n${result.hcl}`);
  }
  return { ...result, json };
}

const res = (json: any, type: string, name: string) => {
  const found = json.resource?.[type]?.[name]?.[0];
  assert.ok(found, `resource ${type}.${name} missing; have ${JSON.stringify(Object.keys(json.resource ?? {}))}`);
  return found;
};

/** Every aws_* resource type and top-level argument must exist in the Terraform data. */
function assertKnownToTerraform(json: any, awsData: AwsData) {
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    const schema = awsData.tfResource(type);
    assert.ok(schema, `unknown Terraform resource type ${type}`);
    for (const [name, blocks] of Object.entries<any>(byName)) {
      for (const key of Object.keys(blocks[0])) {
        if (['count', 'depends_on', 'lifecycle'].includes(key)) continue;
        assert.ok(key in schema.args, `${type}.${name}: unknown argument ${key}`);
      }
    }
  }
}

describe('convert/convertToTerraform fixtures', () => {
  it('SQS worker: queues, role, function, event source mapping, variables, conditions, outputs', async () => {
    const { json, todos } = await convert('sqs-worker.yaml');
    assertKnownToTerraform(json, data);
    const queue = res(json, 'aws_sqs_queue', 'job_queue');
    assert.equal(queue.visibility_timeout_seconds, 180);
    assert.equal(queue.receive_wait_time_seconds, 20);
    assert.equal(queue.name, 'jobs-${var.env}');
    assert.match(queue.redrive_policy, /jsonencode\(\{\s*deadLetterTargetArn = aws_sqs_queue\.dead_letter_queue\.arn/);
    assert.deepEqual(queue.tags, { team: 'platform', 'cost-center': '${var.env}' });
    assert.equal(res(json, 'aws_sqs_queue', 'dead_letter_queue').message_retention_seconds, 1209600);
    const mapping = res(json, 'aws_lambda_event_source_mapping', 'worker_mapping');
    assert.equal(mapping.event_source_arn, '${aws_sqs_queue.job_queue.arn}');
    assert.equal(mapping.function_name, '${aws_lambda_function.worker_function.function_name}');
    assert.equal(mapping.batch_size, '${var.batch_size}');
    const fn = res(json, 'aws_lambda_function', 'worker_function');
    assert.equal(fn.role, '${aws_iam_role.worker_role.arn}');
    assert.equal(fn.memory_size, '${local.is_prod ? 1024 : 256}');
    assert.deepEqual(fn.environment[0].variables.QUEUE_URL, '${aws_sqs_queue.job_queue.url}');
    assert.equal(fn.filename, '${data.archive_file.worker_function.output_path}');
    const archive = json.data.archive_file.worker_function[0];
    assert.match(archive.source[0].content, /\$\$\{not a reference\}/, 'literal ${ escaped in heredoc');
    assert.equal(archive.source[0].filename, 'index.py');
    assert.match(res(json, 'aws_iam_role', 'worker_role').assume_role_policy, /^\$\{jsonencode\(/);
    assert.equal(res(json, 'aws_iam_role_policy', 'worker_role_consume_jobs').role, '${aws_iam_role.worker_role.id}');
    assert.ok(res(json, 'aws_iam_role_policy_attachment', 'worker_role_aws_lambda_basic_execution_role'));
    assert.equal(res(json, 'aws_sns_topic', 'alarms').count, '${local.is_prod ? 1 : 0}');
    assert.equal(json.variable.env[0].default, 'dev');
    assert.match(json.variable.env[0].validation[0].condition, /contains\(\["dev", "prod"\], var\.env\)/);
    assert.equal(json.variable.batch_size[0].type, '${number}');
    assert.equal(json.locals[0].is_prod, '${var.env == "prod"}');
    assert.equal(json.output.queue_url[0].value, '${aws_sqs_queue.job_queue.url}');
    assert.equal(json.output.alarm_topic[0].value, '${local.is_prod ? aws_sns_topic.alarms[0].arn : null}');
    assert.ok(json.data.aws_region.current && json.data.aws_caller_identity.current);
    assert.equal(json.data.aws_partition, undefined, 'data blocks only when used');
    assert.ok(todos.some((t) => t.includes('AWS::StackName')));
  });

  it('API + Lambda + DynamoDB (JSON): table blocks, mappings, sub references, unmapped type TODO', async () => {
    const { json, hcl, todos } = await convert('api-lambda-dynamodb.json');
    assertKnownToTerraform(json, data);
    const table = res(json, 'aws_dynamodb_table', 'orders_table');
    assert.equal(table.name, '${var.table_name}');
    assert.equal(table.hash_key, 'pk');
    assert.equal(table.range_key, 'sk');
    assert.deepEqual(table.attribute.map((a: any) => a.name), ['pk', 'sk']);
    assert.equal(table.stream_enabled, true);
    assert.equal(table.point_in_time_recovery[0].enabled, true);
    const fn = res(json, 'aws_lambda_function', 'orders_function');
    assert.equal(fn.memory_size, '${local.stage_config["dev"]["Memory"]}');
    assert.equal(fn.s3_bucket, 'artifacts-bucket');
    assert.equal(fn.function_name, 'OrdersFunction', 'required name from the logical id');
    assert.equal(res(json, 'aws_apigatewayv2_route', 'route').target, 'integrations/${aws_apigatewayv2_integration.integration.id}');
    assert.equal(res(json, 'aws_apigatewayv2_route', 'route').route_key, 'GET /orders/{id}');
    assert.equal(res(json, 'aws_apigatewayv2_stage', 'stage').name, '$default');
    assert.match(res(json, 'aws_lambda_permission', 'invoke_permission').source_arn, /execute-api:\$\{data\.aws_region\.current\.\w+\}:\$\{data\.aws_caller_identity\.current\.account_id\}:\$\{aws_apigatewayv2_api\.http_api\.id\}\/\*\/\*/);
    assert.deepEqual(json.locals[0].stage_config, { dev: { Memory: 256 }, prod: { Memory: 1024 } });
    assert.match(json.variable.table_name[0].validation[0].condition, /can\(regex\("\^\(\?:\[a-z-\]\+\)\$", var\.table_name\)\)/);
    assert.match(hcl, /# TODO: AWS::Batch::JobQueue "JobQueue" has no reviewed hashicorp\/aws equivalent\.\n# The awscc provider has it: resource "awscc_batch_job_queue"/);
    assert.equal(json.output.queue[0].value, '${var.ref_job_queue}');
    assert.ok(todos.some((t) => t.includes('AWS::Batch::JobQueue JobQueue')));
    assert.equal(json.output.endpoint[0].value, '${aws_apigatewayv2_api.http_api.api_endpoint}');
  });

  it('VPC network: subnets with Cidr/GetAZs, security group rules, depends_on', async () => {
    const { json } = await convert('vpc-network.yaml');
    assertKnownToTerraform(json, data);
    const a = res(json, 'aws_subnet', 'public_subnet_a');
    assert.equal(a.vpc_id, '${aws_vpc.vpc.id}');
    assert.equal(a.availability_zone, '${element(data.aws_availability_zones.available.names, 0)}');
    assert.equal(res(json, 'aws_subnet', 'public_subnet_b').cidr_block, '${element([for i in range(4) : cidrsubnet("10.0.0.0/16", 8, i)], 1)}');
    const sg = res(json, 'aws_security_group', 'web_security_group');
    assert.equal(sg.description, 'Web traffic');
    assert.deepEqual(sg.ingress[0], { from_port: 443, to_port: 443, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], description: 'HTTPS' });
    assert.deepEqual(sg.ingress[1].security_groups, ['${aws_security_group.bastion_group.id}']);
    assert.equal(sg.egress[0].protocol, '-1', 'CloudFormation default egress kept');
    assert.equal(res(json, 'aws_security_group', 'bastion_group').egress.length, 1);
    assert.deepEqual(res(json, 'aws_route', 'default_route').depends_on, ['${aws_internet_gateway_attachment.gateway_attachment}']);
    assert.deepEqual(json.variable.allowed_ports[0].default, ['80', '443']);
    assert.deepEqual(res(json, 'aws_vpc', 'vpc').tags, { Name: '${var.stack_name}-vpc' });
    assert.equal(json.output.subnet_ids[0].value, '${join(",", [aws_subnet.public_subnet_a.id, aws_subnet.public_subnet_b.id])}');
  });

  it('static site: bucket companions, OAC, distribution blocks, bucket policy', async () => {
    const { json } = await convert('static-site.yaml');
    assertKnownToTerraform(json, data);
    const bucket = res(json, 'aws_s3_bucket', 'site_bucket');
    assert.equal(bucket.bucket, 'site-${data.aws_caller_identity.current.account_id}-${data.aws_region.current.region}');
    assert.equal(bucket.lifecycle[0].prevent_destroy, true);
    assert.equal(res(json, 'aws_s3_bucket_versioning', 'site_bucket_versioning').versioning_configuration[0].status, 'Enabled');
    assert.equal(res(json, 'aws_s3_bucket_public_access_block', 'site_bucket_public_access_block').block_public_acls, true);
    assert.equal(res(json, 'aws_s3_bucket_server_side_encryption_configuration', 'site_bucket_encryption').rule[0].apply_server_side_encryption_by_default[0].sse_algorithm, 'AES256');
    assert.equal(res(json, 'aws_cloudfront_origin_access_control', 'site_oac').signing_protocol, 'sigv4');
    const dist = res(json, 'aws_cloudfront_distribution', 'distribution');
    assert.equal(dist.origin[0].origin_id, 's3-site');
    assert.equal(dist.origin[0].domain_name, '${aws_s3_bucket.site_bucket.bucket_regional_domain_name}');
    assert.equal(dist.origin[0].s3_origin_config, undefined, 'OAC origins have no s3_origin_config');
    assert.deepEqual(dist.default_cache_behavior[0].cached_methods, ['GET', 'HEAD']);
    assert.equal(dist.restrictions[0].geo_restriction[0].restriction_type, 'none');
    assert.equal(dist.viewer_certificate[0].cloudfront_default_certificate, true);
    assert.equal(dist.aliases, '${local.has_domain ? [var.domain_name] : null}');
    assert.equal(dist.custom_error_response[0].response_page_path, '/index.html');
    const policy = res(json, 'aws_s3_bucket_policy', 'site_bucket_policy');
    assert.equal(policy.bucket, '${aws_s3_bucket.site_bucket.id}');
    assert.match(policy.policy, /"AWS:SourceArn" = "arn:\$\{data\.aws_partition\.current\.partition\}:cloudfront::/);
    assert.equal(json.locals[0].has_domain, '${!(var.domain_name == "")}');
  });

  it('EventBridge scheduled job: rule, target resource, permission, inline code', async () => {
    const { json } = await convert('scheduled-job.yaml');
    assertKnownToTerraform(json, data);
    const rule = res(json, 'aws_cloudwatch_event_rule', 'job_schedule');
    assert.equal(rule.schedule_expression, '${var.schedule}');
    const target = res(json, 'aws_cloudwatch_event_target', 'job_schedule_cleanup');
    assert.equal(target.rule, '${aws_cloudwatch_event_rule.job_schedule.name}');
    assert.equal(target.arn, '${aws_lambda_function.job_function.arn}');
    assert.equal(target.input, '{"dryRun": false}');
    assert.equal(res(json, 'aws_lambda_permission', 'job_invoke_permission').source_arn, '${aws_cloudwatch_event_rule.job_schedule.arn}');
    assert.equal(res(json, 'aws_lambda_function', 'job_function').logging_config[0].log_group, '${aws_cloudwatch_log_group.job_logs.name}');
    assert.equal(json.data.archive_file.job_function[0].source[0].filename, 'job.py');
  });

  it('SAM app: functions with roles, policies, SQS/Schedule/Api/HttpApi events, simple table', async () => {
    const { json, todos } = await convert('sam-app.yaml');
    assertKnownToTerraform(json, data);
    const api = res(json, 'aws_lambda_function', 'api_function');
    assert.equal(api.runtime, 'python3.12', 'Globals merged');
    assert.equal(api.role, '${aws_iam_role.api_function_role.arn}');
    assert.equal(api.environment[0].variables.TABLE_NAME, '${aws_dynamodb_table.items_table.name}');
    assert.equal(json.data.archive_file.api_function[0].source_dir, '${path.module}/src/api');
    const esm = res(json, 'aws_lambda_event_source_mapping', 'consumer_function_queue');
    assert.equal(esm.event_source_arn, '${aws_sqs_queue.ingest_queue.arn}');
    assert.equal(esm.batch_size, 5);
    assert.match(res(json, 'aws_iam_role_policy', 'consumer_function_role_policy').policy, /sqs:ReceiveMessage[\s\S]*:\$\{aws_sqs_queue\.ingest_queue\.name\}/);
    const attachments = Object.values<any>(json.resource.aws_iam_role_policy_attachment).map((a) => a[0].policy_arn);
    assert.ok(attachments.some((a) => a.endsWith('AWSLambdaSQSQueueExecutionRole')));
    assert.equal(res(json, 'aws_cloudwatch_event_rule', 'consumer_function_nightly').schedule_expression, 'cron(0 3 * * ? *)');
    assert.equal(res(json, 'aws_lambda_permission', 'consumer_function_nightly').principal, 'events.amazonaws.com');
    const rest = res(json, 'aws_api_gateway_rest_api', 'serverless_rest_api');
    assert.match(rest.body, /"\/items\/\{id\}" = \{\s*put = /);
    assert.ok(res(json, 'aws_api_gateway_stage', 'serverless_rest_api'));
    assert.equal(res(json, 'aws_apigatewayv2_route', 'api_function_health').route_key, 'GET /health');
    const table = res(json, 'aws_dynamodb_table', 'items_table');
    assert.deepEqual([table.hash_key, table.billing_mode, table.attribute[0].type], ['pk', 'PAY_PER_REQUEST', 'S']);
    assert.equal(json.output.consumer_role_arn[0].value, '${aws_iam_role.consumer_function_role.arn}');
    // The S3 event is converted now: the bucket's notification and the permission S3 needs.
    assert.ok(!todos.some((t) => t.includes('Uploads')), todos.join('\n'));
    assert.equal(res(json, 'aws_s3_bucket_notification', 'uploads_notification').lambda_function[0].lambda_function_arn, '${aws_lambda_function.consumer_function.arn}');
    assert.equal(res(json, 'aws_lambda_permission', 'consumer_function_uploads').principal, 's3.amazonaws.com');
    // The state machine is converted now: its definition file through templatefile(), its own role.
    assert.ok(!todos.some((t) => t.includes('AWS::Serverless::StateMachine')));
    const machine = Object.values<any>(json.resource.aws_sfn_state_machine)[0][0];
    assert.match(machine.definition, /templatefile\("\$\{path\.module\}\/statemachine\.asl\.json"/);
    assert.match(machine.role_arn, /aws_iam_role\.\w+_role\.arn/);
  });

  it('--resource converts one logical id with only what it uses', async () => {
    const { json, hcl } = await convert('sqs-worker.yaml', { resource: 'JobQueue' });
    assert.deepEqual(Object.keys(json.resource), ['aws_sqs_queue']);
    assert.deepEqual(Object.keys(json.resource.aws_sqs_queue), ['job_queue']);
    assert.deepEqual(Object.keys(json.variable), ['env']);
    assert.equal(json.output, undefined);
    assert.equal(json.data, undefined);
    assert.doesNotMatch(hcl, /batch_size/);
    const missing = await convert('sqs-worker.yaml', { resource: 'Nope' });
    assert.match(missing.hcl, /TODO: no resource "Nope"/);
  });

  it('is deterministic', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'sam-app.yaml'), 'utf8');
    assert.equal(convertToTerraform(text, 'yaml', data).hcl, convertToTerraform(text, 'yaml', data).hcl);
  });
});

describe('convert/convertToTerraform details', () => {
  const run = async (yaml: string) => {
    const result = convertToTerraform(yaml, 'yaml', data);
    return { ...result, json: await parse('main.tf', result.hcl) };
  };

  it('escapes strings: quotes, backslashes, literal ${ and %{, and ${!Literal} in Sub', async () => {
    const { json, hcl } = await run(`Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub 'a"b\\c-\${!Literal}-%{x}'
`);
    assert.match(hcl, /name = "a\\"b\\\\c-\$\$\{Literal\}-%%\{x\}"/);
    assert.equal(json.resource.aws_sqs_queue.q[0].name, 'a"b\\c-$${Literal}-%%{x}');
  });

  it('unknown properties become TODO lines naming the CloudFormation property', async () => {
    const { hcl, todos } = await run('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      NotAThing: 1\n');
    assert.match(hcl, /# TODO: CloudFormation property NotAThing has no aws_sqs_queue argument/);
    assert.ok(todos.some((t) => t.includes('NotAThing')));
  });

  it('never maps by fuzzy guess: a type missing from the mapping is a TODO', async () => {
    const { hcl, json } = await run('Resources:\n  R:\n    Type: AWS::IoT::TopicRule\n    Properties: {RuleName: x}\n');
    assert.equal(json.resource, undefined);
    assert.match(hcl, /# TODO: AWS::IoT::TopicRule "R" has no reviewed hashicorp\/aws equivalent/);
  });

  it('converts the remaining intrinsics', async () => {
    const { json } = await run(`Parameters:
  Names: {Type: CommaDelimitedList}
  Secret: {Type: String, NoEcho: true}
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Join ['-', [!Select [0, !Ref Names], !Base64 x, !ImportValue shared-name]]
      DelaySeconds: !Length [1, 2]
      Policy: !ToJsonString {a: !Split [',', 'a,b']}
      KmsMasterKeyId: !If [C, !Ref AWS::NoValue, !Ref Secret]
Conditions:
  C: !Or [!Equals [!Ref AWS::Partition, aws], !And [!Condition D, !Not [!Condition D]]]
  D: !Equals [!Ref AWS::URLSuffix, amazonaws.com]
`);
    const q = json.resource.aws_sqs_queue.q[0];
    assert.equal(q.name, '${join("-", [element(var.names, 0), base64encode("x"), var.import_shared_name])}');
    assert.equal(q.delay_seconds, '${length([1, 2])}');
    assert.equal(q.policy, '${jsonencode({\n    a = split(",", "a,b")\n  })}');
    assert.equal(q.kms_master_key_id, '${local.c ? null : var.secret}');
    assert.equal(json.locals[0].c, '${(data.aws_partition.current.partition == "aws") || (local.d && (!local.d))}');
    assert.equal(json.variable.secret[0].sensitive, true);
    assert.match(json.variable.import_shared_name[0].description, /terraform_remote_state/);
  });
});

// SAM S3, CloudWatchLogs, IoTRule and Cognito function events: the resources SAM's own expansion creates, one
// notification per bucket, conditions carried over; each with its negative. Emitted blocks go through the eval's
// schema checker too.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanHcl, validateResource, type TfSchemaData } from '../../../../bench/convert/check';
import { convertToTerraform } from '../../../../server/src/core/convert';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<any> };

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../data/tf-types.mpl.json'), 'utf8')) as TfSchemaData;

describe('convert: SAM S3, CloudWatchLogs, IoTRule and Cognito events', () => {
  const data = loadAwsData();
  const sam = (body: string) => convertToTerraform(`Transform: AWS::Serverless-2016-10-31
Conditions:
  IsProd: !Equals [!Ref AWS::Region, eu-west-1]
  IsTest: !Equals [!Ref AWS::Region, us-east-1]
Resources:
  Inbox:
    Type: AWS::S3::Bucket
  Archive:
    Type: AWS::S3::Bucket
${body}`, 'yaml', data);
  const fn = (id: string, events: string, condition?: string) => `  ${id}:
    Type: AWS::Serverless::Function
${condition ? `    Condition: ${condition}\n` : ''}    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: s3://artifacts/${id}.zip
      Events:
${events}`;
  const schemaIssues = (hcl: string) => scanHcl(hcl).blocks.filter((b) => b.type === 'resource').flatMap((b) => validateResource(b, schema));

  it('S3: the bucket notification with events and key filters, and the permission S3 needs', async () => {
    const { hcl, todos } = sam(fn('Resize', `        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Inbox
            Events: s3:ObjectCreated:*
            Filter:
              S3Key:
                Rules:
                  - { Name: prefix, Value: photos/ }
                  - { Name: Suffix, Value: .png }
`));
    const r = (await parse('main.tf', hcl)).resource;
    const notification = r.aws_s3_bucket_notification.inbox_notification[0];
    assert.equal(notification.bucket, '${aws_s3_bucket.inbox.id}');
    assert.deepEqual(notification.lambda_function, [{
      lambda_function_arn: '${aws_lambda_function.resize.arn}', events: ['s3:ObjectCreated:*'], filter_prefix: 'photos/', filter_suffix: '.png',
    }]);
    assert.deepEqual(notification.depends_on, ['${aws_lambda_permission.resize_upload}']);
    const permission = r.aws_lambda_permission.resize_upload[0];
    assert.equal(permission.principal, 's3.amazonaws.com');
    assert.equal(permission.source_arn, '${aws_s3_bucket.inbox.arn}');
    assert.equal(permission.function_name, '${aws_lambda_function.resize.function_name}');
    assert.equal(notification.count, undefined, 'no condition, no count');
    assert.deepEqual(todos, []);
    assert.doesNotMatch(hcl, /TODO/);
    assert.deepEqual(schemaIssues(hcl), []);
  });

  it('S3: events of several functions on one bucket merge into ONE notification; another bucket gets its own', async () => {
    const { hcl } = sam(`${fn('Resize', `        Created: { Type: S3, Properties: { Bucket: !Ref Inbox, Events: [s3:ObjectCreated:Put, s3:ObjectCreated:Post] } }
        Gone: { Type: S3, Properties: { Bucket: !Ref Archive, Events: s3:ObjectRemoved:* } }
`)}${fn('Index', `        Removed: { Type: S3, Properties: { Bucket: !Ref Inbox, Events: s3:ObjectRemoved:* } }
`)}`);
    const r = (await parse('main.tf', hcl)).resource;
    assert.deepEqual(Object.keys(r.aws_s3_bucket_notification).sort(), ['archive_notification', 'inbox_notification']);
    assert.equal((hcl.match(/resource "aws_s3_bucket_notification"/g) ?? []).length, 2);
    const inbox = r.aws_s3_bucket_notification.inbox_notification[0];
    assert.deepEqual(inbox.lambda_function.map((l: any) => [l.lambda_function_arn, l.events]), [
      ['${aws_lambda_function.resize.arn}', ['s3:ObjectCreated:Put', 's3:ObjectCreated:Post']],
      ['${aws_lambda_function.index.arn}', ['s3:ObjectRemoved:*']],
    ]);
    assert.deepEqual(inbox.depends_on, ['${aws_lambda_permission.resize_created}', '${aws_lambda_permission.index_removed}']);
    assert.equal(r.aws_s3_bucket_notification.archive_notification[0].lambda_function.length, 1);
    assert.deepEqual(schemaIssues(hcl), []);
  });

  it('S3: a condition on the function counts the notification; a function with another condition gets a dynamic block', async () => {
    const shared = sam(`${fn('Resize', `        Up: { Type: S3, Properties: { Bucket: !Ref Inbox, Events: s3:ObjectCreated:* } }
`, 'IsProd')}`);
    const r = (await parse('main.tf', shared.hcl)).resource;
    assert.equal(r.aws_s3_bucket_notification.inbox_notification[0].count, '${local.is_prod ? 1 : 0}');
    assert.equal(r.aws_lambda_permission.resize_up[0].count, '${local.is_prod ? 1 : 0}');
    assert.equal(r.aws_s3_bucket_notification.inbox_notification[0].lambda_function[0].lambda_function_arn, '${aws_lambda_function.resize[0].arn}');

    const mixed = sam(`${fn('Resize', `        Up: { Type: S3, Properties: { Bucket: !Ref Inbox, Events: s3:ObjectCreated:* } }
`, 'IsProd')}${fn('Index', `        Up: { Type: S3, Properties: { Bucket: !Ref Inbox, Events: s3:ObjectRemoved:* } }
`, 'IsTest')}${fn('Audit', `        Up: { Type: S3, Properties: { Bucket: !Ref Inbox, Events: s3:ObjectRestore:* } }
`)}`);
    assert.doesNotMatch(mixed.hcl, /resource "aws_s3_bucket_notification" "inbox_notification" \{\n\s*count/, 'mixed conditions: the notification itself always exists');
    assert.match(mixed.hcl, /dynamic "lambda_function" \{\n\s*for_each = local\.is_prod \? \[1\] : \[\]\n\s*content \{\n\s*lambda_function_arn = aws_lambda_function\.resize\[0\]\.arn/);
    assert.match(mixed.hcl, /for_each = local\.is_test \? \[1\] : \[\]/);
    assert.match(mixed.hcl, /\n  lambda_function \{\n\s*lambda_function_arn\s*= aws_lambda_function\.audit\.arn/, 'the unconditional function is a plain block');
    assert.equal((mixed.hcl.match(/resource "aws_s3_bucket_notification"/g) ?? []).length, 1);
    assert.deepEqual(schemaIssues(mixed.hcl), []);
  });

  it('S3 negatives: a bucket outside the template, or one with its own NotificationConfiguration, is a precise TODO', () => {
    const outside = sam(fn('Resize', `        Up: { Type: S3, Properties: { Bucket: existing-bucket, Events: s3:ObjectCreated:* } }
`));
    assert.doesNotMatch(outside.hcl, /resource "aws_s3_bucket_notification"/);
    assert.ok(outside.todos.some((t) => /Resize: S3 event Up: Bucket must be a !Ref/.test(t)), outside.todos.join('\n'));

    const own = convertToTerraform(`Transform: AWS::Serverless-2016-10-31
Resources:
  Inbox:
    Type: AWS::S3::Bucket
    Properties:
      NotificationConfiguration:
        QueueConfigurations: [{ Event: s3:ObjectCreated:*, Queue: arn:aws:sqs:eu-west-1:123456789012:q }]
${fn('Resize', `        Up: { Type: S3, Properties: { Bucket: !Ref Inbox, Events: s3:ObjectCreated:* } }
`)}`, 'yaml', data);
    assert.equal((own.hcl.match(/resource "aws_s3_bucket_notification"/g) ?? []).length, 1, 'never a second notification that would replace the first');
    assert.ok(own.todos.some((t) => /own NotificationConfiguration; add a lambda_function block for aws_lambda_function\.resize/.test(t)), own.todos.join('\n'));
  });

  it('CloudWatchLogs: a subscription filter on the group and a permission for the regional logs principal', async () => {
    const { hcl, todos } = sam(`  Group:
    Type: AWS::Logs::LogGroup
${fn('Alarm', `        Errors: { Type: CloudWatchLogs, Properties: { LogGroupName: !Ref Group, FilterPattern: '?ERROR ?FATAL' } }
        Plain: { Type: CloudWatchLogs, Properties: { LogGroupName: /app/web, FilterPattern: '' } }
`, 'IsProd')}`);
    const r = (await parse('main.tf', hcl)).resource;
    const filter = r.aws_cloudwatch_log_subscription_filter.alarm_errors[0];
    assert.equal(filter.log_group_name, '${aws_cloudwatch_log_group.group.name}');
    assert.equal(filter.filter_pattern, '?ERROR ?FATAL');
    assert.equal(filter.destination_arn, '${aws_lambda_function.alarm[0].arn}');
    assert.equal(filter.count, '${local.is_prod ? 1 : 0}');
    assert.deepEqual(filter.depends_on, ['${aws_lambda_permission.alarm_errors}']);
    const permission = r.aws_lambda_permission.alarm_plain[0];
    assert.match(permission.principal, /^logs\.\$\{data\.aws_region\.current\.\w+\}\.amazonaws\.com$/);
    assert.match(permission.source_arn, /:logs:\$\{data\.aws_region\.current\.\w+\}:\$\{data\.aws_caller_identity\.current\.account_id\}:log-group:\/app\/web:\*$/);
    assert.equal(r.aws_cloudwatch_log_subscription_filter.alarm_plain[0].filter_pattern, '');
    assert.deepEqual(todos, []);
    assert.deepEqual(schemaIssues(hcl), []);

    const missing = sam(fn('Alarm', `        Errors: { Type: CloudWatchLogs, Properties: { FilterPattern: ERROR } }
`));
    assert.doesNotMatch(missing.hcl, /aws_cloudwatch_log_subscription_filter/);
    assert.ok(missing.todos.some((t) => /CloudWatchLogs event Errors has no LogGroupName/.test(t)));
  });

  it('IoTRule: a topic rule with a lambda action, sql_version as given or IoT\'s default, and the iot permission', async () => {
    const { hcl, todos } = sam(fn('Sensor', `        Given: { Type: IoTRule, Properties: { Sql: "SELECT temp FROM 'devices/+/telemetry'", AwsIotSqlVersion: '2016-03-23' } }
        Default: { Type: IoTRule, Properties: { Sql: "SELECT * FROM 'alerts'" } }
`));
    const r = (await parse('main.tf', hcl)).resource;
    const rule = r.aws_iot_topic_rule.sensor_given[0];
    assert.equal(rule.name, 'sensor_given');
    assert.equal(rule.enabled, true);
    assert.equal(rule.sql, "SELECT temp FROM 'devices/+/telemetry'");
    assert.equal(rule.sql_version, '2016-03-23');
    assert.deepEqual(rule.lambda, [{ function_arn: '${aws_lambda_function.sensor.arn}' }]);
    assert.equal(r.aws_iot_topic_rule.sensor_default[0].sql_version, '2015-10-08');
    assert.equal(r.aws_lambda_permission.sensor_given[0].principal, 'iot.amazonaws.com');
    assert.equal(r.aws_lambda_permission.sensor_default[0].source_arn, '${aws_iot_topic_rule.sensor_default.arn}');
    assert.deepEqual(todos, []);
    assert.deepEqual(schemaIssues(hcl), []);

    const noSql = sam(fn('Sensor', `        Bad: { Type: IoTRule, Properties: { AwsIotSqlVersion: '2016-03-23' } }
`));
    assert.doesNotMatch(noSql.hcl, /aws_iot_topic_rule/);
    assert.ok(noSql.todos.some((t) => /IoTRule event Bad has no Sql/.test(t)));
  });

  it('Cognito: the triggers in the pool\'s lambda_config (declared before or after the function) and the permission', async () => {
    for (const poolFirst of [true, false]) {
      const pool = `  Pool:
    Type: AWS::Cognito::UserPool
`;
      const hook = fn('Hook', `        Signup: { Type: Cognito, Properties: { UserPool: !Ref Pool, Trigger: [PreSignUp, VerifyAuthChallengeResponse] } }
`);
      const { hcl, todos } = sam(poolFirst ? pool + hook : hook + pool);
      const r = (await parse('main.tf', hcl)).resource;
      assert.deepEqual(r.aws_cognito_user_pool.pool[0].lambda_config, [{
        pre_sign_up: '${aws_lambda_function.hook.arn}', verify_auth_challenge_response: '${aws_lambda_function.hook.arn}',
      }], `pool first: ${poolFirst}`);
      assert.equal(r.aws_lambda_permission.hook_signup[0].principal, 'cognito-idp.amazonaws.com');
      assert.equal(r.aws_lambda_permission.hook_signup[0].source_arn, '${aws_cognito_user_pool.pool.arn}');
      assert.deepEqual(todos, []);
      assert.deepEqual(schemaIssues(hcl), []);
    }
  });

  it('Cognito: a conditioned function, the pool\'s own trigger, a trigger that is a block, a pool elsewhere', async () => {
    const { hcl, todos } = sam(`  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      LambdaConfig: { PreSignUp: arn:aws:lambda:eu-west-1:123456789012:function:existing }
${fn('Hook', `        Signup: { Type: Cognito, Properties: { UserPool: !Ref Pool, Trigger: [PreSignUp, PostConfirmation, CustomEmailSender] } }
`, 'IsProd')}`);
    const config = (await parse('main.tf', hcl)).resource.aws_cognito_user_pool.pool[0].lambda_config;
    assert.equal(config.length, 1, 'one lambda_config block, the pool\'s own one extended');
    assert.equal(config[0].pre_sign_up, 'arn:aws:lambda:eu-west-1:123456789012:function:existing', 'the pool\'s own trigger is kept');
    assert.equal(config[0].post_confirmation, '${local.is_prod ? aws_lambda_function.hook[0].arn : null}');
    assert.equal(config[0].custom_email_sender, undefined);
    assert.ok(todos.some((t) => /trigger pre_sign_up is set by Pool itself too/.test(t)), todos.join('\n'));
    assert.ok(todos.some((t) => /trigger CustomEmailSender has no lambda_config argument of its own/.test(t)), todos.join('\n'));
    assert.deepEqual(schemaIssues(hcl), []);

    const elsewhere = sam(fn('Hook', `        Signup: { Type: Cognito, Properties: { UserPool: eu-west-1_abc, Trigger: PreSignUp } }
`));
    assert.doesNotMatch(elsewhere.hcl, /cognito-idp/);
    assert.ok(elsewhere.todos.some((t) => /UserPool must be a !Ref/.test(t)));
  });

  it('AlexaSkill: only the permission, tied to the skill when SkillId is set', async () => {
    const { hcl, todos } = sam(fn('Skill', `        Tied: { Type: AlexaSkill, Properties: { SkillId: amzn1.ask.skill.1234 } }
        Open: { Type: AlexaSkill }
`));
    const r = (await parse('main.tf', hcl)).resource;
    assert.equal(r.aws_lambda_permission.skill_tied[0].principal, 'alexa-appkit.amazon.com');
    assert.equal(r.aws_lambda_permission.skill_tied[0].event_source_token, 'amzn1.ask.skill.1234');
    assert.equal(r.aws_lambda_permission.skill_open[0].event_source_token, undefined);
    assert.equal(r.aws_lambda_permission.skill_open[0].source_arn, undefined);
    assert.deepEqual(todos, []);
    assert.deepEqual(schemaIssues(hcl), []);
  });

  it('an event type SAM does not have stays a TODO, never a guess', () => {
    const { hcl, todos } = sam(fn('Odd', `        Mystery: { Type: CarrierPigeon, Properties: { Loft: north } }
`));
    assert.ok(todos.some((t) => /event Mystery of type CarrierPigeon is not converted/.test(t)), todos.join('\n'));
    assert.doesNotMatch(hcl, /resource "aws_lambda_permission"/);
  });
});

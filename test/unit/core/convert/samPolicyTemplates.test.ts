// SAM policy templates in a function's Policies become statements of its role policy, from SAM's own template
// file: any template (not a hand-typed few), parameters in place; unknown or incomplete ones stay TODOs.
import { strict as assert } from 'node:assert';
import { convertToTerraform } from '../../../../server/src/core/convert';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<any> };

describe('convert: SAM policy templates from SAM\'s policy_templates.json', () => {
  const data = loadAwsData();
  const fn = (policies: string) => convertToTerraform(`Transform: AWS::Serverless-2016-10-31
Resources:
  Jobs:
    Type: AWS::SQS::Queue
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/worker.zip
      Policies:
${policies}`, 'yaml', data);
  const policyOf = async (hcl: string): Promise<string> => (await parse('main.tf', hcl)).resource.aws_iam_role_policy.worker_role_policy[0].policy;

  before(function () {
    if (!data.samPolicyTemplate('SQSSendMessagePolicy') || !data.tfResource('aws_iam_role_policy')) this.skip();
  });

  it('expands templates the old list never had, with two parameters and a Condition', async () => {
    const { hcl, todos } = fn(`        - SQSSendMessagePolicy: { QueueName: !GetAtt Jobs.QueueName }
        - EFSWriteAccessPolicy: { FileSystem: fs-123, AccessPoint: fsap-456 }
        - EventBridgePutEventsPolicy: { EventBusName: default }
        - VPCAccessPolicy: {}
`);
    assert.deepEqual(todos, []);
    const policy = await policyOf(hcl);
    assert.match(policy, /"sqs:SendMessage\*"/);
    assert.match(policy, /aws_sqs_queue\.jobs\.name/, 'the queue name parameter is the GetAtt, converted');
    assert.match(policy, /elasticfilesystem:ClientWrite/);
    assert.match(policy, /file-system\/(\$\{")?fs-123/);
    assert.match(policy, /StringEquals/);
    assert.match(policy, /elasticfilesystem:AccessPointArn/);
    assert.match(policy, /access-point\/(\$\{")?fsap-456/);
    assert.match(policy, /events:PutEvents/);
    assert.match(policy, /event-bus\/(\$\{")?default/);
    assert.match(policy, /ec2:CreateNetworkInterface/);
    assert.doesNotMatch(policy, /\$\{(queueName|FileSystem|AccessPoint|eventBusName)\}/, 'no SAM variable is left unsubstituted');
  });

  it('an unknown template and a template missing a parameter stay TODOs and grant nothing', () => {
    const { hcl, todos } = fn(`        - MyOwnQueuePolicy: { QueueName: q }
        - DynamoDBStreamReadPolicy: { TableName: t }
`);
    assert.ok(todos.some((t) => /MyOwnQueuePolicy is not expanded/.test(t)), todos.join('\n'));
    assert.ok(todos.some((t) => /DynamoDBStreamReadPolicy lacks StreamName/.test(t)), todos.join('\n'));
    assert.doesNotMatch(hcl, /dynamodb:GetRecords/);
    assert.doesNotMatch(hcl, /sqs:SendMessage/);
  });
});

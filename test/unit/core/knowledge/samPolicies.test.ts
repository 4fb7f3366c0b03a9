// SAM policy templates expanded from SAM's own policy_templates.json (data/sam-policy-templates.json) the way
// SAM's transform does: a parameter's Ref becomes the value given, nothing else changes, a missing one is an error.
import { strict as assert } from 'node:assert';
import type { CfnValue, CfnValueMap } from '../../../../server/src/core/syntax/template/types';
import type { SamJson } from '../../../../server/src/core/data/samPolicyTemplates';
import { expandSamPolicy } from '../../../../server/src/core/convert/samPolicyExpansion';
import { samPolicyActions, samPolicyService } from '../../../../server/src/core/knowledge/samPolicies';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

const ref = (name: string): CfnValue => ({ fn: 'Ref', args: [name] });
const getAtt = (id: string, attr: string): CfnValue => ({ fn: 'GetAtt', args: [id, attr] });
const sub = (text: string, vars: CfnValueMap): CfnValue => ({ fn: 'Sub', args: [text, vars] });
const ARN = 'arn:${AWS::Partition}:';
const expand = (name: string, values: CfnValueMap) => {
  const template = data.samPolicyTemplate(name);
  assert.ok(template, name);
  return expandSamPolicy(template, values);
};
const data = loadAwsData();

describe('knowledge: SAM policy templates', () => {
  before(function () {
    if (!data.samPolicyTemplate('SQSSendMessagePolicy')) this.skip();
  });

  it('SQSSendMessagePolicy: the queue name goes into the Sub variable that SAM refs', () => {
    assert.deepEqual(expand('SQSSendMessagePolicy', { QueueName: getAtt('Jobs', 'QueueName') }), {
      statements: [{ Action: ['sqs:SendMessage*'], Effect: 'Allow', Resource: sub(`${ARN}sqs:\${AWS::Region}:\${AWS::AccountId}:\${queueName}`, { queueName: getAtt('Jobs', 'QueueName') }) }],
    });
  });

  it('DynamoDBStreamReadPolicy: two parameters, two statements, the second using only one of them', () => {
    const table = ref('Orders');
    assert.deepEqual(expand('DynamoDBStreamReadPolicy', { TableName: table, StreamName: '2026-01-01T00:00:00.000', Extra: 'ignored' }), {
      statements: [
        { Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], Effect: 'Allow', Resource: sub(`${ARN}dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/\${tableName}/stream/\${streamName}`, { streamName: '2026-01-01T00:00:00.000', tableName: table }) },
        { Action: ['dynamodb:ListStreams'], Effect: 'Allow', Resource: sub(`${ARN}dynamodb:\${AWS::Region}:\${AWS::AccountId}:table/\${tableName}/stream/*`, { tableName: table }) },
      ],
    });
  });

  it('EFSWriteAccessPolicy: the Condition keeps its shape (a statement key, not the intrinsic) and gets its parameter', () => {
    const result = expand('EFSWriteAccessPolicy', { FileSystem: ref('Fs'), AccessPoint: ref('Ap') });
    assert.ok('statements' in result);
    assert.deepEqual(result.statements[0].Condition, {
      StringEquals: { 'elasticfilesystem:AccessPointArn': sub(`${ARN}elasticfilesystem:\${AWS::Region}:\${AWS::AccountId}:access-point/\${AccessPoint}`, { AccessPoint: ref('Ap') }) },
    });
    assert.deepEqual(result.statements[0].Resource, sub(`${ARN}elasticfilesystem:\${AWS::Region}:\${AWS::AccountId}:file-system/\${FileSystem}`, { FileSystem: ref('Fs') }));
  });

  it('a template without parameters expands as is; a missing parameter is reported, not expanded with a hole', () => {
    assert.deepEqual(expand('VPCAccessPolicy', {}), { statements: [{ Action: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'], Effect: 'Allow', Resource: '*' }] });
    assert.deepEqual(expand('DynamoDBStreamReadPolicy', { TableName: ref('Orders') }), { missing: ['StreamName'] });
    assert.equal(data.samPolicyTemplate('MyOwnQueuePolicy'), undefined);
    assert.equal(data.samPolicyTemplate('toString'), undefined);
  });

  it('every template: expansion is the source statement with exactly its parameters\' Refs replaced', () => {
    // Back to long form with a marker for each value: equal to the data with `{Ref: P}` -> marker, for all 81.
    const long = (v: CfnValue): SamJson => {
      if (Array.isArray(v)) return v.map(long);
      if (v === null || typeof v !== 'object') return v;
      if (typeof v.fn === 'string' && Array.isArray(v.args)) {
        const args = (v.args as CfnValue[]).map(long);
        return { [v.fn === 'Ref' ? 'Ref' : `Fn::${v.fn}`]: args.length === 1 ? args[0] : args };
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, long(x as CfnValue)]));
    };
    const file = require('../../../../data/sam-policy-templates.json') as { templates: Record<string, { params: string[]; statements: SamJson[] }> };
    let refs = 0;
    const marked = (json: SamJson, params: string[]): SamJson => {
      if (Array.isArray(json)) return json.map((j) => marked(j, params));
      if (json === null || typeof json !== 'object') return json;
      if (Object.keys(json).length === 1 && typeof json.Ref === 'string' && params.includes(json.Ref)) return refs++, `<<${json.Ref}>>`;
      return Object.fromEntries(Object.entries(json).map(([k, x]) => [k, marked(x, params)]));
    };
    const names = Object.keys(file.templates);
    assert.ok(names.length >= 80, `${names.length} templates`);
    for (const name of names) {
      const t = file.templates[name];
      const result = expand(name, Object.fromEntries(t.params.map((p) => [p, `<<${p}>>`])));
      assert.ok('statements' in result, name);
      assert.deepEqual(result.statements.map(long), marked(t.statements, t.params), name);
    }
    assert.ok(refs >= 70, `${refs} parameter refs`);
  });

  it('the actions a template grants, and its service (also for templates newer than the service spec list)', () => {
    assert.deepEqual(samPolicyActions(data.samPolicyTemplate('SQSSendMessagePolicy')!), ['sqs:SendMessage*']);
    assert.deepEqual(samPolicyActions(data.samPolicyTemplate('SSMParameterReadPolicy')!), ['ssm:DescribeParameters', 'ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath']);
    assert.equal(samPolicyService(data, 'SQSSendMessagePolicy'), 'sqs');
    assert.equal(samPolicyService(data, 'EventBridgePutEventsPolicy'), data.serviceByIamPrefix('events')?.id);
    assert.ok(samPolicyService(data, 'EventBridgePutEventsPolicy'));
    assert.equal(samPolicyService(data, 'MyOwnQueuePolicy'), undefined);
  });
});

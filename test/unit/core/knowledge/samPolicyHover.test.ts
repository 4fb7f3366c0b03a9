// The hover on a SAM policy template name says which IAM actions it grants, from SAM's own template file,
// in English and Japanese; templates newer than the service spec's list are recognised too; other names are not.
import { strict as assert } from 'node:assert';
import { createLanguageService } from '../../../../server/src/core/languageService';
import { loadAwsData } from '../../../../server/src/node/dataLoader';
import { documentWithCursor } from '../../../helpers/cursor';

const data = loadAwsData();
const SAM = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n';
const hover = (line: string, locale: 'en' | 'ja' = 'en') => {
  const { document, position } = documentWithCursor('file:///ws/template.yaml', 'yaml', SAM + line);
  return (createLanguageService({ data, locale }).hover(document, position)?.contents as { value: string } | undefined)?.value;
};

describe('knowledge: hover on a SAM policy template lists the actions it grants', () => {
  before(function () {
    if (!data.samPolicyTemplate('SQSSendMessagePolicy') || !data.service('sqs')) this.skip();
  });

  it('SQSSendMessagePolicy: the action, the description, the parameter', () => {
    const text = hover('        - SQSSendMessage‸Policy:\n            QueueName: !GetAtt Q.QueueName\n') ?? '';
    assert.match(text, /`SQSSendMessagePolicy`\*\* — SAM policy template for Amazon Simple Queue Service/);
    assert.match(text, /Grants 1 IAM action: `sqs:SendMessage\*`/);
    assert.match(text, /Gives permission to send message to SQS Queue/);
    assert.match(text, /Parameters: `QueueName`/);
    assert.match(text, /\[SAM policy template list\]\(https:\/\/docs\.aws\.amazon\.com\/serverless-application-model\/[^)]*serverless-policy-template-list\.html\)/);
    assert.doesNotMatch(text, /dynamodb:/);
  });

  it('a template with many actions lists the first 20 and counts the rest; Japanese labels', () => {
    const template = data.samPolicyTemplate('CodeCommitCrudPolicy')!;
    const en = hover('        - CodeCommitCrud‸Policy: { RepositoryName: repo }\n') ?? '';
    const actions = new Set(template.statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));
    assert.ok(actions.size > 20);
    assert.match(en, new RegExp(`Grants ${actions.size} IAM actions: \`codecommit:`));
    assert.match(en, new RegExp(`… and ${actions.size - 20} more`));
    const ja = hover('        - DynamoDBCrud‸Policy: { TableName: t }\n', 'ja') ?? '';
    assert.match(ja, /SAM ポリシーテンプレート/);
    assert.match(ja, /付与する IAM アクション 10 件: `dynamodb:GetItem`/);
    assert.match(ja, /パラメーター: `TableName`/);
    assert.doesNotMatch(ja, /Grants/);
  });

  it('templates only in SAM\'s file (not the service spec) are recognised by their actions\' service', () => {
    const text = hover('        - EventBridgePutEvents‸Policy: { EventBusName: default }\n') ?? '';
    assert.match(text, /`EventBridgePutEventsPolicy`\*\* — SAM policy template for/);
    assert.match(text, /Grants 1 IAM action: `events:PutEvents`/);
    const v2 = hover('        - KMSEncrypt‸Policy_v2: { KeyId: k }\n') ?? '';
    assert.match(v2, /`KMSEncryptPolicy_v2`\*\* — SAM policy template/);
    assert.match(v2, /`kms:Encrypt`/);
  });

  it('negative: a name that is no SAM template gets no template hover', () => {
    assert.doesNotMatch(hover('        - MyOwnQueue‸Policy: {}\n') ?? '', /SAM policy template/);
    assert.doesNotMatch(hover('        - AWSLambdaBasicExecution‸Role\n') ?? '', /SAM policy template/);
  });
});

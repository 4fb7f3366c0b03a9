// An identifier's place in a document (the keys above it, the statement around it) as read for the notes query,
// and how the ranking uses it: only in sections already tied to the identifier or its service.
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../../../server/src/core/languageService';
import { placeTermsAt } from '../../../../server/src/core/recognize/placeTerms';
import { loadAwsData } from '../../../../server/src/node/dataLoader';
import { documentWithCursor } from '../../../helpers/cursor';

function place(source: string) {
  const offset = source.indexOf('‸');
  return placeTermsAt(source.replace('‸', ''), offset);
}

describe('placeTermsAt: what surrounds an identifier', () => {
  it('YAML: the keys above an ARN, not its neighbours in other resources', () => {
    const p = place(`Resources:
  Worker:
    Type: AWS::Lambda::Function
    Properties:
      DeadLetterConfig:
        TargetArn: arn:aws:sqs:ap-northeast-1:111122223333:‸dlq
      Timeout: 30
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
`);
    for (const key of ['DeadLetterConfig', 'TargetArn', 'Properties', 'Worker']) assert.ok(p.keys.includes(key), `${key} in ${p.keys}`);
    assert.ok(!p.keys.includes('VersioningConfiguration'), 'another resource is not the place');
    assert.ok(!p.keys.includes('Timeout'), 'a sibling of the enclosing key is outside the block');
  });

  it('JSON policy: the actions of the same statement, not of the next one', () => {
    const p = place(`{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["dynamodb:PutItem", "dynamodb:GetItem"],
      "Resource": "arn:aws:dynamodb:ap-northeast-1:111122223333:table/‸orders"
    },
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    }
  ]
}
`);
    assert.deepEqual(p.actions.sort(), ['dynamodb:GetItem', 'dynamodb:PutItem']);
    assert.ok(p.keys.includes('Statement'));
  });

  it('HCL: the block around a principal', () => {
    const p = place(`resource "aws_lambda_permission" "s3" {
  action        = "lambda:InvokeFunction"
  principal     = "s3.amazon‸aws.com"
  function_name = aws_lambda_function.thumbs.arn
}
resource "aws_sqs_queue" "q" {
  policy = "sqs:SendMessage"
}
`);
    assert.deepEqual(p.actions, ['lambda:InvokeFunction']);
    assert.ok(p.keys.includes('function_name'));
  });

  it('negatives: a top-level line and a minified document stay small and bounded', () => {
    assert.deepEqual(place('arn:aws:sqs:us-east-1:1:‸q\n'), { keys: [], actions: [] });
    const minified = `{"Statement":[{"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:1:‸q"}]}` + 'x'.repeat(100_000);
    const p = place(minified);
    assert.deepEqual(p.actions, ['sqs:SendMessage']);
  });
});

// Notes in the style of the seeds: a DLQ passage in a Lambda chapter, an encryption page, a trust-policy page that
// names AssumeRole everywhere but no service, and a short section about a queue.
const NOTES = {
  'file:///notes/lambda.md': `# Lambda

Lambda はイベントで起動するサービス。

## 非同期呼び出しの失敗
3 回失敗したイベントは DeadLetterConfig で指定した SQS キューか SNS トピックに送られる。
`,
  'file:///notes/sqs.md': `# SQS

SQS はメッセージキューのサービス。可視性タイムアウトと保持期間を設定する。

## キューポリシー
別アカウントからの送信は \`sqs:SendMessage\` をキューポリシーで許可する。
`,
  'file:///notes/roles.md': `# ロールの引き受け

## AssumeRole のしくみ
信頼ポリシーで \`sts:AssumeRole\` を許可された主体だけがロールを引き受けられる。\`sts:AssumeRole\` の呼び出しは CloudTrail に残る。

## 例
SQS のキューを読む関数のロールなど。
`,
};

function service() {
  const s = createLanguageService({ data: loadAwsData() });
  for (const [uri, text] of Object.entries(NOTES)) s.index.setText(uri, text);
  return s;
}

function definitionUris(s: ReturnType<typeof service>, uri: string, lang: string, source: string): string[] {
  const { document, position } = documentWithCursor(uri, lang, source);
  return s.definition(document, position).map((l) => `${l.uri.replace('file:///notes/', '')}:${l.range.start.line}`);
}

describe('the identifier’s place in the notes ranking', () => {
  const s = service();

  it('an SQS ARN under DeadLetterConfig ranks the passage about dead letters first', () => {
    const template = 'Resources:\n  Worker:\n    Type: AWS::Lambda::Function\n    Properties:\n      DeadLetterConfig:\n        TargetArn: arn:aws:sqs:ap-northeast-1:111122223333:wor‸ker-dlq\n';
    assert.equal(definitionUris(s, 'file:///ws/t.yaml', 'yaml', template)[0], 'lambda.md:4');
  });

  it('the same ARN with no place ranks the queue notes first', () => {
    assert.match(definitionUris(s, 'file:///ws/a.txt', 'plaintext', 'arn:aws:sqs:ap-northeast-1:111122223333:wor‸ker-dlq\n')[0], /^sqs\.md/);
  });

  it('negative: a trust policy’s sts:AssumeRole does not bring in a section that is not about the principal’s service', () => {
    const trust = '{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "sqs.amazon‸aws.com" },\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}\n';
    const found = definitionUris(s, 'file:///ws/trust.json', 'json', trust);
    assert.ok(found.length > 0);
    assert.ok(found.includes('roles.md:5'), `the section tied to SQS is found: ${found.join(' ')}`);
    assert.ok(!found.includes('roles.md:2'), `the AssumeRole section is not: ${found.join(' ')}`);
  });
});

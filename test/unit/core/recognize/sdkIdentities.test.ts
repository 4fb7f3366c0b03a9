// SDK identity forms from the generated data (data/sdk-operations.json): boto3 methods by botocore's operations
// and naming rule, SDK v3 command classes, boto3 resources, SAM policy templates; in Python, TypeScript and SAM YAML.
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../../../server/src/core/languageService';
import { createSdkTable, fnv1a, xformName } from '../../../../server/src/core/data/sdkTable';
import { identityAt, type Recognizer } from '../../../../server/src/core/recognize/identities';
import { ServiceNameMatcher } from '../../../../server/src/core/recognize/serviceNameMatcher';
import { loadAwsData } from '../../../../server/src/node/dataLoader';
import { documentWithCursor, withCursor } from '../../../helpers/cursor';

const data = loadAwsData();
const recognizer: Recognizer = { data, names: new ServiceNameMatcher(data.services(), data.features()) };
const at = (source: string) => {
  const { text, offset } = withCursor(source);
  const i = identityAt(recognizer, text, offset, 'code');
  return i && [i.kind, i.serviceId, i.text, i.operation ?? '-', i.action ?? '-'].join(' ');
};

const PY = `import boto3

sqs = boto3.client("sqs")
sns = boto3.client("sns")
s3 = boto3.client("s3")
events = boto3.client("events")
lam = boto3.client("lambda")
`;

describe('SDK identity forms (generated data)', () => {
  it('names boto3 methods by botocore\'s rule, its listed exceptions included', () => {
    assert.equal(xformName('ReceiveMessage'), 'receive_message');
    assert.equal(xformName('ListObjectsV2'), 'list_objects_v2');
    assert.equal(xformName('DescribeDBInstances'), 'describe_db_instances');
    assert.equal(xformName('ListWebACLs'), 'list_web_acls');
    const table = JSON.parse(require('node:fs').readFileSync(require.resolve('../../../../data/sdk-operations.json'), 'utf8'));
    assert.equal(xformName('ExecutePartiQLStatement', table.xformExceptions), 'execute_partiql_statement');
    assert.notEqual(xformName('ExecutePartiQLStatement'), 'execute_partiql_statement');
    // Every client's method names are distinct (the rule never folds two operations into one method), and the
    // packed table unpacks to all of them (14,506 from botocore and aws-sdk v2 when generated).
    let count = 0;
    for (const client of Object.keys(table.clients)) {
      const ops = data.sdk()!.operations(client);
      count += ops.length;
      assert.equal(new Set(ops).size, ops.length, client);
      assert.equal(new Set(ops.map((o) => xformName(o, table.xformExceptions))).size, ops.length, client);
    }
    assert.ok(count > 14_000, `${count} operations`);
    assert.ok(data.sdk()!.operations('sqs').includes('ReceiveMessage') && data.sdk()!.operations('sqs').includes('SendMessageBatch'));
    assert.ok(!data.sdk()!.operations('sqs').includes('SendMessageBatchs'));
  });

  it('ignores an operation bitmap made over other IAM data instead of naming wrong operations', () => {
    const raw = { xformExceptions: {}, clients: { q: { js: '@aws-sdk/client-q', iam: 'q', sum: fnv1a('Alpha Beta'), has: 'Ag==', ops: 'Gamma' } }, samPolicyTemplates: {} };
    assert.deepEqual([...createSdkTable(raw, () => ['Alpha', 'Beta']).operations('q')].sort(), ['Beta', 'Gamma']);
    assert.deepEqual(createSdkTable(raw, () => ['Alpha', 'Bravo']).operations('q'), ['Gamma']);
    assert.deepEqual(createSdkTable(raw, () => undefined).operations('q'), ['Gamma']);
  });

  it('resolves a boto3 method in its client context to the operation and the IAM action', () => {
    assert.equal(at(PY + 'sqs.receive_m‸essage(QueueUrl=url)'), 'boto3Method sqs receive_message ReceiveMessage sqs:ReceiveMessage');
    assert.equal(at(PY + 'events.put_ev‸ents(Entries=[])'), 'boto3Method events put_events PutEvents events:PutEvents');
    assert.equal(at(PY + 'sns.publi‸sh(TopicArn=t, Message=m)'), 'boto3Method sns publish Publish sns:Publish');
    // CloudWatch signs as `monitoring`; its actions are under `cloudwatch`.
    assert.equal(at('cw = boto3.client("cloudwatch")\ncw.put_metric_d‸ata(Namespace="x")'), 'boto3Method cloudwatch put_metric_data PutMetricData cloudwatch:PutMetricData');
    // A client newer than botocore 1.29 (its operations from aws-sdk v2's models).
    assert.equal(at('br = boto3.client("bedrock-runtime")\nbr.invoke_m‸odel(modelId=m, body=b)'), 'boto3Method bedrock invoke_model InvokeModel bedrock:InvokeModel');
    assert.equal(at('br = boto3.client("bedrock-runtime")\nbr.conve‸rse(modelId=m)'), 'boto3Method bedrock converse Converse -');
    // A resource's object (Table) calls the client's operations.
    assert.equal(at('ddb = boto3.resource("dynamodb")\ntable = ddb.Table("t")\ntable.put_i‸tem(Item={})'), 'boto3Method dynamodb put_item PutItem dynamodb:PutItem');
  });

  it('keeps the operation when IAM has no action of its name, without inventing one', () => {
    assert.equal(at(PY + 's3.list_objects_‸v2(Bucket=b)'), 'boto3Method s3 list_objects_v2 ListObjectsV2 -');
    assert.equal(at(PY + 'lam.inv‸oke(FunctionName=f)'), 'boto3Method lambda invoke Invoke -');
  });

  it('negatives: other clients, IAM-only names, no client context, plain functions', () => {
    // SNS has no SendMessage operation (botocore: Publish); neither is it an SQS call on an SNS client.
    assert.equal(at(PY + 'sns.send_m‸essage(X=1)'), undefined);
    // s3:ListBucket is an IAM action, but no boto3 method is called list_bucket.
    assert.equal(at(PY + 's3.list_buc‸ket(Bucket=b)'), undefined);
    assert.equal(at(PY + 'worker.receive_m‸essage(QueueUrl=url)'), undefined);
    assert.equal(at(PY + 'receive_m‸essage(QueueUrl=url)'), undefined);
    assert.equal(at(PY + 'sqs.receive_m‸essage'), undefined, 'not a call');
    assert.equal(at(PY + 'sqs.not_an_oper‸ation()'), undefined);
  });

  it('resolves SDK v3 command classes imported from their package', () => {
    const ts = 'import { SQSClient, SendMessageCommand, FooBarCommand } from "@aws-sdk/client-sqs";\nimport { ListObjectsV2Command } from "@aws-sdk/client-s3";\n';
    assert.equal(at(ts + 'await c.send(new SendMessage‸Command({}));'), 'sdkCommand sqs SendMessageCommand SendMessage sqs:SendMessage');
    assert.equal(at(ts + 'await c.send(new ListObjectsV2‸Command({}));'), 'sdkCommand s3 ListObjectsV2Command ListObjectsV2 -');
    assert.equal(at(ts + 'new FooBar‸Command({})'), undefined);
    assert.equal(at('new SendMessage‸Command({})'), undefined, 'no import: nothing says which service');
    assert.equal(at('import { PublishCommand } from "@aws-sdk/client-sqs";\nnew Publish‸Command({})'), undefined, 'Publish is SNS, not SQS');
  });

  it('resolves the DynamoDB document client\'s commands to the operations they wrap (from lib-dynamodb\'s declarations)', () => {
    const ts = 'import { DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand as Scan } from "@aws-sdk/lib-dynamodb";\n';
    assert.equal(at(ts + 'await doc.send(new Put‸Command({ TableName, Item }));'), 'sdkCommand dynamodb PutCommand PutItem dynamodb:PutItem');
    assert.equal(at(ts + 'await doc.send(new Query‸Command({}));'), 'sdkCommand dynamodb QueryCommand Query dynamodb:Query');
    // Not in the library: the bare name is not an operation (there is no dynamodb:Put).
    assert.equal(at('import { PutItemCommand } from "@aws-sdk/client-dynamodb";\nnew Put‸Command({})'), undefined);
    assert.equal(at('import { PutCommand } from "./local";\nnew Put‸Command({})'), undefined);
  });

  it('labels boto3.resource(...) as a resource and boto3.client(...) as a client', () => {
    const service = createLanguageService({ data });
    const hover = (uri: string, languageId: string, source: string) => {
      const { document, position } = documentWithCursor(uri, languageId, source);
      const h = service.hover(document, position);
      return h ? (h.contents as { value: string }).value : '';
    };
    const resource = hover('file:///ws/a.py', 'python', "table = boto3.resource('dynam‸odb').Table('t')");
    assert.match(resource, /boto3 resource for Amazon DynamoDB/);
    assert.doesNotMatch(resource, /boto3 client/);
    assert.match(hover('file:///ws/a.py', 'python', 'c = boto3.client("dynam‸odb")'), /boto3 client for Amazon DynamoDB/);

    const method = hover('file:///ws/a.py', 'python', PY + 'sqs.receive_m‸essage(QueueUrl=url)');
    assert.match(method, /`receive_message`\*\* — boto3 method of Amazon Simple Queue Service .*API operation `ReceiveMessage` · IAM: \*\*`sqs:ReceiveMessage`\*\* — IAM action \(access level: Read\)/);
    const noAction = hover('file:///ws/a.py', 'python', PY + 's3.list_objects_‸v2(Bucket=b)');
    assert.match(noAction, /API operation `ListObjectsV2` · IAM: no IAM action of the same name/);
    const ja = createLanguageService({ data, locale: 'ja' });
    const { document, position } = documentWithCursor('file:///ws/a.py', 'python', "t = boto3.resource('dynam‸odb')");
    const jaText = (ja.hover(document, position)?.contents as { value: string }).value;
    assert.match(jaText, /Amazon DynamoDB の boto3 リソース/);
    assert.doesNotMatch(jaText, /クライアント\*\*|boto3 クライアント/);
    const command = hover('file:///ws/a.ts', 'typescript', 'import { SendMessageCommand } from "@aws-sdk/client-sqs";\nnew SendMessage‸Command({})');
    assert.match(command, /command of Amazon Simple Queue Service .*`sqs:SendMessage`/);
  });

  it('recognises SAM policy templates by their names in the data, with service and parameters', () => {
    const sam = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n';
    assert.equal(at(sam + '        - SQSSendMessage‸Policy:\n            QueueName: !GetAtt Q.QueueName'), 'samPolicy sqs SQSSendMessagePolicy - -');
    assert.equal(at(sam + '        - DynamoDBCrud‸Policy:\n            TableName: !Ref T'), 'samPolicy dynamodb DynamoDBCrudPolicy - -');
    assert.equal(at(sam + '        - MyOwnQueue‸Policy: {}'), undefined);
    assert.equal(at(sam + '        - AWSLambdaBasicExecution‸Role'), undefined);
    const service = createLanguageService({ data });
    const { document, position } = documentWithCursor('file:///ws/template.yaml', 'yaml', sam + '        - SQSSendMessage‸Policy:\n            QueueName: !GetAtt Q.QueueName\n');
    const text = (service.hover(document, position)?.contents as { value: string } | undefined)?.value ?? '';
    assert.match(text, /`SQSSendMessagePolicy`\*\* — SAM policy template for Amazon Simple Queue Service/);
    assert.match(text, /Parameters: `QueueName`/);
    assert.match(text, /serverless-policy-template-list\.html/);
  });

  it('shows the notes about the identifier under the cursor first: the template, the operation\'s IAM action', () => {
    const service = createLanguageService({ data });
    service.index.setText('file:///notes/sam.md', '# SAM メモ\n\n## キューの作成\n\nSQS のキューは可視性タイムアウトを関数より長くする。\n\n## 送信側の権限\n\nPolicies に SQSSendMessagePolicy を書くだけで送信できる。\n\n## 受信側\n\n実行ロールには sqs:ReceiveMessage と sqs:DeleteMessage が要る。\n');
    const first = (uri: string, languageId: string, source: string) => {
      const { document, position } = documentWithCursor(uri, languageId, source);
      const value = (service.hover(document, position)?.contents as { value: string }).value;
      return /sam\.md › SAM メモ › ([^\s]+)/.exec(value)?.[1];
    };
    assert.equal(first('file:///ws/template.yaml', 'yaml', 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Policies:\n        - SQSSendMessage‸Policy:\n            QueueName: q\n'), '送信側の権限');
    assert.equal(first('file:///ws/a.py', 'python', PY + 'sqs.receive_m‸essage(QueueUrl=url)'), '受信側');
  });
});

// The notes for *this* identifier (issue 13): the hovered identifier is the query, body evidence beats a heading
// that only names the service, the excerpt follows the identifier, containers never show an empty entry, and
// hover, Go to Definition and CodeLens count the same sections.
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../../../server/src/core/languageService';
import { resourceCodeLensProvider } from '../../../../server/src/core/features/notes/resourceCodeLens';
import { cloudFormationProvider } from '../../../../server/src/core/features/cloudformation/provider';
import { terraformProvider } from '../../../../server/src/core/features/terraform/provider';
import { loadAwsData } from '../../../../server/src/node/dataLoader';
import { documentWithCursor } from '../../../helpers/cursor';

// Written in the style of the seed notes: a pattern chapter, an IAM chapter whose sub-section lists the actions
// without naming the service in its heading, a two-line `### SQS`, a long Lambda chapter with a passage deep inside.
const PATTERNS = `# 学習メモ 10/02

## SQS と Lambda の組み合わせ

### SQS → Lambda（キューをトリガーに関数を起動）

#### 使いどころ
- ジョブをキューに溜めて、関数がまとめて処理する
- 注文処理やサムネイル生成のワーカー

#### 気をつけること
> 重い処理はタイムアウトしやすい。DLQ を付けて、バッチサイズを小さめに調整する

## 権限まわり

### キューを読む側

#### (a) 関数の実行ロール
関数がキューからメッセージを取り出して消すための許可：

\`\`\`json
{
  "Effect": "Allow",
  "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
  "Resource": "arn:aws:sqs:ap-northeast-1:111122223333:jobs"
}
\`\`\`

### SQS
- キューのサービス
`;

const LAMBDA = `# Lambda

Lambda はサーバーを用意せずにコードを動かすサービス。イベントで起動し、使った分だけ課金される。
同時実行数には上限があり、アカウント単位で管理される。

メモリを増やすと CPU も比例して増える。コールドスタートは VPC 接続で長くなりがち。

デプロイはパッケージかコンテナイメージ。レイヤーで共通ライブラリをまとめられる。

環境変数は KMS で暗号化される。シークレットは Secrets Manager から読むのが定石。

ログは CloudWatch Logs に出る。実行ロールにログの書き込み権限が必要。

## 別サービスから呼ぶとき
API Gateway や EventBridge から呼ぶときは、呼び出し元に \`lambda:InvokeFunction\` を許可するリソースベースポリシーを関数側に付ける。
`;

function service() {
  const s = createLanguageService({ data: loadAwsData(), providers: [cloudFormationProvider, terraformProvider, resourceCodeLensProvider] });
  s.index.setText('file:///notes/patterns.md', PATTERNS);
  s.index.setText('file:///notes/lambda.md', LAMBDA);
  return s;
}

function at(s: ReturnType<typeof service>, uri: string, languageId: string, source: string) {
  const { document, position } = documentWithCursor(uri, languageId, source);
  const hover = s.hover(document, position);
  return { document, position, markdown: hover ? (hover.contents as { value: string }).value : '', definition: s.definition(document, position) };
}

/** Breadcrumbs of the entries the hover shows, in order. */
function shownSections(markdown: string): string[] {
  return [...markdown.matchAll(/^(.+?) — \[Open section\]/gm)].map((m) => m[1].replace(/\\(.)/g, '$1'));
}

describe('notes ranked for the hovered identifier', () => {
  const s = service();
  const policy = (action: string) => `{\n  "Statement": [{ "Effect": "Allow", "Action": "${action}", "Resource": "*" }]\n}\n`;

  it('an IAM action finds the section that lists it, though its heading never names the service', () => {
    const { markdown, definition } = at(s, 'file:///ws/policy.json', 'json', policy('sqs:Receive‸Message'));
    assert.match(shownSections(markdown)[0], /\(a\) 関数の実行ロール$/);
    assert.equal(definition[0].uri, 'file:///notes/patterns.md');
    const lines = PATTERNS.split('\n');
    const from = lines.findIndex((l) => l.startsWith('#### (a)'));
    const to = lines.findIndex((l, i) => i > from && l.startsWith('#'));
    const line = definition[0].range.start.line;
    assert.ok(line >= from && line < to, `Go to Definition lands on line ${line}, not in (a) [${from}, ${to})`);
  });

  it('negative: the two-line `### SQS` that only names the service does not beat the passage about the action', () => {
    const { markdown } = at(s, 'file:///ws/policy.json', 'json', policy('sqs:Delete‸Message'));
    const shown = shownSections(markdown);
    const actions = shown.findIndex((b) => b.endsWith('(a) 関数の実行ロール'));
    const heading = shown.findIndex((b) => b.endsWith('› SQS'));
    assert.equal(actions, 0);
    assert.ok(heading === -1 || heading > actions, shown.join(' | '));
  });

  it('the service name itself still ranks the section about the service first', () => {
    const { definition } = at(s, 'file:///ws/a.py', 'python', '# S‸QS worker\n');
    assert.ok(definition.length > 0);
    const first = PATTERNS.split('\n')[definition[0].range.start.line];
    assert.match(first, /SQS/);
  });

  it('the excerpt follows the identifier deep into a chapter titled by the service', () => {
    const { markdown } = at(s, 'file:///ws/policy.json', 'json', policy('lambda:Invoke‸Function'));
    const entries = markdown.split(/\n\n(?=[^>\n].* — \[Open section\])/);
    const lambdaEntry = entries.find((e) => e.includes('lambda.md'))!;
    assert.match(lambdaEntry, /InvokeFunction/);
    assert.doesNotMatch(lambdaEntry, /サーバーを用意せずに/, 'not the chapter opening');
  });

  it('a heading with no body of its own shows its first sub-section, never an empty entry', () => {
    const { markdown } = at(s, 'file:///ws/a.py', 'python', '# S‸QS worker\n');
    const blocks = markdown.split('\n\n');
    blocks.forEach((block, i) => {
      if (/ — \[Open section\]/.test(block)) assert.match(blocks[i + 1] ?? '', /^> /, `entry without excerpt: ${block}`);
    });
  });

  it('a property finds the Japanese passage about it (bilingual table): BatchSize -> バッチサイズ', () => {
    const template = 'Resources:\n  Map:\n    Type: AWS::Lambda::EventSourceMapping\n    Properties:\n      Batch‸Size: 10\n';
    const { markdown, definition } = at(s, 'file:///ws/t.yaml', 'yaml', template);
    assert.match(shownSections(markdown)[0], /気をつけること$/);
    assert.match(markdown, /バッチサイズ/);
    assert.ok(definition.length >= 1);
  });

  it('hover, Go to Definition and CodeLens count the same sections', () => {
    const template = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Jobs:\n    Type: AWS::SQS::Qu‸eue\n';
    const { document, markdown, definition } = at(s, 'file:///ws/q.yaml', 'yaml', template);
    const lens = s.codeLenses(document).find((l) => l.command?.command === 'awsNotes.openNotesForService');
    const count = Number(/(\d+) note section/.exec(lens!.command!.title)![1]);
    assert.equal(count, definition.length);
    const shown = shownSections(markdown).length;
    const more = Number(/(\d+) more section/.exec(markdown)?.[1] ?? (/1 more section/.test(markdown) ? 1 : 0));
    const counted = Number(/\((\d+) sections\)/.exec(markdown)?.[1] ?? shown);
    assert.equal(counted, definition.length);
    assert.equal(shown + more, definition.length);
  });

  it('notes come first: the first excerpt is within the first 6 non-empty lines of the hover', () => {
    for (const [uri, lang, source] of [
      ['file:///ws/q.yaml', 'yaml', 'Resources:\n  Jobs:\n    Type: AWS::SQS::Qu‸eue\n'],
      ['file:///ws/main.tf', 'terraform', 'resource "aws_lambda_func‸tion" "f" {\n}\n'],
      ['file:///ws/policy.json', 'json', policy('sqs:Receive‸Message')],
    ] as const) {
      const lines = at(s, uri, lang, source).markdown.split('\n').filter((l) => l.trim() !== '');
      const first = lines.findIndex((l) => l.startsWith('> '));
      assert.ok(first >= 0 && first < 6, `${uri}: first excerpt at non-empty line ${first + 1}`);
    }
  });
});

describe('SDK operations resolve to their IAM action', () => {
  const s = service();
  const identity = (source: string, languageId = 'python') => {
    const { document, position } = documentWithCursor('file:///ws/x', languageId, source);
    return s.identityAt(document, position);
  };

  it('a boto3 method on a client the file made', () => {
    const id = identity('import boto3\nsqs = boto3.client("sqs")\nsqs.receive_mes‸sage(QueueUrl=url)\n');
    assert.equal(id?.kind, 'boto3Method');
    assert.equal(id?.action, 'sqs:ReceiveMessage');
  });

  it('through a resource object: table = dynamodb.Table(...)', () => {
    const id = identity('import boto3\ndynamodb = boto3.resource("dynamodb")\ntable = dynamodb.Table("users")\ntable.get_it‸em(Key={})\n');
    assert.equal(id?.action, 'dynamodb:GetItem');
  });

  it('an SDK v3 command class imported from its client package', () => {
    const id = identity('import { SQSClient, SendMessage‸Command } from "@aws-sdk/client-sqs";\n', 'typescript');
    assert.equal(id?.kind, 'sdkCommand');
    assert.equal(id?.action, 'sqs:SendMessage');
  });

  it('an operation with no IAM action of its name finds the notes that name the operation', () => {
    const s3 = createLanguageService({ data: loadAwsData(), providers: [cloudFormationProvider, terraformProvider] });
    s3.index.setText('file:///notes/s3.md', '# S3\n\nバケットの学習。料金と整合性。\n\n## オブジェクト一覧\n\nListObjectsV2 でページングしながら一覧を取る。\n');
    const { document, position } = documentWithCursor('file:///ws/a.py', 'python', 'import boto3\ns3 = boto3.client("s3")\ns3.list_obje‸cts_v2(Bucket="b")\n');
    const query = s3.noteQueryAt(document, position)!;
    assert.ok(query.exact.some((t) => t.text === 'ListObjectsV2'), JSON.stringify(query.exact));
    assert.ok(!query.exact.some((t) => t.text.includes(':')), 'no invented IAM action');
    assert.equal(s3.definition(document, position)[0].range.start.line, 4);
  });

  it('negatives: ordinary method calls, unknown receivers, commands of no AWS package', () => {
    assert.equal(identity('import json\njson.lo‸ads(body)\n'), undefined);
    assert.equal(identity('queue.receive_mes‸sage()\n'), undefined);
    assert.equal(identity('import boto3\nsqs = boto3.client("sqs")\nsqs.make_coff‸ee()\n'), undefined);
    assert.equal(identity('import { FrobnicateCommand } from "./local";\nnew Frobnicate‸Command()\n', 'typescript'), undefined);
  });
});

describe('while the first crawl runs', () => {
  it('a hover that finds nothing yet says so in one line (English and Japanese); nothing once the crawl is done', () => {
    const s = createLanguageService({ data: loadAwsData() });
    const hover = () => {
      const { document, position } = documentWithCursor('file:///ws/a.py', 'python', '# S‸QS worker\n');
      return (s.hover(document, position)!.contents as { value: string }).value;
    };
    s.setIndexingProgress({ done: 3, total: 10 });
    assert.match(hover(), /Still indexing your notes \(3 of 10\)/);
    s.setLocale('ja');
    assert.match(hover(), /ノートをインデックス中（3 \/ 10）/);
    s.setIndexingProgress(undefined);
    assert.doesNotMatch(hover(), /インデックス中|Still indexing/);
  });
});

describe('hostile notes and identifiers (bad input)', () => {
  const s = createLanguageService({ data: loadAwsData(), providers: [cloudFormationProvider, terraformProvider] });
  const big = 'SQS のメモ。'.repeat(4 * 1024 * 1024 / 8);
  s.index.setText('file:///notes/no-headings.md', 'SQS と Lambda の組み合わせ。sqs:ReceiveMessage を実行ロールに付ける。\n'.repeat(50));
  s.index.setText('file:///notes/only-headings.md', Array.from({ length: 200 }, (_, i) => `## SQS ${i}`).join('\n'));
  s.index.setText('file:///notes/many.md', Array.from({ length: 5000 }, (_, i) => `## 節 ${i}\n\nSQS のメモ ${i}\n`).join('\n'));
  s.index.setText('file:///notes/huge-section.md', `# 大きな節\n\n${big}\n`);

  const hover = (uri: string, languageId: string, source: string) => {
    const { document, position } = documentWithCursor(uri, languageId, source);
    const started = Date.now();
    const answer = s.hover(document, position);
    return { value: answer ? (answer.contents as { value: string }).value : '', ms: Date.now() - started };
  };

  it('answers on every shape, and an action only its notes list ranks the note that lists it', () => {
    const first = hover('file:///ws/p.json', 'json', '{ "Action": "sqs:Receive‸Message" }');
    assert.match(first.value, /no-headings\.md/);
    assert.ok(first.ms < 5000, `${first.ms} ms`);
    const service = hover('file:///ws/a.py', 'python', '# S‸QS\n');
    assert.match(service.value, /From your notes/);
  });

  it('a 10,000-character identifier and an ARN of wildcards show nothing rather than noise', () => {
    const long = hover('file:///ws/t.yaml', 'yaml', `Resources:\n  X:\n    Type: AWS::SQS::Q‸${'u'.repeat(10_000)}\n`);
    assert.doesNotMatch(long.value, /From your notes/);
    const wild = hover('file:///ws/p.json', 'json', '{ "Resource": "arn:aws:s3:::*‸/*/*" }');
    assert.doesNotMatch(wild.value, /huge-section|many\.md/);
  });
});

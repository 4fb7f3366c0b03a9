// Notes written for the tests, in the style of real study notes: Japanese prose, English service names.
export const QUEUE_NOTE = `# キューまわりの学習メモ

## SQS とは

- フルマネージドなメッセージキュー
- 標準キューと FIFO キューがある

### 可視性タイムアウト

受信したメッセージは一定時間ほかのコンシューマーから見えなくなる。

## Lambda と SQS の組み合わせ

SQSに溜めたジョブをLambdaが順番に処理する。

\`\`\`json
{ "Effect": "Allow", "Action": "sqs:ReceiveMessage", "Resource": "*" }
\`\`\`

| パターン | 権限 |
|---|---|
| Lambda → SQS | \`sqs:SendMessage\` |

## 料金のメモ

リクエスト数で課金される。
`;

export const LONG_NOTE = `# いろいろなサービス

## 雑多なメモ

CloudWatch のダッシュボードを作った。

S3 のバケットにログを置いた。

EventBridge のルールで毎朝ジョブを動かす。

DynamoDB はパーティションキーの設計が大事。読み込みが偏るとスロットリングが起きる。

IAM のポリシーは最小権限で書く。
`;

export const HOSTILE_NOTE = `# 怪しいノート

## SQS の危ないリンク

SQS の説明は [ここ](command:workbench.action.terminal.new) と [これ](javascript:alert(1)) と <img src="https://tracker.example/p.gif"> と ![画像](https://tracker.example/x.png) にある。
安全なリンク: [SQS docs](https://docs.aws.amazon.com/sqs/)

[ref]: command:workbench.action.quit
`;

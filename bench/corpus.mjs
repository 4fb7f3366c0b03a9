// Deterministic, seeded generator of AWS study notes in Japanese and English (our own generated sentences).
// generateNote(i, seed) is a pure function of its arguments, so a corpus can be rebuilt byte for byte and the
// differential test can use the same notes in memory without touching the disk.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateSeedsNote } from './seedsShaped.mjs';

/** mulberry32: small, fast, good enough for generating text. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (arr) => arr[int(arr.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

const SERVICES = [
  'Lambda', 'SQS', 'SNS', 'S3', 'DynamoDB', 'API Gateway', 'EventBridge', 'Step Functions', 'Kinesis Data Streams',
  'Kinesis Data Firehose', 'CloudFormation', 'CloudWatch', 'CloudWatch Logs', 'IAM', 'KMS', 'Secrets Manager',
  'Systems Manager', 'ECS', 'EKS', 'Fargate', 'EC2', 'VPC', 'Route 53', 'CloudFront', 'Aurora', 'RDS', 'ElastiCache',
  'Cognito', 'AppSync', 'Athena', 'Glue', 'Redshift', 'X-Ray', 'CodePipeline', 'CodeBuild', 'Amazon SQS', 'AWS Lambda',
  'Amazon S3', 'Amazon DynamoDB', 'AWS Step Functions', 'Amazon EventBridge', 'ＳＱＳ', 'Elastic Load Balancing',
];
const CFN_TYPES = ['AWS::SQS::Queue', 'AWS::Lambda::Function', 'AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::SNS::Topic',
  'AWS::IAM::Role', 'AWS::Events::Rule', 'AWS::StepFunctions::StateMachine', 'AWS::ApiGateway::RestApi', 'AWS::Serverless::Function'];
const TF_TYPES = ['aws_sqs_queue', 'aws_lambda_function', 'aws_s3_bucket', 'aws_dynamodb_table', 'aws_sns_topic', 'aws_iam_role',
  'aws_cloudwatch_event_rule', 'aws_sfn_state_machine'];
const IAM_ACTIONS = ['sqs:SendMessage', 'sqs:ReceiveMessage', 's3:GetObject', 's3:PutObject', 'dynamodb:PutItem', 'lambda:InvokeFunction',
  'sns:Publish', 'kms:Decrypt', 'logs:CreateLogStream', 'events:PutEvents'];
const BOTO3 = ['sqs', 's3', 'dynamodb', 'lambda', 'sns', 'stepfunctions', 'events', 'kms'];

const JA_TOPICS = ['連携パターン', '料金の考え方', '制限とクォータ', 'ベストプラクティス', 'トラブルシューティング', '設定の要点', '試験対策メモ',
  'よくある構成', '注意点', 'セキュリティ', 'モニタリング', '再試行とエラー処理', 'スケーリング', 'コスト最適化', '可用性と耐久性'];
const EN_TOPICS = ['integration patterns', 'pricing notes', 'limits and quotas', 'best practices', 'troubleshooting', 'key settings',
  'exam tips', 'common architectures', 'gotchas', 'security', 'monitoring', 'retries and error handling', 'scaling', 'cost'];
const JA_SUBJ = ['メッセージ', 'イベント', 'キュー', 'バケット', 'テーブル', '関数', 'ロール', 'ポリシー', 'トピック', 'ストリーム', 'ステートマシン'];
const JA_VERB = ['送信できる', '処理される', '保持される', '暗号化される', '自動でスケールする', '再試行される', '課金される', '制限がある',
  '設定が必要になる', '可視性タイムアウトに注意する', '冪等に設計する', 'DLQ に移動する', 'バッチで取得できる'];
const JA_ADV = ['基本的に', '実際には', '本番では', 'デフォルトでは', '試験では', '多くの場合', '大量のデータでは', '注意として'];
const EN_SUBJ = ['messages', 'events', 'the queue', 'the bucket', 'the table', 'the function', 'the role', 'the policy', 'records', 'the stream'];
const EN_VERB = ['are retried up to the configured limit', 'are billed per request', 'must be idempotent', 'scale automatically',
  'are encrypted at rest with KMS', 'need an explicit permission', 'are delivered at least once', 'can be batched', 'expire after the retention period'];
const EN_ADV = ['By default,', 'In practice,', 'For the exam,', 'In production,', 'Usually,', 'Note that', 'Remember:'];

function service(r) {
  return r.pick(SERVICES);
}

function jaSentence(r) {
  const s = service(r);
  const forms = [
    () => `${r.pick(JA_ADV)}、${s} の${r.pick(JA_SUBJ)}は${r.pick(JA_VERB)}。`,
    () => `${s}と${service(r)}を組み合わせると、${r.pick(JA_SUBJ)}を${r.pick(JA_VERB).replace(/る$/, 'るように')}できる。`,
    () => `**「${s}」**の${r.pick(JA_SUBJ)}は${r.pick(JA_VERB)}。`,
    () => `\`${r.pick(CFN_TYPES)}\` で定義し、${r.pick(IAM_ACTIONS)} を許可する必要がある。`,
    () => `${s}の上限は ${1 + r.int(1000)} 件/秒なので、${r.pick(JA_ADV)}${r.pick(JA_SUBJ)}を分割する。`,
    () => `詳細は [公式ドキュメント](https://docs.aws.amazon.com/${r.pick(BOTO3)}/latest/) を参照（${s}）。`,
    () => `*${r.pick(JA_SUBJ)}*は ${r.int(15) + 1} 分以内に${r.pick(JA_VERB)}。`,
  ];
  return r.pick(forms)();
}

function enSentence(r) {
  const s = service(r);
  const forms = [
    () => `${r.pick(EN_ADV)} ${r.pick(EN_SUBJ)} in ${s} ${r.pick(EN_VERB)}.`,
    () => `Use ${s} with ${service(r)} when ${r.pick(EN_SUBJ)} ${r.pick(EN_VERB)}.`,
    () => `The \`${r.pick(TF_TYPES)}\` resource maps to \`${r.pick(CFN_TYPES)}\`.`,
    () => `Grant \`${r.pick(IAM_ACTIONS)}\` to the execution role of ${s}.`,
    () => `${s} _quota_: ${r.int(5000) + 1} requests per second (soft limit).`,
  ];
  return r.pick(forms)();
}

function sentence(r) {
  return r.chance(0.7) ? jaSentence(r) : enSentence(r);
}

function paragraph(r) {
  const n = 1 + r.int(4);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(sentence(r));
  return r.chance(0.3) ? parts.join('\n') : parts.join(r.chance(0.5) ? '' : ' ');
}

function list(r, depth = 0) {
  const ordered = r.chance(0.3);
  const marker = ordered ? null : r.pick(['-', '*', '+']);
  const n = 2 + r.int(5);
  const lines = [];
  const pad = '  '.repeat(depth) + (depth && ordered ? ' ' : '');
  for (let i = 0; i < n; i++) {
    const bullet = ordered ? `${i + 1}.` : marker;
    lines.push(`${pad}${bullet} ${r.chance(0.5) ? sentence(r) : `${service(r)}: ${r.pick(JA_TOPICS)}`}`);
    if (depth < 2 && r.chance(0.12)) lines.push(list(r, depth + 1));
    if (depth === 0 && r.chance(0.05)) {
      const indent = ' '.repeat(bullet.length + 1);
      lines.push('', `${indent}\`\`\`bash`, `${indent}aws ${r.pick(BOTO3)} list-${r.pick(['queues', 'buckets', 'tables', 'functions'])} --region ap-northeast-1`, `${indent}\`\`\``, '');
    }
  }
  return lines.join('\n');
}

function table(r) {
  const rows = 2 + r.int(5);
  const lines = ['| サービス | 用途 | 上限 |', r.chance(0.5) ? '| --- | --- | ---: |' : '|:--|:--:|--:|'];
  for (let i = 0; i < rows; i++) lines.push(`| ${service(r)} | ${r.pick(JA_TOPICS)} | ${r.int(1000)} |`);
  return lines.join('\n');
}

function code(r) {
  const kind = r.pick(['json', 'yaml', 'python', 'json', 'yaml']);
  const fence = r.chance(0.1) ? '~~~' : '```';
  let body;
  if (kind === 'json') {
    body = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: [r.pick(IAM_ACTIONS), r.pick(IAM_ACTIONS)], Resource: `arn:aws:${r.pick(BOTO3)}:ap-northeast-1:123456789012:${r.pick(['queue', 'table/Orders', 'function:fn'])}` }],
    }, null, 2);
  } else if (kind === 'yaml') {
    const type = r.pick(CFN_TYPES);
    body = [`Resources:`, `  My${type.split('::')[2]}:`, `    Type: ${type}`, `    Properties:`,
      `      # ${r.pick(JA_TOPICS)}`, `      Name: !Sub "\${AWS::StackName}-${r.int(100)}"`,
      `      Tags:`, `        - Key: env`, `          Value: dev`].join('\n');
  } else {
    const svc = r.pick(BOTO3);
    body = ['import boto3', '', `client = boto3.client("${svc}")`, '', '# ' + r.pick(JA_TOPICS),
      `def handler(event, context):`, `    # ## not a heading`, `    resp = client.list_things()`, `    return {"statusCode": 200}`].join('\n');
  }
  return `${fence}${kind}\n${body}\n${fence}`;
}

function quote(r) {
  return `> ${sentence(r)}\n> ${sentence(r)}`;
}

function heading(r, level) {
  const s = service(r);
  const title = r.chance(0.6) ? `${s} の${r.pick(JA_TOPICS)}` : `${s} ${r.pick(EN_TOPICS)}`;
  if (level <= 2 && r.chance(0.05)) return `${title}\n${level === 1 ? '=====' : '-----'}`;
  const decorated = r.chance(0.08) ? title.replace(s, `\`${s}\``) : r.chance(0.05) ? `**${title}**` : title;
  return `${'#'.repeat(level)} ${decorated}${r.chance(0.03) ? ' ##' : ''}`;
}

function block(r) {
  const x = r.next();
  if (x < 0.42) return paragraph(r);
  if (x < 0.64) return list(r);
  if (x < 0.74) return table(r);
  if (x < 0.9) return code(r);
  if (x < 0.96) return quote(r);
  if (x < 0.98) return '---';
  return `<!-- ${r.pick(JA_TOPICS)} -->`;
}

/** Note i of the corpus, ~2-5 KB. */
export function generateNote(i, seed = 42) {
  const r = rng((seed * 1000003) ^ (i * 2654435761));
  const out = [];
  if (r.chance(0.1)) out.push(`---\ntitle: note ${i}\ntags: [aws, ${r.pick(BOTO3)}]\n---`);
  out.push(`# ${service(r)} 学習ノート ${i}`);
  const target = 1500 + r.int(3500);
  let size = 0;
  let level = 1;
  while (size < target) {
    if (r.chance(0.3)) {
      level = Math.max(2, Math.min(4, level + r.pick([-1, 0, 1, 1])));
      out.push(heading(r, level));
    }
    const b = block(r);
    out.push(b);
    size += b.length * 1.6;
  }
  const eol = r.chance(0.05) ? '\r\n' : '\n';
  return out.join('\n\n').replace(/\n/g, eol) + eol;
}

export const uniqueHeading = (seed) => `最終ノート固有の見出し Zqxuniq${seed}`;

export function notePath(dir, i) {
  return path.join(dir, `d${String(Math.floor(i / 100)).padStart(4, '0')}`, `n${String(i).padStart(6, '0')}.md`);
}

/** Corpus profiles: "seeds" (the structure of real notes, the default since issue 16) and "synthetic" (rounds 1–6). */
export const PROFILES = { seeds: generateSeedsNote, synthetic: generateNote };

/** Writes notes [0, count) into dir (skips when a manifest says the same corpus is there). The last note gets a unique heading. */
export function writeCorpus(dir, count, seed = 42, profile = 'synthetic') {
  const generate = PROFILES[profile];
  if (!generate) throw new Error(`unknown corpus profile ${profile} (${Object.keys(PROFILES).join(', ')})`);
  const manifestFile = path.join(dir, 'corpus.json');
  const last = notePath(dir, count - 1);
  try {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (m.count === count && m.seed === seed && m.version === 3 && m.profile === profile) return m;
  } catch {
    /* no corpus yet */
  }
  fs.rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    let text = generate(i, seed);
    if (i === count - 1) text += `\n## ${uniqueHeading(seed)}\n\nSQS のメモ。\n`;
    const file = notePath(dir, i);
    if (i % 100 === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  }
  const manifest = { version: 3, profile, count, seed, bytes, last, unique: uniqueHeading(seed) };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  return manifest;
}

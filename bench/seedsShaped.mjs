// The "seeds-shaped" corpus profile (issue 16): notes with the *structure* of real study notes — dense short
// sections, link headings (`# [AWS CodeBuild](https://…)`), `@` in headings (Lambda@Edge), circled numbers and
// full-width brackets, setext, tables with <br> and bold/code cells, HTML blocks and inline tags, bare URLs, hard
// breaks (two trailing spaces), nested lists with fenced code, fences of every kind (``` ~~~ ````, with and without
// a language, indented, unclosed at the end), front matter, CRLF, rare very long sections without sub-headings, a
// Japanese/English mix. All text is generated here from small vocabularies; nothing is copied from real notes.
// generateSeedsNote(i, seed) is a pure function of its arguments (same mulberry32 generator as the old profile).
import { rng } from './corpus.mjs';

const SVC = ['Lambda', 'SQS', 'SNS', 'S3', 'DynamoDB', 'API Gateway', 'EventBridge', 'Step Functions', 'Kinesis', 'CloudFormation',
  'CloudWatch', 'IAM', 'KMS', 'Secrets Manager', 'ECS', 'Fargate', 'EC2', 'VPC', 'Route 53', 'CloudFront', 'Aurora', 'RDS',
  'ElastiCache', 'Cognito', 'Athena', 'Glue', 'EMR', 'Redshift', 'X-Ray', 'CodeBuild', 'CodeDeploy', 'CodePipeline',
  'CodeCommit', 'Elastic Beanstalk', 'OpsWorks', 'Auto Scaling', 'Lightsail', 'AWS Batch', 'ECR', 'IVS', 'MediaLive', 'SAM'];
const LONG = ['AWS CodeBuild', 'AWS CodeDeploy', 'Amazon CloudFront', 'AWS Step Functions', 'Amazon Kinesis Data Firehose',
  'AWS Elastic Beanstalk', 'Amazon Aurora', 'AWS Glue', 'Amazon EventBridge', 'AWS Secrets Manager', 'Amazon Cognito'];
const SLIDE = ['https://example.com/slides/2020-black-belt-', 'https://www2.example.net/deck/seminar-', 'https://docs.aws.amazon.com/ja_jp/'];
const JA_HEAD = ['ユースケース', '例', 'メリット', '注意点', '料金', '制限', 'とは', 'の違い', '設定方法', '仕組み', '全体像', 'まとめ',
  '用語', 'ポイント', '構成要素', 'よくある質問', 'トラブル対応', 'デプロイ', '監視', '権限設定'];
const EN_HEAD = ['Features', 'Usage', 'Pricing', 'Limits', 'Overview', 'Setup', 'Notes', 'Gotchas', 'Example', 'Summary'];
const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥'];
const JA_BITS = ['を使うとスケールが自動になる', 'はリージョン単位のサービス', 'に書き込んで後続処理に渡す', 'の実行ロールに権限を付ける',
  'は最大 15 分まで実行できる', 'は少なくとも 1 回配信される', 'の可視性タイムアウトを処理時間より長くする', 'はコールドスタートに注意',
  'とオンプレを VPN でつなぐ', 'のログは CloudWatch Logs に出る', 'は従量課金で安い', 'の設定はコンソールからも CLI からもできる',
  'はマネージドなのでパッチ適用が不要', 'でバージョンとエイリアスを管理できる', 'の上限緩和はサポートに申請する'];
const EN_BITS = ['scales with the number of requests', 'is billed per million requests', 'needs an explicit resource policy',
  'keeps data for 4 days by default', 'supports cross-account access', 'retries twice on async invocations', 'runs inside a VPC when configured'];
const ACTIONS = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 's3:GetObject', 'dynamodb:PutItem', 'lambda:InvokeFunction', 'kms:Decrypt', 'logs:PutLogEvents'];
const CFN = ['AWS::SQS::Queue', 'AWS::Lambda::Function', 'AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::IAM::Role', 'AWS::Serverless::Function'];

export function generateSeedsNote(i, seed = 42) {
  const r = rng((seed * 7919) ^ (i * 2246822519) ^ 0x5eed);
  const svc = () => r.pick(SVC);
  const sentence = () => {
    const x = r.next();
    if (x < 0.55) return `${svc()}${r.pick(JA_BITS)}。`;
    if (x < 0.7) return `${svc()} ${r.pick(EN_BITS)}.`;
    if (x < 0.78) return `\`${r.pick(ACTIONS)}\` が必要（${svc()} → ${svc()}）。`;
    if (x < 0.84) return `詳しくは [リファレンス](${r.pick(SLIDE)}${r.int(900)}) を参照。`;
    if (x < 0.88) return `${r.pick(SLIDE)}${svc().toLowerCase().replace(/ /g, '-')}/ を見る。`; // bare URL
    if (x < 0.91) return `**${svc()}** と *${svc()}* の組み合わせ。`;
    if (x < 0.93) return `Lambda@Edge は ${svc()} の前段で動く。`;
    if (x < 0.95) return `通知先は ops-${r.int(99)}@example.com に送る。`;
    if (x < 0.97) return `${svc()}<br>${svc()} は併用できる。`;
    return `${CFN[r.int(CFN.length)]} で定義する。`;
  };
  const para = () => {
    const n = 1 + r.int(4);
    const out = [];
    for (let k = 0; k < n; k++) out.push(sentence());
    if (r.chance(0.35)) return out.join('  \n'); // hard breaks, one sentence a line
    return r.chance(0.5) ? out.join('\n') : out.join('');
  };
  const fence = (indent = '') => {
    const x = r.next();
    const marker = x < 0.8 ? '```' : x < 0.92 ? '~~~' : '````';
    const lang = r.pick(['json', 'yaml', 'python', 'shell', '', 'bash', 'xml', '']);
    let body;
    if (lang === 'json') body = ['{', `  "Effect": "Allow",`, `  "Action": ["${r.pick(ACTIONS)}"],`, `  "Resource": "arn:aws:sqs:ap-northeast-1:123456789012:q${r.int(50)}"`, '}'];
    else if (lang === 'yaml') body = ['Resources:', `  Res${r.int(90)}:`, `    Type: ${r.pick(CFN)}`, '    Properties:', `      Name: !Sub "\${AWS::StackName}-x"`];
    else if (lang === 'python') body = ['# handler.py', 'import boto3', '', 'def handler(event, context):', '    # ## not a heading', `    return boto3.client("${r.pick(['sqs', 's3', 'dynamodb'])}").list()`];
    else if (lang === 'xml') body = ['<cfg:Root>', '  <cfg:Item Name="https://example.com/attr">value</cfg:Item>', '</cfg:Root>'];
    else body = [`$ aws ${r.pick(['sqs', 's3', 'lambda'])} ${r.pick(['list-queues', 'ls', 'invoke --function-name f out.json'])}`, '# output', '---', `${r.int(1000)}`];
    return [indent + marker + lang, ...body.map((l) => (l ? indent + l : l)), indent + marker].join('\n');
  };
  const list = () => {
    const ordered = r.chance(0.25);
    const mark = r.pick(['-', '-', '*']);
    const lines = [];
    const n = 2 + r.int(5);
    for (let k = 0; k < n; k++) {
      const b = ordered ? `${k + 1}.` : mark;
      lines.push(`${b} ${r.chance(0.5) ? sentence() : `${svc()}: ${r.pick(JA_HEAD)}`}`);
      if (r.chance(0.25)) {
        const pad = r.chance(0.5) ? '  ' : '    ';
        for (let m = 0; m < 1 + r.int(3); m++) lines.push(`${pad}- ${sentence()}`);
        if (r.chance(0.15)) lines.push(`${pad}${pad}- ${sentence()}`);
      }
      if (r.chance(0.08)) lines.push('', fence(' '.repeat(b.length + 1)), '');
    }
    return lines.join('\n');
  };
  const toc = () => {
    const lines = [];
    for (let k = 0; k < 4 + r.int(8); k++) {
      const s = svc();
      lines.push(r.chance(0.7) ? `- [${s}](#${s.replace(/ /g, '')})` : `- ${s}`);
    }
    return lines.join('\n');
  };
  const table = () => {
    const cols = 2 + r.int(3);
    const head = ['項目', 'SQS', 'SNS', '備考', 'Kinesis'].slice(0, cols);
    const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => r.pick([' --- ', ':--', '---:', ':---:'])).join('|')}|`];
    for (let k = 0; k < 2 + r.int(6); k++) {
      const cells = head.map(() => {
        const x = r.next();
        if (x < 0.2) return `**${svc()} → ${svc()}**`;
        if (x < 0.35) return `• ${svc()}${r.pick(JA_BITS)}<br>• \`${r.pick(ACTIONS)}\``;
        if (x < 0.45) return r.pick(['●●●', '●●', '<1秒', '>10分', 'なし', 'あり']);
        return r.chance(0.5) ? r.pick(JA_HEAD) : `${r.int(1000)} 件`;
      });
      lines.push(`| ${cells.join(' | ')} |`);
    }
    return lines.join('\n');
  };
  const html = () => {
    const x = r.next();
    if (x < 0.35) return `<details>\n<summary>${svc()} の${r.pick(JA_HEAD)}</summary>\n\n${para()}\n\n</details>`;
    if (x < 0.55) return `<img src="img/${svc().toLowerCase().replace(/ /g, '_')}.png" width="${200 + r.int(400)}">`;
    if (x < 0.7) return `<br>`;
    if (x < 0.85) return `<cfg:Assertion>\n  <cfg:Value>${svc()}</cfg:Value>\n</cfg:Assertion>`;
    return `<!-- ${r.pick(JA_HEAD)} -->`;
  };
  const block = () => {
    const x = r.next();
    if (x < 0.42) return para();
    if (x < 0.64) return list();
    if (x < 0.72) return table();
    if (x < 0.84) return fence();
    if (x < 0.87) return `![](img/${svc().toLowerCase().replace(/ /g, '_')}.svg)`;
    if (x < 0.9) return `> ${sentence()}`;
    if (x < 0.95) return html();
    return `    ${svc()} indented code ${r.int(99)}`;
  };
  const title = (level) => {
    const x = r.next();
    const s = svc();
    if (level <= 2 && x < 0.14) return `[${r.pick(LONG)}](${r.pick(SLIDE)}${r.int(100000)}-${s.toLowerCase().replace(/ /g, '-')})`;
    if (x < 0.3) return `${r.pick(CIRCLED)} ${s} → ${svc()}（${s} ${r.pick(JA_BITS).slice(0, 8)}）`;
    if (x < 0.36) return `${s} + ${svc()} + ${svc()}`;
    if (x < 0.39) return r.pick(['Lambda@Edge の制限', 'CloudFront + Lambda@Edge', 'Lambda@Edge とは']);
    if (x < 0.42) return `\`${r.pick(CFN)}\` の${r.pick(JA_HEAD)}`;
    if (x < 0.45) return `${s} vs ${svc()}`;
    if (x < 0.47) return `${s}（${r.pick(EN_HEAD)}）`;
    if (x < 0.6) return r.pick(JA_HEAD);
    if (x < 0.7) return r.pick(EN_HEAD);
    return `${s} ${r.pick(['の', 'と' + svc() + 'の', ''])}${r.pick(JA_HEAD)}`;
  };
  const out = [];
  if (r.chance(0.08)) out.push(`---\ntitle: ${svc()} メモ ${i}\ntags: [aws, ${svc().toLowerCase()}]\n---`);
  if (r.chance(0.05)) out.push(`**Note to self: ${svc()} ${r.pick(EN_HEAD)}**`);
  const linkChapters = r.chance(0.12); // one seed is chapters of link headings
  out.push(r.chance(0.08) ? `AWS 学習メモ ${i}\n${'='.repeat(8)}` : `# ${linkChapters ? `[${r.pick(LONG)}](${r.pick(SLIDE)}${i})` : `AWS 学習メモ ${String(i % 1231).padStart(4, '0')}`}`);
  if (r.chance(0.1)) out.push('## Table Of Contents', toc());
  const target = 600 + r.int(2300);
  const veryLong = r.chance(0.01); // a long section without sub-headings
  let size = 0;
  let level = 2;
  while (size < target) {
    if (r.chance(0.45)) {
      level = linkChapters && r.chance(0.5) ? 1 : Math.max(2, Math.min(4, level + r.pick([-1, 0, 1, 1, -2])));
      if (level === 2 && r.chance(0.04)) out.push(`${title(2)}\n${'-'.repeat(3 + r.int(6))}`);
      else out.push(`${'#'.repeat(level)} ${level === 1 && linkChapters ? `[${r.pick(LONG)}](${r.pick(SLIDE)}${r.int(99999)})` : title(level)}`);
      if (r.chance(0.05)) out.push('---');
    }
    const b = block();
    out.push(b);
    size += b.length * 1.7;
  }
  if (veryLong) for (let k = 0; k < 300; k++) out.push(r.chance(0.8) ? para() : list());
  if (r.chance(0.01)) out.push('```python\n# an unclosed fence to the end\nprint("x")\n# not a heading');
  const eol = r.chance(0.05) ? '\r\n' : '\n';
  return out.join('\n\n').replace(/\n/g, eol) + eol;
}

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CFN_INJECTION, EDITORS_DIR, MD_INJECTION, contributedGrammars, createTokenizer, marked, realHostGrammars, scopesOf } from './tokenize';

const INTRINSIC = 'support.function.intrinsic';
const SERVICE = 'support.class.aws.service';
const IAM = 'support.function.aws.iam-action';
const TYPE = 'support.type.aws.resource-type';

// Without a local code-server the real-grammar half cannot run: it says so in its title (never a silent skip), and
// fails where the editors must be there (AWS_NOTES_REQUIRE_EDITORS=1, set by .ci/run after setup-editors).
const missingEditors = !realHostGrammars();
if (missingEditors) {
  describe("injection grammars on VS Code's YAML/JSON/Markdown grammars", () => {
    const why = `VS Code's grammars not found under ${EDITORS_DIR} (run scripts/setup-editors.sh, or set EDITORS_DIR)`;
    if (process.env.AWS_NOTES_REQUIRE_EDITORS === '1') it('finds them', () => assert.fail(why));
    else it.skip(`SKIPPED: ${why}`);
  });
}

for (const real of [false, true]) {
  const hosts = real ? "VS Code's YAML/JSON/Markdown grammars" : 'minimal host grammars';
  if (real && missingEditors) continue;

  describe(`injection grammars on ${hosts}`, () => {
    let tokenize: Awaited<ReturnType<typeof createTokenizer>>;
    before(async () => {
      tokenize = await createTokenizer(real);
    });

    describe('CloudFormation intrinsics in YAML and JSON', () => {
      it('short-form tags stand out, with the ! as punctuation', async () => {
        const lines = await tokenize('source.yaml', [
          'QueueName: !Sub "orders-${Stage}"',
          'Arn: !GetAtt OrdersDlq.Arn',
          'Name: !Ref Stage',
          'Value: !Join [",", [!Ref A, !Select [0, !GetAZs ""]]]',
          '- !If [IsProd, 1, 0]',
        ].join('\n'));
        assert.deepEqual(marked(lines, INTRINSIC), ['!Sub', '!GetAtt', '!Ref', '!Join', '!Ref', '!Select', '!GetAZs', '!If']);
        assert.ok(scopesOf([lines[1]], '!').includes('punctuation.definition.tag.cloudformation'));
      });

      it('long-form keys in YAML', async () => {
        const lines = await tokenize('source.yaml', 'Arn:\n  Fn::GetAtt: [Q, Arn]\nName:\n  Ref: Stage\nX: { "Fn::Sub": "a" }');
        assert.deepEqual(marked(lines, INTRINSIC), ['Fn::GetAtt', 'Ref']);
      });

      it('long-form keys in JSON', async () => {
        const lines = await tokenize('source.json', '{ "Arn": { "Fn::GetAtt": ["Q", "Arn"] }, "Name": { "Ref": "Stage" }, "Fn::Foo": 1 }');
        assert.deepEqual(marked(lines, INTRINSIC), ['Fn::GetAtt', 'Ref']);
      });

      it('not: unknown tags, words inside values, comments, Ref as a value', async () => {
        const lines = await tokenize('source.yaml', [
          'Tag: !Reference x',
          'Note: use !Ref here',
          '# Value: !Ref Stage',
          'Name: Ref',
          'RefName: x',
          'url: https://example.com/!Sub',
        ].join('\n'));
        // "use !Ref here" is a plain scalar: a tag counts only at the start of a node
        assert.deepEqual(marked(lines, INTRINSIC), []);
        const json = await tokenize('source.json', '{ "Name": "Ref", "Reference": "Fn::GetAtt" }');
        assert.deepEqual(marked(json, INTRINSIC), []);
      });
    });

    describe('AWS names in Markdown notes', () => {
      it('service names, longest first, with or without Amazon/AWS, next to Japanese', async () => {
        const lines = await tokenize('text.html.markdown', [
          '# SQS と Lambda でつくる非同期処理',
          'Kinesis Data Streams から Amazon Simple Queue Service へ、Step Functionsで束ねる。',
          'AWS Lambda と Amazon DynamoDB、API Gateway、Route 53。',
        ].join('\n'));
        assert.deepEqual(marked(lines, SERVICE), ['SQS', 'Lambda', 'Kinesis Data Streams', 'Amazon Simple Queue Service', 'Step Functions', 'AWS Lambda', 'Amazon DynamoDB', 'API Gateway', 'Route 53']);
      });

      it('IAM actions and CloudFormation types', async () => {
        const lines = await tokenize('text.html.markdown', 'ポリシーに sqs:SendMessage と s3:Get*、kms:* を足す。型は AWS::SQS::Queue と AWS::Serverless::Function。');
        assert.deepEqual(marked(lines, IAM), ['sqs:SendMessage', 's3:Get*', 'kms:*']);
        assert.deepEqual(marked(lines, TYPE), ['AWS::SQS::Queue', 'AWS::Serverless::Function']);
        assert.ok(scopesOf(lines, 'sqs').some((s) => s.startsWith('entity.name.namespace.aws.iam-prefix')));
      });

      it('not: BatchGetItem, words that merely contain a name, bare everyday words, URLs, times, code blocks', async () => {
        const lines = await tokenize('text.html.markdown', [
          'BatchGetItem で 100 件まとめて読む。LambdaFunction と MySQS と S3Bucket と EC2Instance。',
          'Batch processing and Config files; Backup often.',
          'See https://docs.aws.amazon.com/sqs/ at 10:30.',
          'Inline code keeps its own colour: `sqs:SendMessage`.',
          '```yaml',
          'Type: AWS::SQS::Queue  # SQS',
          '```',
        ].join('\n'));
        assert.deepEqual(marked(lines, SERVICE), []);
        assert.deepEqual(marked(lines, IAM), []);
        assert.deepEqual(marked(lines, TYPE), []);
      });

      it('prefix-only names: AWS Batch and AWS Config, not Batch or Config', async () => {
        const lines = await tokenize('text.html.markdown', 'AWS Batch のジョブと AWS Config のルール。Batch と Config だけでは印を付けない。');
        assert.deepEqual(marked(lines, SERVICE), ['AWS Batch', 'AWS Config']);
      });
    });
  });
}

describe('grammar files and their contribution', () => {
  it('are contributed with injectTo, and the files exist', () => {
    const grammars = contributedGrammars();
    const byScope = new Map(grammars.map((g) => [g.scopeName, g]));
    assert.deepEqual(byScope.get(CFN_INJECTION)?.injectTo.sort(), ['source.json', 'source.json.comments', 'source.yaml']);
    assert.deepEqual(byScope.get(MD_INJECTION)?.injectTo, ['text.html.markdown']);
    for (const g of grammars) assert.ok(fs.existsSync(path.resolve(__dirname, '../../..', g.path)), g.path);
  });

  it('name alternatives are ordered longest first', () => {
    const md = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../syntaxes/aws-notes-markdown.injection.tmLanguage.json'), 'utf8'));
    for (const key of ['service', 'prefixed-service']) {
      const match: string = md.repository[key].match;
      const group = match.slice(0, match.lastIndexOf(')(?!'));
      const names = group.slice(group.lastIndexOf('(?:') + 3).split('|');
      assert.ok(names.length > 5, key);
      const lengths = names.map((n: string) => n.replace(/\[ \\t\]\+/g, ' ').replace(/\\/g, '').length);
      assert.deepEqual(lengths, [...lengths].sort((a, b) => b - a), key);
    }
  });
});

// Renderer-level fuzz (issue 12): notes and templates generated from a grammar of Markdown / YAML / JSON / HCL
// constructs plus the payloads an attacker would use, hovered through the REAL language service (notes index,
// CloudFormation and Terraform providers), and every hover rendered by marked 14.0.0 (VS Code's) and markdown-it.
// Property: the hover answered, in time, and its rendered HTML has no link but https and Open Section links to
// indexed notes, no image and no raw HTML. `npm test`: fixed seed, a few seconds; `npm run fuzz`: random seed, more.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/core/languageService';
import { loadAwsData } from '../../../server/src/node/dataLoader';
import { featureProviders } from '../../../server/src/node/providers';
import { unsafeTargets } from './markdownOracle';
import { FUZZ_SEED, HANG_MS } from './params';

// Each run hovers ~50 places in a template and renders each hover three times: `npm run fuzz`'s FUZZ_RUNS is meant
// for cheap properties, so this file takes a twentieth of it.
const params = (ciRuns: number) => ({ seed: FUZZ_SEED, numRuns: process.env.FUZZ_RUNS ? Math.max(ciRuns, Math.ceil(Number(process.env.FUZZ_RUNS) / 20)) : ciRuns });

const FAKE_OPEN = `command:awsNotes.openSection?${encodeURIComponent(JSON.stringify([{ uri: 'file:///etc/passwd', line: 0 }]))}`;

/** What an attacker puts into a note or a template. */
export const PAYLOADS = [
  `[Open the runbook](${FAKE_OPEN})`, `<${FAKE_OPEN}>`, '![](https://tracker.example/opened.png)', '![px](https://tracker.example/p.png)',
  `~\`<${FAKE_OPEN}>\``, '~`![px](https://tracker.example/p.png)`', `*~\`<${FAKE_OPEN}>\`*`, `_\`<${FAKE_OPEN}>\`_`, '`a|<command:x>`',
  '<img src="https://t.example/p.gif">', '<a href="command:x">a</a>', '<script>alert(1)</script>', '<!--', '-->', '<details>',
  '[x][r]', '[r]: command:workbench.action.quit', '[R]', '![i][r]', '[^1]', '[^1]: command:x', '&#99;ommand:x', '&#x5b;', '&colon;', '&lt;',
  '[a](&#99;ommand:x)', '[b](%63ommand:x)', '[c](CoMmAnD:x)', '[d](FILE:///etc/passwd)', '[e](javascript:alert(1))', '[f](http://plain.example)',
  '<COMMAND:workbench.action.quit>', '<file:///etc/passwd>', 'www.evil.example', 'a@b.example', 'https://ok.example/x', 'http://x.example',
  '\\', '\\`', '`', '``', '~', '~~', '*', '**', '_', '__', '|', '||', '-|-', '|---|', '$(zap)', '${', '"', "'", ':', '!',
];

/** Markdown structure around the payloads. */
const MD_PIECES = ['\n', '\n\n', '> ', '> > ', '- ', '1. ', '  ', '    ', '# ', '## ', '```\n', '```js\n', '~~~\n', '| a | b |\n|---|---|\n', '-|-\n', 'SQS ', 'Lambda ', 'AWS::SQS::Queue ', 'キュー', ' '];

const pick = (pieces: string[], maxLength: number) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((p) => p.join(''));
const hostile = (maxLength: number) => fc.array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.constantFrom(...MD_PIECES)), { maxLength }).map((p) => p.join(''));
const oneLine = (maxLength: number) => hostile(maxLength).map((s) => s.replace(/[\r\n]+/g, ' '));

const noteText = fc.tuple(oneLine(6), hostile(24), hostile(12), oneLine(4)).map(
  ([heading, body, more, sub]) => `# SQS ${heading}\n\nSQS ${body}\n\n## SQS ${sub}\n\n${more} SQS\n\n### VisibilityTimeout ${sub}\n\n${body} QueueName Tags\n`,
);

// Logical ids and labels: mostly plain (so references resolve), sometimes hostile.
const logicalId = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('JobQueue', 'Queue2', 'Param', 'Out') }, { weight: 1, arbitrary: oneLine(3).map((s) => `Q${s}`) });

interface Template {
  param: string;
  queue: string;
  output: string;
  description: string;
  paramDescription: string;
  defaultValue: string;
  allowed: string;
  metaKey: string;
  metaValue: string;
  tagKey: string;
  tagValue: string;
  outputDescription: string;
  oddType: string;
}

const template: fc.Arbitrary<Template> = fc.record({
  param: logicalId,
  queue: logicalId,
  output: logicalId,
  description: hostile(10),
  paramDescription: hostile(10),
  defaultValue: oneLine(4),
  allowed: oneLine(3),
  metaKey: oneLine(2),
  metaValue: hostile(6),
  tagKey: oneLine(3),
  tagValue: hostile(6),
  outputDescription: hostile(8),
  oddType: oneLine(3),
});

const q = (s: string) => JSON.stringify(s);

function yamlTemplate(t: Template): string {
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    `Description: ${q(t.description)}`,
    'Metadata:',
    `  ${q(t.metaKey || 'k')}: ${q(t.metaValue)}`,
    'Parameters:',
    `  ${q(t.param)}:`,
    '    Type: String',
    `    Description: ${q(t.paramDescription)}`,
    `    Default: ${q(t.defaultValue)}`,
    `    AllowedValues: [${q(t.allowed)}, ${q(t.defaultValue)}]`,
    'Resources:',
    `  ${q(t.queue)}:`,
    '    Type: AWS::SQS::Queue',
    '    Properties:',
    `      QueueName: !Ref ${q(t.param)}`,
    '      VisibilityTimeout: 30',
    '      Tags:',
    `        - Key: ${q(t.tagKey)}`,
    `          Value: !Sub ${q(`${t.tagValue} \${${t.param}} \${${t.queue}.Arn}`)}`,
    `  Odd${t.queue.length}:`,
    `    Type: ${q(t.oddType)}`,
    `    DependsOn: ${q(t.queue)}`,
    'Outputs:',
    `  ${q(t.output)}:`,
    `    Description: ${q(t.outputDescription)}`,
    `    Value: !GetAtt ${q(`${t.queue}.Arn`)}`,
    `    Export: { Name: !Sub ${q(`\${AWS::StackName}-${t.output}`)} }`,
    '',
  ].join('\n');
}

function jsonTemplate(t: Template): string {
  return JSON.stringify(
    {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: t.description,
      Metadata: { [t.metaKey || 'k']: t.metaValue },
      Parameters: { [t.param]: { Type: 'String', Description: t.paramDescription, Default: t.defaultValue, AllowedValues: [t.allowed, t.defaultValue] } },
      Resources: {
        [t.queue]: {
          Type: 'AWS::SQS::Queue',
          Properties: { QueueName: { Ref: t.param }, VisibilityTimeout: 30, Tags: [{ Key: t.tagKey, Value: { 'Fn::Sub': `${t.tagValue} \${${t.param}}` } }] },
        },
        [`Odd${t.queue.length}`]: { Type: t.oddType, DependsOn: t.queue },
      },
      Outputs: { [t.output]: { Description: t.outputDescription, Value: { 'Fn::GetAtt': [t.queue, 'Arn'] } } },
    },
    null,
    2,
  );
}

const hcl = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n').replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}"`;
const ident = (s: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(s) ? s : 'jobs');

function terraform(t: Template): string {
  const name = ident(t.queue);
  return [
    `variable ${hcl(t.param)} {`,
    `  description = ${hcl(t.paramDescription)}`,
    `  default     = ${hcl(t.defaultValue)}`,
    '}',
    '',
    `resource "aws_sqs_queue" ${hcl(t.queue)} {`,
    `  name                       = ${hcl(t.defaultValue)}`,
    '  visibility_timeout_seconds = 30',
    `  tags = { ${hcl(t.tagKey || 'k')} = ${hcl(t.tagValue)} }`,
    '}',
    '',
    `resource "aws_sqs_queue" ${hcl(name)} {}`,
    '',
    `output ${hcl(t.output)} {`,
    `  description = ${hcl(t.outputDescription)}`,
    `  value       = aws_sqs_queue.${name}.arn`,
    '}',
    '',
  ].join('\n');
}

/** .tf.json: labels and argument keys are any JSON string, and argument keys are shown in hovers. */
function terraformJson(t: Template): string {
  return JSON.stringify(
    {
      variable: { [t.param]: { description: t.paramDescription, default: t.defaultValue } },
      resource: { aws_sqs_queue: { [t.queue]: { name: t.defaultValue, visibility_timeout_seconds: 30, [t.tagKey || 'k']: t.tagValue, tags: { [t.tagKey || 'k']: t.tagValue } } } },
      output: { [t.output]: { description: t.outputDescription, value: `\${aws_sqs_queue.${ident(t.queue)}.arn}` } },
    },
    null,
    2,
  );
}

/** Offsets to hover: the start and middle of every word-like token, at most `max`, spread over the text. */
function hoverOffsets(text: string, max = 48): number[] {
  const offsets: number[] = [];
  for (const m of text.matchAll(/[A-Za-z_!$][\w:.!${}-]*/g)) offsets.push(m.index, m.index + (m[0].length >> 1));
  if (offsets.length <= max) return offsets;
  const step = offsets.length / max;
  return Array.from({ length: max }, (_, i) => offsets[Math.floor(i * step)]);
}

describe('renderer-level fuzz: real hovers over hostile notes and templates, rendered by marked 14 and markdown-it', function () {
  this.timeout(120000);
  const data = loadAwsData();
  const noteUris = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? `file:///notes/${encodeURIComponent('h[x](command:y) ~`<b>`')}.md` : `file:///notes/n${i}.md`));

  function check(notes: string[], uri: string, languageId: string, text: string, mustAnswer: RegExp): void {
    const service = createLanguageService({ data, locale: 'en', providers: featureProviders() });
    const uris = noteUris(notes.length);
    notes.forEach((note, i) => service.index.setText(uris[i], note));
    const indexed = new Set(service.index.uris());
    const document = TextDocument.create(uri, languageId, 1, text);
    let answered = 0;
    const seen = new Set<string>();
    const must = mustAnswer.exec(text);
    const offsets = hoverOffsets(text);
    if (must) offsets.unshift(must.index + 2);
    for (const offset of offsets) {
      const started = performance.now();
      const hover = service.hover(document, document.positionAt(offset));
      const took = performance.now() - started;
      assert.ok(took < HANG_MS, `hover at ${offset} took ${took.toFixed(0)} ms`);
      if (!hover) continue;
      answered++;
      const value = (hover.contents as { value: string }).value;
      if (seen.has(value)) continue; // many offsets give the same hover: render each once
      seen.add(value);
      const bad = unsafeTargets(value, indexed);
      assert.deepEqual(bad, [], `hover at ${offset} of ${JSON.stringify(text.slice(Math.max(0, offset - 20), offset + 20))}:\n${value}`);
    }
    if (must) assert.ok(answered > 0, 'the hover answered');
  }

  it('CloudFormation YAML', () => {
    fc.assert(fc.property(fc.array(noteText, { minLength: 1, maxLength: 2 }), template, (notes, t) => check(notes, 'file:///ws/template.yaml', 'yaml', yamlTemplate(t), /AWS::SQS::Queue/)), params(6));
  });

  it('CloudFormation JSON', () => {
    fc.assert(fc.property(fc.array(noteText, { minLength: 1, maxLength: 2 }), template, (notes, t) => check(notes, 'file:///ws/template.json', 'json', jsonTemplate(t), /AWS::SQS::Queue/)), params(5));
  });

  it('Terraform', () => {
    fc.assert(fc.property(fc.array(noteText, { minLength: 1, maxLength: 2 }), template, (notes, t) => check(notes, 'file:///ws/main.tf', 'terraform', terraform(t), /aws_sqs_queue/)), params(5));
  });

  it('Terraform JSON', () => {
    fc.assert(fc.property(fc.array(noteText, { minLength: 1, maxLength: 2 }), template, (notes, t) => check(notes, 'file:///ws/main.tf.json', 'json', terraformJson(t), /aws_sqs_queue/)), params(4));
  });

  it('notes hovered from code and from the notes themselves', () => {
    fc.assert(
      fc.property(fc.array(noteText, { minLength: 1, maxLength: 3 }), pick(MD_PIECES, 4), (notes, extra) => {
        check(notes, 'file:///ws/worker.py', 'python', `import boto3\nsqs = boto3.client("sqs")  # SQS ${extra.replace(/\n/g, ' ')}\n`, /sqs"/);
        check(notes, 'file:///notes/n1.md', 'markdown', notes[0], /SQS/);
      }),
      params(4),
    );
  });
});

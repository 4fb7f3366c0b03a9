// Templates are untrusted input too (issue 12): a cloned repository is as hostile as a copied note. Hovers in a
// malicious CloudFormation template (YAML and JSON) and Terraform file, through the real server, show the
// template's Descriptions, defaults, allowed values, logical ids, labels and attribute names as text: rendered by
// marked 14.0.0 (VS Code's) and markdown-it there is no link but https and Open Section links to indexed notes,
// no image and no HTML.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestClient } from '../helpers/lspClient';
import { renderedTargets, renderWithVscodeMarked, unsafeTargets } from '../unit/fuzz/markdownOracle';
import { cleanup, makeWorkspace, startClient } from './helpers';

const OPEN_FAKE = `command:awsNotes.openSection?${encodeURIComponent(JSON.stringify([{ uri: 'file:///etc/passwd', line: 0 }]))}`;
const RUNBOOK = `[Open the runbook](${OPEN_FAKE}) ![](https://tracker.example/opened.png)`;
const SNEAKY = `SQS ~\`<${OPEN_FAKE}>\` and ~\`![px](https://tracker.example/p.png)\` <img src="https://t.example/i.gif">`;
const q = (s: string) => JSON.stringify(s);

export const MALICIOUS_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Description: ${q(RUNBOOK)}
Metadata:
  Runbook: ${q(RUNBOOK)}
Parameters:
  Runbook:
    Type: String
    Description: ${q(`${RUNBOOK}\n${SNEAKY}\n[r]: command:workbench.action.quit\n[x][r]`)}
    Default: ${q(`~\`<${OPEN_FAKE}>\``)}
    AllowedValues: [${q(`<${OPEN_FAKE}>`)}, ${q('![](https://tracker.example/a.png)')}]
  ${q('Sneaky~`<command:x>`')}:
    Type: ${q(`~\`<${OPEN_FAKE}>\``)}
Conditions:
  ${q('Cond~`<command:y>`')}: !Equals [!Ref Runbook, x]
Resources:
  JobQueue:
    Type: AWS::SQS::Queue
    Condition: ${q('Cond~`<command:y>`')}
    Properties:
      QueueName: !Ref Runbook
      VisibilityTimeout: 30
      Tags:
        - Key: ${q(RUNBOOK)}
          Value: !Ref ${q('Sneaky~`<command:x>`')}
  Odd:
    Type: ${q(`~\`<${OPEN_FAKE}>\``)}
    DependsOn: JobQueue
Outputs:
  QueueArn:
    Description: ${q(RUNBOOK)}
    Value: !GetAtt ${q('JobQueue.Arn~`<command:z>`')}
    Export:
      Name: !Sub "\${AWS::StackName}-\${Odd}"
`;

export const MALICIOUS_JSON = JSON.stringify(
  {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: RUNBOOK,
    Parameters: {
      Runbook: { Type: 'String', Description: `${RUNBOOK}\n${SNEAKY}`, Default: `~\`<${OPEN_FAKE}>\``, AllowedValues: [`<${OPEN_FAKE}>`, '![](https://tracker.example/a.png)'] },
    },
    Resources: {
      JobQueue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { Ref: 'Runbook' }, Tags: [{ Key: RUNBOOK, Value: { Ref: 'Runbook' } }] } },
      'Q~`<command:x>`': { Type: `~\`<${OPEN_FAKE}>\`` },
    },
    Outputs: { QueueArn: { Description: RUNBOOK, Value: { 'Fn::GetAtt': ['JobQueue', 'Arn~`<command:z>`'] } } },
  },
  null,
  2,
);

const hcl = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\$\{/g, '$${')}"`;

export const MALICIOUS_TF = `variable "runbook" {
  description = ${hcl(`${RUNBOOK}\n${SNEAKY}`)}
  default     = ${hcl(`~\`<${OPEN_FAKE}>\``)}
}

resource "aws_sqs_queue" ${hcl('jobs~`<command:x>`')} {
  name = var.runbook
  tags = { ${hcl(RUNBOOK)} = ${hcl(SNEAKY)} }
}

resource "aws_sqs_queue" "jobs" {
  name = var.runbook
}

output "arn" {
  description = ${hcl(RUNBOOK)}
  value       = aws_sqs_queue.jobs.arn
}
`;

// .tf.json: keys are any JSON string, and an argument key is shown in the hover.
export const MALICIOUS_TF_JSON = JSON.stringify(
  { resource: { aws_sqs_queue: { jobs: { [`name~\`<${OPEN_FAKE}>\``]: 'x', [`~\`![px](https://tracker.example/p.png)\``]: 1, visibility_timeout_seconds: 30 } } } },
  null,
  2,
);

describe('untrusted templates in hovers, through the server', function () {
  this.timeout(30000);
  let root: string;
  let client: TestClient;
  let noteUris: Set<string>;

  before(async () => {
    const w = makeWorkspace('untrusted-templates');
    root = w.root;
    noteUris = new Set([pathToFileURL(path.join(w.notes, 'good.md')).href]);
    client = await startClient('malicious templates', { workspace: w.ws });
  });

  after(async () => {
    await client.stop();
    cleanup(root);
  });

  /** Hovers `needle` (+delta) in `text`; the hover must answer and be safe in every renderer. */
  async function safeHover(uri: string, text: string, needle: string, delta = 1, occurrence = 0): Promise<string> {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, needle);
    const lines = text.slice(0, at + delta).split('\n');
    const value = await client.hoverText(uri, { line: lines.length - 1, character: lines[lines.length - 1].length });
    assert.ok(value, `no hover on ${JSON.stringify(needle)}`);
    assert.deepEqual(unsafeTargets(value, noteUris), [], value);
    assert.deepEqual(renderedTargets(value).filter((t) => t.kind !== 'link'), [], value);
    const html = renderWithVscodeMarked(value);
    assert.doesNotMatch(html, /<a href="(?!https:|command:awsNotes\.openSection\?)|<img/i, html);
    return value;
  }

  it('YAML: the !Ref hover shows the parameter Description, default and allowed values as text (the reported example)', async () => {
    const uri = client.open('template.yaml', 'yaml', MALICIOUS_YAML);
    const value = await safeHover(uri, MALICIOUS_YAML, '!Ref Runbook', 6, 1);
    assert.match(value, /parameter/);
    assert.match(value, /Open the runbook/);
    assert.match(value, /tracker\.example/, 'the image is shown as text, not dropped silently');
    assert.match(value, /&lt;img src=/);
  });

  it('YAML: hostile logical ids, types, conditions and GetAtt attributes', async () => {
    const uri = client.open('template2.yaml', 'yaml', MALICIOUS_YAML);
    await safeHover(uri, MALICIOUS_YAML, '!Ref "Sneaky', 6);
    await safeHover(uri, MALICIOUS_YAML, 'Condition: "Cond', 12);
    await safeHover(uri, MALICIOUS_YAML, 'JobQueue.Arn~', 14);
    await safeHover(uri, MALICIOUS_YAML, 'DependsOn: JobQueue', 12);
    await safeHover(uri, MALICIOUS_YAML, 'AWS::SQS::Queue', 3);
    await safeHover(uri, MALICIOUS_YAML, 'VisibilityTimeout', 3);
  });

  it('JSON: the Ref hover and hostile ids and attributes', async () => {
    const uri = client.open('template.json', 'json', MALICIOUS_JSON);
    const value = await safeHover(uri, MALICIOUS_JSON, '"Ref": "Runbook"', 10);
    assert.match(value, /Open the runbook/);
    await safeHover(uri, MALICIOUS_JSON, '"Arn~', 3);
    await safeHover(uri, MALICIOUS_JSON, 'AWS::SQS::Queue', 3);
  });

  it('Terraform: hostile labels and references', async () => {
    const uri = client.open('main.tf', 'terraform', MALICIOUS_TF);
    await safeHover(uri, MALICIOUS_TF, 'aws_sqs_queue', 3);
    await safeHover(uri, MALICIOUS_TF, 'aws_sqs_queue.jobs.arn', 16);
    await safeHover(uri, MALICIOUS_TF, 'name = var', 2);
  });

  it('Terraform JSON: hostile argument keys', async () => {
    const uri = client.open('main.tf.json', 'json', MALICIOUS_TF_JSON);
    const value = await safeHover(uri, MALICIOUS_TF_JSON, '"name~', 3);
    assert.match(value, /not an argument of/);
    await safeHover(uri, MALICIOUS_TF_JSON, '"~`!', 3);
  });

  it('the oracle sees the payloads as live when they are not sanitised', () => {
    const none = new Set<string>();
    assert.notDeepEqual(unsafeTargets(RUNBOOK, none), []);
    assert.notDeepEqual(unsafeTargets(SNEAKY, none), []);
  });
});

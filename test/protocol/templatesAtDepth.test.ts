// Templates at every depth over stdio (issue 15): resource skeletons at the resource-key level for any LSP client,
// nested hover, and diagnostics inside nested properties (CloudFormation) and nested blocks (Terraform).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Diagnostic } from 'vscode-languageserver-types';
import { eventually, TestClient } from '../helpers/lspClient';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/r
      Code:
        ZipFile: "def handler(e, c): pass"
      VpcConfig:
        SubnetIdz: [subnet-1]
  sqs
`;

const TF = `resource "aws_lambda_function" "f" {
  function_name = "f"
  role          = "r"
  vpc_config {
    subnet_idz = []
  }
}
`;

describe('templates at every depth over stdio', function () {
  this.timeout(30000);
  let root: string;
  let client: TestClient;
  const diagnostics = new Map<string, Diagnostic[]>();

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-depth-'));
    const ws = path.join(root, 'ws');
    fs.mkdirSync(ws, { recursive: true });
    client = new TestClient({ workspace: ws });
    client.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      diagnostics.set(p.uri, p.diagnostics);
    });
    await client.start();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('completes a whole resource from `sqs` at the resource-key level', async () => {
    const uri = client.open('stack.yaml', 'yaml', TEMPLATE);
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: client.positionOf(TEMPLATE, '  sqs', 5) })) as CompletionItem[] | CompletionList | null;
    const items = !result ? [] : Array.isArray(result) ? result : result.items;
    const queue = items.find((i) => i.label === 'AWS::SQS::Queue');
    assert.ok(queue, items.map((i) => i.label).slice(0, 5).join());
    assert.equal((queue.textEdit as { newText: string }).newText, 'Queue:\n    Type: AWS::SQS::Queue$0');
  });

  it('hovers a nested key and reports an unknown one', async () => {
    const uri = client.open('stack2.yaml', 'yaml', TEMPLATE);
    const value = await client.hoverText(uri, client.positionOf(TEMPLATE, 'ZipFile', 2));
    assert.match(value ?? '', /property of `AWS::Lambda::Function\.Code`/);
    const found = await eventually(async () => diagnostics.get(uri)?.find((d) => d.code === 'cfn-unknown-property'));
    assert.match(String(found.message), /`SubnetIdz` is not a property of `AWS::Lambda::Function\.VpcConfig`\. Did you mean `SubnetIds`\?/);
  });

  it('reports an unknown argument inside a Terraform nested block', async () => {
    const uri = client.open('main.tf', 'terraform', TF);
    const found = await eventually(async () => diagnostics.get(uri)?.find((d) => d.code === 'tf-unknown-argument'));
    assert.equal(found.range.start.line, 4);
    assert.match(String(found.message), /Did you mean `subnet_ids`\?/);
  });
});

// Terraform features over stdio, as an editor sees them (needs `npm run build`).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, DocumentSymbol, Location } from 'vscode-languageserver-types';
import { TestClient } from '../helpers/lspClient';
import { QUEUE_NOTE } from '../helpers/notesFixtures';

const MAIN_TF = `resource "aws_sqs_queue" "jobs" {
  name                       = "jobs"
  visibility_timeout_seconds = 30
}

resource "aws_lambda_event_source_mapping" "worker" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = "worker"
}
`;

describe('terraform over stdio', function () {
  this.timeout(30000);
  let ws: string;
  let client: TestClient;
  let uri: string;

  before(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-tf-'));
    ws = path.join(root, 'ws');
    fs.mkdirSync(path.join(ws, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'notes', 'queue.md'), QUEUE_NOTE);
    fs.writeFileSync(path.join(ws, 'main.tf'), MAIN_TF);
    client = new TestClient({ workspace: ws });
    await client.start();
    uri = client.open('main.tf', 'terraform');
  });

  after(async () => {
    await client.stop();
    fs.rmSync(path.dirname(ws), { recursive: true, force: true });
  });

  it('hovers a resource type with its CloudFormation equivalent and the notes', async () => {
    const value = await client.hoverText(uri, client.positionOf(MAIN_TF, 'aws_sqs_queue', 4));
    assert.ok(value);
    assert.match(value, /\*\*`aws_sqs_queue`\*\* — Terraform resource/);
    assert.match(value, /CloudFormation: `AWS::SQS::Queue`/);
    assert.match(value, /queue\.md › キューまわりの学習メモ › SQS とは — \[Open section\]\(command:awsNotes\.openSection\?/);
  });

  it('hovers an argument with its CloudFormation property and a reference with its GetAtt', async () => {
    const argument = await client.hoverText(uri, client.positionOf(MAIN_TF, 'visibility_timeout_seconds', 3));
    assert.match(argument!, /`AWS::SQS::Queue` › \*\*`VisibilityTimeout`\*\*/);
    const reference = await client.hoverText(uri, client.positionOf(MAIN_TF, 'jobs.arn', 6));
    assert.match(reference!, /`aws_sqs_queue\.jobs` is declared on line 1 of this file/);
    assert.match(reference!, /`!GetAtt Jobs\.Arn`/);
  });

  it('completes resource types and resolves their documentation', async () => {
    const text = 'resource "aws_sqs_q" "x" {\n}\n';
    const typing = client.open('typing.tf', 'terraform', text);
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri: typing },
      position: { line: 0, character: 'resource "aws_sqs_q'.length },
    })) as CompletionList | CompletionItem[];
    const items = Array.isArray(list) ? list : list.items;
    const best = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
    assert.equal(best.label, 'aws_sqs_queue');
    const resolved = (await client.connection.sendRequest('completionItem/resolve', best)) as CompletionItem;
    assert.match((resolved.documentation as { value: string }).value, /CloudFormation: `AWS::SQS::Queue`/);
  });

  it('completes argument names inside a resource block, required first', async () => {
    const text = 'resource "aws_lambda_function" "f" {\n  \n}\n';
    const doc = client.open('args.tf', 'terraform', text);
    const list = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: doc }, position: { line: 1, character: 2 } })) as CompletionItem[];
    const required = list.filter((i) => i.sortText?.startsWith('0_')).map((i) => i.label);
    assert.ok(required.includes('function_name') && required.includes('role'), required.join(', '));
  });

  it('goes to the declaring block and outlines the file', async () => {
    const [location] = (await client.definition(uri, client.positionOf(MAIN_TF, 'jobs.arn', 2))) as Location[];
    assert.equal(location.uri, uri);
    assert.equal(location.range.start.line, 0);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['aws_sqs_queue.jobs', 'aws_lambda_event_source_mapping.worker']);
  });
});

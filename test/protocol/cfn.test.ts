// CloudFormation templates over the protocol: the server spawned with --stdio, as any editor would use it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Diagnostic, DocumentSymbol } from 'vscode-languageserver-types';
import { eventually, TestClient } from '../helpers/lspClient';
import { expandItemDefaults, itemMeaning } from '../helpers/completionList';

const NOTE = `# SQS のメモ

## SQS の可視性タイムアウト

SQS の VisibilityTimeout は Lambda のタイムアウトより長くする。

\`\`\`yaml
Resources:
  DeadLetters:
    Type: AWS::SQS::Queue
    Properties:
      MessageRetentionPeriod: 1209600
\`\`\`
`;

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Stage:
    Type: String
Resources:
  JobQueue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 180
  Worker:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Stage
      EventSourceArn: !GetAtt JobQueue.Arn
`;

describe('CloudFormation templates over stdio', function () {
  this.timeout(30000);
  let root: string;
  let client: TestClient;
  const diagnostics = new Map<string, Diagnostic[]>();

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-cfn-'));
    const ws = path.join(root, 'ws');
    fs.mkdirSync(path.join(ws, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'notes', 'sqs.md'), NOTE);
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

  const complete = async (uri: string, text: string, needle: string, delta: number): Promise<CompletionItem[]> => {
    const result = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: client.positionOf(text, needle, delta) })) as CompletionItem[] | CompletionList | null;
    return !result ? [] : Array.isArray(result) ? result : result.items;
  };

  it('hover on a property shows the Terraform argument and the note', async () => {
    const uri = client.open('stack.yaml', 'yaml', TEMPLATE);
    const value = await client.hoverText(uri, client.positionOf(TEMPLATE, 'VisibilityTimeout', 3));
    assert.ok(value);
    assert.match(value, /property of `AWS::SQS::Queue`/);
    assert.match(value, /`visibility_timeout_seconds`/);
    assert.match(value, /SQS の VisibilityTimeout は Lambda のタイムアウトより長くする/);
  });

  it('hover on !GetAtt shows the Terraform expression', async () => {
    const uri = client.open('stack2.yaml', 'yaml', TEMPLATE);
    const value = await client.hoverText(uri, client.positionOf(TEMPLATE, '!GetAtt', 2));
    assert.match(value!, /`aws_sqs_queue\.job_queue\.arn`/);
  });

  it('completion after `Type: AWS::SQS::` lists AWS::SQS::Queue', async () => {
    const text = TEMPLATE + '  Next:\n    Type: AWS::SQS::\n';
    const uri = client.open('stack3.yaml', 'yaml', text);
    const items = await complete(uri, text, 'Type: AWS::SQS::\n', 'Type: AWS::SQS::'.length);
    assert.equal(items[0]?.label, 'AWS::SQS::Queue');
    const resolved = (await client.connection.sendRequest('completionItem/resolve', items[0])) as CompletionItem;
    assert.match(JSON.stringify(resolved.documentation), /Creates an Amazon SQS/);
  });

  it('a client that applies CompletionList.itemDefaults (VS Code) gets the same items, each sent shorter', async () => {
    const defaults = new TestClient({ workspace: path.join(root, 'ws'), textDocumentCapabilities: { completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } } });
    try {
      await defaults.start();
      const text = TEMPLATE + '  Next:\n    Type: AWS::\n';
      const at = (c: TestClient) => ({ textDocument: { uri: c.open('stack-defaults.yaml', 'yaml', text) }, position: c.positionOf(text, 'Type: AWS::\n', 'Type: AWS::'.length) });
      const full = (await client.connection.sendRequest('textDocument/completion', at(client))) as CompletionList;
      const compact = (await defaults.connection.sendRequest('textDocument/completion', at(defaults))) as CompletionList;
      assert.equal(full.itemDefaults, undefined);
      assert.ok(full.items.every((i) => i.textEdit && i.data), 'a client without defaults gets every item in full');
      assert.ok(compact.itemDefaults?.editRange && compact.itemDefaults.data);
      assert.equal(compact.items.length, 300);
      assert.deepEqual(expandItemDefaults(compact).map(itemMeaning), full.items.map(itemMeaning));
      assert.ok(JSON.stringify(compact).length < 0.65 * JSON.stringify(full).length, `${JSON.stringify(compact).length} vs ${JSON.stringify(full).length} bytes`);
      // Resolving an item as the client holds it (the defaults applied) still finds its documentation.
      const queue = expandItemDefaults(compact).find((i) => i.label === 'AWS::SQS::Queue')!;
      const resolved = (await defaults.connection.sendRequest('completionItem/resolve', queue)) as CompletionItem;
      assert.match(JSON.stringify(resolved.documentation), /Creates an Amazon SQS/);
    } finally {
      await defaults.stop();
    }
  });

  it('completion of note code blocks under Resources', async () => {
    const text = TEMPLATE + '  \n';
    const uri = client.open('stack4.yaml', 'yaml', text);
    const items = await complete(uri, text, 'EventSourceArn: !GetAtt JobQueue.Arn\n  \n', 'EventSourceArn: !GetAtt JobQueue.Arn\n  '.length);
    const block = items.find((i) => i.label === 'sqs.md › SQS のメモ › SQS の可視性タイムアウト');
    assert.ok(block, JSON.stringify(items.map((i) => i.label)));
    assert.match((block.textEdit as { newText: string }).newText, /^  DeadLetters:\n    Type: AWS::SQS::Queue/);
  });

  it('definition of `!GetAtt X.Arn` lands on X', async () => {
    const uri = client.open('stack5.yaml', 'yaml', TEMPLATE);
    const [location] = await client.definition(uri, client.positionOf(TEMPLATE, 'JobQueue.Arn', 3));
    assert.equal(location.uri, uri);
    assert.deepEqual(location.range.start, { line: 5, character: 2 });
  });

  it('outline of the template', async () => {
    const uri = client.open('stack6.yaml', 'yaml', TEMPLATE);
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['Parameters', 'Resources']);
    assert.equal(symbols[1].children![0].detail, 'AWS::SQS::Queue');
  });

  it('diagnostics are published for an unknown type, and cleared when fixed', async () => {
    const broken = TEMPLATE.replace('Type: AWS::SQS::Queue', 'Type: AWS::SQS::Queu3');
    const uri = client.open('broken.yaml', 'yaml', broken);
    const found = await eventually(async () => diagnostics.get(uri)?.find((d) => d.code === 'cfn-unknown-type'), 5000);
    assert.equal(found.source, 'aws-notes');
    assert.match(String(found.message), /Did you mean `AWS::SQS::Queue`\?/);
    client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: TEMPLATE }] });
    await eventually(async () => diagnostics.get(uri)?.length === 0, 5000);
  });

  it('JSON template completion (properties and Ref targets)', async () => {
    const json = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Jobs": {\n      "Type": "AWS::SQS::Queue",\n      "Properties": {\n        ""\n      }\n    },\n    "Out": { "Type": "AWS::SNS::Topic", "Properties": { "TopicName": { "Ref": "" } } }\n  }\n}\n';
    const uri = client.open('stack.json', 'json', json);
    const props = await complete(uri, json, '        ""', 9);
    assert.ok(props.some((i) => i.label === 'VisibilityTimeout'), JSON.stringify(props.map((i) => i.label)));
    const refs = await complete(uri, json, '{ "Ref": ""', 10);
    assert.ok(refs.some((i) => i.label === 'Jobs'));
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually, TestClient } from '../helpers/lspClient';
import { HOSTILE_NOTE, LONG_NOTE, QUEUE_NOTE } from '../helpers/notesFixtures';
import { Requests } from '../../shared/protocol';

function makeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-proto-'));
  const ws = path.join(root, 'ws');
  fs.mkdirSync(path.join(ws, 'notes', 'deep'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'notes', 'queue.md'), QUEUE_NOTE);
  fs.writeFileSync(path.join(ws, 'notes', 'deep', 'long.md'), LONG_NOTE);
  fs.mkdirSync(path.join(ws, 'node_modules', 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(ws, 'node_modules', 'pkg', 'README.md'), '# SQS in a dependency\n');
  return ws;
}

describe('aws-notes-ls over stdio', function () {
  this.timeout(30000);
  let ws: string;
  let client: TestClient;

  before(async () => {
    ws = makeWorkspace();
    client = new TestClient({ workspace: ws });
    await client.start();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(path.dirname(ws), { recursive: true, force: true });
  });

  const cases: [string, string, string, string][] = [
    ['template.yaml', 'yaml', 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n    # worker reads from SQS\n', 'SQS\n'],
    ['policy.json', 'json', '{ "Statement": [{ "Action": "sqs:SendMessage", "Resource": "*" }] }\n', 'sqs:Send'],
    ['main.tf', 'terraform', 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n', 'aws_sqs'],
    ['worker.py', 'python', 'import boto3\nsqs = boto3.client("sqs")\n', '"sqs"'],
    ['producer.ts', 'typescript', 'import { SQSClient } from "@aws-sdk/client-sqs";\nconst c = new SQSClient({});\n', 'new SQSClient'],
  ];
  for (const [file, languageId, text, needle] of cases) {
    it(`hovers SQS in a ${languageId} file with the notes`, async () => {
      const uri = client.open(file, languageId, text);
      const value = await client.hoverText(uri, client.positionOf(text, needle, needle.startsWith('new') ? 5 : 2));
      assert.ok(value, `no hover in ${file}`);
      assert.match(value, /Amazon Simple Queue Service/);
      assert.match(value, /From your notes/);
      // An IAM action finds the section that lists it first (issue 13); every other SQS name, the section about SQS.
      const first = languageId === 'json' ? 'Lambda と SQS の組み合わせ' : 'SQS とは';
      assert.match(value, new RegExp(`queue\\.md › キューまわりの学習メモ › ${first} — \\[Open section\\]\\(command:awsNotes\\.openSection\\?`));
    });
  }

  it('hovers a service name inside the notes themselves', async () => {
    const uri = client.open('notes/queue.md', 'markdown');
    const value = await client.hoverText(uri, client.positionOf(QUEUE_NOTE, 'Lambdaが'));
    assert.match(value!, /AWS Lambda/);
  });

  it('gives no hover on words that are not AWS names', async () => {
    const text = 'config = load()\nitems = table.BatchGetItem()\nfor r in event["Records"]:\n    pass\n';
    const uri = client.open('plain.py', 'python', text);
    for (const needle of ['config', 'BatchGetItem', 'Records']) {
      assert.equal(await client.hoverText(uri, client.positionOf(text, needle, 2)), undefined, needle);
    }
  });

  it('goes to the note headings about a service, best first', async () => {
    const text = 'Type: AWS::SQS::Queue\n';
    const uri = client.open('def.yaml', 'yaml', text);
    const locations = await client.definition(uri, client.positionOf(text, 'SQS'));
    assert.equal(locations[0].uri, client.uri('notes/queue.md'));
    assert.equal(locations[0].range.start.line, QUEUE_NOTE.split('\n').indexOf('## SQS とは'));
  });

  it('lands on the passage deep inside a long section', async () => {
    const text = 'Type: AWS::DynamoDB::Table\n';
    const uri = client.open('ddb.yaml', 'yaml', text);
    const [first] = await client.definition(uri, client.positionOf(text, 'DynamoDB'));
    assert.equal(first.uri, client.uri('notes/deep/long.md'));
    assert.equal(first.range.start.line, LONG_NOTE.split('\n').findIndex((l) => l.startsWith('DynamoDB')));
  });

  it('finds references to every mention in the notes', async () => {
    const text = '# Lambda\n';
    const uri = client.open('refs.py', 'python', text);
    const refs = (await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri },
      position: client.positionOf(text, 'Lambda'),
      context: { includeDeclaration: true },
    })) as { uri: string }[];
    assert.ok(refs.length >= 3, JSON.stringify(refs));
    assert.deepEqual([...new Set(refs.map((r) => r.uri))], [client.uri('notes/queue.md')]);
  });

  it('finds Japanese headings as workspace symbols, and never notes under node_modules', async () => {
    const symbols = (await client.connection.sendRequest('workspace/symbol', { query: '可視性' })) as { name: string; location: { uri: string } }[];
    assert.equal(symbols[0].name, '可視性タイムアウト');
    assert.equal(symbols[0].location.uri, client.uri('notes/queue.md'));
    const all = (await client.connection.sendRequest('workspace/symbol', { query: 'SQS' })) as { location: { uri: string } }[];
    assert.ok(all.every((s) => !s.location.uri.includes('node_modules')));
  });

  it('gives document symbols for a note', async () => {
    const uri = client.open('notes/queue.md', 'markdown');
    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string; children: { name: string }[] }[];
    assert.equal(symbols[0].name, 'キューまわりの学習メモ');
    assert.equal(symbols[0].children.length, 3);
  });

  it('indexes a note written to disk (server-side watching)', async () => {
    const text = '# 新しいメモ\n\n## Global Accelerator の仕組み\n\nエニーキャスト IP で最寄りのエッジに入る。\n';
    fs.writeFileSync(path.join(ws, 'notes', 'fresh.md'), text);
    // How fast a change becomes searchable is measured by the benchmark ("one changed file searchable"), not here.
    const symbols = await eventually(async () => {
      const found = (await client.connection.sendRequest('workspace/symbol', { query: 'Global Accelerator の仕組み' })) as { name: string }[];
      return found.length ? found : undefined;
    }, 15000);
    assert.equal(symbols[0].name, 'Global Accelerator の仕組み');
    const code = 'resource "aws_globalaccelerator_accelerator" "x" {}\n# Global Accelerator\n';
    const uri = client.open('ga.tf', 'terraform', code);
    const value = await client.hoverText(uri, client.positionOf(code, '# Global', 4));
    assert.match(value!, /エニーキャスト IP/);
  });

  it('lets unsaved editor text win over the disk, and returns to disk on close', async () => {
    const uri = client.open('notes/queue.md', 'markdown', QUEUE_NOTE.replace('## 料金のメモ', '## 料金と無料枠のメモ'));
    await eventually(async () => ((await client.connection.sendRequest('workspace/symbol', { query: '無料枠' })) as unknown[]).length > 0);
    client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await eventually(async () => ((await client.connection.sendRequest('workspace/symbol', { query: '無料枠' })) as unknown[]).length === 0);
  });
});

describe('aws-notes-ls with a VS Code-like client', function () {
  this.timeout(30000);
  let ws: string;
  let client: TestClient;

  before(async () => {
    ws = makeWorkspace();
    fs.writeFileSync(path.join(ws, 'notes', 'hostile.md'), HOSTILE_NOTE);
    client = new TestClient({ workspace: ws, vscodeLike: true, locale: 'ja', settings: { notes: { paths: ['notes', 'missing-folder'] }, hover: { maxSections: 5 } } });
    await client.start();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(path.dirname(ws), { recursive: true, force: true });
  });

  it('pulls settings, warns once about a missing folder, and registers a file watcher on the note paths', async () => {
    assert.equal(client.messages.filter((m) => m.message.includes('missing-folder')).length, 1);
    assert.match(client.messages[0].message, /ノートのフォルダーが見つかりません/);
    const registration = client.registrations.find((r) => (r as { method: string }).method === 'workspace/didChangeWatchedFiles') as {
      registerOptions: { watchers: { globPattern: { baseUri: string; pattern: string } }[] };
    };
    assert.ok(registration);
    assert.equal(registration.registerOptions.watchers[0].globPattern.baseUri, client.uri('notes'));
  });

  it('re-indexes one file on workspace/didChangeWatchedFiles', async () => {
    const file = path.join(ws, 'notes', 'added.md');
    fs.writeFileSync(file, '# Step Functions のメモ\n\nステートマシンでワークフローを組む。\n');
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('notes/added.md'), type: 1 }] });
    await eventually(async () => ((await client.connection.sendRequest('workspace/symbol', { query: 'Step Functions のメモ' })) as unknown[]).length === 1);
    fs.rmSync(file);
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('notes/added.md'), type: 3 }] });
    await eventually(async () => ((await client.connection.sendRequest('workspace/symbol', { query: 'Step Functions のメモ' })) as unknown[]).length === 0);
  });

  it('indexes the notes of a folder that appears at once, even when only the folder is reported', async () => {
    const dir = path.join(ws, 'notes', 'imported');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sub', 'glue.md'), '# Glue のクローラー\n\nスキーマを推測してカタログに登録する。\n');
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('notes/imported'), type: 1 }] });
    await eventually(async () => ((await client.connection.sendRequest('workspace/symbol', { query: 'Glue のクローラー' })) as unknown[]).length === 1);
  });

  it('drops the notes of a deleted folder when only the folder is reported, and watches deletions of folders', async () => {
    const registration = client.registrations.find((r) => (r as { method: string }).method === 'workspace/didChangeWatchedFiles') as {
      registerOptions: { watchers: { globPattern: { pattern: string }; kind?: number }[] };
    };
    const any = registration.registerOptions.watchers.find((w) => w.globPattern.pattern === '**/*');
    assert.ok(any && any.kind !== undefined && (any.kind & 4) !== 0, `no watcher reports deleted folders: ${JSON.stringify(registration.registerOptions.watchers)}`);
    const dir = path.join(ws, 'notes', 'retired');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'athena.md'), '# Athena のパーティション\n\nパーティションで読む量を減らす。\n');
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('notes/retired'), type: 1 }] });
    const found = async () => ((await client.connection.sendRequest('workspace/symbol', { query: 'Athena のパーティション' })) as unknown[]).length;
    await eventually(async () => (await found()) === 1);
    fs.rmSync(dir, { recursive: true });
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('notes/retired'), type: 3 }] });
    await eventually(async () => (await found()) === 0);
  });

  it('answers in Japanese and never passes a note\'s links, HTML or images through', async () => {
    const text = '# SQS\n';
    const uri = client.open('a.py', 'python', text);
    const value = (await client.hoverText(uri, client.positionOf(text, 'SQS')))!;
    assert.match(value, /あなたのノートから/);
    assert.match(value, /怪しいノート/);
    const commandLinks = value.match(/\]\(command:[^)]*\)/g) ?? [];
    assert.ok(commandLinks.length > 0 && commandLinks.every((l) => l.startsWith('](command:awsNotes.openSection?')));
    assert.doesNotMatch(value, /javascript:|(?<!\\)<img|!\[|workbench\.action/);
  });
});

describe('aws-notes-ls with bad input', function () {
  this.timeout(30000);

  it('skips binary, oversized and unreadable notes, survives symlink loops, and indexes the rest', async () => {
    const ws = makeWorkspace();
    fs.writeFileSync(path.join(ws, 'notes', 'binary.md'), Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02, 0xff]));
    fs.writeFileSync(path.join(ws, 'notes', 'huge.md'), '# 大きい\n' + 'SQS '.repeat(400_000));
    fs.writeFileSync(path.join(ws, 'notes', 'latin1.md'), Buffer.from([0x23, 0x20, 0x53, 0x51, 0x53, 0x20, 0xe9, 0x0a]));
    fs.symlinkSync(path.join(ws, 'notes'), path.join(ws, 'notes', 'deep', 'loop'));
    fs.symlinkSync(path.join(ws, 'nowhere'), path.join(ws, 'notes', 'dangling.md'));
    const client = new TestClient({ workspace: ws, settings: { limits: { maxFileSize: 1_000_000 } } });
    try {
      await client.start();
      const stats = await client.connection.sendRequest(Requests.stats);
      assert.equal(stats.files, 3); // queue.md, long.md, latin1.md
      const logs = client.logs.join('\n');
      assert.match(logs, /binary\.md: not a text file/);
      assert.match(logs, /huge\.md: \d+ bytes is over the limit of 1000000/);
      assert.match(logs, /dangling\.md: dangling symbolic link/);
      const text = '# SQS\n';
      const uri = client.open('x.py', 'python', text);
      assert.match((await client.hoverText(uri, client.positionOf(text, 'SQS')))!, /SQS とは/);
    } finally {
      await client.stop();
      fs.rmSync(path.dirname(ws), { recursive: true, force: true });
    }
  });
});

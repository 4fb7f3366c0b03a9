import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/core/languageService';
import { documentWithCursor } from '../../helpers/cursor';
import { miniData } from '../../helpers/miniData';
import { HOSTILE_NOTE, LONG_NOTE, QUEUE_NOTE } from '../../helpers/notesFixtures';

function hoverText(service: ReturnType<typeof createLanguageService>, uri: string, languageId: string, source: string): string | undefined {
  const { document, position } = documentWithCursor(uri, languageId, source);
  const hover = service.hover(document, position);
  return hover ? (hover.contents as { value: string }).value : undefined;
}

describe('language service over notes', () => {
  const service = createLanguageService({ data: miniData() });
  service.index.setText('file:///notes/queue.md', QUEUE_NOTE);
  service.index.setText('file:///notes/long.md', LONG_NOTE);

  it('hovers a service name in YAML with the official name, identities and the notes', () => {
    const text = hoverText(service, 'file:///ws/template.yaml', 'yaml', 'Resources:\n  Q:\n    # S‸QS queue\n')!;
    assert.match(text, /\*\*Amazon Simple Queue Service\*\* \(SQS\)/);
    assert.match(text, /IAM `sqs`/);
    assert.match(text, /CloudFormation `AWS::SQS::\*`/);
    assert.match(text, /From your notes/);
    assert.match(text, /queue\.md › キューまわりの学習メモ › SQS とは — \[Open section\]\(command:awsNotes\.openSection\?/);
    assert.match(text, /> - フルマネージドなメッセージキュー/);
  });

  it('ranks the section about the service first and links to its heading line', () => {
    const hits = service.index.hitsForService('sqs');
    const note = service.index.get('file:///notes/queue.md')!;
    assert.equal(note.sections[hits[0].section].heading, 'SQS とは');
    const text = hoverText(service, 'file:///ws/a.py', 'python', 'q = boto3.client("s‸qs")')!;
    const link = /command:awsNotes\.openSection\?([^)]+)\)/.exec(text)![1];
    assert.deepEqual(JSON.parse(decodeURIComponent(link)), [{ uri: 'file:///notes/queue.md', line: 2 }]);
  });

  it('points at the passage deep inside a long section', () => {
    const text = hoverText(service, 'file:///ws/x.ts', 'typescript', 'new DynamoDBCl‸ient({})')!;
    assert.match(text, /long\.md › いろいろなサービス › 雑多なメモ/);
    assert.match(text, /> DynamoDB はパーティションキーの設計が大事/);
    assert.doesNotMatch(text, /CloudWatch のダッシュボード/);
    const link = /command:awsNotes\.openSection\?([^)]+)\)/.exec(text)![1];
    assert.equal(JSON.parse(decodeURIComponent(link))[0].line, LONG_NOTE.split('\n').findIndex((l) => l.startsWith('DynamoDB')));
  });

  it('answers in Japanese when the locale is ja', () => {
    const ja = createLanguageService({ data: miniData(), locale: 'ja' });
    ja.index.setText('file:///notes/queue.md', QUEUE_NOTE);
    const text = hoverText(ja, 'file:///ws/t.tf', 'terraform', 'resource "aws_sqs_q‸ueue" "q" {}')!;
    assert.match(text, /あなたのノートから/);
    assert.match(text, /セクションを開く/);
    assert.match(text, /フルマネージドなメッセージキュー。/);
    assert.match(text, /Terraform リソース/);
  });

  it('hovers CloudFormation types with the Terraform equivalent', () => {
    const text = hoverText(service, 'file:///ws/t.yaml', 'yaml', 'Type: AWS::SQS::Q‸ueue')!;
    assert.match(text, /`aws_sqs_queue`\]\(https:\/\/registry\.terraform\.io\/providers\/hashicorp\/aws\/latest\/docs\/resources\/sqs_queue\)/);
    assert.match(text, /awscc_sqs_queue/);
    assert.match(text, /From your notes/);
  });

  it('hovers IAM actions with their description and access level', () => {
    const text = hoverText(service, 'file:///ws/p.json', 'json', '{"Action": "sqs:SendMe‸ssage"}')!;
    assert.match(text, /IAM action \(access level: Write\)/);
    assert.match(text, /Delivers a message to a queue\./);
  });

  it('gives no hover on words that are not AWS names', () => {
    assert.equal(hoverText(service, 'file:///ws/a.py', 'python', 'con‸fig = load()'), undefined);
    assert.equal(hoverText(service, 'file:///ws/a.py', 'python', 'table.Batch‸GetItem()'), undefined);
    assert.equal(hoverText(service, 'file:///ws/a.py', 'python', 'for r in event["Rec‸ords"]:'), undefined);
  });

  it('hovers names inside the notes themselves, but not ordinary words in their code blocks', () => {
    const note = '# メモ\n\nSQSに入れる\n\n```python\ncfg = Config(retries=3)\n```\n';
    service.index.setText('file:///notes/own.md', note);
    const doc = TextDocument.create('file:///notes/own.md', 'markdown', 1, note);
    assert.ok(service.hover(doc, doc.positionAt(note.indexOf('SQS') + 1)));
    assert.equal(service.hover(doc, doc.positionAt(note.indexOf('Config') + 2)), null);
    service.index.remove('file:///notes/own.md');
  });

  it('goes to the sections about a service, best first', () => {
    const { document, position } = documentWithCursor('file:///ws/t.yaml', 'yaml', 'Type: AWS::SQS::Qu‸eue');
    const locations = service.definition(document, position);
    assert.ok(locations.length >= 2);
    assert.equal(locations[0].uri, 'file:///notes/queue.md');
    assert.deepEqual(locations[0].range.start, { line: 2, character: 0 });
  });

  it('finds every mention as references', () => {
    const { document, position } = documentWithCursor('file:///ws/t.py', 'python', '# S‸QS');
    const refs = service.references(document, position);
    const queueRefs = refs.filter((r) => r.uri === 'file:///notes/queue.md');
    // heading, prose x2, IAM action in the code block, IAM action in the table, table row
    assert.ok(queueRefs.length >= 5, `got ${queueRefs.length}`);
  });

  it('searches headings fuzzily, with NFKC and Japanese substrings', () => {
    assert.equal(service.workspaceSymbols('可視性')[0].name, '可視性タイムアウト');
    assert.equal(service.workspaceSymbols('ＳＱＳとは')[0].name, 'SQS とは');
    assert.equal(service.workspaceSymbols('lmbsqs')[0].name, 'Lambda と SQS の組み合わせ');
    assert.equal(service.workspaceSymbols('zzzz').length, 0);
    assert.equal(service.workspaceSymbols('雑多')[0].containerName, 'long.md › いろいろなサービス');
  });

  it('gives a hierarchical outline of a note', () => {
    const doc = TextDocument.create('file:///notes/queue.md', 'markdown', 1, QUEUE_NOTE);
    const [root] = service.documentSymbols(doc);
    assert.equal(root.name, 'キューまわりの学習メモ');
    assert.deepEqual(root.children!.map((c) => c.name), ['SQS とは', 'Lambda と SQS の組み合わせ', '料金のメモ']);
    assert.deepEqual(root.children![0].children!.map((c) => c.name), ['可視性タイムアウト']);
  });

  it('renders hostile note content as text: no command/javascript links, no HTML, no remote images', () => {
    const hostile = createLanguageService({ data: miniData() });
    hostile.index.setText('file:///notes/hostile.md', HOSTILE_NOTE);
    const text = hoverText(hostile, 'file:///ws/a.yaml', 'yaml', '# S‸QS')!;
    const commandLinks = text.match(/\]\(command:[^)]*\)/g) ?? [];
    assert.ok(commandLinks.every((l) => l.startsWith('](command:awsNotes.openSection?')), text);
    assert.doesNotMatch(text, /javascript:/);
    assert.doesNotMatch(text, /(?<!\\)<img/); // escaped as text (\\< or &lt;), never raw HTML
    assert.doesNotMatch(text, /!\[/);
    assert.doesNotMatch(text, /workbench\.action/);
    assert.match(text, /\[SQS docs\]\(https:\/\/docs\.aws\.amazon\.com\/sqs\/\)/);
  });

  it('re-indexes one file and drops a removed one', () => {
    const s = createLanguageService({ data: miniData() });
    s.index.setText('file:///n/a.md', '# Lambda メモ\n');
    assert.equal(s.index.hitsForService('lambda').length, 1);
    s.index.setText('file:///n/a.md', '# 別の話\n');
    assert.equal(s.index.hitsForService('lambda').length, 0);
    s.index.setText('file:///n/b.md', '## Lambda とは\n');
    assert.equal(s.index.remove('file:///n/b.md'), true);
    assert.equal(s.index.hitsForService('lambda').length, 0);
  });
});

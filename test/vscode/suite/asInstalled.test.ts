// Issue 17: the extension as a user has it — the packaged .vsix installed into a fresh profile (run-offline.mjs
// by default), default settings, VS Code's built-in extensions enabled. The built-in Markdown extension answers
// heading symbols too; no heading may be listed twice (Outline, breadcrumbs and Go to Symbol in Editor use
// document symbols; Ctrl+T uses workspace symbols), and what only our server finds must still be found.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { AwsNotesApi } from '../../../client/src/extension';
import { EXTENSION_ID, activateExtension, headingLine, until, wsUri } from './helpers';

const NOTES = ['notes/messaging/sqs-lambda.md', 'notes/database/dynamodb.md', 'notes/s3-iam.md', 'notes/compute/lambda-tuning.md'];

type AnySymbol = vscode.DocumentSymbol | vscode.SymbolInformation;
const lineOf = (s: AnySymbol) => ('range' in s && !('location' in s) ? s.range : (s as vscode.SymbolInformation).location.range).start.line;

function flatten(symbols: AnySymbol[]): AnySymbol[] {
  return symbols.flatMap((s) => [s, ...flatten('children' in s ? s.children : [])]);
}

/** Keys seen more than once. */
function repeated(keys: string[]): string[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
}

const documentSymbols = async (uri: vscode.Uri) => flatten((await vscode.commands.executeCommand<AnySymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? []);
const workspaceSymbols = async (q: string) => (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', q)) ?? [];
const describe_ = (syms: vscode.SymbolInformation[]) => syms.map((s) => `${s.name} @${path.basename(s.location.uri.path)}:${s.location.range.start.line}`).join(' | ');

describe('As installed, with default settings (issue 17)', function () {
  this.timeout(90000);
  let api: AwsNotesApi;

  before(async () => {
    await activateExtension();
    api = vscode.extensions.getExtension<AwsNotesApi>(EXTENSION_ID)!.exports;
    await api.indexed();
  });

  it('runs the extension installed from the .vsix (when the harness installed one), next to the built-in Markdown extension', () => {
    const installedIn = process.env.AWS_NOTES_TEST_INSTALLED;
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    if (installedIn) assert.ok(ext.extensionPath.startsWith(installedIn), `${ext.extensionPath} is not under ${installedIn}`);
    assert.ok(vscode.extensions.getExtension('vscode.markdown-language-features'), 'the built-in Markdown extension is disabled: not the default settings');
  });

  it('document symbols (Outline, breadcrumbs, Go to Symbol in Editor): every heading of every note exactly once', async () => {
    for (const rel of NOTES) {
      const doc = await vscode.workspace.openTextDocument(wsUri(rel));
      // The built-in Markdown language server answers once it has started: wait for the first heading.
      const syms = await until(() => documentSymbols(doc.uri), (s) => s.length > 0, 30000);
      const lines = syms.map((s) => String(lineOf(s)));
      assert.deepStrictEqual(repeated(lines), [], `${rel}: headings listed twice: ${syms.map((s) => `${s.name}@${lineOf(s)}`).join(' | ')}`);
      const headings = doc.getText().split('\n').filter((l) => /^#{1,6}\s/.test(l)).length;
      assert.ok(syms.length >= 1 && syms.length <= headings, `${rel}: ${syms.length} symbols for at most ${headings} heading lines`);
    }
  });

  it('document symbols of a CloudFormation template (only ours) are there, once each', async () => {
    const doc = await vscode.workspace.openTextDocument(wsUri('infra/template.yaml'));
    const syms = await until(() => documentSymbols(doc.uri), (s) => s.length > 0, 30000);
    assert.ok(syms.some((s) => s.name.includes('OrdersQueue')), syms.map((s) => s.name).join(' | '));
    assert.deepStrictEqual(repeated(syms.map((s) => `${s.name}@${lineOf(s)}`)), []);
  });

  it('workspace symbols (Ctrl+T): no heading twice, whatever the query', async () => {
    const sqsNote = await vscode.workspace.openTextDocument(wsUri(NOTES[0]));
    const visibility = headingLine(sqsNote, '可視性タイムアウトの決め方');
    const first = await until(() => workspaceSymbols('可視性'), (s) => s.some((x) => x.location.range.start.line === visibility), 30000);
    assert.ok(first.some((s) => s.location.uri.path.endsWith(NOTES[0]) && s.location.range.start.line === visibility), describe_(first));
    for (const q of ['可視性', 'dlq', 'SQS', 'lambda', 'パーティション', 'FIFOキュ', '#', 'a']) {
      const syms = await workspaceSymbols(q);
      const keys = syms.map((s) => `${s.location.uri.toString()}#${s.location.range.start.line}`);
      assert.deepStrictEqual(repeated(keys), [], `"${q}": ${describe_(syms)}`);
    }
  });

  it('workspace symbols: what only our server finds is still found (full-width ＳＱＳ, with the note › heading container)', async () => {
    const syms = await workspaceSymbols('ＳＱＳ');
    const hit = syms.find((s) => s.name.includes('SQS と Lambda でつくる非同期処理'));
    assert.ok(hit, describe_(syms));
    assert.match(hit!.containerName, /sqs-lambda\.md/);
    const keys = syms.map((s) => `${s.location.uri.toString()}#${s.location.range.start.line}`);
    assert.deepStrictEqual(repeated(keys), [], describe_(syms));
  });

  it('one status item: the crawl progress ("indexing N of M") is shown in it, then the counts', async () => {
    // vscode-languageclient would show the same progress as a second status entry (one "progress part" per token):
    // sampled all along the re-index, it never has one.
    const client = api.client() as unknown as { _features: { activeParts?: Set<unknown> }[] };
    const builtinProgress = client._features.find((f) => f.activeParts instanceof Set);
    assert.ok(builtinProgress, 'the language client has no progress feature to compare with');
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(builtinProgress!.activeParts!.size), 1);
    try {
      await vscode.commands.executeCommand('awsNotes.reindex');
    } finally {
      clearInterval(sampler);
    }
    assert.ok(samples.length > 0 && Math.max(...samples) === 0, `language client progress parts while indexing: ${samples.join(',')}`);
    const history = api.statusHistory();
    const progress = history.filter((h) => /indexing \d+ of \d+/.test(h));
    assert.ok(progress.length > 0, `no progress in the status item: ${history.join(' → ')}`);
    assert.match(history[history.length - 1], /^\$\(book\) \d+ notes · \d+ sections$/);
  });
});

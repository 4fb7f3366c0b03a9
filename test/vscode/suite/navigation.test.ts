// From code to notes: definition, workspace/document symbols and the openSection command.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, headingLine, hoverText, hoverUntil, open, positionOf, sectionLinks, target, until, wsUri,
} from './helpers';

const SQS_NOTE = 'notes/messaging/sqs-lambda.md';
const DDB_NOTE = 'notes/database/dynamodb.md';
const LONG_NOTE = 'notes/compute/lambda-tuning.md';

async function definitions(uri: vscode.Uri, pos: vscode.Position) {
  const r = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, pos);
  return (r ?? []).map(target);
}

async function workspaceSymbols(query: string) {
  return (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query)) ?? [];
}

function describeSymbols(s: vscode.SymbolInformation[]) {
  return JSON.stringify(s.map((x) => `${x.name} @ ${vscode.workspace.asRelativePath(x.location.uri)}:${x.location.range.start.line}`));
}

describe('Navigation from code to notes', function () {
  this.timeout(90000);
  let template: vscode.TextDocument;
  let sqsNote: vscode.TextDocument;

  before(async () => {
    const api = (await activateExtension()).exports as { indexed(): Promise<unknown> };
    template = await open('infra/template.yaml');
    sqsNote = await vscode.workspace.openTextDocument(wsUri(SQS_NOTE));
    // Issue 17: the built-in Markdown extension is enabled (default settings) and answers the heading symbols of
    // Markdown files in VS Code; our client leaves those to it (asInstalled.test.ts checks nothing is listed twice).
    // Our server's own note symbols are what other editors get: test/protocol checks them over stdio.
    // server ready = it answers a hover with notes
    await hoverUntil(template.uri, positionOf(template, 'pipeline - SQS queue', 'SQS'), (t) => sectionLinks(t).length > 0, 60000);
    // Rankings are compared once the whole workspace is indexed (a hover mid-crawl answers from what is indexed so far).
    await api.indexed();
  });

  describe('definition', () => {
    it('on SQS: note sections about SQS, best first, each on its heading line or the passage inside it', async () => {
      const locs = await until(() => definitions(template.uri, positionOf(template, 'pipeline - SQS queue', 'SQS')), (l) => l.length > 0);
      assert.ok(locs.length > 0, 'no definition for SQS');
      // VS Code orders definition results by location (file, then line), so "best first" is checked over stdio
      // (test/protocol/server.test.ts); here: the section about SQS is among the targets.
      assert.ok(locs.some((l) => l.uri.path.endsWith(SQS_NOTE) && l.range.start.line === headingLine(sqsNote, 'SQS と Lambda でつくる非同期処理')),
        `the SQS note's title section should be among the targets: ${JSON.stringify(locs.map((l) => `${l.uri.path}:${l.range.start.line}`))}`);
      // Every target is a heading line, or (a passage deep in a long section) a line mentioning SQS under a heading.
      for (const l of locs) {
        const doc = await vscode.workspace.openTextDocument(l.uri);
        const text = doc.lineAt(l.range.start.line).text;
        const where = `${vscode.workspace.asRelativePath(l.uri)}:${l.range.start.line}`;
        if (/^#{1,6}\s/.test(text)) continue;
        // The passage (a paragraph, a list, a code block from its fence) names SQS within its first lines.
        const passage = Array.from({ length: Math.min(8, doc.lineCount - l.range.start.line) }, (_, i) => doc.lineAt(l.range.start.line + i).text).join('\n');
        assert.match(passage, /sqs/i, `${where} is neither a heading nor a passage about SQS`);
        assert.ok([...Array(l.range.start.line).keys()].some((i) => /^#{1,6}\s/.test(doc.lineAt(i).text)), `${where} is not under a heading`);
      }
    });

    it('on DynamoDB in Terraform: the DynamoDB note is a target', async () => {
      const tf = await open('terraform/main.tf');
      const locs = await definitions(tf.uri, positionOf(tf, '# DynamoDB table', 'DynamoDB'));
      assert.ok(locs.length > 0, 'no definition for DynamoDB');
      // (VS Code orders the results by location; the ranking's order is checked over stdio.)
      assert.ok(locs.some((l) => l.uri.path.endsWith(DDB_NOTE) && l.range.start.line === 0), `got ${locs.map((l) => `${l.uri.path}:${l.range.start.line}`).join(', ')}`);
    });

    it('on a non-AWS word: nothing', async () => {
      const py = await open('src/handler.py');
      assert.deepStrictEqual(await definitions(py.uri, positionOf(py, 'config = {', 'config')), []);
    });
  });

  describe('workspace symbols (every note heading)', () => {
    it('Japanese substring finds the heading, at its line', async () => {
      const syms = await until(() => workspaceSymbols('可視性'), (s) => s.length > 0);
      const hit = syms.find((s) => s.name.includes('可視性タイムアウトの決め方'));
      assert.ok(hit, `no symbol for 可視性タイムアウトの決め方 in ${describeSymbols(syms)}`);
      assert.ok(hit!.location.uri.path.endsWith(SQS_NOTE), hit!.location.uri.toString());
      assert.strictEqual(hit!.location.range.start.line, headingLine(sqsNote, '可視性タイムアウトの決め方'));
    });

    it('another Japanese substring in another note', async () => {
      const syms = await workspaceSymbols('パーティション');
      const hit = syms.find((s) => s.name.includes('パーティションキーの選び方'));
      assert.ok(hit, `no symbol in ${describeSymbols(syms)}`);
      assert.ok(hit!.location.uri.path.endsWith(DDB_NOTE), hit!.location.uri.toString());
    });

    it('fuzzy query matches headings at every level', async () => {
      // "dlq" -> "### デッドレターキュー (DLQ)" (level 3), "gsi" -> "### GSI を足す前に考えること"
      const dlq = await workspaceSymbols('dlq');
      assert.ok(dlq.some((s) => s.name.includes('デッドレターキュー')), describeSymbols(dlq));
      const gsi = await workspaceSymbols('GSI');
      assert.ok(gsi.some((s) => s.name.includes('GSI を足す前に考えること')), describeSymbols(gsi));
      // fuzzy: characters in order, not contiguous
      const fz = await workspaceSymbols('FIFOキュ');
      assert.ok(fz.some((s) => s.name.includes('FIFO キューを使うとき')), describeSymbols(fz));
    });

    it('headings of all three notes are symbols', async () => {
      for (const [q, file] of [['非同期処理', SQS_NOTE], ['設計メモ', DDB_NOTE], ['署名付き', 'notes/s3-iam.md']]) {
        const syms = await workspaceSymbols(q);
        assert.ok(syms.some((s) => s.location.uri.path.endsWith(file)), `${q}: ${describeSymbols(syms)}`);
      }
    });
  });

  describe('document symbols', () => {
    it('a note outlines its headings with their nesting', async () => {
      const syms = (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
        'vscode.executeDocumentSymbolProvider', sqsNote.uri)) ?? [];
      const flat: { name: string; line: number; depth: number }[] = [];
      const walk = (s: vscode.DocumentSymbol | vscode.SymbolInformation, depth: number) => {
        const range = 'range' in s ? s.range : s.location.range;
        flat.push({ name: s.name, line: range.start.line, depth });
        if ('children' in s) for (const c of s.children) walk(c, depth + 1);
      };
      syms.forEach((s) => walk(s, 0));
      const names = flat.map((f) => f.name).join(' | ');
      for (const h of ['SQS と Lambda でつくる非同期処理', '可視性タイムアウトの決め方', 'デッドレターキュー (DLQ)', 'バッチサイズと部分的な失敗', 'FIFO キューを使うとき']) {
        const s = flat.find((f) => f.name.includes(h));
        assert.ok(s, `no document symbol for "${h}" in: ${names}`);
        assert.strictEqual(s!.line, headingLine(sqsNote, h), `line of "${h}"`);
      }
      assert.ok(!flat.some((f) => /RedrivePolicy|def handler/.test(f.name)), names);
    });

    it('a `#` comment inside a code block is not a heading', async () => {
      const doc = await vscode.workspace.openTextDocument(wsUri(LONG_NOTE));
      const syms = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
      const names: string[] = [];
      const walk = (s: vscode.DocumentSymbol) => { names.push(s.name); (s.children ?? []).forEach(walk); };
      syms.forEach(walk);
      assert.ok(names.some((n) => n.includes('初期化コードの置き場所')), names.join(' | '));
      assert.ok(!names.some((n) => n.includes('ハンドラーの外')), `code comment became a symbol: ${names.join(' | ')}`);
      const ws = await workspaceSymbols('ハンドラーの外');
      assert.ok(!ws.some((s) => s.name.includes('ハンドラーの外')), describeSymbols(ws));
    });
  });

  describe('awsNotes.openSection', () => {
    afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    it('opens the note and reveals the line at the top of the editor', async () => {
      const doc = await vscode.workspace.openTextDocument(wsUri(LONG_NOTE));
      const line = headingLine(doc, '同時実行数の上限'); // mid-file in an 84-line note: it can be scrolled to the top
      await open('infra/template.yaml');
      await vscode.commands.executeCommand('awsNotes.openSection', { uri: doc.uri.toString(), line });
      const ed = await until(() => vscode.window.activeTextEditor, (e) => !!e && e.document.uri.path.endsWith(LONG_NOTE), 5000);
      assert.ok(ed && ed.document.uri.path.endsWith(LONG_NOTE), `active editor: ${ed?.document.uri.toString()}`);
      const top = await until(() => ed!.visibleRanges[0]?.start.line, (l) => l === line, 3000);
      assert.strictEqual(top, line, `line ${line} of ${doc.lineCount} should be the first visible line; visible ranges: ${JSON.stringify(ed!.visibleRanges)}`);
      assert.strictEqual(ed!.selection.active.line, line, 'cursor on the section line');
    });

    it('near the end of a note: scrolls as far as the editor allows, the line visible', async () => {
      // VS Code clamps scrolling so the last line stays at the bottom; a heading in the last screenful
      // cannot be at the top. Then the editor must be scrolled to its end with the heading visible.
      const line = headingLine(sqsNote, 'FIFO キューを使うとき');
      await open('infra/template.yaml');
      await vscode.commands.executeCommand('awsNotes.openSection', { uri: sqsNote.uri.toString(), line });
      const ed = await until(() => vscode.window.activeTextEditor, (e) => !!e && e.document.uri.path.endsWith(SQS_NOTE), 5000);
      assert.ok(ed && ed.document.uri.path.endsWith(SQS_NOTE), `active editor: ${ed?.document.uri.toString()}`);
      const atTopOrEnd = (r: readonly vscode.Range[]) => !!r[0] && (r[0].start.line === line ||
        (r[0].start.line < line && r[r.length - 1].end.line >= sqsNote.lineCount - 1 && r[0].start.line > 0));
      const ranges = await until(() => ed!.visibleRanges, atTopOrEnd, 3000);
      assert.ok(atTopOrEnd(ranges), `line ${line} of ${sqsNote.lineCount}: visible ranges ${JSON.stringify(ranges)}`);
      assert.strictEqual(ed!.selection.active.line, line, 'cursor on the section line');
    });

    it('the link from a hover opens the section it names', async () => {
      const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider',
        template.uri, positionOf(template, 'pipeline - SQS queue', 'SQS')));
      const links = sectionLinks(text);
      assert.ok(links.length > 0, `no link in hover:\n${text}`);
      const link = links[links.length - 1];
      // exactly what clicking the link does: executeCommand(id, ...JSON args)
      await vscode.commands.executeCommand('awsNotes.openSection', link);
      const ed = await until(() => vscode.window.activeTextEditor, (e) => e?.document.uri.toString() === vscode.Uri.parse(link.uri).toString(), 5000);
      assert.strictEqual(ed?.document.uri.toString(), vscode.Uri.parse(link.uri).toString());
      const n = ed!.document.lineCount;
      const ok = (r: readonly vscode.Range[]) => !!r[0] && (r[0].start.line === link.line ||
        (r[0].start.line < link.line && r[r.length - 1].end.line >= n - 1));
      const ranges = await until(() => ed!.visibleRanges, ok, 3000);
      assert.ok(ok(ranges), `line ${link.line} of ${n} should be at the top (or the editor scrolled to the end); visible ranges: ${JSON.stringify(ranges)}`);
      // (hover links may point at the passage inside a long section, not only at its heading)
      assert.strictEqual(ed!.selection.active.line, link.line, 'cursor on the linked line');
    });
  });

  describe('awsNotes.openSection with forged arguments (issue 12)', () => {
    afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

    it('opens nothing that is not an indexed note, nor a line outside one', async () => {
      const templateDoc = await open('infra/template.yaml');
      for (const args of [
        [{ uri: 'file:///etc/passwd', line: 0 }],
        { uri: 'file:///etc/passwd', line: 0 },
        [{ uri: templateDoc.uri.toString(), line: 0 }],
        [{ uri: sqsNote.uri.toString(), line: sqsNote.lineCount + 10 }],
        [{ uri: sqsNote.uri.toString(), line: -1 }],
        [{ uri: sqsNote.uri.toString() }],
        ['file:///etc/passwd'],
      ]) {
        const opened = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('awsNotes.openSection', ...(Array.isArray(args) ? args : [args]));
        assert.strictEqual(opened, undefined, JSON.stringify(args));
        assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path === '/etc/passwd'), 'the forged file was opened');
        assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), templateDoc.uri.toString(), JSON.stringify(args));
      }
    });
  });

  describe('commands', () => {
    it('openSection, reindex and searchNotes are registered', async () => {
      const all = await vscode.commands.getCommands(true);
      for (const c of ['awsNotes.openSection', 'awsNotes.reindex', 'awsNotes.searchNotes']) assert.ok(all.includes(c), `${c} missing`);
    });

    it('reindex runs and hovers still list notes afterwards', async () => {
      await vscode.commands.executeCommand('awsNotes.reindex');
      const text = await hoverUntil(template.uri, positionOf(template, 'pipeline - SQS queue', 'SQS'), (t) => sectionLinks(t).length > 0, 20000);
      assert.ok(sectionLinks(text).length > 0, `after reindex:\n${text}`);
    });
  });
});

// The VS Code experience (issue 7): palette commands, the notes explorer, CodeLens and the status item, in a
// real extension host. Quick picks are driven the way a user would: the command opens the picker, the test
// waits and "presses Enter" with workbench.action.acceptSelectedQuickOpenItem, then checks the outcome.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AwsNotesApi } from '../../../client/src/extension';
import type { ExplorerNode } from '../../../client/src/notesExplorer';
import { EXTENSION_ID, activateExtension, headingLine, hoverUntil, open, positionOf, sectionLinks, until, wsUri } from './helpers';

const SQS_NOTE = 'notes/messaging/sqs-lambda.md';

async function api(): Promise<AwsNotesApi> {
  await activateExtension();
  return vscode.extensions.getExtension<AwsNotesApi>(EXTENSION_ID)!.exports;
}

/** Resolves when the extension shows its next picker (with its items). Listens at once: call before the command. */
function pickerShown(): Promise<string> {
  const ext = vscode.extensions.getExtension<AwsNotesApi>(EXTENSION_ID)!.exports;
  return new Promise((resolve) => {
    const listener = ext.commands.onDidShowPicker((title) => {
      listener.dispose();
      resolve(title);
    });
  });
}

/** Runs a command that shows a quick pick, waits for the picker, accepts the active item, returns the command's result. */
async function runAndAccept<T>(command: string, ...args: unknown[]): Promise<T> {
  const shown = pickerShown();
  const result = vscode.commands.executeCommand<T>(command, ...args);
  // A command that needs no picker (one section only) finishes without showing one.
  if ((await Promise.race([shown, result.then(() => undefined)])) === undefined) return result;
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return result;
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

async function closeAllEditors() {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('VS Code experience: commands, explorer, CodeLens, status', function () {
  this.timeout(90000);
  let ext: AwsNotesApi;
  let template: vscode.TextDocument;

  before(async () => {
    ext = await api();
    template = await open('infra/template.yaml');
    await hoverUntil(template.uri, positionOf(template, 'pipeline - SQS queue', 'SQS'), (t) => sectionLinks(t).length > 0, 60000);
    await ext.indexed();
  });

  describe('status item', () => {
    it('shows note and section counts after indexing', async () => {
      const stats = await ext.indexed();
      assert.ok(stats.files >= 4, `files: ${stats.files}`);
      assert.strictEqual(ext.statusText(), `$(book) ${stats.files} notes · ${stats.sections} sections`);
    });
  });

  describe('commands', () => {
    it('are all registered', async () => {
      const all = await vscode.commands.getCommands(true);
      for (const c of ['awsNotes.searchNotes', 'awsNotes.openNotesForService', 'awsNotes.showEquivalents', 'awsNotes.convertToTerraform',
        'awsNotes.reindex', 'awsNotes.openSection', 'awsNotes.showLog', 'awsNotes.filterExplorer', 'awsNotes.clearExplorerFilter']) {
        assert.ok(all.includes(c), `${c} is not registered`);
      }
    });

    it('Search Notes: fuzzy, full-width and Japanese queries, breadcrumb as detail', async () => {
      const items = await ext.commands.searchItems('可視性');
      assert.strictEqual(items[0]?.label, '可視性タイムアウトの決め方', JSON.stringify(items.slice(0, 3)));
      // The breadcrumb, then (content matches) the line that matched.
      assert.ok(items[0].detail?.startsWith('sqs-lambda.md › SQS と Lambda でつくる非同期処理 › 可視性タイムアウトの決め方'), items[0].detail);
      const wide = await ext.commands.searchItems('ＤＬＱ');
      assert.ok(wide.some((i) => i.label === 'デッドレターキュー (DLQ)'), JSON.stringify(wide.map((i) => i.label)));
      const fuzzy = await ext.commands.searchItems('ddb設計');
      assert.ok(fuzzy.some((i) => i.label === 'DynamoDB 設計メモ'), JSON.stringify(fuzzy.map((i) => i.label)));
      const all = await ext.commands.searchItems('');
      assert.ok(all.length >= 10, `only ${all.length} headings`);
      assert.ok(all.some((i) => i.description && /SQS|Lambda|DynamoDB|S3|IAM/.test(i.description)), 'no heading shows its services');
    });

    it('Search Notes: Enter opens the section at its heading line', async () => {
      await closeAllEditors();
      const editor = await runAndAccept<vscode.TextEditor | undefined>('awsNotes.searchNotes', '可視性');
      assert.ok(editor, 'no editor opened');
      assert.ok(editor!.document.uri.path.endsWith(SQS_NOTE), editor!.document.uri.toString());
      assert.strictEqual(editor!.selection.active.line, headingLine(editor!.document, '可視性タイムアウトの決め方'));
    });

    it('Open Notes for Service: the service given (as CodeLens does) lists its sections; Enter opens the best', async () => {
      const sections = await ext.commands['model'].sectionsForService('sqs');
      assert.ok(sections.length > 1, `sqs sections: ${sections.length}`);
      await closeAllEditors();
      const editor = await runAndAccept<vscode.TextEditor | undefined>('awsNotes.openNotesForService', { serviceId: 'sqs' });
      assert.ok(editor, 'no editor opened');
      assert.strictEqual(editor!.document.uri.toString(), sections[0].uri);
      assert.strictEqual(editor!.selection.active.line, sections[0].line);
    });

    it('Open Notes for Service: without a service, the first picker lists the services of the notes', async () => {
      await closeAllEditors();
      const services = await ext.commands['model'].servicesInNotes();
      assert.ok(services.some((s) => s.serviceId === 'sqs') && services.some((s) => s.serviceId === 'dynamodb'), JSON.stringify(services));
      const shown = pickerShown();
      const done = vscode.commands.executeCommand('awsNotes.openNotesForService');
      assert.strictEqual(await shown, 'Open Notes for Service');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.strictEqual(await done, undefined);
    });

    it('Show Equivalents at Cursor: on AWS::SQS::Queue lists aws_sqs_queue; Enter copies the first name', async () => {
      template = await open('infra/template.yaml');
      const pos = positionOf(template, 'Type: AWS::SQS::Queue', 'Queue');
      const answer = await ext.commands.equivalents({ uri: template.uri.toString(), position: { line: pos.line, character: pos.character } });
      assert.ok(answer, 'no equivalents');
      const values = answer!.equivalents.map((e) => e.value);
      assert.ok(values.includes('aws_sqs_queue'), values.join(', '));
      assert.strictEqual(answer!.serviceId, 'sqs');
      const items = ext.commands.equivalentItems(answer!);
      assert.ok(items.filter((i) => i.url).every((i) => /documentation|ドキュメント/.test(i.detail ?? '')), 'linked items say what the button does');
      await vscode.env.clipboard.writeText('');
      const editor = await vscode.window.showTextDocument(template);
      editor.selection = new vscode.Selection(pos, pos);
      const copied = await runAndAccept<string | undefined>('awsNotes.showEquivalents');
      assert.strictEqual(copied, answer!.equivalents[0].value);
      assert.strictEqual(await vscode.env.clipboard.readText(), copied);
    });

    it('Convert to Terraform: the resource under the cursor opens beside the template', async () => {
      await closeAllEditors();
      template = await open('infra/template.yaml');
      const editor = vscode.window.activeTextEditor!;
      const pos = positionOf(template, 'VisibilityTimeout: 180', 'VisibilityTimeout');
      editor.selection = new vscode.Selection(pos, pos);
      const outcome = await vscode.commands.executeCommand<{ result: { hcl: string; todos: string[]; resource?: string }; document?: vscode.TextDocument }>('awsNotes.convertToTerraform');
      assert.ok(outcome?.document, `no document: ${JSON.stringify(outcome?.result)}`);
      assert.strictEqual(outcome!.result.resource, 'OrdersQueue');
      assert.ok(outcome!.document!.isUntitled);
      assert.match(outcome!.document!.uri.path, /\/infra\/OrdersQueue(-\d+)?\.tf$/);
      assert.ok(['terraform', 'hcl', 'plaintext'].includes(outcome!.document!.languageId), outcome!.document!.languageId);
      const text = outcome!.document!.getText();
      assert.match(text, /resource "aws_sqs_queue" "orders_?queue"/i);
      assert.ok(!text.includes('aws_lambda_function'), 'only the resource under the cursor');
      const shown = vscode.window.visibleTextEditors.find((e) => e.document === outcome!.document);
      assert.ok(shown && shown.viewColumn !== undefined && shown.viewColumn > 1, `not beside: column ${shown?.viewColumn}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('Convert to Terraform: outside any resource, the whole template', async () => {
      await closeAllEditors();
      template = await open('infra/template.yaml');
      vscode.window.activeTextEditor!.selection = new vscode.Selection(0, 0, 0, 0);
      const outcome = await vscode.commands.executeCommand<{ result: { hcl: string; resource?: string }; document?: vscode.TextDocument }>('awsNotes.convertToTerraform');
      assert.strictEqual(outcome?.result.resource, undefined);
      const text = outcome!.document!.getText();
      assert.match(text, /resource "aws_sqs_queue"/);
      assert.match(text, /resource "aws_lambda_function"/);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('Reindex Notes returns the counts', async () => {
      const stats = await vscode.commands.executeCommand<{ files: number; sections: number }>('awsNotes.reindex');
      assert.ok(stats && stats.files >= 4 && stats.sections >= 10, JSON.stringify(stats));
      await until(() => ext.statusText(), (t) => t.startsWith('$(book)'), 10000);
      assert.match(ext.statusText(), /^\$\(book\) \d+ notes · \d+ sections$/);
    });

    it('Open Section is hidden from the palette but opens a line', async () => {
      const uri = wsUri(SQS_NOTE).toString();
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('awsNotes.openSection', [{ uri, line: 5 }]);
      assert.strictEqual(editor.selection.active.line, 5);
    });
  });

  describe('notes explorer', () => {
    const labels = (nodes: ExplorerNode[]) => nodes.map((n) => labelOf(ext.explorer.treeItem(n)));

    afterEach(() => ext.explorer.setFilter(''));

    it('can be focused', async () => {
      await vscode.commands.executeCommand('awsNotes.notesExplorer.focus');
    });

    it('has two roots: By service and By file', async () => {
      const roots = await ext.explorer.children();
      assert.deepStrictEqual(labels(roots), ['By service', 'By file']);
    });

    it('By service: services with section counts, each section opens its note', async () => {
      const [byService] = await ext.explorer.children();
      const services = await ext.explorer.children(byService);
      const sqs = services.find((n) => n.kind === 'service' && n.service.serviceId === 'sqs');
      assert.ok(sqs, `services: ${labels(services).join(', ')}`);
      const item = ext.explorer.treeItem(sqs!);
      assert.match(String(item.description), /^\d+ sections?$/);
      const sections = await ext.explorer.children(sqs!);
      assert.ok(sections.length > 1);
      const first = ext.explorer.treeItem(sections[0]);
      assert.strictEqual(first.command?.command, 'awsNotes.openSection');
      const [args] = first.command!.arguments as [{ uri: string; line: number }];
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>(first.command!.command, ...first.command!.arguments!);
      assert.strictEqual(editor.document.uri.toString(), args.uri);
      assert.strictEqual(editor.selection.active.line, args.line);
    });

    it('By file: note files with their headings nested by level', async () => {
      const [, byFile] = await ext.explorer.children();
      const files = await ext.explorer.children(byFile);
      assert.ok(labels(files).includes('sqs-lambda.md'), labels(files).join(', '));
      const sqsFile = files.find((f) => labelOf(ext.explorer.treeItem(f)) === 'sqs-lambda.md')!;
      const top = await ext.explorer.children(sqsFile);
      assert.deepStrictEqual(labels(top), ['SQS と Lambda でつくる非同期処理']);
      const h2 = await ext.explorer.children(top[0]);
      assert.deepStrictEqual(labels(h2), ['可視性タイムアウトの決め方', 'バッチサイズと部分的な失敗', 'FIFO キューを使うとき']);
      const h3 = await ext.explorer.children(h2[0]);
      assert.deepStrictEqual(labels(h3), ['デッドレターキュー (DLQ)']);
      const item = ext.explorer.treeItem(h3[0]);
      const doc = await vscode.workspace.openTextDocument(wsUri(SQS_NOTE));
      assert.deepStrictEqual(item.command?.arguments, [{ uri: doc.uri.toString(), line: headingLine(doc, 'デッドレターキュー') }]);
    });

    it('the filter (full-width, any case) narrows files and headings, keeping the path to a match', async () => {
      await vscode.commands.executeCommand('awsNotes.filterExplorer', 'ｄｌｑ');
      const [byService, byFile] = await ext.explorer.children();
      const files = await ext.explorer.children(byFile);
      assert.deepStrictEqual(labels(files), ['sqs-lambda.md']);
      const top = await ext.explorer.children(files[0]);
      const h2 = await ext.explorer.children(top[0]);
      assert.deepStrictEqual(labels(h2), ['可視性タイムアウトの決め方']);
      assert.deepStrictEqual(labels(await ext.explorer.children(h2[0])), ['デッドレターキュー (DLQ)']);
      assert.strictEqual(ext.explorer.treeItem(files[0]).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      // services: only those with a matching section
      for (const s of await ext.explorer.children(byService)) {
        const secs = labels(await ext.explorer.children(s));
        assert.ok(secs.length > 0 && secs.every((l) => /dlq/i.test(l) || l.includes('デッドレター')), `${labelOf(ext.explorer.treeItem(s))}: ${secs.join(', ')}`);
      }
    });

    it('filtering on a service name keeps all its sections; clearing restores everything', async () => {
      await vscode.commands.executeCommand('awsNotes.filterExplorer', 'dynamodb');
      const [byService] = await ext.explorer.children();
      const services = await ext.explorer.children(byService);
      const ddb = services.find((n) => n.kind === 'service' && n.service.serviceId === 'dynamodb');
      assert.ok(ddb, labels(services).join(', '));
      const unfiltered = await ext.commands['model'].sectionsForService('dynamodb');
      assert.strictEqual((await ext.explorer.children(ddb!)).length, unfiltered.length);
      await vscode.commands.executeCommand('awsNotes.clearExplorerFilter');
      const [, byFile] = await ext.explorer.children();
      assert.ok((await ext.explorer.children(byFile)).length >= 4);
    });
  });

  describe('CodeLens', () => {
    const lenses = async (uri: vscode.Uri) => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    const ours = (l: vscode.CodeLens[]) => l.filter((x) => x.command?.command.startsWith('awsNotes.'));

    it('above CloudFormation resources: notes count and the Terraform type', async () => {
      const list = ours(await until(() => lenses(template.uri), (l) => ours(l).length > 0, 15000));
      const queueLine = positionOf(template, 'OrdersQueue:', 'OrdersQueue').line;
      const atQueue = list.filter((l) => l.range.start.line === queueLine);
      const titles = atQueue.map((l) => l.command!.title);
      assert.ok(titles.includes('⇄ aws_sqs_queue'), titles.join(' | '));
      const notes = atQueue.find((l) => l.command!.command === 'awsNotes.openNotesForService');
      assert.ok(notes, titles.join(' | '));
      // "N note sections": what a hover on the type counts and Go to Definition lists (issue 13).
      assert.match(notes!.command!.title, /^\d+ note sections?$/);
      assert.deepStrictEqual(notes!.command!.arguments, [{ serviceId: 'sqs', type: 'AWS::SQS::Queue' }]);
      const typePos = positionOf(template, 'AWS::SQS::Queue', 'SQS::Queue');
      const defs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', template.uri, typePos);
      assert.equal(Number(/^(\d+)/.exec(notes!.command!.title)![1]), defs.length, 'CodeLens count = Go to Definition count');
      const eq = atQueue.find((l) => l.command!.command === 'awsNotes.showEquivalents')!;
      const [args] = eq.command!.arguments as [{ uri: string; position: { line: number; character: number } }];
      const answer = await ext.commands.equivalents(args);
      assert.ok(answer?.equivalents.some((e) => e.value === 'aws_sqs_queue'), JSON.stringify(answer));
    });

    it('above Terraform resource blocks: the CloudFormation type', async () => {
      const tf = await open('terraform/main.tf');
      const list = ours(await until(() => lenses(tf.uri), (l) => ours(l).length > 0, 15000));
      const titles = list.map((l) => l.command!.title);
      assert.ok(titles.includes('⇄ AWS::SQS::Queue'), titles.join(' | '));
      assert.ok(titles.includes('⇄ AWS::DynamoDB::Table'), titles.join(' | '));
    });

    it('awsNotes.codeLens.enabled = false turns them off', async () => {
      const cfg = vscode.workspace.getConfiguration('awsNotes');
      await cfg.update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
      try {
        const list = await until(() => lenses(template.uri), (l) => ours(l).length === 0, 10000);
        assert.strictEqual(ours(list).length, 0);
      } finally {
        await cfg.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      }
      const back = await until(() => lenses(template.uri), (l) => ours(l).length > 0, 10000);
      assert.ok(ours(back).length > 0);
    });
  });
});

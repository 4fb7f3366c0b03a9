// Issue 17: CloudFormation/SAM snippets only in templates (never in workflows, docker-compose or Kubernetes YAML),
// and completion rows whose label our detail cannot truncate.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, until, wsUri } from './helpers';

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

async function completions(uri: vscode.Uri, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
  return (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos))?.items ?? [];
}

/** Writes a file into the workspace, opens it, returns completions at the end of line `line`. */
async function completionsIn(rel: string, text: string, line: number): Promise<vscode.CompletionItem[]> {
  const uri = wsUri(rel);
  fs.mkdirSync(vscode.Uri.joinPath(uri, '..').fsPath, { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return completions(uri, new vscode.Position(line, doc.lineAt(line).text.length));
}

const snippetPrefixes = (items: vscode.CompletionItem[]) =>
  items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && /^(cfn|sam)-/.test(labelOf(i))).map(labelOf);

describe('Completion rows and template snippets (issue 17)', function () {
  this.timeout(90000);
  before(() => activateExtension());
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const rel of ['infra/snippets-template.yaml', '.github', 'docker-compose.yml', 'k8s']) fs.rmSync(wsUri(rel).fsPath, { recursive: true, force: true });
  });

  it('a CloudFormation template offers the CloudFormation snippets; the snippet inserts its body', async () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  \n';
    const items = await until(() => completionsIn('infra/snippets-template.yaml', text, 2), (i) => snippetPrefixes(i).length > 0, 30000);
    const prefixes = snippetPrefixes(items);
    assert.ok(prefixes.includes('cfn-sqs-queue'), prefixes.join(', '));
    assert.ok(prefixes.includes('sam-pattern-sqs-lambda-worker'), prefixes.join(', '));
    const queue = items.find((i) => labelOf(i) === 'cfn-sqs-queue')!;
    assert.match((queue.insertText as vscode.SnippetString).value, /Type: AWS::SQS::Queue/);
  });

  it('a GitHub workflow, a docker-compose file and a Kubernetes manifest get no CloudFormation snippet', async () => {
    const cases: [string, string, number][] = [
      ['.github/workflows/ci.yml', 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    \n', 5],
      ['docker-compose.yml', 'services:\n  web:\n    image: nginx\n  \n', 3],
      ['k8s/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n\n', 4],
    ];
    for (const [rel, text, line] of cases) {
      const items = await completionsIn(rel, text, line);
      assert.deepStrictEqual(snippetPrefixes(items), [], rel);
    }
  });

  it('rows keep the whole label: our detail is a short description beside it, never a long one', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'Resources:\n  Q:\n    Type: AWS::SQS::\n' });
    await vscode.window.showTextDocument(doc);
    const items = await until(() => completions(doc.uri, new vscode.Position(2, '    Type: AWS::SQS::'.length)),
      (i) => i.some((x) => /Queue$/.test(labelOf(x))), 30000);
    const ours = items.filter((i) => /^(AWS::SQS::)?Queue(Policy)?$/.test(labelOf(i)));
    assert.ok(ours.length >= 2, items.map(labelOf).slice(0, 30).join(', '));
    for (const item of items.filter((i) => i.kind !== vscode.CompletionItemKind.Text && i.kind !== vscode.CompletionItemKind.Snippet)) {
      assert.strictEqual(typeof item.label, 'object', `${labelOf(item)}: a plain label shows its detail at the right of the row`);
      const description = (item.label as vscode.CompletionItemLabel).description ?? '';
      assert.ok(description.length <= 40, `${labelOf(item)}: "${description}"`);
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

// Features that landed after the first version: CloudFormation <-> Terraform equivalents in hovers,
// completion of CloudFormation types, the notes tree view, CodeLens, the conversion commands, and
// settings re-read on configuration change (notes.exclude, hover.maxSections).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverUntil, open, positionOf, sectionLinks, until } from './helpers';

describe('Equivalents, completion, explorer, CodeLens, settings', function () {
  this.timeout(90000);
  let template: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    template = await open('infra/template.yaml');
    await hoverUntil(template.uri, positionOf(template, 'pipeline - SQS queue', 'SQS'), (t) => sectionLinks(t).length > 0, 60000);
  });

  it('hover on AWS::SQS::Queue shows the Terraform equivalent aws_sqs_queue', async () => {
    const text = await hoverUntil(template.uri, positionOf(template, 'Type: AWS::SQS::Queue', 'Queue'), (t) => t.includes('aws_sqs_queue'), 10000);
    assert.ok(text.includes('aws_sqs_queue'), `hover:\n${text}`);
    assert.ok(text.includes('Amazon Simple Queue Service') || text.includes('SQS'), `hover:\n${text}`);
  });

  it('hover on AWS::Lambda::Function shows aws_lambda_function', async () => {
    const text = await hoverUntil(template.uri, positionOf(template, 'Type: AWS::Lambda::Function', 'Function'), (t) => t.includes('aws_lambda_function'), 10000);
    assert.ok(text.includes('aws_lambda_function'), `hover:\n${text}`);
  });

  it('hover on aws_sqs_queue in Terraform shows AWS::SQS::Queue', async () => {
    const tf = await open('terraform/main.tf');
    const text = await hoverUntil(tf.uri, positionOf(tf, 'resource "aws_sqs_queue" "orders"', 'aws_sqs_queue'), (t) => t.includes('AWS::SQS::Queue'), 10000);
    assert.ok(text.includes('AWS::SQS::Queue'), `hover:\n${text}`);
  });

  it('completion after `Type: AWS::SQS::` offers Queue and QueuePolicy', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'Resources:\n  Q:\n    Type: AWS::SQS::\n' });
    await vscode.window.showTextDocument(doc);
    const pos = new vscode.Position(2, '    Type: AWS::SQS::'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    const labels = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.some((l) => /(^|::)Queue$/.test(l)), `labels: ${labels.slice(0, 50).join(', ')}`);
    assert.ok(labels.some((l) => /(^|::)QueuePolicy$/.test(l)), `labels: ${labels.slice(0, 50).join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('commands convertToTerraform and showEquivalents are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['awsNotes.convertToTerraform', 'awsNotes.showEquivalents']) assert.ok(all.includes(c), `${c} missing`);
  });

  it('the notes tree view awsNotes.notesExplorer can be focused', async () => {
    // every contributed view gets a `<viewId>.focus` command
    await vscode.commands.executeCommand('awsNotes.notesExplorer.focus');
  });

  it('CodeLens on a CloudFormation resource', async () => {
    const lenses = await until(async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider', template.uri)) ?? [], (l) => l.length > 0, 10000);
    assert.ok(lenses.length > 0, 'no CodeLens in template.yaml');
  });

  it('notes.exclude removes notes from hovers (re-read on configuration change)', async () => {
    const cfg = vscode.workspace.getConfiguration('awsNotes');
    await cfg.update('notes.exclude', ['**/node_modules/**', '**/.git/**', '**/database/**'], vscode.ConfigurationTarget.Workspace);
    try {
      const tf = await open('terraform/main.tf');
      const text = await hoverUntil(tf.uri, positionOf(tf, '# DynamoDB table', 'DynamoDB'),
        (t) => t.includes('Amazon DynamoDB') && !t.includes('dynamodb.md'), 10000);
      assert.ok(!sectionLinks(text).some((l) => l.uri.endsWith('/dynamodb.md')), `excluded note still listed:\n${text}`);
    } finally {
      await cfg.update('notes.exclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('hover.maxSections = 1 limits the hover to one section', async () => {
    const cfg = vscode.workspace.getConfiguration('awsNotes');
    await cfg.update('hover.maxSections', 1, vscode.ConfigurationTarget.Workspace);
    try {
      const pos = positionOf(template, 'pipeline - SQS queue', 'SQS');
      const text = await hoverUntil(template.uri, pos, (t) => sectionLinks(t).length === 1, 10000);
      assert.strictEqual(sectionLinks(text).length, 1, `hover:\n${text}`);
    } finally {
      await cfg.update('hover.maxSections', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

});

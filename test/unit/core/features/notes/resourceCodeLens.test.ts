import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resourceCodeLensProvider } from '../../../../../server/src/core/features/notes/resourceCodeLens';
import { createLanguageService } from '../../../../../server/src/core/languageService';
import { miniData } from '../../../../helpers/miniData';
import { QUEUE_NOTE } from '../../../../helpers/notesFixtures';

function lensesOf(service: ReturnType<typeof createLanguageService>, uri: string, languageId: string, text: string) {
  return service.codeLenses(TextDocument.create(uri, languageId, 1, text)).map((l) => ({
    line: l.range.start.line, title: l.command!.title, command: l.command!.command, args: l.command!.arguments,
  }));
}

describe('resource CodeLens provider', () => {
  const service = createLanguageService({ data: miniData(), providers: [resourceCodeLensProvider] });
  service.index.setText('file:///notes/queue.md', QUEUE_NOTE);
  // The lens counts what a hover on the type counts and Go to Definition lists (one ranking).
  const typeDoc = TextDocument.create('file:///ws/probe.yaml', 'yaml', 1, 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n');
  const sqsCount = service.definition(typeDoc, { line: 2, character: 14 }).length;

  it('CloudFormation: notes count and the Terraform equivalent above each resource', () => {
    const yaml = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Jobs:\n    Type: AWS::SQS::Queue\n  Fn:\n    Type: AWS::Lambda::Function\n';
    const lenses = lensesOf(service, 'file:///ws/template.yaml', 'yaml', yaml);
    assert.ok(sqsCount > 1);
    assert.deepEqual(lenses[0], { line: 2, title: `${sqsCount} note sections`, command: 'awsNotes.openNotesForService', args: [{ serviceId: 'sqs', type: 'AWS::SQS::Queue' }] });
    assert.deepEqual(lenses[1], { line: 2, title: '⇄ aws_sqs_queue', command: 'awsNotes.showEquivalents', args: [{ uri: 'file:///ws/template.yaml', position: { line: 3, character: 10 } }] });
    assert.deepEqual(lenses.slice(2).map((l) => [l.line, l.title]), [[4, '1 note section'], [4, '⇄ aws_lambda_function']]);
    // a service the notes never mention gets only the equivalent
    const ddb = lensesOf(service, 'file:///ws/t.yaml', 'yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  T:\n    Type: AWS::DynamoDB::Table\n');
    assert.deepEqual(ddb, []);
  });

  it('JSON templates too', () => {
    const json = '{\n  "Resources": {\n    "Jobs": { "Type": "AWS::SQS::Queue" }\n  }\n}\n';
    const lenses = lensesOf(service, 'file:///ws/t.json', 'json', json);
    assert.deepEqual(lenses.map((l) => [l.line, l.title]), [[2, `${sqsCount} note sections`], [2, '⇄ aws_sqs_queue']]);
  });

  it('Terraform: resource blocks get the CloudFormation type', () => {
    const tf = 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n\n  resource "aws_unknown_thing" "x" {}\ndata "aws_sqs_queue" "q" {}\n';
    const lenses = lensesOf(service, 'file:///ws/main.tf', 'terraform', tf);
    assert.deepEqual(lenses.map((l) => [l.line, l.title]), [[0, `${sqsCount} note sections`], [0, '⇄ AWS::SQS::Queue']]);
    assert.deepEqual(lenses[1].args, [{ uri: 'file:///ws/main.tf', position: { line: 0, character: 10 } }]);
  });

  it('Japanese titles', () => {
    const ja = createLanguageService({ data: miniData(), providers: [resourceCodeLensProvider], locale: 'ja' });
    ja.index.setText('file:///notes/queue.md', QUEUE_NOTE);
    const lenses = lensesOf(ja, 'file:///ws/main.tf', 'terraform', 'resource "aws_sqs_queue" "jobs" {}\n');
    assert.equal(lenses[0].title, `ノート ${sqsCount} セクション`);
  });

  it('nothing in plain YAML, Markdown or code', () => {
    assert.deepEqual(lensesOf(service, 'file:///ws/ci.yaml', 'yaml', 'jobs:\n  build:\n    Type: AWS::SQS::Queue\n'), []);
    assert.deepEqual(lensesOf(service, 'file:///ws/a.py', 'python', 'resource "aws_sqs_queue" "x"\n'), []);
  });
});

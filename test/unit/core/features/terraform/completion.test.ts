import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../../../server/src/core/languageService';
import { terraformProvider } from '../../../../../server/src/core/features/terraform/provider';
import { documentWithCursor } from '../../../../helpers/cursor';
import { tfTestData } from './testData';

const service = createLanguageService({ data: tfTestData(), providers: [terraformProvider] });

function complete(source: string, uri = 'file:///ws/main.tf'): { items: CompletionItem[]; list: CompletionItem[] | CompletionList; apply: (label: string) => string } {
  const { document, position } = documentWithCursor(uri, 'terraform', source);
  const list = service.completion(document, position);
  const items = Array.isArray(list) ? list : list.items;
  const apply = (label: string) => {
    const item = items.find((i) => i.label === label);
    assert.ok(item, `no item ${label} in ${items.map((i) => i.label).join(', ')}`);
    const edit = item.textEdit as TextEdit;
    const text = document.getText();
    return text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
  };
  return { items, list, apply };
}

const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);

describe('terraform: completion', () => {
  it('completes resource types inside resource "…" with fuzzy matching, replacing the whole label', () => {
    const { items, apply } = complete('resource "aws_sq‸" "jobs" {\n}\n');
    assert.equal(sorted(items)[0], 'aws_sqs_queue');
    assert.ok(items.some((i) => i.label === 'awscc_sqs_queue'), 'awscc types from the mapping');
    assert.equal(apply('aws_sqs_queue'), 'resource "aws_sqs_queue" "jobs" {\n}\n');
    const fuzzy = complete('resource "lmbfn‸"');
    assert.equal(sorted(fuzzy.items)[0], 'aws_lambda_function');
  });

  it('completes a half-typed, unterminated label at the end of the file', () => {
    const { items, apply } = complete('resource "aws_sqs_queue" "a" {}\n\nresource "aws_cloudwatch_event_r‸');
    assert.equal(sorted(items)[0], 'aws_cloudwatch_event_rule');
    assert.ok(apply('aws_cloudwatch_event_rule').endsWith('resource "aws_cloudwatch_event_rule'));
  });

  it('completes data source types inside data "…" only from data sources', () => {
    const { items } = complete('data "aws_‸" "x" {}\n');
    assert.deepEqual(items.map((i) => i.label).sort(), ['aws_iam_policy_document', 'aws_sqs_queue']);
  });

  it('resolves a type item with its documentation', () => {
    const { items } = complete('resource "aws_lambda_f‸"');
    const item = items.find((i) => i.label === 'aws_lambda_function')!;
    const resolved = service.resolveCompletion(item);
    assert.match((resolved.documentation as { value: string }).value, /SAM resources that create it: `AWS::Serverless::Function`/);
  });

  it('completes argument names, required first, skipping those already set', () => {
    const { items, apply } = complete('resource "aws_lambda_function" "f" {\n  role = "r"\n  ‸\n}\n');
    const order = sorted(items);
    assert.equal(order[0], 'function_name');
    assert.ok(!order.includes('role'), 'role is already set');
    assert.ok(order.indexOf('memory_size') < order.indexOf('vpc_config'), 'attributes before blocks');
    assert.ok(order.indexOf('vpc_config') < order.indexOf('count'), 'meta-arguments last');
    assert.equal(apply('function_name'), 'resource "aws_lambda_function" "f" {\n  role = "r"\n  function_name = $0\n}\n');
    assert.equal(apply('vpc_config'), 'resource "aws_lambda_function" "f" {\n  role = "r"\n  vpc_config {\n  $0\n}\n}\n');
    assert.ok(items.every((i) => i.insertTextFormat === 2));
  });

  it('replaces the typed prefix of an argument and hides computed ids', () => {
    const { items, apply } = complete('resource "aws_sqs_queue" "q" {\n  visib‸\n}\n');
    assert.ok(!items.some((i) => i.label === 'id' || i.label === 'tags_all'));
    assert.equal(apply('visibility_timeout_seconds'), 'resource "aws_sqs_queue" "q" {\n  visibility_timeout_seconds = $0\n}\n');
  });

  it('completes names of declared resources and their attributes in references', () => {
    const decl = 'resource "aws_sqs_queue" "jobs" {}\nresource "aws_sqs_queue" "dlq" {}\n';
    const names = complete(`${decl}output "a" {\n  value = aws_sqs_queue.‸\n}\n`);
    assert.deepEqual(names.items.map((i) => i.label).sort(), ['dlq', 'jobs']);
    const attrs = complete(`${decl}output "a" {\n  value = "\${aws_sqs_queue.jobs.u‸}"\n}\n`);
    assert.equal(sorted(attrs.items)[0], 'arn');
    assert.ok(attrs.items.some((i) => i.label === 'visibility_timeout_seconds'), 'arguments can be referenced too');
    assert.equal(attrs.apply('url'), `${decl}output "a" {\n  value = "\${aws_sqs_queue.jobs.url}"\n}\n`);
    const data = complete('output "p" {\n  value = data.aws_iam_policy_document.x.‸\n}\n');
    assert.deepEqual(data.items.map((i) => i.label), ['json']);
  });

  it('offers nothing in comments, string text, nested values or outside resource blocks', () => {
    for (const source of [
      '# resource "aws_sq‸"\n',
      'resource "aws_sqs_queue" "q" {\n  name = "aws_sqs_queue.‸"\n}\n',
      'resource "aws_sqs_queue" "q" {\n  tags = {\n    ‸\n  }\n}\n',
      'variable "x" {\n  ‸\n}\n',
      'resource "aws_lambda_function" "f" {\n  environment {\n    ‸\n  }\n}\n',
      'resource "aws_sqs_queue" "q" {\n  name = ‸\n}\n',
    ]) {
      assert.deepEqual(complete(source).items, [], source);
    }
  });
});

// CompletionList.itemDefaults (issue 16): a client that applies the defaults sees the very items the full list
// holds; a client that declares none gets every item in full.
import * as assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { compactCompletionList } from '../../../../server/src/core/present/completionDefaults';
import { createLanguageService } from '../../../../server/src/core/languageService';
import { terraformProvider } from '../../../../server/src/core/features/terraform/provider';
import { context, doc, provider, stubNotes } from '../features/cloudformation/helpers';
import { tfTestData } from '../features/terraform/testData';
import { documentWithCursor } from '../../../helpers/cursor';
import { expandItemDefaults as expand, itemMeaning as meaning } from '../../../helpers/completionList';

const ALL = new Set(['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data']);
const NONE = new Set<string>();

const cfn = provider();
const notes = stubNotes({}, [
  { lang: 'yaml', code: 'Resources:\n  Dlq:\n    Type: AWS::SQS::Queue\n', breadcrumb: 'sqs.md › DLQ', uri: 'file:///n/sqs.md', line: 3 } as never,
]);
const ctx = context({ notes });
const HEAD = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Stage:\n    Type: String\nResources:\n  JobQueue:\n    Type: AWS::SQS::Queue\n";
const cfnList = (source: string, languageId = 'yaml'): CompletionList => {
  const { document, offset } = doc(source, languageId);
  const result = cfn.completion!(document, offset, ctx);
  assert.ok(result && !Array.isArray(result), `a list at ${JSON.stringify(source)}`);
  return result;
};
const tf = createLanguageService({ data: tfTestData(), providers: [terraformProvider] });
const tfList = (source: string): CompletionList => {
  const { document, position } = documentWithCursor('file:///ws/main.tf', 'terraform', source);
  const result = tf.completion(document, position);
  // An array is a complete list (the server sends it as one to a client that applies defaults).
  return Array.isArray(result) ? { isIncomplete: false, items: result } : result;
};

const SITES: [string, () => CompletionList][] = [
  ['resource types (snippets and plain types)', () => cfnList(HEAD + '  Next:\n    Type: AWS::‸\n')],
  ['resource types with Properties present', () => cfnList(HEAD + '  Next:\n    Type: AWS::SQS::‸\n    Properties:\n      A: 1\n')],
  ['resource types after `Type:` (a space to add)', () => cfnList(HEAD + '  Next:\n    Type:‸\n')],
  ['resource types in JSON', () => cfnList('{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::‸"\n    }\n  }\n}\n', 'json')],
  ['whole resources', () => cfnList(HEAD + '  sqs‸\n')],
  ['note code blocks', () => cfnList(HEAD + '  ‸\n')],
  ['!Ref targets', () => cfnList(HEAD + '  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref ‸\n')],
  ['property names', () => cfnList(HEAD + '  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      ‸\n')],
  ['Terraform resource types', () => tfList('resource "aws_‸" "x" {}\n')],
  ['Terraform arguments', () => tfList('resource "aws_lambda_function" "f" {\n  ‸\n}\n')],
];

describe('present/completionDefaults', () => {
  for (const [name, make] of SITES) {
    it(`${name}: the same items for a client that applies every default, and for one that applies none`, () => {
      const full = make();
      assert.ok(full.items.length > 0);
      for (const supported of [ALL, NONE, new Set(['editRange']), new Set(['data', 'insertTextFormat'])]) {
        const compact = compactCompletionList(full, supported);
        for (const key of Object.keys(compact.itemDefaults ?? {})) assert.ok(supported.has(key), `${key} was not declared`);
        assert.equal(compact.isIncomplete, full.isIncomplete);
        assert.deepEqual(expand(compact).map(meaning), full.items.map(meaning), [...supported].join(','));
      }
    });
  }

  it('the resource types list: what every item shares is sent once, and the answer is much shorter', () => {
    const full = cfnList(HEAD + '  Next:\n    Type: AWS::‸\n');
    const compact = compactCompletionList(full, ALL);
    assert.ok(compact.itemDefaults?.editRange, 'one edit range');
    assert.deepEqual(compact.itemDefaults?.data, { provider: 'cloudformation', kind: 'type' });
    assert.ok(compact.items.every((i) => i.data === undefined && i.filterText === undefined));
    // Plain types insert their label: no text at all; snippets keep theirs.
    const plain = compact.items.find((i) => i.insertTextFormat === InsertTextFormat.PlainText);
    const snippet = compact.items.find((i) => i.insertTextFormat === undefined);
    assert.ok(plain && plain.textEdit === undefined && plain.textEditText === undefined, JSON.stringify(plain));
    assert.ok(snippet && /Properties:/.test(snippet.textEditText ?? ''), JSON.stringify(snippet));
    assert.ok(JSON.stringify(compact).length < 0.65 * JSON.stringify(full).length);
    // The original list is not changed (a provider may keep its items).
    assert.ok(full.items.every((i) => i.textEdit && i.data));
  });

  it('without declared defaults: no itemDefaults, every item keeps its edit and data', () => {
    const full = cfnList(HEAD + '  Next:\n    Type: AWS::‸\n');
    const compact = compactCompletionList(full, NONE);
    assert.equal(compact.itemDefaults, undefined);
    assert.ok(compact.items.every((i) => i.textEdit && i.data && i.textEditText === undefined));
  });

  it('items with another range keep their own edit; items without an edit keep the client its word range', () => {
    const range = (c: number) => ({ start: { line: 0, character: c }, end: { line: 0, character: 5 } });
    const item = (label: string, c: number): CompletionItem => ({ label, kind: CompletionItemKind.Value, textEdit: { range: range(c), newText: label } });
    const mixed = compactCompletionList({ isIncomplete: false, items: [item('a', 1), item('b', 1), item('c', 2)] }, ALL);
    assert.deepEqual(mixed.itemDefaults?.editRange, range(1));
    assert.deepEqual(mixed.items.map((i) => !!i.textEdit), [false, false, true]);
    const without = compactCompletionList({ isIncomplete: false, items: [item('a', 1), item('b', 1), { label: 'c', insertText: 'cc' }] }, ALL);
    assert.equal(without.itemDefaults?.editRange, undefined);
    assert.ok(without.items.slice(0, 2).every((i) => i.textEdit));
  });

  it('data differing between items stays on each item; a multi-line text without a mode keeps modes per item', () => {
    const list = compactCompletionList({
      isIncomplete: false,
      items: [
        { label: 'a', data: { n: 1 }, insertTextMode: InsertTextMode.asIs, insertText: 'a\n  b' },
        { label: 'b', data: { n: 2 }, insertText: 'b\n  c' },
      ],
    }, ALL);
    assert.equal(list.itemDefaults, undefined);
    assert.deepEqual(list.items.map((i) => i.data), [{ n: 1 }, { n: 2 }]);
    assert.deepEqual(list.items.map((i) => i.insertTextMode), [InsertTextMode.asIs, undefined]);
  });

  it('a resolved item of a compacted list still gets its documentation (the type comes from the label)', () => {
    const full = cfnList(HEAD + '  Next:\n    Type: AWS::SQS::Queue‸\n');
    const [first] = expand(compactCompletionList(full, ALL));
    assert.equal(first.label, 'AWS::SQS::Queue');
    const resolved = cfn.resolveCompletion!(first, ctx);
    assert.match((resolved.documentation as { value: string }).value, /Required properties/);
    const tfFirst = expand(compactCompletionList(tfList('resource "aws_lambda_f‸"'), ALL)).find((i) => i.label === 'aws_lambda_function')!;
    assert.match((tf.resolveCompletion(tfFirst).documentation as { value: string }).value, /SAM resources that create it/);
  });
});

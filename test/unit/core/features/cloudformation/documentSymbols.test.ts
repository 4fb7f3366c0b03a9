import { strict as assert } from 'node:assert';
import { SymbolKind } from 'vscode-languageserver-types';
import { context, doc, provider } from './helpers';
import { JSON_TEMPLATE, YAML_TEMPLATE } from './fixtures';

describe('cfnFeatures/documentSymbols', () => {
  const p = provider();
  const ctx = context();

  it('outlines Parameters, Resources (type as detail), Outputs, Conditions and Mappings', () => {
    const { document } = doc(YAML_TEMPLATE);
    const symbols = p.documentSymbols!(document, ctx)!;
    assert.deepEqual(symbols.map((s) => s.name), ['Parameters', 'Resources', 'Outputs', 'Conditions', 'Mappings']);
    const resources = symbols[1];
    assert.deepEqual(resources.children!.map((c) => `${c.name}:${c.detail}`), [
      'JobQueue:AWS::SQS::Queue', 'ResultTable:AWS::DynamoDB::Table', 'WorkerRole:AWS::IAM::Role', 'Worker:AWS::Lambda::Function', 'Acl:AWS::EC2::NetworkAclEntry',
    ]);
    assert.equal(resources.children![0].kind, SymbolKind.Class);
    assert.equal(symbols[0].children![0].detail, 'String');
    for (const s of symbols.flatMap((x) => [x, ...x.children!])) {
      const { range, selectionRange } = s;
      const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
      assert.ok(before(range.start, selectionRange.start) && before(selectionRange.end, range.end), `${s.name}: selection inside range`);
    }
  });

  it('JSON templates, and nothing for other documents', () => {
    const { document } = doc(JSON_TEMPLATE, 'json');
    const symbols = p.documentSymbols!(document, ctx)!;
    assert.deepEqual(symbols.map((s) => s.name), ['Parameters', 'Resources', 'Outputs']);
    assert.equal(symbols[1].children![1].detail, 'AWS::Lambda::EventSourceMapping');
    const other = doc('{"name": "pkg", "version": "1.0.0"}', 'json', 'package.json');
    assert.equal(p.documentSymbols!(other.document, ctx), undefined);
  });
});

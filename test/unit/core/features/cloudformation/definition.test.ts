import { strict as assert } from 'node:assert';
import type { Location } from 'vscode-languageserver-types';
import { context, doc, provider } from './helpers';
import { cursorAt, JSON_TEMPLATE, YAML_TEMPLATE } from './fixtures';

describe('cfnFeatures/definition and references', () => {
  const p = provider();
  const ctx = context();
  const lineText = (text: string, loc: Location) => text.split('\n')[loc.range.start.line];
  const definition = (source: string, languageId = 'yaml') => {
    const { document, offset } = doc(source, languageId);
    return { document, result: p.definition!(document, offset, ctx) ?? undefined };
  };

  const cases: [string, string, number, string][] = [
    ['!GetAtt X.Arn', '!GetAtt WorkerRole.Arn', 10, '  WorkerRole:'],
    ['!Ref parameter', '!Ref Stage', 6, '  Stage:'],
    ['!Ref resource', '!Ref ResultTable', 7, '  ResultTable:'],
    ['${X} in a Sub', '${Stage}', 3, '  Stage:'],
    ['DependsOn list item', '[JobQueue, WorkerRole]', 14, '  WorkerRole:'],
    ['resource Condition', 'Condition: IsProd', 13, '  IsProd: !Equals [!Ref Stage, prod]'],
    ['!If condition', '!If [IsProd', 6, '  IsProd: !Equals [!Ref Stage, prod]'],
    ['!Condition', '!Condition IsProd', 12, '  IsProd: !Equals [!Ref Stage, prod]'],
    ['!FindInMap map name', '!FindInMap [RegionMap', 14, '  RegionMap:'],
    ['long form Fn::GetAtt', '[JobQueue, Arn]', 3, '  JobQueue:'],
    ['output Condition', 'Condition: IsProd\n    Value', 13, '  IsProd: !Equals [!Ref Stage, prod]'],
  ];
  for (const [name, needle, delta, expected] of cases) {
    it(`${name} lands on its declaration`, () => {
      const { result } = definition(cursorAt(YAML_TEMPLATE, needle, delta));
      assert.ok(result && result.length === 1, 'one location');
      assert.equal(lineText(YAML_TEMPLATE, result[0]), expected);
      assert.equal(result[0].range.start.character, 2);
    });
  }

  it('in JSON templates', () => {
    const { result } = definition(cursorAt(JSON_TEMPLATE, '["JobQueue"', 4), 'json');
    assert.ok(result);
    assert.equal(lineText(JSON_TEMPLATE, result[0]), '    "JobQueue": {');
  });

  it('answers undefined elsewhere, so the note definitions still run', () => {
    assert.equal(definition(cursorAt(YAML_TEMPLATE, 'AWS::SQS::Queue', 6)).result, undefined);
    assert.equal(definition(cursorAt(YAML_TEMPLATE, "!Ref 'AWS::Region'", 9)).result, undefined, 'pseudo parameter');
    assert.equal(definition(cursorAt(YAML_TEMPLATE, 'python3.12', 2)).result, undefined);
    assert.equal(definition(cursorAt(YAML_TEMPLATE, '${not.a.reference}', 4)).result, undefined, 'not in a Sub');
  });

  it('references: the declaration and every use, from a use or from the declaration', () => {
    const fromUse = doc(cursorAt(YAML_TEMPLATE, '!Ref JobQueue', 7));
    const uses = p.references!(fromUse.document, fromUse.offset, ctx)!;
    const lines = uses.map((l) => lineText(YAML_TEMPLATE, l).trim());
    assert.deepEqual(lines, ['JobQueue:', 'DependsOn: [JobQueue, WorkerRole]', 'QUEUE_URL: !Ref JobQueue', 'QUEUE_ARN: { "Fn::GetAtt": [JobQueue, Arn] }', 'Value: !GetAtt JobQueue.Arn']);
    const fromDeclaration = doc(cursorAt(YAML_TEMPLATE, '  IsProd:', 3));
    assert.equal(p.references!(fromDeclaration.document, fromDeclaration.offset, ctx)!.length, 5);
  });
});

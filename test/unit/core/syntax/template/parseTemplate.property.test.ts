import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseTemplate } from '../../../../../server/src/core/syntax/template';
import type { CfnNode, CfnTemplate, Range } from '../../../../../server/src/core/syntax/template';

const SAMPLE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Sub '\${AWS::StackName}-\${Env}'
      Tags:
        - Key: team
          Value: !Join ['-', [a, !Ref Env]]
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Role.Arn
      Environment:
        Variables:
          URL: {"Ref": "Queue"}
Outputs:
  Arn: {Value: {"Fn::GetAtt": ["Queue", "Arn"]}}
`;

function assertRangesInside(t: CfnTemplate): void {
  const n = t.text.length;
  const check = (r: Range | undefined, what: string) => {
    if (!r) return;
    assert.ok(r.start >= 0 && r.start <= r.end && r.end <= n, `${what} ${JSON.stringify(r)} in ${n}`);
  };
  const walk = (node: CfnNode | undefined) => {
    if (!node) return;
    check(node.range, 'node');
    if (node.kind === 'mapping') for (const p of node.pairs) { check(p.keyRange, 'key'); check(p.range, 'pair'); walk(p.value); }
    if (node.kind === 'sequence') node.items.forEach(walk);
  };
  walk(t.root);
  for (const i of t.intrinsics) {
    check(i.range, 'intrinsic');
    check(i.nameRange, 'name');
    for (const s of i.subReferences ?? []) check(s.range, 'sub');
  }
  for (const p of t.problems) check(p.range, 'problem');
  for (const r of t.resources) check(r.typeRange, 'type');
}

describe('cfn/parseTemplate properties', () => {
  const params = { seed: 20240611, numRuns: 150 };

  it('never throws on arbitrary text and keeps ranges inside the document', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ':', ' ', '\n', '-', '!Ref ', '{', '}', '[', ']', '"', "'", '${', 'Fn::Sub', '\t', '#', '|', 'Resources', 'Type: AWS::S3::Bucket') , maxLength: 60 }), (text) => {
        for (const format of ['yaml', 'json'] as const) {
          const t = parseTemplate(text, format);
          assertRangesInside(t);
          for (let offset = 0; offset <= text.length; offset += 7) t.nodeAt(offset);
        }
      }),
      params,
    );
  });

  it('never throws on any prefix or slice-deletion of a real template (half-typed text)', () => {
    fc.assert(
      fc.property(fc.nat(SAMPLE.length), fc.nat(SAMPLE.length), (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        for (const text of [SAMPLE.slice(0, to), SAMPLE.slice(0, from) + SAMPLE.slice(to)]) {
          const t = parseTemplate(text, 'yaml');
          assertRangesInside(t);
          const loc = t.nodeAt(Math.min(from, text.length));
          assert.ok(Array.isArray(loc.path));
        }
      }),
      params,
    );
  });
});

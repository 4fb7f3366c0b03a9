import { strict as assert } from 'node:assert';
import { parseTemplate } from '../../../../../server/src/core/syntax/template';
import type { CfnTemplate, Range } from '../../../../../server/src/core/syntax/template';

/** Text of a range. */
const at = (t: CfnTemplate, r: Range | undefined) => (r ? t.text.slice(r.start, r.end) : undefined);

const QUEUE_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env:
    Type: String
    Default: dev
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  JobQueue:
    Type: AWS::SQS::Queue
    Condition: IsProd
    DependsOn: [DeadLetters]
    Properties:
      QueueName: !Sub "\${AWS::StackName}-jobs-\${Env}"
      VisibilityTimeout: 60
      RedrivePolicy:
        deadLetterTargetArn: !GetAtt DeadLetters.Arn
        maxReceiveCount: 5
  DeadLetters:
    Type: "AWS::SQS::Queue"
Outputs:
  QueueUrl:
    Value: !Ref JobQueue
  QueueArn:
    Value:
      Fn::GetAtt: [JobQueue, Arn]
`;

describe('cfn/parseTemplate (YAML)', () => {
  const t = parseTemplate(QUEUE_YAML, 'yaml');

  it('parses without problems and indexes the sections', () => {
    assert.deepEqual(t.problems, []);
    assert.equal(t.formatVersion, '2010-09-09');
    assert.deepEqual(t.parameters.map((p) => [p.id, p.type]), [['Env', 'String']]);
    assert.deepEqual(t.resources.map((r) => r.id), ['JobQueue', 'DeadLetters']);
    assert.deepEqual(t.outputs.map((o) => o.id), ['QueueUrl', 'QueueArn']);
    assert.deepEqual(t.conditions.map((c) => c.id), ['IsProd']);
  });

  it('keeps key and value ranges of resources', () => {
    const queue = t.resource('JobQueue')!;
    assert.equal(at(t, queue.idRange), 'JobQueue');
    assert.equal(queue.type, 'AWS::SQS::Queue');
    assert.equal(at(t, queue.typeRange), 'AWS::SQS::Queue');
    assert.equal(at(t, t.resource('DeadLetters')!.typeRange), 'AWS::SQS::Queue', 'quotes excluded');
    assert.deepEqual(queue.propertyPairs.map((p) => p.key), ['QueueName', 'VisibilityTimeout', 'RedrivePolicy']);
    assert.equal(at(t, queue.propertyPairs[1].keyRange), 'VisibilityTimeout');
    assert.equal(at(t, queue.propertyPairs[1].value!.range), '60');
    assert.equal(queue.condition?.name, 'IsProd');
    assert.equal(at(t, queue.condition?.range), 'IsProd');
    assert.deepEqual(queue.dependsOn.map((d) => [d.name, at(t, d.range)]), [['DeadLetters', 'DeadLetters']]);
  });

  it('finds short and long intrinsics with their ranges', () => {
    const kinds = t.intrinsics.map((i) => `${i.form}:${i.fn}`);
    assert.deepEqual(kinds, ['short:Equals', 'short:Ref', 'short:Sub', 'short:GetAtt', 'short:Ref', 'long:GetAtt']);
    const getAtt = t.intrinsics[3];
    assert.equal(at(t, getAtt.range), '!GetAtt DeadLetters.Arn');
    assert.equal(at(t, getAtt.nameRange), '!GetAtt');
    assert.equal(at(t, getAtt.target?.range), 'DeadLetters');
    assert.equal(at(t, getAtt.attribute?.range), 'Arn');
    const longGetAtt = t.intrinsics[5];
    assert.equal(at(t, longGetAtt.nameRange), 'Fn::GetAtt');
    assert.deepEqual([longGetAtt.target?.name, longGetAtt.attribute?.name], ['JobQueue', 'Arn']);
  });

  it('gives exact ranges of ${} references inside Sub strings', () => {
    const sub = t.intrinsics.find((i) => i.fn === 'Sub')!;
    assert.deepEqual(sub.subReferences!.map((r) => [r.target, at(t, r.range)]), [
      ['AWS::StackName', 'AWS::StackName'],
      ['Env', 'Env'],
    ]);
  });

  it('gives plain values with intrinsics as { fn, args }', () => {
    const props = (t.value.Resources as any).JobQueue.Properties;
    assert.deepEqual(props.QueueName, { fn: 'Sub', args: ['${AWS::StackName}-jobs-${Env}'] });
    assert.deepEqual(props.RedrivePolicy.deadLetterTargetArn, { fn: 'GetAtt', args: ['DeadLetters', 'Arn'] });
    assert.equal(props.VisibilityTimeout, 60);
    assert.deepEqual((t.value.Conditions as any).IsProd, { fn: 'Equals', args: [{ fn: 'Ref', args: ['Env'] }, 'prod'] });
    assert.deepEqual((t.value.Outputs as any).QueueArn.Value, { fn: 'GetAtt', args: ['JobQueue', 'Arn'] });
  });

  it('nodeAt returns the path and key/value side', () => {
    const keyOffset = QUEUE_YAML.indexOf('VisibilityTimeout') + 3;
    const onKey = t.nodeAt(keyOffset);
    assert.deepEqual(onKey.path, ['Resources', 'JobQueue', 'Properties', 'VisibilityTimeout']);
    assert.equal(onKey.onKey, true);
    const onValue = t.nodeAt(QUEUE_YAML.indexOf('60'));
    assert.deepEqual(onValue.path, ['Resources', 'JobQueue', 'Properties', 'VisibilityTimeout']);
    assert.equal(onValue.onKey, false);
    assert.equal(onValue.node?.kind === 'scalar' && onValue.node.value, 60);
    const inRef = t.nodeAt(QUEUE_YAML.indexOf('DeadLetters.Arn') + 2);
    assert.equal(inRef.intrinsic?.fn, 'GetAtt');
    const inSub = t.nodeAt(QUEUE_YAML.indexOf('${Env}') + 3);
    assert.equal(inSub.subReference?.target, 'Env');
    const inEquals = t.nodeAt(QUEUE_YAML.indexOf('!Ref Env') + 6);
    assert.equal(inEquals.intrinsic?.fn, 'Ref', 'innermost call');
    assert.deepEqual(inEquals.path, ['Conditions', 'IsProd', 0]);
  });
});

describe('cfn/parseTemplate (short forms)', () => {
  it('accepts every short tag in scalar, sequence and mapping form without problems', () => {
    const text = `Resources:
  A:
    Type: AWS::X::Y
    Properties:
      R: !Ref P
      C: !Condition IsProd
      G: !GetAtt [B, Arn]
      S: !Sub
        - "\${X}-\${B.Arn}"
        - X: !Ref P
      J: !Join [",", [a, b]]
      Se: !Select [0, !GetAZs ""]
      Sp: !Split [",", "a,b"]
      I: !If [IsProd, 1, !Ref "AWS::NoValue"]
      E: !Equals [a, b]
      An: !And [!Condition A, !Not [!Condition B]]
      O: !Or [!Condition A, !Condition B]
      F: !FindInMap [M, !Ref "AWS::Region", Ami]
      Im: !ImportValue Shared-Vpc
      B64: !Base64 hello
      Ci: !Cidr [10.0.0.0/16, 4, 8]
      T: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
      Tj: !ToJsonString {a: 1}
      L: !Length [1, 2]
`;
    const t = parseTemplate(text, 'yaml');
    assert.deepEqual(t.problems, []);
    const fns = new Set(t.intrinsics.map((i) => i.fn));
    for (const fn of ['Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not',
      'FindInMap', 'ImportValue', 'GetAZs', 'Base64', 'Cidr', 'Transform', 'ToJsonString', 'Length']) {
      assert.ok(fns.has(fn as any), fn);
    }
    const props = (t.value.Resources as any).A.Properties;
    assert.deepEqual(props.S, { fn: 'Sub', args: ['${X}-${B.Arn}', { X: { fn: 'Ref', args: ['P'] } }] });
    assert.deepEqual(props.Tj, { fn: 'ToJsonString', args: [{ a: 1 }] });
    assert.deepEqual(props.L, { fn: 'Length', args: [[1, 2]] });
    const sub = t.intrinsics.find((i) => i.fn === 'Sub')!;
    assert.deepEqual(sub.subReferences!.map((r) => [r.text, r.local, r.attribute]), [['X', true, undefined], ['B.Arn', false, 'Arn']]);
    assert.equal(at(t, sub.nameRange), '!Sub');
  });

  it('keeps literal ${!X} out of references and ranges exact in block scalars', () => {
    const text = 'Outputs:\n  O:\n    Value: !Sub |\n      echo ${!NotRef} ${Bucket}\n';
    const t = parseTemplate(text, 'yaml');
    const sub = t.intrinsics[0];
    assert.deepEqual(sub.subReferences!.map((r) => at(t, r.range)), ['Bucket']);
  });
});

const QUEUE_JSON = `{
\t"AWSTemplateFormatVersion": "2010-09-09",
\t"Resources": {
\t\t"JobQueue": {
\t\t\t"Type": "AWS::SQS::Queue",
\t\t\t"Properties": {
\t\t\t\t"VisibilityTimeout": 60,
\t\t\t\t"QueueName": { "Fn::Join": ["-", [{ "Ref": "AWS::StackName" }, "jobs"]] }
\t\t\t}
\t\t}
\t},
\t"Outputs": { "Url": { "Value": { "Ref": "JobQueue" } } }
}`;

describe('cfn/parseTemplate (JSON)', () => {
  const t = parseTemplate(QUEUE_JSON, 'json');
  it('parses JSON with tabs and long-form intrinsics with ranges', () => {
    assert.deepEqual(t.problems, []);
    const queue = t.resource('JobQueue')!;
    assert.equal(at(t, queue.typeRange), 'AWS::SQS::Queue');
    assert.equal(at(t, queue.idRange), '"JobQueue"');
    assert.deepEqual(t.intrinsics.map((i) => [i.fn, i.form, at(t, i.nameRange)]), [
      ['Join', 'long', '"Fn::Join"'],
      ['Ref', 'long', '"Ref"'],
      ['Ref', 'long', '"Ref"'],
    ]);
    assert.equal(at(t, t.intrinsics[2].target?.range), 'JobQueue');
    assert.deepEqual((t.value.Resources as any).JobQueue.Properties.QueueName, {
      fn: 'Join',
      args: ['-', [{ fn: 'Ref', args: ['AWS::StackName'] }, 'jobs']],
    });
  });
  it('nodeAt works in JSON', () => {
    const loc = t.nodeAt(QUEUE_JSON.indexOf('VisibilityTimeout'));
    assert.deepEqual(loc.path, ['Resources', 'JobQueue', 'Properties', 'VisibilityTimeout']);
    assert.equal(loc.onKey, true);
  });
  it('does not treat an IAM statement Condition or a resource Condition as the function', () => {
    const text = '{"Resources": {"A": {"Condition": "C"}}, "X": {"Condition": {"StringEquals": {"a": "b"}}}}';
    const tt = parseTemplate(text, 'json');
    assert.deepEqual(tt.intrinsics, []);
    assert.equal(tt.resource('A')!.condition?.name, 'C');
  });
});

describe('cfn/parseTemplate (SAM and half-typed text)', () => {
  it('recognises the SAM transform', () => {
    const t = parseTemplate('Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n', 'yaml');
    assert.equal(t.sam, true);
    assert.deepEqual(t.transforms, ['AWS::Serverless-2016-10-31']);
    assert.equal(t.resources[0].type, 'AWS::Serverless::Function');
    const t2 = parseTemplate('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n', 'yaml');
    assert.equal(t2.sam, true);
  });

  it('returns what it could parse from half-typed YAML', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Foo: 1\n      Visibi\n  R:\n    Type: !Ref\n    Properties: {A: [1, \n';
    const t = parseTemplate(text, 'yaml');
    assert.ok(t.problems.some((p) => p.severity === 'error'));
    assert.deepEqual(t.resources.map((r) => r.id), ['Q', 'R']);
    const loc = t.nodeAt(text.indexOf('Visibi') + 6);
    assert.deepEqual(loc.path, ['Resources', 'Q', 'Properties', 'Visibi']);
    assert.equal(loc.onKey, true);
  });

  it('treats a lone word under a key as a key being typed', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Visibi';
    const t = parseTemplate(text, 'yaml');
    const loc = t.nodeAt(text.length);
    assert.deepEqual(loc.path, ['Resources', 'Q', 'Properties', 'Visibi']);
    assert.equal(loc.onKey, true);
  });

  it('places the cursor after "Key: " on the value of that key', () => {
    const text = 'Resources:\n  Q:\n    Type: ';
    const t = parseTemplate(text, 'yaml');
    const loc = t.nodeAt(text.length);
    assert.deepEqual(loc.path, ['Resources', 'Q', 'Type']);
    assert.equal(loc.onKey, false);
  });

  it('returns problems for broken JSON but keeps the parsed part', () => {
    const t = parseTemplate('{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"A": ', 'json');
    assert.ok(t.problems.length > 0);
    assert.equal(t.resource('Q')?.type, 'AWS::SQS::Queue');
  });

  it('never throws on empty or non-mapping text', () => {
    for (const text of ['', '   ', '- a\n- b', 'just text', '{', '!Ref', ': :', '\t\t{"a"']) {
      const t = parseTemplate(text, 'yaml');
      assert.deepEqual(t.resources, []);
      assert.ok(t.value && typeof t.value === 'object');
    }
  });
});

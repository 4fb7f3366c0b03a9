import { strict as assert } from 'node:assert';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { closest } from '../../../../../server/src/core/text/closest';
import { context, doc, provider } from './helpers';
import { JSON_TEMPLATE, SAM_TEMPLATE, YAML_TEMPLATE } from './fixtures';

describe('cfnFeatures/diagnostics', () => {
  const p = provider();
  const ctx = context();
  const diagnose = (source: string, languageId = 'yaml', c = ctx) => {
    const { document } = doc(source, languageId);
    return p.diagnostics!(document, c) ?? [];
  };
  const HEAD = "AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  Stage:\n    Type: String\nResources:\n  JobQueue:\n    Type: AWS::SQS::Queue\n";

  it('is silent on valid templates (YAML, JSON, SAM with its implicit resources)', () => {
    assert.deepEqual(diagnose(YAML_TEMPLATE), []);
    assert.deepEqual(diagnose(JSON_TEMPLATE, 'json'), []);
    assert.deepEqual(diagnose(SAM_TEMPLATE), []);
  });

  it('unknown resource type with a suggestion from the data', () => {
    const [d, ...rest] = diagnose(HEAD + '  Bucket:\n    Type: AWS::S3::Bucket2\n');
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'cfn-unknown-type');
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(d.source, 'aws-notes');
    assert.match(String(d.message), /Unknown resource type `AWS::S3::Bucket2`\. Did you mean `AWS::S3::Bucket`\?/);
    assert.deepEqual(d.range, { start: { line: 8, character: 10 }, end: { line: 8, character: 26 } });
  });

  it('not while the type is being typed, nor on custom or module types', () => {
    assert.deepEqual(diagnose(HEAD + '  B:\n    Type: AWS::S\n'), []);
    assert.deepEqual(diagnose(HEAD + '  B:\n    Type: AWS::SQS::Qu\n'), []);
    assert.deepEqual(diagnose(HEAD + '  B:\n    Type: Custom::Thing\n  C:\n    Type: MyOrg::Net::Vpc::MODULE\n'), []);
  });

  it('missing required properties on the logical id', () => {
    const [d] = diagnose(HEAD + '  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n');
    assert.equal(d.code, 'cfn-missing-required');
    assert.match(String(d.message), /`AWS::Lambda::Function` requires the properties `Code`, `Role`\./);
    assert.equal(d.range.start.line, 7);
  });

  it('Ref, GetAtt, Sub, DependsOn, Condition and FindInMap names that do not exist are errors', () => {
    const found = diagnose(HEAD + [
      '  Fn:',
      '    Type: AWS::SNS::Topic',
      '    DependsOn: Missing1',
      '    Condition: NoSuchCondition',
      '    Properties:',
      '      TopicName: !Ref Nowhere',
      '      DisplayName: !GetAtt Stage.Arn',
      "      KmsMasterKeyId: !Sub '${Elsewhere}-${AWS::Region}'",
      '      FifoTopic: !FindInMap [NoMap, a, b]',
      '      ArchivePolicy: !GetAtt Ghost.Arn',
    ].join('\n') + '\n');
    assert.deepEqual(found.map((d) => d.code), [
      'cfn-unknown-resource', 'cfn-unknown-condition', 'cfn-unknown-ref', 'cfn-getatt-parameter', 'cfn-unknown-ref', 'cfn-unknown-mapping', 'cfn-unknown-resource',
    ]);
    assert.ok(found.every((d) => d.severity === DiagnosticSeverity.Error));
    assert.match(String(found[2].message), /`Nowhere` is not a parameter, resource or pseudo parameter/);
    assert.equal(found[2].range.start.character, 22, 'on the name, not on the !Ref tag');
  });

  it('unknown GetAtt attributes, in short, long and Sub forms', () => {
    const found = diagnose(HEAD + '  Fn:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt JobQueue.Arm\n      DisplayName: !Sub "${JobQueue.Nope}"\n');
    assert.deepEqual(found.map((d) => d.code), ['cfn-unknown-attribute', 'cfn-unknown-attribute']);
    assert.match(String(found[0].message), /`AWS::SQS::Queue` has no GetAtt attribute `Arm`\. Did you mean `Arn`\?/);
    assert.match(String(found[1].message), /Valid: `Arn`, `QueueName`, `QueueUrl`/);
    assert.equal(found[0].severity, DiagnosticSeverity.Warning);
  });

  it('not on names still being typed, nor on dotted attributes like Endpoint.Address', () => {
    assert.deepEqual(diagnose(HEAD + '  Fn:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref JobQ\n      DisplayName: !GetAtt JobQueue.Queue\n'), []);
    assert.deepEqual(diagnose(HEAD + '  Db:\n    Type: AWS::RDS::DBInstance\n  Fn:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt Db.Endpoint.Address\n'), []);
  });

  it('SAM types need the transform', () => {
    const [d] = diagnose(HEAD + '  Fn:\n    Type: AWS::Serverless::Function\n');
    assert.equal(d.code, 'cfn-sam-without-transform');
  });

  it('Japanese messages', () => {
    const [d] = diagnose(HEAD + '  Bucket:\n    Type: AWS::S3::Bucket2\n', 'yaml', context({ locale: 'ja' }));
    assert.match(String(d.message), /不明なリソースタイプ `AWS::S3::Bucket2` です。`AWS::S3::Bucket` の誤りではありませんか？/);
  });

  it('JSON templates', () => {
    const found = diagnose(JSON_TEMPLATE.replace('{ "Ref": "Stage" }', '{ "Ref": "Stag3" }'), 'json');
    assert.deepEqual(found.map((d) => d.code), ['cfn-unknown-ref']);
  });

  it('closest() finds typos, not strangers', () => {
    assert.equal(closest('AWS::SQS::Queu', ['AWS::SQS::Queue', 'AWS::SNS::Topic']), 'AWS::SQS::Queue');
    assert.equal(closest('Totally', ['AWS::SQS::Queue']), undefined);
  });
});

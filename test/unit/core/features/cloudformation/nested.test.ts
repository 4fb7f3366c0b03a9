// Templates at every depth (issue 15): hover, completion and diagnostics inside nested property types, lists and
// maps, YAML and JSON, against the complete schemas in data/schema/.
import { strict as assert } from 'node:assert';
import { context, doc, hoverText, labels, provider, items } from './helpers';

describe('cfnFeatures/nested (complete schemas)', () => {
  const p = provider();
  const ctx = context();
  const hover = (source: string, languageId = 'yaml') => {
    const { document, offset } = doc(source, languageId);
    return hoverText(p.hover!(document, offset, ctx));
  };
  const complete = (source: string, languageId = 'yaml') => {
    const { document, offset } = doc(source, languageId);
    return p.completion!(document, offset, ctx);
  };
  const diagnose = (source: string, languageId = 'yaml') => {
    const { document } = doc(source, languageId);
    return p.diagnostics!(document, ctx) ?? [];
  };

  const LAMBDA = [
    'Resources:',
    '  Fn:',
    '    Type: AWS::Lambda::Function',
    '    Properties:',
    '      Role: arn:aws:iam::123456789012:role/r',
    '      Code:',
    '        ZipFile: |',
    '          def handler(e, c): pass',
    '      VpcConfig:',
    '        SubnetIds: [subnet-1]',
    '        SecurityGroupIds: [sg-1]',
    '',
  ].join('\n');

  describe('hover', () => {
    it('a key inside a nested object (YAML): its type, required-ness, owner and full description', () => {
      const text = hover(LAMBDA.replace('        SubnetIds', '        Subnet‸Ids'));
      assert.match(text, /\*\*`SubnetIds`\*\* — property of `AWS::Lambda::Function\.VpcConfig` · `List<String>`/);
      assert.match(text, /subnet/i);
      const zip = hover(LAMBDA.replace('ZipFile', 'Zip‸File'));
      assert.match(zip, /property of `AWS::Lambda::Function\.Code` · `String` · optional/);
    });

    it('a key inside a list item (YAML) and in JSON, with allowed values', () => {
      const s3 = ['Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      LifecycleConfiguration:', '        Rules:', '          - Status: Enabled', '            Expiration‸InDays: 30', ''].join('\n');
      assert.match(hover(s3), /`ExpirationInDays`\*\* — property of `AWS::S3::Bucket\.Rule` · `Integer`/);
      const status = hover(s3.replace('- Status', '- Sta‸tus').replace('‸InDays', 'InDays'));
      assert.match(status, /Allowed values: `Enabled`, `Disabled`/);
      const json = '{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"LifecycleConfiguration": {"Rules": [{"Status": "Enabled", "Expira‸tionInDays": 3}]}}}}}';
      assert.match(hover(json, 'json'), /property of `AWS::S3::Bucket\.Rule`/);
    });

    it('nothing for keys the schema does not have, nor inside Json-typed values', () => {
      assert.equal(hover(LAMBDA.replace('        SubnetIds', '        NotAKey‸X: 1\n        SubnetIds')), '');
      const role = ['Resources:', '  R:', '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument:', '        Statem‸ent: []', ''].join('\n');
      assert.equal(hover(role), '');
    });
  });

  describe('completion', () => {
    it('keys inside a nested object, required first, without those already there (YAML)', () => {
      const src = LAMBDA.replace('        SecurityGroupIds: [sg-1]\n', '        ‸\n');
      const got = labels(complete(src));
      assert.ok(got.includes('SecurityGroupIds'), got.join());
      assert.ok(!got.includes('SubnetIds'), 'SubnetIds is already there');
      assert.ok(!got.includes('Runtime'), 'top-level keys are not offered inside VpcConfig');
    });

    it('keys of a list item after `- ` and enum values of a nested key', () => {
      const base = ['Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      LifecycleConfiguration:', '        Rules:', ''].join('\n');
      const keys = labels(complete(base + '          - ‸\n'));
      assert.ok(keys.includes('Status') && keys.includes('ExpirationInDays'), keys.join());
      const list = items(complete(base + '          - ‸\n'));
      const status = list.find((i) => i.label === 'Status')!;
      const expiration = list.find((i) => i.label === 'ExpirationInDays')!;
      assert.ok(String(status.sortText) < String(expiration.sortText), 'required Status sorts first');
      const values = labels(complete(base + '          - Status: ‸\n'));
      assert.deepEqual(values, ['Enabled', 'Disabled']);
    });

    it('resource skeletons at the resource-key level (YAML and JSON), none for one letter', () => {
      const yaml = items(complete("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  sqs‸\n"));
      const queue = yaml.find((i) => i.label === 'AWS::SQS::Queue');
      assert.ok(queue && yaml.indexOf(queue) < 5, yaml.slice(0, 5).map((i) => i.label).join());
      assert.equal((queue!.textEdit as { newText: string }).newText, 'Queue:\n    Type: AWS::SQS::Queue$0');
      const fn = items(complete("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  lambdafunction‸\n")).find((i) => i.label === 'AWS::Lambda::Function')!;
      assert.match((fn.textEdit as { newText: string }).newText, /^Function:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n[\s\S]*Role:/);
      const json = items(complete('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {\n  "sqs‸"\n}}', 'json')).find((i) => i.label === 'AWS::SQS::Queue')!;
      assert.equal((json.textEdit as { newText: string }).newText, 'Queue": {\n    "Type": "AWS::SQS::Queue"$0\n  }');
      assert.deepEqual(labels(complete("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  s‸\n")), []);
    });

    it('list items: enum values after `- ` under a list of enums, nothing under a list of free strings', () => {
      const base = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  T:\n    Type: AWS::CleanRooms::ConfiguredTable\n    Properties:\n";
      assert.deepEqual([...labels(complete(base + '      SelectedAnalysisMethods:\n        - ‸\n'))].sort(), ['DIRECT_JOB', 'DIRECT_QUERY']);
      const fn = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n";
      assert.deepEqual(labels(complete(fn + '      Layers:\n        - ‸\n')), []);
    });

    it('JSON: nested keys and enum values', () => {
      const keys = labels(complete('{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"VpcConfig": {"‸"}}}}}', 'json'));
      assert.ok(keys.includes('SubnetIds') && !keys.includes('Handler'), keys.join());
      const values = labels(complete('{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"TracingConfig": {"Mode": "‸"}}}}}', 'json'));
      assert.deepEqual([...values].sort(), ['Active', 'PassThrough']);
    });
  });

  describe('diagnostics', () => {
    const codes = (source: string, languageId = 'yaml') => diagnose(source, languageId).map((d) => `${d.code}:${d.range.start.line}`);

    it('unknown keys at any depth, with "did you mean"', () => {
      const found = diagnose(LAMBDA.replace('        SubnetIds', '        SubnetId'));
      assert.deepEqual(found.map((d) => d.code), ['cfn-unknown-property']);
      assert.match(String(found[0].message), /`SubnetId` is not a property of `AWS::Lambda::Function\.VpcConfig`\. Did you mean `SubnetIds`\?/);
    });

    it('wrong primitive types, wrong shapes and values outside an enum', () => {
      const src = ['Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      VersioningConfiguration:', '        Status: Sometimes', '      LifecycleConfiguration:', '        Rules:', '          - Status: Enabled', '            ExpirationInDays: soon', '      Tags: notalist', '      CorsConfiguration: [1]', ''].join('\n');
      assert.deepEqual(codes(src), ['cfn-value-not-allowed:5', 'cfn-wrong-type:9', 'cfn-wrong-type:11']);
    });

    it('silent on intrinsics, placeholders, Json values and literal values of the right type', () => {
      const src = [
        'Conditions:', '  C: !Equals [a, b]',
        'Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:',
        '      VersioningConfiguration: !If [C, {Status: Enabled}, !Ref AWS::NoValue]',
        '      LifecycleConfiguration:', '        Rules:', '          - Status: !If [C, Enabled, Disabled]', "            ExpirationInDays: '30'", '          - Fn::If: [C, {Status: Enabled}, !Ref AWS::NoValue]',
        '      Tags:', '        - Key: a', '          Value: 1',
        '  R:', '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument: {Anything: [goes, here]}',
        '      Policies:', '        - PolicyName: p', '          PolicyDocument:', '            Statement: []',
        '', 'Outputs:', '  X:', '    Value: !GetAtt B.Arn', '',
      ].join('\n');
      assert.deepEqual(codes(src), []);
    });

    it('missing required keys of a nested object (not of Json-widened ones)', () => {
      const src = ['Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      LifecycleConfiguration:', '        Rules:', '          - ExpirationInDays: 3', ''].join('\n');
      const found = diagnose(src);
      assert.deepEqual(found.map((d) => d.code), ['cfn-missing-required']);
      assert.match(String(found[0].message), /`AWS::S3::Bucket\.Rule` requires the property `Status`/);
      // KeySchema is `List<KeySchema>|Json` in the spec: a member is missing, but Json would take it.
      const table = ['Resources:', '  T:', '    Type: AWS::DynamoDB::Table', '    Properties:', '      KeySchema:', '        - AttributeName: id', ''].join('\n');
      assert.deepEqual(diagnose(table).map((d) => d.code), []);
    });

    it('a truncated type once the resource goes on; unknown GetAtt attributes', () => {
      const found = diagnose(['Resources:', '  Queue:', '    Type: AWS::SQS::Queu', '    Properties:', '      DelaySeconds: 1', 'Outputs:', '  A:', '    Value: !GetAtt Queue.Arn', ''].join('\n'));
      assert.deepEqual(found.map((d) => d.code), ['cfn-unknown-type']);
      assert.match(String(found[0].message), /Did you mean `AWS::SQS::Queue`/);
      const attr = diagnose(['Resources:', '  Queue:', '    Type: AWS::SQS::Queue', 'Outputs:', '  A:', '    Value: !GetAtt Queue.Arnn', ''].join('\n'));
      assert.deepEqual(attr.map((d) => d.code), ['cfn-unknown-attribute']);
    });

    it('silent on SAM types the spec lacks, SAM-generated names, Fn::ForEach identifiers and custom macros', () => {
      const sam = [
        'Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]',
        'Resources:',
        '  Ws:', '    Type: AWS::Serverless::WebSocketApi',
        '  Cap:', '    Type: AWS::Serverless::CapacityProvider',
        '  MyFunction:', '    Type: AWS::Serverless::Function', '    Properties:', '      Runtime: python3.12', '      Handler: a.b', '      CodeUri: src/', '      AutoPublishAlias: live',
        '  MyApi:', '    Type: AWS::Serverless::Api', '    Properties:', '      StageName: prod',
        "  Fn::ForEach::Topics:", '    - TopicName', '    - [a, b]', '    - Topic${TopicName}:', '        Type: AWS::SNS::Topic', '        Properties:', '          TopicName: !Ref TopicName',
        'Outputs:',
        '  Stage:', '    Value: !Ref MyApi.Stage',
        '  Alias:', '    Value: !Ref MyFunction.Alias',
        '  Role:', '    Value: !GetAtt MyFunctionRole.Arn',
        '',
      ].join('\n');
      assert.deepEqual(codes(sam), []);
      const macro = ['Transform: MyCompany::Expander', 'Resources:', '  B:', '    Type: AWS::S3::Bucket', '    Properties:', '      Whatever: {Expanded: later}', ''].join('\n');
      assert.deepEqual(codes(macro), []);
    });

    it('in Japanese with a Japanese editor', () => {
      const { document } = doc(LAMBDA.replace('        SubnetIds', '        SubnetId'));
      const [d] = p.diagnostics!(document, context({ locale: 'ja' })) ?? [];
      assert.equal(d.message, '`SubnetId` は `AWS::Lambda::Function.VpcConfig` のプロパティではありません。`SubnetIds` の誤りではありませんか？');
    });

    it('JSON: nested unknown key and wrong type', () => {
      const json = '{"Resources": {"F": {"Type": "AWS::SQS::Queue", "Properties": {"RedrivePolicy": {"maxReceiveCount": 3}, "FifoQueue": "yes"}}}}';
      assert.deepEqual(codes(json, 'json'), ['cfn-wrong-type:0']);
      const json2 = '{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Role": "r", "Code": {"ZipFiles": "x"}}}}}';
      assert.deepEqual(diagnose(json2, 'json').map((d) => d.code), ['cfn-unknown-property']);
    });
  });
});

import { strict as assert } from 'node:assert';
import { detectTemplate } from '../../../server/src/core/syntax/template';

describe('cfn/detectTemplate', () => {
  it('detects by format version, SAM transform or typed resources', () => {
    assert.deepEqual(detectTemplate("AWSTemplateFormatVersion: '2010-09-09'\n", 'yaml'), { format: 'yaml', sam: false });
    assert.deepEqual(detectTemplate('Transform: AWS::Serverless-2016-10-31\nResources: {}\n', 'template.yml'), { format: 'yaml', sam: true });
    assert.deepEqual(detectTemplate('Resources:\n  Q:\n    Type: AWS::SQS::Queue\n', '/x/stack.yaml'), { format: 'yaml', sam: false });
    assert.deepEqual(detectTemplate('{\n  "Resources": {\n    "Q": { "Type": "AWS::SQS::Queue" }\n  }\n}', 'json'), { format: 'json', sam: false });
    assert.deepEqual(detectTemplate('{"AWSTemplateFormatVersion": "2010-09-09"}', 'stack.template'), { format: 'json', sam: false });
    assert.deepEqual(detectTemplate('Transform:\n  - AWS::Serverless-2016-10-31\n', 'yaml'), { format: 'yaml', sam: true });
  });

  it('rejects other YAML/JSON and other languages', () => {
    assert.equal(detectTemplate('apiVersion: v1\nkind: Pod\n', 'yaml'), undefined);
    assert.equal(detectTemplate('{"name": "x", "version": "1.0.0"}', 'package.json'), undefined);
    assert.equal(detectTemplate('Resources:\n  - a\n', 'yaml'), undefined);
    assert.equal(detectTemplate("AWSTemplateFormatVersion: '2010-09-09'", 'markdown'), undefined);
    assert.equal(detectTemplate("AWSTemplateFormatVersion: '2010-09-09'", 'notes.md'), undefined);
  });
});

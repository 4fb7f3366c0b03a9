import { strict as assert } from 'node:assert';
import { convertTemplate, templateFormat, templateResourceIds } from '../../../../server/src/core/convert';
import { testData } from './testData';

const YAML = [
  'Resources:',
  '  Jobs:',
  '    Type: AWS::SQS::Queue',
  '    Properties:',
  '      QueueName: jobs',
  '  Alerts:',
  '    Type: AWS::SNS::Topic',
  '    Properties:',
  '      TopicName: alerts',
  '',
].join('\n');

describe('convertTemplate (the Convert command and the CLI)', () => {
  const data = testData();

  it('reads the format from the file name or the text', () => {
    assert.equal(templateFormat(YAML, 'infra/template.yaml'), 'yaml');
    assert.equal(templateFormat('{ "Resources": {} }', 'untitled:Untitled-1'), 'json');
    assert.equal(templateFormat('Resources: {}\n', 'file:///w/stack.json?x=1'), 'json');
    assert.equal(templateFormat('Resources: {}\n', 'stack.template'), 'yaml');
    // The editor's language wins for an untitled buffer or JSON that starts with a comment.
    assert.equal(templateFormat('// generated\n{ "Resources": {} }', 'untitled:Untitled-2', 'jsonc'), 'json');
    assert.equal(templateFormat('Resources: {}\n', 'untitled:Untitled-3', 'yaml'), 'yaml');
  });

  it('lists the logical ids in order', () => {
    assert.deepEqual(templateResourceIds(YAML, 'yaml'), ['Jobs', 'Alerts']);
  });

  it('converts the resource around the cursor only, and says which', () => {
    const offset = YAML.indexOf('TopicName');
    const answer = convertTemplate(YAML, 'yaml', data, { offset });
    assert.equal(answer.resource, 'Alerts');
    assert.match(answer.hcl, /resource "aws_sns_topic" "alerts"/);
    assert.doesNotMatch(answer.hcl, /aws_sqs_queue/);
  });

  it('a named resource wins over the cursor; no resource and no cursor is the whole template', () => {
    const named = convertTemplate(YAML, 'yaml', data, { resource: 'Jobs', offset: YAML.indexOf('TopicName') });
    assert.equal(named.resource, 'Jobs');
    assert.match(named.hcl, /aws_sqs_queue/);
    assert.doesNotMatch(named.hcl, /aws_sns_topic/);
    const whole = convertTemplate(YAML, 'yaml', data);
    assert.equal(whole.resource, undefined);
    assert.match(whole.hcl, /aws_sqs_queue/);
    assert.match(whole.hcl, /aws_sns_topic/);
  });

  it('negative: a cursor outside every resource converts the whole template', () => {
    const answer = convertTemplate(YAML, 'yaml', data, { offset: 0 });
    assert.equal(answer.resource, undefined);
    assert.match(answer.hcl, /aws_sqs_queue/);
    assert.match(answer.hcl, /aws_sns_topic/);
  });
});

import * as assert from 'node:assert/strict';
import { ServiceNameMatcher } from '../../../server/src/core/recognize/serviceNameMatcher';
import { MINI_SERVICES } from '../../helpers/miniData';

describe('ServiceNameMatcher', () => {
  const matcher = new ServiceNameMatcher(MINI_SERVICES);
  const ids = (text: string, mode: 'prose' | 'code' = 'prose') => matcher.findAll(text, mode).map((m) => `${m.serviceId}:${m.text}`);

  it('finds names inside Japanese text without spaces', () => {
    assert.deepEqual(ids('SQSにメッセージを入れてLambdaから読む'), ['sqs:SQS', 'lambda:Lambda']);
  });

  it('prefers the longest multi-word name', () => {
    assert.deepEqual(ids('Kinesis Data Firehose と Kinesis Data Streams と Kinesis'), [
      'firehose:Kinesis Data Firehose', 'kinesis:Kinesis Data Streams', 'kinesis:Kinesis',
    ]);
    assert.deepEqual(ids('API Gateway と Global Accelerator'), ['apigateway:API Gateway', 'globalaccelerator:Global Accelerator']);
  });

  it('accepts an AWS/Amazon prefix as part of the name', () => {
    assert.deepEqual(ids('Amazon SQS と AWS Lambda'), ['sqs:Amazon SQS', 'lambda:AWS Lambda']);
  });

  it('folds full-width forms (NFKC) and maps back to the original offsets', () => {
    const text = 'これはＳＱＳです';
    const [m] = matcher.findAll(text, 'prose');
    assert.equal(m.serviceId, 'sqs');
    assert.equal(text.slice(m.start, m.end), 'ＳＱＳ');
  });

  it('does not match inside identifiers or in lower case', () => {
    assert.deepEqual(ids('BatchGetItem SQSQueue mySQS lambda x: x', 'code'), []);
    assert.deepEqual(ids('event["Records"] config = load()', 'code'), []);
  });

  it('treats ordinary-word names as services in code only with a prefix', () => {
    assert.deepEqual(ids('cfg = Config(region_name="x")', 'code'), []);
    assert.deepEqual(ids('# uses AWS Config rules', 'code'), ['config:AWS Config']);
    assert.deepEqual(ids('Config でルールを監視する'), ['config:Config']);
    assert.deepEqual(ids('run it as a Batch job', 'code'), []);
  });
});

import * as assert from 'node:assert/strict';
import { identityAt, scanIdentities, type Recognizer } from '../../../server/src/core/recognize/identities';
import { ServiceNameMatcher } from '../../../server/src/core/recognize/serviceNameMatcher';
import { withCursor } from '../../helpers/cursor';
import { miniData } from '../../helpers/miniData';

describe('identity resolver', () => {
  const data = miniData();
  const recognizer: Recognizer = { data, names: new ServiceNameMatcher(data.services()) };
  const at = (source: string, mode: 'prose' | 'code' = 'code') => {
    const { text, offset } = withCursor(source);
    const identity = identityAt(recognizer, text, offset, mode);
    return identity && `${identity.kind} ${identity.serviceId} ${identity.text}`;
  };

  it('resolves every identity form', () => {
    assert.equal(at('Type: AWS::SQS::Qu‸eue'), 'cfnType sqs AWS::SQS::Queue');
    assert.equal(at('resource "aws_sq‸s_queue" "jobs" {'), 'tfType sqs aws_sqs_queue');
    assert.equal(at('resource "awscc_sq‸s_queue" "jobs" {'), 'tfType sqs awscc_sqs_queue');
    assert.equal(at('resource "aws_cloudwatch_‸event_rule" "x" {'), 'tfType events aws_cloudwatch_event_rule');
    assert.equal(at('"Action": "sqs:Send‸Message"'), 'iamAction sqs sqs:SendMessage');
    assert.equal(at('"Action": "sqs:Get‸*"'), 'iamAction sqs sqs:Get*');
    assert.equal(at('"Resource": "arn:aws:sqs:ap-northeast-1:1‸23456789012:jobs"'), 'arn sqs arn:aws:sqs:ap-northeast-1:123456789012:jobs');
    assert.equal(at('Principal: { Service: lambda.amazon‸aws.com }'), 'principal lambda lambda.amazonaws.com');
    assert.equal(at('sqs = boto3.client("s‸qs")'), 'boto3 sqs "sqs"');
    assert.equal(at("table = boto3.resource('dynam‸odb')"), "boto3 dynamodb 'dynamodb'");
    assert.equal(at('import { SQSClient } from "@aws-sdk/client-‸sqs";'), 'jsPackage sqs @aws-sdk/client-sqs');
    assert.equal(at('const client = new SQSCl‸ient({});'), 'jsClient sqs SQSClient');
    assert.equal(at('const doc = DynamoDBDocumentCl‸ient.from(c);'), 'jsClient dynamodb DynamoDBDocumentClient');
    assert.equal(at('# send to S‸QS then'), 'service sqs SQS');
  });

  it('finds nothing on words that are not AWS identifiers', () => {
    assert.equal(at('config = lo‸ad()'), undefined);
    assert.equal(at('client.batchGetItem(Batch‸GetItem)'), undefined);
    assert.equal(at('for r in event["Rec‸ords"]:'), undefined);
    assert.equal(at('x = "arn:aws:nos‸uch:::x"'), undefined);
    assert.equal(at('url = "https://exa‸mple.com"'), undefined);
    assert.equal(at('aws_access_key_‸id = AKIA'), undefined);
  });

  it('scans a whole text without overlaps, specific forms first', () => {
    const text = 'AWS::SQS::Queue と SQS と sqs:SendMessage';
    const kinds = scanIdentities(recognizer, text, 'prose').map((i) => `${i.kind}:${i.text}`);
    assert.deepEqual(kinds, ['cfnType:AWS::SQS::Queue', 'service:SQS', 'iamAction:sqs:SendMessage']);
  });
});

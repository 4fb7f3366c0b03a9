// A small in-memory knowledge base for unit tests: enough services to exercise names, ambiguity and forms.
import { createAwsData, type AwsData } from '../../server/src/core/data/awsData';
import type { ServiceEntry } from '../../server/src/core/data/types';

function service(partial: Partial<ServiceEntry> & Pick<ServiceEntry, 'id' | 'name'>): ServiceEntry {
  return {
    shortNames: [], aliases: [], iamPrefixes: [partial.id], cfnNamespaces: [], tfPrefixes: [], awsccPrefixes: [],
    boto3: [partial.id], jsSdk: [], principals: [], description: { en: `${partial.name} description` },
    ...partial,
  };
}

export const MINI_SERVICES: ServiceEntry[] = [
  service({ id: 'sqs', name: 'Amazon Simple Queue Service', shortNames: ['SQS', 'Amazon SQS'], cfnNamespaces: ['AWS::SQS'], tfPrefixes: ['aws_sqs_'], awsccPrefixes: ['awscc_sqs_'], jsSdk: [{ package: '@aws-sdk/client-sqs', client: 'SQSClient' }], principals: ['sqs.amazonaws.com'], description: { en: 'Fully managed message queues.', ja: 'フルマネージドなメッセージキュー。' } }),
  service({ id: 'lambda', name: 'AWS Lambda', shortNames: ['Lambda'], cfnNamespaces: ['AWS::Lambda'], tfPrefixes: ['aws_lambda_'], principals: ['lambda.amazonaws.com'], jsSdk: [{ package: '@aws-sdk/client-lambda', client: 'LambdaClient' }], description: { en: 'Run code without servers.', ja: 'サーバーなしでコードを実行する。' } }),
  service({ id: 'dynamodb', name: 'Amazon DynamoDB', shortNames: ['DynamoDB'], cfnNamespaces: ['AWS::DynamoDB'], tfPrefixes: ['aws_dynamodb_'], jsSdk: [{ package: '@aws-sdk/client-dynamodb', client: 'DynamoDBClient' }] }),
  service({ id: 'apigateway', name: 'Amazon API Gateway', shortNames: ['API Gateway'], cfnNamespaces: ['AWS::ApiGateway', 'AWS::ApiGatewayV2'], tfPrefixes: ['aws_api_gateway_', 'aws_apigatewayv2_'] }),
  service({ id: 'kinesis', name: 'Amazon Kinesis Data Streams', shortNames: ['Kinesis Data Streams', 'Kinesis'], cfnNamespaces: ['AWS::Kinesis'] }),
  service({ id: 'firehose', name: 'Amazon Data Firehose', shortNames: ['Kinesis Data Firehose', 'Firehose'], cfnNamespaces: ['AWS::KinesisFirehose'] }),
  service({ id: 'globalaccelerator', name: 'AWS Global Accelerator', shortNames: ['Global Accelerator'] }),
  service({ id: 'config', name: 'AWS Config', shortNames: ['AWS Config'], ambiguousNames: ['Config'], cfnNamespaces: ['AWS::Config'] }),
  service({ id: 'batch', name: 'AWS Batch', shortNames: ['AWS Batch'], ambiguousNames: ['Batch'] }),
  service({ id: 's3', name: 'Amazon Simple Storage Service', shortNames: ['S3', 'Amazon S3'], cfnNamespaces: ['AWS::S3'], tfPrefixes: ['aws_s3_'] }),
  service({ id: 'events', name: 'Amazon EventBridge', shortNames: ['EventBridge'], cfnNamespaces: ['AWS::Events'], tfPrefixes: ['aws_cloudwatch_event_'] }),
  service({ id: 'cloudwatch', name: 'Amazon CloudWatch', shortNames: ['CloudWatch'], cfnNamespaces: ['AWS::CloudWatch'], tfPrefixes: ['aws_cloudwatch_'] }),
  service({ id: 'iam', name: 'AWS Identity and Access Management', shortNames: ['IAM'], cfnNamespaces: ['AWS::IAM'], tfPrefixes: ['aws_iam_'] }),
];

export function miniData(): AwsData {
  return createAwsData({
    services: () => MINI_SERVICES,
    cfnTypes: () => ({
      'AWS::SQS::Queue': { service: 'sqs', description: 'Creates a queue.', properties: { QueueName: { type: 'String' }, VisibilityTimeout: { type: 'Integer' } }, attributes: ['Arn', 'QueueName', 'QueueUrl'] },
      'AWS::Lambda::Function': { service: 'lambda', properties: { Code: { type: 'Code', required: true }, Role: { type: 'String', required: true } }, attributes: ['Arn'] },
    }),
    tfResources: () => ({
      aws_sqs_queue: { service: 'sqs', args: { name: {}, visibility_timeout_seconds: {} }, attrs: ['arn', 'url'] },
      aws_lambda_function: { service: 'lambda', args: { function_name: { required: true }, role: { required: true } }, attrs: ['arn'] },
      aws_cloudwatch_event_rule: { service: 'events', args: {}, attrs: ['arn'] },
    }),
    tfDataSources: () => ({}),
    mapping: () => ({
      'AWS::SQS::Queue': { tf: ['aws_sqs_queue'], awscc: 'awscc_sqs_queue', kind: 'one-to-one', refAttr: 'url' },
      'AWS::Lambda::Function': { tf: ['aws_lambda_function'], awscc: 'awscc_lambda_function', kind: 'one-to-one' },
    }),
    iamActions: () => ({
      sqs: { SendMessage: { description: 'Delivers a message to a queue.', accessLevel: 'Write' }, ReceiveMessage: { description: 'Retrieves messages.', accessLevel: 'Read' }, GetQueueAttributes: { description: 'Gets attributes.', accessLevel: 'Read' } },
    }),
  });
}

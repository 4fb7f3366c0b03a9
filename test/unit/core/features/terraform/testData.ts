// In-memory knowledge base for the Terraform features: a few types with their mapping, enough to exercise
// equivalents, SAM shortcuts, companions, composite property mappings, GetAtt and Ref.
import { createAwsData, type AwsData } from '../../../../../server/src/core/data/awsData';
import { MINI_SERVICES } from '../../../../helpers/miniData';

export function tfTestData(): AwsData {
  return createAwsData({
    services: () => MINI_SERVICES,
    cfnTypes: () => ({
      'AWS::SQS::Queue': {
        service: 'sqs',
        description: 'Creates a queue.',
        properties: {
          QueueName: { type: 'String', description: 'A name for the queue.' },
          VisibilityTimeout: { type: 'Integer', description: 'Seconds a received message stays hidden.' },
          DelaySeconds: { type: 'Integer', description: 'Delay before delivery.' },
        },
        attributes: ['Arn', 'QueueName', 'QueueUrl'],
      },
      'AWS::Lambda::Function': {
        service: 'lambda',
        description: 'Creates a Lambda function.',
        properties: { Code: { type: 'Code', required: true, description: 'The code for the function.' }, Role: { type: 'String', required: true }, MemorySize: { type: 'Integer' } },
        attributes: ['Arn'],
      },
      'AWS::Events::Rule': { service: 'events', description: 'Creates a rule.', properties: { ScheduleExpression: { type: 'String' }, Targets: { type: 'List<Target>' } }, attributes: ['Arn'] },
      'AWS::Serverless::Function': { service: 'lambda', properties: {}, attributes: ['Arn'] },
    }),
    tfResources: () => ({
      aws_sqs_queue: { service: 'sqs', args: { name: {}, visibility_timeout_seconds: {}, delay_seconds: {}, id: {}, tags: {}, tags_all: {}, timeouts: { block: true } }, attrs: ['arn', 'id', 'url'] },
      aws_lambda_function: {
        service: 'lambda',
        args: { function_name: { required: true }, role: { required: true }, filename: {}, s3_bucket: {}, s3_key: {}, image_uri: {}, memory_size: {}, environment: { block: true }, vpc_config: { block: true } },
        attrs: ['arn', 'invoke_arn'],
      },
      aws_cloudwatch_event_rule: { service: 'events', args: { name: {}, schedule_expression: {} }, attrs: ['arn', 'id'] },
      aws_cloudwatch_event_target: { service: 'events', args: { rule: { required: true }, arn: { required: true } }, attrs: ['id'] },
      aws_iam_role: { service: 'iam', args: { assume_role_policy: { required: true }, name: {} }, attrs: ['arn', 'id'] },
    }),
    tfDataSources: () => ({
      aws_sqs_queue: { service: 'sqs', args: { name: { required: true } }, attrs: ['arn', 'url'] },
      aws_iam_policy_document: { service: 'iam', args: { statement: { block: true } }, attrs: ['json'] },
    }),
    mapping: () => ({
      'AWS::SQS::Queue': { tf: ['aws_sqs_queue'], awscc: 'awscc_sqs_queue', kind: 'one-to-one', refAttr: 'url', attributes: { Arn: 'arn', QueueName: 'name', QueueUrl: 'url' } },
      'AWS::Lambda::Function': { tf: ['aws_lambda_function'], awscc: 'awscc_lambda_function', kind: 'one-to-one', refAttr: 'function_name', attributes: { Arn: 'arn' } },
      'AWS::Events::Rule': { tf: ['aws_cloudwatch_event_rule', 'aws_cloudwatch_event_target'], kind: 'one-to-many', refAttr: 'name' },
      'AWS::Serverless::Function': { tf: ['aws_lambda_function', 'aws_iam_role'], kind: 'one-to-many', refAttr: 'function_name' },
    }),
    propertyMap: () => ({
      'AWS::SQS::Queue': { QueueName: { args: ['name'] }, VisibilityTimeout: { args: ['visibility_timeout_seconds'] } },
      'AWS::Lambda::Function': { Code: { oneOf: [['filename'], ['s3_bucket', 's3_key'], ['image_uri']] } },
      'AWS::Events::Rule': { Targets: { resource: 'aws_cloudwatch_event_target' } },
    }),
    iamActions: () => ({}),
  });
}

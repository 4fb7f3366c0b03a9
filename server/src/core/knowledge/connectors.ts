// What an AWS::Serverless::Connector grants, as data: for each destination type, the IAM actions SAM's connector
// profiles give for the Read and Write permissions, and which ARNs they apply to (the destination's own ARN, its
// indexes, its objects). The converter writes them as a policy on the source's role; a unit test checks every
// action against the IAM action table and its access level.

export interface ConnectorProfile {
  read: readonly string[];
  write: readonly string[];
  /** Suffixes of the destination ARN the statements cover ('' = the ARN itself). */
  resources: readonly string[];
}

const TABLE: ConnectorProfile = {
  read: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:PartiQLSelect'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLDelete', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate'],
  resources: ['', '/index/*'],
};
const FUNCTION: ConnectorProfile = { read: [], write: ['lambda:InvokeAsync', 'lambda:InvokeFunction'], resources: [''] };
const STATE_MACHINE: ConnectorProfile = { read: [], write: ['states:StartExecution', 'states:StartSyncExecution'], resources: [''] };

export const CONNECTOR_PROFILES: Readonly<Record<string, ConnectorProfile>> = {
  'AWS::DynamoDB::Table': TABLE,
  'AWS::Serverless::SimpleTable': TABLE,
  'AWS::SQS::Queue': {
    read: ['sqs:ReceiveMessage', 'sqs:GetQueueAttributes'],
    write: ['sqs:DeleteMessage', 'sqs:SendMessage', 'sqs:ChangeMessageVisibility', 'sqs:PurgeQueue'],
    resources: [''],
  },
  'AWS::SNS::Topic': { read: [], write: ['sns:Publish'], resources: [''] },
  'AWS::S3::Bucket': {
    read: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectLegalHold', 's3:GetObjectRetention', 's3:GetObjectTorrent', 's3:GetObjectVersion', 's3:GetObjectVersionAcl', 's3:GetObjectVersionForReplication', 's3:GetObjectVersionTorrent', 's3:ListBucket', 's3:ListBucketMultipartUploads', 's3:ListBucketVersions', 's3:ListMultipartUploadParts'],
    write: ['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:RestoreObject'],
    resources: ['', '/*'],
  },
  'AWS::Lambda::Function': FUNCTION,
  'AWS::Serverless::Function': FUNCTION,
  'AWS::StepFunctions::StateMachine': STATE_MACHINE,
  'AWS::Serverless::StateMachine': STATE_MACHINE,
  'AWS::Events::EventBus': { read: [], write: ['events:PutEvents'], resources: [''] },
  'AWS::Kinesis::Stream': {
    read: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:SubscribeToShard'],
    write: ['kinesis:PutRecord', 'kinesis:PutRecords'],
    resources: [''],
  },
};

export function connectorProfile(destinationType: string): ConnectorProfile | undefined {
  return Object.prototype.hasOwnProperty.call(CONNECTOR_PROFILES, destinationType) ? CONNECTOR_PROFILES[destinationType] : undefined;
}

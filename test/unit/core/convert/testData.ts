// AwsData for converter tests: the committed Terraform/CloudFormation tables plus a small reviewed mapping
// written here (the generated mapping.json may not exist yet).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAwsData, type AwsData } from '../../../../server/src/core/data/awsData';
import type { CfnResourceType, PropertyTarget, TfType, TypeMapping } from '../../../../server/src/core/data/types';

const DATA = path.resolve(__dirname, '../../../../data');
const read = <T>(file: string, fallback: T): T => {
  const full = path.join(DATA, file);
  return fs.existsSync(full) ? (JSON.parse(fs.readFileSync(full, 'utf8')) as T) : fallback;
};

const one = (tf: string, extra: Partial<TypeMapping> = {}): TypeMapping => ({ tf: [tf], kind: 'one-to-one', refAttr: 'id', ...extra });

export const TEST_MAPPING: Record<string, TypeMapping> = {
  'AWS::SQS::Queue': one('aws_sqs_queue', { refAttr: 'url', attributes: { Arn: 'arn', QueueName: 'name', QueueUrl: 'url' } }),
  'AWS::SQS::QueuePolicy': one('aws_sqs_queue_policy'),
  'AWS::Lambda::Function': one('aws_lambda_function', { refAttr: 'function_name', attributes: { Arn: 'arn' } }),
  'AWS::Lambda::EventSourceMapping': one('aws_lambda_event_source_mapping', { refAttr: 'uuid' }),
  'AWS::Lambda::Permission': one('aws_lambda_permission'),
  'AWS::IAM::Role': one('aws_iam_role', { refAttr: 'name', attributes: { Arn: 'arn', RoleId: 'unique_id' } }),
  'AWS::DynamoDB::Table': one('aws_dynamodb_table', { refAttr: 'name', attributes: { Arn: 'arn', StreamArn: 'stream_arn' } }),
  'AWS::ApiGatewayV2::Api': one('aws_apigatewayv2_api', { attributes: { ApiEndpoint: 'api_endpoint', ApiId: 'id' } }),
  'AWS::ApiGatewayV2::Integration': one('aws_apigatewayv2_integration'),
  'AWS::ApiGatewayV2::Route': one('aws_apigatewayv2_route'),
  'AWS::ApiGatewayV2::Stage': one('aws_apigatewayv2_stage'),
  'AWS::EC2::VPC': one('aws_vpc', { attributes: { CidrBlock: 'cidr_block', VpcId: 'id' } }),
  'AWS::EC2::Subnet': one('aws_subnet', { attributes: { SubnetId: 'id' } }),
  'AWS::EC2::InternetGateway': one('aws_internet_gateway'),
  'AWS::EC2::VPCGatewayAttachment': one('aws_internet_gateway_attachment', { kind: 'one-to-many', tf: ['aws_internet_gateway_attachment', 'aws_vpn_gateway_attachment'] }),
  'AWS::EC2::RouteTable': one('aws_route_table'),
  'AWS::EC2::Route': one('aws_route'),
  'AWS::EC2::SubnetRouteTableAssociation': one('aws_route_table_association'),
  'AWS::EC2::SecurityGroup': one('aws_security_group', { attributes: { GroupId: 'id' } }),
  'AWS::EC2::EIP': one('aws_eip', { refAttr: 'public_ip', attributes: { AllocationId: 'allocation_id' } }),
  'AWS::EC2::NatGateway': one('aws_nat_gateway'),
  'AWS::S3::Bucket': one('aws_s3_bucket', {
    attributes: { Arn: 'arn', DomainName: 'bucket_domain_name', RegionalDomainName: 'bucket_regional_domain_name' },
  }),
  'AWS::S3::BucketPolicy': one('aws_s3_bucket_policy'),
  'AWS::CloudFront::Distribution': one('aws_cloudfront_distribution', { attributes: { DomainName: 'domain_name', Id: 'id' } }),
  'AWS::CloudFront::OriginAccessControl': one('aws_cloudfront_origin_access_control'),
  'AWS::CloudFront::CloudFrontOriginAccessIdentity': one('aws_cloudfront_origin_access_identity', {
    attributes: { S3CanonicalUserId: 's3_canonical_user_id', Id: 'id' },
  }),
  'AWS::Events::Rule': one('aws_cloudwatch_event_rule', { attributes: { Arn: 'arn' } }),
  'AWS::Logs::LogGroup': one('aws_cloudwatch_log_group', { refAttr: 'name', attributes: { Arn: 'arn' } }),
  'AWS::SNS::Topic': one('aws_sns_topic', { refAttr: 'arn', attributes: { TopicName: 'name' } }),
  'AWS::Batch::JobQueue': { tf: [], kind: 'none', awscc: 'awscc_batch_job_queue' },
};

/** The reviewed property answers of those types (data/property-map.json's form). */
export const TEST_PROPERTIES: Record<string, Record<string, PropertyTarget>> = {
  'AWS::SQS::Queue': { ReceiveMessageWaitTimeSeconds: { args: ['receive_wait_time_seconds'] }, MaximumMessageSize: { args: ['max_message_size'] } },
  'AWS::SQS::QueuePolicy': { PolicyDocument: { args: ['policy'] } },
  'AWS::IAM::Role': { RoleName: { args: ['name'] } },
  'AWS::ApiGatewayV2::Stage': { StageName: { args: ['name'] } },
  'AWS::CloudFront::OriginAccessControl': { OriginAccessControlConfig: { flatten: ['name', 'signing_protocol'] } },
  'AWS::CloudFront::CloudFrontOriginAccessIdentity': { CloudFrontOriginAccessIdentityConfig: { flatten: ['comment'] } },
};

export function testData(mapping: Record<string, TypeMapping> = TEST_MAPPING, properties = TEST_PROPERTIES): AwsData {
  const tf = read<{ resources?: Record<string, TfType>; dataSources?: Record<string, TfType> }>('tf-types.mpl.json', {});
  const cfn = read<{ types?: Record<string, CfnResourceType> }>('cfn-types.json', {});
  return createAwsData({
    services: () => [],
    cfnTypes: () => cfn.types ?? {},
    tfResources: () => tf.resources ?? {},
    tfDataSources: () => tf.dataSources ?? {},
    mapping: () => mapping,
    propertyMap: () => properties,
    iamActions: () => ({}),
    samPolicyTemplates: () => read('sam-policy-templates.json', undefined),
  });
}

import * as assert from 'node:assert/strict';
import { identityAt, scanIdentities, type Recognizer } from '../../../../server/src/core/recognize/identities';
import { ServiceNameMatcher } from '../../../../server/src/core/recognize/serviceNameMatcher';
import { loadAwsData } from '../../../../server/src/node/dataLoader';
import { withCursor } from '../../../helpers/cursor';
import { miniData } from '../../../helpers/miniData';

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
    // A quoted ARN runs to its quote (the legacy CloudFront principal has spaces); an unquoted one stops at a space.
    assert.equal(at('"AWS": "arn:aws:sqs::cloudfront:user/CloudFront Origin Access Identity E2Q‸WRUHAPOMQZL"'), 'arn sqs arn:aws:sqs::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL');
    assert.equal(at('see arn:aws:sqs:ap-northeast-1:1:jobs and then‸ more'), undefined);
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

describe('identity resolver: features and principals (generated data)', () => {
  const data = loadAwsData();
  const recognizer: Recognizer = { data, names: new ServiceNameMatcher(data.services(), data.features()) };
  const at = (source: string, mode: 'prose' | 'code' = 'code') => {
    const { text, offset } = withCursor(source);
    const identity = identityAt(recognizer, text, offset, mode);
    return identity && `${identity.kind} ${identity.serviceId} ${identity.text}${identity.feature ? ` [${identity.feature.name}]` : ''}`;
  };

  it('links EC2 networking types, their extensions and Terraform equivalents to the feature', () => {
    assert.equal(at('Type: AWS::EC2::Transit‸Gateway'), 'cfnType vpc AWS::EC2::TransitGateway [Transit Gateway]');
    assert.equal(at('Type: AWS::EC2::SecurityGroupIng‸ress'), 'cfnType vpc AWS::EC2::SecurityGroupIngress [Security Group]');
    assert.equal(at('Type: AWS::EC2::VPCEnd‸point'), 'cfnType vpc AWS::EC2::VPCEndpoint [VPC Endpoint]');
    assert.equal(at('Type: AWS::EC2::Nat‸Gateway'), 'cfnType vpc AWS::EC2::NatGateway [NAT Gateway]');
    assert.equal(at('resource "aws_ec2_transit_gateway_route‸_table" "x" {'), 'tfType vpc aws_ec2_transit_gateway_route_table [Transit Gateway]');
    assert.equal(at('resource "aws_vpc_security_group_ingress‸_rule" "x" {'), 'tfType vpc aws_vpc_security_group_ingress_rule [Security Group]');
    assert.equal(at('resource "aws_vpc_endpoint_security_group_associ‸ation" "x" {'), 'tfType vpc aws_vpc_endpoint_security_group_association [VPC Endpoint]');
    assert.equal(at('Type: AWS::Lambda::EventSource‸Mapping'), 'cfnType lambda AWS::Lambda::EventSourceMapping [Event Source Mapping]');
    assert.equal(at('resource "aws_lambda_event_source‸_mapping" "x" {'), 'tfType lambda aws_lambda_event_source_mapping [Event Source Mapping]');
    assert.equal(at('Type: AWS::Lambda::Layer‸Version'), 'cfnType lambda AWS::Lambda::LayerVersion [Lambda Layer]');
    assert.equal(at('resource "aws_ei‸p" "x" {'), 'tfType ec2 aws_eip [Elastic IP]');
  });

  it('types that are not features carry none (negatives)', () => {
    assert.equal(at('Type: AWS::EC2::V‸PC'), 'cfnType vpc AWS::EC2::VPC');
    assert.equal(at('Type: AWS::SQS::Qu‸eue'), 'cfnType sqs AWS::SQS::Queue');
    assert.equal(at('resource "aws_sub‸net" "x" {'), 'tfType vpc aws_subnet');
    assert.equal(at('Type: AWS::EC2::Inst‸ance'), 'cfnType ec2 AWS::EC2::Instance');
  });

  it('exposes every name of the feature as query terms, English and Japanese', () => {
    const { text, offset } = withCursor('Type: AWS::EC2::Security‸Group');
    const feature = identityAt(recognizer, text, offset, 'code')!.feature!;
    assert.equal(feature.name, 'Security Group');
    assert.equal(feature.terms[0], 'Security Group');
    assert.ok(feature.terms.includes('セキュリティグループ'), feature.terms.join(','));
  });

  it('resolves every service principal in the data to its service, and unlisted ones by their IAM prefix', () => {
    const wrong: string[] = [];
    let count = 0;
    for (const service of data.services()) {
      for (const principal of service.principals) {
        count++;
        const found = scanIdentities(recognizer, `"Service": "${principal}"`, 'code').find((i) => i.kind === 'principal');
        if (found?.serviceId !== service.id) wrong.push(`${principal} -> ${found?.serviceId} (want ${service.id})`);
      }
    }
    assert.ok(count > 50, `${count} principals`);
    assert.deepEqual(wrong, []);
    assert.equal(at('Principal: { Service: cognito-identity.amazon‸aws.com }'), 'principal cognito-identity cognito-identity.amazonaws.com [Identity Pool]');
    assert.equal(at('Principal: { Service: edgelambda.amazon‸aws.com }'), 'principal lambda edgelambda.amazonaws.com [Lambda@Edge]');
    assert.equal(at('Principal: { Service: events.amazon‸aws.com }'), 'principal events events.amazonaws.com');
    assert.equal(at('Principal: { Service: states.amazon‸aws.com }'), 'principal states states.amazonaws.com');
    assert.equal(at('Principal: { Service: delivery.logs.amazon‸aws.com }'), 'principal logs delivery.logs.amazonaws.com');
    assert.equal(at('Principal: { Service: logs.ap-northeast-1.amazon‸aws.com }'), 'principal logs logs.ap-northeast-1.amazonaws.com');
    assert.equal(at('Principal: { Service: nothing-here.amazon‸aws.com }'), undefined);
  });

  it('a feature named in Japanese prose resolves to its parent service with the feature', () => {
    assert.equal(at('Transit Gate‸wayを使う', 'prose'), 'service vpc Transit Gateway [Transit Gateway]');
    assert.equal(at('IDプ‸ールの認証', 'prose'), 'service cognito-identity IDプール [Identity Pool]');
  });

  it('SAM types and names belong to SAM, not CloudFormation', () => {
    assert.equal(at('Type: AWS::Serverless::Func‸tion'), 'cfnType serverless AWS::Serverless::Function');
    assert.equal(at('AWS S‸AM でデプロイ', 'prose'), 'service serverless AWS SAM');
    assert.equal(at('Type: AWS::CloudFormation::St‸ack'), 'cfnType cloudformation AWS::CloudFormation::Stack');
  });
});

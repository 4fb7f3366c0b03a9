// Hand-written additions to the CloudFormation type data.

// EC2 types that belong to the VPC entry of the service catalog (networking rather than compute).
export const VPC_TYPES = [
  'VPC', 'Subnet', 'RouteTable', 'Route', 'SubnetRouteTableAssociation', 'InternetGateway', 'VPCGatewayAttachment',
  'EgressOnlyInternetGateway', 'NatGateway', 'SecurityGroup', 'SecurityGroupIngress', 'SecurityGroupEgress', 'NetworkAcl',
  'NetworkAclEntry', 'SubnetNetworkAclAssociation', 'VPCEndpoint', 'VPCEndpointService', 'VPCEndpointServicePermissions',
  'VPCEndpointConnectionNotification', 'VPCPeeringConnection', 'VPCCidrBlock', 'SubnetCidrBlock', 'DHCPOptions',
  'VPCDHCPOptionsAssociation', 'FlowLog', 'CustomerGateway', 'VPNGateway', 'VPNConnection', 'VPNConnectionRoute',
  'VPNGatewayRoutePropagation', 'TransitGateway', 'TransitGatewayAttachment', 'TransitGatewayVpcAttachment',
  'TransitGatewayRouteTable', 'TransitGatewayRoute', 'TransitGatewayRouteTableAssociation', 'TransitGatewayRouteTablePropagation',
  'TransitGatewayPeeringAttachment', 'PrefixList', 'NetworkInterface', 'NetworkInterfaceAttachment', 'GatewayRouteTableAssociation',
].map((t) => `AWS::EC2::${t}`);

// What !Ref returns where the spec's identifier is not what people expect to read.
export const REF_RETURNS = {
  'AWS::SQS::Queue': 'queue URL',
  'AWS::SNS::Topic': 'topic ARN',
  'AWS::Lambda::Function': 'function name',
  'AWS::IAM::Role': 'role name',
  'AWS::IAM::ManagedPolicy': 'policy ARN',
  'AWS::IAM::InstanceProfile': 'instance profile name',
  'AWS::S3::Bucket': 'bucket name',
  'AWS::DynamoDB::Table': 'table name',
  'AWS::EC2::Instance': 'instance ID',
  'AWS::EC2::VPC': 'VPC ID',
  'AWS::EC2::Subnet': 'subnet ID',
  'AWS::EC2::SecurityGroup': 'security group ID',
  'AWS::Events::Rule': 'rule name',
  'AWS::Logs::LogGroup': 'log group name',
  'AWS::StepFunctions::StateMachine': 'state machine ARN',
  'AWS::KMS::Key': 'key ID',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'load balancer ARN',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'target group ARN',
  'AWS::ElasticLoadBalancingV2::Listener': 'listener ARN',
  'AWS::ApiGateway::RestApi': 'REST API ID',
  'AWS::ApiGatewayV2::Api': 'API ID',
  'AWS::CloudWatch::Alarm': 'alarm name',
  'AWS::SecretsManager::Secret': 'secret ARN',
  'AWS::SSM::Parameter': 'parameter name',
  'AWS::ECS::Cluster': 'cluster name',
  'AWS::ECS::Service': 'service ARN',
  'AWS::ECS::TaskDefinition': 'task definition ARN',
  'AWS::RDS::DBInstance': 'DB instance identifier',
  'AWS::CertificateManager::Certificate': 'certificate ARN',
  'AWS::Route53::HostedZone': 'hosted zone ID',
  'AWS::Route53::RecordSet': 'record name',
  'AWS::CloudFront::Distribution': 'distribution ID',
  'AWS::Kinesis::Stream': 'stream name',
  'AWS::KinesisFirehose::DeliveryStream': 'delivery stream name',
  'AWS::Serverless::Function': 'function name',
  'AWS::Serverless::Api': 'REST API ID',
  'AWS::Serverless::HttpApi': 'API ID',
  'AWS::Serverless::SimpleTable': 'table name',
  'AWS::Serverless::StateMachine': 'state machine ARN',
  'AWS::Serverless::LayerVersion': 'layer version ARN',
};

const SAM = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/';

// SAM resources the spec lacks or describes thinly. Properties follow the SAM specification.
export const SERVERLESS = {
  'AWS::Serverless::Function': {
    description: 'SAM: a Lambda function with its IAM role, event source mappings and triggers.',
    docUrl: SAM + 'sam-resource-function.html', attributes: ['Arn'],
  },
  'AWS::Serverless::Api': { description: 'SAM: an API Gateway REST API with its stage and deployment.', docUrl: SAM + 'sam-resource-api.html', attributes: ['RootResourceId'] },
  'AWS::Serverless::HttpApi': { description: 'SAM: an API Gateway HTTP API (v2) with its stage.', docUrl: SAM + 'sam-resource-httpapi.html', attributes: [] },
  'AWS::Serverless::SimpleTable': { description: 'SAM: a DynamoDB table with a single-attribute primary key.', docUrl: SAM + 'sam-resource-simpletable.html', attributes: [] },
  'AWS::Serverless::LayerVersion': { description: 'SAM: a Lambda layer version.', docUrl: SAM + 'sam-resource-layerversion.html', attributes: [] },
  'AWS::Serverless::StateMachine': { description: 'SAM: a Step Functions state machine with its role and event sources.', docUrl: SAM + 'sam-resource-statemachine.html', attributes: ['Arn', 'Name'] },
  'AWS::Serverless::Application': { description: 'SAM: a nested application from the Serverless Application Repository or a template URL.', docUrl: SAM + 'sam-resource-application.html', attributes: [] },
  'AWS::Serverless::Connector': {
    description: 'SAM: grants a source resource permission to access a destination resource (IAM policies generated).',
    docUrl: SAM + 'sam-resource-connector.html', attributes: [],
    properties: {
      Source: { type: 'ResourceReference', required: true, description: 'The source resource (usually Id: LogicalId).' },
      Destination: { type: 'ResourceReference', required: true, description: 'The destination resource or a list of them.' },
      Permissions: { type: 'List<String>', required: true, description: 'Permission types the source gets on the destination.', allowed: ['Read', 'Write'] },
    },
  },
  'AWS::Serverless::GraphQLApi': {
    description: 'SAM: an AppSync GraphQL API with schema, data sources, functions and resolvers.',
    docUrl: SAM + 'sam-resource-graphqlapi.html', attributes: ['ApiId', 'Arn', 'GraphQLUrl', 'GraphQLDns', 'RealtimeUrl', 'RealtimeDns'],
    properties: {
      Auth: { type: 'Auth', required: true, description: 'Authorization configuration of the API.' },
      Name: { type: 'String', description: 'Name of the API.' },
      SchemaInline: { type: 'String', description: 'GraphQL schema in SDL, inline.' },
      SchemaUri: { type: 'String', description: 'S3 URI or local path of the GraphQL schema.' },
      DataSources: { type: 'DataSource', description: 'DynamoDB and Lambda data sources.' },
      Functions: { type: 'Map<Function>', description: 'AppSync functions (pipeline steps).' },
      Resolvers: { type: 'Map<Resolver>', description: 'Resolvers per type and field.' },
      ApiKeys: { type: 'Map<ApiKey>', description: 'API keys to create.' },
      Logging: { type: 'Logging', description: 'CloudWatch Logs configuration.' },
      XrayEnabled: { type: 'Boolean', description: 'Whether X-Ray tracing is enabled.' },
      Tags: { type: 'Map<String>', description: 'Tags for the API.' },
    },
  },
};

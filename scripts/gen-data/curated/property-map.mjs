// REVIEWED property-level answers that the reviewed type table (tf-mapping.mjs) states too loosely. Each entry
// replaces that table's answer for one property; forms as in data/property-map.json:
//   { args: [...] }            the property becomes these arguments together
//   { oneOf: [[...], [...]] }  one of these argument sets, depending on which fields the value has
//   { flatten: [...] }         a wrapper object whose fields are the resource's own arguments (examples listed)
//   { resource: 'aws_...' }    a separate Terraform resource
//   { none: 'why' }            no Terraform argument
// `exclusive: [...]` names properties this one cannot be set with (CodeUri / InlineCode): only those may share
// an argument. SAM types are answered for the resource SAM's expansion puts the property on.
export const PROPERTY_OVERRIDES = {
  // Code is either a local package, an S3 object (with an optional version) or an image.
  // Inline code (ZipFile) is packaged with data "archive_file" into filename + source_code_hash.
  'AWS::Lambda::Function': { Code: { oneOf: [['filename', 'source_code_hash'], ['s3_bucket', 's3_key', 's3_object_version'], ['image_uri']] } },
  'AWS::Lambda::LayerVersion': { Content: { oneOf: [['s3_bucket', 's3_key', 's3_object_version']] } },
  'AWS::CloudFront::OriginAccessControl': { OriginAccessControlConfig: { flatten: ['name', 'origin_access_control_origin_type', 'signing_behavior', 'signing_protocol'] } },
  'AWS::CloudFront::CloudFrontOriginAccessIdentity': { CloudFrontOriginAccessIdentityConfig: { flatten: ['comment'] } },
  'AWS::EC2::SecurityGroup': {
    // The converter writes inline rules, as CloudFormation declares them on the group.
    SecurityGroupIngress: { args: ['ingress'] },
    SecurityGroupEgress: { args: ['egress'] },
  },
  // The primary target is the internet gateway attachment; a VPN gateway needs aws_vpn_gateway_attachment instead.
  'AWS::EC2::VPCGatewayAttachment': { VpnGatewayId: { none: 'a VPN gateway is attached with aws_vpn_gateway_attachment (vpn_gateway_id)' } },
  // ResourceType says which target argument ResourceId becomes; the log group is given by ARN in Terraform.
  'AWS::EC2::FlowLog': {
    ResourceId: { oneOf: [['vpc_id'], ['subnet_id'], ['eni_id'], ['transit_gateway_id'], ['transit_gateway_attachment_id']] },
    ResourceType: { none: 'selects which argument ResourceId becomes (vpc_id, subnet_id, eni_id...)' },
    LogGroupName: { args: ['log_destination'] },
    DeliverLogsPermissionArn: { args: ['iam_role_arn'] },
  },
  'AWS::ElastiCache::ServerlessCache': {
    ServerlessCacheName: { args: ['name'] },
    FinalSnapshotName: { none: 'Terraform does not take a final snapshot of a serverless cache' },
  },
  // DirectPut is Terraform's default; KinesisStreamAsSource is said by kinesis_source_configuration. `destination`
  // names the *DestinationConfiguration given instead (the converter writes it).
  'AWS::KinesisFirehose::DeliveryStream': { DeliveryStreamType: { none: 'DirectPut is the default; KinesisStreamAsSource is said by kinesis_source_configuration' } },
  // ElastiCache: Terraform drops the "Cache" prefix and "Preferred"; the cluster's name is its id.
  'AWS::ElastiCache::CacheCluster': {
    ClusterName: { args: ['cluster_id'] },
    CacheNodeType: { args: ['node_type'] },
    CacheParameterGroupName: { args: ['parameter_group_name'] },
    CacheSubnetGroupName: { args: ['subnet_group_name'] },
    VpcSecurityGroupIds: { args: ['security_group_ids'] },
    PreferredAvailabilityZone: { args: ['availability_zone'] },
    PreferredMaintenanceWindow: { args: ['maintenance_window'] },
  },
  'AWS::ElastiCache::ReplicationGroup': {
    CacheNodeType: { args: ['node_type'] },
    CacheParameterGroupName: { args: ['parameter_group_name'] },
    CacheSubnetGroupName: { args: ['subnet_group_name'] },
    PreferredMaintenanceWindow: { args: ['maintenance_window'] },
  },
  // SAM state machine: the aws_sfn_state_machine SAM's expansion creates (its role and events are separate).
  'AWS::Serverless::StateMachine': {
    Name: { args: ['name'] },
    Role: { args: ['role_arn'] },
    Definition: { args: ['definition'], exclusive: ['DefinitionUri'] },
    DefinitionUri: { args: ['definition'], exclusive: ['Definition'] },
    DefinitionSubstitutions: { none: 'substituted into the definition (jsonencode or templatefile variables)' },
    Type: { args: ['type'] },
    Logging: { args: ['logging_configuration'] },
    Tracing: { args: ['tracing_configuration'] },
    Policies: { none: 'attached to the aws_iam_role SAM creates for the state machine' },
    Events: { none: 'each event becomes its own resources (rule and target with a role, API route)' },
  },
  // Names the provider spells differently (OAuth, URLs, minutes), and wrappers it flattens.
  'AWS::Cognito::UserPoolClient': {
    AllowedOAuthFlows: { args: ['allowed_oauth_flows'] },
    AllowedOAuthFlowsUserPoolClient: { args: ['allowed_oauth_flows_user_pool_client'] },
    AllowedOAuthScopes: { args: ['allowed_oauth_scopes'] },
    CallbackURLs: { args: ['callback_urls'] },
    LogoutURLs: { args: ['logout_urls'] },
  },
  'AWS::Cognito::UserPool': { Policies: { flatten: ['password_policy'] } },
  'AWS::CodeBuild::Project': { TimeoutInMinutes: { args: ['build_timeout'] }, QueuedTimeoutInMinutes: { args: ['queued_timeout'] } },
  'AWS::EFS::FileSystem': { FileSystemTags: { args: ['tags'] } },
  'AWS::ApiGatewayV2::Authorizer': { IdentitySource: { args: ['identity_sources'] } },
  // Terraform's names for the key source and the import mode of a body.
  'AWS::ApiGateway::RestApi': {
    ApiKeySourceType: { args: ['api_key_source'] },
    Mode: { args: ['put_rest_api_mode'] },
  },
  // The stage's names differ from CloudFormation's (singular setting, X-Ray flag); each method setting is its own resource.
  'AWS::ApiGateway::Stage': {
    AccessLogSetting: { args: ['access_log_settings'] },
    TracingEnabled: { args: ['xray_tracing_enabled'] },
    MethodSettings: { resource: 'aws_api_gateway_method_settings' },
  },
  'AWS::EC2::LaunchTemplate': { LaunchTemplateData: { flatten: ['image_id', 'instance_type', 'user_data', 'iam_instance_profile', 'block_device_mappings', 'metadata_options'] } },
  // The generated value is stored by a secret version (with data "aws_secretsmanager_random_password").
  'AWS::SecretsManager::Secret': { GenerateSecretString: { resource: 'aws_secretsmanager_secret_version' } },
  // An Auto Scaling group's tags are repeated tag blocks (key, value, propagate_at_launch).
  'AWS::AutoScaling::AutoScalingGroup': { Tags: { args: ['tag'] } },
  // One source_access_configuration block per entry.
  'AWS::Lambda::EventSourceMapping': { SourceAccessConfigurations: { args: ['source_access_configuration'] } },
  // A group's or user's policies are separate resources, as a role's are.
  'AWS::IAM::Group': { ManagedPolicyArns: { resource: 'aws_iam_group_policy_attachment' }, Policies: { resource: 'aws_iam_group_policy' } },
  'AWS::IAM::User': { ManagedPolicyArns: { resource: 'aws_iam_user_policy_attachment' }, Policies: { resource: 'aws_iam_user_policy' } },
  // The check's settings are the resource's own arguments in Terraform.
  'AWS::Route53::HealthCheck': { HealthCheckConfig: { flatten: ['type', 'fqdn', 'ip_address', 'port', 'resource_path', 'request_interval', 'failure_threshold', 'search_string'] } },
  // The definition is given either as an object or as a string, never both.
  'AWS::StepFunctions::StateMachine': {
    Definition: { args: ['definition'], exclusive: ['DefinitionString'] },
    DefinitionString: { args: ['definition'], exclusive: ['Definition'] },
  },
  'AWS::Serverless::Function': {
    FunctionName: { args: ['function_name'] },
    Role: { args: ['role'] },
    CodeUri: { oneOf: [['filename', 'source_code_hash'], ['s3_bucket', 's3_key', 's3_object_version']], exclusive: ['InlineCode', 'ImageUri'] },
    InlineCode: { args: ['filename', 'source_code_hash'], exclusive: ['CodeUri', 'ImageUri'] },
    Tracing: { args: ['tracing_config'] },
    DeadLetterQueue: { args: ['dead_letter_config'] },
    FunctionUrlConfig: { resource: 'aws_lambda_function_url' },
    Events: { none: 'each event becomes its own resources (event source mapping, rule and target, subscription, permission, API route)' },
    Policies: { none: 'attached to the aws_iam_role SAM creates for the function' },
    PermissionsBoundary: { none: 'set on the aws_iam_role SAM creates for the function' },
    AssumeRolePolicyDocument: { none: 'the assume_role_policy of the aws_iam_role SAM creates for the function' },
    VersionDescription: { none: 'describes the version SAM publishes (aws_lambda_alias / published version), not the function' },
    AutoPublishCodeSha256: { none: 'only changes the version SAM publishes' },
    AutoPublishAlias: { resource: 'aws_lambda_alias' },
    DeploymentPreference: { none: 'CodeDeploy traffic shifting; not converted' },
    ProvisionedConcurrencyConfig: { none: 'set on the alias AutoPublishAlias publishes (aws_lambda_provisioned_concurrency_config); alone, SAM rejects it' },
    EventInvokeConfig: { resource: 'aws_lambda_function_event_invoke_config' },
  },
  'AWS::Serverless::LayerVersion': {
    LayerName: { args: ['layer_name'] },
    ContentUri: { oneOf: [['filename', 'source_code_hash'], ['s3_bucket', 's3_key', 's3_object_version']] },
    RetentionPolicy: { none: 'Terraform keeps old versions with skip_destroy; not converted' },
  },
  'AWS::Serverless::SimpleTable': {
    TableName: { args: ['name'] },
    PrimaryKey: { args: ['hash_key', 'attribute'] },
    ProvisionedThroughput: { args: ['billing_mode', 'read_capacity', 'write_capacity'] },
    SSESpecification: { args: ['server_side_encryption'] },
  },
  'AWS::Serverless::HttpApi': {
    StageName: { resource: 'aws_apigatewayv2_stage' },
    DefinitionBody: { none: 'not converted; write it as body' },
    DefinitionUri: { none: 'not converted; read the file into body' },
  },
  'AWS::Serverless::Api': {
    StageName: { resource: 'aws_api_gateway_stage' },
    DefinitionBody: { none: 'SAM merges it with the routes of the functions\' Api events; the converter writes body from those events' },
    DefinitionUri: { none: 'not converted; read the file into body' },
  },
};

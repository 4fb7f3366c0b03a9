// What SAM's transform creates for each AWS::Serverless::* type, as data: the main Terraform resource (what
// `!Ref` and `!GetAtt` of the logical id become) and the implicit resources SAM adds under derived logical ids.
// The converter plans its targets from this; the Terraform hover reads it backwards. Property answers for SAM
// types are in data/property-map.json like any other type's.

export interface SamTarget {
  tfType: string;
  /** Attribute `!Ref` becomes. */
  refAttr: string;
  /** GetAtt attribute -> Terraform attribute. */
  attributes: Readonly<Record<string, string>>;
}

export interface SamImplicit extends SamTarget {
  /** Logical id SAM gives it: `${id}${suffix}` (FunctionRole), or a fixed id (ServerlessRestApi). */
  suffix?: string;
  logicalId?: string;
  /** Created only when the resource does not set this property (a function's own Role). */
  unlessProperty?: string;
  /** Created only for an event of this type that names no API of its own (`RestApiId` / `ApiId`). */
  forEvent?: { type: string; unlessProperty: string };
}

export interface SamExpansion {
  main: SamTarget;
  implicit: readonly SamImplicit[];
  /** Whether the converter writes Terraform for it (the rest get a TODO naming the type). */
  converted: boolean;
}

const ROLE: SamImplicit = { suffix: 'Role', tfType: 'aws_iam_role', refAttr: 'name', attributes: { Arn: 'arn' }, unlessProperty: 'Role' };
export const IMPLICIT_REST_API: SamImplicit = {
  logicalId: 'ServerlessRestApi', tfType: 'aws_api_gateway_rest_api', refAttr: 'id', attributes: { RootResourceId: 'root_resource_id' },
  forEvent: { type: 'Api', unlessProperty: 'RestApiId' },
};
export const IMPLICIT_HTTP_API: SamImplicit = {
  logicalId: 'ServerlessHttpApi', tfType: 'aws_apigatewayv2_api', refAttr: 'id', attributes: { ApiEndpoint: 'api_endpoint' },
  forEvent: { type: 'HttpApi', unlessProperty: 'ApiId' },
};

export const SAM_EXPANSIONS: Readonly<Record<string, SamExpansion>> = {
  'AWS::Serverless::Function': {
    main: { tfType: 'aws_lambda_function', refAttr: 'function_name', attributes: { Arn: 'arn' } },
    implicit: [ROLE, IMPLICIT_REST_API, IMPLICIT_HTTP_API],
    converted: true,
  },
  'AWS::Serverless::SimpleTable': {
    main: { tfType: 'aws_dynamodb_table', refAttr: 'name', attributes: { Arn: 'arn', StreamArn: 'stream_arn' } },
    implicit: [],
    converted: true,
  },
  'AWS::Serverless::HttpApi': {
    main: { tfType: 'aws_apigatewayv2_api', refAttr: 'id', attributes: { ApiEndpoint: 'api_endpoint' } },
    implicit: [],
    converted: true,
  },
  'AWS::Serverless::Api': {
    main: { tfType: 'aws_api_gateway_rest_api', refAttr: 'id', attributes: { RootResourceId: 'root_resource_id' } },
    implicit: [],
    converted: true,
  },
  'AWS::Serverless::LayerVersion': {
    main: { tfType: 'aws_lambda_layer_version', refAttr: 'arn', attributes: {} },
    implicit: [],
    converted: true,
  },
  'AWS::Serverless::StateMachine': {
    main: { tfType: 'aws_sfn_state_machine', refAttr: 'arn', attributes: { Arn: 'arn', Name: 'name' } },
    implicit: [ROLE, IMPLICIT_REST_API],
    converted: true,
  },
  // The IAM policy its connector profile implies, on the source's role (knowledge/connectors.ts).
  'AWS::Serverless::Connector': {
    main: { tfType: 'aws_iam_role_policy', refAttr: 'id', attributes: {} },
    implicit: [],
    converted: true,
  },
};

/**
 * Properties of a SAM API that SAM's transform puts on the stage it generates, not on the API (Api: AccessLogSetting,
 * MethodSettings...; HttpApi: AccessLogSettings, RouteSettings...), with the stage's CloudFormation type: the
 * converter answers them as that type's properties.
 */
export const SAM_API_STAGES: Readonly<Record<string, { cfnType: string; properties: readonly string[] }>> = {
  'AWS::Serverless::Api': {
    cfnType: 'AWS::ApiGateway::Stage',
    properties: ['AccessLogSetting', 'CacheClusterEnabled', 'CacheClusterSize', 'MethodSettings', 'TracingEnabled', 'Variables'],
  },
  'AWS::Serverless::HttpApi': {
    cfnType: 'AWS::ApiGatewayV2::Stage',
    properties: ['AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'StageVariables'],
  },
};

/** The CloudFormation resources SAM's transform generates for each SAM type (what the template hover lists). */
export const SAM_CFN_RESOURCES: Readonly<Record<string, readonly string[]>> = {
  'AWS::Serverless::Function': ['AWS::Lambda::Function', 'AWS::IAM::Role', 'AWS::Lambda::Permission', 'AWS::Lambda::EventSourceMapping', 'AWS::Events::Rule'],
  'AWS::Serverless::Api': ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Deployment', 'AWS::ApiGateway::Stage'],
  'AWS::Serverless::HttpApi': ['AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage'],
  'AWS::Serverless::SimpleTable': ['AWS::DynamoDB::Table'],
  'AWS::Serverless::LayerVersion': ['AWS::Lambda::LayerVersion'],
  'AWS::Serverless::StateMachine': ['AWS::StepFunctions::StateMachine', 'AWS::IAM::Role'],
  'AWS::Serverless::Application': ['AWS::CloudFormation::Stack'],
  'AWS::Serverless::Connector': ['AWS::IAM::Policy'],
  'AWS::Serverless::GraphQLApi': ['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema', 'AWS::AppSync::DataSource', 'AWS::AppSync::Resolver'],
};

export function samExpansion(cfnType: string): SamExpansion | undefined {
  return Object.prototype.hasOwnProperty.call(SAM_EXPANSIONS, cfnType) ? SAM_EXPANSIONS[cfnType] : undefined;
}

/** SAM types whose expansion creates `tfType` (as its main resource or an implicit one). */
export function samTypesCreating(tfType: string): string[] {
  return Object.entries(SAM_EXPANSIONS)
    .filter(([, e]) => e.main.tfType === tfType || e.implicit.some((i) => i.tfType === tfType))
    .map(([cfn]) => cfn);
}

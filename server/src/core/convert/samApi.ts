// What SAM's transform adds around an AWS::Serverless::Api / HttpApi beyond the API itself (aws-sam-translator's
// api_generator.py, http_api_generator.py): authorizers, usage plans, the properties SAM puts on the stage, and
// (samApiBody.ts) the REST API's OpenAPI body additions, (samApiDomain.ts) custom domains. REST APIs carry their
// routes in an OpenAPI body (sam.ts), so their authorizers and CORS go into that body as SAM writes them; an HTTP
// API's routes are Terraform resources, so its authorizers are aws_apigatewayv2_authorizer resources they point at.
import { isFunctionValue, isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import { blockBody } from './arguments';
import type { ConvertContext, TfTarget } from './context';
import { address, expr } from './expressions';
import { attr, code, list, nested, str, type BodyItem } from './hcl';
import { snakeCase } from './naming';
import { propertyItems, scopeFor } from './resources';
import { httpDomain, restDomain } from './samApiDomain';
import { SAM_API_STAGES } from '../knowledge/sam';
import { templateResource } from './templateResources';
import { emit, samTodo } from './samCommon';
import { map, lambdaUri, identityItems } from './samApiValues';

/** A SAM API's properties as SAM reads them: Globals (Api / HttpApi) under the resource's own. */
export function samApiProperties(ctx: ConvertContext, apiId: string, samType: 'AWS::Serverless::Api' | 'AWS::Serverless::HttpApi'): CfnValueMap {
  const globals = map(map(ctx.template.value.Globals)[samType.replace('AWS::Serverless::', '')]);
  const own = templateResource(ctx, apiId);
  return { ...globals, ...(own && own.Type === samType ? map(own.Properties) : {}) };
}

/** Properties handled here or on the stage, not as arguments of the API resource. */
export function handledApiProperty(samType: string, property: string): boolean {
  // OpenApiVersion only chooses the version of the document SAM generates; the converter always writes OpenAPI 3.
  return ['Auth', 'Cors', 'Domain', 'OpenApiVersion', 'GatewayResponses'].includes(property) || (SAM_API_STAGES[samType]?.properties.includes(property) ?? false);
}

/** The stage's arguments for the API properties SAM puts on the stage, answered as the stage type's properties. */
export function stageItems(ctx: ConvertContext, apiId: string, samType: string, stage: TfTarget, props: CfnValueMap, condition: CfnValue | undefined, later: (() => void)[]): BodyItem[] {
  const spec = SAM_API_STAGES[samType];
  if (!spec) return [];
  const scope = scopeFor(ctx, apiId, spec.cfnType, stage, condition, later);
  return spec.properties.filter((p) => props[p] !== undefined).flatMap((p) => propertyItems(scope, p, props[p], props));
}

/** The permission SAM adds so API Gateway may call a Lambda authorizer of this API. */
function authorizerPermission(ctx: ConvertContext, apiId: string, api: TfTarget, name: string, functionArn: CfnValue, condition: CfnValue | undefined): void {
  emit(ctx, apiId, 'aws_lambda_permission', ctx.uniqueName('aws_lambda_permission', `${api.name}_${snakeCase(name)}_authorizer`), condition, () => [
    attr('action', str('lambda:InvokeFunction')),
    attr('function_name', expr(ctx, functionArn)),
    attr('principal', str('apigateway.amazonaws.com')),
    attr('source_arn', { k: 'template', parts: [code(`${address(api)}.execution_arn`), '/authorizers/*'] }),
  ]);
}

/** Event properties converted (Stage only narrows the permission SAM writes; the converter's covers every stage). */
const EVENT_KEYS: Record<'Api' | 'HttpApi', { keys: string[]; auth: string[] }> = {
  Api: { keys: ['Path', 'Method', 'RestApiId', 'Stage', 'Auth', 'TimeoutInMillis'], auth: ['Authorizer', 'AuthorizationScopes', 'ApiKeyRequired'] },
  HttpApi: { keys: ['Path', 'Method', 'ApiId', 'Stage', 'Auth', 'TimeoutInMillis', 'PayloadFormatVersion'], auth: ['Authorizer', 'AuthorizationScopes'] },
};

/** A precise TODO for each property of an Api / HttpApi function event that is not converted (RequestModel, RouteSettings...). */
export function unconvertedEventProperties(ctx: ConvertContext, fnId: string, eventId: string, type: 'Api' | 'HttpApi', p: CfnValueMap): void {
  const known = EVENT_KEYS[type];
  for (const key of Object.keys(p).filter((k) => !known.keys.includes(k))) samTodo(ctx, fnId, `${type} event ${eventId}: ${key} is not converted; add it to the route by hand`);
  for (const key of Object.keys(map(p.Auth)).filter((k) => !known.auth.includes(k))) samTodo(ctx, fnId, `${type} event ${eventId}: Auth.${key} is not converted; add it to the route by hand`);
}

const HTTP_IDENTITY: [string, string][] = [['Headers', '$request.header.'], ['QueryStrings', '$request.querystring.'], ['StageVariables', '$stageVariables.'], ['Context', '$context.']];

// ---------------------------------------------------------------- REST API

const AUTH_KEYS = ['DefaultAuthorizer', 'Authorizers', 'ApiKeyRequired', 'AddDefaultAuthorizerToCorsPreflight', 'AddApiKeyRequiredToCorsPreflight', 'UsagePlan'];

/**
 * Written once with the REST API's stage: the authorizer permissions, the usage plan, the custom domain; and TODOs for
 * Auth settings with no counterpart here.
 */
export function restApiExtras(ctx: ConvertContext, apiId: string, api: TfTarget, stage: TfTarget, props: CfnValueMap): void {
  const auth = map(props.Auth);
  for (const key of Object.keys(auth).filter((k) => !AUTH_KEYS.includes(k))) {
    samTodo(ctx, apiId, `Auth.${key} is not converted (ResourcePolicy: x-amazon-apigateway-policy in the body or aws_api_gateway_rest_api_policy; InvokeRole: the integrations' credentials)`);
  }
  for (const [name, a] of Object.entries(map(auth.Authorizers))) {
    if (isValueMap(a) && a.FunctionArn !== undefined && a.UserPoolArn === undefined && a.DisableFunctionDefaultPermissions !== true) authorizerPermission(ctx, apiId, api, name, a.FunctionArn, undefined);
  }
  if (auth.UsagePlan !== undefined) usagePlan(ctx, apiId, api, stage, auth.UsagePlan);
  if (props.Domain !== undefined) restDomain(ctx, apiId, api, stage, props.Domain);
}

/** Auth.UsagePlan with CreateUsagePlan PER_API -> a usage plan on this stage, an API key and the key's link to the plan. */
function usagePlan(ctx: ConvertContext, apiId: string, api: TfTarget, stage: TfTarget, value: CfnValue): void {
  const plan = map(value);
  const mode = plan.CreateUsagePlan;
  if (mode === 'NONE') return;
  if (mode !== 'PER_API') {
    samTodo(ctx, apiId, `Auth.UsagePlan CreateUsagePlan ${typeof mode === 'string' ? mode : '(computed)'} is not converted: SAM shares one aws_api_gateway_usage_plan (with an api_stages block per API) and one API key among all APIs`);
    return;
  }
  const schema = ctx.data.tfResource('aws_api_gateway_usage_plan')?.args;
  const planName = ctx.uniqueName('aws_api_gateway_usage_plan', `${api.name}_usage_plan`);
  emit(ctx, apiId, 'aws_api_gateway_usage_plan', planName, undefined, () => [
    attr('name', plan.UsagePlanName !== undefined ? expr(ctx, plan.UsagePlanName) : str(`${apiId}UsagePlan`)),
    ...(plan.Description !== undefined ? [attr('description', expr(ctx, plan.Description))] : []),
    nested('api_stages', [attr('api_id', code(`${address(api)}.id`)), attr('stage', code(`${address(stage)}.stage_name`))]),
    ...(isValueMap(plan.Quota) ? [nested('quota_settings', blockBody(ctx, plan.Quota, {}, schema?.quota_settings?.args, 'quota_settings'))] : []),
    ...(isValueMap(plan.Throttle) ? [nested('throttle_settings', blockBody(ctx, plan.Throttle, {}, schema?.throttle_settings?.args, 'throttle_settings'))] : []),
    ...(plan.Tags !== undefined ? [attr('tags', expr(ctx, plan.Tags))] : []),
  ]);
  const key = ctx.uniqueName('aws_api_gateway_api_key', `${api.name}_api_key`);
  emit(ctx, apiId, 'aws_api_gateway_api_key', key, undefined, () => [attr('name', str(`${apiId}ApiKey`)), attr('enabled', code('true'))]);
  emit(ctx, apiId, 'aws_api_gateway_usage_plan_key', ctx.uniqueName('aws_api_gateway_usage_plan_key', `${api.name}_usage_plan_key`), undefined, () => [
    attr('key_id', code(`aws_api_gateway_api_key.${key}.id`)),
    attr('key_type', str('API_KEY')),
    attr('usage_plan_id', code(`aws_api_gateway_usage_plan.${planName}.id`)),
  ]);
}

/**
 * A SAM Api property as the AWS::ApiGateway::RestApi SAM generates gets it: EndpointConfiguration `REGIONAL` or
 * `{Type, VPCEndpointIds}` becomes `{Types: [..], VpcEndpointIds}`; BinaryMediaTypes' `~1` is `/` again (SAM
 * unescapes them); the rest is passed as is.
 */
export function restApiValue(property: string, value: CfnValue): CfnValue {
  if (property === 'BinaryMediaTypes' && Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v.replace(/~1/g, '/') : v));
  if (property !== 'EndpointConfiguration') return value;
  if (!isValueMap(value)) return { Types: [value] };
  if (value.Type === undefined) return value;
  const out: CfnValueMap = { Types: [value.Type] };
  const ids = value.VPCEndpointIds ?? value.VpcEndpointIds;
  if (ids !== undefined) out.VpcEndpointIds = ids;
  if (value.IpAddressType !== undefined) out.IpAddressType = value.IpAddressType;
  return out;
}

// ---------------------------------------------------------------- HTTP API

const HTTP_AUTH_KEYS = ['DefaultAuthorizer', 'Authorizers', 'EnableIamAuthorizer'];
const HTTP_AUTHORIZERS = new WeakMap<ConvertContext, Map<string, TfTarget>>();

/** The aws_apigatewayv2_authorizer of an HTTP API's authorizer (named on first use, by the API or by a route). */
function httpAuthorizer(ctx: ConvertContext, api: TfTarget, apiId: string, name: string): TfTarget {
  const byKey = HTTP_AUTHORIZERS.get(ctx) ?? new Map<string, TfTarget>();
  HTTP_AUTHORIZERS.set(ctx, byKey);
  const key = `${apiId}/${name}`;
  let target = byKey.get(key);
  if (!target) {
    target = { tfType: 'aws_apigatewayv2_authorizer', name: ctx.uniqueName('aws_apigatewayv2_authorizer', `${api.name}_${snakeCase(name)}`), counted: api.counted, refAttr: 'id', attributes: {} };
    byKey.set(key, target);
  }
  return target;
}

/**
 * A route's authorization on an HTTP API of this template: the event's Auth.Authorizer or the API's DefaultAuthorizer
 * (NONE: none) -> authorization_type JWT / CUSTOM / AWS_IAM, authorizer_id and, for JWT, authorization_scopes.
 */
export function httpRouteAuth(ctx: ConvertContext, fnId: string, apiId: string | undefined, api: TfTarget | undefined, eventAuth: CfnValue | undefined): BodyItem[] {
  const own = map(eventAuth);
  if (!apiId || !api) {
    if (own.Authorizer !== undefined) samTodo(ctx, fnId, 'HttpApi event Auth on an API outside this template: set authorization_type and authorizer_id on the route by hand');
    return [];
  }
  const auth = map(samApiProperties(ctx, apiId, 'AWS::Serverless::HttpApi').Auth);
  const name = own.Authorizer ?? auth.DefaultAuthorizer;
  if (name === undefined || name === 'NONE') return [];
  if (name === 'AWS_IAM') return [attr('authorization_type', str('AWS_IAM'))];
  const authorizer = typeof name === 'string' ? map(auth.Authorizers)[name] : undefined;
  if (!isValueMap(authorizer)) {
    samTodo(ctx, fnId, `HttpApi authorizer ${typeof name === 'string' ? name : '(computed)'} is not one of ${apiId}'s Auth.Authorizers; set the route's authorization by hand`);
    return [];
  }
  const target = httpAuthorizer(ctx, api, apiId, name as string);
  ctx.use(`resource.${target.tfType}.${target.name}`);
  const jwt = authorizer.JwtConfiguration !== undefined;
  const scopes = own.AuthorizationScopes ?? authorizer.AuthorizationScopes;
  return [
    attr('authorization_type', str(jwt ? 'JWT' : 'CUSTOM')),
    attr('authorizer_id', code(`${address(target)}.id`)),
    ...(jwt && scopes !== undefined ? [attr('authorization_scopes', expr(ctx, scopes))] : []),
  ];
}

/** HttpApi Auth -> one aws_apigatewayv2_authorizer per authorizer (JWT or Lambda REQUEST), and permissions SAM adds when asked. */
function httpAuthorizers(ctx: ConvertContext, apiId: string, api: TfTarget, auth: CfnValueMap, condition: CfnValue | undefined): void {
  for (const key of Object.keys(auth).filter((k) => !HTTP_AUTH_KEYS.includes(k))) samTodo(ctx, apiId, `Auth.${key} is not converted`);
  const schema = ctx.data.tfResource('aws_apigatewayv2_authorizer')?.args;
  for (const [name, a] of Object.entries(map(auth.Authorizers))) {
    if (!isValueMap(a)) continue;
    const target = httpAuthorizer(ctx, api, apiId, name);
    if (a.JwtConfiguration !== undefined) {
      emit(ctx, apiId, target.tfType, target.name, condition, () => [
        attr('api_id', code(`${address(api)}.id`)),
        attr('name', str(name)),
        attr('authorizer_type', str('JWT')),
        attr('identity_sources', list([expr(ctx, a.IdentitySource ?? '$request.header.Authorization')])),
        ...(isValueMap(a.JwtConfiguration) ? [nested('jwt_configuration', blockBody(ctx, a.JwtConfiguration, {}, schema?.jwt_configuration?.args, 'jwt_configuration'))]
          : [attr('jwt_configuration', expr(ctx, a.JwtConfiguration))]),
      ]);
    } else if (a.FunctionArn !== undefined) {
      const identity = map(a.Identity);
      const sources = identityItems(identity, HTTP_IDENTITY);
      emit(ctx, apiId, target.tfType, target.name, condition, () => [
        attr('api_id', code(`${address(api)}.id`)),
        attr('name', str(name)),
        attr('authorizer_type', str('REQUEST')),
        attr('authorizer_uri', lambdaUri(ctx, a.FunctionArn)),
        ...(a.AuthorizerPayloadFormatVersion !== undefined ? [attr('authorizer_payload_format_version', expr(ctx, a.AuthorizerPayloadFormatVersion))] : []),
        ...(a.EnableSimpleResponses !== undefined ? [attr('enable_simple_responses', expr(ctx, a.EnableSimpleResponses))] : []),
        ...(sources.length ? [attr('identity_sources', expr(ctx, sources))] : []),
        ...(identity.ReauthorizeEvery !== undefined ? [attr('authorizer_result_ttl_in_seconds', expr(ctx, identity.ReauthorizeEvery))] : []),
        ...(a.FunctionInvokeRole !== undefined ? [attr('authorizer_credentials_arn', expr(ctx, a.FunctionInvokeRole))] : []),
      ]);
      // Unlike for REST APIs, SAM adds this permission only when asked to.
      if (a.EnableFunctionDefaultPermissions === true) authorizerPermission(ctx, apiId, api, name, a.FunctionArn, condition);
    } else {
      samTodo(ctx, apiId, `HttpApi authorizer ${name} has neither JwtConfiguration nor FunctionArn; write its aws_apigatewayv2_authorizer by hand`);
    }
  }
}

/** CorsConfiguration: true allows every origin, a function value is the allowed origins, a map is the configuration. */
export function httpCors(ctx: ConvertContext, value: CfnValue | undefined): BodyItem[] {
  if (value === undefined || value === false) return [];
  const fields = ctx.data.tfResource('aws_apigatewayv2_api')?.args.cors_configuration?.args;
  if (value === true) return [nested('cors_configuration', [attr('allow_origins', list([str('*')]))])];
  if (isValueMap(value)) return [nested('cors_configuration', blockBody(ctx, value, {}, fields, 'cors_configuration'))];
  return [nested('cors_configuration', [attr('allow_origins', expr(ctx, isFunctionValue(value) ? value : [value]))])];
}

/** After the HTTP API and its stage: authorizers and the custom domain. */
export function httpApiExtras(ctx: ConvertContext, apiId: string, api: TfTarget, stage: TfTarget, props: CfnValueMap, condition: CfnValue | undefined): void {
  if (props.Auth !== undefined) httpAuthorizers(ctx, apiId, api, map(props.Auth), condition);
  if (props.Domain !== undefined) httpDomain(ctx, apiId, api, stage, props.Domain, condition);
}


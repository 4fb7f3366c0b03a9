// What SAM's transform adds around an AWS::Serverless::Api / HttpApi beyond the API itself (aws-sam-translator's
// api_generator.py, http_api_generator.py, swagger.py): authorizers, CORS, the custom domain with its mappings and
// Route53 records, usage plans, and the properties SAM puts on the stage. REST APIs carry their routes in an
// OpenAPI body (sam.ts), so their authorizers and CORS go into that body as SAM writes them; an HTTP API's routes are
// Terraform resources, so its authorizers are aws_apigatewayv2_authorizer resources the routes point at.
import { isFunctionValue, isValueMap, type CfnValue, type CfnValueMap } from '../cfn';
import type { ResourceScope } from './arguments';
import { blockBody } from './arguments';
import type { ConvertContext, TfTarget } from './context';
import { address, expr, pseudoParameter } from './expressions';
import { attr, code, comment, list, nested, str, type BodyItem, type Hcl } from './hcl';
import { snakeCase } from './naming';
import { propertyItems, scopeFor, templateResource } from './resources';
import { emit, samTodo } from './sam';
import { SAM_API_STAGES } from '../knowledge/sam';

const obj = (entries: [string, Hcl | undefined][]): Hcl => ({ k: 'object', entries: entries.filter((e): e is [string, Hcl] => e[1] !== undefined).map(([key, value]) => ({ key, value })) });
const map = (value: CfnValue | undefined): CfnValueMap => (isValueMap(value) ? value : {});
const counted = (condition: CfnValue | undefined) => typeof condition === 'string';

/**
 * A TODO inside the REST API's block: that block is rewritten as events add routes, so its TODOs are rebuilt with it
 * (a separate TODO unit would be repeated on every rewrite).
 */
function note(ctx: ConvertContext, notes: BodyItem[], apiId: string, message: string): void {
  ctx.todo(`${apiId}: ${message}`);
  notes.push(comment(`TODO: ${message}`));
}

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

/** `arn:<partition>:apigateway:<region>:lambda:path/2015-03-31/functions/<arn>/invocations`, as SAM builds it. */
function lambdaUri(ctx: ConvertContext, functionArn: CfnValue): Hcl {
  return { k: 'template', parts: ['arn:', pseudoParameter(ctx, 'AWS::Partition')!, ':apigateway:', pseudoParameter(ctx, 'AWS::Region')!, ':lambda:path/2015-03-31/functions/', expr(ctx, functionArn), '/invocations'] };
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

// ---------------------------------------------------------------- REST API: the OpenAPI body

const AUTH_KEYS = ['DefaultAuthorizer', 'Authorizers', 'ApiKeyRequired', 'AddDefaultAuthorizerToCorsPreflight', 'AddApiKeyRequiredToCorsPreflight', 'UsagePlan'];

/**
 * A method's `security` list, as SAM's swagger editor sets it: the event's own Authorizer (NONE: none) or the API's
 * DefaultAuthorizer (on OPTIONS too unless AddDefaultAuthorizerToCorsPreflight is false), with its scopes; then
 * api_key when the event or the API requires a key. Names it used are added to `used`.
 */
export function restSecurity(ctx: ConvertContext, apiId: string, props: CfnValueMap, method: string, eventAuth: CfnValueMap | undefined, used: Set<string>, notes: BodyItem[]): Hcl | undefined {
  const auth = map(props.Auth);
  const authorizers = map(auth.Authorizers);
  const own = eventAuth?.Authorizer;
  const preflight = method === 'options';
  const name = own !== undefined ? own : preflight && auth.AddDefaultAuthorizerToCorsPreflight === false ? undefined : auth.DefaultAuthorizer;
  const entries: Hcl[] = [];
  if (typeof name === 'string' && name !== 'NONE') {
    if (name !== 'AWS_IAM' && !isValueMap(authorizers[name])) {
      note(ctx, notes, apiId, `authorizer ${name} is not one of the Api's Auth.Authorizers; set security on ${method} by hand`);
    } else {
      const scopes = (own !== undefined ? eventAuth?.AuthorizationScopes : undefined) ?? map(authorizers[name]).AuthorizationScopes;
      entries.push(obj([[name, scopes !== undefined ? expr(ctx, scopes) : list([])]]));
      used.add(name);
    }
  } else if (name !== undefined && name !== 'NONE') {
    note(ctx, notes, apiId, 'Auth Authorizer is computed; set security in the OpenAPI body by hand');
  }
  const keyRequired = eventAuth?.ApiKeyRequired ?? auth.ApiKeyRequired;
  if (keyRequired === true && !(preflight && auth.AddApiKeyRequiredToCorsPreflight === false)) {
    entries.push(obj([['api_key', list([])]]));
    used.add('api_key');
  }
  return entries.length ? list(entries) : undefined;
}

/** One authorizer of Auth.Authorizers as the security scheme SAM writes (x-amazon-apigateway-authorizer). */
function restScheme(ctx: ConvertContext, apiId: string, name: string, a: CfnValueMap, notes: BodyItem[]): Hcl | undefined {
  const identity = map(a.Identity);
  const header = (fallback: string) => (identity.Header !== undefined ? expr(ctx, identity.Header) : str(fallback));
  const scheme = (headerName: Hcl, authtype: string, authorizer: Hcl) =>
    obj([['type', str('apiKey')], ['name', headerName], ['in', str('header')], ['x-amazon-apigateway-authtype', str(authtype)], ['x-amazon-apigateway-authorizer', authorizer]]);
  const validation = identity.ValidationExpression !== undefined ? expr(ctx, identity.ValidationExpression) : undefined;
  if (a.UserPoolArn !== undefined) {
    const pools = Array.isArray(a.UserPoolArn) ? a.UserPoolArn : [a.UserPoolArn];
    return scheme(header('Authorization'), 'cognito_user_pools', obj([
      ['type', str('cognito_user_pools')], ['providerARNs', list(pools.map((p) => expr(ctx, p)))], ['identityValidationExpression', validation],
    ]));
  }
  if (a.FunctionArn !== undefined) {
    const payload = a.FunctionPayloadType ?? 'TOKEN';
    if (payload !== 'TOKEN' && payload !== 'REQUEST') {
      note(ctx, notes, apiId, `authorizer ${name}: FunctionPayloadType must be TOKEN or REQUEST; write its security scheme by hand`);
      return undefined;
    }
    const role = a.FunctionInvokeRole !== undefined && a.FunctionInvokeRole !== 'NONE' ? expr(ctx, a.FunctionInvokeRole) : undefined;
    return scheme(payload === 'REQUEST' ? str('Unused') : header('Authorization'), 'custom', obj([
      ['type', str(payload.toLowerCase())],
      ['authorizerUri', lambdaUri(ctx, a.FunctionArn)],
      ['authorizerResultTtlInSeconds', identity.ReauthorizeEvery !== undefined ? expr(ctx, identity.ReauthorizeEvery) : undefined],
      ['authorizerCredentials', role],
      ['identitySource', payload === 'REQUEST' ? identitySource(ctx, identity, REST_IDENTITY) : undefined],
      ['identityValidationExpression', payload === 'TOKEN' ? validation : undefined],
    ]));
  }
  note(ctx, notes, apiId, `authorizer ${name} has neither UserPoolArn nor FunctionArn; write its security scheme by hand`);
  return undefined;
}

const REST_IDENTITY: [string, string][] = [['Headers', 'method.request.header.'], ['QueryStrings', 'method.request.querystring.'], ['StageVariables', 'stageVariables.'], ['Context', 'context.']];
const HTTP_IDENTITY: [string, string][] = [['Headers', '$request.header.'], ['QueryStrings', '$request.querystring.'], ['StageVariables', '$stageVariables.'], ['Context', '$context.']];

function identityItems(identity: CfnValueMap, prefixes: [string, string][]): CfnValue[] {
  return prefixes.flatMap(([key, prefix]) => (Array.isArray(identity[key]) ? (identity[key] as CfnValue[]) : []).map((v) => (typeof v === 'string' ? prefix + v : { fn: 'Join', args: ['', [prefix, v]] } as CfnValue)));
}

/** REST: the identity sources joined by ", " (one string), as SAM writes identitySource. */
function identitySource(ctx: ConvertContext, identity: CfnValueMap, prefixes: [string, string][]): Hcl | undefined {
  const items = identityItems(identity, prefixes);
  if (items.length === 0) return undefined;
  return items.every((i) => typeof i === 'string') ? str(items.join(', ')) : expr(ctx, { fn: 'Join', args: [', ', items] } as CfnValue);
}

/** components.securitySchemes for the body: every authorizer of Auth.Authorizers, plus AWS_IAM and api_key when used. */
export function restSecuritySchemes(ctx: ConvertContext, apiId: string, props: CfnValueMap, used: Set<string>, notes: BodyItem[]): Hcl | undefined {
  const entries: [string, Hcl | undefined][] = Object.entries(map(map(props.Auth).Authorizers))
    .filter((e): e is [string, CfnValueMap] => isValueMap(e[1]))
    .map(([name, a]) => [name, restScheme(ctx, apiId, name, a, notes)]);
  if (used.has('AWS_IAM')) entries.push(['AWS_IAM', obj([['x-amazon-apigateway-authtype', str('awsSigv4')], ['type', str('apiKey')], ['name', str('Authorization')], ['in', str('header')]])]);
  if (used.has('api_key')) entries.push(['api_key', obj([['type', str('apiKey')], ['name', str('x-api-key')], ['in', str('header')]])]);
  return entries.some((e) => e[1]) ? obj(entries) : undefined;
}

const ALL_METHODS = 'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT';

/** The Cors property in SAM's shape ({AllowOrigin, ...}); a string or a function is the allowed origin. */
function corsOf(value: CfnValue | undefined): CfnValueMap | undefined {
  if (value === undefined) return undefined;
  return isValueMap(value) ? value : { AllowOrigin: value };
}

/**
 * The OPTIONS method SAM adds to each path for Cors (a mock integration answering with the CORS headers), in the
 * OpenAPI 3 form SAM writes with OpenApiVersion 3 (header schemas, no consumes/produces). AllowMethods defaults to
 * the path's methods plus OPTIONS (every method for ANY), quoted as API Gateway expects.
 */
export function corsOptions(ctx: ConvertContext, value: CfnValue | undefined, methods: string[]): Hcl | undefined {
  const cors = corsOf(value);
  if (!cors) return undefined;
  const allowed = cors.AllowMethods ?? `'${methods.includes('x-amazon-apigateway-any-method') ? ALL_METHODS : [...new Set([...methods, 'options'].map((m) => m.toUpperCase()))].sort().join(',')}'`;
  const headers: [string, CfnValue | undefined, string][] = [
    ['Access-Control-Allow-Origin', cors.AllowOrigin, 'string'],
    ['Access-Control-Allow-Headers', cors.AllowHeaders, 'string'],
    ['Access-Control-Allow-Methods', allowed, 'string'],
    ['Access-Control-Max-Age', cors.MaxAge, 'integer'],
    ['Access-Control-Allow-Credentials', cors.AllowCredentials === true ? "'true'" : undefined, 'string'],
  ];
  const present = headers.filter(([, v]) => v !== undefined && v !== '');
  return obj([
    ['summary', str('CORS support')],
    ['x-amazon-apigateway-integration', obj([
      ['type', str('mock')],
      ['requestTemplates', obj([['application/json', str('{\n  "statusCode" : 200\n}\n')]])],
      ['responses', obj([['default', obj([
        ['statusCode', str('200')],
        ['responseParameters', obj(present.map(([h, v]) => [`method.response.header.${h}`, expr(ctx, v)]))],
        ['responseTemplates', obj([['application/json', str('{}\n')]])],
      ])]])],
    ])],
    ['responses', obj([['200', obj([
      ['description', str('Default response for CORS method')],
      ['headers', obj(present.map(([h, , type]) => [h, obj([['schema', obj([['type', str(type)]])]])]))],
    ])]])],
  ]);
}

/** Whether the REST API's Cors can be applied (SAM adds it to the paths of a DefinitionBody too, which is not converted). */
export function restCorsApplies(ctx: ConvertContext, apiId: string, props: CfnValueMap, notes: BodyItem[]): boolean {
  if (props.Cors === undefined) return false;
  if (props.DefinitionBody === undefined && props.DefinitionUri === undefined) return true;
  note(ctx, notes, apiId, 'Cors: SAM adds an OPTIONS mock method to every path of the DefinitionBody/DefinitionUri, which is not converted; add them to the body by hand');
  return false;
}

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
 * GatewayResponses -> the body's x-amazon-apigateway-gateway-responses, as SAM writes them: ResponseParameters'
 * Headers / Paths / QueryStrings prefixed gatewayresponse.header. / .path. / .querystring., templates, status code.
 */
export function gatewayResponses(ctx: ConvertContext, apiId: string, value: CfnValue | undefined, notes: BodyItem[]): Hcl | undefined {
  if (value === undefined) return undefined;
  if (!isValueMap(value) || !Object.values(value).every(isValueMap)) {
    note(ctx, notes, apiId, 'GatewayResponses is computed; SAM accepts only a map of responses; write x-amazon-apigateway-gateway-responses by hand');
    return undefined;
  }
  return obj(Object.entries(value as Record<string, CfnValueMap>).map(([type, response]) => {
    const parameters = map(response.ResponseParameters);
    const prefixed = [['Headers', 'header.'], ['Paths', 'path.'], ['QueryStrings', 'querystring.']]
      .flatMap(([key, prefix]) => Object.entries(map(parameters[key])).map(([k, v]): [string, Hcl] => [`gatewayresponse.${prefix}${k}`, expr(ctx, v)]));
    return [type, obj([
      ['responseParameters', obj(prefixed)],
      ['responseTemplates', response.ResponseTemplates !== undefined ? expr(ctx, response.ResponseTemplates) : obj([])],
      ['statusCode', response.StatusCode !== undefined ? (typeof response.StatusCode === 'number' ? str(String(response.StatusCode)) : expr(ctx, response.StatusCode)) : undefined],
    ])];
  }));
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

// ---------------------------------------------------------------- custom domains

/** Domain.BasePath as SAM reads it: one string or a list; each keeps only letters and digits unless NormalizeBasePath is false. */
function basePaths(domain: CfnValueMap): (CfnValue | undefined)[] {
  const raw = domain.BasePath;
  const paths = typeof raw === 'string' && raw ? [raw] : Array.isArray(raw) && raw.length ? raw : [undefined];
  return paths.map((p) => (typeof p === 'string' && domain.NormalizeBasePath !== false ? p.replace(/[^A-Za-z0-9]/g, '') : p));
}

function domainOf(ctx: ConvertContext, apiId: string, value: CfnValue): CfnValueMap | undefined {
  const domain = map(value);
  if (domain.DomainName === undefined || domain.CertificateArn === undefined) {
    samTodo(ctx, apiId, 'Domain needs DomainName and CertificateArn (SAM requires both); write the custom domain by hand');
    return undefined;
  }
  return domain;
}

/** Domain (REST) -> aws_api_gateway_domain_name (answered as AWS::ApiGateway::DomainName), base path mappings, Route53 records. */
function restDomain(ctx: ConvertContext, apiId: string, api: TfTarget, stage: TfTarget, value: CfnValue): void {
  const domain = domainOf(ctx, apiId, value);
  if (!domain) return;
  const endpoint = domain.EndpointConfiguration ?? 'REGIONAL';
  // The properties SAM gives the AWS::ApiGateway::DomainName it generates.
  const cfn: CfnValueMap = {
    DomainName: domain.DomainName,
    [endpoint === 'REGIONAL' ? 'RegionalCertificateArn' : 'CertificateArn']: domain.CertificateArn,
    EndpointConfiguration: { Types: [endpoint], ...(domain.IpAddressType !== undefined ? { IpAddressType: domain.IpAddressType } : {}) },
  };
  for (const key of ['MutualTlsAuthentication', 'SecurityPolicy', 'OwnershipVerificationCertificateArn'] as const) if (domain[key] !== undefined) cfn[key] = domain[key];
  const target: TfTarget = { tfType: 'aws_api_gateway_domain_name', name: ctx.uniqueName('aws_api_gateway_domain_name', `${api.name}_domain`), counted: false, refAttr: 'domain_name', attributes: {} };
  const later: (() => void)[] = [];
  const scope = scopeFor(ctx, apiId, 'AWS::ApiGateway::DomainName', target, undefined, later);
  emit(ctx, apiId, target.tfType, target.name, undefined, () => Object.entries(cfn).flatMap(([k, v]) => propertyItems(scope, k, v, cfn)));
  for (const add of later) add();
  basePaths(domain).forEach((path, index, all) => {
    emit(ctx, apiId, 'aws_api_gateway_base_path_mapping', ctx.uniqueName('aws_api_gateway_base_path_mapping', `${api.name}_base_path_mapping${all.length > 1 ? `_${index + 1}` : ''}`), undefined, () => [
      attr('api_id', code(`${address(api)}.id`)),
      attr('stage_name', code(`${address(stage)}.stage_name`)),
      attr('domain_name', code(`${address(target)}.domain_name`)),
      ...(path !== undefined ? [attr('base_path', expr(ctx, path))] : []),
    ]);
  });
  const alias = endpoint === 'REGIONAL' ? ['regional_domain_name', 'regional_zone_id'] : endpoint === 'EDGE' ? ['cloudfront_domain_name', 'cloudfront_zone_id'] : undefined;
  const route53 = map(domain.Route53);
  const aliasTarget = alias
    ? { name: code(`${address(target)}.${alias[0]}`), zone: code(`${address(target)}.${alias[1]}`) }
    : { name: route53.VpcEndpointDomainName !== undefined ? expr(ctx, route53.VpcEndpointDomainName) : undefined, zone: route53.VpcEndpointHostedZoneId !== undefined ? expr(ctx, route53.VpcEndpointHostedZoneId) : undefined };
  if (domain.Route53 !== undefined) records(ctx, apiId, api, target, route53, aliasTarget, undefined);
}

/** Domain (HTTP) -> aws_apigatewayv2_domain_name with its one domain_name_configuration, API mappings, Route53 records. */
function httpDomain(ctx: ConvertContext, apiId: string, api: TfTarget, stage: TfTarget, value: CfnValue, condition: CfnValue | undefined): void {
  const domain = domainOf(ctx, apiId, value);
  if (!domain) return;
  const target: TfTarget = { tfType: 'aws_apigatewayv2_domain_name', name: ctx.uniqueName('aws_apigatewayv2_domain_name', `${api.name}_domain`), counted: counted(condition), refAttr: 'domain_name', attributes: {} };
  const schema = ctx.data.tfResource(target.tfType)?.args;
  // SAM's DomainNameConfigurations entry; TLS_1_2 is API Gateway's default policy, which Terraform requires stated.
  const config: CfnValueMap = { CertificateArn: domain.CertificateArn, EndpointType: domain.EndpointConfiguration ?? 'REGIONAL', SecurityPolicy: domain.SecurityPolicy ?? 'TLS_1_2' };
  if (domain.OwnershipVerificationCertificateArn !== undefined) config.OwnershipVerificationCertificateArn = domain.OwnershipVerificationCertificateArn;
  if (domain.IpAddressType !== undefined) config.IpAddressType = domain.IpAddressType;
  emit(ctx, apiId, target.tfType, target.name, condition, () => [
    attr('domain_name', expr(ctx, domain.DomainName)),
    nested('domain_name_configuration', blockBody(ctx, config, {}, schema?.domain_name_configuration?.args, 'domain_name_configuration')),
    ...(isValueMap(domain.MutualTlsAuthentication) ? [nested('mutual_tls_authentication', blockBody(ctx, domain.MutualTlsAuthentication, {}, schema?.mutual_tls_authentication?.args, 'mutual_tls_authentication'))] : []),
  ]);
  basePaths(domain).forEach((path, index, all) => {
    emit(ctx, apiId, 'aws_apigatewayv2_api_mapping', ctx.uniqueName('aws_apigatewayv2_api_mapping', `${api.name}_api_mapping${all.length > 1 ? `_${index + 1}` : ''}`), condition, () => [
      attr('api_id', code(`${address(api)}.id`)),
      attr('domain_name', code(`${address(target)}.id`)),
      attr('stage', code(`${address(stage)}.id`)),
      ...(path !== undefined ? [attr('api_mapping_key', expr(ctx, path))] : []),
    ]);
  });
  const configured = `${address(target)}.domain_name_configuration[0]`;
  if (domain.Route53 !== undefined) records(ctx, apiId, api, target, map(domain.Route53), { name: code(`${configured}.target_domain_name`), zone: code(`${configured}.hosted_zone_id`) }, condition);
}

/** Domain.Route53 -> an alias A record (and AAAA with IpV6) for the domain, in the zone named by id or by name. */
function records(ctx: ConvertContext, apiId: string, api: TfTarget, domain: TfTarget, route53: CfnValueMap, alias: { name?: Hcl; zone?: Hcl }, condition: CfnValue | undefined): void {
  if (route53.HostedZoneId === undefined && route53.HostedZoneName === undefined) {
    samTodo(ctx, apiId, 'Domain.Route53 needs HostedZoneId or HostedZoneName (SAM requires one); write the aws_route53_record by hand');
    return;
  }
  if (!alias.name || !alias.zone) {
    samTodo(ctx, apiId, 'Domain.Route53 for a PRIVATE endpoint needs VpcEndpointDomainName and VpcEndpointHostedZoneId; write the aws_route53_record by hand');
    return;
  }
  const recordTarget: TfTarget = { tfType: 'aws_route53_record', name: `${api.name}_record`, counted: counted(condition), refAttr: 'fqdn', attributes: {} };
  // The zone as an AWS::Route53::RecordSet names it (HostedZoneName becomes a data source look-up there).
  const zone = (scope: ResourceScope) => (route53.HostedZoneId !== undefined ? [attr('zone_id', expr(ctx, route53.HostedZoneId))] : propertyItems(scope, 'HostedZoneName', route53.HostedZoneName, { HostedZoneName: route53.HostedZoneName }));
  for (const type of route53.IpV6 === true ? ['A', 'AAAA'] : ['A']) {
    const name = ctx.uniqueName('aws_route53_record', `${api.name}_record${type === 'AAAA' ? '_ipv6' : ''}`);
    const scope = scopeFor(ctx, apiId, 'AWS::Route53::RecordSet', { ...recordTarget, name }, condition, []);
    emit(ctx, apiId, 'aws_route53_record', name, condition, () => [
      ...zone(scope),
      attr('name', code(`${address(domain)}.domain_name`)),
      attr('type', str(type)),
      ...(route53.SetIdentifier !== undefined ? [attr('set_identifier', expr(ctx, route53.SetIdentifier))] : []),
      ...(route53.Region !== undefined ? [nested('latency_routing_policy', [attr('region', expr(ctx, route53.Region))])] : []),
      nested('alias', [attr('name', alias.name!), attr('zone_id', alias.zone!), attr('evaluate_target_health', expr(ctx, route53.EvaluateTargetHealth ?? false))]),
    ]);
  }
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



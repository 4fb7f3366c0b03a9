// A REST API's OpenAPI body as SAM's swagger editor completes it (aws-sam-translator's swagger.py, apigateway.py):
// the security of each method and the authorizers' security schemes, the OPTIONS method CORS adds to each path, and
// the gateway responses. Written in the OpenAPI 3 form SAM uses with OpenApiVersion 3 (the converter's body is 3.0.1).
import { isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import type { ConvertContext } from './context';
import { expr } from './expressions';
import { list, str, type BodyItem, type Hcl } from './hcl';
import { obj, map, note, lambdaUri, identityItems } from './samApiValues';

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

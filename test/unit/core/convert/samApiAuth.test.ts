// SAM Api / HttpApi Auth, Cors, Domain, usage plans and stage settings: what SAM's own expansion creates, REST vs
// HTTP differences, each with its negative (no Auth -> no authorization anywhere). Emitted blocks also go through the
// eval's schema checker.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanHcl, validateResource, type TfSchemaData } from '../../../../bench/convert/check';
import { convertToTerraform } from '../../../../server/src/core/convert';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<any> };

const schema = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../data/tf-types.mpl.json'), 'utf8')) as TfSchemaData;

describe('convert: SAM Api / HttpApi auth, CORS, domains and stage settings', () => {
  const data = loadAwsData();
  const sam = (body: string) => convertToTerraform(`Transform: AWS::Serverless-2016-10-31
Parameters:
  Domain:
    Type: String
  Cert:
    Type: String
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  PoolClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
  Checker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: auth.handler
      CodeUri: s3://artifacts/auth.zip
${body}`, 'yaml', data);
  const fn = (id: string, events: string) => `  ${id}:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      CodeUri: s3://artifacts/${id}.zip
      Events:
${events}`;
  const api = (props: string, type = 'AWS::Serverless::Api') => `  Api:
    Type: ${type}
    Properties:
${props}
`;
  const schemaIssues = (hcl: string) => scanHcl(hcl).blocks.filter((b) => b.type === 'resource').flatMap((b) => validateResource(b, schema));
  /** The text of one resource block. */
  const blockText = (hcl: string, type: string, name: string) => {
    const start = hcl.indexOf(`resource "${type}" "${name}" {`);
    assert.ok(start >= 0, `${type}.${name} is written`);
    const end = hcl.indexOf('\n}\n\n', start); // a heredoc's own closing brace is followed by its EOT line
    return hcl.slice(start, end < 0 ? undefined : end + 2);
  };
  /** The OpenAPI object of a path method in the REST API body: the text between its key and the next method/path. */
  const methodText = (hcl: string, method: string) => {
    const body = blockText(hcl, 'aws_api_gateway_rest_api', 'api');
    const start = body.indexOf(`\n        ${method} = {`);
    assert.ok(start >= 0, `method ${method} is in the body`);
    const end = body.slice(start + 1).search(/\n {8}\S|\n {6}\}/);
    return body.slice(start, start + 1 + end);
  };
  const restEvents = (auth = '') => `        Read: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: get${auth} } }
        Write: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: post } }
`;

  it('REST, Cognito DefaultAuthorizer: every method gets security, the body gets the scheme SAM writes', async () => {
    const { hcl, todos } = sam(`${api(`      StageName: v1
      Auth:
        DefaultAuthorizer: Users
        Authorizers:
          Users:
            UserPoolArn: !GetAtt Pool.Arn
            AuthorizationScopes: [email]
            Identity: { Header: X-Token }`)}${fn('Items', restEvents())}`);
    assert.match(methodText(hcl, 'get'), /security = \[\s*\{\s*Users = \["email"\]\s*\},?\s*\]/);
    assert.match(methodText(hcl, 'post'), /Users = \["email"\]/);
    const body = blockText(hcl, 'aws_api_gateway_rest_api', 'api');
    assert.match(body, /securitySchemes = \{\s*Users = \{/);
    assert.match(body, /name = "X-Token"/);
    assert.match(body, /x-amazon-apigateway-authtype = "cognito_user_pools"/);
    assert.match(body, /providerARNs = \[aws_cognito_user_pool\.pool\.arn\]/);
    assert.doesNotMatch(hcl, /aws_lambda_permission" "api_users_authorizer/, 'a Cognito authorizer needs no permission');
    assert.deepEqual(todos, []);
    assert.doesNotMatch(hcl, /TODO/);
    assert.deepEqual(schemaIssues(hcl), []);
    await parse('main.tf', hcl);
  });

  it('REST, no Auth: no security, no schemes, no authorizer permission (negative)', () => {
    const { hcl, todos } = sam(`${api('      StageName: v1')}${fn('Items', restEvents())}`);
    assert.doesNotMatch(hcl, /security/);
    assert.doesNotMatch(hcl, /securitySchemes|components/);
    assert.doesNotMatch(hcl, /authorizer/);
    assert.doesNotMatch(hcl, /options = \{/, 'no Cors, no OPTIONS method');
    assert.deepEqual(todos, []);
  });

  it('REST, Lambda TOKEN authorizer: the event\'s Authorizer NONE opts out; the permission SAM adds for API Gateway', async () => {
    const { hcl, todos } = sam(`${api(`      StageName: v1
      Auth:
        DefaultAuthorizer: Token
        Authorizers:
          Token:
            FunctionArn: !GetAtt Checker.Arn
            Identity: { ReauthorizeEvery: 300 }`)}${fn('Items', restEvents(', Auth: { Authorizer: NONE }'))}`);
    assert.doesNotMatch(methodText(hcl, 'get'), /security/, 'Authorizer NONE: no security on that method');
    assert.match(methodText(hcl, 'post'), /Token = \[\]/);
    const body = blockText(hcl, 'aws_api_gateway_rest_api', 'api');
    assert.match(body, /type = "token"/);
    assert.match(body, /authorizerUri = "arn:\$\{data\.aws_partition\.current\.partition\}:apigateway:\$\{data\.aws_region\.current\.[a-z]+\}:lambda:path\/2015-03-31\/functions\/\$\{aws_lambda_function\.checker\.arn\}\/invocations"/);
    assert.match(body, /authorizerResultTtlInSeconds = 300/);
    assert.doesNotMatch(body, /identitySource/, 'a TOKEN authorizer reads the header only');
    const r = (await parse('main.tf', hcl)).resource;
    const permission = r.aws_lambda_permission.api_token_authorizer[0];
    assert.equal(permission.principal, 'apigateway.amazonaws.com');
    assert.equal(permission.function_name, '${aws_lambda_function.checker.arn}');
    assert.equal(permission.source_arn, '${aws_api_gateway_rest_api.api.execution_arn}/authorizers/*');
    assert.deepEqual(todos, []);
    assert.deepEqual(schemaIssues(hcl), []);
  });

  it('REST, Lambda REQUEST authorizer: identitySource from Identity; DisableFunctionDefaultPermissions drops the permission', () => {
    const { hcl } = sam(`${api(`      StageName: v1
      Auth:
        DefaultAuthorizer: Req
        Authorizers:
          Req:
            FunctionArn: !GetAtt Checker.Arn
            FunctionPayloadType: REQUEST
            DisableFunctionDefaultPermissions: true
            Identity: { Headers: [X-User], QueryStrings: [tenant] }`)}${fn('Items', restEvents())}`);
    const body = blockText(hcl, 'aws_api_gateway_rest_api', 'api');
    assert.match(body, /type = "request"/);
    assert.match(body, /identitySource = "method\.request\.header\.X-User, method\.request\.querystring\.tenant"/);
    assert.match(body, /name = "Unused"/);
    assert.doesNotMatch(hcl, /resource "aws_lambda_permission" "api_req_authorizer"/);
  });

  it('REST, AWS_IAM default and an unknown authorizer name: the sigv4 scheme; a precise TODO for the unknown one', () => {
    const { hcl, todos } = sam(`${api(`      StageName: v1
      Auth:
        DefaultAuthorizer: AWS_IAM`)}${fn('Items', restEvents(', Auth: { Authorizer: Missing }'))}`);
    assert.match(methodText(hcl, 'post'), /AWS_IAM = \[\]/);
    assert.match(blockText(hcl, 'aws_api_gateway_rest_api', 'api'), /AWS_IAM = \{\s*x-amazon-apigateway-authtype = "awsSigv4"/);
    assert.doesNotMatch(methodText(hcl, 'get'), /security/);
    assert.ok(todos.some((t) => /authorizer Missing is not one of the Api's Auth\.Authorizers/.test(t)), todos.join('\n'));
    assert.equal((hcl.match(/authorizer Missing is not one/g) ?? []).length, 1, 'one TODO, however often the body is rewritten');
  });

  it('REST, ApiKeyRequired and a PER_API usage plan: api_key security, the plan, the key and their link', async () => {
    const { hcl, todos } = sam(`${api(`      StageName: v1
      Auth:
        ApiKeyRequired: true
        UsagePlan:
          CreateUsagePlan: PER_API
          Quota: { Limit: 1000, Period: MONTH }
          Throttle: { BurstLimit: 20, RateLimit: 10 }`)}${fn('Items', restEvents(', Auth: { ApiKeyRequired: false }'))}`);
    assert.match(methodText(hcl, 'post'), /api_key = \[\]/);
    assert.doesNotMatch(methodText(hcl, 'get'), /api_key/, 'the event opts out');
    assert.match(blockText(hcl, 'aws_api_gateway_rest_api', 'api'), /api_key = \{\s*type = "apiKey"\s*name = "x-api-key"/);
    const r = (await parse('main.tf', hcl)).resource;
    const plan = r.aws_api_gateway_usage_plan.api_usage_plan[0];
    assert.deepEqual(plan.api_stages, [{ api_id: '${aws_api_gateway_rest_api.api.id}', stage: '${aws_api_gateway_stage.api.stage_name}' }]);
    assert.deepEqual(plan.quota_settings, [{ limit: 1000, period: 'MONTH' }]);
    assert.deepEqual(plan.throttle_settings, [{ burst_limit: 20, rate_limit: 10 }]);
    assert.equal(r.aws_api_gateway_usage_plan_key.api_usage_plan_key[0].key_id, '${aws_api_gateway_api_key.api_api_key.id}');
    assert.deepEqual(todos, []);
    assert.deepEqual(schemaIssues(hcl), []);
    const shared = sam(`${api(`      StageName: v1
      Auth:
        UsagePlan: { CreateUsagePlan: SHARED }`)}${fn('Items', restEvents())}`);
    assert.doesNotMatch(shared.hcl, /aws_api_gateway_usage_plan"/);
    assert.ok(shared.todos.some((t) => /CreateUsagePlan SHARED is not converted/.test(t)));
  });

  it('REST, Cors: the OPTIONS mock method SAM adds per path, AllowMethods from the path; beside a DefinitionBody a TODO instead', () => {
    const { hcl, todos } = sam(`${api(`      StageName: v1
      Cors:
        AllowOrigin: "'https://example.com'"
        MaxAge: "'600'"
        AllowCredentials: true`)}${fn('Items', restEvents())}`);
    const options = methodText(hcl, 'options');
    assert.match(options, /type = "mock"/);
    assert.match(options, /"method\.response\.header\.Access-Control-Allow-Origin" = "'https:\/\/example\.com'"/);
    assert.match(options, /"method\.response\.header\.Access-Control-Allow-Methods" = "'GET,OPTIONS,POST'"/);
    assert.match(options, /"method\.response\.header\.Access-Control-Max-Age" = "'600'"/);
    assert.match(options, /"method\.response\.header\.Access-Control-Allow-Credentials" = "'true'"/);
    assert.doesNotMatch(options, /Allow-Headers/, 'a header not asked for is not sent');
    assert.doesNotMatch(options, /consumes|produces/, 'OpenAPI 3 form');
    assert.deepEqual(todos, []);
    const any = sam(`${api(`      StageName: v1
      Cors: "'*'"`)}${fn('Items', `        All: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /x, Method: any } }
`)}`);
    assert.match(any.hcl, /Access-Control-Allow-Methods" = "'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'"/);
    assert.match(any.hcl, /Access-Control-Allow-Origin" = "'\*'"/);
    const withBody = sam(`${api(`      StageName: v1
      DefinitionBody: { openapi: 3.0.1, paths: {} }
      Cors: "'*'"`)}${fn('Items', restEvents())}`);
    assert.doesNotMatch(withBody.hcl, /options = \{/);
    assert.ok(withBody.todos.some((t) => /Cors: SAM adds an OPTIONS mock method to every path of the DefinitionBody/.test(t)));
  });

  it('REST, the default authorizer reaches the CORS preflight unless AddDefaultAuthorizerToCorsPreflight is false', () => {
    const auth = (flag: string) => sam(`${api(`      StageName: v1
      Cors: "'*'"
      Auth:
        DefaultAuthorizer: AWS_IAM${flag}`)}${fn('Items', restEvents())}`).hcl;
    assert.match(methodText(auth(''), 'options'), /AWS_IAM = \[\]/);
    assert.doesNotMatch(methodText(auth('\n        AddDefaultAuthorizerToCorsPreflight: false'), 'options'), /security/);
  });

  it('REST, Domain with Route53 and base paths: domain name, one mapping per base path, an alias record', async () => {
    const { hcl, todos } = sam(`${api(`      StageName: v1
      Domain:
        DomainName: !Ref Domain
        CertificateArn: !Ref Cert
        BasePath: [/v1, /beta-2]
        Route53:
          HostedZoneName: example.com.`)}${fn('Items', restEvents())}`);
    const r = (await parse('main.tf', hcl)).resource;
    const domain = r.aws_api_gateway_domain_name.api_domain[0];
    assert.equal(domain.domain_name, '${var.domain}');
    assert.equal(domain.regional_certificate_arn, '${var.cert}');
    assert.equal(domain.certificate_arn, undefined);
    assert.deepEqual(domain.endpoint_configuration, [{ types: ['REGIONAL'] }]);
    const mappings = Object.values(r.aws_api_gateway_base_path_mapping).map((m: any) => m[0]);
    assert.deepEqual(mappings.map((m: any) => m.base_path), ['v1', 'beta2'], 'SAM keeps letters and digits');
    assert.ok(mappings.every((m: any) => m.domain_name === '${aws_api_gateway_domain_name.api_domain.domain_name}' && m.stage_name === '${aws_api_gateway_stage.api.stage_name}'));
    const record = r.aws_route53_record.api_record[0];
    assert.equal(record.type, 'A');
    assert.match(record.zone_id, /^\$\{data\.aws_route53_zone\.[a-z_]+\.zone_id\}$/);
    assert.deepEqual(record.alias, [{ name: '${aws_api_gateway_domain_name.api_domain.regional_domain_name}', zone_id: '${aws_api_gateway_domain_name.api_domain.regional_zone_id}', evaluate_target_health: false }]);
    assert.equal(r.aws_route53_record.api_record_ipv6, undefined, 'no IpV6, no AAAA record');
    assert.deepEqual(todos, []);
    assert.deepEqual(schemaIssues(hcl), []);
    const edge = (await parse('main.tf', sam(`${api(`      StageName: v1
      Domain: { DomainName: !Ref Domain, CertificateArn: !Ref Cert, EndpointConfiguration: EDGE }`)}${fn('Items', restEvents())}`).hcl)).resource;
    assert.equal(edge.aws_api_gateway_domain_name.api_domain[0].certificate_arn, '${var.cert}');
    assert.equal(edge.aws_api_gateway_domain_name.api_domain[0].regional_certificate_arn, undefined);
    assert.equal(edge.aws_api_gateway_base_path_mapping.api_base_path_mapping[0].base_path, undefined, 'no BasePath: the root mapping');
    assert.equal(edge.aws_route53_record, undefined, 'no Route53, no record');
  });

  it('REST stage settings SAM puts on the stage: MethodSettings, AccessLogSetting, TracingEnabled, Variables; OpenApiVersion is silent', async () => {
    const { hcl, todos } = sam(`  Logs:
    Type: AWS::Logs::LogGroup
${api(`      StageName: v1
      OpenApiVersion: 3.0.1
      TracingEnabled: true
      Variables: { table: items }
      AccessLogSetting:
        DestinationArn: !GetAtt Logs.Arn
        Format: $context.requestId
      MethodSettings:
        - ResourcePath: /*
          HttpMethod: '*'
          MetricsEnabled: true
          ThrottlingBurstLimit: 5
        - ResourcePath: /~1items
          HttpMethod: GET
          CachingEnabled: true`)}${fn('Items', restEvents())}`);
    const r = (await parse('main.tf', hcl)).resource;
    const stage = r.aws_api_gateway_stage.api[0];
    assert.equal(stage.xray_tracing_enabled, true);
    assert.deepEqual(stage.variables, { table: 'items' });
    assert.deepEqual(stage.access_log_settings, [{ destination_arn: '${aws_cloudwatch_log_group.logs.arn}', format: '$context.requestId' }]);
    const settings = Object.values(r.aws_api_gateway_method_settings).map((m: any) => m[0]);
    assert.deepEqual(settings.map((s: any) => [s.method_path, s.settings]), [
      ['*/*', [{ metrics_enabled: true, throttling_burst_limit: 5 }]],
      ['items/GET', [{ caching_enabled: true }]],
    ]);
    assert.ok(settings.every((s: any) => s.rest_api_id === '${aws_api_gateway_stage.api.rest_api_id}' && s.stage_name === '${aws_api_gateway_stage.api.stage_name}'));
    assert.doesNotMatch(blockText(hcl, 'aws_api_gateway_rest_api', 'api'), /OpenApiVersion|TracingEnabled|variables/);
    assert.deepEqual(todos, []);
    assert.deepEqual(schemaIssues(hcl), []);
  });

  it('AWS::ApiGateway::Stage MethodSettings (CloudFormation): same resources; a root ResourcePath is a precise TODO', () => {
    const { hcl, todos } = convertToTerraform(`Resources:
  Rest:
    Type: AWS::ApiGateway::RestApi
    Properties: { Name: r }
  Stage:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: !Ref Rest
      StageName: prod
      MethodSettings:
        - { ResourcePath: /*, HttpMethod: '*', ThrottlingRateLimit: 10 }
        - { ResourcePath: /, HttpMethod: GET, ThrottlingRateLimit: 5 }
`, 'yaml', data);
    assert.match(hcl, /resource "aws_api_gateway_method_settings" "stage_method_settings_1" \{[^}]*method_path = "\*\/\*"/);
    assert.doesNotMatch(hcl, /stage_method_settings_2/);
    assert.ok(todos.some((t) => /MethodSettings\[1\] has a computed or root ResourcePath/.test(t)), todos.join('\n'));
  });

  it('HttpApi, JWT DefaultAuthorizer: an aws_apigatewayv2_authorizer; routes get JWT, the authorizer and scopes; NONE opts out', async () => {
    const { hcl, todos } = sam(`${api(`      Auth:
        DefaultAuthorizer: Jwt
        Authorizers:
          Jwt:
            AuthorizationScopes: [read]
            JwtConfiguration:
              issuer: !Sub https://cognito-idp.\${AWS::Region}.amazonaws.com/\${Pool}
              audience: [!Ref PoolClient]`, 'AWS::Serverless::HttpApi')}${fn('Items', `        Read: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /items, Method: get } }
        Open: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /health, Method: get, Auth: { Authorizer: NONE } } }
        Write: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /items, Method: post, Auth: { AuthorizationScopes: [write] } } }
`)}`);
    const r = (await parse('main.tf', hcl)).resource;
    const authorizer = r.aws_apigatewayv2_authorizer.api_jwt[0];
    assert.equal(authorizer.api_id, '${aws_apigatewayv2_api.api.id}');
    assert.equal(authorizer.authorizer_type, 'JWT');
    assert.deepEqual(authorizer.identity_sources, ['$request.header.Authorization']);
    assert.deepEqual(authorizer.jwt_configuration, [{ issuer: 'https://cognito-idp.${data.aws_region.current.region}.amazonaws.com/${aws_cognito_user_pool.pool.id}', audience: ['${aws_cognito_user_pool_client.pool_client.id}'] }]);
    const routes = r.aws_apigatewayv2_route;
    assert.equal(routes.items_read[0].authorization_type, 'JWT');
    assert.equal(routes.items_read[0].authorizer_id, '${aws_apigatewayv2_authorizer.api_jwt.id}');
    assert.deepEqual(routes.items_read[0].authorization_scopes, ['read']);
    assert.deepEqual(routes.items_write[0].authorization_scopes, ['write'], 'the event\'s scopes win');
    assert.equal(routes.items_open[0].authorization_type, undefined);
    assert.equal(routes.items_open[0].authorizer_id, undefined);
    assert.equal(r.aws_lambda_permission.api_jwt_authorizer, undefined);
    assert.doesNotMatch(hcl, /securitySchemes/, 'HTTP APIs carry no OpenAPI body for auth');
    assert.deepEqual(todos, []);
    assert.deepEqual(schemaIssues(hcl), []);
  });

  it('HttpApi without Auth: routes get no authorization (negative); AWS_IAM default: authorization_type AWS_IAM only', async () => {
    const events = `        Read: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /items, Method: get } }
`;
    const none = (await parse('main.tf', sam(`${api('      StageName: live', 'AWS::Serverless::HttpApi')}${fn('Items', events)}`).hcl)).resource;
    assert.equal(none.aws_apigatewayv2_route.items_read[0].authorization_type, undefined);
    assert.equal(none.aws_apigatewayv2_authorizer, undefined);
    const iam = (await parse('main.tf', sam(`${api(`      Auth:
        EnableIamAuthorizer: true
        DefaultAuthorizer: AWS_IAM`, 'AWS::Serverless::HttpApi')}${fn('Items', events)}`).hcl)).resource;
    assert.equal(iam.aws_apigatewayv2_route.items_read[0].authorization_type, 'AWS_IAM');
    assert.equal(iam.aws_apigatewayv2_route.items_read[0].authorizer_id, undefined);
    assert.equal(iam.aws_apigatewayv2_authorizer, undefined);
  });

  it('HttpApi, Lambda authorizer: REQUEST with identity sources; the permission only with EnableFunctionDefaultPermissions', async () => {
    const lambda = (extra: string) => sam(`${api(`      Auth:
        DefaultAuthorizer: Fn
        Authorizers:
          Fn:
            FunctionArn: !GetAtt Checker.Arn
            AuthorizerPayloadFormatVersion: '2.0'
            EnableSimpleResponses: true
            Identity: { Headers: [Authorization], ReauthorizeEvery: 60 }${extra}`, 'AWS::Serverless::HttpApi')}${fn('Items', `        Read: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /items, Method: get } }
`)}`);
    const { hcl, todos } = lambda('');
    const r = (await parse('main.tf', hcl)).resource;
    const authorizer = r.aws_apigatewayv2_authorizer.api_fn[0];
    assert.equal(authorizer.authorizer_type, 'REQUEST');
    assert.deepEqual(authorizer.identity_sources, ['$request.header.Authorization']);
    assert.equal(authorizer.authorizer_payload_format_version, '2.0');
    assert.equal(authorizer.enable_simple_responses, true);
    assert.equal(authorizer.authorizer_result_ttl_in_seconds, 60);
    assert.match(authorizer.authorizer_uri, /functions\/\$\{aws_lambda_function\.checker\.arn\}\/invocations$/);
    assert.equal(r.aws_apigatewayv2_route.items_read[0].authorization_type, 'CUSTOM');
    assert.equal(r.aws_apigatewayv2_route.items_read[0].authorization_scopes, undefined, 'scopes are for JWT only');
    assert.equal(r.aws_lambda_permission.api_fn_authorizer, undefined, 'SAM adds none by default for HTTP APIs');
    assert.deepEqual(todos, []);
    assert.deepEqual(schemaIssues(hcl), []);
    const withPermission = (await parse('main.tf', lambda('\n            EnableFunctionDefaultPermissions: true').hcl)).resource;
    assert.equal(withPermission.aws_lambda_permission.api_fn_authorizer[0].source_arn, '${aws_apigatewayv2_api.api.execution_arn}/authorizers/*');
  });

  it('HttpApi Domain (IpV6), CorsConfiguration true and stage settings: domain configuration, API mapping, A and AAAA records', async () => {
    const { hcl, todos } = sam(`  Logs:
    Type: AWS::Logs::LogGroup
${api(`      StageName: live
      CorsConfiguration: true
      StageVariables: { mode: fast }
      AccessLogSettings: { DestinationArn: !GetAtt Logs.Arn, Format: $context.requestId }
      DefaultRouteSettings: { ThrottlingBurstLimit: 50 }
      RouteSettings:
        "GET /items": { ThrottlingRateLimit: 5 }
      Domain:
        DomainName: !Ref Domain
        CertificateArn: !Ref Cert
        BasePath: orders
        Route53: { HostedZoneId: Z123, IpV6: true }`, 'AWS::Serverless::HttpApi')}${fn('Items', `        Read: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /items, Method: get } }
`)}`);
    const r = (await parse('main.tf', hcl)).resource;
    assert.deepEqual(r.aws_apigatewayv2_api.api[0].cors_configuration, [{ allow_origins: ['*'] }]);
    const stage = r.aws_apigatewayv2_stage.api_stage[0];
    assert.deepEqual(stage.stage_variables, { mode: 'fast' });
    assert.deepEqual(stage.access_log_settings, [{ destination_arn: '${aws_cloudwatch_log_group.logs.arn}', format: '$context.requestId' }]);
    assert.deepEqual(stage.default_route_settings, [{ throttling_burst_limit: 50 }]);
    assert.deepEqual(stage.route_settings, [{ route_key: 'GET /items', throttling_rate_limit: 5 }]);
    const domain = r.aws_apigatewayv2_domain_name.api_domain[0];
    assert.deepEqual(domain.domain_name_configuration, [{ certificate_arn: '${var.cert}', endpoint_type: 'REGIONAL', security_policy: 'TLS_1_2' }]);
    const mapping = r.aws_apigatewayv2_api_mapping.api_api_mapping[0];
    assert.deepEqual([mapping.api_id, mapping.domain_name, mapping.stage, mapping.api_mapping_key], ['${aws_apigatewayv2_api.api.id}', '${aws_apigatewayv2_domain_name.api_domain.id}', '${aws_apigatewayv2_stage.api_stage.id}', 'orders']);
    assert.deepEqual([r.aws_route53_record.api_record[0].type, r.aws_route53_record.api_record_ipv6[0].type], ['A', 'AAAA']);
    assert.equal(r.aws_route53_record.api_record[0].zone_id, 'Z123');
    assert.deepEqual(r.aws_route53_record.api_record[0].alias, [{ name: '${aws_apigatewayv2_domain_name.api_domain.domain_name_configuration[0].target_domain_name}', zone_id: '${aws_apigatewayv2_domain_name.api_domain.domain_name_configuration[0].hosted_zone_id}', evaluate_target_health: false }]);
    assert.equal(r.aws_api_gateway_domain_name, undefined, 'the HTTP API gets the v2 domain, not the REST one');
    assert.deepEqual(todos, []);
    assert.deepEqual(schemaIssues(hcl), []);
  });

  it('The implicit HTTP API takes the HttpApi Globals: its authorizer exists and its routes point at it', async () => {
    const { hcl, todos } = convertToTerraform(`Transform: AWS::Serverless-2016-10-31
Globals:
  HttpApi:
    Auth:
      DefaultAuthorizer: Jwt
      Authorizers:
        Jwt:
          JwtConfiguration: { issuer: https://issuer.example.com, audience: [app] }
Resources:
${fn('Items', `        Read: { Type: HttpApi, Properties: { Path: /items, Method: get } }
`)}`, 'yaml', data);
    const r = (await parse('main.tf', hcl)).resource;
    assert.equal(r.aws_apigatewayv2_authorizer.serverless_http_api_jwt[0].api_id, '${aws_apigatewayv2_api.serverless_http_api.id}');
    assert.equal(r.aws_apigatewayv2_route.items_read[0].authorizer_id, '${aws_apigatewayv2_authorizer.serverless_http_api_jwt.id}');
    assert.deepEqual(todos, []);
  });

  it('Event properties: TimeoutInMillis reaches the integration (REST body / HTTP integration); the rest are precise TODOs', async () => {
    const rest = sam(`${api('      StageName: v1')}${fn('Items', `        Read: { Type: Api, Properties: { RestApiId: !Ref Api, Path: /items, Method: get, TimeoutInMillis: 5000, RequestParameters: [method.request.header.X], Auth: { InvokeRole: CALLER_CREDENTIALS } } }
`)}`);
    assert.match(methodText(rest.hcl, 'get'), /timeoutInMillis = 5000/);
    assert.ok(rest.todos.some((t) => /Api event Read: RequestParameters is not converted/.test(t)), rest.todos.join('\n'));
    assert.ok(rest.todos.some((t) => /Api event Read: Auth\.InvokeRole is not converted/.test(t)), rest.todos.join('\n'));
    assert.ok(!rest.todos.some((t) => /TimeoutInMillis|Path|Method/.test(t)));
    const http = sam(`${api('      StageName: live', 'AWS::Serverless::HttpApi')}${fn('Items', `        Read: { Type: HttpApi, Properties: { ApiId: !Ref Api, Path: /items, Method: get, TimeoutInMillis: 5000, RouteSettings: { ThrottlingBurstLimit: 1 } } }
`)}`);
    assert.equal((await parse('main.tf', http.hcl)).resource.aws_apigatewayv2_integration.items_read[0].timeout_milliseconds, 5000);
    assert.deepEqual(http.todos, ['Items: HttpApi event Read: RouteSettings is not converted; add it to the route by hand']);
    const plain = sam(`${api('      StageName: v1')}${fn('Items', restEvents())}`);
    assert.doesNotMatch(plain.hcl, /timeoutInMillis/, 'no TimeoutInMillis, API Gateway\'s default');
  });

  it('REST API properties as the RestApi SAM generates gets them: EndpointConfiguration, BinaryMediaTypes, ApiKeySourceType; GatewayResponses in the body', async () => {
    const { hcl, todos } = sam(`${api(`      StageName: v1
      EndpointConfiguration: { Type: PRIVATE, VPCEndpointIds: [vpce-1] }
      BinaryMediaTypes: [image~1png]
      ApiKeySourceType: HEADER
      GatewayResponses:
        DEFAULT_4XX:
          StatusCode: 400
          ResponseParameters: { Headers: { Access-Control-Allow-Origin: "'*'" }, QueryStrings: { q: "'x'" } }`)}${fn('Items', restEvents())}`);
    const r = (await parse('main.tf', hcl)).resource.aws_api_gateway_rest_api.api[0];
    assert.deepEqual(r.endpoint_configuration, [{ types: ['PRIVATE'], vpc_endpoint_ids: ['vpce-1'] }]);
    assert.deepEqual(r.binary_media_types, ['image/png']);
    assert.equal(r.api_key_source, 'HEADER');
    const body = blockText(hcl, 'aws_api_gateway_rest_api', 'api');
    assert.match(body, /x-amazon-apigateway-gateway-responses = \{\s*DEFAULT_4XX = \{\s*responseParameters = \{\s*"gatewayresponse\.header\.Access-Control-Allow-Origin" = "'\*'"\s*"gatewayresponse\.querystring\.q" = "'x'"/);
    assert.match(body, /statusCode = "400"/);
    assert.deepEqual(todos, []);
    assert.deepEqual(schemaIssues(hcl), []);
    const plain = sam(`${api('      EndpointConfiguration: REGIONAL\n      StageName: v1')}${fn('Items', restEvents())}`);
    assert.match(plain.hcl, /endpoint_configuration \{\s*types = \["REGIONAL"\]\s*\}/);
    assert.doesNotMatch(plain.hcl, /gateway-responses/, 'no GatewayResponses, none in the body');
  });

  it('A Domain without CertificateArn is a precise TODO, never dropped', () => {
    for (const type of ['AWS::Serverless::Api', 'AWS::Serverless::HttpApi']) {
      const { hcl, todos } = sam(`${api(`      StageName: v1
      Domain: { DomainName: !Ref Domain }`, type)}`);
      assert.doesNotMatch(hcl, /domain_name" "api_domain/);
      assert.ok(todos.some((t) => /Domain needs DomainName and CertificateArn/.test(t)), `${type}: ${todos.join('\n')}`);
    }
  });
});

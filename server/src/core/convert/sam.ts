// SAM (AWS::Serverless::*) -> the resources SAM itself would create: functions with their role, managed
// policies and event sources; simple tables; HTTP and REST APIs. Unhandled parts become TODO comments.
import { isFunctionValue, isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import { argumentItems, type ResourceScope } from './arguments';
import type { ConvertContext, TfTarget } from './context';
import { address, expr, isRef } from './expressions';
import { attr, block, call, code, comment, nested, render, str, type BodyItem, type Hcl } from './hcl';
import { snakeCase } from './naming';
import { inlineCode } from './propertyRules';
import { resourceBody, scopeFor } from './resources';
import { expandSamPolicy } from './samPolicyExpansion';
import { handledApiProperty, httpApiExtras, httpCors, httpRouteAuth, restApiExtras, restApiValue, samApiProperties, stageItems, unconvertedEventProperties } from './samApi';
import { corsOptions, gatewayResponses, restCorsApplies, restSecurity, restSecuritySchemes } from './samApiBody';
import { convertSourceOwnedEvent, permission as lambdaPermission } from './samEvents';
import { deploymentPreference } from './samDeployment';
import { IMPLICIT_HTTP_API as IMPLICIT_HTTP, IMPLICIT_REST_API as IMPLICIT_REST } from '../knowledge/sam';
import { resourceProperties } from './templateResources';
import { emit, samTodo, partitionArn, serviceRole } from './samCommon';

const IMPLICIT_REST_API = IMPLICIT_REST.logicalId!;
const IMPLICIT_HTTP_API = IMPLICIT_HTTP.logicalId!;

export function globalsFor(ctx: ConvertContext, section: string): CfnValueMap {
  const globals = ctx.template.value.Globals;
  return isValueMap(globals) && isValueMap(globals[section]) ? globals[section] : {};
}

export function events(props: CfnValueMap): [string, CfnValueMap][] {
  return isValueMap(props.Events) ? Object.entries(props.Events).filter((e): e is [string, CfnValueMap] => isValueMap(e[1])) : [];
}

/** The EventBridge rule of a Schedule / EventBridgeRule / CloudWatchEvent event (function or state machine): its address. */
export function eventRule(ctx: ConvertContext, id: string, base: string, p: CfnValueMap, condition: CfnValue | undefined): string {
  const ruleName = ctx.uniqueName('aws_cloudwatch_event_rule', base);
  emit(ctx, id, 'aws_cloudwatch_event_rule', ruleName, condition, () => {
    const body: BodyItem[] = [];
    if (p.Name !== undefined) body.push(attr('name', expr(ctx, p.Name)));
    if (p.Description !== undefined) body.push(attr('description', expr(ctx, p.Description)));
    if (p.Schedule !== undefined) body.push(attr('schedule_expression', expr(ctx, p.Schedule)));
    if (p.Pattern !== undefined) body.push(attr('event_pattern', call('jsonencode', expr(ctx, p.Pattern))));
    if (p.EventBusName !== undefined) body.push(attr('event_bus_name', expr(ctx, p.EventBusName)));
    const state = p.State ?? (p.Enabled === false ? 'DISABLED' : undefined);
    if (state !== undefined) body.push(attr('state', expr(ctx, state)));
    return body;
  });
  return `aws_cloudwatch_event_rule.${ruleName}${typeof condition === 'string' ? '[0]' : ''}`;
}

/** The rule's target: the function or state machine `arn` (invoked through `roleArn` when it needs a role). */
export function eventTarget(ctx: ConvertContext, id: string, base: string, p: CfnValueMap, condition: CfnValue | undefined, rule: string, arn: Hcl, roleArn?: Hcl): void {
  emit(ctx, id, 'aws_cloudwatch_event_target', ctx.uniqueName('aws_cloudwatch_event_target', base), condition, () => [
    attr('rule', code(`${rule}.name`)),
    ...(p.EventBusName !== undefined ? [attr('event_bus_name', expr(ctx, p.EventBusName))] : []),
    attr('arn', arn),
    ...(roleArn ? [attr('role_arn', roleArn)] : []),
    ...(p.Input !== undefined ? [attr('input', expr(ctx, p.Input))] : []),
  ]);
}

/** Managed policies SAM attaches for event sources and features. */
const SOURCE_POLICIES: Record<string, string> = {
  SQS: 'service-role/AWSLambdaSQSQueueExecutionRole',
  DynamoDB: 'service-role/AWSLambdaDynamoDBExecutionRole',
  Kinesis: 'service-role/AWSLambdaKinesisExecutionRole',
  MSK: 'service-role/AWSLambdaMSKExecutionRole',
};

export function convertFunction(ctx: ConvertContext, id: string, props: CfnValueMap, condition: CfnValue | undefined): void {
  const fn = ctx.targets.get(id)!;
  const later: (() => void)[] = [];
  const scope = scopeFor(ctx, id, 'AWS::Serverless::Function', fn, condition, later);
  // CodeUri, InlineCode and ImageUri exclude each other; the function's own one wins over a Globals CodeUri.
  const own = (key: string) => isValueMap(resourceProperties(ctx, id)) && resourceProperties(ctx, id)[key] !== undefined;
  const codeKey = ['InlineCode', 'ImageUri', 'CodeUri'].find(own) ?? ['InlineCode', 'ImageUri', 'CodeUri'].find((k) => props[k] !== undefined);
  const policies: Hcl[] = [partitionArn(ctx, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')];
  const statements: Hcl[] = [];
  emit(ctx, id, fn.tfType, fn.name, condition, () => {
    const body: BodyItem[] = [];
    body.push(attr('function_name', props.FunctionName !== undefined ? expr(ctx, props.FunctionName) : str(id)));
    const role = ctx.targets.get(`${id}Role`);
    body.push(attr('role', props.Role !== undefined ? expr(ctx, props.Role) : code(`${address(role!)}.arn`)));
    if (role) ctx.use(`resource.${role.tfType}.${role.name}`);
    for (const [key, value] of Object.entries(props)) {
      switch (key) {
        case 'FunctionName': case 'Role': case 'Events': case 'Policies': case 'PermissionsBoundary':
          break;
        case 'CodeUri':
          if (codeKey === key) body.push(...codeUri(scope, id, value));
          break;
        case 'InlineCode':
          if (codeKey === key) body.push(...inlineCode(scope, value, id, props));
          break;
        case 'Tracing':
          body.push(...tracingConfig(ctx, value));
          if (value === 'Active') policies.push(partitionArn(ctx, ':iam::aws:policy/AWSXrayWriteOnlyAccess'));
          break;
        case 'DeadLetterQueue':
          if (isValueMap(value)) body.push(nested('dead_letter_config', [attr('target_arn', expr(ctx, value.TargetArn))]));
          break;
        case 'VpcConfig':
          body.push(...argumentItems(scope, key, value));
          policies.push(partitionArn(ctx, ':iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole'));
          break;
        case 'ImageUri':
          if (codeKey === key) body.push(attr('image_uri', expr(ctx, value)));
          break;
        case 'FunctionUrlConfig':
          if (isValueMap(value)) {
            scope.companion('aws_lambda_function_url', 'url', [
              attr('function_name', code(`${address(fn)}.function_name`)),
              attr('authorization_type', expr(ctx, value.AuthType ?? 'NONE')),
            ]);
          }
          break;
        case 'AutoPublishAlias':
          // SAM publishes a version on every code change and points the alias at it.
          body.push(attr('publish', code('true')));
          scope.companion('aws_lambda_alias', 'alias', [
            attr('name', expr(ctx, value)),
            attr('function_name', code(`${address(fn)}.function_name`)),
            attr('function_version', code(`${address(fn)}.version`)),
          ]);
          break;
        case 'ProvisionedConcurrencyConfig':
          if (props.AutoPublishAlias === undefined || !isValueMap(value)) {
            body.push(comment('TODO: ProvisionedConcurrencyConfig applies to the alias SAM publishes; set AutoPublishAlias'));
            ctx.todo(`${id}: ProvisionedConcurrencyConfig without AutoPublishAlias`);
            break;
          }
          scope.companion('aws_lambda_provisioned_concurrency_config', 'concurrency', [
            attr('function_name', code(`${address(fn)}.function_name`)),
            attr('qualifier', expr(ctx, props.AutoPublishAlias)),
            attr('provisioned_concurrent_executions', expr(ctx, value.ProvisionedConcurrentExecutions)),
          ]);
          break;
        case 'EventInvokeConfig':
          if (isValueMap(value) && !isFunctionValue(value)) {
            scope.companion('aws_lambda_function_event_invoke_config', 'invoke_config', [
              attr('function_name', code(`${address(fn)}.function_name`)),
              ...(props.AutoPublishAlias !== undefined ? [attr('qualifier', expr(ctx, props.AutoPublishAlias))] : []),
              ...eventInvokeConfig(ctx, value),
            ]);
          } else body.push(...argumentItems(scope, key, value));
          break;
        case 'DeploymentPreference': {
          // The CodeDeploy resources follow the function (convert/samDeployment.ts); TODOs stay on the function.
          const deployment = deploymentPreference(ctx, id, fn, props, value, condition);
          body.push(...deployment.items);
          if (deployment.emit) later.push(deployment.emit);
          break;
        }
        default:
          body.push(...argumentItems(scope, key, value));
      }
    }
    return body;
  });
  for (const add of later) add();

  if (props.Role === undefined) {
    const role = ctx.targets.get(`${id}Role`)!;
    for (const policy of Array.isArray(props.Policies) ? props.Policies : props.Policies !== undefined ? [props.Policies] : []) {
      samPolicy(ctx, id, policy, policies, statements);
    }
    for (const [, event] of events(props)) {
      const source = SOURCE_POLICIES[String(event.Type)];
      if (source) policies.push(partitionArn(ctx, `:iam::aws:policy/${source}`));
    }
    serviceRole(ctx, id, role, 'lambda.amazonaws.com', policies, statements, props.PermissionsBoundary, condition);
  }
  for (const [eventId, event] of events(props)) convertEvent(ctx, id, fn, eventId, event, condition);
}

/** The role EventBridge Scheduler assumes to invoke the function. */
function invokeRole(ctx: ConvertContext, id: string, fn: TfTarget, base: string, condition: CfnValue | undefined): TfTarget {
  const role: TfTarget = { tfType: 'aws_iam_role', name: ctx.uniqueName('aws_iam_role', `${base}_role`), counted: typeof condition === 'string', refAttr: 'name', attributes: { Arn: 'arn' } };
  const statement: Hcl = { k: 'object', entries: [
    { key: 'Effect', value: str('Allow') },
    { key: 'Action', value: str('lambda:InvokeFunction') },
    { key: 'Resource', value: code(`${address(fn)}.arn`) },
  ] };
  serviceRole(ctx, id, role, 'scheduler.amazonaws.com', [], [statement], undefined, condition);
  return role;
}

/** A SAM ScheduleV2 event -> aws_scheduler_schedule; FlexibleTimeWindow defaults to OFF as SAM's does. */
export function scheduleBody(ctx: ConvertContext, p: CfnValueMap, targetArn: Hcl, roleArn: Hcl): BodyItem[] {
  const body: BodyItem[] = [];
  for (const [key, name] of [['Name', 'name'], ['Description', 'description'], ['GroupName', 'group_name'], ['ScheduleExpression', 'schedule_expression'], ['ScheduleExpressionTimezone', 'schedule_expression_timezone'], ['StartDate', 'start_date'], ['EndDate', 'end_date'], ['State', 'state'], ['KmsKeyArn', 'kms_key_arn']] as const) {
    if (p[key] !== undefined) body.push(attr(name, expr(ctx, p[key])));
  }
  const window = isValueMap(p.FlexibleTimeWindow) ? p.FlexibleTimeWindow : { Mode: 'OFF' };
  body.push(nested('flexible_time_window', [
    attr('mode', expr(ctx, window.Mode ?? 'OFF')),
    ...(window.MaximumWindowInMinutes !== undefined ? [attr('maximum_window_in_minutes', expr(ctx, window.MaximumWindowInMinutes))] : []),
  ]));
  const target: BodyItem[] = [attr('arn', targetArn), attr('role_arn', roleArn)];
  if (p.Input !== undefined) target.push(attr('input', expr(ctx, p.Input)));
  if (isValueMap(p.RetryPolicy)) {
    target.push(nested('retry_policy', [
      ...(p.RetryPolicy.MaximumEventAgeInSeconds !== undefined ? [attr('maximum_event_age_in_seconds', expr(ctx, p.RetryPolicy.MaximumEventAgeInSeconds))] : []),
      ...(p.RetryPolicy.MaximumRetryAttempts !== undefined ? [attr('maximum_retry_attempts', expr(ctx, p.RetryPolicy.MaximumRetryAttempts))] : []),
    ]));
  }
  if (isValueMap(p.DeadLetterConfig) && p.DeadLetterConfig.Arn !== undefined) target.push(nested('dead_letter_config', [attr('arn', expr(ctx, p.DeadLetterConfig.Arn))]));
  body.push(nested('target', target));
  for (const key of Object.keys(p).filter((k) => !['Name', 'Description', 'GroupName', 'ScheduleExpression', 'ScheduleExpressionTimezone', 'StartDate', 'EndDate', 'State', 'KmsKeyArn', 'FlexibleTimeWindow', 'Input', 'RetryPolicy', 'DeadLetterConfig', 'RoleArn'].includes(k))) {
    ctx.todo(`ScheduleV2 property ${key} is not converted`);
    body.push(comment(`TODO: ScheduleV2 property ${key} is not converted`));
  }
  return body;
}

/** EventInvokeConfig {MaximumEventAgeInSeconds, MaximumRetryAttempts, DestinationConfig: {OnSuccess|OnFailure: {Type, Destination}}}. */
function eventInvokeConfig(ctx: ConvertContext, value: CfnValueMap): BodyItem[] {
  const items: BodyItem[] = [];
  if (value.MaximumEventAgeInSeconds !== undefined) items.push(attr('maximum_event_age_in_seconds', expr(ctx, value.MaximumEventAgeInSeconds)));
  if (value.MaximumRetryAttempts !== undefined) items.push(attr('maximum_retry_attempts', expr(ctx, value.MaximumRetryAttempts)));
  const destinations = isValueMap(value.DestinationConfig) ? value.DestinationConfig : {};
  const blocks: BodyItem[] = [];
  for (const [key, name] of [['OnSuccess', 'on_success'], ['OnFailure', 'on_failure']] as const) {
    const d = destinations[key];
    if (isValueMap(d) && d.Destination !== undefined) blocks.push(nested(name, [attr('destination', expr(ctx, d.Destination))]));
  }
  if (blocks.length) items.push(nested('destination_config', blocks));
  return items;
}

function codeUri(scope: ResourceScope, id: string, value: CfnValue): BodyItem[] {
  const { ctx } = scope;
  if (typeof value === 'string' && value.startsWith('s3://')) {
    const [bucket, ...key] = value.slice(5).split('/');
    return [attr('s3_bucket', str(bucket)), attr('s3_key', str(key.join('/')))];
  }
  if (isValueMap(value)) {
    const items: BodyItem[] = [];
    if (value.Bucket !== undefined) items.push(attr('s3_bucket', expr(ctx, value.Bucket)));
    if (value.Key !== undefined) items.push(attr('s3_key', expr(ctx, value.Key)));
    if (value.Version !== undefined) items.push(attr('s3_object_version', expr(ctx, value.Version)));
    return items;
  }
  if (typeof value !== 'string') return [comment('TODO: CodeUri is computed; set filename or s3_bucket/s3_key')];
  // A local folder: SAM zips it at build time; Terraform does it with the archive provider.
  const name = snakeCase(id);
  const key = `data.archive_file.${name}`;
  ctx.use(key);
  if (!ctx.hasUnit(key)) {
    ctx.add({
      key,
      kind: 'data',
      block: block('data', ['archive_file', name], [
        attr('type', str('zip')),
        attr('source_dir', { k: 'template', parts: [code('path.module'), `/${value.replace(/^\.\//, '').replace(/\/$/, '')}`] }),
        attr('output_path', { k: 'template', parts: [code('path.module'), `/build/${name}.zip`] }),
      ]),
      deps: new Set(),
    });
  }
  return [attr('filename', code(`${key}.output_path`)), attr('source_code_hash', code(`${key}.output_base64sha256`))];
}

export function samPolicy(ctx: ConvertContext, id: string, policy: CfnValue, arns: Hcl[], statements: Hcl[]): void {
  if (typeof policy === 'string') {
    arns.push(policy.startsWith('arn:') ? str(policy) : partitionArn(ctx, `:iam::aws:policy/${policy}`));
    return;
  }
  if (!isValueMap(policy)) {
    arns.push(expr(ctx, policy));
    return;
  }
  if (Array.isArray(policy.Statement)) {
    for (const statement of policy.Statement) statements.push(expr(ctx, statement));
    return;
  }
  const [name] = Object.keys(policy);
  // Any of SAM's templates, from its own policy_templates.json (knowledge/samPolicies.ts).
  const template = ctx.data.samPolicyTemplate(name);
  if (template && Object.keys(policy).length === 1) {
    const expansion = expandSamPolicy(template, isValueMap(policy[name]) ? policy[name] : {});
    if ('missing' in expansion) samTodo(ctx, id, `SAM policy template ${name} lacks ${expansion.missing.join(', ')}; SAM rejects it`);
    else for (const statement of expansion.statements) statements.push(expr(ctx, statement));
    return;
  }
  samTodo(ctx, id, `SAM policy template ${name} is not expanded; add its statements to the role policy`);
}

function convertEvent(ctx: ConvertContext, id: string, fn: TfTarget, eventId: string, event: CfnValueMap, condition: CfnValue | undefined): void {
  const p = isValueMap(event.Properties) ? event.Properties : {};
  const base = `${fn.name}_${snakeCase(eventId)}`;
  const fnRef = (a: string) => code(`${address(fn)}.${a}`);
  const permission = (principal: string, sourceArn: Hcl | undefined) =>
    lambdaPermission({ ctx, id, fn, eventId, base, p, condition }, str(principal), sourceArn, undefined, [],
      'TODO: set source_arn to the execution ARN of the API this event names, followed by "/*/*"; without it any API may invoke the function');
  switch (event.Type) {
    case 'SQS': case 'DynamoDB': case 'Kinesis': case 'MQ': case 'MSK': case 'SelfManagedKafka': case 'DocumentDB': {
      // The event source mapping SAM generates, converted like any AWS::Lambda::EventSourceMapping.
      const name = ctx.uniqueName('aws_lambda_event_source_mapping', base);
      const mapping: TfTarget = { tfType: 'aws_lambda_event_source_mapping', name, counted: typeof condition === 'string', refAttr: 'uuid', attributes: {} };
      const later: (() => void)[] = [];
      const scope = scopeFor(ctx, id, 'AWS::Lambda::EventSourceMapping', mapping, condition, later);
      emit(ctx, id, mapping.tfType, name, condition, () => resourceBody(scope, { Properties: eventSourceMappingProperties(String(event.Type), p) }, [attr('function_name', fnRef('arn'))]));
      for (const add of later) add();
      return;
    }
    case 'Schedule': case 'EventBridgeRule': case 'CloudWatchEvent': {
      const rule = eventRule(ctx, id, base, p, condition);
      eventTarget(ctx, id, base, p, condition, rule, fnRef('arn'));
      permission('events.amazonaws.com', code(`${rule}.arn`));
      return;
    }
    case 'ScheduleV2': {
      // EventBridge Scheduler invokes through a role SAM creates (unless RoleArn is given); it needs no permission.
      const roleArn = p.RoleArn !== undefined ? expr(ctx, p.RoleArn) : code(`${address(invokeRole(ctx, id, fn, base, condition))}.arn`);
      emit(ctx, id, 'aws_scheduler_schedule', ctx.uniqueName('aws_scheduler_schedule', base), condition, () => scheduleBody(ctx, p, code(`${address(fn)}.arn`), roleArn));
      return;
    }
    case 'SNS':
      emit(ctx, id, 'aws_sns_topic_subscription', ctx.uniqueName('aws_sns_topic_subscription', base), condition, () => [
        attr('topic_arn', expr(ctx, p.Topic)),
        attr('protocol', str('lambda')),
        attr('endpoint', fnRef('arn')),
        ...(p.FilterPolicy !== undefined ? [attr('filter_policy', call('jsonencode', expr(ctx, p.FilterPolicy)))] : []),
      ]);
      permission('sns.amazonaws.com', expr(ctx, p.Topic));
      return;
    case 'HttpApi':
      unconvertedEventProperties(ctx, id, eventId, 'HttpApi', p);
      return httpApiEvent(ctx, id, fn, base, p, condition, permission);
    case 'Api':
      unconvertedEventProperties(ctx, id, eventId, 'Api', p);
      return restApiEvent(ctx, id, fn, p, condition, permission);
    case 'S3': case 'CloudWatchLogs': case 'IoTRule': case 'Cognito': case 'AlexaSkill':
      return convertSourceOwnedEvent(ctx, id, fn, eventId, event, condition);
    default:
      samTodo(ctx, id, `event ${eventId} of type ${String(event.Type)} is not converted`);
  }
}

/**
 * A SAM stream/queue event's properties as the AWS::Lambda::EventSourceMapping SAM generates from them: the
 * source (Queue, Stream, Broker, Cluster) is EventSourceArn, ConsumerGroupId goes into the Kafka config of its
 * kind, KafkaBootstrapServers into SelfManagedEventSource, a DocumentDB event's database fields into
 * DocumentDBEventSourceConfig, and OnFailure loses SAM's own Type field.
 */
export function eventSourceMappingProperties(type: string, p: CfnValueMap): CfnValueMap {
  const out: CfnValueMap = {};
  for (const [key, value] of Object.entries(p)) {
    if (['Queue', 'Stream', 'Broker', 'Cluster'].includes(key)) out.EventSourceArn = value;
    else if (key === 'ConsumerGroupId') out[type === 'SelfManagedKafka' ? 'SelfManagedKafkaEventSourceConfig' : 'AmazonManagedKafkaEventSourceConfig'] = { ConsumerGroupId: value };
    else if (key === 'KafkaBootstrapServers') out.SelfManagedEventSource = { Endpoints: { KafkaBootstrapServers: value } };
    else if (type === 'DocumentDB' && ['DatabaseName', 'CollectionName', 'FullDocument'].includes(key)) {
      out.DocumentDBEventSourceConfig = { ...(isValueMap(out.DocumentDBEventSourceConfig) ? out.DocumentDBEventSourceConfig : {}), [key]: value };
    }
    else if (key === 'DestinationConfig' && isValueMap(value) && isValueMap(value.OnFailure)) {
      const { Type: _samType, ...onFailure } = value.OnFailure;
      out.DestinationConfig = { ...value, OnFailure: onFailure };
    } else out[key] = value;
  }
  return out;
}

type Permission = (principal: string, sourceArn: Hcl | undefined) => void;

function httpApiEvent(ctx: ConvertContext, id: string, fn: TfTarget, base: string, p: CfnValueMap, condition: CfnValue | undefined, permission: Permission): void {
  if (p.ApiId === undefined && !ctx.hasUnit(`resource.aws_apigatewayv2_api.${ctx.targets.get(IMPLICIT_HTTP_API)!.name}`)) {
    // The implicit API takes the HttpApi Globals, as SAM applies them (its routes read the same Auth).
    convertHttpApi(ctx, IMPLICIT_HTTP_API, samApiProperties(ctx, IMPLICIT_HTTP_API, 'AWS::Serverless::HttpApi'), undefined);
  }
  const apiId = p.ApiId !== undefined ? expr(ctx, p.ApiId) : code(`${address(ctx.targets.get(IMPLICIT_HTTP_API)!)}.id`);
  // An ApiId that is a !Ref to an HTTP API of this template points at it; any other value names an API elsewhere.
  const refTarget = isRef(p.ApiId) ? ctx.targets.get(String(p.ApiId.args[0])) : undefined;
  const apiTarget = p.ApiId === undefined ? ctx.targets.get(IMPLICIT_HTTP_API) : refTarget?.tfType === 'aws_apigatewayv2_api' ? refTarget : undefined;
  const integration = ctx.uniqueName('aws_apigatewayv2_integration', base);
  emit(ctx, id, 'aws_apigatewayv2_integration', integration, condition, () => [
    attr('api_id', apiId),
    attr('integration_type', str('AWS_PROXY')),
    attr('integration_uri', code(`${address(fn)}.invoke_arn`)),
    attr('payload_format_version', expr(ctx, p.PayloadFormatVersion ?? '2.0')),
    ...(p.TimeoutInMillis !== undefined ? [attr('timeout_milliseconds', expr(ctx, p.TimeoutInMillis))] : []),
  ]);
  const method = typeof p.Method === 'string' ? (p.Method.toLowerCase() === 'any' ? 'ANY' : p.Method.toUpperCase()) : 'ANY';
  const routeKey = p.Path === undefined ? '$default' : `${method} ${String(p.Path)}`;
  const apiLogicalId = p.ApiId === undefined ? IMPLICIT_HTTP_API : apiTarget ? String((p.ApiId as { args: CfnValue[] }).args[0]) : undefined;
  emit(ctx, id, 'aws_apigatewayv2_route', ctx.uniqueName('aws_apigatewayv2_route', base), condition, () => [
    attr('api_id', apiId),
    attr('route_key', str(routeKey)),
    attr('target', { k: 'template', parts: ['integrations/', code(`aws_apigatewayv2_integration.${integration}${typeof condition === 'string' ? '[0]' : ''}.id`)] }),
    ...httpRouteAuth(ctx, id, apiLogicalId, apiTarget, p.Auth),
  ]);
  const executionArn = apiTarget ? code(`${address(apiTarget)}.execution_arn`) : undefined;
  permission('apigateway.amazonaws.com', executionArn ? { k: 'template', parts: [executionArn, '/*/*'] } : (todoArn(ctx, id)));
}

/** No API in this template to point at: the permission is written without source_arn and a TODO says what to set. */
function todoArn(ctx: ConvertContext, id: string): undefined {
  ctx.todo(`${id}: set the API execution ARN for the Lambda permission`);
  return undefined;
}

/**
 * SAM Tracing (Active | PassThrough | Disabled) -> tracing_config.mode, which takes Active or PassThrough only:
 * Disabled is Lambda's default (no block); a computed value is mapped in the expression.
 */
function tracingConfig(ctx: ConvertContext, value: CfnValue): BodyItem[] {
  if (value === 'Disabled') return [comment('Tracing Disabled: Lambda\'s default (mode PassThrough), no tracing_config')];
  if (value === 'Active' || value === 'PassThrough') return [nested('tracing_config', [attr('mode', str(value))])];
  return [nested('tracing_config', [attr('mode', code(`${render(expr(ctx, value))} == "Active" ? "Active" : "PassThrough"`))])];
}

export function convertHttpApi(ctx: ConvertContext, id: string, props: CfnValueMap, condition: CfnValue | undefined): void {
  const api = ctx.targets.get(id)!;
  const scope = scopeFor(ctx, id, 'AWS::Serverless::HttpApi', api, condition, []);
  emit(ctx, id, api.tfType, api.name, condition, () => {
    const body: BodyItem[] = [attr('name', props.Name !== undefined ? expr(ctx, props.Name) : str(id)), attr('protocol_type', str('HTTP'))];
    body.push(...httpCors(ctx, props.CorsConfiguration));
    if (isValueMap(props.Tags)) body.push(attr('tags', expr(ctx, props.Tags)));
    // The rest as the knowledge layer answers them (Description -> description; DefinitionBody -> TODO); Auth,
    // Domain and the stage's settings are written by samApi.ts.
    for (const [key, value] of Object.entries(props)) {
      if (!['Name', 'CorsConfiguration', 'Tags', 'StageName'].includes(key) && !handledApiProperty('AWS::Serverless::HttpApi', key)) body.push(...argumentItems(scope, key, value));
    }
    return body;
  });
  const stage: TfTarget = { tfType: 'aws_apigatewayv2_stage', name: ctx.uniqueName('aws_apigatewayv2_stage', `${api.name}_stage`), counted: typeof condition === 'string', refAttr: 'id', attributes: {} };
  const later: (() => void)[] = [];
  emit(ctx, id, stage.tfType, stage.name, condition, () => [
    attr('api_id', code(`${address(api)}.id`)),
    attr('name', props.StageName !== undefined ? expr(ctx, props.StageName) : str('$default')),
    attr('auto_deploy', code('true')),
    ...stageItems(ctx, id, 'AWS::Serverless::HttpApi', stage, props, condition, later),
  ]);
  for (const add of later) add();
  httpApiExtras(ctx, id, api, stage, props, condition);
}

/** REST API events are gathered into an OpenAPI body, as SAM does; the API and its stage are written once. */
function restApiEvent(ctx: ConvertContext, id: string, fn: TfTarget, p: CfnValueMap, condition: CfnValue | undefined, permission: Permission): void {
  const apiId = typeof p.RestApiId === 'object' && p.RestApiId !== null && !Array.isArray(p.RestApiId) && 'fn' in p.RestApiId && (p.RestApiId as { args: CfnValue[] }).args[0];
  const apiLogicalId = p.RestApiId === undefined ? IMPLICIT_REST_API : typeof apiId === 'string' ? apiId : undefined;
  const api = apiLogicalId ? ctx.targets.get(apiLogicalId) : undefined;
  if (!api || api.tfType !== 'aws_api_gateway_rest_api') {
    samTodo(ctx, id, 'Api event with a RestApiId that is not a SAM Api in this template');
    return;
  }
  const method = typeof p.Method === 'string' ? (p.Method.toLowerCase() === 'any' ? 'x-amazon-apigateway-any-method' : p.Method.toLowerCase()) : 'x-amazon-apigateway-any-method';
  const path = typeof p.Path === 'string' ? p.Path : '/';
  const paths = restApiPaths(ctx, apiLogicalId!);
  paths.push({ path, method, uri: code(`${address(fn)}.invoke_arn`), deps: [`resource.${fn.tfType}.${fn.name}`], auth: isValueMap(p.Auth) ? p.Auth : undefined, timeout: p.TimeoutInMillis !== undefined ? expr(ctx, p.TimeoutInMillis) : undefined });
  writeRestApi(ctx, apiLogicalId!, api);
  permission('apigateway.amazonaws.com', { k: 'template', parts: [code(`${address(api)}.execution_arn`), '/*/*'] });
  void condition;
}

export interface RestRoute {
  path: string;
  method: string;
  uri: Hcl;
  deps: string[];
  /** The whole x-amazon-apigateway-integration when it is not a Lambda proxy (a state machine's StartExecution). */
  integration?: Hcl;
  /** The event's own Auth (Authorizer, AuthorizationScopes, ApiKeyRequired). */
  auth?: CfnValueMap;
  /** The event's TimeoutInMillis: the integration's timeoutInMillis. */
  timeout?: Hcl;
}
const REST_ROUTES = new WeakMap<ConvertContext, Map<string, RestRoute[]>>();

export function restApiPaths(ctx: ConvertContext, apiId: string): RestRoute[] {
  const byApi = REST_ROUTES.get(ctx) ?? new Map<string, RestRoute[]>();
  REST_ROUTES.set(ctx, byApi);
  const routes = byApi.get(apiId) ?? [];
  byApi.set(apiId, routes);
  return routes;
}

/** (Re)writes the REST API with an OpenAPI body of every route seen so far, plus deployment and stage. */
export function writeRestApi(ctx: ConvertContext, apiId: string, api: TfTarget): void {
  const routes = restApiPaths(ctx, apiId);
  const resources = ctx.template.value.Resources;
  const explicit = isValueMap(resources) && isValueMap(resources[apiId]) ? resources[apiId] : undefined;
  const props = explicit && isValueMap(explicit.Properties) ? { ...globalsFor(ctx, 'Api'), ...explicit.Properties } : globalsFor(ctx, 'Api');
  const byPath = new Map<string, { key: string; value: Hcl }[]>();
  // Auth (security per method, schemes) and Cors (an OPTIONS method per path) as SAM writes them into the body.
  const used = new Set<string>();
  const notes: BodyItem[] = [];
  const { value: openapi, deps } = ctx.collect((): Hcl => {
    for (const route of routes) {
      const methods = byPath.get(route.path) ?? [];
      byPath.set(route.path, methods);
      const security = restSecurity(ctx, apiId, props, route.method, route.auth, used, notes);
      methods.push({
        key: route.method,
        value: { k: 'object', entries: [{ key: 'x-amazon-apigateway-integration', value: route.integration ?? { k: 'object', entries: [
          { key: 'type', value: str('aws_proxy') },
          { key: 'httpMethod', value: str('POST') },
          { key: 'uri', value: route.uri },
          ...(route.timeout ? [{ key: 'timeoutInMillis', value: route.timeout }] : []),
        ] } }, ...(security ? [{ key: 'security', value: security }] : [])] },
      });
    }
    if (restCorsApplies(ctx, apiId, props, notes)) {
      for (const methods of byPath.values()) {
        if (methods.some((m) => m.key === 'options')) continue;
        const options = corsOptions(ctx, props.Cors, methods.map((m) => m.key))!;
        const security = restSecurity(ctx, apiId, props, 'options', undefined, used, notes);
        methods.push({ key: 'options', value: security && options.k === 'object' ? { k: 'object', entries: [...options.entries, { key: 'security', value: security }] } : options });
      }
    }
    const schemes = restSecuritySchemes(ctx, apiId, props, used, notes);
    const responses = gatewayResponses(ctx, apiId, props.GatewayResponses, notes);
    return { k: 'object', entries: [
      { key: 'openapi', value: str('3.0.1') },
      { key: 'info', value: { k: 'object', entries: [{ key: 'title', value: props.Name !== undefined ? expr(ctx, props.Name) : str(apiId) }, { key: 'version', value: str('1.0') }] } },
      { key: 'paths', value: { k: 'object', entries: [...byPath].map(([path, methods]) => ({ key: path, value: { k: 'object', entries: methods } })) } },
      ...(schemes ? [{ key: 'components', value: { k: 'object' as const, entries: [{ key: 'securitySchemes', value: schemes }] } }] : []),
      ...(responses ? [{ key: 'x-amazon-apigateway-gateway-responses', value: responses }] : []),
    ] };
  });
  for (const route of routes) for (const dep of route.deps) deps.add(dep);
  const key = `resource.${api.tfType}.${api.name}`;
  const index = ctx.units.findIndex((u) => u.key === key);
  if (index >= 0) ctx.units.splice(index, 1);
  const body: BodyItem[] = [attr('name', props.Name !== undefined ? expr(ctx, props.Name) : str(apiId)), attr('body', call('jsonencode', openapi)), ...notes];
  const scope = scopeFor(ctx, apiId, 'AWS::Serverless::Api', api, undefined, []);
  // What the SAM type's own answers leave without an argument is answered as the AWS::ApiGateway::RestApi SAM generates.
  const restScope = scopeFor(ctx, apiId, 'AWS::ApiGateway::RestApi', api, undefined, []);
  for (const [k, value] of Object.entries(props)) {
    if (['Name', 'StageName'].includes(k) || handledApiProperty('AWS::Serverless::Api', k)) continue;
    const own = scope.properties?.answer(k);
    const items = ctx.collect(() => (own?.kind === 'none' && own.provenance === 'convention' ? argumentItems(restScope, k, restApiValue(k, value)) : argumentItems(scope, k, restApiValue(k, value))));
    body.push(...items.value);
    for (const dep of items.deps) deps.add(dep);
  }
  const unit = { key, kind: 'resource' as const, logicalId: apiId, block: block('resource', [api.tfType, api.name], body), deps };
  if (index >= 0) ctx.units.splice(index, 0, unit);
  else ctx.units.push(unit);
  if (ctx.hasUnit(`resource.aws_api_gateway_deployment.${api.name}`)) return;
  ctx.add({
    key: `resource.aws_api_gateway_deployment.${api.name}`, kind: 'resource', logicalId: apiId, deps: new Set([key]),
    block: block('resource', ['aws_api_gateway_deployment', api.name], [
      attr('rest_api_id', code(`${address(api)}.id`)),
      attr('triggers', { k: 'object', entries: [{ key: 'redeployment', value: call('sha1', code(`${address(api)}.body`)) }] }),
      nested('lifecycle', [attr('create_before_destroy', code('true'))]),
    ]),
  });
  const stage: TfTarget = { tfType: 'aws_api_gateway_stage', name: api.name, counted: false, refAttr: 'stage_name', attributes: {} };
  const later: (() => void)[] = [];
  const { value: stageBody, deps: stageDeps } = ctx.collect(() => [
    attr('rest_api_id', code(`${address(api)}.id`)),
    attr('deployment_id', code(`aws_api_gateway_deployment.${api.name}.id`)),
    attr('stage_name', props.StageName !== undefined ? expr(ctx, props.StageName) : str('Prod')),
    ...stageItems(ctx, apiId, 'AWS::Serverless::Api', stage, props, undefined, later),
  ]);
  ctx.add({
    key: `resource.aws_api_gateway_stage.${api.name}`, kind: 'resource', logicalId: apiId, deps: new Set([key, ...stageDeps]),
    block: block('resource', ['aws_api_gateway_stage', api.name], stageBody),
  });
  for (const add of later) add();
  restApiExtras(ctx, apiId, api, stage, props);
}

export function convertSimpleTable(ctx: ConvertContext, id: string, props: CfnValueMap, condition: CfnValue | undefined): void {
  const table = ctx.targets.get(id)!;
  const key = isValueMap(props.PrimaryKey) ? props.PrimaryKey : { Name: 'id', Type: 'String' };
  const typeCode = ({ String: 'S', Number: 'N', Binary: 'B' } as Record<string, string>)[String(key.Type)] ?? 'S';
  emit(ctx, id, table.tfType, table.name, condition, () => {
    const body: BodyItem[] = [attr('name', props.TableName !== undefined ? expr(ctx, props.TableName) : str(id))];
    if (isValueMap(props.ProvisionedThroughput)) {
      body.push(attr('billing_mode', str('PROVISIONED')));
      body.push(attr('read_capacity', expr(ctx, props.ProvisionedThroughput.ReadCapacityUnits)));
      body.push(attr('write_capacity', expr(ctx, props.ProvisionedThroughput.WriteCapacityUnits)));
    } else {
      body.push(attr('billing_mode', str('PAY_PER_REQUEST')));
    }
    body.push(attr('hash_key', expr(ctx, key.Name)));
    body.push(nested('attribute', [attr('name', expr(ctx, key.Name)), attr('type', str(typeCode))]));
    if (isValueMap(props.SSESpecification)) body.push(nested('server_side_encryption', [attr('enabled', expr(ctx, props.SSESpecification.SSEEnabled ?? false))]));
    if (props.Tags !== undefined) body.push(attr('tags', expr(ctx, props.Tags)));
    return body;
  });
}

export function convertLayer(ctx: ConvertContext, id: string, props: CfnValueMap, condition: CfnValue | undefined): void {
  const layer = ctx.targets.get(id)!;
  const later: (() => void)[] = [];
  const scope = scopeFor(ctx, id, 'AWS::Lambda::LayerVersion', layer, condition, later);
  emit(ctx, id, layer.tfType, layer.name, condition, () => {
    const body: BodyItem[] = [attr('layer_name', props.LayerName !== undefined ? expr(ctx, props.LayerName) : str(id))];
    if (props.ContentUri !== undefined) body.push(...codeUri(scope, id, props.ContentUri));
    if (props.CompatibleRuntimes !== undefined) body.push(attr('compatible_runtimes', expr(ctx, props.CompatibleRuntimes)));
    if (props.CompatibleArchitectures !== undefined) body.push(attr('compatible_architectures', expr(ctx, props.CompatibleArchitectures)));
    if (props.Description !== undefined) body.push(attr('description', expr(ctx, props.Description)));
    if (props.LicenseInfo !== undefined) body.push(attr('license_info', expr(ctx, props.LicenseInfo)));
    return body;
  });
}

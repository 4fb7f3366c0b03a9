// SAM AWS::Serverless::StateMachine -> aws_sfn_state_machine with its definition (inline, a local file through
// templatefile(), or an S3 object), the role SAM creates for it (policies and policy templates as for a function),
// and its events: EventBridge rules (Schedule, EventBridgeRule, CloudWatchEvent) whose target may start executions,
// and Api events as StartExecution integrations in the REST API's OpenAPI body, each with the role SAM adds.
import { isFunctionValue, isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import { tagsValue } from './arguments';
import type { ConvertContext, TfTarget } from './context';
import { address, expr, isRef, pseudoParameter } from './expressions';
import { attr, block, call, code, comment, nested, str, type BodyItem, type Hcl } from './hcl';
import { snakeCase } from './naming';
import { eventRule, eventTarget, events, restApiPaths, samPolicy, writeRestApi } from './sam';
import { IMPLICIT_REST_API } from '../knowledge/sam';
import { emit, samTodo, serviceRole } from './samCommon';
import { substituted } from './substitutions';

/** Properties written by convertStateMachine itself (the rest are TODOs naming them). */
const HANDLED = new Set(['Name', 'Role', 'Policies', 'PermissionsBoundary', 'Events', 'Definition', 'DefinitionUri', 'DefinitionSubstitutions', 'Type', 'Tags', 'Logging', 'Tracing']);

export function convertStateMachine(ctx: ConvertContext, id: string, props: CfnValueMap, condition: CfnValue | undefined): void {
  const sm = ctx.targets.get(id)!;
  const role = props.Role === undefined ? ctx.targets.get(`${id}Role`) : undefined;
  emit(ctx, id, sm.tfType, sm.name, condition, () => {
    const body: BodyItem[] = [attr('name', props.Name !== undefined ? expr(ctx, props.Name) : str(id))];
    if (role) ctx.use(`resource.${role.tfType}.${role.name}`);
    body.push(attr('role_arn', role ? code(`${address(role)}.arn`) : expr(ctx, props.Role)));
    body.push(...definition(ctx, id, props));
    if (props.Type !== undefined) body.push(attr('type', expr(ctx, props.Type)));
    if (props.Logging !== undefined) body.push(...logging(ctx, id, props.Logging));
    if (isValueMap(props.Tracing)) body.push(nested('tracing_configuration', [attr('enabled', expr(ctx, props.Tracing.Enabled ?? false))]));
    if (props.Tags !== undefined) body.push(attr('tags', tagsValue(ctx, props.Tags)));
    for (const key of Object.keys(props).filter((k) => !HANDLED.has(k))) {
      ctx.todo(`${id}: SAM StateMachine property ${key} is not converted`);
      body.push(comment(`TODO: SAM StateMachine property ${key} is not converted`));
    }
    return body;
  });
  if (role) {
    const managed: Hcl[] = [];
    const statements: Hcl[] = [];
    const policies = Array.isArray(props.Policies) ? props.Policies : props.Policies !== undefined ? [props.Policies] : [];
    for (const policy of policies) samPolicy(ctx, id, policy, managed, statements);
    serviceRole(ctx, id, role, 'states.amazonaws.com', managed, statements, props.PermissionsBoundary, condition);
  }
  for (const [eventId, event] of events(props)) stateMachineEvent(ctx, id, sm, eventId, event, condition);
}

/**
 * Definition (an object) -> jsonencode() with DefinitionSubstitutions put in; DefinitionUri a local file ->
 * templatefile() with them as variables; an S3 location -> the object's body through data "aws_s3_object".
 */
function definition(ctx: ConvertContext, id: string, props: CfnValueMap): BodyItem[] {
  const subs = isValueMap(props.DefinitionSubstitutions) && !isFunctionValue(props.DefinitionSubstitutions) ? props.DefinitionSubstitutions : {};
  if (props.Definition !== undefined) return [attr('definition', call('jsonencode', substituted(ctx, props.Definition, subs)))];
  const uri = props.DefinitionUri;
  if (typeof uri === 'string' && !uri.startsWith('s3://')) {
    const vars: Hcl = { k: 'object', entries: Object.entries(subs).map(([key, value]) => ({ key, value: expr(ctx, value) })) };
    return [attr('definition', call('templatefile', { k: 'template', parts: [code('path.module'), `/${uri.replace(/^\.\//, '')}`] }, vars))];
  }
  const s3 = typeof uri === 'string' ? { Bucket: uri.slice(5).split('/')[0], Key: uri.slice(5).split('/').slice(1).join('/') } : isValueMap(uri) && !isFunctionValue(uri) ? uri : undefined;
  if (s3) {
    const name = snakeCase(id);
    const key = `data.aws_s3_object.${name}`;
    ctx.use(key);
    if (!ctx.hasUnit(key)) {
      const { value: body, deps } = ctx.collect(() => [attr('bucket', expr(ctx, s3.Bucket)), attr('key', expr(ctx, s3.Key)), ...(s3.Version !== undefined ? [attr('version_id', expr(ctx, s3.Version))] : [])]);
      ctx.add({ key, kind: 'data', block: block('data', ['aws_s3_object', name], body), deps });
    }
    const items: BodyItem[] = [];
    if (Object.keys(subs).length) {
      ctx.todo(`${id}: DefinitionSubstitutions are not applied to a definition read from S3`);
      items.push(comment(`TODO: DefinitionSubstitutions (${Object.keys(subs).join(', ')}) are not applied to a definition read from S3; replace() them or keep the file in the module`));
    }
    return [...items, attr('definition', code(`${key}.body`))];
  }
  ctx.todo(`${id}: the state machine has no Definition or DefinitionUri Terraform can read`);
  return [comment('TODO: set definition: the template gives no Definition or readable DefinitionUri')];
}

/** Logging {Level, IncludeExecutionData, Destinations: [{CloudWatchLogsLogGroup: {LogGroupArn}}]} -> logging_configuration. */
function logging(ctx: ConvertContext, id: string, value: CfnValue): BodyItem[] {
  if (!isValueMap(value) || isFunctionValue(value)) {
    ctx.todo(`${id}: Logging is computed`);
    return [comment('TODO: Logging is computed in the template; write logging_configuration by hand')];
  }
  const body: BodyItem[] = [];
  if (value.Level !== undefined) body.push(attr('level', expr(ctx, value.Level)));
  if (value.IncludeExecutionData !== undefined) body.push(attr('include_execution_data', expr(ctx, value.IncludeExecutionData)));
  const destinations = Array.isArray(value.Destinations) ? value.Destinations.filter(isValueMap) : [];
  const group = destinations.map((d) => (isValueMap(d.CloudWatchLogsLogGroup) ? d.CloudWatchLogsLogGroup.LogGroupArn : undefined)).find((a) => a !== undefined);
  if (group !== undefined) {
    // CloudFormation's log group Arn ends in ":*", which Step Functions wants; Terraform's does not.
    const arn = expr(ctx, group);
    body.push(attr('log_destination', typeof group === 'string' ? arn : { k: 'template', parts: [arn, ':*'] }));
  }
  if (destinations.length > 1) {
    ctx.todo(`${id}: Step Functions logs to one log group; ${destinations.length} were given`);
    body.push(comment(`TODO: ${destinations.length} log destinations were given; Terraform takes one`));
  }
  return [nested('logging_configuration', body)];
}

/** The role SAM adds for an event source to start executions of this state machine. */
function startExecutionRole(ctx: ConvertContext, id: string, sm: TfTarget, base: string, service: string, condition: CfnValue | undefined): TfTarget {
  const role: TfTarget = { tfType: 'aws_iam_role', name: ctx.uniqueName('aws_iam_role', `${base}_role`), counted: typeof condition === 'string', refAttr: 'name', attributes: { Arn: 'arn' } };
  ctx.use(`resource.${sm.tfType}.${sm.name}`);
  const statement: Hcl = { k: 'object', entries: [
    { key: 'Effect', value: str('Allow') },
    { key: 'Action', value: str('states:StartExecution') },
    { key: 'Resource', value: code(`${address(sm)}.arn`) },
  ] };
  serviceRole(ctx, id, role, service, [], [statement], undefined, condition);
  return role;
}

function stateMachineEvent(ctx: ConvertContext, id: string, sm: TfTarget, eventId: string, event: CfnValueMap, condition: CfnValue | undefined): void {
  const p = isValueMap(event.Properties) ? event.Properties : {};
  const base = `${sm.name}_${snakeCase(eventId)}`;
  switch (event.Type) {
    case 'Schedule': case 'EventBridgeRule': case 'CloudWatchEvent': {
      const rule = eventRule(ctx, id, base, p, condition);
      const role = startExecutionRole(ctx, id, sm, base, 'events.amazonaws.com', condition);
      eventTarget(ctx, id, base, p, condition, rule, code(`${address(sm)}.arn`), code(`${address(role)}.arn`));
      return;
    }
    case 'Api': {
      const apiLogicalId = p.RestApiId === undefined ? IMPLICIT_REST_API.logicalId! : isRef(p.RestApiId) ? String(p.RestApiId.args[0]) : undefined;
      const api = apiLogicalId ? ctx.targets.get(apiLogicalId) : undefined;
      if (!api || api.tfType !== 'aws_api_gateway_rest_api') {
        samTodo(ctx, id, `Api event ${eventId} names a REST API that is not a SAM Api in this template`);
        return;
      }
      const role = startExecutionRole(ctx, id, sm, base, 'apigateway.amazonaws.com', condition);
      const region = pseudoParameter(ctx, 'AWS::Region')!;
      const method = typeof p.Method === 'string' ? (p.Method.toLowerCase() === 'any' ? 'x-amazon-apigateway-any-method' : p.Method.toLowerCase()) : 'post';
      const integration: Hcl = { k: 'object', entries: [
        { key: 'type', value: str('aws') },
        { key: 'httpMethod', value: str('POST') },
        { key: 'uri', value: { k: 'template', parts: ['arn:', pseudoParameter(ctx, 'AWS::Partition')!, ':apigateway:', region, ':states:action/StartExecution'] } },
        { key: 'credentials', value: code(`${address(role)}.arn`) },
        { key: 'requestTemplates', value: { k: 'object', entries: [{ key: 'application/json', value: { k: 'template', parts: ['{"input": "$util.escapeJavaScript($input.json(\'$\'))", "stateMachineArn": "', code(`${address(sm)}.arn`), '"}'] } }] } },
        { key: 'responses', value: { k: 'object', entries: [{ key: 'default', value: { k: 'object', entries: [{ key: 'statusCode', value: str('200') }] } }] } },
      ] };
      restApiPaths(ctx, apiLogicalId!).push({
        path: typeof p.Path === 'string' ? p.Path : '/', method, uri: code(`${address(sm)}.arn`), integration,
        deps: [`resource.${sm.tfType}.${sm.name}`, `resource.${role.tfType}.${role.name}`, 'data.aws_partition.current', 'data.aws_region.current'],
      });
      writeRestApi(ctx, apiLogicalId!, api);
      return;
    }
    default:
      samTodo(ctx, id, `state machine event ${eventId} of type ${String(event.Type)} is not converted`);
  }
}

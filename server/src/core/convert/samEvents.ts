// SAM function events that SAM expands into a resource owned by the source, not by the function: S3 (the bucket's
// notification), CloudWatchLogs (a subscription filter), IoTRule (a topic rule) and Cognito (the user pool's
// lambda_config), and AlexaSkill (only a permission). Each also gets the aws_lambda_permission SAM adds for the invoking service.
import { isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import type { ConvertContext, TfTarget } from './context';
import { address, conditionRef, expr, isRef, pseudoParameter } from './expressions';
import { attr, block, code, comment, list, nested, str, type BodyItem, type Hcl } from './hcl';
import { snakeCase } from './naming';
import { templateResource, resourceProperties, addResource } from './templateResources';
import { emit, samTodo } from './samCommon';

export interface EventSite {
  ctx: ConvertContext;
  id: string;
  fn: TfTarget;
  eventId: string;
  base: string;
  p: CfnValueMap;
  condition: CfnValue | undefined;
}

const counted = (condition: CfnValue | undefined) => typeof condition === 'string';
const account = (ctx: ConvertContext): Hcl => pseudoParameter(ctx, 'AWS::AccountId')!;

/**
 * The permission SAM adds for the invoking service (every event type that invokes the function directly); returns
 * its address for depends_on. Without a source ARN: `missingArnTodo` as a comment in its place, if given.
 */
export function permission(s: EventSite, principal: Hcl, sourceArn: Hcl | undefined, sourceAccount?: Hcl, extra: BodyItem[] = [], missingArnTodo?: string): string {
  const name = s.ctx.uniqueName('aws_lambda_permission', s.base);
  emit(s.ctx, s.id, 'aws_lambda_permission', name, s.condition, () => [
    attr('action', str('lambda:InvokeFunction')),
    attr('function_name', code(`${address(s.fn)}.function_name`)),
    attr('principal', principal),
    ...(sourceArn ? [attr('source_arn', sourceArn)] : missingArnTodo ? [comment(missingArnTodo)] : []),
    ...(sourceAccount ? [attr('source_account', sourceAccount)] : []),
    ...extra,
  ]);
  return `aws_lambda_permission.${name}`;
}

/** The resource of this template a `!Ref` property names, if it converts to `tfType`. */
function refTarget(ctx: ConvertContext, value: CfnValue | undefined, tfType: string): { logicalId: string; target: TfTarget } | undefined {
  if (!isRef(value)) return undefined;
  const logicalId = String(value.args[0]);
  const target = ctx.targets.get(logicalId);
  return target?.tfType === tfType ? { logicalId, target } : undefined;
}

export function convertSourceOwnedEvent(ctx: ConvertContext, id: string, fn: TfTarget, eventId: string, event: CfnValueMap, condition: CfnValue | undefined): void {
  const s: EventSite = { ctx, id, fn, eventId, base: `${fn.name}_${snakeCase(eventId)}`, p: isValueMap(event.Properties) ? event.Properties : {}, condition };
  switch (event.Type) {
    case 'S3': return s3Event(s);
    case 'CloudWatchLogs': return logsEvent(s);
    case 'IoTRule': return iotRuleEvent(s);
    case 'Cognito': return cognitoEvent(s);
    // An Alexa skill invokes the function directly: SAM adds only the permission, tied to the skill when SkillId is set.
    case 'AlexaSkill':
      permission(s, str('alexa-appkit.amazon.com'), undefined, undefined, s.p.SkillId !== undefined ? [attr('event_source_token', expr(ctx, s.p.SkillId))] : []);
  }
}

/** One S3 event's lambda_function block, kept until the bucket's single notification is (re)written. */
interface S3Entry {
  items: BodyItem[];
  condition: CfnValue | undefined;
  deps: Set<string>;
  permission: string;
}
interface BucketNotification {
  name: string;
  bucketId: string;
  bucket: TfTarget;
  entries: S3Entry[];
}
const NOTIFICATIONS = new WeakMap<ConvertContext, Map<string, BucketNotification>>();

/**
 * S3 -> a lambda_function block in the bucket's aws_s3_bucket_notification. Terraform allows one notification
 * resource per bucket (each apply replaces the whole configuration), so every S3 event on a bucket is gathered
 * into one, rewritten in place as events are met, as SAM merges them into the bucket's NotificationConfiguration.
 */
function s3Event(s: EventSite): void {
  const { ctx, p } = s;
  const found = refTarget(ctx, p.Bucket, 'aws_s3_bucket');
  if (!found) {
    samTodo(ctx, s.id, `S3 event ${s.eventId}: Bucket must be a !Ref to an AWS::S3::Bucket of this template (as SAM requires); write aws_s3_bucket_notification by hand`);
    return;
  }
  const bucketProps = resourceProperties(ctx, found.logicalId);
  if (bucketProps.NotificationConfiguration !== undefined) {
    // The bucket's own configuration already becomes an aws_s3_bucket_notification: a second one would replace it.
    samTodo(ctx, s.id, `S3 event ${s.eventId}: bucket ${found.logicalId} has its own NotificationConfiguration; add a lambda_function block for ${address(s.fn)} to its aws_s3_bucket_notification`);
    return;
  }
  const byBucket = NOTIFICATIONS.get(ctx) ?? new Map<string, BucketNotification>();
  NOTIFICATIONS.set(ctx, byBucket);
  let notification = byBucket.get(found.logicalId);
  if (!notification) {
    notification = { name: ctx.uniqueName('aws_s3_bucket_notification', `${found.target.name}_notification`), bucketId: found.logicalId, bucket: found.target, entries: [] };
    byBucket.set(found.logicalId, notification);
  }
  const permissionAddress = permission(s, str('s3.amazonaws.com'), code(`${address(found.target)}.arn`), account(ctx));
  const { value: items, deps } = ctx.collect(() => {
    const out: BodyItem[] = [
      attr('lambda_function_arn', code(`${address(s.fn)}.arn`)),
      attr('events', p.Events === undefined || Array.isArray(p.Events) || typeof p.Events === 'string' ? expr(ctx, Array.isArray(p.Events) ? p.Events : p.Events !== undefined ? [p.Events] : []) : expr(ctx, p.Events)),
    ];
    const filter = isValueMap(p.Filter) ? p.Filter : {};
    const rules = isValueMap(filter.S3Key) && Array.isArray(filter.S3Key.Rules) ? filter.S3Key.Rules.filter(isValueMap) : [];
    for (const rule of rules) {
      const kind = typeof rule.Name === 'string' ? rule.Name.toLowerCase() : '';
      if (kind === 'prefix' || kind === 'suffix') out.push(attr(`filter_${kind}`, expr(ctx, rule.Value)));
      else out.push(comment(`TODO: S3 key filter rule ${String(rule.Name)} is not converted (prefix or suffix only)`));
    }
    return out;
  });
  deps.add(`resource.${s.fn.tfType}.${s.fn.name}`);
  notification.entries.push({ items, condition: s.condition, deps, permission: permissionAddress });
  writeNotification(ctx, s.id, notification);
}

/**
 * (Re)writes a bucket's notification. It is counted on the bucket's condition, or on the functions' condition when
 * they all share one; an event whose function has another condition becomes a dynamic block present only then.
 */
function writeNotification(ctx: ConvertContext, id: string, n: BucketNotification): void {
  const key = `resource.aws_s3_bucket_notification.${n.name}`;
  const index = ctx.units.findIndex((u) => u.key === key);
  if (index >= 0) ctx.units.splice(index, 1);
  const conditions = new Set(n.entries.map((e) => e.condition));
  const own = templateResource(ctx, n.bucketId)?.Condition;
  const shared = counted(own) ? own : conditions.size === 1 && counted(n.entries[0].condition) ? n.entries[0].condition : undefined;
  const { value: body, deps } = ctx.collect(() => {
    const out: BodyItem[] = [attr('bucket', code(`${address(n.bucket)}.id`))];
    for (const entry of n.entries) {
      if (!counted(entry.condition) || entry.condition === shared) out.push(nested('lambda_function', entry.items));
      else {
        out.push({ t: 'block', block: block('dynamic', ['lambda_function'], [
          attr('for_each', { k: 'cond', test: conditionRef(ctx, String(entry.condition)), then: list([code('1')]), else: list([]) }),
          nested('content', entry.items),
        ]) });
      }
    }
    // S3 checks that it may invoke each function when the configuration is written.
    out.push(attr('depends_on', list(n.entries.map((e) => code(e.permission)))));
    return out;
  });
  for (const entry of n.entries) for (const dep of entry.deps) deps.add(dep);
  deps.add(`resource.${n.bucket.tfType}.${n.bucket.name}`);
  addResource(ctx, id, 'aws_s3_bucket_notification', n.name, shared, body, deps);
  if (index >= 0) {
    // Back to its first place, so the output does not move as events are added.
    const unit = ctx.units.pop()!;
    ctx.units.splice(index, 0, unit);
  }
}

/** CloudWatchLogs -> a subscription filter on the group; SAM's permission names the regional logs principal. */
function logsEvent(s: EventSite): void {
  const { ctx, p } = s;
  if (p.LogGroupName === undefined) {
    samTodo(ctx, s.id, `CloudWatchLogs event ${s.eventId} has no LogGroupName (SAM requires it)`);
    return;
  }
  const region = pseudoParameter(ctx, 'AWS::Region')!;
  const group = typeof p.LogGroupName === 'string' ? p.LogGroupName : expr(ctx, p.LogGroupName);
  const logsPermission = permission(s, { k: 'template', parts: ['logs.', region, '.amazonaws.com'] },
    { k: 'template', parts: ['arn:', pseudoParameter(ctx, 'AWS::Partition')!, ':logs:', region, ':', account(ctx), ':log-group:', group, ':*'] });
  emit(ctx, s.id, 'aws_cloudwatch_log_subscription_filter', ctx.uniqueName('aws_cloudwatch_log_subscription_filter', s.base), s.condition, () => [
    attr('name', str(`${s.id}${s.eventId}`)),
    attr('log_group_name', expr(ctx, p.LogGroupName)),
    attr('filter_pattern', expr(ctx, p.FilterPattern ?? '')),
    attr('destination_arn', code(`${address(s.fn)}.arn`)),
    attr('depends_on', list([code(logsPermission)])),
  ]);
}

/** IoTRule -> a topic rule with one lambda action; sql_version defaults to IoT's own default, as CloudFormation's. */
function iotRuleEvent(s: EventSite): void {
  const { ctx, p } = s;
  if (p.Sql === undefined) {
    samTodo(ctx, s.id, `IoTRule event ${s.eventId} has no Sql (SAM requires it)`);
    return;
  }
  // Topic rule names allow letters, digits and underscores only: the Terraform name is already of that form.
  const name = ctx.uniqueName('aws_iot_topic_rule', s.base);
  emit(ctx, s.id, 'aws_iot_topic_rule', name, s.condition, () => [
    attr('name', str(name)),
    attr('enabled', code('true')),
    attr('sql', expr(ctx, p.Sql)),
    attr('sql_version', expr(ctx, p.AwsIotSqlVersion ?? '2015-10-08')),
    nested('lambda', [attr('function_arn', code(`${address(s.fn)}.arn`))]),
  ]);
  permission(s, str('iot.amazonaws.com'), code(`aws_iot_topic_rule.${name}${counted(s.condition) ? '[0]' : ''}.arn`), account(ctx));
}

/** Cognito triggers waiting for their user pool's block (it may be converted after the function). */
interface PoolTrigger {
  id: string;
  pool: TfTarget;
  poolId: string;
  fnKey: string;
  settings: BodyItem[];
}
const POOL_TRIGGERS = new WeakMap<ConvertContext, PoolTrigger[]>();

/**
 * Cognito -> SAM sets the triggers in the user pool's LambdaConfig, so they become lambda_config arguments of the
 * converted pool (added by finishSamEvents once every resource is converted), plus the permission for Cognito.
 * Trigger names are checked against the provider schema's lambda_config arguments.
 */
function cognitoEvent(s: EventSite): void {
  const { ctx, p } = s;
  const found = refTarget(ctx, p.UserPool, 'aws_cognito_user_pool');
  const triggers = (Array.isArray(p.Trigger) ? p.Trigger : [p.Trigger]).filter((t): t is string => typeof t === 'string');
  if (!found || !triggers.length) {
    samTodo(ctx, s.id, `Cognito event ${s.eventId}: UserPool must be a !Ref to an AWS::Cognito::UserPool of this template with a Trigger; write lambda_config by hand`);
    return;
  }
  const known = ctx.data.tfResource('aws_cognito_user_pool')?.args.lambda_config?.args ?? {};
  const arn = code(`${address(s.fn)}.arn`);
  // A function that exists only under its condition is named only then; the pool may exist without it.
  const value = counted(s.condition) && s.condition !== templateResource(ctx, found.logicalId)?.Condition ? { k: 'cond' as const, test: conditionRef(ctx, String(s.condition)), then: arn, else: code('null') } : arn;
  const settings: BodyItem[] = [];
  for (const trigger of triggers) {
    const name = snakeCase(trigger);
    if (known[name]?.type === 'string') settings.push(attr(name, value));
    else samTodo(ctx, s.id, `Cognito event ${s.eventId}: trigger ${trigger} has no lambda_config argument of its own; set it on ${address(found.target)} by hand`);
  }
  permission(s, str('cognito-idp.amazonaws.com'), code(`${address(found.target)}.arn`));
  const pending = POOL_TRIGGERS.get(ctx) ?? [];
  POOL_TRIGGERS.set(ctx, pending);
  pending.push({ id: s.id, pool: found.target, poolId: found.logicalId, fnKey: `resource.${s.fn.tfType}.${s.fn.name}`, settings });
}

/** After all resources: the Cognito triggers go into their pool's lambda_config block (made if the pool has none). */
export function finishSamEvents(ctx: ConvertContext): void {
  for (const trigger of POOL_TRIGGERS.get(ctx) ?? []) {
    const unit = ctx.units.find((u) => u.key === `resource.${trigger.pool.tfType}.${trigger.pool.name}`);
    if (!unit?.block) {
      samTodo(ctx, trigger.id, `Cognito triggers: ${address(trigger.pool)} was not converted; add its lambda_config by hand`);
      continue;
    }
    const body = unit.block.body;
    let config = body.find((b): b is Extract<BodyItem, { t: 'block' }> => b.t === 'block' && b.block.type === 'lambda_config');
    if (!config) {
      config = { t: 'block', block: block('lambda_config', [], []) };
      body.push(config);
    }
    for (const setting of trigger.settings) {
      const taken = setting.t === 'attr' && config.block.body.some((b) => b.t === 'attr' && b.name === setting.name);
      // SAM refuses a trigger the pool's own LambdaConfig already sets: keep the pool's and say so.
      if (taken) samTodo(ctx, trigger.id, `Cognito trigger ${setting.t === 'attr' ? setting.name : ''} is set by ${trigger.poolId} itself too (SAM rejects such a template); the pool's own one is kept`);
      else config.block.body.push(setting);
    }
    unit.deps.add(trigger.fnKey);
  }
}

// Conversion rules the mapping data cannot express: properties that become differently shaped blocks,
// flattened wrappers, or separate Terraform resources. Everything else goes through the generic converter.
import { isFunctionValue, isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import { argumentItems, argumentName, blockBody, blockItems, type ResourceScope } from './arguments';
import { address, expr, isNoValue, isRef } from './expressions';
import { attr, call, code, comment, nested, render, str, type BodyItem } from './hcl';
import { snakeCase } from './naming';
import { methodSettings, routeSettings } from './apiStage';
import { substituted } from './substitutions';

export type PropertyRule = (value: CfnValue, scope: ResourceScope, properties: CfnValueMap) => BodyItem[];

const self = (scope: ResourceScope, attribute: string) => code(`${address(scope.target)}.${attribute}`);
const maps = (value: CfnValue): CfnValueMap[] => (Array.isArray(value) ? value.filter(isValueMap) : []);

const CLOUDFRONT_RENAMES: Record<string, string> = {
  Origins: 'origin',
  Id: 'origin_id',
  CacheBehaviors: 'ordered_cache_behavior',
  CustomErrorResponses: 'custom_error_response',
  ErrorCachingMinTTL: 'error_caching_min_ttl',
  MinTTL: 'min_ttl',
  MaxTTL: 'max_ttl',
  DefaultTTL: 'default_ttl',
  Logging: 'logging_config',
  IPV6Enabled: 'is_ipv6_enabled',
  WebACLId: 'web_acl_id',
  S3OriginConfig: 's3_origin_config',
  CustomOriginConfig: 'custom_origin_config',
  HTTPPort: 'http_port',
  HTTPSPort: 'https_port',
  OriginSSLProtocols: 'origin_ssl_protocols',
  OriginProtocolPolicy: 'origin_protocol_policy',
};

/** DistributionConfig -> aws_cloudfront_distribution body, with the blocks Terraform requires defaulted as CloudFormation does. */
const distributionConfig: PropertyRule = (value, scope) => {
  if (!isValueMap(value)) return argumentItems(scope, 'DistributionConfig', value);
  const config: CfnValueMap = { ...value };
  // With an origin access control, CloudFormation writes an empty OAI; Terraform wants no s3_origin_config.
  config.Origins = maps(config.Origins).map((origin) => {
    const s3 = origin.S3OriginConfig;
    if (isValueMap(s3) && (s3.OriginAccessIdentity === '' || s3.OriginAccessIdentity === undefined)) {
      const { S3OriginConfig: _dropped, ...rest } = origin;
      return origin.OriginAccessControlId ? rest : { ...rest, S3OriginConfig: { OriginAccessIdentity: '' } };
    }
    return origin;
  });
  const items = blockBody(scope.ctx, config, CLOUDFRONT_RENAMES, scope.schema?.args).filter(
    (item) => item.t !== 'attr' || scope.schema === undefined || item.name in scope.schema.args,
  );
  const has = (name: string) => items.some((i) => (i.t === 'block' ? i.block.type : i.t === 'attr' ? i.name : '') === name);
  for (const item of items) {
    if (item.t === 'block' && item.block.type === 'default_cache_behavior') {
      const body = item.block.body;
      const named = (n: string) => body.some((b) => b.t === 'attr' && b.name === n);
      if (!named('allowed_methods')) body.push(attr('allowed_methods', code('["GET", "HEAD"]')));
      if (!named('cached_methods')) body.push(attr('cached_methods', code('["GET", "HEAD"]')));
    }
  }
  if (!has('restrictions')) items.push(nested('restrictions', [nested('geo_restriction', [attr('restriction_type', str('none'))])]));
  if (!has('viewer_certificate')) items.push(nested('viewer_certificate', [attr('cloudfront_default_certificate', code('true'))]));
  return items;
};

/** Security group rules: CidrIp -> cidr_blocks = [..], IpProtocol -> protocol, ports defaulted for "-1". */
function securityGroupRules(blockName: 'ingress' | 'egress'): PropertyRule {
  return (value, scope) => {
    if (!Array.isArray(value)) return blockItems(scope.ctx, blockName, value);
    return maps(value).map((rule) => {
      const body: BodyItem[] = [];
      const all = rule.IpProtocol === '-1' || rule.IpProtocol === -1;
      body.push(attr('from_port', rule.FromPort !== undefined ? expr(scope.ctx, rule.FromPort) : code(all ? '0' : 'null')));
      body.push(attr('to_port', rule.ToPort !== undefined ? expr(scope.ctx, rule.ToPort) : code(all ? '0' : 'null')));
      body.push(attr('protocol', expr(scope.ctx, rule.IpProtocol ?? '-1')));
      if (rule.CidrIp !== undefined) body.push(attr('cidr_blocks', expr(scope.ctx, [rule.CidrIp])));
      if (rule.CidrIpv6 !== undefined) body.push(attr('ipv6_cidr_blocks', expr(scope.ctx, [rule.CidrIpv6])));
      const peer = rule.SourceSecurityGroupId ?? rule.DestinationSecurityGroupId;
      if (peer !== undefined) body.push(attr('security_groups', expr(scope.ctx, [peer])));
      const prefix = rule.SourcePrefixListId ?? rule.DestinationPrefixListId;
      if (prefix !== undefined) body.push(attr('prefix_list_ids', expr(scope.ctx, [prefix])));
      if (rule.Description !== undefined) body.push(attr('description', expr(scope.ctx, rule.Description)));
      return nested(blockName, body);
    });
  };
}

/** CloudFormation keeps the default allow-all egress unless rules are given; Terraform removes it. */
const securityGroupDefaults = (scope: ResourceScope, properties: CfnValueMap): BodyItem[] =>
  properties.SecurityGroupEgress === undefined && scope.schema?.args.egress !== undefined
    ? [comment('CloudFormation keeps the default allow-all egress rule; Terraform removes it unless declared.'),
      nested('egress', [attr('from_port', code('0')), attr('to_port', code('0')), attr('protocol', str('-1')), attr('cidr_blocks', code('["0.0.0.0/0"]'))])]
    : [];

const dynamoKeySchema: PropertyRule = (value, scope) =>
  maps(value).flatMap((key) => {
    const name = key.KeyType === 'RANGE' ? 'range_key' : 'hash_key';
    return [attr(name, expr(scope.ctx, key.AttributeName))];
  });

const dynamoAttributes: PropertyRule = (value, scope) =>
  maps(value).map((a) => nested('attribute', [attr('name', expr(scope.ctx, a.AttributeName)), attr('type', expr(scope.ctx, a.AttributeType))]));

const dynamoIndexes: PropertyRule = (value, scope) =>
  maps(value).map((index) => {
    const body: BodyItem[] = [attr('name', expr(scope.ctx, index.IndexName))];
    body.push(...dynamoKeySchema(index.KeySchema ?? [], scope, {}));
    const projection = isValueMap(index.Projection) ? index.Projection : {};
    if (projection.ProjectionType !== undefined) body.push(attr('projection_type', expr(scope.ctx, projection.ProjectionType)));
    if (projection.NonKeyAttributes !== undefined) body.push(attr('non_key_attributes', expr(scope.ctx, projection.NonKeyAttributes)));
    if (isValueMap(index.ProvisionedThroughput)) body.push(...dynamoThroughput(index.ProvisionedThroughput, scope, {}));
    return nested('global_secondary_index', body);
  });

const dynamoThroughput: PropertyRule = (value, scope) =>
  isValueMap(value)
    ? [attr('read_capacity', expr(scope.ctx, value.ReadCapacityUnits)), attr('write_capacity', expr(scope.ctx, value.WriteCapacityUnits))]
    : [];

const dynamoStream: PropertyRule = (value, scope) =>
  isValueMap(value) ? [attr('stream_enabled', code('true')), attr('stream_view_type', expr(scope.ctx, value.StreamViewType))] : [];

const dynamoTtl: PropertyRule = (value, scope) =>
  isValueMap(value) ? [nested('ttl', [attr('attribute_name', expr(scope.ctx, value.AttributeName)), attr('enabled', expr(scope.ctx, value.Enabled ?? true))])] : [];

const dynamoPitr: PropertyRule = (value, scope) =>
  isValueMap(value) ? [nested('point_in_time_recovery', [attr('enabled', expr(scope.ctx, value.PointInTimeRecoveryEnabled ?? false))])] : [];

const dynamoSse: PropertyRule = (value, scope) =>
  isValueMap(value) ? [nested('server_side_encryption', [attr('enabled', expr(scope.ctx, value.SSEEnabled ?? false))])] : [];

/** S3 bucket sub-configurations are separate resources in hashicorp/aws 4+. */
function bucketCompanion(tfType: string, suffix: string, build: (value: CfnValueMap, scope: ResourceScope) => BodyItem[]): PropertyRule {
  return (value, scope) => {
    if (!isValueMap(value)) return argumentItems(scope, suffix, value);
    const id = scope.companion(tfType, suffix, [attr('bucket', self(scope, 'id')), ...build(value, scope)]);
    return [comment(`${snakeCase(suffix)}: see ${tfType}.${id}`)];
  };
}

/** S3 notification targets: {Event, Function|Queue|Topic, Filter.S3Key.Rules} -> lambda_function / queue / topic blocks. */
const NOTIFICATION_TARGETS: [string, string, string][] = [
  ['LambdaConfigurations', 'lambda_function', 'Function'],
  ['QueueConfigurations', 'queue', 'Queue'],
  ['TopicConfigurations', 'topic', 'Topic'],
];

function notificationBody(v: CfnValueMap, s: ResourceScope): BodyItem[] {
  const body: BodyItem[] = [];
  for (const [property, blockName, target] of NOTIFICATION_TARGETS) {
    if (v[property] === undefined) continue;
    if (!Array.isArray(v[property])) body.push(comment(`TODO: ${property} is computed; write ${blockName} blocks`));
    for (const c of maps(v[property])) {
      const items: BodyItem[] = [attr(`${blockName}_arn`, expr(s.ctx, c[target])), attr('events', expr(s.ctx, [c.Event]))];
      const filter = isValueMap(c.Filter) && isValueMap(c.Filter.S3Key) ? maps(c.Filter.S3Key.Rules) : [];
      for (const rule of filter) {
        const kind = typeof rule.Name === 'string' ? rule.Name.toLowerCase() : '';
        if (kind === 'prefix' || kind === 'suffix') items.push(attr(`filter_${kind}`, expr(s.ctx, rule.Value)));
      }
      body.push(nested(blockName, items));
    }
  }
  if (isValueMap(v.EventBridgeConfiguration)) body.push(attr('eventbridge', expr(s.ctx, v.EventBridgeConfiguration.EventBridgeEnabled ?? true)));
  for (const key of Object.keys(v)) {
    if (!NOTIFICATION_TARGETS.some(([p]) => p === key) && key !== 'EventBridgeConfiguration') body.push(comment(`TODO: NotificationConfiguration.${key} is not converted`));
  }
  return body;
}

const bucketRules: Record<string, PropertyRule> = {
  NotificationConfiguration: bucketCompanion('aws_s3_bucket_notification', 'notification_configuration', notificationBody),
  VersioningConfiguration: bucketCompanion('aws_s3_bucket_versioning', 'versioning', (v, s) => [
    nested('versioning_configuration', [attr('status', expr(s.ctx, v.Status))]),
  ]),
  PublicAccessBlockConfiguration: bucketCompanion('aws_s3_bucket_public_access_block', 'public_access_block', (v, s) =>
    blockBody(s.ctx, v),
  ),
  BucketEncryption: bucketCompanion('aws_s3_bucket_server_side_encryption_configuration', 'encryption', (v, s) =>
    maps(v.ServerSideEncryptionConfiguration).map((rule) => nested('rule', blockBody(s.ctx, rule, { ServerSideEncryptionByDefault: 'apply_server_side_encryption_by_default' }))),
  ),
  WebsiteConfiguration: bucketCompanion('aws_s3_bucket_website_configuration', 'website', (v, s) => {
    const body: BodyItem[] = [];
    if (v.IndexDocument !== undefined) body.push(nested('index_document', [attr('suffix', expr(s.ctx, v.IndexDocument))]));
    if (v.ErrorDocument !== undefined) body.push(nested('error_document', [attr('key', expr(s.ctx, v.ErrorDocument))]));
    if (isValueMap(v.RedirectAllRequestsTo)) body.push(nested('redirect_all_requests_to', blockBody(s.ctx, v.RedirectAllRequestsTo)));
    if (v.RoutingRules !== undefined) body.push(comment('TODO: RoutingRules: write routing_rule blocks'));
    return body;
  }),
  OwnershipControls: bucketCompanion('aws_s3_bucket_ownership_controls', 'ownership', (v, s) =>
    maps(v.Rules).map((rule) => nested('rule', blockBody(s.ctx, rule))),
  ),
  CorsConfiguration: bucketCompanion('aws_s3_bucket_cors_configuration', 'cors', (v, s) =>
    maps(v.CorsRules).map((rule) => nested('cors_rule', blockBody(s.ctx, rule, { ExposedHeaders: 'expose_headers', MaxAge: 'max_age_seconds' }))),
  ),
};

/**
 * IAM inline and managed policies of a role, group or user become their own resources (the inline arguments are
 * deprecated): aws_iam_<principal>_policy and aws_iam_<principal>_policy_attachment, pointing at it by name.
 */
const principalWord = (scope: ResourceScope) => scope.target.tfType.replace(/^aws_iam_/, '');

const inlinePolicies: PropertyRule = (value, scope) => {
  if (!Array.isArray(value)) return [comment('TODO: Policies is computed; write one aws_iam_*_policy per policy')];
  const kind = principalWord(scope);
  return maps(value).map((policy) => {
    const suffix = typeof policy.PolicyName === 'string' ? snakeCase(policy.PolicyName) : 'policy';
    const name = scope.companion(`aws_iam_${kind}_policy`, suffix, [
      attr('name', expr(scope.ctx, policy.PolicyName)),
      attr(kind, self(scope, kind === 'role' ? 'id' : 'name')),
      attr('policy', call('jsonencode', expr(scope.ctx, policy.PolicyDocument))),
    ]);
    return comment(`inline policy: see aws_iam_${kind}_policy.${name}`);
  });
};

const managedPolicyArns: PropertyRule = (value, scope) => {
  const kind = principalWord(scope);
  if (!Array.isArray(value)) return [comment(`TODO: ManagedPolicyArns is computed; attach with aws_iam_${kind}_policy_attachment`)];
  return value.map((arn, index) => {
    const match = typeof arn === 'string' ? /policy\/(?:.*\/)?([^/]+)$/.exec(arn) : null;
    const suffix = match ? snakeCase(match[1]) : `policy_${index + 1}`;
    const name = scope.companion(`aws_iam_${kind}_policy_attachment`, suffix, [attr(kind, self(scope, 'name')), attr('policy_arn', expr(scope.ctx, arn))]);
    return comment(`managed policy: see aws_iam_${kind}_policy_attachment.${name}`);
  });
};

const eventTargets: PropertyRule = (value, scope) =>
  maps(value).map((target) => {
    const body: BodyItem[] = [attr('rule', self(scope, 'name'))];
    if (target.Id !== undefined) body.push(attr('target_id', expr(scope.ctx, target.Id)));
    for (const [key, v] of Object.entries(target)) {
      if (key === 'Id') continue;
      if (key === 'Input' || key === 'InputPath' || key === 'Arn' || key === 'RoleArn') body.push(attr(snakeCase(key), expr(scope.ctx, v)));
      else body.push(...blockItems(scope.ctx, snakeCase(key), v));
    }
    const suffix = typeof target.Id === 'string' ? snakeCase(target.Id) : 'target';
    const name = scope.companion('aws_cloudwatch_event_target', suffix, body);
    return comment(`target: see aws_cloudwatch_event_target.${name}`);
  });

const topicSubscriptions: PropertyRule = (value, scope) =>
  maps(value).map((sub, index) => {
    const name = scope.companion('aws_sns_topic_subscription', `subscription_${index + 1}`, [
      attr('topic_arn', self(scope, 'arn')),
      attr('protocol', expr(scope.ctx, sub.Protocol)),
      attr('endpoint', expr(scope.ctx, sub.Endpoint)),
    ]);
    return comment(`subscription: see aws_sns_topic_subscription.${name}`);
  });

/** Lambda code: S3 location, image, or inline code packaged with the archive provider. */
const lambdaCode: PropertyRule = (value, scope) => {
  if (!isValueMap(value)) return [comment('TODO: Code is computed; set filename or s3_bucket/s3_key')];
  const items: BodyItem[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'ZipFile') items.push(...inlineCode(scope, v, scope.logicalId));
    else if (key === 'S3Bucket' || key === 'S3Key' || key === 'S3ObjectVersion' || key === 'ImageUri') items.push(attr(snakeCase(key), expr(scope.ctx, v)));
    else items.push(comment(`TODO: Code.${key} has no direct argument`));
  }
  return items;
};

const RUNTIME_EXTENSIONS: [RegExp, string][] = [[/^python/, 'py'], [/^nodejs/, 'js'], [/^ruby/, 'rb']];

/** Inline function code -> data "archive_file" zipping it, as Terraform needs a package. */
export function inlineCode(scope: ResourceScope, source: CfnValue, logicalId: string, props?: CfnValueMap): BodyItem[] {
  const { ctx } = scope;
  if (!props) {
    const resource = (ctx.template.value.Resources as CfnValueMap | undefined)?.[logicalId];
    props = isValueMap(resource) && isValueMap(resource.Properties) ? resource.Properties : {};
  }
  const handler = typeof props.Handler === 'string' ? props.Handler : 'index.handler';
  const runtimeName = typeof props.Runtime === 'string' ? props.Runtime : '';
  const extension = RUNTIME_EXTENSIONS.find(([re]) => re.test(runtimeName))?.[1] ?? 'txt';
  const file = `${handler.split('.').slice(0, -1).join('.') || 'index'}.${extension}`;
  const name = snakeCase(logicalId);
  const key = `data.archive_file.${name}`;
  ctx.use(key);
  if (!ctx.hasUnit(key)) {
    const { value: body, deps } = ctx.collect(() => [
      attr('type', str('zip')),
      attr('output_path', { k: 'template', parts: [code('path.module'), `/build/${name}.zip`] } as const),
      nested('source', [attr('content', expr(ctx, source)), attr('filename', str(file))]),
    ]);
    ctx.add({ key, kind: 'data', block: { type: 'data', labels: ['archive_file', name], body }, deps });
  }
  return [attr('filename', code(`${key}.output_path`)), attr('source_code_hash', code(`${key}.output_base64sha256`))];
}

const queuePolicyQueues: PropertyRule = (value, scope) => {
  if (Array.isArray(value) && value.length === 1) return [attr('queue_url', expr(scope.ctx, value[0]))];
  scope.ctx.todo(`${scope.logicalId}: aws_sqs_queue_policy takes one queue; write one per queue`);
  return [comment('TODO: one aws_sqs_queue_policy per queue'), attr('queue_url', expr(scope.ctx, Array.isArray(value) ? value[0] : value))];
};

/** ELBv2 Scheme (internal | internet-facing) -> internal, a bool; a computed scheme is compared, not copied. */
const loadBalancerScheme: PropertyRule = (value, scope) => {
  if (typeof value === 'string') return [attr('internal', code(String(value === 'internal')))];
  return [attr('internal', code(`${render(expr(scope.ctx, value))} == "internal"`))];
};

/** Target group health-check properties: flat in CloudFormation, one health_check block in Terraform. */
const HEALTH_CHECK_FIELDS: Record<string, string> = {
  HealthCheckEnabled: 'enabled',
  HealthCheckIntervalSeconds: 'interval',
  HealthCheckPath: 'path',
  HealthCheckPort: 'port',
  HealthCheckProtocol: 'protocol',
  HealthCheckTimeoutSeconds: 'timeout',
  HealthyThresholdCount: 'healthy_threshold',
  UnhealthyThresholdCount: 'unhealthy_threshold',
  Matcher: 'matcher',
};

/** The first health-check property given writes the block with all of them; the others write nothing. */
const healthCheck = (property: string): PropertyRule => (_value, scope, properties) => {
  const given = Object.keys(properties).filter((k) => k in HEALTH_CHECK_FIELDS && !isNoValue(properties[k]));
  if (given[0] !== property) return [];
  return [nested('health_check', given.flatMap((key) => {
    const v = properties[key];
    if (key !== 'Matcher') return [attr(HEALTH_CHECK_FIELDS[key], expr(scope.ctx, v))];
    // Matcher {HttpCode | GrpcCode} -> matcher, one string.
    const code = isValueMap(v) ? v.HttpCode ?? v.GrpcCode : undefined;
    return code !== undefined ? [attr('matcher', expr(scope.ctx, code))] : [comment('TODO: Matcher has no HttpCode or GrpcCode')];
  }))];
};
const healthCheckRules: Record<string, PropertyRule> = Object.fromEntries(Object.keys(HEALTH_CHECK_FIELDS).map((k) => [k, healthCheck(k)]));

/**
 * ECS DeploymentConfiguration: Terraform lifts most fields to the service as deployment_<field>
 * (deployment_maximum_percent, deployment_circuit_breaker {...}); the rest stay in deployment_configuration.
 */
const ecsDeployment: PropertyRule = (value, scope) => {
  if (!isValueMap(value) || isFunctionValue(value)) return argumentItems(scope, 'DeploymentConfiguration', value);
  const args = scope.schema?.args ?? {};
  const items: BodyItem[] = [];
  const rest: CfnValueMap = {};
  for (const [key, v] of Object.entries(value)) {
    const snake = snakeCase(key);
    const lifted = snake.startsWith('deployment_') ? snake : `deployment_${snake}`;
    const arg = args[lifted];
    if (!arg) rest[key] = v;
    else if (arg.block) items.push(...blockItems(scope.ctx, lifted, v, {}, arg.args));
    else items.push(attr(lifted, expr(scope.ctx, v)));
  }
  if (Object.keys(rest).length > 0) items.push(...blockItems(scope.ctx, 'deployment_configuration', rest, {}, args.deployment_configuration?.args));
  return items;
};

/**
 * Listener-rule conditions, old ({Field, Values}) or current ({Field, PathPatternConfig: {Values}}) shape ->
 * condition { path_pattern { values } }: the Field names the block.
 */
const listenerConditions: PropertyRule = (value, scope) => {
  const fields = scope.schema?.args.condition?.args ?? {};
  if (!Array.isArray(value)) return blockItems(scope.ctx, 'condition', value, {}, fields);
  return maps(value).map((condition) => {
    const field = typeof condition.Field === 'string' ? condition.Field.replace(/-/g, '_') : undefined;
    const inner = field ? fields[field] : undefined;
    if (!field || !inner?.block) return comment(`TODO: listener-rule condition ${String(condition.Field ?? '(computed)')} is not converted`);
    const config = Object.entries(condition).find(([k]) => k.endsWith('Config'))?.[1];
    const body = isValueMap(config) ? { ...config } : condition.Values !== undefined ? { Values: condition.Values } : {};
    return nested('condition', blockItems(scope.ctx, field, body, {}, inner.args));
  });
};

/**
 * ELBv2 `[{Key: "idle_timeout.timeout_seconds", Value: "60"}]` attribute lists -> the arguments Terraform has for
 * them, found from the dotted key against the schema: the whole key or its first part (idle_timeout,
 * load_balancing_algorithm_type), enable_<part> for `.enabled` (enable_deletion_protection), or a field of the
 * block the first part names (stickiness.lb_cookie.duration_seconds -> stickiness { cookie_duration }).
 */
const elbAttributes = (property: string): PropertyRule => (value, scope) => {
  const args = scope.schema?.args ?? {};
  if (!Array.isArray(value)) return [comment(`TODO: ${property} is computed in CloudFormation; set its arguments by hand`)];
  const items: BodyItem[] = [];
  const blocks = new Map<string, BodyItem[]>();
  const typed = (type: string | undefined, v: CfnValue) =>
    (type === 'bool' && (v === 'true' || v === 'false')) || (type === 'number' && typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) ? code(String(v)) : expr(scope.ctx, v);
  for (const entry of maps(value)) {
    const key = typeof entry.Key === 'string' ? entry.Key : '';
    const segs = key.split('.');
    const last = segs[segs.length - 1];
    const flat = [segs.join('_'), segs[0], last === 'enabled' && segs.length > 1 ? `enable_${segs[segs.length - 2]}` : '', last === 'enabled' ? `enable_${segs[0]}` : '']
      .find((n) => n && args[n] && !args[n].block);
    if (flat) {
      items.push(attr(flat, typed(args[flat].type, entry.Value)));
      continue;
    }
    const inner = args[segs[0]]?.block ? args[segs[0]].args ?? {} : undefined;
    const rest = segs.slice(1).join('_');
    const field = inner && [last, rest, rest.replace(/^lb_/, '').replace(/_seconds$/, '')].find((n) => n in inner && !inner[n].block);
    if (inner && field) {
      if (!blocks.has(segs[0])) blocks.set(segs[0], []);
      blocks.get(segs[0])!.push(attr(field, typed(inner[field].type, entry.Value)));
      continue;
    }
    scope.ctx.todo(`${scope.logicalId}: ${property} ${key || '(computed key)'} has no ${scope.target.tfType} argument`);
    items.push(comment(`TODO: ${property} ${key || '(computed key)'} has no ${scope.target.tfType} argument`));
  }
  for (const [name, body] of blocks) items.push(nested(name, body));
  return items;
};

/** Flow log ResourceType names which one of Terraform's target arguments ResourceId goes to. */
const FLOW_LOG_TARGETS: Record<string, string> = {
  VPC: 'vpc_id', Subnet: 'subnet_id', NetworkInterface: 'eni_id', TransitGateway: 'transit_gateway_id', TransitGatewayAttachment: 'transit_gateway_attachment_id',
};

const flowLogResource: PropertyRule = (value, scope, properties) => {
  const type = properties.ResourceType;
  const target = typeof type === 'string' ? FLOW_LOG_TARGETS[type] : undefined;
  if (target) return [attr(target, expr(scope.ctx, value))];
  scope.ctx.todo(`${scope.logicalId}: flow log ResourceType ${typeof type === 'string' ? type : '(computed)'} has no aws_flow_log argument`);
  return [comment(`TODO: ResourceId goes to one of vpc_id / subnet_id / eni_id / transit_gateway_id / transit_gateway_attachment_id, as ResourceType says`)];
};

/** LogGroupName -> log_destination, which takes the log group's ARN: known when the group is in this template. */
const flowLogGroup: PropertyRule = (value, scope) => {
  const target = isRef(value) ? scope.ctx.targets.get(String(value.args[0])) : undefined;
  if (target?.tfType === 'aws_cloudwatch_log_group') return [attr('log_destination', code(`${address(target)}.arn`))];
  scope.ctx.todo(`${scope.logicalId}: LogGroupName names a log group outside the template; log_destination takes its ARN`);
  return [comment(`TODO: LogGroupName ${typeof value === 'string' ? `"${value}" ` : ''}-> log_destination takes the log group's ARN`)];
};

/**
 * SelfManagedEventSource.Endpoints {KafkaBootstrapServers: [..]} -> endpoints = { KAFKA_BOOTSTRAP_SERVERS = "a,b" }:
 * Terraform keeps the API's key and its comma-joined string.
 */
const selfManagedEventSource: PropertyRule = (value, scope) => {
  const endpoints = isValueMap(value) && isValueMap(value.Endpoints) && !isFunctionValue(value.Endpoints) ? value.Endpoints : undefined;
  if (!endpoints) return argumentItems(scope, 'SelfManagedEventSource', value);
  const entries = Object.entries(endpoints).map(([key, v]) => ({
    key: snakeCase(key).toUpperCase(),
    value: Array.isArray(v) ? call('join', str(','), expr(scope.ctx, v)) : expr(scope.ctx, v),
  }));
  return [nested('self_managed_event_source', [attr('endpoints', { k: 'object', entries })])];
};

/** HostedZoneName -> zone_id of the zone looked up by name (data "aws_route53_zone"), as CloudFormation resolves it. */
const hostedZoneName: PropertyRule = (value, scope, properties) => {
  const { ctx } = scope;
  if (properties.HostedZoneId !== undefined) return []; // HostedZoneId names the zone already (they exclude each other)
  const name = typeof value === 'string' ? snakeCase(value.replace(/\.$/, '')) : `${scope.target.name}_zone`;
  const key = `data.aws_route53_zone.${name}`;
  ctx.use(key);
  if (!ctx.hasUnit(key)) {
    const { value: body, deps } = ctx.collect(() => [attr('name', expr(ctx, value)), attr('private_zone', code('false'))]);
    ctx.add({ key, kind: 'data', block: { type: 'data', labels: ['aws_route53_zone', name], body }, deps });
  }
  return [attr('zone_id', code(`${key}.zone_id`))];
};

/** AliasTarget {DNSName, HostedZoneId, EvaluateTargetHealth} -> alias { name, zone_id, evaluate_target_health } (required; CloudFormation's default is false). */
const aliasTarget: PropertyRule = (value, scope) => {
  if (!isValueMap(value) || isFunctionValue(value)) return argumentItems(scope, 'AliasTarget', value);
  return [nested('alias', [
    attr('name', expr(scope.ctx, value.DNSName)),
    attr('zone_id', expr(scope.ctx, value.HostedZoneId)),
    attr('evaluate_target_health', expr(scope.ctx, value.EvaluateTargetHealth ?? false)),
  ])];
};

const RANDOM_PASSWORD_FIELDS = ['PasswordLength', 'ExcludeCharacters', 'ExcludeNumbers', 'ExcludePunctuation', 'ExcludeUppercase', 'ExcludeLowercase', 'IncludeSpace', 'RequireEachIncludedType'];

/**
 * GenerateSecretString -> a password from data "aws_secretsmanager_random_password" stored by an
 * aws_secretsmanager_secret_version (merged into SecretStringTemplate under GenerateStringKey). The data source
 * draws a new password on every plan; ignore_changes keeps the first, as CloudFormation generates it once.
 */
const generateSecretString: PropertyRule = (value, scope) => {
  const { ctx } = scope;
  if (!isValueMap(value) || isFunctionValue(value)) return argumentItems(scope, 'GenerateSecretString', value);
  const key = `data.aws_secretsmanager_random_password.${scope.target.name}`;
  ctx.use(key);
  if (!ctx.hasUnit(key)) {
    const { value: body, deps } = ctx.collect(() => RANDOM_PASSWORD_FIELDS.filter((f) => value[f] !== undefined).map((f) => attr(snakeCase(f), expr(ctx, value[f]))));
    ctx.add({ key, kind: 'data', block: { type: 'data', labels: ['aws_secretsmanager_random_password', scope.target.name], body }, deps });
  }
  const password = code(`${key}.random_password`);
  const secret = value.SecretStringTemplate !== undefined && value.GenerateStringKey !== undefined
    ? call('jsonencode', call('merge', call('jsondecode', expr(ctx, value.SecretStringTemplate)), { k: 'object', entries: [{ key: expr(ctx, value.GenerateStringKey), value: password }] }))
    : password;
  const other = Object.keys(value).filter((f) => !RANDOM_PASSWORD_FIELDS.includes(f) && f !== 'SecretStringTemplate' && f !== 'GenerateStringKey');
  const name = scope.companion('aws_secretsmanager_secret_version', 'value', [
    attr('secret_id', self(scope, 'id')),
    attr('secret_string', secret),
    ...other.map((f) => comment(`TODO: GenerateSecretString.${f} has no aws_secretsmanager_random_password argument`)),
    nested('lifecycle', [attr('ignore_changes', code('[secret_string]'))]),
  ]);
  for (const f of other) ctx.todo(`${scope.logicalId}: GenerateSecretString.${f} has no aws_secretsmanager_random_password argument`);
  return [comment(`generated secret: see aws_secretsmanager_secret_version.${name}`)];
};

/** Definition / DefinitionString with DefinitionSubstitutions put in, as CloudFormation does before creating it. */
const stateMachineDefinition = (property: string): PropertyRule => (value, scope, properties) => {
  const subs = isValueMap(properties.DefinitionSubstitutions) && !isFunctionValue(properties.DefinitionSubstitutions) ? properties.DefinitionSubstitutions : {};
  if (Object.keys(subs).length === 0) return argumentItems(scope, property, value);
  const definition = substituted(scope.ctx, value, subs);
  return [attr('definition', typeof value === 'string' ? definition : call('jsonencode', definition))];
};

/**
 * Cognito EnabledMfas: Terraform has no list; each factor is switched on by its own block. SOFTWARE_TOKEN_MFA ->
 * software_token_mfa_configuration { enabled = true }; SMS_MFA and EMAIL_OTP are on when sms_configuration /
 * email_mfa_configuration are set, which SmsConfiguration / EmailConfiguration write; without those, a precise TODO.
 */
const enabledMfas: PropertyRule = (value, scope, properties) => {
  const { ctx } = scope;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    ctx.todo(`${scope.logicalId}: EnabledMfas is computed`);
    return [comment('TODO: EnabledMfas is computed in CloudFormation; set software_token_mfa_configuration / sms_configuration / email_mfa_configuration')];
  }
  const items: BodyItem[] = [];
  for (const factor of value as string[]) {
    if (factor === 'SOFTWARE_TOKEN_MFA') items.push(nested('software_token_mfa_configuration', [attr('enabled', code('true'))]));
    else if (factor === 'SMS_MFA' && properties.SmsConfiguration !== undefined) items.push(comment('EnabledMfas SMS_MFA: on with sms_configuration.'));
    else if (factor === 'EMAIL_OTP' && properties.EmailConfiguration !== undefined && scope.schema?.args.email_mfa_configuration) {
      items.push(nested('email_mfa_configuration', []));
    } else {
      ctx.todo(`${scope.logicalId}: EnabledMfas ${factor} has no Terraform block here`);
      items.push(comment(`TODO: EnabledMfas ${factor}: ${factor === 'SMS_MFA' ? 'set sms_configuration (SmsConfiguration)' : factor === 'EMAIL_OTP' ? 'set email_configuration and email_mfa_configuration' : 'no Terraform block switches it on'}`));
    }
  }
  return items;
};

export const PROPERTY_RULES: Record<string, Record<string, PropertyRule>> = {
  'AWS::StepFunctions::StateMachine': {
    Definition: stateMachineDefinition('Definition'),
    DefinitionString: stateMachineDefinition('DefinitionString'),
    DefinitionSubstitutions: () => [], // put into the definition
  },
  'AWS::SecretsManager::Secret': { GenerateSecretString: generateSecretString },
  'AWS::ApiGateway::Stage': { MethodSettings: methodSettings },
  'AWS::ApiGatewayV2::Stage': { RouteSettings: routeSettings },
  'AWS::Route53::RecordSet': { HostedZoneName: hostedZoneName, AliasTarget: aliasTarget },
  'AWS::Lambda::EventSourceMapping': { SelfManagedEventSource: selfManagedEventSource },
  'AWS::CloudFront::Distribution': { DistributionConfig: distributionConfig },
  'AWS::EC2::SecurityGroup': { SecurityGroupIngress: securityGroupRules('ingress'), SecurityGroupEgress: securityGroupRules('egress') },
  'AWS::DynamoDB::Table': {
    KeySchema: dynamoKeySchema,
    AttributeDefinitions: dynamoAttributes,
    GlobalSecondaryIndexes: dynamoIndexes,
    ProvisionedThroughput: dynamoThroughput,
    StreamSpecification: dynamoStream,
    TimeToLiveSpecification: dynamoTtl,
    PointInTimeRecoverySpecification: dynamoPitr,
    SSESpecification: dynamoSse,
  },
  'AWS::S3::Bucket': bucketRules,
  'AWS::IAM::Role': { Policies: inlinePolicies, ManagedPolicyArns: managedPolicyArns },
  'AWS::IAM::Group': { Policies: inlinePolicies, ManagedPolicyArns: managedPolicyArns },
  'AWS::IAM::User': { Policies: inlinePolicies, ManagedPolicyArns: managedPolicyArns },
  'AWS::Events::Rule': { Targets: eventTargets },
  'AWS::SNS::Topic': { Subscription: topicSubscriptions },
  'AWS::Lambda::Function': { Code: lambdaCode },
  'AWS::SQS::QueuePolicy': { Queues: queuePolicyQueues },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { Scheme: loadBalancerScheme, LoadBalancerAttributes: elbAttributes('LoadBalancerAttributes') },
  'AWS::ElasticLoadBalancingV2::TargetGroup': { ...healthCheckRules, TargetGroupAttributes: elbAttributes('TargetGroupAttributes') },
  'AWS::ElasticLoadBalancingV2::ListenerRule': { Conditions: listenerConditions },
  'AWS::ECS::Service': { DeploymentConfiguration: ecsDeployment },
  // DirectPut is the default and KinesisStreamAsSource is said by kinesis_source_configuration: nothing to write.
  'AWS::KinesisFirehose::DeliveryStream': { DeliveryStreamType: () => [] },
  'AWS::Cognito::UserPool': { EnabledMfas: enabledMfas },
  'AWS::EC2::FlowLog': {
    ResourceId: flowLogResource,
    ResourceType: () => [], // read by ResourceId
    LogGroupName: flowLogGroup,
  },
};

/**
 * Firehose: Terraform's required `destination` names the destination block written (extended_s3_configuration ->
 * "extended_s3"); CloudFormation says it by which *DestinationConfiguration is given.
 */
const firehoseDestination = (scope: ResourceScope, properties: CfnValueMap): BodyItem[] => {
  if (!scope.schema?.args.destination) return [];
  for (const property of Object.keys(properties).filter((p) => p.endsWith('DestinationConfiguration'))) {
    const name = argumentName(scope, property);
    if (name?.endsWith('_configuration') && scope.schema.args[name]?.block) return [attr('destination', str(name.replace(/_configuration$/, '')))];
  }
  return [];
};

/** Extra items a resource type needs whatever its properties say. */
export const RESOURCE_DEFAULTS: Record<string, (scope: ResourceScope, properties: CfnValueMap) => BodyItem[]> = {
  'AWS::EC2::SecurityGroup': securityGroupDefaults,
  'AWS::KinesisFirehose::DeliveryStream': firehoseDestination,
};

// CloudFormation properties -> Terraform arguments and nested blocks. Only arguments the Terraform schema
// has are emitted; the rest become TODO comments naming the CloudFormation property.
import type { CfnValue, CfnValueMap } from '../cfn';
import { isFunctionValue, isValueMap } from '../cfn';
import type { TfType } from '../data/types';
import type { ConvertContext, TfTarget } from './context';
import { expr, isNoValue } from './expressions';
import { attr, call, comment, nested, type BodyItem, type Hcl } from './hcl';
import { singular, snakeCase } from './naming';

/** What a property rule or the generic converter knows about the resource being written. */
export interface ResourceScope {
  ctx: ConvertContext;
  logicalId: string;
  cfnType: string;
  target: TfTarget;
  schema: TfType | undefined;
  /** CFN property -> TF argument renames from the reviewed mapping. */
  renames: Record<string, string>;
  /** Adds a companion resource (same condition) for properties Terraform models as separate resources. */
  companion(tfType: string, nameSuffix: string, body: BodyItem[]): string;
}

/** Properties holding JSON documents (policies, patterns) even when the type data does not say so. */
const JSON_PROPERTIES = new Set([
  'PolicyDocument', 'AssumeRolePolicyDocument', 'RedrivePolicy', 'RedriveAllowPolicy', 'EventPattern', 'Definition',
  'Policy', 'AccessPolicies', 'KeyPolicy',
]);

/** Nested keys whose object value is a map of user data, not a block. */
const MAP_KEYS = new Set(['Variables', 'Tags', 'Headers', 'Parameters', 'StageVariables', 'Attributes', 'Environment']);

export function isJsonProperty(ctx: ConvertContext, cfnType: string, property: string): boolean {
  const type = ctx.data.cfnType(cfnType)?.properties[property]?.type;
  return type === 'Json' || JSON_PROPERTIES.has(property);
}

/** `[{Key, Value}]` or a plain map -> HCL map. */
export function tagsValue(ctx: ConvertContext, value: CfnValue): Hcl {
  if (Array.isArray(value)) {
    const entries = value.filter(isValueMap).map((tag) => ({
      key: typeof tag.Key === 'string' ? tag.Key : expr(ctx, tag.Key),
      value: expr(ctx, tag.Value),
    }));
    return { k: 'object', entries };
  }
  return expr(ctx, value);
}

/** Terraform argument for a property: the mapping's rename, snake_case, then a few checked naming conventions. */
export function argumentName(scope: ResourceScope, property: string): string | undefined {
  const snake = snakeCase(property);
  const candidates: (string | undefined)[] = [scope.renames[property], snake];
  if (!scope.schema) return candidates.find((c): c is string => !!c);
  // Conventions seen across the provider; each is used only when the schema has the name.
  candidates.push(
    snake.replace(/_name$/, ''), // BucketName -> bucket
    property.endsWith('Name') ? 'name' : undefined, // QueueName -> name
    snake.replace(/_document$/, ''), // AssumeRolePolicyDocument -> assume_role_policy
    `${snake}_seconds`, // VisibilityTimeout -> visibility_timeout_seconds
    snake.replace(/_period$/, '_seconds'), // MessageRetentionPeriod -> message_retention_seconds
    property.endsWith('Description') ? 'description' : undefined, // GroupDescription -> description
  );
  return candidates.find((c): c is string => !!c && c in scope.schema!.args);
}

/** Converts one top-level property to body items. */
export function argumentItems(scope: ResourceScope, property: string, value: CfnValue): BodyItem[] {
  const { ctx } = scope;
  if (isNoValue(value)) return [];
  const name = argumentName(scope, property);
  if (!name) {
    const message = `${scope.cfnType} property ${property} (${scope.logicalId}) has no ${scope.target.tfType} argument`;
    ctx.todo(message);
    return [comment(`TODO: CloudFormation property ${property} has no ${scope.target.tfType} argument`)];
  }
  const isBlock = scope.schema?.args[name]?.block ?? false;
  if (property === 'Tags' || name === 'tags') return [attr(name, tagsValue(ctx, value))];
  if (isJsonProperty(ctx, scope.cfnType, property) && (isValueMap(value) || Array.isArray(value))) {
    return [attr(name, call('jsonencode', expr(ctx, value)))];
  }
  if (isBlock || (!scope.schema && isValueMap(value) && !MAP_KEYS.has(property))) return blockItems(ctx, name, value);
  return [attr(name, expr(ctx, value))];
}

/** Object -> one block; list of objects -> repeated blocks; anything else (a function) -> TODO. */
export function blockItems(ctx: ConvertContext, name: string, value: CfnValue, renames: Record<string, string> = {}): BodyItem[] {
  if (isValueMap(value)) return [nested(name, blockBody(ctx, value, renames))];
  if (Array.isArray(value) && value.every(isValueMap)) {
    return (value as CfnValueMap[]).map((item) => nested(name, blockBody(ctx, item, renames)));
  }
  ctx.todo(`block ${name} is computed by a function; write it as a dynamic block`);
  return [comment(`TODO: ${name} is computed by a function in CloudFormation; use a dynamic "${name}" block`)];
}

/**
 * Body of a nested block without a nested schema: keys in snake_case (or renamed), objects as nested blocks
 * except user-data maps and JSON documents, lists of objects as repeated blocks with a singular name.
 */
export function blockBody(ctx: ConvertContext, value: CfnValueMap, renames: Record<string, string> = {}): BodyItem[] {
  const items: BodyItem[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (isNoValue(v)) continue;
    const renamed = renames[key];
    if (key === 'Tags') {
      items.push(attr('tags', tagsValue(ctx, v)));
    } else if (JSON_PROPERTIES.has(key) && (isValueMap(v) || Array.isArray(v))) {
      items.push(attr(renamed ?? snakeCase(key).replace(/_document$/, ''), call('jsonencode', expr(ctx, v))));
    } else if (isValueMap(v) && !MAP_KEYS.has(key) && isBlockLike(v)) {
      items.push(nested(renamed ?? snakeCase(key), blockBody(ctx, v, renames)));
    } else if (Array.isArray(v) && v.length > 0 && v.every((x) => isValueMap(x) && isBlockLike(x))) {
      const blockName = renamed ?? singular(snakeCase(key));
      for (const item of v as CfnValueMap[]) items.push(nested(blockName, blockBody(ctx, item, renames)));
    } else {
      items.push(attr(renamed ?? snakeCase(key), expr(ctx, v)));
    }
  }
  return items;
}

/** PascalCase keys mean a CloudFormation property type (a block); other keys are user data (a map). */
function isBlockLike(value: CfnValueMap): boolean {
  if (isFunctionValue(value)) return false;
  return Object.keys(value).every((k) => /^[A-Z][A-Za-z0-9]*$/.test(k) && /[a-z]/.test(k));
}

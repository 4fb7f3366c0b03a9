// CloudFormation properties -> Terraform arguments and nested blocks. Only arguments the Terraform schema
// has are emitted; the rest become TODO comments naming the CloudFormation property.
import type { CfnValue, CfnValueMap } from '../syntax/template';
import { isFunctionValue, isValueMap } from '../syntax/template';
import type { TfArgument, TfType } from '../data/types';
import { argumentGuesses, companionLink, withoutDocument } from '../knowledge/naming';
import type { PropertyAnswer, PropertyMapping } from '../knowledge/properties';
import type { ConvertContext, TfTarget } from './context';
import { address, expr, isNoValue } from './expressions';
import { attr, call, code, comment, nested, type BodyItem, type Hcl } from './hcl';
import { singular, snakeCase } from './naming';

/** What a property rule or the generic converter knows about the resource being written. */
export interface ResourceScope {
  ctx: ConvertContext;
  logicalId: string;
  cfnType: string;
  target: TfTarget;
  schema: TfType | undefined;
  /** The type's property <-> argument mapping (knowledge/properties.ts): the hover reads the same one. */
  properties: PropertyMapping | undefined;
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

/** What the knowledge layer says a property becomes on this resource. */
export function propertyAnswer(scope: ResourceScope, property: string): PropertyAnswer {
  return scope.properties?.answer(property) ?? { kind: 'args', names: [snakeCase(property)], provenance: 'convention', rule: 'snake' };
}

/** Terraform argument for a property that becomes exactly one argument. */
export function argumentName(scope: ResourceScope, property: string): string | undefined {
  const answer = propertyAnswer(scope, property);
  return answer.kind === 'args' && answer.names.length === 1 ? answer.names[0] : undefined;
}

function noArgument(scope: ResourceScope, property: string): BodyItem[] {
  const message = `${scope.cfnType} property ${property} (${scope.logicalId}) has no ${scope.target.tfType} argument`;
  scope.ctx.todo(message);
  return [comment(`TODO: CloudFormation property ${property} has no ${scope.target.tfType} argument`)];
}

/** Converts one top-level property to body items, as the knowledge layer answers it. */
export function argumentItems(scope: ResourceScope, property: string, value: CfnValue, wrapper?: string): BodyItem[] {
  if (isNoValue(value)) return [];
  const answer = wrapper && scope.properties ? scope.properties.fieldAnswer(wrapper, property) : propertyAnswer(scope, property);
  switch (answer.kind) {
    case 'none':
      return noArgument(scope, property);
    case 'resource':
      return companionItems(scope, property, answer.tfType, value);
    case 'flatten':
      if (!isValueMap(value) || isFunctionValue(value)) return noArgument(scope, property);
      return Object.entries(value).flatMap(([key, v]) => argumentItems(scope, key, v, property));
    case 'oneOf':
      return fieldItems(scope, property, value, answer.sets.flat());
    case 'args':
      if (answer.names.length > 1) return fieldItems(scope, property, value, answer.names);
      return valueItems(scope, property, answer.names[0], value);
  }
}

/** One property value written as argument `name`: tags map, JSON document, block(s) or plain attribute. */
function valueItems(scope: ResourceScope, property: string, name: string, value: CfnValue): BodyItem[] {
  const { ctx } = scope;
  const isBlock = scope.schema?.args[name]?.block ?? false;
  if (name === 'tags' || (property === 'Tags' && !isBlock)) return [attr(name, tagsValue(ctx, value))];
  // A JSON-typed property whose argument is a map (StageVariables -> stage_variables) stays a map.
  if (isJsonProperty(ctx, scope.cfnType, property) && (isValueMap(value) || Array.isArray(value)) && !scope.schema?.args[name]?.type?.startsWith('map')) {
    return [attr(name, call('jsonencode', expr(ctx, value)))];
  }
  if (isBlock && !isValueMap(value) && !Array.isArray(value)) {
    // A single value in CloudFormation where Terraform has a block (HealthCheckPath -> health_check { path }).
    ctx.todo(`${scope.logicalId}: ${property} is one value; ${scope.target.tfType} takes it inside the ${name} block`);
    return [comment(`TODO: ${property} is one value in CloudFormation; Terraform takes it inside a "${name}" block`)];
  }
  if (isBlock || (!scope.schema && isValueMap(value) && !MAP_KEYS.has(property))) return blockItems(ctx, name, value, {}, scope.schema?.args[name]?.args);
  return shapedAttr(ctx, name, value, scope.schema?.args[name]);
}

/** A `{Name, Value}` / `{Key, Value}` pair list (alarm dimensions, tags): what Terraform writes as a map. */
function pairList(value: CfnValue): CfnValueMap[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isValueMap)) return undefined;
  const pairs = value as CfnValueMap[];
  return pairs.every((p) => Object.keys(p).length === 2 && (p.Name !== undefined || p.Key !== undefined) && p.Value !== undefined) ? pairs : undefined;
}

/** PascalCase keys -> camelCase, at every depth where the keys are CloudFormation's (not user data): the API's JSON. */
function apiJson(value: CfnValue): CfnValue {
  if (Array.isArray(value)) return value.map(apiJson);
  if (!isValueMap(value) || isFunctionValue(value)) return value;
  const keep = !isBlockLike(value);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [keep ? k : k[0].toLowerCase() + k.slice(1), apiJson(v)]));
}

/**
 * An attribute written in the shape its Terraform type wants, where CloudFormation's differs: a pair list for a
 * map, a one-item list for a string (Roles -> role), a structure for a JSON string (ContainerDefinitions).
 * A list of several values for a one-value argument keeps the first, with a TODO naming the rest.
 */
function shapedAttr(ctx: ConvertContext, name: string, value: CfnValue, arg: TfArgument | undefined): BodyItem[] {
  const type = arg?.type;
  const pairs = pairList(value);
  if (type?.startsWith('map') && pairs) {
    const entries = pairs.map((p) => ({ key: typeof (p.Name ?? p.Key) === 'string' ? String(p.Name ?? p.Key) : expr(ctx, p.Name ?? p.Key), value: expr(ctx, p.Value) }));
    return [attr(name, { k: 'object', entries })];
  }
  if (type === 'string' && Array.isArray(value)) {
    if (value.length > 0 && value.every(isValueMap) && !value.some(isFunctionValue)) return [attr(name, call('jsonencode', expr(ctx, apiJson(value))))];
    if (value.length === 1) return [attr(name, expr(ctx, value[0]))];
    if (value.length > 1) {
      ctx.todo(`${name} takes one value; ${value.length} were given`);
      return [comment(`TODO: ${name} takes one value in Terraform; CloudFormation gave ${value.length}: write one resource per value`), attr(name, expr(ctx, value[0]))];
    }
  }
  if (type === 'string' && isValueMap(value) && !isFunctionValue(value)) return [attr(name, call('jsonencode', expr(ctx, apiJson(value))))];
  // ENABLED / DISABLED switches (AssignPublicIp) are booleans in Terraform.
  if (type === 'bool' && typeof value === 'string' && /^(enabled|disabled)$/i.test(value)) return [attr(name, code(String(/^enabled$/i.test(value))))];
  return [attr(name, expr(ctx, value))];
}

/** Word prefixes of a field the block name already says (metric_transformation.MetricName -> name). */
function withoutBlockWords(snake: string, blockName: string | undefined): string[] {
  if (!blockName) return [];
  const words = new Set(blockName.split('_'));
  const parts = snake.split('_');
  const out: string[] = [];
  for (let i = 1; i < parts.length && words.has(parts[i - 1]); i++) out.push(parts.slice(i).join('_'));
  return out;
}

/** One pair of adjacent words written as one word: "cloud_front_x" -> "cloudfront_x", "front_x"... */
function joinedPairs(snake: string): string[] {
  const parts = snake.split('_');
  return parts.slice(1).map((_, i) => [...parts.slice(0, i), parts[i] + parts[i + 1], ...parts.slice(i + 2)].join('_'));
}

/** The argument of a nested schema a CloudFormation field lands on, by the naming conventions; undefined: none. */
function fieldName(key: string, fields: Record<string, TfArgument>, blockName: string | undefined, list: boolean): string | undefined {
  const snake = snakeCase(key);
  const candidates = [
    ...argumentGuesses(key).map((g) => g.name),
    ...(list ? [singular(snake)] : []),
    ...withoutBlockWords(snake, blockName),
    ...withoutBlockWords(snake.replace(/_in_days$/, '_days'), blockName), // transition.TransitionInDays -> days
    snake.replace(/_/g, ''), // BuildSpec -> buildspec
    ...joinedPairs(snake), // CloudFrontDefaultCertificate -> cloudfront_default_certificate
  ];
  // A configuration wrapper named after its block: RedirectConfig -> redirect.
  const config = /^(.+)_config(uration)?$/.exec(snake)?.[1];
  if (config) candidates.push(config);
  // A document given as text names the document: LifecyclePolicyText -> lifecycle_policy -> policy.
  const text = /^(.+)_(text|document|body)$/.exec(snake)?.[1];
  if (text) candidates.push(text, ...withoutBlockWords(text, blockName));
  return candidates.find((c) => c in fields);
}

/**
 * A property that becomes several arguments (`StreamEncryption` -> encryption_type + kms_key_id, `Content` ->
 * s3_bucket + s3_key): each field of the object becomes the argument of its snake_case name, when it is one of
 * the property's arguments; other fields become TODOs.
 */
function fieldItems(scope: ResourceScope, property: string, value: CfnValue, names: string[]): BodyItem[] {
  if (!isValueMap(value) || isFunctionValue(value)) {
    scope.ctx.todo(`${scope.logicalId}: ${property} is computed; set ${names.join(' / ')}`);
    return [comment(`TODO: ${property} is computed in CloudFormation; set ${names.join(' / ')}`)];
  }
  return Object.entries(value).flatMap(([key, v]) => {
    if (isNoValue(v)) return [];
    // The field's name, or the one argument of the property that ends with it (KeyId -> kms_key_id).
    const snake = snakeCase(key);
    const ending = names.filter((n) => n.endsWith(`_${snake}`));
    const name = names.includes(snake) ? snake : ending.length === 1 ? ending[0] : snake;
    if (names.includes(name)) return valueItems(scope, key, name, v);
    scope.ctx.todo(`${scope.logicalId}: ${property}.${key} has no ${scope.target.tfType} argument`);
    return [comment(`TODO: ${property}.${key} has no ${scope.target.tfType} argument`)];
  });
}

/** A property Terraform models as its own resource, pointing back at this one (`bucket = aws_s3_bucket.x.id`). */
function companionItems(scope: ResourceScope, property: string, tfType: string, value: CfnValue): BodyItem[] {
  const { ctx } = scope;
  const schema = ctx.data.tfResource(tfType);
  const link = schema ? companionLink(scope.target.tfType, schema.args) : undefined;
  // Without a link argument, the companion is keyed like its parent: the required arguments both have
  // (a method's integration: rest_api_id, resource_id, http_method) are read from the parent.
  const shared = !link && schema && scope.schema
    ? Object.keys(schema.args).filter((a) => schema.args[a].required && !schema.args[a].block && scope.schema!.args[a] && !scope.schema!.args[a].block)
    : [];
  if (!isValueMap(value) || isFunctionValue(value) || (!link && shared.length === 0)) {
    ctx.todo(`${scope.logicalId}: ${property} becomes ${tfType}; write it by hand`);
    return [comment(`TODO: ${property} becomes a separate ${tfType} resource`)];
  }
  const head = link ? [attr(link.argument, code(`${address(scope.target)}.${link.attribute}`))] : shared.map((a) => attr(a, code(`${address(scope.target)}.${a}`)));
  const written = new Set(head.map((h) => (h.t === 'attr' ? h.name : '')));
  const body = blockBody(ctx, value, {}, schema?.args, tfType.replace(/^aws_/, '')).filter((b) => b.t !== 'attr' || !written.has(b.name));
  const id = scope.companion(tfType, snakeCase(property), [...head, ...body]);
  return [comment(`${snakeCase(property)}: see ${tfType}.${id}`)];
}

/** Object -> one block; list of objects -> repeated blocks; anything else (a function) -> TODO. */
export function blockItems(ctx: ConvertContext, name: string, value: CfnValue, renames: Record<string, string> = {}, fields?: Record<string, TfArgument>): BodyItem[] {
  if (isValueMap(value) && !isFunctionValue(value)) return [nested(name, blockBody(ctx, value, renames, fields, name))];
  if (Array.isArray(value) && value.every(isValueMap) && !value.some(isFunctionValue)) {
    return (value as CfnValueMap[]).map((item) => nested(name, blockBody(ctx, item, renames, fields, name)));
  }
  ctx.todo(`block ${name} is computed by a function; write it as a dynamic block`);
  return [comment(`TODO: ${name} is computed by a function in CloudFormation; use a dynamic "${name}" block`)];
}

/**
 * Body of a nested block. Without a nested schema: keys in snake_case (or renamed), objects as nested blocks
 * except user-data maps and JSON documents, lists of objects as repeated blocks with a singular name. With one
 * (data/schema/tf), each field lands on the argument the naming conventions find in it, shaped by its type.
 */
export function blockBody(ctx: ConvertContext, value: CfnValueMap, renames: Record<string, string> = {}, fields?: Record<string, TfArgument>, blockName?: string): BodyItem[] {
  if (fields && Object.keys(fields).length > 0) return schemaBody(ctx, value, renames, fields, blockName);
  const items: BodyItem[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (isNoValue(v)) continue;
    const renamed = renames[key];
    if (key === 'Tags') {
      items.push(attr('tags', tagsValue(ctx, v)));
    } else if (JSON_PROPERTIES.has(key) && (isValueMap(v) || Array.isArray(v))) {
      items.push(attr(renamed ?? withoutDocument(snakeCase(key)), call('jsonencode', expr(ctx, v))));
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

/** A nested block's body against its schema: conventions, then the shapes Terraform flattens, else a TODO. */
function schemaBody(ctx: ConvertContext, value: CfnValueMap, renames: Record<string, string>, fields: Record<string, TfArgument>, blockName: string | undefined): BodyItem[] {
  const items: BodyItem[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (isNoValue(v)) continue;
    const name = renames[key] ?? fieldName(key, fields, blockName, Array.isArray(v));
    const arg = name ? fields[name] : undefined;
    if (name && arg?.block) {
      items.push(...blockItems(ctx, name, v, renames, arg.args));
    } else if (name && JSON_PROPERTIES.has(key) && (isValueMap(v) || Array.isArray(v))) {
      items.push(attr(name, call('jsonencode', expr(ctx, v))));
    } else if (name) {
      items.push(...shapedAttr(ctx, name, v, arg));
    } else {
      items.push(...unmatchedField(ctx, key, v, renames, fields, blockName));
    }
  }
  return items;
}

/**
 * A field with no argument of its name: `XInDays` where Terraform has an `x { days }` block (lifecycle
 * ExpirationInDays), or a wrapper Terraform flattens (network_configuration.AwsvpcConfiguration); else a TODO.
 */
function unmatchedField(ctx: ConvertContext, key: string, v: CfnValue, renames: Record<string, string>, fields: Record<string, TfArgument>, blockName: string | undefined): BodyItem[] {
  const snake = snakeCase(key);
  const days = /^(.+)_in_days$/.exec(snake);
  const inner = days ? fields[days[1]] : undefined;
  const dayArg = inner?.block ? Object.keys(inner.args ?? {}).find((a) => a === 'days' || a.endsWith('_days')) : undefined;
  if (days && dayArg) return [nested(days[1], [attr(dayArg, expr(ctx, v))])];
  if (isValueMap(v) && !isFunctionValue(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => fieldName(k, fields, blockName, Array.isArray(v[k])) !== undefined)) {
    return schemaBody(ctx, v, renames, fields, blockName);
  }
  // A wrapper flattened with its first words kept and units dropped: BufferingHints.IntervalInSeconds ->
  // buffering_interval, SizeInMBs -> buffering_size (the wrapper's name without its last word, then the field's).
  const prefix = snake.includes('_') ? snake.slice(0, snake.lastIndexOf('_')) : undefined;
  if (prefix && isValueMap(v) && !isFunctionValue(v) && Object.keys(v).length > 0) {
    const prefixed = (k: string) => {
      const name = `${prefix}_${snakeCase(k).replace(/_in_[a-z_]+$/, '')}`;
      return name in fields && !fields[name].block ? name : undefined;
    };
    if (Object.keys(v).every((k) => prefixed(k))) {
      return Object.entries(v).filter(([, x]) => !isNoValue(x)).flatMap(([k, x]) => shapedAttr(ctx, prefixed(k)!, x, fields[prefixed(k)!]));
    }
  }
  const where = blockName ? `argument in Terraform's "${blockName}" block` : 'Terraform argument';
  ctx.todo(`${key} has no ${where}`);
  return [comment(`TODO: ${key} has no ${where}`)];
}

/** PascalCase keys mean a CloudFormation property type (a block); other keys are user data (a map). */
function isBlockLike(value: CfnValueMap): boolean {
  if (isFunctionValue(value)) return false;
  return Object.keys(value).every((k) => /^[A-Z][A-Za-z0-9]*$/.test(k) && /[a-z]/.test(k));
}

// Resources that are not SAM: one `resource` block per mapped type, or a TODO block naming the CloudFormation type
// and logical id; and the scope in which properties become arguments (SAM expansions use it too).
import { isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import { argumentItems, type ResourceScope } from './arguments';
import type { ConvertContext, TfTarget } from './context';
import { address, expr, isRef } from './expressions';
import { attr, block, code, comment, render, str, type BodyItem } from './hcl';
import { snakeCase } from './naming';
import { argumentsOf, propertyMapping } from '../knowledge/properties';
import { PROPERTY_RULES, RESOURCE_DEFAULTS } from './propertyRules';
import { principalItem, principalsOf, sharedProperties, type Principal } from './principals';
import { addResource } from './templateResources';

/** Builds the scope used by property conversion and rules; companions get the same `count`. */
export function scopeFor(
  ctx: ConvertContext,
  id: string,
  cfnType: string,
  target: TfTarget,
  condition: CfnValue | undefined,
  later: (() => void)[],
): ResourceScope {
  return {
    ctx,
    logicalId: id,
    cfnType,
    target,
    schema: ctx.data.tfResource(target.tfType),
    properties: propertyMapping(ctx.data, cfnType, target.tfType),
    companion(tfType, suffix, body) {
      const name = ctx.uniqueName(tfType, `${target.name}_${suffix}`);
      const deps = new Set(ctx.deps);
      // Added after the main resource so the output reads top-down.
      later.push(() => addResource(ctx, id, tfType, name, condition, body, deps));
      return name;
    },
  };
}

export function convertResource(ctx: ConvertContext, id: string, type: string, resource: CfnValueMap): void {
  const target = ctx.targets.get(id);
  if (!target) {
    const awscc = ctx.data.mappingForCfn(type)?.awscc;
    const lines = [
      `TODO: ${type || '(no Type)'} "${id}" has no reviewed hashicorp/aws equivalent.`,
      ...(awscc ? [`The awscc provider has it: resource "${awscc}" "${snakeCase(id)}"`] : []),
      ...(isValueMap(resource.Properties) ? [`CloudFormation properties: ${Object.keys(resource.Properties).join(', ')}`] : []),
    ];
    ctx.todo(`${type || 'resource without Type'} ${id} not converted${awscc ? ` (awscc: ${awscc})` : ''}`);
    ctx.add({ key: `todo.${id}`, kind: 'todo', logicalId: id, block: block('#', [], [comment(lines.join('\n'))]), deps: new Set() });
    return;
  }
  const later: (() => void)[] = [];
  const scope = scopeFor(ctx, id, type, target, resource.Condition, later);
  const principals = principalsOf(ctx, type, isValueMap(resource.Properties) ? resource.Properties : {});
  if (principals.length) {
    convertPerPrincipal(ctx, id, type, resource, target, principals, later);
  } else {
    const { value: body, deps } = ctx.collect(() => resourceBody(scope, resource));
    addResource(ctx, id, target.tfType, target.name, resource.Condition, body, deps);
  }
  for (const add of later) add();
}

/**
 * One resource per principal, each of the alternative type that takes it; the first is the logical id's
 * target. The primary type's property answers hold for its alternatives (name, policy), so they are read there.
 */
function convertPerPrincipal(ctx: ConvertContext, id: string, type: string, resource: CfnValueMap, main: TfTarget, principals: Principal[], later: (() => void)[]): void {
  const shared = { ...resource, Properties: sharedProperties(isValueMap(resource.Properties) ? resource.Properties : {}, principals) };
  let first = true;
  principals.forEach((principal) => principal.values.forEach((value, index) => {
    const name = first ? main.name : ctx.uniqueName(principal.tfType, `${main.name}_${principalItem(ctx, principal, value, index).suffix}`);
    first = false;
    const target: TfTarget = { ...main, tfType: principal.tfType, name };
    const scope = { ...scopeFor(ctx, id, type, target, resource.Condition, later), properties: propertyMapping(ctx.data, type) };
    const { value: body, deps } = ctx.collect(() => resourceBody(scope, shared, [principalItem(ctx, principal, value, index).item]));
    addResource(ctx, id, principal.tfType, name, resource.Condition, body, deps);
  }));
}

export function resourceBody(scope: ResourceScope, resource: CfnValueMap, head: BodyItem[] = []): BodyItem[] {
  const { ctx } = scope;
  const body: BodyItem[] = [...head];
  const note = ctx.data.mappingForCfn(scope.cfnType)?.note;
  if (note) body.push(comment(note));
  const properties = isValueMap(resource.Properties) ? resource.Properties : {};
  const written = new Set<string>();
  for (const [property, value] of Object.entries(properties)) {
    // Properties that exclude each other (Definition / DefinitionString) share arguments: the first one given wins.
    const rival = scope.properties?.answer(property).exclusive?.find((p) => written.has(p));
    if (rival) {
      ctx.todo(`${scope.logicalId}: ${property} and ${rival} exclude each other; ${property} is not converted`);
      body.push(comment(`TODO: ${property} and ${rival} exclude each other in CloudFormation; ${property} is not converted`));
      continue;
    }
    written.add(property);
    body.push(...propertyItems(scope, property, value, properties));
  }
  body.push(...(RESOURCE_DEFAULTS[scope.cfnType]?.(scope, properties) ?? []));
  body.push(...requiredNames(scope, body));
  body.push(...resourceAttributes(scope, resource));
  return body;
}

/** One property: its shape rule when it has one, else as the knowledge layer answers it. */
export function propertyItems(scope: ResourceScope, property: string, value: CfnValue, properties: CfnValueMap): BodyItem[] {
  const rule = PROPERTY_RULES[scope.cfnType]?.[property];
  if (rule) return rule(value, scope, properties);
  return (scope.properties?.answer(property).kind === 'none' && inheritedArguments(scope, value, properties)) || argumentItems(scope, property, value);
}

/**
 * A reference with no argument of its own to another resource of the template that already carries required
 * arguments of this one under the same names (ScalingTargetId -> the scalable target's resource_id,
 * scalable_dimension, service_namespace): those arguments are read from it. Names are never copied.
 */
function inheritedArguments(scope: ResourceScope, value: CfnValue, properties: CfnValueMap): BodyItem[] | undefined {
  const target = isRef(value) ? scope.ctx.targets.get(String(value.args[0])) : undefined;
  const other = target ? scope.ctx.data.tfResource(target.tfType) : undefined;
  if (!target || !other || !scope.schema) return undefined;
  const claimed = new Set(Object.keys(properties).flatMap((p) => argumentsOf(scope.properties?.answer(p) ?? { kind: 'none', reason: '', provenance: 'convention' })));
  const names = Object.entries(scope.schema.args)
    .filter(([name, arg]) => arg.required && !arg.block && !claimed.has(name) && !isNameArgument(name) && other.args[name] && !other.args[name].block)
    .map(([name]) => name);
  if (names.length === 0) return undefined;
  scope.ctx.use(`resource.${target.tfType}.${target.name}`);
  return names.map((name) => attr(name, code(`${address(target)}.${name}`)));
}

const isNameArgument = (name: string) => name === 'name' || name.endsWith('_name') || name === 'tags';

/**
 * The resource's own identifier when Terraform requires it and CloudFormation generates it
 * (aws_elasticache_cluster.cluster_id): the logical id in the lowercase-and-hyphens form such ids accept.
 */
function ownIdentifier(tfType: string, name: string): boolean {
  const m = /^(.+)_id$/.exec(name);
  return !!m && `${tfType}_`.endsWith(`_${m[1]}_`);
}

/** Names CloudFormation generates but Terraform requires: use the logical id. */
function requiredNames(scope: ResourceScope, body: BodyItem[]): BodyItem[] {
  const items: BodyItem[] = [];
  for (const [name, arg] of Object.entries(scope.schema?.args ?? {})) {
    if (!arg.required || body.some((b) => b.t === 'attr' && b.name === name) || body.some((b) => b.t === 'block' && b.block.type === name)) continue;
    if (name === 'name' || name.endsWith('_name')) {
      items.push(comment(`CloudFormation generates this name; Terraform requires one.`), attr(name, str(scope.logicalId)));
    } else if (ownIdentifier(scope.target.tfType, name)) {
      items.push(comment(`CloudFormation generates this identifier; Terraform requires one.`), attr(name, str(snakeCase(scope.logicalId).replace(/_/g, '-'))));
    } else {
      items.push(comment(`TODO: required argument ${name} has no CloudFormation value`));
      scope.ctx.todo(`${scope.logicalId}: required ${scope.target.tfType} argument ${name} is not set`);
    }
  }
  return items;
}

/** DependsOn -> depends_on; policies Terraform has no equivalent for -> comments. */
function resourceAttributes(scope: ResourceScope, resource: CfnValueMap): BodyItem[] {
  const { ctx } = scope;
  const items: BodyItem[] = [];
  const dependsOn = typeof resource.DependsOn === 'string' ? [resource.DependsOn] : Array.isArray(resource.DependsOn) ? resource.DependsOn : [];
  const refs = dependsOn
    .filter((d): d is string => typeof d === 'string')
    .map((d) => ctx.targets.get(d))
    .filter((t): t is TfTarget => !!t)
    .map((t) => {
      ctx.use(`resource.${t.tfType}.${t.name}`);
      return `${t.tfType}.${t.name}`;
    });
  if (refs.length) items.push(attr('depends_on', code(`[${refs.join(', ')}]`)));
  items.push(...retentionPolicies(scope, resource));
  for (const key of ['CreationPolicy', 'UpdatePolicy', 'Metadata']) {
    if (resource[key] !== undefined) items.push(comment(`TODO: ${key} has no Terraform equivalent`));
  }
  return items;
}

/**
 * DeletionPolicy / UpdateReplacePolicy. Retain (either): Terraform cannot keep a resource it stops managing, but
 * `prevent_destroy` refuses any plan that would delete or replace it. Snapshot on deletion: the final snapshot
 * arguments where the type has them. Delete is Terraform's own behaviour. What has no equivalent is a precise TODO.
 */
function retentionPolicies(scope: ResourceScope, resource: CfnValueMap): BodyItem[] {
  const { ctx } = scope;
  const items: BodyItem[] = [];
  const deletion = resource.DeletionPolicy;
  const replace = resource.UpdateReplacePolicy;
  const retainDelete = deletion === 'Retain' || deletion === 'RetainExceptOnCreate';
  const retainReplace = replace === 'Retain';
  if (retainDelete || retainReplace) {
    const which = [retainDelete ? `DeletionPolicy ${String(deletion)}` : '', retainReplace ? 'UpdateReplacePolicy Retain' : ''].filter(Boolean).join(', ');
    items.push(comment(`${which}: Terraform cannot leave the resource behind; prevent_destroy refuses to delete or replace it instead.`));
    items.push({ t: 'block', block: block('lifecycle', [], [attr('prevent_destroy', code('true'))]) });
  }
  if (deletion === 'Snapshot') {
    const args = scope.schema?.args ?? {};
    if ('final_snapshot_identifier' in args) {
      items.push(comment('DeletionPolicy Snapshot: a final snapshot before deletion.'));
      if ('skip_final_snapshot' in args) items.push(attr('skip_final_snapshot', code('false')));
      items.push(attr('final_snapshot_identifier', str(`${scope.target.name.replace(/_/g, '-')}-final`)));
    } else {
      ctx.todo(`${scope.logicalId}: DeletionPolicy Snapshot has no ${scope.target.tfType} argument`);
      items.push(comment(`TODO: DeletionPolicy Snapshot: ${scope.target.tfType} takes no final snapshot; take one (e.g. aws_ebs_snapshot) before destroying`));
    }
  }
  if (replace === 'Snapshot') {
    ctx.todo(`${scope.logicalId}: UpdateReplacePolicy Snapshot has no Terraform equivalent`);
    items.push(comment('TODO: UpdateReplacePolicy Snapshot has no Terraform equivalent: Terraform takes no snapshot when it replaces a resource; snapshot it before applying a replacing change'));
  }
  for (const key of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
    const v = resource[key];
    if (v !== undefined && !['Retain', 'RetainExceptOnCreate', 'Snapshot', 'Delete'].includes(v as string)) {
      ctx.todo(`${scope.logicalId}: ${key} is computed`);
      items.push(comment(`TODO: ${key} is computed in CloudFormation; Terraform's lifecycle takes literal values only`));
    }
  }
  return items;
}

export { address, expr, render };

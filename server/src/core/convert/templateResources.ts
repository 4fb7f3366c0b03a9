// The template's resources as the converter reads them, and how a converted resource becomes a unit of output:
// shared by the resource conversion and every SAM expansion (below both, so neither imports the other for them).
import { isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import type { ConvertContext } from './context';
import { conditionRef } from './expressions';
import { attr, block, code, type BodyItem } from './hcl';

export function resourceEntries(ctx: ConvertContext): [string, CfnValueMap][] {
  const resources = ctx.template.value.Resources;
  if (!isValueMap(resources)) return [];
  return Object.entries(resources).filter((e): e is [string, CfnValueMap] => isValueMap(e[1]));
}

/** The template's resource `id` (Type, Properties, Condition...), if the template has one by that name. */
export function templateResource(ctx: ConvertContext, id: string): CfnValueMap | undefined {
  const resources = ctx.template.value.Resources;
  const resource = isValueMap(resources) ? resources[id] : undefined;
  return isValueMap(resource) ? resource : undefined;
}

/** The Properties of the template's resource `id` ({} when it has none). */
export function resourceProperties(ctx: ConvertContext, id: string): CfnValueMap {
  const properties = templateResource(ctx, id)?.Properties;
  return isValueMap(properties) ? properties : {};
}

/** Adds a resource unit with `count` for a condition and the dependencies its body used. */
export function addResource(ctx: ConvertContext, id: string, tfType: string, name: string, condition: CfnValue | undefined, body: BodyItem[], deps?: Set<string>): void {
  const { value: head, deps: headDeps } = ctx.collect(() =>
    typeof condition === 'string' ? [attr('count', { k: 'cond', test: conditionRef(ctx, condition), then: code('1'), else: code('0') })] : [],
  );
  const all = new Set([...(deps ?? []), ...headDeps]);
  ctx.add({ key: `resource.${tfType}.${name}`, kind: 'resource', logicalId: id, block: block('resource', [tfType, name], [...head, ...body]), deps: all });
}

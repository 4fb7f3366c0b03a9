// Types Terraform splits by the kind of principal they attach to: AWS::IAM::Policy is one resource in
// CloudFormation with Roles, Groups and Users lists, and aws_iam_role_policy / aws_iam_group_policy /
// aws_iam_user_policy (one principal each) in Terraform. Found from the reviewed mapping's alternatives and their
// schemas, never by type name: a list property whose singular is a required one-value argument of one of them.
import { isValueMap, type CfnValue, type CfnValueMap } from '../syntax/template';
import type { ConvertContext } from './context';
import { expr, isNoValue, isRef } from './expressions';
import { attr, type BodyItem } from './hcl';
import { singular, snakeCase } from './naming';
import { argumentsOf, propertyMapping } from '../knowledge/properties';

export interface Principal {
  property: string;
  /** The alternative Terraform type that takes this principal, and its argument. */
  tfType: string;
  argument: string;
  values: CfnValue[];
}

/** A principal list is plural and a list (Roles: [...]); VpcId or HttpMethod name one value of one resource. */
function isPrincipalList(property: string, value: CfnValue): boolean {
  return !isNoValue(value) && Array.isArray(value) && singular(snakeCase(property)) !== snakeCase(property);
}

/** The principal lists of a resource, in template order; empty when its mapping has no alternatives taking one. */
export function principalsOf(ctx: ConvertContext, cfnType: string, properties: CfnValueMap): Principal[] {
  const mapping = ctx.mapping(cfnType);
  if (!mapping || mapping.tf.length < 2) return [];
  // The alternative must take everything else the resource says (name, policy) as the primary does: an
  // attachment type that takes only the list (Organizations policy TargetIds) is a different resource, not a principal.
  const primary = propertyMapping(ctx.data, cfnType);
  const carries = (tfType: string, except: string) => {
    const args = ctx.data.tfResource(tfType)?.args ?? {};
    return Object.keys(properties).filter((p) => p !== except && !isPrincipalList(p, properties[p])).every((p) => !primary || argumentsOf(primary.answer(p)).every((a) => a in args));
  };
  const out: Principal[] = [];
  for (const [property, value] of Object.entries(properties)) {
    if (!isPrincipalList(property, value)) continue;
    const argument = singular(snakeCase(property));
    const tfType = mapping.tf.find((t) => {
      const arg = ctx.data.tfResource(t)?.args[argument];
      return arg?.required && !arg.block && (!arg.type || arg.type === 'string') && carries(t, property);
    });
    if (!tfType) continue;
    const values = (value as CfnValue[]).filter((v) => !isNoValue(v));
    if (values.length) out.push({ property, tfType, argument, values });
  }
  return out;
}

/** The properties every principal's resource shares (the principal lists removed). */
export function sharedProperties(properties: CfnValueMap, principals: Principal[]): CfnValueMap {
  return Object.fromEntries(Object.entries(properties).filter(([k]) => !principals.some((p) => p.property === k)));
}

/** `principal = value`, and a name suffix for the second and later resources (the referenced logical id). */
export function principalItem(ctx: ConvertContext, principal: Principal, value: CfnValue, index: number): { item: BodyItem; suffix: string } {
  const ref = isRef(value) ? String(value.args[0]) : typeof value === 'string' ? value : isValueMap(value) ? '' : String(value);
  return { item: attr(principal.argument, expr(ctx, value)), suffix: ref ? snakeCase(ref) : `${principal.argument}_${index + 1}` };
}

// Types Terraform splits by the kind of principal they attach to: AWS::IAM::Policy is one resource in
// CloudFormation with Roles, Groups and Users lists, and aws_iam_role_policy / aws_iam_group_policy /
// aws_iam_user_policy (one principal each) in Terraform. Found from the reviewed mapping's alternatives and their
// schemas, never by type name: a list property whose singular is a required one-value argument of one of them.
import { isValueMap, type CfnValue, type CfnValueMap } from '../cfn';
import type { ConvertContext } from './context';
import { expr, isNoValue, isRef } from './expressions';
import { attr, type BodyItem } from './hcl';
import { singular, snakeCase } from './naming';

export interface Principal {
  property: string;
  /** The alternative Terraform type that takes this principal, and its argument. */
  tfType: string;
  argument: string;
  values: CfnValue[];
}

/** The principal lists of a resource, in template order; empty when its mapping has no alternatives taking one. */
export function principalsOf(ctx: ConvertContext, cfnType: string, properties: CfnValueMap): Principal[] {
  const mapping = ctx.mapping(cfnType);
  if (!mapping || mapping.tf.length < 2) return [];
  const out: Principal[] = [];
  for (const [property, value] of Object.entries(properties)) {
    if (isNoValue(value)) continue;
    const argument = singular(snakeCase(property));
    const tfType = mapping.tf.find((t) => {
      const arg = ctx.data.tfResource(t)?.args[argument];
      return arg?.required && !arg.block && (!arg.type || arg.type === 'string');
    });
    if (!tfType) continue;
    const values = Array.isArray(value) ? value.filter((v) => !isNoValue(v)) : [value];
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

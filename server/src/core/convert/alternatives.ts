// The Terraform type a resource of a type with reviewed alternatives becomes (knowledge/alternatives.ts: an
// AWS::RDS::DBInstance with DBClusterIdentifier is aws_rds_cluster_instance), and what its references read there.
import type { CfnValueMap } from '../syntax/template';
import type { ConvertContext } from './context';
import { isNoValue } from './expressions';
import { alternativeFor as alternativeForProperty } from '../knowledge/alternatives';

/** The alternative Terraform type the resource's properties call for; undefined: the primary. */
export function alternativeFor(ctx: ConvertContext, cfnType: string, properties: CfnValueMap): string | undefined {
  if (!ctx.mapping(cfnType)) return undefined;
  for (const property of Object.keys(properties)) {
    if (isNoValue(properties[property])) continue;
    const found = alternativeForProperty(ctx.data, cfnType, property);
    if (found) return found.tfType;
  }
  return undefined;
}

/** The reviewed GetAtt renames that hold on `tfType` (an alternative has only some of the primary's attributes). */
export function attributesOn(ctx: ConvertContext, tfType: string, renames: Readonly<Record<string, string>>): Record<string, string> {
  const schema = ctx.data.tfResource(tfType);
  if (!schema) return { ...renames };
  return Object.fromEntries(Object.entries(renames).filter(([, tf]) => schema.attrs.includes(tf) || tf in schema.args));
}

/** The attribute `!Ref` becomes on `tfType`: the reviewed one when the type has it, else the provider's `id`. */
export function refAttributeOn(ctx: ConvertContext, tfType: string, refAttr: string): string {
  const schema = ctx.data.tfResource(tfType);
  return !schema || refAttr === 'id' || schema.attrs.includes(refAttr) || refAttr in schema.args ? refAttr : 'id';
}


// Types whose reviewed mapping lists alternatives for different uses of one CloudFormation type: an
// AWS::RDS::DBInstance in a DB cluster (DBClusterIdentifier set) is aws_rds_cluster_instance, not aws_db_instance.
// Found from the mapping's alternatives and their schemas, never by type name: a property the template sets that
// the primary has no argument for, and that lands on a required argument of an alternative the primary lacks.
import type { CfnValueMap } from '../cfn';
import type { ConvertContext } from './context';
import { isNoValue } from './expressions';
import { argumentsOf, propertyMapping } from '../knowledge/properties';

/** The alternative Terraform type the resource's properties call for; undefined: the primary. */
export function alternativeFor(ctx: ConvertContext, cfnType: string, properties: CfnValueMap): string | undefined {
  const mapping = ctx.mapping(cfnType);
  if (!mapping || mapping.tf.length < 2) return undefined;
  const primary = propertyMapping(ctx.data, cfnType);
  const primarySchema = ctx.data.tfResource(mapping.tf[0]);
  if (!primary || !primarySchema) return undefined;
  const given = Object.keys(properties).filter((p) => !isNoValue(properties[p]) && primary.answer(p).kind === 'none');
  return mapping.tf.slice(1).find((tfType) => {
    const schema = ctx.data.tfResource(tfType);
    const own = schema && propertyMapping(ctx.data, cfnType, tfType);
    if (!schema || !own) return false;
    return given.some((p) => {
      const args = argumentsOf(own.answer(p));
      return args.length === 1 && schema.args[args[0]]?.required === true && !schema.args[args[0]].block && !(args[0] in primarySchema.args);
    });
  });
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


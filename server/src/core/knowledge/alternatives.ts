// Types whose reviewed mapping lists alternatives for different uses of one CloudFormation type: an
// AWS::RDS::DBInstance in a DB cluster (DBClusterIdentifier set) is aws_rds_cluster_instance, not aws_db_instance.
// Found from the mapping's alternatives and their schemas, never by type name: an optional property the primary
// has no argument for that lands on a required argument of an alternative the primary lacks. The converter takes that
// alternative when the property is set; the property hover names it.
import type { AwsData } from '../data/awsData';
import { argumentsOf, propertyMapping } from './properties';
import { classifyCfnType, primaryTf } from './types';

/** The alternative Terraform type setting `property` calls for, and the argument it lands on; undefined: none. */
export function alternativeFor(data: AwsData, cfnType: string, property: string): { tfType: string; argument: string } | undefined {
  // A SAM type's Terraform types are what its expansion creates together (function, role, permission), never alternatives.
  if (classifyCfnType(data, cfnType) !== 'aws') return undefined;
  // A required property is always there, so it tells no use from another (UserToGroupAddition.GroupName).
  if (data.cfnType(cfnType)?.properties[property]?.required) return undefined;
  const primaryType = primaryTf(data, cfnType);
  const tf = data.mappingForCfn(cfnType)?.tf ?? [];
  const primary = primaryType ? propertyMapping(data, cfnType) : undefined;
  const primarySchema = primaryType ? data.tfResource(primaryType) : undefined;
  if (tf.length < 2 || !primary || !primarySchema || primary.answer(property).kind !== 'none') return undefined;
  for (const tfType of tf.filter((t) => t !== primaryType)) {
    const schema = data.tfResource(tfType);
    const own = schema && propertyMapping(data, cfnType, tfType);
    const args = own ? argumentsOf(own.answer(property)) : [];
    const arg = args.length === 1 ? schema?.args[args[0]] : undefined;
    if (arg?.required && !arg.block && !(args[0] in primarySchema.args)) return { tfType, argument: args[0] };
  }
  return undefined;
}

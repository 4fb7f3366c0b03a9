// Terraform -> CloudFormation: the inverse of the property and attribute mapping the converter writes with
// (knowledge/properties.ts, knowledge/attributes.ts), so hover and conversion always agree.
import type { AwsData } from '../data/awsData';
import type { TfType } from '../data/types';
import { cfnAttributeFor as attributeOrigin, type AttributeOrigin } from '../knowledge/attributes';
import { propertyForArgument, propertyMapping } from '../knowledge/properties';

export interface CfnRelations {
  /** CloudFormation types this Terraform type is the primary (or awscc) equivalent of. */
  equivalent: string[];
  /** SAM types whose expansion creates this Terraform type. */
  sam: string[];
  /** Other CloudFormation types that produce this type as a companion, with the property doing so when known. */
  partOf: { cfn: string; property?: string }[];
}

const SAM_PREFIX = 'AWS::Serverless::';

export function cfnRelations(tfType: string, data: AwsData): CfnRelations {
  const relations: CfnRelations = { equivalent: [], sam: [], partOf: [] };
  for (const cfn of data.cfnForTf(tfType)) {
    const mapping = data.mappingForCfn(cfn);
    if (!mapping) continue;
    if (cfn.startsWith(SAM_PREFIX)) relations.sam.push(cfn);
    else if (mapping.tf[0] === tfType || mapping.awscc === tfType) relations.equivalent.push(cfn);
    else {
      const property = [...(propertyMapping(data, cfn)?.properties ?? [])].find(([, a]) => a.kind === 'resource' && a.tfType === tfType)?.[0];
      relations.partOf.push({ cfn, property });
    }
  }
  return relations;
}

/** Where a Terraform argument comes from in CloudFormation. */
export interface ArgumentOrigin {
  cfnType: string;
  property: string;
  /** Other arguments the property maps to together with this one (`s3_bucket` + `s3_key`). */
  together: string[];
  /** Alternative argument sets for the same property (`filename` | `s3_bucket+s3_key` | `image_uri`). */
  alternatives: string[];
}

export function schemaFor(tfType: string, data: AwsData, kind: 'resource' | 'data'): TfType | undefined {
  return kind === 'data' ? data.tfDataSource(tfType) : data.tfResource(tfType);
}

/** The CloudFormation property a Terraform argument of `tfType` corresponds to: the inverse of the converter's mapping. */
export function cfnPropertyForArgument(tfType: string, argument: string, data: AwsData): ArgumentOrigin | undefined {
  const relations = cfnRelations(tfType, data);
  // The equivalents first; a SAM type answers for arguments only its expansion sets (ContentUri -> filename).
  const source = propertyForArgument(data, [...relations.equivalent, ...relations.sam], tfType, argument);
  if (!source) return undefined;
  return { cfnType: source.cfnType, property: source.property, together: source.together, alternatives: source.alternatives.map((set) => set.join('+')) };
}

/** How CloudFormation reads the same value: `!GetAtt X.Attr` and/or `!Ref X`. */
export type { AttributeOrigin } from '../knowledge/attributes';

export function cfnAttributeFor(tfType: string, attribute: string, data: AwsData): AttributeOrigin | undefined {
  return attributeOrigin(data, cfnRelations(tfType, data).equivalent, attribute);
}

export { logicalIdFor } from '../knowledge/naming';

// Terraform -> CloudFormation: the inverse of the property and attribute mapping the converter writes with
// (knowledge/properties.ts, knowledge/attributes.ts), so hover and conversion always agree.
import type { AwsData } from '../../data/awsData';
import type { TfType } from '../../data/types';
import { cfnAttributeFor as attributeOrigin, type AttributeOrigin } from '../../knowledge/attributes';
import { propertyForArgument, propertyMapping } from '../../knowledge/properties';
import { tfEquivalence, type TfEquivalence } from '../../knowledge/types';

export interface CfnRelations {
  /** CloudFormation types this Terraform type is the primary (or awscc) equivalent of. */
  equivalent: string[];
  /** SAM types whose expansion creates this Terraform type. */
  sam: string[];
  /** Other CloudFormation types that produce this type as a companion, with the property doing so when known. */
  partOf: { cfn: string; property?: string }[];
  /** No type names it: the types matched from the Terraform side, with the evidence (knowledge/types.ts). */
  matched?: TfEquivalence['matched'];
}

/** The type-level relations come from the knowledge layer (one primary-counterpart rule); the property of a
 * companion from the property mapping. */
export function cfnRelations(tfType: string, data: AwsData): CfnRelations {
  const back = tfEquivalence(data, tfType);
  const partOf = back.companionOf.map((cfn) => ({
    cfn,
    property: [...(propertyMapping(data, cfn)?.properties ?? [])].find(([, a]) => a.kind === 'resource' && a.tfType === tfType)?.[0],
  }));
  return { equivalent: back.equivalent, sam: back.sam, partOf, ...(back.matched ? { matched: back.matched } : {}) };
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
  // (The type-level equivalents only: the companions' property scan of cfnRelations is not needed here.)
  const relations = tfEquivalence(data, tfType);
  // The equivalents first; a SAM type answers for arguments only its expansion sets (ContentUri -> filename).
  const source = propertyForArgument(data, [...relations.equivalent, ...relations.sam], tfType, argument);
  if (!source) return undefined;
  return { cfnType: source.cfnType, property: source.property, together: source.together, alternatives: source.alternatives.map((set) => set.join('+')) };
}

/** How CloudFormation reads the same value: `!GetAtt X.Attr` and/or `!Ref X`. */
export type { AttributeOrigin } from '../../knowledge/attributes';

export function cfnAttributeFor(tfType: string, attribute: string, data: AwsData): AttributeOrigin | undefined {
  return attributeOrigin(data, tfEquivalence(data, tfType).equivalent, attribute);
}

export { logicalIdFor } from '../../knowledge/naming';

// Terraform -> CloudFormation, read backwards from the reviewed mapping the converter uses (AwsData.mappingForCfn /
// cfnForTf) and from the converter's own naming conventions, so hover and conversion always agree.
import type { AwsData } from '../data/awsData';
import type { TfType } from '../data/types';
import { argumentName, type ResourceScope } from '../convert/arguments';
import { snakeCase } from '../convert/naming';

export interface CfnRelations {
  /** CloudFormation types this Terraform type is the primary (or awscc) equivalent of. */
  equivalent: string[];
  /** SAM types whose expansion creates this Terraform type. */
  sam: string[];
  /** Other CloudFormation types that produce this type as a companion, with the property doing so when known. */
  partOf: { cfn: string; property?: string }[];
}

const SAM_PREFIX = 'AWS::Serverless::';
const RESOURCE_NAME = /^aws(?:cc)?_[a-z0-9_]+$/;

export function cfnRelations(tfType: string, data: AwsData): CfnRelations {
  const relations: CfnRelations = { equivalent: [], sam: [], partOf: [] };
  for (const cfn of data.cfnForTf(tfType)) {
    const mapping = data.mappingForCfn(cfn);
    if (!mapping) continue;
    if (cfn.startsWith(SAM_PREFIX)) relations.sam.push(cfn);
    else if (mapping.tf[0] === tfType || mapping.awscc === tfType) relations.equivalent.push(cfn);
    else {
      const property = Object.entries(mapping.properties ?? {}).find(([, value]) => value === tfType)?.[0];
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

/** The CloudFormation property a Terraform argument of `tfType` corresponds to, if any. */
export function cfnPropertyForArgument(tfType: string, argument: string, data: AwsData): ArgumentOrigin | undefined {
  const cfnTypes = cfnRelations(tfType, data).equivalent;
  const schema = data.tfResource(tfType);
  for (const cfnType of cfnTypes) {
    const renames = data.mappingForCfn(cfnType)?.properties ?? {};
    // 1. The reviewed mapping, including composites "a|b+c".
    for (const [property, value] of Object.entries(renames)) {
      if (RESOURCE_NAME.test(value) && !schema?.args[value]) continue; // a separate resource, not an argument
      const sets = value.split('|');
      for (const set of sets) {
        const parts = set.split('+').map((p) => p.trim());
        if (!parts.includes(argument)) continue;
        return {
          cfnType,
          property,
          together: parts.filter((p) => p !== argument && p !== '…'),
          alternatives: sets.filter((s) => s !== set),
        };
      }
    }
    // 2. The converter's naming conventions for properties the mapping does not rename.
    const type = data.cfnType(cfnType);
    if (!type) continue;
    const scope = { renames: {}, schema: tfType.startsWith('awscc_') ? undefined : schema } as unknown as ResourceScope;
    for (const property of Object.keys(type.properties)) {
      if (property in renames) continue;
      const name = tfType.startsWith('awscc_') ? snakeCase(property) : argumentName(scope, property);
      if (name === argument) return { cfnType, property, together: [], alternatives: [] };
    }
  }
  return undefined;
}

/** How CloudFormation reads the same value: `!GetAtt X.Attr` and/or `!Ref X`. */
export interface AttributeOrigin {
  cfnType: string;
  getAtt?: string;
  ref: boolean;
}

export function cfnAttributeFor(tfType: string, attribute: string, data: AwsData): AttributeOrigin | undefined {
  for (const cfnType of cfnRelations(tfType, data).equivalent) {
    const mapping = data.mappingForCfn(cfnType);
    if (!mapping) continue;
    const ref = (mapping.refAttr ?? 'id') === attribute;
    let getAtt = Object.entries(mapping.attributes ?? {}).find(([, tf]) => tf === attribute)?.[0];
    getAtt ??= data.cfnType(cfnType)?.attributes.find((a) => !(a in (mapping.attributes ?? {})) && snakeCase(a.replace(/\./g, '_')) === attribute);
    if (getAtt || ref) return { cfnType, getAtt, ref };
  }
  return undefined;
}

/** "orders_dlq" -> "OrdersDlq": the logical id a template would likely use. */
export function logicalIdFor(name: string): string {
  const id = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return id || 'Resource';
}

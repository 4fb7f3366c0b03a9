// GetAtt <-> Terraform attribute and what `!Ref` becomes: the reviewed table's answers, else the convention
// (`Endpoint.Address` -> `endpoint_address`). The converter, the CloudFormation hover and the Terraform hover use these.
import type { AwsData } from '../data/awsData';
import { snakeCase } from './naming';

/** The attribute `!Ref` to a resource of `cfnType` becomes (the provider's `id` when the table says nothing). */
export function refAttribute(data: AwsData, cfnType: string): string {
  return data.mappingForCfn(cfnType)?.refAttr ?? 'id';
}

/** The conventional Terraform attribute of a GetAtt name. */
export function conventionalAttribute(getAtt: string): string {
  return snakeCase(getAtt.replace(/\./g, '_'));
}

/** `GetAtt X.<getAtt>` -> Terraform attribute, given the reviewed renames of the target; `known` when the schema has it. */
export function tfAttributeFor(data: AwsData, tfType: string, renames: Readonly<Record<string, string>>, getAtt: string): { name: string; known: boolean } {
  const reviewed = renames[getAtt];
  if (reviewed) return { name: reviewed, known: true };
  const name = conventionalAttribute(getAtt);
  const schema = data.tfResource(tfType);
  return { name, known: !schema || schema.attrs.includes(name) || name in schema.args };
}

/** How CloudFormation reads a Terraform attribute of `tfType`: `!GetAtt X.Attr` and/or `!Ref X`. */
export interface AttributeOrigin {
  cfnType: string;
  getAtt?: string;
  ref: boolean;
}

export function cfnAttributeFor(data: AwsData, cfnTypes: readonly string[], attribute: string): AttributeOrigin | undefined {
  for (const cfnType of cfnTypes) {
    const mapping = data.mappingForCfn(cfnType);
    if (!mapping) continue;
    const renames = mapping.attributes ?? {};
    const ref = refAttribute(data, cfnType) === attribute;
    let getAtt = Object.entries(renames).find(([, tf]) => tf === attribute)?.[0];
    getAtt ??= data.cfnType(cfnType)?.attributes.find((a) => !(a in renames) && conventionalAttribute(a) === attribute);
    if (getAtt || ref) return { cfnType, getAtt, ref };
  }
  return undefined;
}

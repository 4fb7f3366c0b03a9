// "Show Equivalents at Cursor": for the AWS identifier under the cursor, its names across CloudFormation,
// Terraform, IAM and the SDKs, as plain values for a picker.
import type { AwsData } from '../../data/awsData';
import { cfnEquivalence, tfEquivalence } from '../../knowledge';
import type { Identity } from '../../recognize/identities';
import { cfnDocUrl, terraformRegistryUrl } from '../../present/awsLinks';
import type { Equivalent, EquivalentsAnswer } from '../../../../../shared/protocol';
export type { Equivalent, EquivalentsAnswer };



export function equivalentsFor(identity: Identity, data: AwsData): EquivalentsAnswer | undefined {
  const service = data.service(identity.serviceId);
  if (!service) return undefined;
  const out: Equivalent[] = [];
  const add = (kind: string, value: string, url?: string) => {
    if (!out.some((e) => e.kind === kind && e.value === value)) out.push({ kind, value, url });
  };
  let cfnTypes: string[] = [];
  if (identity.kind === 'cfnType') cfnTypes = [identity.text];
  else if (identity.kind === 'tfType') {
    // Its equivalents first, then the types it is a companion of or a SAM expansion of.
    const back = tfEquivalence(data, identity.text);
    cfnTypes = [...back.equivalent, ...back.companionOf, ...back.sam];
  }
  for (const cfn of cfnTypes) {
    add('CloudFormation', cfn, data.cfnType(cfn)?.docUrl ?? cfnDocUrl(cfn));
    const eq = cfnEquivalence(data, cfn);
    for (const tf of eq.tf) add('Terraform', tf, terraformRegistryUrl(tf));
    if (eq.awscc) add('Terraform (awscc)', eq.awscc, terraformRegistryUrl(eq.awscc));
  }
  if (identity.kind === 'tfType' && !out.some((e) => e.value === identity.text)) add('Terraform', identity.text, terraformRegistryUrl(identity.text));
  for (const ns of service.cfnNamespaces) add('CloudFormation', `${ns}::*`);
  for (const p of service.tfPrefixes) add('Terraform', p.endsWith('_') ? `${p}*` : p);
  for (const p of service.iamPrefixes) add('IAM', `${p}:*`);
  if (identity.kind === 'iamAction') add('IAM', identity.text);
  for (const b of service.boto3) add('boto3', `boto3.client("${b}")`);
  for (const j of service.jsSdk) add('JS SDK v3', `${j.client} (${j.package})`);
  for (const p of service.principals) add('Principal', p);
  return { identifier: identity.text, identityKind: identity.kind, serviceId: service.id, serviceName: service.name, equivalents: out };
}

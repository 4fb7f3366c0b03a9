// Type equivalents, CloudFormation <-> Terraform (hashicorp/aws, awscc): the one place features ask. The data
// (data/mapping.json) is the reviewed table plus pairs derived from evidence at generation time, each with its
// provenance; this file classifies what a type name is and applies the one primary-counterpart rule.
import type { AwsData } from '../data/awsData';
import type { TypeMapping } from '../data/types';

/** What a CloudFormation type name is, before any equivalent is claimed. */
export type CfnTypeClass =
  | 'aws' // a type of the resource specification
  | 'sam' // AWS::Serverless::*, expanded by the SAM transform
  | 'custom' // Custom::X or AWS::CloudFormation::CustomResource: whatever a Lambda/SNS handler does
  | 'module' // Org::Svc::Thing::MODULE, a registry module of other resources
  | 'thirdParty' // Org::Svc::Thing of a registry publisher other than AWS
  | 'unknown'; // AWS::Foo::Bar that the specification does not have, or not a type name at all

export type TypeProvenance = { source: 'reviewed' } | { source: 'derived'; score: number; evidence: NonNullable<TypeMapping['evidence']> };

export interface CfnEquivalence {
  cfnType: string;
  class: CfnTypeClass;
  /** hashicorp/aws types, the primary first; empty when there is none. */
  tf: string[];
  /** awscc name by the provider's naming rule (every AWS type of the specification). */
  awscc?: string;
  kind: TypeMapping['kind'];
  note?: string;
  /** Present when `tf` is not empty. */
  provenance?: TypeProvenance;
}

const TYPE_NAME = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

export function classifyCfnType(data: AwsData, cfnType: string): CfnTypeClass {
  if (/^Custom::[A-Za-z0-9_@-]+$/.test(cfnType) || cfnType === 'AWS::CloudFormation::CustomResource') return 'custom';
  if (/^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+::MODULE$/.test(cfnType)) return 'module';
  if (cfnType.startsWith('AWS::Serverless::') && data.cfnType(cfnType)) return 'sam';
  if (data.cfnType(cfnType)) return 'aws';
  if (TYPE_NAME.test(cfnType) && !cfnType.startsWith('AWS::') && !cfnType.startsWith('Custom::')) return 'thirdParty';
  return 'unknown';
}

/** The Terraform side of a CloudFormation type. Only specification types ever get an equivalent. */
export function cfnEquivalence(data: AwsData, cfnType: string): CfnEquivalence {
  const cls = classifyCfnType(data, cfnType);
  const m = cls === 'aws' || cls === 'sam' ? data.mappingForCfn(cfnType) : undefined;
  if (!m) return { cfnType, class: cls, tf: [], kind: 'none' };
  const tf = m.kind === 'none' ? [] : m.tf;
  const provenance: TypeProvenance | undefined = !tf.length
    ? undefined
    : m.provenance === 'derived' && m.evidence
      ? { source: 'derived', score: m.score ?? 0, evidence: m.evidence }
      : { source: 'reviewed' };
  return { cfnType, class: cls, tf, awscc: m.awscc, kind: tf.length ? m.kind : 'none', note: m.note, provenance };
}

/** The one hashicorp/aws type a CloudFormation type converts to and is shown with first. */
export function primaryTf(data: AwsData, cfnType: string): string | undefined {
  return cfnEquivalence(data, cfnType).tf[0];
}

export interface TfEquivalence {
  /** CloudFormation types this Terraform type is the primary (or awscc) equivalent of, best first. */
  equivalent: string[];
  /** SAM types whose expansion creates it. */
  sam: string[];
  /** CloudFormation types that create it as a companion (S3 bucket -> aws_s3_bucket_versioning). */
  companionOf: string[];
  /**
   * When no type names it: the types it was matched to from the Terraform side (aws_servicecatalog_constraint ->
   * the three constraint types), with the evidence. Not a primary: the converter never writes it for them.
   */
  matched?: { cfn: string[]; provenance: Extract<TypeProvenance, { source: 'derived' }> };
}

// Reverse index of the `fromTf` entries, built once per data set.
const fromTfIndex = new WeakMap<AwsData, Map<string, { cfn: string[]; provenance: Extract<TypeProvenance, { source: 'derived' }> }>>();
function matchedFromTf(data: AwsData, tfType: string): TfEquivalence['matched'] {
  let index = fromTfIndex.get(data);
  if (!index) {
    index = new Map();
    for (const cfn of data.cfnTypeNames()) {
      for (const [tf, m] of Object.entries(data.mappingForCfn(cfn)?.fromTf ?? {})) {
        const entry = index.get(tf) ?? { cfn: [], provenance: { source: 'derived' as const, score: m.score, evidence: m.evidence } };
        entry.cfn.push(cfn);
        index.set(tf, entry);
      }
    }
    fromTfIndex.set(data, index);
  }
  return index.get(tfType);
}

/**
 * Terraform -> CloudFormation: the inverse of the same table, so both directions agree. Many-to-one is kept
 * (SimpleAD and MicrosoftAD -> aws_directory_service_directory); one-to-many lists the companions.
 */
export function tfEquivalence(data: AwsData, tfType: string): TfEquivalence {
  const out: TfEquivalence = { equivalent: [], sam: [], companionOf: [] };
  for (const cfn of data.cfnForTf(tfType)) {
    const eq = cfnEquivalence(data, cfn);
    if (eq.class === 'sam') out.sam.push(cfn);
    else if (eq.class !== 'aws') continue;
    else if (eq.tf[0] === tfType || (eq.awscc === tfType && tfType.startsWith('awscc_'))) out.equivalent.push(cfn);
    else if (eq.tf.includes(tfType)) out.companionOf.push(cfn);
  }
  const rank = (cfn: string) => {
    const eq = cfnEquivalence(data, cfn);
    return (eq.kind === 'one-to-one' ? 2 : eq.kind === 'one-to-many' ? 1 : 0) + (eq.provenance?.source === 'reviewed' ? 4 : 0);
  };
  out.equivalent = out.equivalent.map((c, i) => ({ c, r: rank(c), i })).sort((a, b) => b.r - a.r || a.i - b.i).map((x) => x.c);
  if (!out.equivalent.length && !out.companionOf.length) {
    const matched = matchedFromTf(data, tfType);
    if (matched) out.matched = matched;
  }
  return out;
}

/**
 * The one CloudFormation type a Terraform type stands for: its primary equivalent (reviewed before derived,
 * one-to-one before one-to-many before many-to-one), never a SAM type or a type it is only a companion of.
 */
export function primaryCfn(data: AwsData, tfType: string): string | undefined {
  return tfEquivalence(data, tfType).equivalent[0];
}

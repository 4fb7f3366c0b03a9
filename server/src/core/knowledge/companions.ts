// A Terraform resource that is one property of a CloudFormation resource: aws_s3_bucket_versioning is
// AWS::S3::Bucket.VersioningConfiguration. Read from the reviewed property map (`{resource: ...}` targets); the
// parent is the Terraform type the companion's name extends (aws_s3_bucket), through its CloudFormation equivalent.
import type { AwsData } from '../data/awsData';
import { primaryCfn } from './types';

export interface CompanionOf {
  cfnType: string;
  /** The CloudFormation properties that become this Terraform resource. */
  properties: string[];
}

export function companionOf(data: AwsData, tfType: string): CompanionOf | undefined {
  const parts = tfType.split('_');
  // Longest parent name first: aws_s3_bucket_lifecycle_configuration -> aws_s3_bucket_lifecycle -> aws_s3_bucket.
  for (let n = parts.length - 1; n >= 2; n--) {
    const parent = parts.slice(0, n).join('_');
    if (!data.tfResource(parent)) continue;
    const cfnType = primaryCfn(data, parent);
    if (!cfnType) continue;
    const map = data.propertyMap(cfnType) ?? {};
    const properties = Object.keys(map).filter((p) => (map[p] as { resource?: string }).resource === tfType);
    if (properties.length) return { cfnType, properties };
  }
  return undefined;
}

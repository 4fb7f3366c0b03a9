// Documentation links derived from identifiers.
export function terraformRegistryUrl(tfType: string, kind: 'resource' | 'data' = 'resource'): string {
  const awscc = tfType.startsWith('awscc_');
  const provider = awscc ? 'awscc' : 'aws';
  const name = tfType.replace(/^awscc_|^aws_/, '');
  return `https://registry.terraform.io/providers/hashicorp/${provider}/latest/docs/${kind === 'data' ? 'data-sources' : 'resources'}/${name}`;
}

export function cfnDocUrl(cfnType: string): string {
  const [, service, resource] = cfnType.toLowerCase().split('::');
  return `https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-${service}-${resource}.html`;
}

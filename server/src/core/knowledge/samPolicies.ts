// SAM policy templates as knowledge: the IAM actions each grants and the service it is about, from SAM's own
// policy_templates.json (data/sam-policy-templates.json). Expanding one into statements is the converter's
// (convert/samPolicyExpansion.ts).
import type { AwsData } from '../data/awsData';
import type { RawSamPolicyTemplate } from '../data/samPolicyTemplates';

/** The IAM actions a template grants, in the order SAM lists them, each once (`sqs:SendMessage*`). */
export function samPolicyActions(template: RawSamPolicyTemplate): string[] {
  const out = new Set<string>();
  for (const s of template.statements) {
    const action = s.Action;
    for (const a of Array.isArray(action) ? action : [action]) if (typeof a === 'string') out.add(a);
  }
  return [...out];
}

/**
 * The service a template is about: the one its name names in the SDK table (`SQSSendMessagePolicy` -> sqs), else
 * the service of the IAM prefix most of its actions use (templates newer than the service spec's list).
 */
export function samPolicyService(data: AwsData, name: string): string | undefined {
  const named = data.sdk()?.samPolicyTemplate(name)?.service;
  if (named && data.service(named)) return named;
  const template = data.samPolicyTemplate(name);
  if (!template) return undefined;
  const counts = new Map<string, number>();
  for (const action of samPolicyActions(template)) {
    const prefix = action.split(':')[0];
    counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best ? data.serviceByIamPrefix(best[0])?.id : undefined;
}

// Hover for any AWS identifier found by the resolver: what this identifier is, its equivalents across
// CloudFormation / Terraform / IAM / SDKs, the service, and the user's notes about it.
import type { AwsData } from '../data/awsData';
import type { CoreContext } from '../context';
import { localize, type Locale } from '../l10n';
import { M } from '../messages';
import type { Identity } from '../recognize/identities';
import { cfnDocUrl, terraformRegistryUrl } from './awsLinks';
import { serviceSummary } from './serviceSummary';

export function identityHoverMarkdown(identity: Identity, ctx: CoreContext): string | undefined {
  const service = ctx.data.service(identity.serviceId);
  if (!service) return undefined;
  const parts: string[] = [];
  const about = describeIdentity(identity, ctx.data, ctx.locale, service.name);
  if (about) parts.push(about, '---');
  parts.push(serviceSummary(service, ctx.locale));
  const notes = ctx.notes.notesMarkdownForService(service.id);
  if (notes) parts.push('---', notes);
  return parts.join('\n\n');
}

function describeIdentity(identity: Identity, data: AwsData, locale: Locale, serviceName: string): string | undefined {
  switch (identity.kind) {
    case 'cfnType':
      return describeCfnType(identity.text, data, locale);
    case 'tfType':
      return describeTfType(identity.text, data, locale);
    case 'iamAction':
      return describeIamAction(identity.text, data, locale);
    case 'arn':
      return `\`${truncate(identity.text, 80)}\` — ${localize(locale, M.arn, { service: serviceName })}`;
    case 'principal':
      return `\`${identity.text}\` — ${localize(locale, M.servicePrincipal, { service: serviceName })}`;
    case 'boto3':
      return `\`${identity.text}\` — ${localize(locale, M.boto3Client, { service: serviceName })}`;
    case 'jsPackage':
      return `\`${identity.text}\` — ${localize(locale, M.jsPackage, { service: serviceName })}`;
    case 'jsClient':
      return `\`${identity.text}\` — ${localize(locale, M.jsClient, { service: serviceName })}`;
    default:
      return undefined;
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

export function describeCfnType(cfnType: string, data: AwsData, locale: Locale): string {
  const type = data.cfnType(cfnType);
  const lines = [`**\`${cfnType}\`** — ${localize(locale, M.cfnType)}`];
  if (type?.description) lines.push('', type.description);
  lines.push('', `${localize(locale, M.terraform)}: ${terraformEquivalents(cfnType, data, locale)}`);
  if (type) {
    const required = Object.entries(type.properties).filter(([, p]) => p.required).map(([name]) => `\`${name}\``);
    lines.push('', `${localize(locale, M.requiredProperties)}: ${required.length ? required.join(', ') : localize(locale, M.none)}`);
    if (type.attributes.length) lines.push('', `${localize(locale, M.attributes)}: ${type.attributes.slice(0, 12).map((a) => `\`${a}\``).join(', ')}`);
  }
  lines.push('', `[${localize(locale, M.docs)}](${type?.docUrl ?? cfnDocUrl(cfnType)})`);
  return lines.join('\n');
}

export function terraformEquivalents(cfnType: string, data: AwsData, locale: Locale): string {
  const mapping = data.mappingForCfn(cfnType);
  if (!mapping) return localize(locale, M.noTfEquivalent);
  const links = mapping.tf.map((tf) => `[\`${tf}\`](${terraformRegistryUrl(tf)})`);
  if (mapping.awscc) links.push(`[\`${mapping.awscc}\`](${terraformRegistryUrl(mapping.awscc)})`);
  const text = links.length ? links.join(' · ') : localize(locale, M.noTfEquivalent);
  return mapping.note ? `${text} — ${mapping.note}` : text;
}

export function describeTfType(tfType: string, data: AwsData, locale: Locale): string {
  const resource = data.tfResource(tfType);
  const dataSource = resource ? undefined : data.tfDataSource(tfType);
  const kind = resource || tfType.startsWith('awscc_') ? 'resource' : 'data';
  const label = kind === 'resource' ? M.tfResource : M.tfDataSource;
  const lines = [`**\`${tfType}\`** — ${localize(locale, label)}`];
  const described = resource ?? dataSource;
  if (described?.description) lines.push('', described.description);
  const cfn = data.cfnForTf(tfType);
  if (cfn.length) lines.push('', `${localize(locale, M.cloudFormation)}: ${cfn.map((c) => `\`${c}\``).join(' · ')}`);
  if (described) {
    const required = Object.entries(described.args).filter(([, a]) => a.required).map(([name]) => `\`${name}\``);
    if (kind === 'resource') lines.push('', `${localize(locale, M.requiredArguments)}: ${required.length ? required.join(', ') : localize(locale, M.none)}`);
  }
  lines.push('', `[${localize(locale, M.registry)}](${terraformRegistryUrl(tfType, kind)})`);
  return lines.join('\n');
}

export function describeIamAction(text: string, data: AwsData, locale: Locale): string {
  const [prefix, action] = text.split(':');
  const actions = data.iamActions(prefix) ?? {};
  if (!action.includes('*')) {
    const known = Object.entries(actions).find(([name]) => name.toLowerCase() === action.toLowerCase());
    const head = `**\`${text}\`** — ${localize(locale, M.iamAction)}`;
    if (!known) return head;
    return `${head} (${localize(locale, M.accessLevel)}: ${known[1].accessLevel})\n\n${known[1].description}`;
  }
  const pattern = new RegExp(`^${action.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  const matching = Object.keys(actions).filter((name) => pattern.test(name)).sort();
  const list = matching.slice(0, 10).map((name) => `\`${name}\``).join(', ') + (matching.length > 10 ? ', …' : '');
  return `**${localize(locale, M.iamActions, { pattern: text, count: matching.length })}**${matching.length ? `\n\n${list}` : ''}`;
}

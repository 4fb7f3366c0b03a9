// The service block shared by every hover: official name, short name, one-liner, identities.
import type { ServiceEntry } from '../data/types';
import { localize, type Locale } from './l10n';
import { M } from './messages';

/** "**Amazon Simple Queue Service** (SQS)". */
export function serviceTitle(service: ServiceEntry): string {
  const short = service.shortNames.find((n) => n !== service.name && !n.startsWith('AWS ') && !n.startsWith('Amazon ')) ?? service.shortNames[0];
  return short && short !== service.name ? `**${service.name}** (${short})` : `**${service.name}**`;
}

export function serviceSummary(service: ServiceEntry, locale: Locale, options: { title?: boolean } = {}): string {
  const description = (locale === 'ja' && service.description.ja) || service.description.en;
  const ids: string[] = [];
  const code = (values: string[]) => values.map((v) => `\`${v}\``).join(', ');
  if (service.iamPrefixes.length) ids.push(`${localize(locale, M.iam)} ${code(service.iamPrefixes)}`);
  if (service.cfnNamespaces.length) ids.push(`${localize(locale, M.cloudFormation)} ${code(service.cfnNamespaces.map((n) => `${n}::*`))}`);
  const tf = [...service.tfPrefixes.slice(0, 4).map((p) => (p.endsWith('_') ? `${p}*` : p)), ...service.awsccPrefixes.slice(0, 1).map((p) => `${p}*`)];
  if (tf.length) ids.push(`${localize(locale, M.terraform)} ${code(tf)}`);
  if (service.boto3.length) ids.push(`${localize(locale, M.boto3)} ${code(service.boto3.map((b) => `client("${b}")`))}`);
  if (service.jsSdk.length) ids.push(`${localize(locale, M.jsSdk)} ${code(service.jsSdk.map((j) => j.client))}`);
  if (service.principals.length) ids.push(`${localize(locale, M.principal)} ${code(service.principals.slice(0, 2))}`);
  const lines: string[] = [];
  if (options.title !== false) lines.push(serviceTitle(service));
  if (description) lines.push('', description);
  if (ids.length) lines.push('', ids.join(' · '));
  if (service.docUrl && /^https:\/\//.test(service.docUrl)) lines.push('', `[${localize(locale, M.docs)}](${service.docUrl})`);
  return lines.join('\n').replace(/^\n+/, '');
}

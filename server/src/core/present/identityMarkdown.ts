// The hover Markdown of any AWS identifier the recogniser finds: what this identifier is, its equivalents across
// CloudFormation / Terraform / IAM / SDKs, the service, and the user's notes about it.
import type { AwsData } from '../data/awsData';
import type { TypeMapping } from '../data/types';
import type { CoreContext } from '../context';
import { localize, type Locale, type Text } from './l10n';
import { localizeMarkdown } from './markdownMessage';
import { inlineCode } from './sanitize';
import { M } from './messages';
import { cfnEquivalence, classifyCfnType, samPolicyActions, tfEquivalence, type CfnEquivalence } from '../knowledge';
import type { Identity } from '../recognize/identities';
import { cfnDocUrl, terraformRegistryUrl } from './awsLinks';
import { notesFirst, type HoverParts } from './hoverLayout';
import { serviceSummary, serviceTitle } from './serviceSummary';

export function identityHoverMarkdown(identity: Identity, ctx: CoreContext): string | undefined {
  const service = ctx.data.service(identity.serviceId);
  if (!service) return undefined;
  const { locale, data } = ctx;
  const notes = ctx.notes.notesMarkdown(ctx.notes.forIdentity(identity));
  if (identity.kind === 'service') return notesFirst(serviceTitle(service), notes, [serviceSummary(service, locale, { title: false })]);
  const { head, details } = describeIdentity(identity, data, locale, service.name);
  return notesFirst(head, notes, [details, serviceSummary(service, locale)]);
}

function describeIdentity(identity: Identity, data: AwsData, locale: Locale, serviceName: string): HoverParts {
  // Identity texts come from the document (an ARN is matched loosely): shown through the sanitiser.
  const one = (label: string): HoverParts => ({ head: `**${inlineCode(truncate(identity.text, 80))}** — ${label}`, details: '' });
  switch (identity.kind) {
    case 'cfnType':
      return cfnTypeParts(identity.text, data, locale);
    case 'tfType':
      return tfTypeParts(identity.text, data, locale);
    case 'iamAction':
      return iamActionParts(identity.text, data, locale);
    case 'arn':
      return one(localize(locale, M.arn, { service: serviceName }));
    case 'principal':
      return one(localize(locale, M.servicePrincipal, { service: serviceName }));
    case 'boto3':
      return one(localize(locale, identity.boto3Resource ? M.boto3Resource : M.boto3Client, { service: serviceName }));
    case 'jsPackage':
      return one(localize(locale, M.jsPackage, { service: serviceName }));
    case 'jsClient':
      return one(localize(locale, M.jsClient, { service: serviceName }));
    case 'boto3Method':
    case 'sdkCommand': {
      // The operation is allowed by the IAM action of the same name: say so, with its access level and description.
      const label = localize(locale, identity.kind === 'boto3Method' ? M.boto3Method : M.sdkCommand, { service: serviceName });
      const operation = identity.operation ? ` · ${localize(locale, M.apiOperation)} \`${identity.operation}\`` : '';
      if (!identity.action) return { head: `${one(label).head}${operation} · ${localize(locale, M.iam)}: ${localize(locale, M.noSameNameAction)}`, details: '' };
      const action = iamActionParts(identity.action, data, locale);
      return { head: `${one(label).head}${operation} · ${localize(locale, M.iam)}: ${action.head}`, details: action.details };
    }
    case 'samPolicy':
      return { head: one(localize(locale, M.samPolicyTemplate, { service: serviceName })).head, details: samPolicyDetails(identity.text, data, locale) };
    default:
      return one(serviceName);
  }
}

/** The actions a SAM policy template grants (SAM's own policy_templates.json), its description and parameters. */
function samPolicyDetails(name: string, data: AwsData, locale: Locale): string {
  const template = data.samPolicyTemplate(name);
  const params = template?.params ?? data.sdk()?.samPolicyTemplate(name)?.params ?? [];
  const lines: string[] = [];
  if (template) {
    const actions = samPolicyActions(template);
    const shown = actions.slice(0, MAX_SAM_ACTIONS).map((a) => inlineCode(a)).join(', ');
    const more = actions.length > MAX_SAM_ACTIONS ? ` ${localize(locale, M.samMoreActions, { count: actions.length - MAX_SAM_ACTIONS })}` : '';
    const label = actions.length === 1 ? localize(locale, M.samGrantsOne) : localize(locale, M.samGrants, { count: actions.length });
    lines.push(`${label}: ${shown}${more}`);
    if (template.description) lines.push(template.description);
  }
  if (params.length) lines.push(`${localize(locale, M.parameters)}: ${params.map((p) => `\`${p}\``).join(', ')}`);
  // Without the data the link is where the actions are; with it, the reference page.
  lines.push(`[${localize(locale, template ? M.samTemplateListLink : M.samTemplateList)}](${SAM_POLICY_TEMPLATES_URL})`);
  return lines.join('\n\n');
}

const MAX_SAM_ACTIONS = 20;
const SAM_POLICY_TEMPLATES_URL = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html';

function truncate(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

export function describeCfnType(cfnType: string, data: AwsData, locale: Locale): string {
  const { head, details } = cfnTypeParts(cfnType, data, locale);
  return details ? `${head}\n\n${details}` : head;
}

/** One line (name, kind, Terraform equivalents) and the rest (description, required properties, attributes, docs). */
export function cfnTypeParts(cfnType: string, data: AwsData, locale: Locale): HoverParts {
  const type = data.cfnType(cfnType);
  const head = `**\`${cfnType}\`** — ${localize(locale, M.cfnType)} · ${localize(locale, M.terraform)}: ${terraformEquivalents(cfnType, data, locale)}`;
  const lines: string[] = [];
  if (type?.description) lines.push(type.description);
  if (type) {
    const required = Object.entries(type.properties).filter(([, p]) => p.required).map(([name]) => `\`${name}\``);
    lines.push(`${localize(locale, M.requiredProperties)}: ${required.length ? required.join(', ') : localize(locale, M.none)}`);
    if (type.attributes.length) lines.push(`${localize(locale, M.attributes)}: ${type.attributes.slice(0, 12).map((a) => `\`${a}\``).join(', ')}`);
  }
  lines.push(`[${localize(locale, M.docs)}](${type?.docUrl ?? cfnDocUrl(cfnType)})`);
  return { head, details: lines.join('\n\n') };
}

export function terraformEquivalents(cfnType: string, data: AwsData, locale: Locale): string {
  const eq = cfnEquivalence(data, cfnType);
  // The provenance belongs to the hashicorp/aws pair; the awscc name follows from the provider's naming rule.
  const links = eq.tf.map((tf) => `[\`${tf}\`](${terraformRegistryUrl(tf)})`);
  if (links.length) links[links.length - 1] += ` (${provenanceText(eq, locale)})`;
  if (eq.awscc) links.push(`[\`${eq.awscc}\`](${terraformRegistryUrl(eq.awscc)})`);
  const text = links.length ? links.join(' · ') : localize(locale, M.noTfEquivalent);
  return eq.note ? `${text} — ${eq.note}` : text;
}

/** "reviewed", or "matched by name and schema: same name…, 4 of 4 properties…, 2 of 2 required…". */
export function provenanceText(eq: Pick<CfnEquivalence, 'provenance'>, locale: Locale): string {
  const p = eq.provenance;
  if (!p || p.source === 'reviewed') return localize(locale, M.tfReviewed);
  const e = p.evidence;
  const parts = [evidenceText(e, locale), localize(locale, M.tfEvidenceProps, { n: e.props[0], d: e.props[1] })];
  if (e.required[1]) parts.push(localize(locale, M.tfEvidenceRequired, { n: e.required[0], d: e.required[1] }));
  return `${localize(locale, M.tfDerived)}: ${parts.join(', ')}`;
}

/** How a derived pair was matched: by analogy with a reviewed pair, as a general type, as an alias, or by name. */
function evidenceText(e: NonNullable<TypeMapping['evidence']>, locale: Locale): string {
  if (e.analogy) return localize(locale, M.tfEvidenceAnalogy, { pair: e.analogy });
  if (e.generalOf) return localize(locale, M.tfEvidenceGeneral, { tf: e.generalOf });
  if (e.aliasOf) return localize(locale, M.tfEvidenceAlias, { tf: e.aliasOf });
  return localize(locale, e.name === 1 ? M.tfEvidenceName : M.tfEvidenceNoName);
}

/** The label of each kind of type name that is no AWS specification type. */
const CLASS_LABELS: Partial<Record<ReturnType<typeof classifyCfnType>, Text>> = {
  custom: M.cfnCustomResource,
  module: M.cfnModule,
  thirdParty: M.cfnThirdParty,
  unknown: M.cfnUnknownType,
};

/** What a type name that is no AWS specification type is: said plainly, with no equivalent. */
export function cfnTypeClassText(cfnType: string, data: AwsData, locale: Locale): string | undefined {
  const label = CLASS_LABELS[classifyCfnType(data, cfnType)];
  return label && `**${inlineCode(truncate(cfnType, 80))}** — ${localize(locale, label)}`;
}

function tfTypeParts(tfType: string, data: AwsData, locale: Locale): HoverParts {
  const resource = data.tfResource(tfType);
  const dataSource = resource ? undefined : data.tfDataSource(tfType);
  const kind = resource || tfType.startsWith('awscc_') ? 'resource' : 'data';
  const label = kind === 'resource' ? M.tfResource : M.tfDataSource;
  const back = tfEquivalence(data, tfType);
  // No type names it: the types it was matched to from the Terraform side, with that evidence.
  const cfn = back.equivalent.length ? back.equivalent : (back.matched?.cfn ?? []);
  const how = back.matched && !back.equivalent.length ? ` (${provenanceText(back.matched, locale)})` : cfn.length === 1 ? ` (${provenanceText(cfnEquivalence(data, cfn[0]), locale)})` : '';
  const equivalents = cfn.length ? ` · ${localize(locale, M.cloudFormation)}: ${cfn.map((c) => `\`${c}\``).join(' · ')}${how}` : '';
  const head = `**\`${tfType}\`** — ${localize(locale, label)}${equivalents}`;
  const lines: string[] = [];
  const described = resource ?? dataSource;
  if (described?.description) lines.push(described.description);
  if (described) {
    const required = Object.entries(described.args).filter(([, a]) => a.required).map(([name]) => `\`${name}\``);
    if (kind === 'resource') lines.push(`${localize(locale, M.requiredArguments)}: ${required.length ? required.join(', ') : localize(locale, M.none)}`);
  }
  lines.push(`[${localize(locale, M.registry)}](${terraformRegistryUrl(tfType, kind)})`);
  return { head, details: lines.join('\n\n') };
}

function iamActionParts(text: string, data: AwsData, locale: Locale): HoverParts {
  const [prefix, action] = text.split(':');
  const actions = data.iamActions(prefix) ?? {};
  if (!action.includes('*')) {
    const known = Object.entries(actions).find(([name]) => name.toLowerCase() === action.toLowerCase());
    const head = `**\`${text}\`** — ${localize(locale, M.iamAction)}`;
    if (!known) return { head, details: '' };
    return { head: `${head} (${localize(locale, M.accessLevel)}: ${known[1].accessLevel})`, details: known[1].description };
  }
  const pattern = new RegExp(`^${action.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  const matching = Object.keys(actions).filter((name) => pattern.test(name)).sort();
  const list = matching.slice(0, 10).map((name) => `\`${name}\``).join(', ') + (matching.length > 10 ? ', …' : '');
  return { head: `**${localizeMarkdown(locale, M.iamActions, { pattern: text, count: matching.length })}**`, details: list };
}

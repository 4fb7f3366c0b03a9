// Derives CloudFormation -> hashicorp/aws type equivalents from evidence, for types the reviewed table does not
// cover. Runs at generation time (scripts/gen-data/mapping.mjs) and in the held-out test; never at run time.
// Evidence: the provider's naming (service prefixes, resource words), the schema of both sides (property names
// in snake_case vs argument names, required sets, attributes), and conventions learned from the reviewed pairs
// (which Terraform "service" a CloudFormation service's types live in, e.g. EC2 -> vpc).
import type { TypeEvidence } from '../data/types';
import { fnv1a32 } from '../text/hash';
import { singular, snakeCase } from './naming';

export interface DeriveCfnType {
  service: string;
  properties: Record<string, { required?: boolean }>;
  attributes: string[];
}
export interface DeriveTfType {
  service: string;
  args: Record<string, { required?: boolean }>;
  attrs?: string[];
}
export interface DeriveService {
  id: string;
  tfPrefixes: string[];
}
export interface DeriveInput {
  cfnTypes: Record<string, DeriveCfnType>;
  tfResources: Record<string, DeriveTfType>;
  services: DeriveService[];
  /** Reviewed CFN type -> Terraform types (primary first): learned from, never overridden. */
  reviewed: Record<string, { tf: string[] }>;
}

/** Why a pair was matched: shown in the hover and kept in data/mapping.json (the data's TypeEvidence). */
export type MatchEvidence = TypeEvidence;

export interface DerivedEquivalent {
  tf: string;
  score: number;
  evidence: MatchEvidence;
}

/**
 * Accept threshold, chosen on the reviewed table with each quarter hidden in turn (`npm run eval:equivalents`):
 * pooled precision peaks at 0.5-0.55 (99.5 %; its two errors are exact names the review overrides:
 * IAM::Policy -> aws_iam_policy, DynamoDB::GlobalTable) and falls below 0.5 (0.45: 99.2 %, 0.4: 98.9 %), while
 * recall falls above it (95.4 % at 0.5, 95.1 % at 0.55, 94.6 % at 0.6). A schema-only match (MicrosoftAD ->
 * aws_directory_service_directory) clears 0.5 with most properties and the required arguments shared; an exact
 * provider name clears it always.
 */
export const DERIVE_THRESHOLD = 0.5;
/** The best candidate must beat the runner-up by this much, or the answer is ambiguous and withheld. */
export const DERIVE_MARGIN = 0.05;

const IGNORED_ARGS = new Set(['id', 'region', 'tags_all']);

function words(snake: string): string[] {
  return snake.split('_').filter(Boolean).map((w) => stem(singular(w)));
}

/**
 * One form for the inflections a name and its counterpart spell differently (ScheduledAction / schedule,
 * AggregationAuthorization / aggregate_authorization, Association / associate): a verb ending is cut when
 * four letters or more remain. Both sides are compared in this form only, so the cut never has to be a word.
 */
export function stem(w: string): string {
  for (const end of ['ion', 'ing', 'ed', 'e']) if (w.endsWith(end) && w.length - end.length >= 4) return w.slice(0, -end.length);
  return w;
}

/** Name evidence: 1 when <service prefix><resource> spells the Terraform name (ignoring underscores, with or
 * without words of the service's own name), else the best word overlap after a prefix. */
function nameEvidence(tf: string, prefixes: string[], forms: string[][], nsHead: string): number {
  // Compared word by word in singular form on both sides (VPCDHCPOptionsAssociation = aws_vpc_dhcp_options_association).
  const flat = words(tf).join('');
  // aws_route53_resolver_firewall_domain_list spells Route53Resolver::FirewallDomainList without a listed prefix.
  for (const form of forms) if (flat === nsHead + form.join('')) return 1;
  let best = 0;
  for (const p of prefixes) {
    if (!tf.startsWith(p)) continue;
    const head = words(p).join('');
    const rest = words(tf.slice(p.length));
    for (const form of forms) {
      if (flat === head + form.join('')) return 1;
      if (form.length) best = Math.max(best, dice(form, rest));
      // The provider's abbreviations: a word cut short (app, config) or the initials of words (lb).
      if (form.length && abbreviates(rest, form)) best = Math.max(best, ABBREVIATED);
    }
  }
  return best;
}

/** Name evidence of a Terraform name that spells the resource words abbreviated (CodeDeploy::Application ->
 * aws_codedeploy_app, LoadBalancer -> aws_lb): below an exact name, and treated as consistent by plausible(). */
const ABBREVIATED = 0.9;

function abbreviates(tf: string[], cfn: string[]): boolean {
  if (tf.join('') === cfn.join('')) return false;
  const go = (i: number, j: number): boolean => {
    if (i === tf.length || j === cfn.length) return i === tf.length && j === cfn.length;
    const w = tf[i];
    if (w === cfn[j] || (w.length >= 3 && cfn[j].startsWith(w))) return go(i + 1, j + 1);
    for (let k = 2; k <= Math.min(4, cfn.length - j); k++) if (w === cfn.slice(j, j + k).map((x) => x[0]).join('')) return go(i + 1, j + k);
    return false;
  };
  return go(0, 0);
}

function dice(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const rest = [...b];
  let common = 0;
  for (const w of a) {
    const i = rest.indexOf(w);
    if (i >= 0) {
      common++;
      rest.splice(i, 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** The argument names a property may become under the provider's usual conventions. */
export function argumentCandidates(property: string, resource = ''): string[] {
  const s = snakeCase(property);
  // The type's leading words repeated on a property (DBInstanceClass on DBInstance, DBClusterIdentifier) are
  // left out by the provider: instance_class, cluster_identifier.
  const lead = snakeCase(resource).split('_')[0];
  const stripped = lead && s.startsWith(`${lead}_`) ? [s.slice(lead.length + 1)] : [];
  const out = [s, ...stripped, singular(s), s.replace(/_name$/, ''), s.replace(/_document$/, ''), `${s}_seconds`, s.replace(/_period$/, '_seconds'), s.replace(/_in_seconds$/, '_seconds')];
  if (/Name$/.test(property)) out.push('name');
  if (/Description$/.test(property)) out.push('description');
  if (/Arn$/.test(property)) out.push(s.replace(/_arn$/, '_id'), s.replace(/_arn$/, ''));
  if (/Id$/.test(property)) out.push(s.replace(/_id$/, '_arn'), s.replace(/_id$/, ''));
  if (/^Tags$/.test(property)) out.push('tags');
  // A reference named by its noun alone (Cluster) is the argument that names its kind (cluster_name, _id, _arn).
  if (!/(Name|Id|Arn)$/.test(property)) out.push(`${s}_name`, `${s}_id`, `${s}_arn`);
  return out;
}

function schemaEvidence(cfn: DeriveCfnType, tf: DeriveTfType, resourceName = ''): Omit<MatchEvidence, 'name'> {
  const args = Object.keys(tf.args).filter((a) => !IGNORED_ARGS.has(a));
  const argSet = new Set(args);
  // One word in one provider, two in the other (AutoScalingGroupName / autoscaling_group_name): compared
  // without word breaks when no candidate is an argument as spelled.
  const joined = new Map(args.map((a) => [a.replace(/_/g, ''), a]));
  const hit = new Set<string>();
  let props = 0;
  for (const property of Object.keys(cfn.properties)) {
    const candidates = argumentCandidates(property, resourceName);
    const found = candidates.find((c) => argSet.has(c)) ?? candidates.map((c) => joined.get(c.replace(/_/g, ''))).find(Boolean);
    if (found) {
      props++;
      hit.add(found);
    }
  }
  // A required argument naming the resource itself (scheduled_action_name) is the physical name CloudFormation
  // generates when no property gives it: not evidence against the pair when no property matches it.
  const ownName = words(snakeCase(resourceName)).join('') + 'name';
  const required = args.filter((a) => tf.args[a].required && (hit.has(a) || words(a).join('') !== ownName));
  const attrNames = new Set([...(tf.attrs ?? []), ...args]);
  const attrs = cfn.attributes.filter((a) => {
    const s = snakeCase(a.replace(/\./g, '_'));
    return attrNames.has(s) || attrNames.has(s.replace(/^.*_(arn|id|name)$/, '$1'));
  }).length;
  return {
    props: [props, Object.keys(cfn.properties).length],
    required: [required.filter((a) => hit.has(a)).length, required.length],
    attrs: [attrs, cfn.attributes.length],
  };
}

const ratio = ([n, d]: [number, number], empty: number) => (d ? n / d : empty);

/**
 * One number from the evidence. The provider's name for the resource (its service prefix + the resource words)
 * weighs most; the schema confirms it or, when the names differ (SimpleAD -> aws_directory_service_directory),
 * must carry the match alone. A name match whose schema plainly disagrees (3+ properties, under a fifth
 * shared) is pulled below the threshold. An exact name always clears it:
 * the provider's naming convention is the strongest evidence there is (wrapper properties such as
 * Budget.Budget leave the schema nothing to compare).
 */
export function scoreEvidence(e: MatchEvidence, tfArgCount: number): number {
  const props = ratio(e.props, 0);
  // Share of the Terraform side explained too, so a tiny resource sharing `name` does not match a big type.
  const cover = tfArgCount ? Math.min(1, e.props[0] / tfArgCount) : 0;
  const required = ratio(e.required, 0.5);
  const attrs = ratio(e.attrs, 0.5);
  const schema = 0.55 * props + 0.15 * cover + 0.2 * required + 0.1 * attrs;
  if (e.name === 1) return 0.62 + 0.38 * schema;
  const contradicts = e.props[1] >= 3 && props < 0.2 ? 0.3 : 0;
  return 0.3 * e.name + 0.7 * schema - contradicts;
}

export interface DeriveResult {
  /** Accepted matches. */
  matches: Record<string, DerivedEquivalent>;
  /** Best candidate per type whether accepted or not (for evaluation and threshold choice). */
  best: Record<string, { first?: DerivedEquivalent; second?: DerivedEquivalent }>;
}

/** Derives equivalents for `targets` (default: every non-reviewed, non-SAM AWS type). */
export function deriveTypeEquivalents(input: DeriveInput, targets?: string[], threshold = DERIVE_THRESHOLD, reverse?: ReverseSink): DeriveResult {
  const prefixesOf = new Map(input.services.map((s) => [s.id, s.tfPrefixes]));
  const tfByService = new Map<string, string[]>();
  for (const [name, t] of Object.entries(input.tfResources)) {
    const list = tfByService.get(t.service) ?? [];
    list.push(name);
    tfByService.set(t.service, list);
  }
  // Conventions learned from the reviewed pairs: which Terraform services a CloudFormation service's types use.
  const linked = new Map<string, Set<string>>();
  for (const [cfn, m] of Object.entries(input.reviewed)) {
    const cs = input.cfnTypes[cfn]?.service;
    const ts = m.tf[0] ? input.tfResources[m.tf[0]]?.service : undefined;
    if (!cs || !ts) continue;
    const set = linked.get(cs) ?? new Set([cs]);
    set.add(ts);
    linked.set(cs, set);
  }
  // How often each two-word Terraform prefix (aws_lb_, aws_alb_) names a reviewed primary.
  const prefixCount = new Map<string, number>();
  const prefixKey = (tf: string) => tf.split('_').slice(0, 2).join('_');
  for (const m of Object.values(input.reviewed)) if (m.tf[0]) prefixCount.set(prefixKey(m.tf[0]), (prefixCount.get(prefixKey(m.tf[0])) ?? 0) + 1);
  const prefixUse = (tf: string) => prefixCount.get(prefixKey(tf)) ?? 0;
  // Resource words the provider tends to drop
  // (DBCluster -> aws_neptune_cluster): dropped in at least 3 reviewed pairs and kept in fewer.
  const dropped = new Map<string, number>();
  const kept = new Map<string, number>();
  for (const [cfn, m] of Object.entries(input.reviewed)) {
    const res = cfn.split('::')[2];
    if (!m.tf[0] || !res) continue;
    const tfw = new Set(words(m.tf[0]));
    for (const w of words(snakeCase(res))) (tfw.has(w) ? kept : dropped).set(w, ((tfw.has(w) ? kept : dropped).get(w) ?? 0) + 1);
  }
  const droppable = new Set([...dropped].filter(([w, n]) => n >= 3 && n > (kept.get(w) ?? 0)).map(([w]) => w));
  // Head nouns (the last word of the CloudFormation name) the reviewed primaries leave out (Attachment).
  const headDropped = new Map<string, number>();
  for (const [cfn, m] of Object.entries(input.reviewed)) {
    const res = cfn.split('::')[2];
    if (!m.tf[0] || !res) continue;
    const head = words(snakeCase(res)).pop();
    if (head && !words(m.tf[0]).includes(head)) headDropped.set(head, (headDropped.get(head) ?? 0) + 1);
  }
  const droppableHeads = new Set([...headDropped].filter(([, n]) => n >= 2).map(([w]) => w));
  const { learnedPrefixes, analogies } = learnConventions(input, prefixesOf);
  const tfNames = Object.keys(input.tfResources);
  const names = targets ?? Object.keys(input.cfnTypes).filter((n) => n.startsWith('AWS::') && !n.startsWith('AWS::Serverless::') && !input.reviewed[n]);
  const matches: Record<string, DerivedEquivalent> = {};
  const best: DeriveResult['best'] = {};
  for (const cfnName of names) {
    const cfn = input.cfnTypes[cfnName];
    if (!cfn) continue;
    const [, namespace, resource] = cfnName.split('::');
    if (!resource) continue;
    const services = linked.get(cfn.service) ?? new Set([cfn.service]);
    const ns = namespace.toLowerCase();
    // A word of the service's own name adds nothing (DocDB::DBCluster -> aws_docdb_cluster).
    const resWords = words(snakeCase(resource));
    const trimmed = resWords.filter((w) => !ns.includes(w));
    const scored: DerivedEquivalent[] = [];
    const forms = [resWords, trimmed, resWords.filter((w) => !droppable.has(w)), trimmed.filter((w) => !droppable.has(w))];
    // The same resource name spelled as another namespace's reviewed counterpart spells it (DocDB::DBInstance ->
    // aws_docdb_cluster_instance, so Neptune::DBInstance -> aws_neptune_cluster_instance).
    // A longer name may start with it (DocDB::DBCluster -> cluster, so RDS::DBClusterParameterGroup ->
    // cluster_parameter_group).
    const analogous = analogiesFor(analogies, resWords, ns);
    const plainForms = forms.slice();
    const prefixes = ['aws_', `aws_${ns}_`, ...(prefixesOf.get(cfn.service) ?? []), ...(learnedPrefixes.get(ns) ?? [])];
    // Same (or reviewed-linked) service, plus any resource spelled aws_<namespace>... (aws_ecrpublic_ for ECR).
    const candidates = new Set<string>();
    const restWords = new Map<string, string[]>();
    const restAlts = new Map<string, string[][]>();
    for (const service of services) for (const tf of tfByService.get(service) ?? []) candidates.add(tf);
    for (const tf of tfNames) if (tf.slice(4).replace(/_/g, '').startsWith(ns) || (learnedPrefixes.get(ns) ?? []).some((p) => tf.startsWith(p))) candidates.add(tf);
    const nsHead = words(`aws_${ns}`).join('');
    const ownPrefixes = (tf: string) => [...prefixes, ...(prefixesOf.get(input.tfResources[tf].service) ?? [])].map((p) => (p.endsWith('_') ? p : `${p}_`));
    // An analogy only speaks when the type's own name spells no resource (RDS::DBInstance is aws_db_instance,
    // whatever DocDB does).
    if (![...candidates].some((tf) => nameEvidence(tf, ownPrefixes(tf), plainForms, nsHead) === 1)) forms.push(...analogous.map((a) => a.words));
    for (const tf of candidates) {
      const own = ownPrefixes(tf);
      const name = nameEvidence(tf, own, forms, nsHead);
      const analogy = name === 1 && forms.length > plainForms.length && nameEvidence(tf, own, plainForms, nsHead) < 1 ? analogous.find((a) => nameEvidence(tf, own, [a.words], nsHead) === 1) : undefined;
      // The words after each prefix the name has, longest prefix first: a long service prefix may hold words of
      // the type's own name (aws_ec2_transit_gateway_ for EC2::TransitGatewayAttachment).
      const alts = own.filter((p) => tf.startsWith(p) && p.length < tf.length).sort((a, b) => b.length - a.length).map((p) => words(tf.slice(p.length)));
      restWords.set(tf, alts[0] ?? words(tf.slice(4)));
      restAlts.set(tf, alts.length ? alts : [words(tf.slice(4))]);
      const schema = schemaEvidence(cfn, input.tfResources[tf], resource);
      const evidence: MatchEvidence = { name: Math.round(name * 100) / 100, ...schema, ...(analogy ? { analogy: analogy.example } : {}) };
      const argCount = Object.keys(input.tfResources[tf].args).filter((a) => !IGNORED_ARGS.has(a)).length;
      // Of two exact names (aws_s3_bucket_policy, aws_s3control_bucket_policy) the namespace's own prefix wins.
      const usual = name === 1 && forms.some((f) => words(tf).join('') === words(`aws_${ns}`).join('') + f.join('')) ? 0.1 : 0;
      scored.push({ tf, score: Math.round((scoreEvidence(evidence, argCount) + usual) * 1000) / 1000, evidence });
    }
    // The provider keeps old names as aliases with the same schema (aws_alb_listener = aws_lb_listener): of two
    // such, the one whose prefix the reviewed table uses stands; the alias neither wins nor blocks it.
    const argKey = (tf: string) => [tf.split('_').slice(2).join('_'), ...Object.keys(input.tfResources[tf].args).sort(), '|', ...(input.tfResources[tf].attrs ?? [])].join(',');
    // The provider's name first: an exact name outranks a closer schema under another name (EventBusPolicy ->
    // aws_cloudwatch_event_bus_policy, not aws_cloudwatch_event_permission).
    // ...unless no property at all is an argument of it (Redshift::Snapshot is no aws_redshiftserverless_snapshot).
    const exact = (d: DerivedEquivalent) => (d.evidence.name === 1 && (d.evidence.props[1] < 3 || d.evidence.props[0] > 0) ? 1 : 0);
    scored.sort((a, b) => exact(b) - exact(a) || b.score - a.score || prefixUse(b.tf) - prefixUse(a.tf) || a.tf.localeCompare(b.tf));
    const top = scored[0];
    if (top) for (let i = scored.length - 1; i > 0; i--) if (argKey(scored[i].tf) === argKey(top.tf)) scored.splice(i, 1);
    // Only candidates whose name could be this type compete: an implausible one neither wins nor blocks.
    const levelOf = (d: DerivedEquivalent) => {
      if (d.evidence.name === 1) return 'name';
      const levels = (restAlts.get(d.tf) ?? [[]]).map((rest) => plausible(d, rest, resWords, ns, droppable, droppableHeads));
      return levels.includes('name') ? 'name' : levels.includes('schema') ? 'schema' : false;
    };
    const level = new Map(scored.map((d) => [d, levelOf(d)]));
    // A name that could be this type outranks a schema that agrees under a name that could not
    // (DBProxyTargetGroup: aws_db_proxy_default_target_group before aws_db_proxy_target).
    const named = (d: DerivedEquivalent) => level.get(d) === 'name' && d.score >= threshold;
    const eligible = scored.filter(named).concat(scored.filter((d) => level.get(d) && !named(d)));
    const [first, second] = eligible;
    // Terraform -> CloudFormation: the same evidence, the name read from the Terraform side (its words must be
    // the type's, or its head noun kept with the schema agreeing).
    if (reverse) {
      for (const d of scored) {
        if (!reverse.targets.has(d.tf) || d.score < threshold) continue;
        // The Terraform head noun must be the type's own (aws_waf_rule_group is no WAF::Rule), and a reviewed
        // type's Terraform side is decided by its review (aws_lex_bot is Lex V1, not AWS::Lex::Bot).
        // Two exact names the forward direction could not tell apart (aws_lex_bot, aws_lexv2models_bot) stay unsaid.
        const tfWords = restWords.get(d.tf) ?? [];
        const [cfnHead, beforeHead] = [resWords[resWords.length - 1], resWords[resWords.length - 2]];
        const tfHead = tfWords[tfWords.length - 1];
        const sameHead = tfHead === cfnHead || (droppableHeads.has(cfnHead) && tfHead === beforeHead);
        // An exact name under another prefix, beside the type's own exact match, is another service's resource
        // (aws_redshiftserverless_usage_limit beside aws_redshift_usage_limit).
        const exactTaken = first && first.tf !== d.tf && first.evidence.name === 1 && d.evidence.name === 1;
        const ambiguous = first && second && first.evidence.name === 1 && second.evidence.name === 1 && first.score - second.score < DERIVE_MARGIN;
        if (input.reviewed[cfnName] || !sameHead || exactTaken || ambiguous) continue;
        const back = d.evidence.name === 1 ? 'name' : plausible(d, resWords, tfWords, ns, droppable, new Set());
        if (back) (reverse.found[d.tf] ??= []).push({ cfn: cfnName, tf: d.tf, score: d.score, evidence: d.evidence, level: back });
      }
    }
    best[cfnName] = { first: first ?? scored[0], second };
    // An exact name over an inexact one needs no margin; otherwise a close runner-up makes the answer ambiguous.
    // A match by schema (the name only half shared) must clear every other candidate, eligible or not, by twice
    // the margin: a similar resource under a sibling name (aws_image_builder for AppBlockBuilder) makes it a guess.
    const bySchema = first && level.get(first) === 'schema';
    const runnerUp = bySchema ? scored.find((d) => d !== first) : second;
    const margin = bySchema ? 2 * DERIVE_MARGIN : DERIVE_MARGIN;
    // Two candidates one word apart (ipv4 / ipv6, ingress / egress), neither word the type's: the type is both, and
    // choosing one would be a guess.
    const variant = first && eligible.some((d) => d !== first && first.score - d.score < 2 * DERIVE_MARGIN && oneWordApart(restWords.get(d.tf) ?? [], restWords.get(first.tf) ?? [], resWords));
    const clear = !variant && (!first || !runnerUp || first.score - runnerUp.score >= margin || (first.evidence.name === 1 && runnerUp.evidence.name < 1) || (named(first) && !named(runnerUp)));
    if (first && first.score >= threshold && clear) matches[cfnName] = first;
  }
  return { matches, best };
}

/**
 * Conventions read off the reviewed pairs. Prefixes: what a namespace's counterparts put before the resource
 * words (Logs::LogGroup -> aws_cloudwatch_log_group gives Logs the prefix aws_cloudwatch_). Analogies: a
 * resource name whose counterpart adds, drops or changes words (DocDB::DBInstance -> cluster_instance), so that
 * another namespace's type of that name (or of a name starting with it) can be spelled the same way.
 */
function learnConventions(input: DeriveInput, prefixesOf: Map<string, string[]>) {
  const learnedPrefixes = new Map<string, Map<string, number>>();
  const pairs: { ns: string; resource: string; tf: string; cfn: string; forms: string[][] }[] = [];
  for (const [cfn, m] of Object.entries(input.reviewed)) {
    const [vendor, namespace, resource] = cfn.split('::');
    const tf = m.tf[0];
    if (vendor !== 'AWS' || !resource || !tf || !input.cfnTypes[cfn]) continue;
    const ns = namespace.toLowerCase();
    const resWords = words(snakeCase(resource));
    const forms = [resWords, resWords.filter((w) => !ns.includes(w))].filter((f) => f.length);
    pairs.push({ ns, resource, tf, cfn, forms });
    const tokens = tf.split('_');
    const tfWords = words(tf);
    for (const f of forms) {
      if (tfWords.length <= f.length + 1 || tfWords.slice(-f.length).join(' ') !== f.join(' ')) continue;
      const prefix = `${tokens.slice(0, tokens.length - f.length).join('_')}_`;
      const seen = learnedPrefixes.get(ns) ?? new Map<string, number>();
      seen.set(prefix, (seen.get(prefix) ?? 0) + 1);
      learnedPrefixes.set(ns, seen);
      break;
    }
  }
  // A one-word prefix is a provider service (EC2::DHCPOptions -> aws_vpc_); a longer one seen once may hold a
  // word of that one name (CloudWatch::Alarm -> aws_cloudwatch_metric_alarm), so it must be seen twice.
  const prefixesLearned = new Map([...learnedPrefixes].map(([ns, seen]) => [ns, [...seen].filter(([p, n]) => n >= 2 || p.split('_').length === 3).map(([p]) => p)]));
  const analogies: Analogy[] = [];
  for (const { ns, tf, cfn, forms } of pairs) {
    const known = ['aws_', `aws_${ns}_`, ...(prefixesOf.get(input.cfnTypes[cfn].service) ?? []).map((p) => (p.endsWith('_') ? p : `${p}_`)), ...(prefixesLearned.get(ns) ?? [])];
    const prefix = known.filter((p) => tf.startsWith(p) && p.length < tf.length).reduce((a, b) => (b.length > a.length ? b : a), 'aws_');
    const rest = words(tf.slice(prefix.length));
    // Only a spelling the plain name does not already give is an analogy.
    // (A word of the namespace left out counts: DocDB::DBCluster -> cluster speaks for RDS and Neptune.)
    if (!rest.length || forms[0].join(' ') === rest.join(' ')) continue;
    analogies.push({ ns, from: forms[0], words: rest, example: `${cfn} -> ${tf}` });
  }
  return { learnedPrefixes: prefixesLearned, analogies };
}

function oneWordApart(a: string[], b: string[], own: string[]): boolean {
  if (a.length !== b.length) return false;
  const diff = a.map((w, i) => [w, b[i]]).filter(([x, y]) => x !== y);
  return diff.length === 1 && !own.includes(diff[0][0]) && !own.includes(diff[0][1]);
}

interface Analogy {
  ns: string;
  /** The resource words of the reviewed type. */
  from: string[];
  /** What its counterpart spells after the namespace's prefix. */
  words: string[];
  example: string;
}

/** The spellings other namespaces' reviewed pairs suggest for these resource words, whole or as their start. */
function analogiesFor(analogies: Analogy[], resWords: string[], ns: string): { words: string[]; example: string }[] {
  const out: { words: string[]; example: string }[] = [];
  for (const a of analogies) {
    if (a.ns === ns || a.from.length > resWords.length || a.from.some((w, i) => resWords[i] !== w)) continue;
    out.push({ words: [...a.words, ...resWords.slice(a.from.length)], example: a.example });
  }
  return out;
}

interface ReverseSink {
  targets: Set<string>;
  found: Record<string, (DerivedEquivalent & { cfn: string; level: 'name' | 'schema' })[]>;
}

export interface DerivedReverse {
  /** CloudFormation types, best first (several when they tie: aws_security_group_rule is ingress or egress). */
  cfn: string[];
  score: number;
  evidence: MatchEvidence;
}

/**
 * Terraform -> CloudFormation for hashicorp/aws resources that are no CloudFormation type's counterpart
 * (aws_rds_cluster_instance -> AWS::RDS::DBInstance). Many-to-one is the point: several Terraform resources may
 * stand for one type. `taken` holds every Terraform type some CloudFormation type already names.
 */
export function deriveTfToCfn(input: DeriveInput, taken: Set<string>, threshold = DERIVE_THRESHOLD): Record<string, DerivedReverse> {
  const targets = new Set(Object.keys(input.tfResources).filter((t) => !taken.has(t)));
  const sink: ReverseSink = { targets, found: {} };
  const all = Object.keys(input.cfnTypes).filter((n) => n.startsWith('AWS::') && !n.startsWith('AWS::Serverless::'));
  const { matches } = deriveTypeEquivalents(input, all, threshold, sink);
  // Each type's counterpart: its review, else what the same pass derived for it.
  const primaries: Record<string, string> = {};
  for (const [cfn, m] of Object.entries(input.reviewed)) if (m.tf[0]) primaries[cfn] = m.tf[0];
  for (const [cfn, m] of Object.entries(matches)) primaries[cfn] ??= m.tf;
  const out: Record<string, DerivedReverse> = {};
  for (const [tf, r] of Object.entries(reverseByConvention(input, targets, primaries, threshold))) if (!sink.found[tf]) out[tf] = r;
  for (const tf of Object.keys(sink.found).sort()) {
    const list = sink.found[tf].sort((a, b) => (b.evidence.name === 1 ? 1 : 0) - (a.evidence.name === 1 ? 1 : 0) || b.score - a.score || a.cfn.localeCompare(b.cfn));
    const [first] = list;
    // Same rule as the forward direction: a match by schema needs twice the margin over the next type,
    // unless the next ties it (then both are listed).
    const ties = list.filter((d) => first.score - d.score < 0.01 && d.level === first.level);
    const next = list.find((d) => !ties.includes(d));
    const margin = first.level === 'schema' ? 2 * DERIVE_MARGIN : DERIVE_MARGIN;
    if (next && first.score - next.score < margin && !(first.evidence.name === 1 && next.evidence.name < 1)) continue;
    out[tf] = { cfn: ties.map((d) => d.cfn).slice(0, 3), score: first.score, evidence: first.evidence };
  }
  return out;
}

/**
 * Terraform -> CloudFormation by the conventions the reviewed pairs show, for resources no type names, including
 * types whose own counterpart is reviewed:
 * - an analogy: RDS::DBInstance has aws_db_instance, but aws_rds_cluster_instance spells DBInstance the way
 *   DocDB and Neptune's reviewed pairs do (a DB instance in a cluster);
 * - a general form: aws_security_group_rule is aws_vpc_security_group_ingress_rule and ..._egress_rule with the
 *   distinguishing words left out, so it stands for both SecurityGroupIngress and SecurityGroupEgress;
 * - an alias: aws_alb_listener has aws_lb_listener's schema and resource words.
 */
function reverseByConvention(input: DeriveInput, targets: Set<string>, primaries: Record<string, string>, threshold: number): Record<string, DerivedReverse> {
  const prefixesOf = new Map(input.services.map((s) => [s.id, s.tfPrefixes]));
  const { learnedPrefixes, analogies } = learnConventions(input, prefixesOf);
  const found = new Map<string, DerivedEquivalent[]>();
  const consider = (tf: string, cfn: string, name: number, extra: Partial<MatchEvidence>) => {
    const evidence: MatchEvidence = { name, ...schemaEvidence(input.cfnTypes[cfn], input.tfResources[tf], cfn.split('::')[2]), ...extra };
    const argCount = Object.keys(input.tfResources[tf].args).filter((a) => !IGNORED_ARGS.has(a)).length;
    const score = Math.round(scoreEvidence(evidence, argCount) * 1000) / 1000;
    if (score < threshold) return;
    const list = found.get(tf) ?? [];
    list.push({ tf: cfn, score, evidence });
    found.set(tf, list);
  };
  const targetList = [...targets];
  for (const cfn of Object.keys(input.cfnTypes)) {
    const [vendor, namespace, resource] = cfn.split('::');
    if (vendor !== 'AWS' || namespace === 'Serverless' || !resource) continue;
    const ns = namespace.toLowerCase();
    const analogous = analogiesFor(analogies, words(snakeCase(resource)), ns);
    if (!analogous.length) continue;
    const prefixes = [`aws_${ns}_`, ...(prefixesOf.get(input.cfnTypes[cfn].service) ?? []), ...(learnedPrefixes.get(ns) ?? [])].map((p) => (p.endsWith('_') ? p : `${p}_`));
    const nsHead = words(`aws_${ns}`).join('');
    for (const tf of targetList) {
      if (!prefixes.some((p) => tf.startsWith(p))) continue;
      const a = analogous.find((x) => nameEvidence(tf, prefixes, [x.words], nsHead) === 1);
      if (a) consider(tf, cfn, 1, { analogy: a.example });
    }
  }
  const byService = new Map<string, string[]>();
  for (const tf of targetList) byService.set(input.tfResources[tf].service, [...(byService.get(input.tfResources[tf].service) ?? []), tf]);
  for (const [cfn, primary] of Object.entries(primaries)) {
    const pw = words(primary.slice(4));
    for (const tf of byService.get(input.tfResources[primary]?.service ?? '') ?? []) {
      const tw = words(tf.slice(4));
      // Two words at least (aws_vpc is no general form of every aws_vpc_* resource), at most two left out.
      if (tw.length < 2 || pw.length - tw.length < 1 || pw.length - tw.length > 2 || !subsequence(tw, pw)) continue;
      // The head noun stays (aws_lb_listener is no general form of aws_lb_listener_rule).
      if (tw[tw.length - 1] !== pw[pw.length - 1]) continue;
      consider(tf, cfn, Math.round(dice(tw, pw) * 100) / 100, { generalOf: primary });
    }
  }
  // The provider's aliases: the same schema under another service word, same resource words (aws_alb_listener
  // = aws_lb_listener, aws_elasticsearch_* = aws_opensearch_*). A word extending the other names a sub-API
  // (aws_s3control_bucket_policy is for S3 on Outposts), not an alias.
  const schemaKey = (tf: string) => [...Object.keys(input.tfResources[tf].args).sort(), '|', ...[...(input.tfResources[tf].attrs ?? [])].sort()].join(',');
  const byKey = new Map<string, string[]>();
  for (const [cfn, primary] of Object.entries(primaries)) {
    if (!input.tfResources[primary]) continue;
    const k = `${input.tfResources[primary].service}/${primary.split('_').slice(2).join('_')}/${schemaKey(primary)}`;
    byKey.set(k, [...(byKey.get(k) ?? []), cfn]);
  }
  for (const tf of targetList) {
    const k = `${input.tfResources[tf].service}/${tf.split('_').slice(2).join('_')}/${schemaKey(tf)}`;
    for (const cfn of byKey.get(k) ?? []) {
      const [a, b] = [tf.split('_')[1], primaries[cfn].split('_')[1]];
      if (a !== b && !a.startsWith(b) && !b.startsWith(a)) consider(tf, cfn, 1, { aliasOf: primaries[cfn] });
    }
  }
  const out: Record<string, DerivedReverse> = {};
  for (const [tf, list] of found) {
    // A general form stands for its variants only when there are several, one word apart (ingress / egress):
    // aws_s3control_access_point_policy is no general form of the one multi-region policy.
    const general = list.filter((d) => d.evidence.generalOf);
    const variants = general.length >= 2 && general.some((a) => general.some((b) => a !== b && oneWordApart(words(a.evidence.generalOf!.slice(4)), words(b.evidence.generalOf!.slice(4)), [])));
    if (!variants) list.splice(0, list.length, ...list.filter((d) => !d.evidence.generalOf));
    if (!list.length) continue;
    list.sort((a, b) => b.score - a.score || a.tf.localeCompare(b.tf));
    out[tf] = { cfn: [...new Set(list.map((d) => d.tf))].slice(0, 3), score: list[0].score, evidence: list[0].evidence };
  }
  return out;
}

function subsequence(short: string[], long: string[]): boolean {
  let i = 0;
  for (const w of long) if (w === short[i]) i++;
  return i === short.length;
}

/** Tokens the awscc provider keeps as one word when snake-casing resource names (its published exceptions). */
const AWSCC_WORDS: [string, string][] = [['CloudFront', 'Cloudfront'], ['CloudWatch', 'Cloudwatch'], ['CloudFormation', 'Cloudformation'], ['FSx', 'Fsx'], ['OAuth2', 'Oauth2'], ['OTel', 'Otel']];

/** awscc_<service>_<resource>: the service segment lower-cased whole, the resource snake-cased splitting acronyms. */
export function awsccName(cfnType: string): string | undefined {
  const [vendor, svc, res, extra] = cfnType.split('::');
  if (vendor !== 'AWS' || !svc || !res || extra !== undefined || svc === 'Serverless') return undefined;
  let r = res;
  for (const [from, to] of AWSCC_WORDS) r = r.split(from).join(to);
  const parts = r.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [r];
  const snakeRes = parts.map((w) => w.toLowerCase()).join('_').replace(/_(\d+)/g, '$1');
  return `awscc_${svc.toLowerCase()}_${snakeRes}`;
}

/**
 * An inexact name must not name a different thing: every word of the CloudFormation name is in the Terraform
 * name (DatabaseSnapshot, FlowAlias are not the database or the flow; DBClusterParameterGroup is not
 * aws_db_parameter_group; SmsTemplate is not aws_pinpoint_email_template), which may add up to two context
 * words (SecurityGroupIngress -> aws_vpc_security_group_ingress_rule). Otherwise only a schema that agrees
 * almost whole stands for the name (SimpleAD -> aws_directory_service_directory: 8 of 9 properties, both required).
 */
function plausible(d: DerivedEquivalent, tfWords: string[], resWords: string[], ns: string, droppable: Set<string>, droppableHeads: Set<string>): 'name' | 'schema' | false {
  const neutral = (w: string) => ns.includes(w) || droppable.has(w);
  const cfnExtra = resWords.filter((w) => !tfWords.includes(w) && !neutral(w));
  const tfExtra = tfWords.filter((w) => !resWords.includes(w) && !neutral(w));
  const consistent = (cfnExtra.length === 0 && tfExtra.length <= 2) || d.evidence.name === ABBREVIATED;
  const [p, pTotal] = d.evidence.props;
  const [r, rTotal] = d.evidence.required;
  // A name sharing half its words is enough when the schema agrees: most properties are arguments and every
  // required argument is a property (SubnetRouteTableAssociation -> aws_route_table_association,
  // FunctionConfiguration -> aws_appsync_function). The margin below still withholds two such candidates.
  const head = resWords[resWords.length - 1];
  // ...but the head noun must survive, or be one the reviewed primaries drop (DBProxyTargetGroup is no
  // aws_db_proxy_target; UserPoolUICustomizationAttachment is aws_cognito_user_pool_ui_customization).
  const headOk = tfWords.includes(head) || droppableHeads.has(head);
  // A word swapped for another (AppBlockBuilder / aws_appstream_image_builder, LogAlarm / metric_alarm) names a
  // sibling, not the same thing: words may only be left out.
  const swapped = cfnExtra.some((w) => !droppableHeads.has(w)) && tfExtra.length > 0;
  const agrees = headOk && !swapped && d.evidence.name >= 0.5 && pTotal >= 2 && p / pTotal >= 0.6 && rTotal >= 1 && r === rTotal;
  if (consistent || (pTotal >= 4 && p / pTotal >= 0.85 && r === rTotal)) return 'name';
  // The head noun alone left out or renamed, every other word kept, and the schema agreeing on most properties
  // and every required argument: the provider's noun for the same thing (NetworkAclEntry / network_acl_rule,
  // ...CustomizationAttachment / ..._customization). A swapped word before the head (LogAlarm / metric_alarm)
  // or two words (AppBlockBuilder / image_builder) name a sibling.
  const headRenamed = cfnExtra.length === 1 && cfnExtra[0] === head && tfExtra.length <= 1 && resWords.length >= 2 && pTotal >= 3 && p / pTotal >= 0.7 && rTotal >= 1 && r === rTotal;
  return agrees || headRenamed ? 'schema' : false;
}

/** Deterministic quarter of a name (FNV-1a), for hiding part of the reviewed table from the derivation. */
export function quarterOf(name: string): number {
  return fnv1a32(name) % 4;
}

export interface HeldOutReport {
  hidden: number;
  answered: number;
  correct: number;
  precision: number;
  recall: number;
  wrong: { cfn: string; expected: string; derived: string }[];
  missed: { cfn: string; expected: string; best?: DerivedEquivalent }[];
}

/**
 * Hides the reviewed entries of one quarter, derives them from the rest, and compares with the reviewed primary.
 * A derived answer counts as correct when it is the reviewed primary counterpart.
 */
export function heldOutEvaluation(input: DeriveInput, quarter: number, threshold = DERIVE_THRESHOLD): HeldOutReport {
  const hidden = Object.keys(input.reviewed).filter((n) => n.startsWith('AWS::') && !n.startsWith('AWS::Serverless::') && input.reviewed[n].tf.length > 0 && quarterOf(n) === quarter);
  const known = Object.fromEntries(Object.entries(input.reviewed).filter(([n]) => !hidden.includes(n)));
  const { matches, best } = deriveTypeEquivalents({ ...input, reviewed: known }, hidden, threshold);
  const report: HeldOutReport = { hidden: hidden.length, answered: 0, correct: 0, precision: 1, recall: 1, wrong: [], missed: [] };
  for (const cfn of hidden) {
    const expected = input.reviewed[cfn].tf[0];
    const got = matches[cfn];
    if (!got) {
      report.missed.push({ cfn, expected, best: best[cfn]?.first });
      continue;
    }
    report.answered++;
    if (got.tf === expected) report.correct++;
    else report.wrong.push({ cfn, expected, derived: got.tf });
  }
  report.precision = report.answered ? report.correct / report.answered : 1;
  report.recall = report.hidden ? report.correct / report.hidden : 1;
  return report;
}

/**
 * The reverse derivation on the same hidden quarter: each hidden reviewed pair's Terraform primary is treated as
 * named by no type; correct when the types matched to it include the reviewed one.
 */
export function heldOutReverseEvaluation(input: DeriveInput, quarter: number): HeldOutReport {
  const hiddenPairs = Object.entries(input.reviewed).filter(([n, m]) => n.startsWith('AWS::') && !n.startsWith('AWS::Serverless::') && m.tf.length > 0 && quarterOf(n) === quarter);
  const hiddenNames = new Set(hiddenPairs.map(([n]) => n));
  const known = Object.fromEntries(Object.entries(input.reviewed).filter(([n]) => !hiddenNames.has(n)));
  const taken = new Set(Object.values(known).flatMap((m) => m.tf));
  const back = deriveTfToCfn({ ...input, reviewed: known }, taken);
  const report: HeldOutReport = { hidden: 0, answered: 0, correct: 0, precision: 1, recall: 1, wrong: [], missed: [] };
  const seen = new Set<string>();
  for (const [cfn, m] of hiddenPairs) {
    const tf = m.tf[0];
    // A primary a visible type also names is not unnamed; a primary of two hidden types counts once.
    if (taken.has(tf) || seen.has(tf)) continue;
    seen.add(tf);
    report.hidden++;
    const got = back[tf];
    if (!got) {
      report.missed.push({ cfn, expected: tf });
      continue;
    }
    report.answered++;
    if (got.cfn.some((x) => input.reviewed[x]?.tf[0] === tf)) report.correct++;
    else report.wrong.push({ cfn, expected: tf, derived: got.cfn.join(' | ') });
  }
  report.precision = report.answered ? report.correct / report.answered : 1;
  report.recall = report.hidden ? report.correct / report.hidden : 1;
  return report;
}

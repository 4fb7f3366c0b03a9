// One resolver for every way AWS is named in text: service names, CloudFormation types, Terraform types,
// IAM actions, ARNs, service principals, boto3 clients and resources, JS SDK packages and client classes, SAM policy
// templates; in code also SDK operations (recognize/sdkOperations.ts).
import type { AwsData } from '../data/awsData';
import type { FeatureEntry } from '../data/types';
import { samPolicyService } from '../knowledge/samPolicies';
import { IAM_ACTION_PATTERN, nextIamAction } from './iamActionScan';
import { sdkOperationAt } from './sdkOperations';
import type { PlaceTerms } from './placeTerms';
import { ServiceNameMatcher, type NameMatch, type TextMode } from './serviceNameMatcher';

export type IdentityKind = 'service' | 'cfnType' | 'tfType' | 'iamAction' | 'arn' | 'principal' | 'boto3' | 'jsPackage' | 'jsClient' | 'boto3Method' | 'sdkCommand' | 'samPolicy';

export interface Identity {
  kind: IdentityKind;
  start: number;
  end: number;
  /** The identifier as written ("AWS::SQS::Queue", "sqs:SendMessage", "SQS"). */
  text: string;
  /** The service whose notes it belongs to (for a feature, its parent: Transit Gateway -> vpc). */
  serviceId: string;
  /**
   * Set when the identifier names a feature of the service, or is one of its types: "Transit Gateway",
   * `AWS::EC2::TransitGateway`, `aws_ec2_transit_gateway_route_table`, `edgelambda.amazonaws.com` (Lambda@Edge).
   * `terms` are every name of the feature (English and Japanese), for finding the notes that discuss it.
   */
  feature?: FeatureRef;
  /** For an SDK operation (`receive_message`, `ReceiveMessageCommand`): the IAM action of the same name. */
  action?: string;
  /** For an SDK operation: the API operation it calls ("ReceiveMessage"). */
  operation?: string;
  /** For `boto3`: made by `boto3.resource(...)` (a resource, not a client). */
  boto3Resource?: boolean;
  /** For an ARN or principal in a template, policy or code: the keys and actions around it (what it is used for). */
  place?: PlaceTerms;
}

export interface FeatureRef {
  /** Canonical name: "Transit Gateway". */
  name: string;
  /** The canonical name first, then the other spellings: ["Transit Gateway", "トランジットゲートウェイ", ...]. */
  terms: readonly string[];
}

export interface Recognizer {
  data: AwsData;
  names: ServiceNameMatcher;
}

/**
 * The one way a recogniser is made (the language service and the scan worker must recognise alike). The name matcher
 * is built at once (tens of ms, in `initialize`): built on first use, it made the first template hover ~70 ms slower
 * (bench/diagnostics/firstHover.ts) for ~20 ms off a warm start's first symbols.
 */
export function createRecognizer(data: AwsData): Recognizer {
  return { data, names: new ServiceNameMatcher(data.services(), data.features()) };
}

interface FormRule {
  kind: Exclude<IdentityKind, 'service'>;
  pattern: RegExp;
  /** Returns the service id, or undefined when the text is not really that form. */
  resolve(match: RegExpExecArray, data: AwsData): string | undefined;
  /** Which part of the match is the identifier (defaults to the whole match). */
  span?(match: RegExpExecArray): [number, number];
  /** Literal text every match contains: a cheap test that skips the regex on most slices. */
  needles?: string[];
  /** Literal text every match starts with: the regex is run from its next occurrence only (no needles needed). */
  literal?: string;
  /** Finds what `pattern` finds, faster (then neither needles nor literal). */
  scan?(text: string, from: number): RegExpExecArray | null;
}

const NOT_IAM_PREFIX = new Set(['arn', 'aws', 'http', 'https', 'file', 'mailto', 'urn', 'data', 'command', 'javascript']);

const SDK_LIB_PACKAGES: Record<string, string> = { 'lib-dynamodb': 'dynamodb', 'lib-storage': 's3' };

// Every form is delimited on both sides: a form never starts or ends inside an ASCII identifier (issue 9 fuzz).
const RULES: FormRule[] = [
  {
    kind: 'cfnType',
    literal: 'AWS::',
    pattern: /(?<![A-Za-z0-9_])AWS::[A-Za-z0-9]+::[A-Za-z0-9]+(?:::[A-Za-z0-9]+)?(?![A-Za-z0-9_])/g,
    resolve: (m, data) => {
      const known = data.cfnType(m[0]);
      if (known) return known.service;
      const ns = m[0].split('::').slice(0, 2).join('::');
      return data.serviceByCfnNamespace(ns)?.id;
    },
  },
  {
    kind: 'tfType',
    literal: 'aws',
    pattern: /(?<![A-Za-z0-9_])awscc_[a-z0-9_]+(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])aws_[a-z0-9_]+(?![A-Za-z0-9_])/g,
    resolve: (m, data) => {
      const name = m[0];
      const hasTfData = data.tfResourceNames().length > 0;
      // Without the Terraform tables only awscc_ names (which follow a rule) are trusted.
      if (hasTfData && !name.startsWith('awscc_') && !data.tfResource(name) && !data.tfDataSource(name)) return undefined;
      if (!hasTfData && !name.startsWith('awscc_')) {
        const service = data.serviceByTfType(name);
        return service && service.tfPrefixes.some((p) => name === p || (p.endsWith('_') && name.startsWith(p))) ? service.id : undefined;
      }
      return data.serviceByTfType(name)?.id;
    },
  },
  {
    kind: 'arn',
    literal: 'arn:aws',
    // A quoted ARN runs to its closing quote: the legacy CloudFront principal
    // "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2Q…" has spaces.
    pattern: /(?<=")arn:aws(?:-cn|-us-gov|-iso[a-z-]*)?:([a-z0-9-]+):[^"\n<>{}]{0,200}(?=")|(?<![A-Za-z0-9_])arn:aws(?:-cn|-us-gov|-iso[a-z-]*)?:([a-z0-9-]+):[^\s"'`<>()[\]{},]*/g,
    resolve: (m, data) => {
      const service = m[1] ?? m[2];
      return data.serviceByIamPrefix(service)?.id ?? data.services().find((s) => s.arnNamespace === service)?.id;
    },
  },
  {
    kind: 'iamAction',
    pattern: IAM_ACTION_PATTERN,
    scan: nextIamAction,
    resolve: (m, data) => (NOT_IAM_PREFIX.has(m[1]) ? undefined : data.serviceByIamPrefix(m[1])?.id),
  },
  {
    kind: 'principal',
    needles: ['.amazonaws.com'],
    pattern: /(?<![A-Za-z0-9_.-])([a-z0-9-]+)(?:\.[a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?(?![A-Za-z0-9_-])/g,
    resolve: (m, data) => data.serviceByPrincipal(m[0])?.id ?? data.featureByPrincipal(m[0])?.service ?? principalService(m[0], data),
  },
  {
    kind: 'boto3',
    needles: ['client', 'resource'],
    pattern: /\b(?:client|resource)\(\s*(?:service_name\s*=\s*)?(["'])([a-z0-9-]+)\1/g,
    resolve: (m, data) => data.serviceByBoto3(m[2])?.id,
    // The identifier is the quoted service name, not the call.
    span: (m) => [m[0].length - m[2].length - 2, m[0].length],
  },
  {
    // SAM policy templates by their exact names in SAM's template file or the service spec (`SQSSendMessagePolicy`,
    // `KMSEncryptPolicy_v2`), only when a service owns them.
    kind: 'samPolicy',
    needles: ['Policy'],
    pattern: /(?<![A-Za-z0-9_$])[A-Z][A-Za-z0-9]*Policy(?:_v\d+)?(?![A-Za-z0-9_$])/g,
    resolve: (m, data) => samPolicyService(data, m[0]),
  },
  {
    kind: 'jsPackage',
    literal: '@aws-sdk/',
    pattern: /@aws-sdk\/((?:client|lib)-[a-z0-9-]+)(?![A-Za-z0-9_])/g,
    resolve: (m, data) => data.serviceByJsPackage(m[0])?.id ?? (SDK_LIB_PACKAGES[m[1]] ? data.service(SDK_LIB_PACKAGES[m[1]])?.id : undefined),
  },
  {
    kind: 'jsClient',
    needles: ['Client'],
    pattern: /(?<![A-Za-z0-9_$])([A-Z][A-Za-z0-9]*Client)(?![A-Za-z0-9_$])/g,
    resolve: (m, data) => data.serviceByJsClient(m[1])?.id ?? (m[1] === 'DynamoDBDocumentClient' ? data.service('dynamodb')?.id : undefined),
  },
];

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

/**
 * A principal not listed in the data: the IAM prefix among its labels, the one next to `amazonaws.com` first
 * (`delivery.logs.amazonaws.com` -> logs, `monitoring.rds…` -> rds), region labels skipped (`logs.ap-northeast-1…`).
 */
function principalService(principal: string, data: AwsData): string | undefined {
  const labels = principal.replace(/\.amazonaws\.com(?:\.cn)?$/, '').split('.').filter((l) => !REGION.test(l));
  for (let i = labels.length - 1; i >= 0; i--) {
    const service = data.serviceByIamPrefix(labels[i]);
    if (service) return service.id;
  }
  return undefined;
}

/**
 * The forms that cannot match anywhere in `text` (their needles or literal are absent), a bit per form: for
 * scanIdentities over many slices of one text (a note's prose and code), which then skips them without a search.
 */
export function absentForms(text: string): number {
  let absent = 0;
  for (let k = 0; k < RULES.length; k++) {
    const rule = RULES[k];
    if ((rule.literal !== undefined && !text.includes(rule.literal)) || (rule.needles && !hasNeedle(text, rule.needles))) absent |= 1 << k;
  }
  return absent;
}

/**
 * Every identity in text[from, to), non-overlapping, left to right. Specific forms win over bare names. `absent`:
 * forms known not to occur in `text` (absentForms).
 */
export function scanIdentities(recognizer: Recognizer, text: string, mode: TextMode, from = 0, to = text.length, absent = 0): Identity[] {
  const found = formIdentities(recognizer, text, from, to, absent);
  const names = recognizer.names.findAll(text, mode, from, to);
  const accepted: Identity[] = [];
  for (const n of names) {
    const last = accepted[accepted.length - 1];
    if ((last && last.start < n.end && n.start < last.end) || overlapsSorted(found, n.start, n.end)) continue;
    accepted.push(nameIdentity(n, recognizer.data));
  }
  return mergeSorted(found, byStart(accepted));
}

/** Where scanIdentitiesInto puts each identity. */
export interface IdentitySink {
  identity(kind: IdentityKind, start: number, end: number, serviceId: string): void;
}

/**
 * scanIdentities' identities in the same order, as kind, span and service only: names (most of a note's
 * identities) without an object or a string each (the crawl's mention finding needs nothing else).
 */
export function scanIdentitiesInto(recognizer: Recognizer, text: string, mode: TextMode, from: number, to: number, absent: number, sink: IdentitySink): void {
  const found = formIdentities(recognizer, text, from, to, absent);
  const hits = recognizer.names.findHits(text, mode, from, to);
  // Names are sorted and non-overlapping, as are `found`: one forward cursor for the overlap test (what
  // overlapsSorted finds) and one for the merge (mergeSorted: a form before a name that starts at the same unit).
  let over = 0;
  let next = 0;
  for (let k = 0; k < hits.length; k++) {
    const start = hits.start[k];
    const end = hits.end[k];
    while (over < found.length && found[over].end <= start) over++;
    if (over < found.length && found[over].start < end) continue;
    for (; next < found.length && found[next].start <= start; next++) sink.identity(found[next].kind, found[next].start, found[next].end, found[next].serviceId);
    sink.identity('service', start, end, hits.service[k]);
  }
  for (; next < found.length; next++) sink.identity(found[next].kind, found[next].start, found[next].end, found[next].serviceId);
}

/** The specific forms (every rule) in text[from, to), sorted and non-overlapping: what names must not overlap. */
function formIdentities(recognizer: Recognizer, text: string, from: number, to: number, absent: number): Identity[] {
  // Robustness (issue 9): `found` stays sorted and non-overlapping, and the overlap test is a binary search.
  // A linear `found.some(...)` per match made a dense multi-megabyte note (100k+ mentions) take minutes.
  let found: Identity[] = [];
  const slice = text.slice(from, to);
  for (let k = 0; k < RULES.length; k++) {
    const rule = RULES[k];
    if ((absent & (1 << k)) !== 0 || (rule.needles && !hasNeedle(slice, rule.needles))) continue;
    const accepted: Identity[] = [];
    for (let m = nextMatch(rule, slice, 0); m; m = nextMatch(rule, slice, m.index + m[0].length)) {
      const serviceId = rule.resolve(m, recognizer.data);
      if (!serviceId) continue;
      const [relStart, relEnd] = rule.span?.(m) ?? [0, m[0].length];
      const start = from + m.index + relStart;
      const end = from + m.index + relEnd;
      const last = accepted[accepted.length - 1];
      if ((last && last.start < end && start < last.end) || overlapsSorted(found, start, end)) continue;
      const identity: Identity = { kind: rule.kind, start, end, text: text.slice(start, end), serviceId };
      if (rule.kind === 'boto3' && m[0].startsWith('resource')) identity.boto3Resource = true;
      const feature = featureOf(recognizer.data, rule.kind, identity.text);
      // A feature's types and principals belong to the feature's service (identity pools: cognito-identity).
      if (feature) {
        identity.feature = featureRef(feature);
        identity.serviceId = feature.service;
      }
      accepted.push(identity);
    }
    if (accepted.length) found = mergeSorted(found, byStart(accepted));
  }
  return found;
}

/** `spans` sorted by start (found left to right, they usually are already: no sort then). */
function byStart(spans: Identity[]): Identity[] {
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].start) return spans.sort((a, b) => a.start - b.start);
  return spans;
}

/** The rule's next match in `slice` at or after `from`: what `pattern.exec` returns with lastIndex = from (no form matches ''). */
function nextMatch(rule: FormRule, slice: string, from: number): RegExpExecArray | null {
  if (rule.scan) return rule.scan(slice, from);
  if (rule.literal !== undefined) {
    const at = slice.indexOf(rule.literal, from);
    if (at < 0) return null;
    from = at;
  }
  rule.pattern.lastIndex = from;
  return rule.pattern.exec(slice);
}

function hasNeedle(slice: string, needles: readonly string[]): boolean {
  for (const needle of needles) if (slice.includes(needle)) return true;
  return false;
}

/** Whether [start, end) overlaps one of `spans` (sorted by start, non-overlapping, hence sorted by end too). */
function overlapsSorted(spans: readonly Identity[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo].start < end;
}

function mergeSorted(a: Identity[], b: Identity[]): Identity[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Identity[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i].start <= b[j].start ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

function nameIdentity(n: NameMatch, data: AwsData): Identity {
  const identity: Identity = { kind: 'service', start: n.start, end: n.end, text: n.text, serviceId: n.serviceId };
  if (n.feature) {
    const feature = featuresByName(data).get(n.feature);
    identity.feature = feature ? featureRef(feature) : { name: n.feature, terms: [n.feature] };
  }
  return identity;
}

function featureOf(data: AwsData, kind: IdentityKind, text: string): FeatureEntry | undefined {
  if (kind === 'cfnType') return data.featureByCfnType(text);
  if (kind === 'tfType') return data.featureByTfType(text);
  if (kind === 'principal') return data.featureByPrincipal(text);
  return undefined;
}

const byName = new WeakMap<AwsData, Map<string, FeatureEntry>>();
function featuresByName(data: AwsData): Map<string, FeatureEntry> {
  let map = byName.get(data);
  if (!map) byName.set(data, (map = new Map(data.features().map((f) => [f.name, f]))));
  return map;
}

const refs = new WeakMap<FeatureEntry, FeatureRef>();
function featureRef(feature: FeatureEntry): FeatureRef {
  let ref = refs.get(feature);
  if (!ref) refs.set(feature, (ref = { name: feature.name, terms: [feature.name, ...feature.names] }));
  return ref;
}

/** The identity under the cursor, looking only at a window around it (lines can be megabytes long). */
export function identityAt(recognizer: Recognizer, text: string, offset: number, mode: TextMode): Identity | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1) + 1, offset - 300);
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  lineEnd = Math.min(lineEnd, offset + 300);
  const identities = scanIdentities(recognizer, text, mode, lineStart, lineEnd);
  const found = identities.find((i) => i.start <= offset && offset < i.end) ?? identities.find((i) => i.end === offset);
  if (found || mode !== 'code') return found;
  // An API operation called through an SDK, resolved from the file's own clients and imports.
  const operation = sdkOperationAt(recognizer.data, text, offset);
  if (!operation) return undefined;
  const { kind, start, end, text: name, serviceId, action } = operation;
  return { kind, start, end, text: name, serviceId, operation: operation.operation, ...(action ? { action } : {}) };
}

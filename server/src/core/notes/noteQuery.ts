// What to look for in the notes when the cursor is on an identifier. The identifier itself is the query:
// `sqs:ReceiveMessage` looks for that action, its bare name, its boto3 method and SDK command; a CloudFormation
// type looks for itself, its Terraform equivalents and the words of its name (in English and Japanese); the
// service only decides which notes are candidates and fills the slots that no evidence claims.
import type { AwsData } from '../data/awsData';
import { snakeCase } from '../knowledge/naming';
import { cfnEquivalence, companionOf, tfEquivalence } from '../knowledge';
import type { Identity } from '../recognize/identities';
import type { PlaceTerms } from '../recognize/placeTerms';
import { identifierWords } from '../text/bilingual';

export interface QueryTerm {
  /** Matched case-sensitively; an ASCII term only at identifier boundaries. */
  text: string;
  weight: number;
}

export interface NoteQuery {
  /** Cache key: equal keys mean equal queries. */
  key: string;
  /** The service whose notes are candidates and whose ranking fills the remaining slots. */
  serviceId?: string;
  /** Evidence that a section is about exactly this identifier. */
  exact: QueryTerm[];
  /** Weaker evidence: the words of the identifier, in English and Japanese. */
  related: QueryTerm[];
  /** The identifier's place in the document (the actions beside an ARN, the keys above it): counted only in sections
   * already tied to the identifier or its service, so a common action (sts:AssumeRole) never brings in notes alone. */
  place?: QueryTerm[];
  /** Services whose co-mention makes a section more relevant (an event source mapping's event sources). */
  coServices: string[];
  /** Only sections with evidence: an identifier the data does not know (a typo, a 10,000-character name) does
   * not borrow its service's notes. */
  evidenceOnly?: boolean;
}

/** English words/phrases -> the Japanese forms notes use for them (the bilingual table), best first; `whole` when a
 * form stands for the whole phrase (バッチサイズ for BatchSize) rather than one of its words (サイズ). */
export type Translate = (phrase: string) => readonly { form: string; whole: boolean }[];

export interface QueryContext {
  data: AwsData;
  translate?: Translate;
  /** Service ids named in a piece of English text (the recogniser). */
  servicesIn?: (text: string) => readonly string[];
}

const W = { identifier: 6, equivalent: 4, name: 3, phrase: 2.5, translated: 2.5, oneWord: 1.2, word: 0.6, generic: 1, place: 2, permission: 2, head: 1.5 };

const LATIN_CJK_SPACE = /(?<=[A-Za-z0-9])\s+(?=[\u3040-\u30ff\u3400-\u9fff])|(?<=[\u3040-\u30ff\u3400-\u9fff])\s+(?=[A-Za-z0-9])/g;

/** A term and, when it spaces Latin from kana/kanji, the same without the space. */
function spellings(term: string): string[] {
  const joined = term.replace(LATIN_CJK_SPACE, '');
  return joined === term ? [term] : [term, joined];
}

/** Words too common in AWS names to be evidence on their own. */
const STOP_WORDS = new Set(['get', 'set', 'put', 'list', 'describe', 'create', 'delete', 'update', 'id', 'ids', 'name', 'names', 'type', 'types', 'arn', 'config', 'configuration', 'the', 'of', 'and', 'or', 'to', 'for', 'by', 'in', 'on', 'with', 'aws']);

export function serviceQuery(serviceId: string): NoteQuery {
  return { key: `service:${serviceId}`, serviceId, exact: [], related: [], coServices: [] };
}

/** A template property or Terraform argument: the name, its other-tool spellings, and its words. */
export function termQuery(term: string, serviceId: string | undefined, ctx: QueryContext, equivalents: readonly string[] = []): NoteQuery {
  const q = builder(`term:${serviceId ?? ''}:${term}`, serviceId);
  q.add('exact', term, W.identifier);
  for (const e of equivalents) q.add('exact', e, W.equivalent);
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(term)) q.add('exact', snakeCase(term), W.equivalent);
  q.words(term, ctx);
  // A property that names another service (KmsMasterKeyId, DeadLetterTargetSqsArn) is about working with it.
  // Short words of a name are acronyms as prose writes them (Kms -> KMS).
  const prose = identifierWords(term).map((w) => (w.length <= 4 ? w.toUpperCase() : w)).join(' ');
  if (ctx.servicesIn) for (const id of ctx.servicesIn(prose)) if (id !== serviceId) q.co(id);
  return q.done();
}

export function queryForIdentity(identity: Identity, ctx: QueryContext): NoteQuery {
  const query = identity.place ? inPlace(identityQuery(identity, ctx), identity.place, ctx) : identityQuery(identity, ctx);
  // A feature of a service (Transit Gateway, ID pool): every name of the feature is evidence too.
  if (identity.feature && identity.kind !== 'service') {
    const exact = new Set(query.exact.map((t) => t.text));
    for (const term of identity.feature.terms.flatMap(spellings)) if (!exact.has(term) && term.length >= 2) query.exact.push({ text: term, weight: W.name });
    return withKey(query);
  } else if (identity.feature) {
    return withKey({ key: `feature:${identity.feature.name}`, serviceId: identity.serviceId, exact: [...new Set(identity.feature.terms.flatMap(spellings))].filter((t) => t.length >= 2).map((text) => ({ text, weight: W.identifier })), related: [], coServices: [] });
  }
  return query;
}

function identityQuery(identity: Identity, ctx: QueryContext): NoteQuery {
  const { data } = ctx;
  const serviceId = identity.serviceId;
  const text = identity.text;
  switch (identity.kind) {
    case 'service':
      return serviceQuery(serviceId);
    case 'cfnType':
    case 'tfType': {
      const known = identity.kind === 'cfnType' ? !!data.cfnType(text) : !!(data.tfResource(text) || data.tfDataSource(text) || text.startsWith('awscc_'));
      if (!known) return withKey({ key: `unknown:${text}`, serviceId, exact: [{ text, weight: W.identifier }], related: [], coServices: [], evidenceOnly: true });
      const q = builder(`type:${text}`, serviceId);
      q.add('exact', text, W.identifier);
      // A SAM type that expands to this resource (AWS::Serverless::SimpleTable for aws_dynamodb_table) is a shortcut,
      // not the same thing: sections listing SAM types are not about the plain resource.
      const cfnTypes = identity.kind === 'cfnType' ? [text] : tfEquivalence(data, text).equivalent;
      const tfTypes = new Set<string>(identity.kind === 'tfType' ? [text] : []);
      for (const cfn of cfnTypes) {
        q.add('exact', cfn, W.equivalent);
        for (const tf of cfnEquivalence(data, cfn).tf) tfTypes.add(tf);
        // The name's last segment in code and in prose: "EventSourceMapping", "event source mapping".
        const last = cfn.split('::')[2] ?? '';
        if (identifierWords(last).length >= 2) q.add('exact', last, W.name);
        q.words(last, ctx);
        const info = data.cfnType(cfn);
        if (info?.description && ctx.servicesIn) for (const id of ctx.servicesIn(info.description)) if (id !== serviceId) q.co(id);
      }
      for (const tf of tfTypes) {
        q.add('exact', tf, W.equivalent);
        if (cfnTypes.length === 0) q.words(tf.replace(/^aws(?:cc)?_[a-z0-9]+_/, ''), ctx);
      }
      // A Terraform resource that is one property of a CloudFormation resource (aws_s3_bucket_versioning): the
      // property's names are its names (VersioningConfiguration, バージョニング設定).
      if (identity.kind === 'tfType' && cfnTypes.length === 0) {
        for (const property of companionOf(data, text)?.properties ?? []) {
          q.add('exact', property, W.equivalent);
          q.words(property, ctx);
        }
      }
      return q.done();
    }
    case 'iamAction':
    case 'boto3Method':
    case 'sdkCommand':
    case 'samPolicy': {
      // An operation with no IAM action of its name (list_objects_v2 -> ListObjectsV2): the call and its words.
      if (!identity.action && identity.kind !== 'iamAction' && !text.includes(':')) {
        const q = builder(`op:${serviceId}:${text}`, serviceId);
        q.add('exact', text, W.identifier);
        if (identity.operation) {
          q.add('exact', identity.operation, W.name);
          q.words(identity.operation, ctx);
        }
        return q.done();
      }
      // An SDK operation is asked about as the IAM action of the same name, plus the spelling under the cursor.
      const actionText = identity.action ?? text;
      const q = builder(`iam:${actionText}`, serviceId);
      // In code the operation is what matters: its permission (`sqs:SendMessage` in a policy section) is related
      // evidence, not a first-tier answer about the call.
      if (identity.kind === 'iamAction') q.add('exact', actionText, W.identifier);
      else q.add('related', actionText, W.permission);
      if (actionText !== text) q.add('exact', text, W.identifier);
      const [prefix, action = ''] = actionText.split(':');
      if (!action.includes('*')) {
        const words = identifierWords(action);
        // A one-word action ("Invoke", "Publish") is too common a word to be evidence without its prefix.
        q.add('exact', action, words.length >= 2 ? W.name : W.generic);
        if (words.length >= 2) {
          q.add('exact', snakeCase(action), W.name);
          q.add('exact', `${action}Command`, W.name);
        }
        q.add('exact', `${prefix}:${action.replace(/[A-Z][a-z0-9]*$/, '')}*`, W.generic);
        q.words(action, ctx);
      } else q.add('exact', `${prefix}:*`, W.generic);
      return q.done();
    }
    case 'arn': {
      const q = builder(`arn:${text}`, serviceId);
      q.add('exact', text, W.identifier);
      const parts = text.split(':');
      const prefix = parts.slice(0, 3).join(':') + ':';
      // Any ARN of the service is weak evidence (related, never the first tier); the same resource named elsewhere
      // is strong.
      q.add('related', prefix, W.generic);
      // The resource ("function:my-fn", "MyQueue", "table/Orders"): the same resource named elsewhere.
      const resource = parts.slice(5).join(':');
      const resourceType = /^([a-z][a-z-]*)[:/]/.exec(resource)?.[1];
      if (resourceType) q.words(resourceType, ctx);
      const resourceName = resource.replace(/^[a-z][a-z-]*[:/]/, '');
      if (resourceName.length >= 3 && !/[*?$]/.test(resourceName)) q.add('exact', resourceName, W.equivalent);
      // A name written in words ends in an id ("CloudFront Origin Access Identity E2QWRUHAPOMQZL"): the words name it.
      const named = /^([A-Za-z][A-Za-z0-9]*(?: [A-Za-z][A-Za-z0-9]*)+) [A-Z0-9]{8,}$/.exec(resourceName.split('/').pop() ?? '')?.[1];
      if (named) {
        q.add('exact', named, W.equivalent);
        q.words(named, ctx);
      }
      // A path's last segment names the thing (policy/service-role/AWSLambdaBasicExecutionRole).
      const last = resourceName.split(/[:/]/).pop() ?? '';
      if (last !== resourceName && last.length >= 3 && !/[*?$]/.test(last)) {
        q.add('exact', last, W.equivalent);
        q.words(last, ctx);
      }
      q.add('related', 'ARN', W.generic);
      return q.done();
    }
    case 'principal': {
      const q = builder(`principal:${text}`, serviceId);
      q.add('exact', text, W.identifier);
      // A host that qualifies its service (ecs-tasks, edgelambda) names what assumes the role: its words count.
      const host = text.split('.')[0];
      for (const word of host.split('-')) if (word !== host && word.length >= 4 && word !== serviceId) q.words(word, ctx);
      q.add('related', 'Principal', W.generic);
      q.words('Principal', ctx);
      return q.done();
    }
    case 'boto3': {
      const q = builder(`boto3:${text}`, serviceId);
      for (const call of ['client', 'resource']) for (const quote of ['"', "'"]) q.add('exact', `${call}(${quote}${text}${quote})`, W.equivalent);
      q.add('related', 'boto3', W.generic);
      return q.done();
    }
    case 'jsClient':
    case 'jsPackage': {
      const q = builder(`js:${text}`, serviceId);
      q.add('exact', text, W.identifier);
      for (const sdk of data.service(serviceId)?.jsSdk ?? []) {
        q.add('exact', sdk.client, W.equivalent);
        q.add('exact', sdk.package, W.equivalent);
      }
      q.add('related', 'SDK', W.generic);
      return q.done();
    }
  }
}

/** Keys every template or policy has: they say nothing about what an identifier under them is for. */
const GRAMMAR_KEYS = new Set(['AWSTemplateFormatVersion', 'Resources', 'Properties', 'Outputs', 'Parameters', 'Mappings', 'Conditions', 'Transform', 'Metadata', 'DependsOn', 'Version', 'Statement', 'Effect', 'Sid']);

/** The identifier's place as weaker evidence: the actions written beside an ARN (a section granting
 * dynamodb:PutItem is about that table's use) and the multi-word keys it sits under (DeadLetterConfig). */
function inPlace(query: NoteQuery, place: PlaceTerms, ctx: QueryContext): NoteQuery {
  const terms = new Map<string, number>();
  const known = new Set([...query.exact, ...query.related].map((t) => t.text));
  const add = (text: string, weight: number) => {
    if (text.length >= 3 && !known.has(text)) terms.set(text, Math.max(weight, terms.get(text) ?? 0));
  };
  for (const action of place.actions.slice(0, 12)) {
    add(action, W.place);
    const bare = action.split(':')[1] ?? '';
    if (identifierWords(bare).length >= 2) add(bare, W.place / 2);
  }
  for (const key of place.keys.slice(0, 16)) {
    if (GRAMMAR_KEYS.has(key) || identifierWords(key).filter((w) => !STOP_WORDS.has(w.toLowerCase())).length < 2) continue;
    add(key, W.place);
    for (const ja of ctx.translate?.(key) ?? []) if (ja.whole || ja.form.length >= 5) add(ja.form, W.place / 2);
  }
  return withKey({ ...query, place: [...terms].map(([text, weight]) => ({ text, weight })) });
}

/** The key names every term: two queries share cached evidence only when they look for the same things. */
function withKey(query: NoteQuery): NoteQuery {
  const terms = (list: QueryTerm[]) => list.map((t) => `${t.text}^${t.weight}`).join('\u0001');
  return { ...query, key: [query.key.split('\u0002')[0], query.serviceId ?? '', terms(query.exact), terms(query.related), terms(query.place ?? []), query.coServices.join(','), query.evidenceOnly ? 'e' : ''].join('\u0002') };
}

function builder(key: string, serviceId: string | undefined) {
  const exact = new Map<string, number>();
  const related = new Map<string, number>();
  const coServices = new Set<string>();
  const api = {
    add(kind: 'exact' | 'related', text: string, weight: number) {
      const term = text.trim();
      if (term.length < 2) return;
      const into = kind === 'exact' ? exact : related;
      // Japanese writing leaves out the space between Latin and kana/kanji as often as not: VPC エンドポイント is
      // also VPCエンドポイント.
      for (const form of spellings(term)) into.set(form, Math.max(weight, into.get(form) ?? 0));
    },
    co(id: string) {
      coServices.add(id);
    },
    /** The words of a name: the spaced phrase as written in prose, its Japanese forms, single distinctive words. */
    words(name: string, ctx: QueryContext) {
      const words = identifierWords(name).filter((w) => !STOP_WORDS.has(w.toLowerCase()));
      if (words.length === 0) return;
      const phrase = words.join(' ');
      if (words.length >= 2) {
        api.add('related', phrase, W.phrase);
        api.add('related', phrase.toLowerCase(), W.phrase);
      }
      // The identifier as written: the table keeps qualifiers (LifecycleConfiguration -> ライフサイクル設定).
      // A one-word name (Table, Queue, Function) translates to a common word (テーブル also means a route table).
      const whole = words.length >= 2 ? W.translated : W.oneWord;
      // With one word left after the generic ones (VersioningConfiguration), that word's form is the whole concept.
      for (const ja of ctx.translate?.(name) ?? []) api.add('related', ja.form, ja.whole || words.length === 1 ? whole : W.word);
      if (words.length >= 2) for (const w of words) if (w.length >= 4) api.add('related', w.toLowerCase(), W.word);
      // The head of a longer name is often what notes call the thing (CapacityProviderStrategy: キャパシティプロバイダー).
      if (words.length >= 3) {
        const head = words.slice(0, -1);
        api.add('related', head.join(' '), W.head);
        for (const ja of ctx.translate?.(head.join('')) ?? []) if (ja.whole) api.add('related', ja.form, W.head);
      }
    },
    done(): NoteQuery {
      // A term found as exact evidence is not also counted as a weaker one.
      for (const term of exact.keys()) related.delete(term);
      const list = (m: Map<string, number>) => [...m].map(([text, weight]) => ({ text, weight }));
      return withKey({ key, serviceId, exact: list(exact), related: list(related), coServices: [...coServices] });
    },
  };
  return api;
}

// CloudFormation property <-> Terraform argument, resolved once per (type, Terraform type): the reviewed answers
// of data/property-map.json first, then the naming conventions (knowledge/naming.ts) checked against the
// Terraform schema. Two properties never land on one argument: the stronger claim keeps it, a tie keeps neither
// (a false answer is worse than none). The hover, the converter and the Terraform hover all read this.
import type { AwsData } from '../data/awsData';
import type { PropertyTarget, TfType } from '../data/types';
import { argumentGuesses, resourceWord, snakeCase, type NamingRule } from './naming';
import { primaryTf } from './types';

/** Where an answer comes from: the reviewed table or a naming convention checked against the schema. */
export type Provenance = 'reviewed' | 'convention';

export type PropertyAnswer = (
  | { kind: 'args'; names: string[]; provenance: Provenance; rule?: NamingRule }
  | { kind: 'oneOf'; sets: string[][]; provenance: 'reviewed' }
  | { kind: 'flatten'; names: string[]; provenance: 'reviewed' }
  | { kind: 'resource'; tfType: string; provenance: 'reviewed' }
  | { kind: 'none'; reason: string; provenance: Provenance; takenBy?: string }
) & {
  /** Properties it cannot be set with; they share its arguments. */
  exclusive?: readonly string[];
};

/** The property a Terraform argument comes from. */
export interface ArgumentSource {
  property: string;
  /** Other arguments the property becomes together with this one (`s3_bucket` + `s3_key`). */
  together: string[];
  /** The property's other argument sets (`filename` | `image_uri`). */
  alternatives: string[][];
}

export interface PropertyMapping {
  cfnType: string;
  tfType: string;
  /** Every property of the type (and every reviewed one), resolved. */
  properties: ReadonlyMap<string, PropertyAnswer>;
  /** Terraform argument -> the one property that lands on it. */
  arguments: ReadonlyMap<string, ArgumentSource>;
  /** Reviewed answers sharing an argument without excluding each other (the generator refuses these; kept to test). */
  collisions: readonly { argument: string; properties: string[] }[];
  /** Any property name, also ones the type data does not list (SAM, newer properties): never an argument already taken. */
  answer(property: string): PropertyAnswer;
  /** A field of a wrapper property (`{flatten}`: DistributionConfig.Origins): free arguments or the wrapper's own. */
  fieldAnswer(wrapper: string, field: string): PropertyAnswer;
}

/** Arguments an answer writes to (for collisions and the inverse). */
export function argumentsOf(answer: PropertyAnswer): string[] {
  switch (answer.kind) {
    case 'args': return answer.names;
    case 'oneOf': return [...new Set(answer.sets.flat())];
    case 'flatten': return answer.names;
    default: return [];
  }
}

function fromTarget(target: PropertyTarget): PropertyAnswer {
  const answer = answerOf(target);
  return target.exclusive ? { ...answer, exclusive: target.exclusive } : answer;
}

function answerOf(target: PropertyTarget): PropertyAnswer {
  if ('args' in target) return { kind: 'args', names: target.args, provenance: 'reviewed' };
  if ('oneOf' in target) return { kind: 'oneOf', sets: target.oneOf, provenance: 'reviewed' };
  if ('flatten' in target) return { kind: 'flatten', names: target.flatten, provenance: 'reviewed' };
  if ('resource' in target) return { kind: 'resource', tfType: target.resource, provenance: 'reviewed' };
  return { kind: 'none', reason: target.none, provenance: 'reviewed' };
}

const cache = new WeakMap<AwsData, Map<string, PropertyMapping | undefined>>();

/** The primary hashicorp/aws type of a CloudFormation type, when the reviewed table has one. */
export function primaryTfType(data: AwsData, cfnType: string): string | undefined {
  return primaryTf(data, cfnType); // the one primary-counterpart rule (knowledge/types.ts)
}

/**
 * The property mapping of `cfnType` onto `tfType` (default: its primary Terraform type). awscc types and types
 * without a schema take every property in snake_case, the awscc provider's rule.
 */
export function propertyMapping(data: AwsData, cfnType: string, tfType: string | undefined = primaryTfType(data, cfnType)): PropertyMapping | undefined {
  if (!tfType) return undefined;
  let byData = cache.get(data);
  if (!byData) cache.set(data, (byData = new Map()));
  const key = `${cfnType} ${tfType}`;
  if (!byData.has(key)) byData.set(key, resolve(data, cfnType, tfType));
  return byData.get(key);
}

function resolve(data: AwsData, cfnType: string, tfType: string): PropertyMapping {
  const isAwscc = tfType.startsWith('awscc_');
  const schema: TfType | undefined = isAwscc ? undefined : data.tfResource(tfType);
  // Reviewed answers are about the primary type; on a reviewed alternative (aws_rds_cluster_instance for DBInstance)
  // those whose arguments it has hold too; on another target (awscc, a SAM expansion) only conventions apply.
  const primary = primaryTfType(data, cfnType);
  const alternative = primary !== tfType && !!schema && (data.mappingForCfn(cfnType)?.tf ?? []).includes(tfType);
  const reviewed = primary === tfType ? data.propertyMap(cfnType) ?? {} : alternative ? reviewedOn(data.propertyMap(cfnType) ?? {}, schema) : {};
  const type = data.cfnType(cfnType);
  const names = [...new Set([...Object.keys(type?.properties ?? {}), ...Object.keys(reviewed)])];
  const properties = new Map<string, PropertyAnswer>();
  const claimed = new Map<string, string>();
  const collisions: { argument: string; properties: string[] }[] = [];

  for (const property of names) {
    const target = reviewed[property];
    if (!target) continue;
    const answer = fromTarget(target);
    properties.set(property, answer);
    for (const arg of argumentsOf(answer)) {
      const other = claimed.get(arg);
      if (!other) claimed.set(arg, property);
      else if (!target.exclusive?.includes(other)) collisions.push({ argument: arg, properties: [other, property] });
    }
  }

  // Conventions: every (property, argument the schema has) pair, strongest first. A property named after the
  // resource itself (ServerlessCacheName) or a required one outranks others for the same argument.
  const word = resourceWord(cfnType);
  const pending = names.filter((p) => !properties.has(p));
  const pairs = pending.flatMap((property) => guessesFor(property, schema, type?.properties[property]?.type).map((g) => ({
    property, ...g,
    own: property === `${word}Name` || property === `${word}Description` ? 0 : 1,
    required: type?.properties[property]?.required ? 0 : 1,
  })));
  pairs.sort((a, b) => a.rank - b.rank || a.own - b.own || a.required - b.required || (a.property < b.property ? -1 : 1));
  const tied = new Set<string>();
  for (const [i, pair] of pairs.entries()) {
    if (properties.has(pair.property)) continue;
    // Taken by a reviewed answer or a stronger claim: the property may still have a weaker guess.
    if (claimed.has(pair.name) || tied.has(pair.name)) continue;
    // An equally strong claim by another property on the same argument: neither is sure, so neither gets it.
    const rival = pairs.slice(i + 1).find((p) => p.name === pair.name && !properties.has(p.property) && p.rank === pair.rank && p.own === pair.own && p.required === pair.required);
    if (rival) {
      tied.add(pair.name);
      continue;
    }
    claimed.set(pair.name, pair.property);
    properties.set(pair.property, { kind: 'args', names: [pair.name], provenance: 'convention', rule: pair.rule });
  }
  for (const property of pending) {
    if (properties.has(property)) continue;
    const taken = guessesFor(property, schema, type?.properties[property]?.type).find((g) => claimed.has(g.name) || tied.has(g.name));
    properties.set(property, taken
      ? { kind: 'none', reason: `its conventional argument ${taken.name} is taken`, provenance: 'convention', takenBy: claimed.get(taken.name) }
      : { kind: 'none', reason: `${tfType} has no argument by this name`, provenance: 'convention' });
  }

  const argumentsMap = new Map<string, ArgumentSource>();
  for (const [property, answer] of properties) {
    if (answer.kind === 'oneOf') {
      for (const set of answer.sets) {
        for (const arg of set) {
          if (claimed.get(arg) !== property || argumentsMap.has(arg)) continue;
          argumentsMap.set(arg, { property, together: set.filter((a) => a !== arg), alternatives: answer.sets.filter((s) => s !== set) });
        }
      }
    } else {
      const args = argumentsOf(answer);
      for (const arg of args) {
        if (claimed.get(arg) === property) argumentsMap.set(arg, { property, together: args.filter((a) => a !== arg), alternatives: [] });
      }
    }
  }

  const extra = new Map<string, PropertyAnswer>();
  return {
    cfnType,
    tfType,
    properties,
    arguments: argumentsMap,
    collisions,
    answer(property) {
      const known = properties.get(property) ?? extra.get(property);
      if (known) return known;
      const free = guessesFor(property, schema, type?.properties[property]?.type).find((g) => !claimed.has(g.name) && !tied.has(g.name));
      const answer: PropertyAnswer = free
        ? { kind: 'args', names: [free.name], provenance: 'convention', rule: free.rule }
        : { kind: 'none', reason: `${tfType} has no free argument by this name`, provenance: 'convention' };
      if (extra.size < 1000) extra.set(property, answer);
      return answer;
    },
    fieldAnswer(wrapper, field) {
      const free = guessesFor(field, schema).find((g) => (!claimed.has(g.name) || claimed.get(g.name) === wrapper) && !tied.has(g.name));
      return free
        ? { kind: 'args', names: [free.name], provenance: 'convention', rule: free.rule }
        : { kind: 'none', reason: `${tfType} has no free argument by this name`, provenance: 'convention' };
    },
  };
}

/** The reviewed answers whose arguments all exist on `schema` (a separate resource: never on an alternative). */
function reviewedOn(map: Readonly<Record<string, PropertyTarget>>, schema: TfType): Record<string, PropertyTarget> {
  return Object.fromEntries(Object.entries(map).filter(([, t]) => {
    if ('resource' in t || 'none' in t) return false;
    const args = 'args' in t ? t.args : 'oneOf' in t ? t.oneOf.flat() : t.flatten;
    return args.every((a) => a in schema.args);
  }));
}

/** Argument guesses the schema has (without a schema: snake_case, the awscc rule). `cfnType`: the property's type, when known. */
function guessesFor(property: string, schema: TfType | undefined, cfnType?: string): { name: string; rule: NamingRule; rank: number }[] {
  if (!schema) return [{ name: snakeCase(property), rule: 'snake' as NamingRule, rank: 0 }];
  const guesses = argumentGuesses(property);
  const found = guesses.filter((g) => g.name in schema.args);
  // Weakest: the one argument that is the property's name with one word more, before or after, and of the
  // property's shape (SecurityGroupIds -> vpc_security_group_ids, Quota -> quota_settings, Enabled -> is_enabled).
  // Two candidates: neither. A JSON document is not matched this way (base_policy_document is another document).
  const snake = snakeCase(property);
  const oneMore = Object.keys(schema.args).filter((a) => {
    if (!sameShape(cfnType, schema.args[a])) return false;
    if (a.endsWith(`_${snake}`)) return !a.slice(0, -snake.length - 1).includes('_');
    return a.startsWith(`${snake}_`) && !a.slice(snake.length + 1).includes('_') && !['arn', 'id', 'name', 'all'].includes(a.slice(snake.length + 1));
  });
  if (oneMore.length === 1 && !found.some((g) => g.name === oneMore[0])) found.push({ name: oneMore[0], rule: 'one-word-more', rank: guesses.length + 1 });
  return found;
}

const PRIMITIVE: Record<string, string> = { String: 'string', Timestamp: 'string', Boolean: 'bool', Integer: 'number', Long: 'number', Double: 'number' };

/** A CloudFormation property type and a Terraform argument of the same shape (unknown type: any but a document). */
function sameShape(cfnType: string | undefined, arg: TfType['args'][string]): boolean {
  if (cfnType === undefined) return true;
  if (cfnType === 'Json') return false;
  const list = /^(List|Map)<(.+)>$/.exec(cfnType);
  const item = list ? list[2] : cfnType;
  if (!(item in PRIMITIVE)) return !!arg.block;
  if (arg.block) return false;
  if (arg.type === undefined) return true; // a schema without attribute types
  if (!list) return arg.type === PRIMITIVE[item];
  return list[1] === 'Map' ? !!arg.type?.startsWith('map') : /^(list|set)\(/.test(arg.type ?? '');
}

/** The CloudFormation properties that land on a Terraform argument of `tfType`, for every type it is the equivalent of. */
export function propertyForArgument(data: AwsData, cfnTypes: readonly string[], tfType: string, argument: string): (ArgumentSource & { cfnType: string }) | undefined {
  for (const cfnType of cfnTypes) {
    const source = propertyMapping(data, cfnType, tfType)?.arguments.get(argument);
    if (source) return { cfnType, ...source };
  }
  return undefined;
}

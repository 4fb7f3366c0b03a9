// data/features.json: names people write for a feature of a service that has resource types of its own
// (Transit Gateway, Security Group, Event Source Mapping, User Pool), each with its parent service, its
// CloudFormation and Terraform types and its Japanese spellings. Derived from the generated data:
//   - a CloudFormation resource type of 2-3 words (`AWS::EC2::TransitGateway` -> "Transit Gateway") is a feature
//     name when other sources name it the same: a Terraform resource of the same words and service
//     (`aws_ec2_transit_gateway`), and the type's own description ("Specifies a transit gateway.") or an API action
//     that creates it (`lambda:CreateEventSourceMapping`). Types that relate two things
//     (…Association, …Attachment, …Permission, …Version…) are parts of a feature, not names;
//   - a name two services share ("Data Source") is nobody's, unless a Terraform resource is exactly `aws_<words>`
//     (`aws_security_group`): that type is the one the bare words mean;
//   - an acronym the description spells in capitals ("(NAT)") is kept in capitals ("NAT Gateway");
//   - the types of a feature: its own; Terraform ones through mapping.json where they do not follow from its words
//     (the rest, and types extending its name, follow by rule at run time: core/data/features.ts);
//   - Japanese spellings: each word's forms from data/bilingual.json (Sudachi), joined (セキュリティグループ);
//   - plus the reviewed list in curated/features.mjs.
//   node scripts/gen-data/features.mjs     regenerate from data/*.json (run by `npm run gen:data` too)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { FEATURES as CURATED, NOT_FEATURES } from './curated/features.mjs';
import { readJson, writeJson } from './lib/util.mjs';

const RELATION = /^(Association|Associations|Attachment|Propagation|Permission|Permissions|Version|Assignment|Ingress|Egress|Entry|Route|Configuration|Config|Policy|Setting|Settings|Specification|Options|Rule|Target|Member|Membership)$/;
/** CamelCase resource name -> words ("VPCEndpoint" -> VPC, Endpoint). */
const split = (id) => id.split(/(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/);
const snake = (words) => words.map((w) => w.toLowerCase()).join('_');
/** Japanese spellings per feature, at most this many (all combinations of each word's forms would explode). */
const MAX_JA = 8;

/** "network address translation (NAT) gateway" -> "NAT gateway": an acronym whose letters start the words before it. */
export function expandAcronyms(text) {
  return text.replace(/((?:[A-Za-z]+[ -]){1,5})\(([A-Z]{2,5})\)/g, (all, before, acronym) => {
    const words = before.trim().split(/[ -]/);
    const tail = words.slice(-acronym.length);
    return tail.length === acronym.length && tail.map((w) => w[0].toUpperCase()).join('') === acronym ? words.slice(0, -acronym.length).concat(acronym).join(' ') : all;
  });
}

/** A Terraform type of these words: `aws_<words>`, `aws_<one token>_<words>`, or either followed by more (`…_rule`).
 * The same rule as core/data/features.ts. */
export function tfOf(name, words) {
  const w = snake(words);
  return new RegExp(`^aws_(?:[a-z0-9]+_)?${w}(?:_|$)`).test(name);
}

export function buildFeatures(dataDir) {
  const cfn = readJson(path.join(dataDir, 'cfn-types.json')).types;
  const tf = readJson(path.join(dataDir, 'tf-types.mpl.json')).resources;
  const mapping = readJson(path.join(dataDir, 'mapping.json')).cfnToTf;
  const bilingualFile = path.join(dataDir, 'bilingual.json');
  const ja = fs.existsSync(bilingualFile) ? readJson(bilingualFile).terms : {};
  const tfNames = Object.keys(tf).sort();
  const iam = readJson(path.join(dataDir, 'iam-actions.json')).actions;
  const prefixes = new Map(readJson(path.join(dataDir, 'services.json')).services.map((s) => [s.id, s.iamPrefixes]));
  /** "Create<Name>" is an API action of the service (lambda:CreateEventSourceMapping). */
  const created = (service, res) => (prefixes.get(service) ?? []).some((p) => iam[p]?.['Create' + res]);

  // 1. Candidate names from resource types.
  const candidates = new Map(); // lower-case phrase -> [{ type, service, words, exactTf }]
  for (const [type, t] of Object.entries(cfn)) {
    const parts = type.split('::');
    if (parts.length !== 3 || parts[0] !== 'AWS' || parts[1] === 'Serverless' || !t.service) continue;
    const words = split(parts[2]);
    if (words.length < 2 || words.length > 3 || RELATION.test(words[words.length - 1])) continue;
    const phrase = words.join(' ').toLowerCase();
    const description = expandAcronyms(t.description ?? '');
    const described = description.toLowerCase().includes(phrase);
    const suffix = '_' + snake(words);
    const tfSame = tfNames.filter((n) => tfOf(n, words) && tf[n].service === t.service);
    if (!(described || created(t.service, parts[2])) || tfSame.length === 0) continue;
    const list = candidates.get(phrase) ?? [];
    list.push({ type, service: t.service, words, exactTf: tfSame.includes('aws' + suffix), description });
    candidates.set(phrase, list);
  }
  // Which IAM prefixes create a thing of this name (CreateIdentityProvider: cognito-idp, workspaces-web...).
  const creators = (res) => Object.keys(iam).filter((p) => iam[p]['Create' + res]);
  const features = new Map(); // canonical name -> feature
  const notFeatures = new Set(NOT_FEATURES.map((n) => n.toLowerCase()));
  for (const [phrase, list] of candidates) {
    const services = new Set(list.map((c) => c.service));
    const chosen = services.size === 1 ? list[0] : list.find((c) => c.exactTf);
    if (!chosen || notFeatures.has(phrase)) continue;
    // Another service's API creates a thing of the same name: a shared term, unless `aws_<words>` says whose it is.
    const [, ns, res] = chosen.type.split('::');
    const own = new Set([...(prefixes.get(chosen.service) ?? []), ns.toLowerCase()]);
    if (!chosen.exactTf && creators(res).some((p) => !own.has(p))) continue;
    const name = chosen.words.map((w) => (new RegExp(`\\b${w.toUpperCase()}\\b`).test(chosen.description) && w.length <= 4 ? w.toUpperCase() : w)).join(' ');
    features.set(name.toLowerCase(), { name, service: chosen.service, names: new Set([name]), cfn: new Set([chosen.type]), tf: new Set(), principals: new Set(), words: chosen.words });
  }

  // 2. The reviewed list: new features, or a different parent service / more names for a derived one.
  for (const c of CURATED) {
    const key = c.name.toLowerCase();
    const f = features.get(key) ?? { name: c.name, service: c.service, names: new Set([c.name]), cfn: new Set(), tf: new Set(), principals: new Set(), words: c.name.split(/\s+/) };
    f.service = c.service;
    for (const n of c.names ?? []) f.names.add(n);
    for (const t of c.cfn ?? []) f.cfn.add(t);
    for (const t of c.tf ?? []) f.tf.add(t);
    for (const p of c.principals ?? []) f.principals.add(p);
    features.set(key, f);
  }

  // 3. Terraform equivalents of the feature's own types (mapping.json) that do not follow from its words. The
  //    types that extend a feature (`AWS::EC2::SecurityGroupIngress`, `aws_security_group_rule`) follow by rule at
  //    run time (core/data/features.ts), so they are not listed here.
  for (const f of features.values()) {
    for (const type of f.cfn) for (const t of mapping[type]?.tf ?? []) if (tf[t] && !(tfOf(t, f.words) && tf[t].service === f.service)) f.tf.add(t);
  }

  // 4. Japanese spellings from the words' forms (every word must have one, except acronyms kept as written).
  for (const f of features.values()) {
    let combos = [''];
    for (const w of f.name.split(/\s+/)) {
      const forms = /^[A-Z0-9]+$/.test(w) ? [w + ' '] : (ja[w.toLowerCase()] ?? []);
      if (!forms.length) { combos = []; break; }
      combos = combos.flatMap((c) => forms.map((form) => c + form)).slice(0, MAX_JA * 4);
    }
    for (const c of combos.map((s) => s.trim()).filter((s) => /[\u3040-\u30ff]/.test(s)).slice(0, MAX_JA)) f.names.add(c);
  }

  const out = [...features.values()]
    .map((f) => ({
      name: f.name,
      service: f.service,
      names: [...f.names].filter((n) => n !== f.name).sort(),
      cfnTypes: [...f.cfn].filter((t) => cfn[t]).sort(),
      ...(f.tf.size ? { tfTypes: [...f.tf].sort() } : {}),
      ...(f.principals.size ? { principals: [...f.principals].sort() } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return out;
}

export function writeFeatures(dataDir) {
  const features = buildFeatures(dataDir);
  const size = writeJson(
    path.join(dataDir, 'features.json'),
    {
      source: 'Derived from data/cfn-types.json, data/tf-types.mpl.json, data/mapping.json and data/bilingual.json by scripts/gen-data/features.mjs, plus the reviewed list in scripts/gen-data/curated/features.mjs (MIT, this project).',
      features,
    },
    ['features'],
  );
  console.log(`features.json: ${features.length} features, ${size} bytes`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFeatures(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data'));

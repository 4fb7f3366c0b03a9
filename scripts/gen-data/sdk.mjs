// Builds data/sdk-operations.json: the API operations of every boto3 client, so that a boto3 method
// (`receive_message` on an `sqs` client) and an SDK v3 command class (`ReceiveMessageCommand`) resolve to
// the operation and its IAM action. Operation names come from botocore's service models (the Debian
// package), completed by the newer models of aws-sdk v2 for the same service id; boto3's method names are
// derived at run time by botocore's own xform rule, whose hand-listed exceptions are read from botocore's
// source here (never typed in this project). `node scripts/gen-data/sdk.mjs --report` checks the rule
// against botocore's xform_name in Python and the command classes against a pinned @aws-sdk/client-sqs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeJson } from './lib/util.mjs';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function latestModel(dir) {
  const versions = fs.readdirSync(dir).filter((v) => fs.existsSync(path.join(dir, v, 'service-2.json'))).sort();
  return versions.length ? readJson(path.join(dir, versions[versions.length - 1], 'service-2.json')) : undefined;
}

/** botocore's `_xform_cache` entries for the '_' separator, read from its __init__.py. */
export function xformExceptions(botoDir) {
  const source = fs.readFileSync(path.join(botoDir, '..', '__init__.py'), 'utf8');
  const cache = /_xform_cache = \{([\s\S]*?)\n\}/.exec(source)?.[1];
  if (!cache) throw new Error('botocore/__init__.py: _xform_cache not found');
  const out = {};
  for (const m of cache.matchAll(/\('([A-Za-z0-9]+)', '_'\): '([a-z0-9_]+)'/g)) out[m[1]] = m[2];
  return out;
}

/** botocore.xform_name(name, '_') ported (the same three regular expressions); mirrored in recognize/boto3Names.ts. */
export function xformName(name, exceptions) {
  if (exceptions[name]) return exceptions[name];
  const special = /[A-Z]{2,}s$/.exec(name);
  if (special) name = `${name.slice(0, -special[0].length)}_${special[0].toLowerCase()}`;
  return name.replace(/(.)([A-Z][a-z]+)/g, '$1_$2').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** The v3 package of a service id: `@aws-sdk/client-` + the id in lower case, words joined by '-'. */
const jsPackageOf = (serviceId) => `@aws-sdk/client-${serviceId.toLowerCase().replace(/\s+/g, '-')}`;

export function buildSdkOperations({ botoDir, sdkDir, iamDir, boto3Names = [] }) {
  const exceptions = xformExceptions(botoDir);
  const iamPrefixes = new Set(Object.keys(readJson(path.join(iamDir, 'data/serviceNames.json'))));
  // Newer operations: aws-sdk v2's models (frozen 2025) by service id, latest API version.
  const v2 = new Map();
  const v2Meta = new Map();
  for (const f of fs.readdirSync(path.join(sdkDir, 'apis')).filter((f) => f.endsWith('.min.json')).sort()) {
    const api = readJson(path.join(sdkDir, 'apis', f));
    if (api.metadata?.serviceId) v2.set(api.metadata.serviceId, Object.keys(api.operations ?? {})), v2Meta.set(api.metadata.serviceId, api.metadata);
  }
  const clients = {};
  const stats = { clients: 0, botocoreOps: 0, addedFromV2: 0 };
  for (const folder of fs.readdirSync(botoDir).sort()) {
    if (!fs.statSync(path.join(botoDir, folder)).isDirectory()) continue;
    const model = latestModel(path.join(botoDir, folder));
    if (!model) continue;
    const md = model.metadata;
    const ops = new Set(Object.keys(model.operations));
    stats.botocoreOps += ops.size;
    for (const op of v2.get(md.serviceId) ?? []) if (!ops.has(op)) ops.add(op), stats.addedFromV2++;
    const entry = { ops: [...ops].sort().join(' '), js: jsPackageOf(md.serviceId) };
    // The IAM prefix is the signing name (or endpoint prefix) when the IAM data knows it; otherwise the run
    // time tries the owning service's prefixes (CloudWatch signs as `monitoring`, IAM says `cloudwatch`).
    const iam = [md.signingName, md.endpointPrefix].find((p) => p && iamPrefixes.has(p));
    if (iam) entry.iam = iam;
    clients[folder] = entry;
    stats.clients++;
  }
  // Clients newer than this botocore (bedrock-runtime) that services.json names: boto3 names a client after its
  // service id in lower case, words joined by '-'; their operations come from aws-sdk v2 alone.
  stats.fromV2Only = [];
  for (const [serviceId, ops] of v2) {
    const name = serviceId.toLowerCase().replace(/\s+/g, '-');
    if (clients[name] || !boto3Names.includes(name)) continue;
    const md = v2Meta.get(serviceId);
    const entry = { ops: [...ops].sort().join(' '), js: jsPackageOf(serviceId) };
    const iam = [md.signingName, md.endpointPrefix].find((p) => p && iamPrefixes.has(p));
    if (iam) entry.iam = iam;
    clients[name] = entry;
    stats.fromV2Only.push(name);
  }
  return { exceptions, clients: Object.fromEntries(Object.keys(clients).sort().map((k) => [k, clients[k]])), stats };
}

/**
 * SAM policy template names and their parameters, from the `SAMPolicyTemplate` type of the service spec.
 * The actions each template grants are in data/sam-policy-templates.json (samPolicies.mjs, from SAM's own
 * policy_templates.json), which also has the templates newer than this list.
 */
export function buildSamPolicyTemplates(spec, services, iamActions) {
  const holder = [...spec.typeDefs.values()].find((t) => t.name === 'SAMPolicyTemplate');
  if (!holder) throw new Error('service spec: SAMPolicyTemplate not found');
  const out = {};
  for (const [name, p] of Object.entries(holder.properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const ref = p.type?.reference?.$ref;
    const service = templateService(name, services, iamActions);
    out[name] = { service: service ?? '', params: Object.keys((ref && spec.typeDefs.get(ref)?.properties) ?? {}) };
  }
  return out;
}

/**
 * The service a template is about: the longest service name, id, boto3 name or IAM prefix its name starts
 * with (`SQSSendMessagePolicy` -> sqs), else the one service with an IAM action named like the template's
 * stem (`FilterLogEventsPolicy` -> logs:FilterLogEvents -> logs).
 */
function templateService(name, services, iamActions) {
  const flat = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const lower = name.toLowerCase();
  let best;
  for (const s of services) {
    for (const key of [s.id, ...s.iamPrefixes, ...s.boto3, ...(s.shortNames ?? [])].map(flat)) {
      if (key.length >= 2 && lower.startsWith(key) && (!best || key.length > best.key.length)) best = { key, id: s.id };
    }
  }
  if (best) return best.id;
  const stem = name.replace(/Policy$/, '');
  const owners = Object.entries(iamActions).filter(([, actions]) => stem in actions).map(([prefix]) => prefix);
  return owners.length === 1 ? services.find((s) => s.iamPrefixes.includes(owners[0]))?.id : undefined;
}

/**
 * Commands of an SDK v3 library package that wrap a client's commands: lib-dynamodb's `PutCommand` imports
 * `PutItemCommand as __PutItemCommand` from "@aws-sdk/client-dynamodb". Read from its type declarations.
 */
export function buildLibCommands(libDir, clients) {
  const pkg = JSON.parse(fs.readFileSync(path.join(libDir, 'package.json'), 'utf8')).name;
  const commands = {};
  let target;
  const dir = path.join(libDir, 'dist-types/commands');
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('Command.d.ts')).sort()) {
    const m = /import \{ ([A-Za-z0-9]+)Command as __\1Command \} from "(@aws-sdk\/client-[a-z0-9-]+)"/.exec(fs.readFileSync(path.join(dir, f), 'utf8'));
    if (!m) continue;
    const client = Object.keys(clients).find((c) => clients[c].js === m[2]);
    if (!client || !clients[client].ops.split(' ').includes(m[1])) continue;
    if (target && target !== client) throw new Error(`${pkg}: commands of two clients`);
    target = client;
    commands[f.replace(/\.d\.ts$/, '')] = m[1];
  }
  return { [pkg]: { client: target, commands } };
}

/**
 * 94 % of operations share their name with an IAM action of the client's prefix: those are stored as a bitmap over
 * the prefix's actions in iam-actions.json (sorted; `sum` = FNV-1a of those names, so that a stale pairing is detected), and only
 * the rest by name. Cuts the file from 335 KB to a tenth; sdkTable.ts unpacks one client on first use.
 */
/** FNV-1a, 32 bits, hex (mirrored in sdkTable.ts). */
export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

export function packOperations(clients, iamActions, services) {
  const owner = new Map(services.flatMap((s) => s.boto3.map((b) => [b, s])));
  const packed = {};
  for (const [name, c] of Object.entries(clients)) {
    const prefix = c.iam ?? owner.get(name)?.iamPrefixes[0];
    const actions = prefix && iamActions[prefix] ? Object.keys(iamActions[prefix]).sort() : [];
    const ops = new Set(c.ops.split(' '));
    const bytes = new Uint8Array(Math.ceil(actions.length / 8));
    actions.forEach((a, i) => {
      if (ops.has(a)) bytes[i >> 3] |= 1 << (i & 7), ops.delete(a);
    });
    const entry = { js: c.js };
    if (prefix && actions.length) Object.assign(entry, { iam: prefix, sum: fnv1a(actions.join(' ')), has: Buffer.from(bytes).toString('base64') });
    entry.ops = [...ops].sort().join(' ');
    packed[name] = entry;
  }
  return packed;
}

export function writeSdkOperations(dataDir, { botoDir, sdkDir, iamDir, libDirs = [], spec, services }) {
  const built = buildSdkOperations({ botoDir, sdkDir, iamDir, boto3Names: services.flatMap((s) => s.boto3) });
  const libs = Object.assign({}, ...libDirs.map((dir) => buildLibCommands(dir, built.clients)));
  const iamActions = readJson(path.join(dataDir, 'iam-actions.json')).actions;
  const sam = buildSamPolicyTemplates(spec, services, iamActions);
  const clients = packOperations(built.clients, iamActions, services);
  const file = path.join(dataDir, 'sdk-operations.json');
  const size = writeJson(file, { xformExceptions: built.exceptions, clients, libPackages: libs, samPolicyTemplates: sam }, ['clients', 'libPackages', 'samPolicyTemplates']);
  const unowned = Object.keys(sam).filter((n) => !sam[n].service);
  console.log(`sdk-operations.json: ${built.stats.clients} boto3 clients, ${built.stats.botocoreOps} botocore + ${built.stats.addedFromV2} aws-sdk v2 operations (clients only there: ${built.stats.fromV2Only.join(' ') || 'none'}), ${Object.values(libs).reduce((n, l) => n + Object.keys(l.commands).length, 0)} library commands, ${Object.keys(sam).length} SAM policy templates (without service: ${unowned.join(' ') || 'none'}), ${size} bytes`);
}

// --report: the rule against botocore's own Python, and command classes against a pinned v3 package.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { botocoreData, npmSource, SOURCES } = await import('./lib/sources.mjs');
  const botoDir = botocoreData();
  const built = buildSdkOperations({ botoDir, sdkDir: npmSource('awsSdkV2', ['apis']), iamDir: npmSource('iamData') });
  console.log(built.stats, Object.keys(built.exceptions).length, 'xform exceptions');
  const names = [...new Set(Object.values(built.clients).flatMap((c) => c.ops.split(' ')))].sort();
  const py = `import sys,json; sys.path.insert(0, sys.argv[1]); from botocore import xform_name; print(json.dumps([xform_name(n) for n in json.load(sys.stdin)]))`;
  const theirs = JSON.parse(execFileSync('python3', ['-c', py, path.resolve(botoDir, '../..')], { input: JSON.stringify(names), maxBuffer: 64 << 20 }).toString());
  const differ = names.filter((n, i) => xformName(n, built.exceptions) !== theirs[i]);
  console.log(`xform: ${names.length} operation names, ${differ.length} differ from botocore.xform_name`, differ.slice(0, 10));
  const src = { ...SOURCES.clientSqs };
  if (src.pkg) {
    const dir = npmSource('clientSqs', ['dist-types/commands']);
    const commands = fs.readdirSync(path.join(dir, 'dist-types/commands')).filter((f) => /Command\.d\.ts$/.test(f)).map((f) => f.replace(/Command\.d\.ts$/, ''));
    const ours = new Set(built.clients.sqs.ops.split(' '));
    console.log(`${src.pkg}@${src.version}: ${commands.length} commands; not in our sqs operations: ${commands.filter((c) => !ours.has(c)).join(' ') || 'none'}; ours not exported: ${[...ours].filter((o) => !commands.includes(o)).join(' ') || 'none'}`);
  }
}

// Builds data/services.json: one entry per IAM prefix (iam-data), joined with botocore (boto3 names),
// aws-sdk v2 metadata (service ids -> JS SDK v3 packages), the CloudFormation spec (namespaces) and the
// Terraform resource names (prefixes), then overlaid with the reviewed curated table.
import fs from 'node:fs';
import path from 'node:path';
import { SDK_OWNER, SERVICES as CURATED } from './curated/services.mjs';
import { firstSentence, readJson } from './lib/util.mjs';

const flat = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const stripBrand = (n) => n.replace(/^(Amazon|AWS)\s+/, '').replace(/\s*\((?:[A-Z][A-Za-z0-9]*)\)$/, '').trim();

/** JS SDK v3 names follow from the service id: "Elastic Load Balancing v2" -> client-elastic-load-balancing-v2 / ElasticLoadBalancingV2Client. */
export function jsSdkFor(serviceId) {
  const pkg = '@aws-sdk/client-' + serviceId.toLowerCase().trim().replace(/\s+/g, '-');
  const client = serviceId.trim().split(/\s+/).map((w) => w[0].toUpperCase() + w.slice(1)).join('') + 'Client';
  return { package: pkg, client };
}

function latestApi(dir) {
  const versions = fs.readdirSync(dir).filter((v) => fs.existsSync(path.join(dir, v, 'service-2.json'))).sort();
  return versions.length ? readJson(path.join(dir, versions[versions.length - 1], 'service-2.json')) : undefined;
}

export function buildServices({ iamDir, botoDir, sdkDir, spec, tfNames, docsText }) {
  const iamNames = readJson(path.join(iamDir, 'data/serviceNames.json'));
  const entries = new Map();
  for (const [prefix, name] of Object.entries(iamNames)) {
    entries.set(prefix, { id: prefix, name, iamName: name, iamPrefixes: [prefix], boto3: new Set(), jsSdk: new Map(), cfn: new Set(), tf: new Set(), principals: new Set(), fullNames: new Set() });
  }
  // Curated merges: an entry may own further IAM prefixes (execute-api -> apigateway) or exist without one (vpc).
  const owner = new Map(); // iam prefix -> entry id
  for (const [prefix] of entries) owner.set(prefix, prefix);
  for (const [id, c] of Object.entries(CURATED)) {
    if (!entries.has(id)) entries.set(id, { id, name: c.name ?? id, iamPrefixes: [], boto3: new Set(), jsSdk: new Map(), cfn: new Set(), tf: new Set(), principals: new Set(), fullNames: new Set() });
    for (const p of c.iam ?? []) {
      const e = entries.get(id);
      if (!e.iamPrefixes.includes(p)) e.iamPrefixes.push(p);
      entries.delete(p);
      owner.set(p, id);
    }
  }
  const ownerOf = (key) => {
    if (key == null) return undefined;
    if (SDK_OWNER[key] && entries.has(SDK_OWNER[key])) return SDK_OWNER[key];
    const o = owner.get(key);
    return o && entries.has(o) ? o : undefined;
  };

  // ARN namespace: the service segment most used by the prefix's resource ARNs.
  for (const e of entries.values()) {
    const counts = new Map();
    for (const p of e.iamPrefixes) {
      const f = path.join(iamDir, 'data/resourceTypes', p + '.json');
      if (!fs.existsSync(f)) continue;
      for (const rt of Object.values(readJson(f))) {
        const seg = String(rt.arn ?? '').split(':')[2];
        if (seg && !seg.includes('$')) counts.set(seg, (counts.get(seg) ?? 0) + 1);
      }
    }
    const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (best) e.arnNamespace = best[0];
  }

  // boto3: botocore folder = client name; owner by curated table, else signing name / endpoint prefix.
  const botoDocs = new Map();
  for (const folder of fs.readdirSync(botoDir).sort()) {
    if (!fs.statSync(path.join(botoDir, folder)).isDirectory()) continue;
    const api = latestApi(path.join(botoDir, folder));
    if (!api) continue;
    const md = api.metadata;
    const id = ownerOf(folder) ?? ownerOf(md.signingName) ?? ownerOf(md.endpointPrefix);
    if (!id) continue;
    entries.get(id).boto3.add(folder);
    if (md.serviceFullName) entries.get(id).fullNames.add(md.serviceFullName);
    if (api.documentation && !botoDocs.has(id)) botoDocs.set(id, api.documentation);
  }

  // JS SDK v3 from aws-sdk v2 service ids (v3 packages are named after the same ids).
  const meta = readJson(path.join(sdkDir, 'apis/metadata.json'));
  const apiFiles = fs.readdirSync(path.join(sdkDir, 'apis')).filter((f) => /^[a-z0-9.-]+-\d{4}-\d\d-\d\d\.min\.json$/.test(f)).sort();
  for (const [key, m] of Object.entries(meta)) {
    const stem = m.prefix ?? key;
    const files = apiFiles.filter((f) => f.slice(0, -'-YYYY-MM-DD.min.json'.length) === stem);
    if (!files.length) continue;
    const md = readJson(path.join(sdkDir, 'apis', files[files.length - 1])).metadata;
    const js = jsSdkFor(md.serviceId);
    const kebab = js.package.slice('@aws-sdk/client-'.length);
    const id = ownerOf(kebab) ?? ownerOf(md.signingName) ?? ownerOf(md.endpointPrefix);
    if (!id) continue;
    entries.get(id).jsSdk.set(js.package, js);
    if (md.serviceFullName) entries.get(id).fullNames.add(md.serviceFullName);
  }

  // CloudFormation namespaces: curated first, else the ARN service segment of the type's arnTemplates,
  // else the namespace name itself matching an id / IAM prefix.
  const cfnOwner = new Map();
  for (const [id, c] of Object.entries(CURATED)) for (const ns of c.cfn ?? []) cfnOwner.set(ns, id);
  const byArnNs = new Map();
  for (const e of entries.values()) if (e.arnNamespace && !byArnNs.has(e.arnNamespace)) byArnNs.set(e.arnNamespace, e.id);
  const byFlat = new Map();
  for (const e of entries.values()) for (const k of [e.id, ...e.iamPrefixes, ...e.boto3]) if (!byFlat.has(flat(k))) byFlat.set(flat(k), e.id);
  for (const [ns, arnSegs] of spec.namespaces) {
    if (cfnOwner.has(ns)) continue;
    const short = ns.split('::')[1];
    let id = byFlat.get(flat(short));
    if (!id) {
      const counts = new Map();
      for (const seg of arnSegs) {
        const o = ownerOf(seg) ?? byArnNs.get(seg);
        if (o) counts.set(o, (counts.get(o) ?? 0) + 1);
      }
      id = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    }
    if (id) cfnOwner.set(ns, id);
  }
  for (const [ns, id] of cfnOwner) if (entries.has(id) && spec.namespaces.has(ns)) entries.get(id).cfn.add(ns);

  // Terraform prefixes: curated ones, then aws_<token>_ where the token names exactly one service.
  const tfSet = new Set(tfNames);
  const curatedTf = [];
  for (const [id, c] of Object.entries(CURATED)) for (const p of c.tf ?? []) curatedTf.push([p, id]);
  const resolveCurated = (name) => {
    let best;
    for (const [p, id] of curatedTf) {
      const hit = p.endsWith('_') ? name.startsWith(p) : name === p;
      if (hit && (!best || p.length > best[0].length)) best = [p, id];
    }
    return best;
  };
  const tfOwner = new Map();
  for (const name of tfNames) {
    const cur = resolveCurated(name);
    if (cur) { tfOwner.set(name, cur[1]); entries.get(cur[1])?.tf.add(cur[0]); continue; }
    // Services with a curated prefix list get nothing automatic: their lists are complete by review.
    const tokens = name.split('_').slice(1);
    for (let n = Math.min(3, tokens.length - 1); n >= 1; n--) {
      const key = tokens.slice(0, n).join('');
      const id = ownerOf(tokens.slice(0, n).join('-')) ?? byFlat.get(key) ?? [...cfnOwner].find(([ns]) => flat(ns.split('::')[1]) === key)?.[1];
      if (id && entries.has(id) && !CURATED[id]?.tf) { tfOwner.set(name, id); entries.get(id).tf.add('aws_' + tokens.slice(0, n).join('_') + '_'); break; }
    }
  }

  // Service principals seen in the CloudFormation documentation ("`events.amazonaws.com`").
  const seen = new Set(docsText.match(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)?\.amazonaws\.com\b/g) ?? []);
  for (const p of [...seen].sort()) {
    const labels = p.split('.');
    if (labels.length !== 3) continue; // region-qualified names are endpoints, not principals
    const id = ownerOf(labels[0]);
    if (id && entries.get(id).iamPrefixes.includes(labels[0])) entries.get(id).principals.add(p);
  }

  const services = [];
  for (const e of [...entries.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const c = CURATED[e.id] ?? {};
    const name = c.name ?? e.name;
    const derived = stripBrand(e.iamName ?? name);
    let shortNames;
    let ambiguousNames;
    if (c.short) {
      shortNames = c.short;
      ambiguousNames = c.ambiguous ?? [];
    } else {
      // Precision first: a bare single capitalised word ("Detective") may be an ordinary word.
      const single = /^[A-Z][a-z]+$/.test(derived);
      shortNames = single ? [] : [derived];
      if (e.iamName && e.iamName !== derived) shortNames.push(e.iamName);
      ambiguousNames = c.ambiguous ?? (single ? [derived] : []);
    }
    const amb = new Set(ambiguousNames);
    shortNames = [...new Set(shortNames)].filter((s) => !amb.has(s));
    const aliasSet = new Set(c.aliases ?? []);
    // iam-data display names are sometimes wrong for curated entries; SDK full names glued together are not names people write.
    for (const n of [...(c.short ? [] : [e.iamName]), ...e.fullNames]) {
      if (n && n !== name && / /.test(n) && !/[a-z][A-Z]/.test(n.replace(/\b(Mc|Io|Cloud|Code|Dynamo|App|Data|Open|Elasti|Quick|Secure|Guard|Sage|Lake)[A-Z]/g, '')) && !shortNames.includes(n) && !amb.has(n)) aliasSet.add(n);
    }
    const principals = new Set([...(c.principals ?? []), ...e.principals]);
    const jsSdk = new Map(e.jsSdk);
    for (const [pkg, client] of c.js ?? []) jsSdk.set(pkg, { package: pkg, client });
    const docText = c.en ?? firstSentence(botoDocs.get(e.id), 200);
    const tfPrefixes = [...e.tf].filter((p) => (p.endsWith('_') ? tfNames.some((n) => n.startsWith(p)) : tfSet.has(p))).sort();
    const entry = {
      id: e.id,
      name,
      shortNames,
      aliases: [...aliasSet].sort(),
      ...(ambiguousNames.length ? { ambiguousNames } : {}),
      iamPrefixes: e.iamPrefixes,
      ...(e.arnNamespace ? { arnNamespace: e.arnNamespace } : {}),
      cfnNamespaces: [...e.cfn].sort(),
      tfPrefixes,
      awsccPrefixes: [...e.cfn].filter((ns) => ns.startsWith('AWS::') && ns !== 'AWS::Serverless').map((ns) => `awscc_${ns.split('::')[1].toLowerCase()}_`).sort(),
      boto3: [...new Set([...(c.boto3 ?? []), ...e.boto3])].sort(),
      jsSdk: [...jsSdk.values()].sort((a, b) => a.package.localeCompare(b.package)),
      principals: [...principals].sort(),
      ...(c.doc ? { docUrl: c.doc.startsWith('http') ? c.doc : `https://docs.aws.amazon.com/${c.doc}${c.doc.endsWith('.html') ? '' : '/'}` } : {}),
      description: { en: docText && !/^(Welcome|Introduction|Overview)\b|API Reference|this guide|reference guide|documentation/i.test(docText) ? docText : `${name}.`, ...(c.ja ? { ja: c.ja } : {}) },
    };
    services.push(entry);
  }
  return { services, cfnOwner, tfOwner };
}

// Developer tool: PROPOSES CloudFormation -> hashicorp/aws pairs for review (never shipped directly).
// Usage: node scripts/gen-data/propose-mapping.mjs AWS::SQS AWS::SNS ...  (reads the generated data/)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { snake } from './lib/util.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (f) => JSON.parse(fs.readFileSync(path.join(root, 'data', f), 'utf8'));
const cfn = read('cfn-types.json').types;
const tf = read('tf-types.mpl.json').resources;
const services = Object.fromEntries(read('services.json').services.map((s) => [s.id, s]));
const wanted = process.argv.slice(2);
for (const [name, t] of Object.entries(cfn)) {
  const ns = name.split('::').slice(0, 2).join('::');
  if (wanted.length && !wanted.includes(ns)) continue;
  const res = snake(name.split('::')[2]);
  const prefixes = (services[t.service]?.tfPrefixes ?? []).filter((p) => p.endsWith('_'));
  const cands = new Set();
  for (const p of prefixes) for (const r of [res, res.replace(/^[a-z0-9]+_/, '')]) cands.add(p + r);
  cands.add('aws_' + res);
  const hits = [...cands].filter((c) => tf[c]);
  const props = Object.keys(t.properties).map(snake);
  const best = hits.sort((a, b) => props.filter((p) => tf[b].args[p]).length - props.filter((p) => tf[a].args[p]).length)[0];
  console.log(`${name}\t${best ?? '-'}`);
}

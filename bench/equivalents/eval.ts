// `npm run eval:equivalents`: how well the type-equivalence derivation does on the reviewed table it did not see
// (each quarter hidden in turn), and how many CloudFormation types with a natural aws_* counterpart still say "none".
import fs from 'node:fs';
import path from 'node:path';
import { DERIVE_THRESHOLD, heldOutEvaluation, heldOutReverseEvaluation, type DeriveInput } from '../../server/src/core/knowledge/typesDerive';
import { snakeCase } from '../../server/src/core/convert/naming';

const root = path.resolve(__dirname, '../..');
const read = (f: string) => JSON.parse(fs.readFileSync(path.join(root, 'data', f), 'utf8'));
const cfnTypes = read('cfn-types.json').types;
const tfResources = read('tf-types.mpl.json').resources;
const services = read('services.json').services;
// --mapping FILE: count coverage of another mapping.json (e.g. the one before the derivation).
const other = process.argv.indexOf('--mapping');
const mapping: Record<string, { tf: string[]; provenance?: string; fromTf?: Record<string, unknown> }> = (other > 0 ? JSON.parse(fs.readFileSync(process.argv[other + 1], 'utf8')) : read('mapping.json')).cfnToTf;
const reviewed = Object.fromEntries(Object.entries(mapping).filter(([, m]) => (m.provenance ?? 'reviewed') === 'reviewed'));
const input: DeriveInput = { cfnTypes, tfResources, services, reviewed };
const verbose = process.argv.includes('--verbose');

console.log(`threshold ${DERIVE_THRESHOLD}`);
let hidden = 0, answered = 0, correct = 0;
// Quarter 0 is the held-out one: no rule was tuned on it. Quarters 1-3 are the tune quarters, pooled below.
let tuneHidden = 0, tuneAnswered = 0, tuneCorrect = 0;
for (let q = 0; q < 4; q++) {
  const r = heldOutEvaluation(input, q);
  hidden += r.hidden; answered += r.answered; correct += r.correct;
  if (q > 0) { tuneHidden += r.hidden; tuneAnswered += r.answered; tuneCorrect += r.correct; }
  console.log(`quarter ${q}${q === 0 ? ' (the one npm test checks)' : ''}: hidden ${r.hidden}, answered ${r.answered}, correct ${r.correct}, precision ${(100 * r.precision).toFixed(1)} %, recall ${(100 * r.recall).toFixed(1)} %`);
  for (const w of r.wrong) console.log(`  WRONG ${w.cfn}: derived ${w.derived}, reviewed ${w.expected}`);
  if (verbose) for (const m of r.missed) console.log(`  missed ${m.cfn}: reviewed ${m.expected}; best ${m.best?.tf} ${m.best?.score} ${JSON.stringify(m.best?.evidence)}`);
}
console.log(`tune quarters 1-3: hidden ${tuneHidden}, precision ${(100 * tuneCorrect / tuneAnswered).toFixed(1)} %, recall ${(100 * tuneCorrect / tuneHidden).toFixed(1)} %`);
console.log(`all quarters at ${DERIVE_THRESHOLD}: hidden ${hidden}, precision ${(100 * correct / answered).toFixed(1)} %, recall ${(100 * correct / hidden).toFixed(1)} %`);

// The threshold sweep the choice rests on (all four quarters pooled).
for (const t of [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8]) {
  let h = 0, a = 0, c = 0;
  for (let q = 0; q < 4; q++) {
    const r = heldOutEvaluation(input, q, t);
    h += r.hidden; a += r.answered; c += r.correct;
  }
  console.log(`  threshold ${t}: precision ${(100 * c / a).toFixed(1)} %, recall ${(100 * c / h).toFixed(1)} %`);
}

// Natural counterpart: an aws_* resource named <service prefix><snake resource> (a prefix of the type's own service) (with or without a word of the
// service's own name), the name a user would look for.
const prefixes = new Map<string, string[]>(services.map((s: { id: string; tfPrefixes: string[] }) => [s.id, s.tfPrefixes.filter((p) => p.endsWith('_'))]));
let natural = 0, stillNone = 0, mappedTypes = 0;
const none: string[] = [];
const cfnNames = Object.keys(cfnTypes).filter((n) => n.startsWith('AWS::') && !n.startsWith('AWS::Serverless::'));
for (const name of cfnNames) {
  const [, ns, res] = name.split('::');
  const r = snakeCase(res);
  const rTrim = r.split('_').filter((w) => !ns.toLowerCase().includes(w)).join('_');
  const ps = [...(prefixes.get(cfnTypes[name].service) ?? []), `aws_${ns.toLowerCase()}_`];
  const hit = ps.flatMap((p) => [p + r, rTrim ? p + rTrim : '']).find((c) => c && tfResources[c]);
  const m = mapping[name];
  if (m?.tf.length) mappedTypes++;
  if (!hit) continue;
  natural++;
  if (!m?.tf.length) { stillNone++; none.push(`${name} (${hit})`); }
}
console.log(`CloudFormation AWS:: types: ${cfnNames.length}; with a hashicorp/aws equivalent in mapping.json: ${mappedTypes}`);
console.log(`types with a natural aws_* counterpart: ${natural}; still "none": ${stillNone}`);
// A false "none": the type says none while a Terraform resource is matched to it from the Terraform side.
const falseNone = Object.entries(mapping).filter(([, m]) => !m.tf.length && m.fromTf && Object.keys(m.fromTf).length).map(([k]) => k);
console.log(`types saying "none" while the Terraform side names them: ${falseNone.length}${falseNone.length ? ` (${falseNone.join(', ')})` : ''}`);
if (verbose || stillNone <= 30) for (const n of none) console.log(`  none: ${n}`);

// Terraform -> CloudFormation (fromTf): the same held-out quarters read backwards. A hidden reviewed pair's
// Terraform primary is treated as named by no type; correct = the reverse derivation lists the reviewed type.
let rh = 0, ra = 0, rc = 0;
for (let q = 0; q < 4; q++) {
  const r = heldOutReverseEvaluation(input, q);
  rh += r.hidden; ra += r.answered; rc += r.correct;
  console.log(`reverse quarter ${q}: hidden ${r.hidden}, answered ${r.answered}, correct ${r.correct}`);
  for (const w of r.wrong) console.log(`  reverse WRONG ${w.expected}: derived ${w.derived}, reviewed ${w.cfn}`);
}
console.log(`reverse, all quarters: hidden ${rh}, precision ${(100 * rc / ra).toFixed(1)} %, recall ${(100 * rc / rh).toFixed(1)} %`);
const fromTf = new Set(Object.values(mapping).flatMap((m) => Object.keys(m.fromTf ?? {})));
const named = new Set(Object.values(mapping).flatMap((m) => m.tf));
const unnamed = Object.keys(tfResources).filter((t) => !named.has(t));
console.log(`hashicorp/aws resources: ${Object.keys(tfResources).length}; named by no CloudFormation type: ${unnamed.length}; of those matched from the Terraform side: ${unnamed.filter((t) => fromTf.has(t)).length}`);

// Builds data/property-map.json: CloudFormation property -> Terraform argument(s) per reviewed type, as
// structured data ({args}, {oneOf}, {flatten}, {resource}, {none}). The reviewed table (curated/tf-mapping.mjs)
// writes these as a short DSL (`a|b+c`, `aws_x`, `a+b+…`); it is parsed here, once, and checked against the
// pinned provider schema, so nothing at run time parses it again. Run alone: node scripts/gen-data/propertyMap.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TF_MAPPING } from './curated/tf-mapping.mjs';
import { PROPERTY_OVERRIDES } from './curated/property-map.mjs';
import { writeJson } from './lib/util.mjs';

const RESOURCE = /^aws_[a-z0-9_]+$/;

/** One DSL value -> structured form. `schema` is the primary Terraform type's schema. */
export function parsePropertyValue(value, schema, tfResources) {
  const v = value.trim();
  if (RESOURCE.test(v) && !(v in schema.args) && tfResources[v]) return { resource: v };
  if (v.includes('|')) return { oneOf: v.split('|').map((set) => set.split('+').map((p) => p.trim())) };
  const parts = v.split('+').map((p) => p.trim());
  if (parts.includes('…')) return { flatten: parts.filter((p) => p !== '…') };
  return { args: parts };
}

function argsOf(target) {
  return [...(target.args ?? []), ...(target.oneOf ?? []).flat(), ...(target.flatten ?? [])];
}

export function buildPropertyMap({ cfnTypes, tfResources }) {
  const out = {};
  const errors = [];
  for (const cfnType of Object.keys(TF_MAPPING).sort()) {
    const raw = TF_MAPPING[cfnType];
    const tf = typeof raw === 'string' ? [raw] : raw.tf;
    const schema = tfResources[tf[0]];
    const dsl = typeof raw === 'string' ? {} : raw.properties ?? {};
    const overrides = PROPERTY_OVERRIDES[cfnType] ?? {};
    const names = [...new Set([...Object.keys(dsl), ...Object.keys(overrides)])].sort();
    if (!names.length || !schema) continue;
    const entry = {};
    for (const property of names) {
      if (!cfnTypes[cfnType]?.properties[property] && !cfnType.startsWith('AWS::Serverless::')) errors.push(`${cfnType}.${property}: no such CloudFormation property`);
      const target = overrides[property] ?? parsePropertyValue(dsl[property], schema, tfResources);
      if (target.resource && !tfResources[target.resource]) errors.push(`${cfnType}.${property}: ${target.resource} is not a hashicorp/aws resource`);
      for (const arg of argsOf(target)) if (!(arg in schema.args)) errors.push(`${cfnType}.${property}: ${tf[0]} has no argument ${arg}`);
      for (const other of target.exclusive ?? []) if (!cfnTypes[cfnType]?.properties[other]) errors.push(`${cfnType}.${property}: exclusive with unknown ${other}`);
      entry[property] = target;
    }
    // Two properties never land on one argument unless they exclude each other.
    const owner = new Map();
    for (const property of names) {
      for (const arg of new Set(argsOf(entry[property]))) {
        const other = owner.get(arg);
        if (other && !(entry[property].exclusive ?? []).includes(other)) errors.push(`${cfnType}: ${other} and ${property} both land on ${arg}`);
        owner.set(arg, property);
      }
    }
    out[cfnType] = entry;
  }
  if (errors.length) throw new Error('property map is inconsistent:\n' + errors.join('\n'));
  return out;
}

export function writePropertyMap(dataDir, input) {
  const properties = buildPropertyMap(input);
  const size = writeJson(path.join(dataDir, 'property-map.json'), { properties }, ['properties']);
  const count = Object.values(properties).reduce((n, e) => n + Object.keys(e).length, 0);
  console.log(`property-map.json: ${count} reviewed properties of ${Object.keys(properties).length} types, ${size} bytes`);
}

// Alone: reads the generated type tables instead of the pinned sources (same content).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
  const read = (f) => JSON.parse(fs.readFileSync(path.join(dataDir, f), 'utf8'));
  writePropertyMap(dataDir, { cfnTypes: read('cfn-types.json').types, tfResources: read('tf-types.mpl.json').resources });
}

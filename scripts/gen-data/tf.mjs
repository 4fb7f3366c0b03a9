// Reads the hashicorp/aws schema as exposed by the pinned @cdktn/provider-aws jsii assembly:
// resource/data-source classes name their Terraform type in their docs link, their *Config struct lists
// the arguments (optional = not required; a struct-typed argument is a nested block), and immutable
// getters that are not arguments are the computed attributes.
import fs from 'node:fs';
import path from 'node:path';

const ANCHOR = /\/docs\/(?:resources|data-sources)\/[a-z0-9_]+#([a-z0-9_]+) [A-Za-z0-9]+#\1\}/;
const camelToSnake = (s) => s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function isBlock(type, types) {
  if (!type) return false;
  if (type.fqn) return !type.fqn.startsWith('cdktn.') && types[type.fqn]?.kind === 'interface';
  if (type.union) return type.union.types.some((t) => isBlock(t, types));
  if (type.collection) return isBlock(type.collection.elementtype, types) && type.collection.kind === 'array';
  return false;
}

const PRIMITIVE = { string: 'string', number: 'number', boolean: 'bool', any: 'any', json: 'any', date: 'string' };

/** Terraform type of an attribute from its jsii type: string, number, bool, list(string), map(number)... */
function attrType(type) {
  if (!type) return undefined;
  if (type.primitive) return PRIMITIVE[type.primitive] ?? type.primitive;
  if (type.union) return attrType(type.union.types.find((t) => t.fqn !== 'cdktn.IResolvable'));
  if (type.collection) {
    const element = attrType(type.collection.elementtype) ?? 'any';
    return type.collection.kind === 'map' ? `map(${element})` : `list(${element})`;
  }
  return undefined;
}

/** The struct of a nested block and whether it holds at most one (a bare struct; lists are `X[] | IResolvable`). */
function blockStruct(type, types) {
  if (type?.fqn && types[type.fqn]?.kind === 'interface') return { fqn: type.fqn, single: true };
  if (type?.union) for (const t of type.union.types) { const s = blockStruct(t, types); if (s) return { ...s, single: false }; }
  if (type?.collection?.kind === 'array' && type.collection.elementtype.fqn && types[type.collection.elementtype.fqn]?.kind === 'interface') {
    return { fqn: type.collection.elementtype.fqn, single: false };
  }
  return undefined;
}

/** Arguments and nested blocks of a struct, at every depth: { name: { required, type } | { block, max, min, args } }. */
function structSchema(properties, types, depth = 0) {
  const args = {};
  for (const p of properties ?? []) {
    const docText = `${p.docs?.remarks ?? ''} ${p.docs?.summary ?? ''}`;
    const name = docText.match(ANCHOR)?.[1] ?? camelToSnake(p.name);
    const arg = {};
    if (!p.optional) arg.required = true;
    const struct = blockStruct(p.type, types);
    if (struct && depth < 12) {
      arg.block = true;
      if (struct.single) arg.max = 1;
      if (!p.optional) arg.min = 1;
      arg.args = structSchema(types[struct.fqn].properties, types, depth + 1);
    } else {
      const type = attrType(p.type);
      if (type) arg.type = type;
    }
    args[name] = arg;
  }
  return Object.fromEntries(Object.entries(args).sort(([a], [b]) => a.localeCompare(b)));
}

export function loadProvider(dir) {
  const jsii = JSON.parse(fs.readFileSync(path.join(dir, '.jsii'), 'utf8'));
  const types = jsii.types;
  const resources = {};
  const dataSources = {};
  const schemas = { resources: {}, dataSources: {} };
  for (const t of Object.values(types)) {
    if (t.kind !== 'class') continue;
    const kind = t.base === 'cdktn.TerraformResource' ? 'resources' : t.base === 'cdktn.TerraformDataSource' ? 'data-sources' : undefined;
    if (!kind) continue;
    const m = t.docs?.summary?.match(/\/docs\/(resources|data-sources)\/\S+ (aws_[a-z0-9_]+)\}/);
    if (!m) continue;
    const name = m[2];
    const config = types[t.fqn + 'Config'];
    const args = {};
    const argCamel = new Set();
    for (const p of config?.properties ?? []) {
      const docText = `${p.docs?.remarks ?? ''} ${p.docs?.summary ?? ''}`;
      const snakeName = docText.match(ANCHOR)?.[1] ?? camelToSnake(p.name);
      argCamel.add(p.name);
      const arg = {};
      if (!p.optional) arg.required = true;
      if (isBlock(p.type, types)) arg.block = true;
      args[snakeName] = arg;
    }
    const attrs = new Set();
    for (const p of t.properties ?? []) {
      if (p.static || !p.immutable || p.name.endsWith('Input') || argCamel.has(p.name)) continue;
      attrs.add(camelToSnake(p.name));
    }
    attrs.add('id');
    const entry = { args: Object.fromEntries(Object.entries(args).sort(([a], [b]) => a.localeCompare(b))), attrs: [...attrs].sort() };
    (kind === 'resources' ? resources : dataSources)[name] = entry;
    schemas[kind === 'resources' ? 'resources' : 'dataSources'][name] = { args: structSchema(config?.properties, types), attrs: entry.attrs };
  }
  return { resources, dataSources, schemas, terraformVersionNote: jsii.version };
}

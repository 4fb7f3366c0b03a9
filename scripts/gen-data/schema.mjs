// Complete schemas, split so that the server reads only what a request needs (issue 15):
//   data/schema/cfn/index.json          every CloudFormation type name (completion, "did you mean")
//   data/schema/cfn/<AWS-Ns-Name>.json  one type, with full descriptions and its property types at every depth
//                                       (propertyTypes, keyed by the names the type uses); one file per type so
//                                       that a first hover reads ~20-100 KB, not a namespace (EC2: 540 KB)
//   data/schema/tf/index.mpl.json       every Terraform resource and data source name
//   data/schema/tf/<word>.mpl.json      Terraform resources and data sources `aws_<word>_*` with every nested
//                                       block (nesting, min/max) and attribute type (MPL-2.0, labelled inside)
// The summary tables (cfn-types.json, tf-types.mpl.json) stay as they are for the generators and the converter.
import path from 'node:path';
import { writeJson } from './lib/util.mjs';
import { typeString } from './cfn.mjs';

/** Markdown of the spec without links' targets noise: kept whole (hovers show the full text), whitespace folded. */
function fullText(text) {
  if (!text) return undefined;
  const t = String(text).replace(/<[^>]+>/g, ' ').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return t || undefined;
}

function property(p, typeDefs) {
  const prop = { type: typeString(p.type, typeDefs) };
  if (p.required) prop.required = true;
  const d = fullText(p.documentation);
  if (d) prop.description = d;
  const allowed = p.type.allowedValues ?? (p.type.type === 'array' || p.type.type === 'map' ? p.type.element?.allowedValues : undefined);
  if (allowed?.length) prop.allowed = allowed;
  if (p.causesReplacement === 'yes') prop.update = 'replacement';
  else if (p.causesReplacement === 'maybe') prop.update = 'conditional';
  return prop;
}

/** Type definitions a resource reaches from its properties, at every depth. */
function reachableTypes(properties, typeDefs) {
  const found = new Map();
  const visit = (t) => {
    if (!t) return;
    if (t.type === 'ref') {
      const def = typeDefs.get(t.reference.$ref);
      if (!def || found.has(def.name)) return;
      found.set(def.name, def);
      for (const p of Object.values(def.properties ?? {})) visit(p.type);
    } else if (t.type === 'array' || t.type === 'map') visit(t.element);
    else if (t.type === 'union') t.types.forEach(visit);
  };
  for (const p of Object.values(properties ?? {})) visit(p.type);
  return found;
}

const sorted = (obj) => Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k]]));

/** `AWS::SQS::Queue` -> `AWS-SQS-Queue`: the file a CloudFormation type's schema is in (the loader derives it the same way). */
export const cfnFile = (name) => name.replace(/::/g, '-');

export function buildCfnSchemas({ spec, types }) {
  const byName = new Map(spec.resources.map((r) => [r.cloudFormationType, r]));
  const chunks = {};
  let clashes = 0;
  for (const [name, summary] of Object.entries(types)) {
    const r = byName.get(name);
    const entry = { ...summary };
    if (r) {
      const full = fullText(r.documentation);
      if (full && full !== summary.description) entry.fullDescription = full;
      const properties = {};
      for (const [pname, p] of Object.entries(r.properties ?? {})) properties[pname] = property(p, spec.typeDefs);
      if (Object.keys(properties).length) entry.properties = sorted(properties);
      const propertyTypes = {};
      for (const [tname, def] of reachableTypes(r.properties, spec.typeDefs)) {
        if (propertyTypes[tname]) clashes++;
        const props = {};
        for (const [pname, p] of Object.entries(def.properties ?? {})) props[pname] = property(p, spec.typeDefs);
        const d = fullText(def.documentation);
        propertyTypes[tname] = { ...(d ? { description: d } : {}), properties: sorted(props) };
      }
      // Present even when empty: it tells the server this entry is complete (nested checks may run).
      entry.propertyTypes = sorted(propertyTypes);
    }
    (chunks[cfnFile(name)] ??= {})[name] = entry;
  }
  return { chunks, names: Object.keys(types).sort(), clashes };
}

export function writeCfnSchemas(dataDir, { chunks, names }) {
  const dir = path.join(dataDir, 'schema', 'cfn');
  let size = writeJson(path.join(dir, 'index.json'), { names }, []);
  for (const [chunk, entries] of Object.entries(chunks)) size += writeJson(path.join(dir, `${chunk}.json`), { types: entries }, ['types']);
  return size;
}

/** `aws_lambda_function` -> `lambda`: the file a Terraform type's schema is in (the loader derives it the same way). */
export const tfChunk = (name) => name.split('_')[1] ?? name;

export function writeTfSchemas(dataDir, { resources, dataSources }, header, owner) {
  const dir = path.join(dataDir, 'schema', 'tf');
  // The names alone, so that completion and recognition never parse every schema.
  let size = writeJson(path.join(dir, 'index.mpl.json'), { ...header, resources: Object.keys(resources).sort(), dataSources: Object.keys(dataSources).sort() }, []);
  const chunks = {};
  for (const [kind, table] of [['resources', resources], ['dataSources', dataSources]]) {
    for (const [name, schema] of Object.entries(table)) ((chunks[tfChunk(name)] ??= { resources: {}, dataSources: {} })[kind])[name] = { service: owner.get(name) ?? '', ...schema };
  }
  for (const [chunk, value] of Object.entries(chunks)) size += writeJson(path.join(dir, `${chunk}.mpl.json`), { ...header, ...value }, ['resources', 'dataSources']);
  return { size, files: Object.keys(chunks).length };
}

// data/schema/cfn/summary.json: what a `Type:` completion list shows of every CloudFormation type (issue 16: the
// first `Type: AWS::` completion read and parsed 300 complete schemas, ~100 ms, and each new prefix typed read more).
// Per type: its description and its required properties with what a properties snippet needs (type, allowed values).
// Derived from the complete schemas only (written by schema.mjs, or read back from data/schema/cfn): regenerate alone
// with `node scripts/gen-data/cfnSummary.mjs`; test/unit/data/cfnTypeSummary.test.ts checks the file against the schemas.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeJson } from './lib/util.mjs';

/** One type's summary: [description, [[property, type, allowed?], …]] (required properties in the schema's order). */
export function cfnTypeSummary(type) {
  const required = Object.entries(type.properties ?? {})
    .filter(([, p]) => p.required)
    .map(([name, p]) => (p.allowed?.length ? [name, p.type, p.allowed] : [name, p.type]));
  return [type.description ?? '', required];
}

/** Summaries of every type in `types` (name -> complete schema), keyed and ordered by name. */
export function cfnTypeSummaries(types) {
  return Object.fromEntries(Object.keys(types).sort().map((name) => [name, cfnTypeSummary(types[name])]));
}

/** The complete schemas as data/schema/cfn holds them (index.json names every type; one file per type). */
export function readCfnSchemas(dataDir) {
  const dir = path.join(dataDir, 'schema', 'cfn');
  const { names } = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  const types = {};
  for (const name of names) {
    const file = path.join(dir, `${name.replace(/::/g, '-')}.json`);
    const type = JSON.parse(fs.readFileSync(file, 'utf8')).types?.[name];
    if (!type) throw new Error(`${file}: no schema of ${name}`);
    types[name] = type;
  }
  return types;
}

export const SUMMARY_FILE = path.join('schema', 'cfn', 'summary.json');

export function writeCfnSummaries(dataDir, types) {
  return writeJson(path.join(dataDir, SUMMARY_FILE), { types: cfnTypeSummaries(types) }, ['types']);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');
  const size = writeCfnSummaries(dataDir, readCfnSchemas(dataDir));
  console.log(`${SUMMARY_FILE}: ${(size / 1024).toFixed(0)} KB`);
}

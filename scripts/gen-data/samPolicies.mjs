// Builds data/sam-policy-templates.json: every SAM policy template with its parameters and the statements it
// expands to, exactly as SAM's own policy_templates.json states them (Action lists, Resource and Condition with
// their Fn::Sub / Ref forms), so that the converter expands any template and the hover names the actions it
// grants. Read from the pinned aws-sam-translator installed for python3 (found by importing it); any other
// version is refused, so the data never drifts silently.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCES } from './lib/sources.mjs';
import { writeJson } from './lib/util.mjs';

/** The samtranslator package folder as python3 imports it, when its version is the pinned one. */
export function samTranslatorDir(pinned = SOURCES.samTranslator.version) {
  const py = 'import samtranslator, os, json; print(json.dumps([os.path.dirname(samtranslator.__file__), samtranslator.__version__]))';
  let out;
  try {
    out = execFileSync('python3', ['-c', py], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch {
    throw new Error(`python3 cannot import samtranslator: pip install ${SOURCES.samTranslator.pypi}==${SOURCES.samTranslator.version}`);
  }
  const [dir, version] = JSON.parse(out);
  if (version !== pinned) {
    throw new Error(`${SOURCES.samTranslator.pypi} ${version} found at ${dir}; the data is pinned to ${pinned}`);
  }
  return dir;
}

/** Name -> { description, params, statements }, templates sorted by name; parameter descriptions are dropped. */
export function buildSamPolicyTemplates(file) {
  const source = JSON.parse(fs.readFileSync(file, 'utf8'));
  const out = {};
  for (const name of Object.keys(source.Templates).sort()) {
    const t = source.Templates[name];
    const statements = t.Definition?.Statement;
    if (!Array.isArray(statements) || Object.keys(t.Definition).length !== 1) throw new Error(`${name}: Definition is not { Statement: [...] }`);
    out[name] = { description: t.Description ?? '', params: Object.keys(t.Parameters ?? {}), statements };
  }
  return { version: source.Version, templates: out };
}

export function writeSamPolicyTemplates(dataDir) {
  const src = SOURCES.samTranslator;
  const built = buildSamPolicyTemplates(path.join(samTranslatorDir(), 'policy_templates_data', 'policy_templates.json'));
  const data = {
    license: src.license,
    source: `samtranslator/policy_templates_data/policy_templates.json (templates version ${built.version}) of the PyPI package ${src.pypi} ${src.version} (Apache-2.0, https://github.com/aws/serverless-application-model), Copyright Amazon.com, Inc. or its affiliates`,
    templates: built.templates,
  };
  const size = writeJson(path.join(dataDir, 'sam-policy-templates.json'), data, ['templates']);
  const withCondition = Object.keys(built.templates).filter((n) => built.templates[n].statements.some((s) => s.Condition));
  console.log(`sam-policy-templates.json: ${Object.keys(built.templates).length} templates (${withCondition.length} with a Condition), ${size} bytes`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeSamPolicyTemplates(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data'));

// Entry point of `npm run gen:data`: fetches the pinned sources (see lib/sources.mjs) into a cache outside
// the repository and regenerates every file under data/. Output is deterministic.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCES, botocoreData, npmSource } from './lib/sources.mjs';
import { writeJson } from './lib/util.mjs';
import { buildServices } from './services.mjs';
import { buildCfnTypes } from './cfn.mjs';
import { buildIamActions } from './iam.mjs';
import { buildMapping } from './mapping.mjs';
import { writePropertyMap } from './propertyMap.mjs';
import { writeBilingual } from './bilingual.mjs';
import { writeFeatures } from './features.mjs';
import { loadSpec } from './spec.mjs';
import { loadProvider } from './tf.mjs';
import { buildCfnSchemas, writeCfnSchemas, writeTfSchemas } from './schema.mjs';
import { writeCfnSummaries } from './cfnSummary.mjs';
import { writeSdkOperations } from './sdk.mjs';
import { writeSamPolicyTemplates } from './samPolicies.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.join(root, 'data');
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

const spec = loadSpec(npmSource('serviceSpec'));
const provider = loadProvider(npmSource('providerAws', ['.jsii']));
const tfNames = Object.keys(provider.resources).sort();

const { services, tfOwner, cfnOwner } = buildServices({
  iamDir: npmSource('iamData'),
  botoDir: botocoreData(),
  sdkDir: npmSource('awsSdkV2', ['apis']),
  spec,
  tfNames: [...new Set([...tfNames, ...Object.keys(provider.dataSources)])].sort(),
  docsText: spec.docsText,
});
if (want('services')) {
  const size = writeJson(path.join(dataDir, 'services.json'), { services }, ['services']);
  console.log(`services.json: ${services.length} services, ${size} bytes`);
}
const cfn = buildCfnTypes({ spec, cfnspecDir: npmSource('cfnspec', ['spec/specification.json']), cfnOwner });
if (want('cfn')) {
  const size = writeJson(path.join(dataDir, 'cfn-types.json'), { types: cfn.types }, ['types']);
  console.log(`cfn-types.json: ${Object.keys(cfn.types).length} types, ${size} bytes; without service: ${cfn.unowned.join(' ') || 'none'}`);
}
if (want('schema')) {
  const cfnSchemas = buildCfnSchemas({ spec, types: cfn.types });
  const cfnSize = writeCfnSchemas(dataDir, cfnSchemas);
  console.log(`schema/cfn: ${Object.keys(cfnSchemas.chunks).length} files, ${cfnSize} bytes; property type name clashes: ${cfnSchemas.clashes}`);
  const summarySize = writeCfnSummaries(dataDir, Object.fromEntries(Object.values(cfnSchemas.chunks).flatMap((chunk) => Object.entries(chunk))));
  console.log(`schema/cfn/summary.json: ${summarySize} bytes`);
  const header = {
    license: 'MPL-2.0',
    source: `Derived from the Terraform AWS provider schema (${SOURCES.providerAws.terraformProvider}, MPL-2.0, https://github.com/hashicorp/terraform-provider-aws) via the npm package ${SOURCES.providerAws.pkg}@${SOURCES.providerAws.version} (MPL-2.0). This file, as a whole, is available under the Mozilla Public License 2.0.`,
  };
  const tf = writeTfSchemas(dataDir, provider.schemas, header, tfOwner);
  console.log(`schema/tf: ${tf.files} files, ${tf.size} bytes`);
}

const withService = (table) => Object.fromEntries(Object.keys(table).sort().map((name) => [name, { service: tfOwner.get(name) ?? '', ...table[name] }]));
if (want('tf')) {
  const tfData = {
    license: 'MPL-2.0',
    source: `Derived from the Terraform AWS provider schema (${SOURCES.providerAws.terraformProvider}, MPL-2.0, https://github.com/hashicorp/terraform-provider-aws) via the npm package ${SOURCES.providerAws.pkg}@${SOURCES.providerAws.version} (MPL-2.0). This file, as a whole, is available under the Mozilla Public License 2.0.`,
    resources: withService(provider.resources),
    dataSources: withService(provider.dataSources),
  };
  const size = writeJson(path.join(dataDir, 'tf-types.mpl.json'), tfData, ['resources', 'dataSources']);
  console.log(`tf-types.mpl.json: ${Object.keys(tfData.resources).length} resources, ${Object.keys(tfData.dataSources).length} data sources, ${size} bytes`);
}
if (want('iam')) {
  const actions = buildIamActions(npmSource('iamData'));
  const size = writeJson(path.join(dataDir, 'iam-actions.json'), { actions }, ['actions']);
  console.log(`iam-actions.json: ${Object.keys(actions).length} prefixes, ${Object.values(actions).reduce((n, a) => n + Object.keys(a).length, 0)} actions, ${size} bytes`);
}
if (want('mapping')) {
  const cfnToTf = buildMapping({ cfnTypes: cfn.types, tfResources: withService(provider.resources), services });
  const size = writeJson(path.join(dataDir, 'mapping.json'), { cfnToTf }, ['cfnToTf']);
  const count = (p) => Object.values(cfnToTf).filter((e) => e.provenance === p && e.tf.length).length;
  console.log(`mapping.json: ${count('reviewed')} reviewed, ${count('derived')} derived pairs, ${Object.keys(cfnToTf).length} types, ${size} bytes`);
}
if (want('property-map')) writePropertyMap(dataDir, { cfnTypes: cfn.types, tfResources: provider.resources });
// Reads the files written above (the words of AWS names), so it runs last.
if (want('bilingual')) writeBilingual(dataDir);
// Feature names (Transit Gateway, Event Source Mapping) from the types, IAM actions and Japanese forms written above.
if (want('features')) writeFeatures(dataDir);
// boto3 / SDK v3 operations and SAM policy templates (recognize/sdkOperations.ts); reads iam-actions.json.
if (want('sdk')) writeSdkOperations(dataDir, { botoDir: botocoreData(), sdkDir: npmSource('awsSdkV2', ['apis']), iamDir: npmSource('iamData'), libDirs: [npmSource('libDynamodb', ['dist-types/commands'])], spec, services });
// SAM policy templates and the statements they grant (aws-sam-translator's policy_templates.json).
if (want('sam-policies')) writeSamPolicyTemplates(dataDir);
export { cfn, spec, provider, services, tfOwner, dataDir, want };
if (process.env.GEN_REPORT) {
  const unowned = [...new Set([...tfNames, ...Object.keys(provider.dataSources)])].filter((n) => !tfOwner.has(n));
  console.log('tf without service:', unowned.length, unowned.join(' '));
}

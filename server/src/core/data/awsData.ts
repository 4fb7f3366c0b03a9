// The knowledge base as the core sees it: lookups by name, built lazily from raw tables so that
// start-up pays only for what a request needs.
import { createBilingualTable, type BilingualTable, type RawBilingualTable } from '../text/bilingual';
import { createFeatureLookup } from './features';
import type { RawSamPolicyFile, RawSamPolicyTemplate } from './samPolicyTemplates';
import { createSdkTable, type RawSdkTable, type SdkTable } from './sdkTable';
import type { CfnProperty, CfnResourceType, CfnTypeSummary, FeatureEntry, RawCfnTypeSummary, IamAction, PropertyTarget, ServiceEntry, TfType, TypeMapping } from './types';

export interface RawAwsData {
  services: () => ServiceEntry[];
  cfnTypes: () => Record<string, CfnResourceType>;
  /**
   * Complete schemas read per type (data/schema/): when given, they answer cfnType / cfnTypeNames instead of the
   * whole cfnTypes table, so that a hover reads one namespace's file rather than every type.
   */
  cfnType?: (name: string) => CfnResourceType | undefined;
  cfnTypeNames?: () => string[];
  /** Every type's CfnTypeSummary (data/schema/cfn/summary.json); absent: derived from cfnType per name. */
  cfnTypeSummaries?: () => Record<string, RawCfnTypeSummary> | undefined;
  /** A Terraform type with every nested block and attribute type; absent: the top-level tables stand in. */
  tfSchema?: (kind: 'resource' | 'data', name: string) => TfType | undefined;
  /** Names of every Terraform resource or data source (with tfSchema: so the whole tables are never parsed). */
  tfTypeNames?: (kind: 'resource' | 'data') => string[];
  tfResources: () => Record<string, TfType>;
  tfDataSources: () => Record<string, TfType>;
  mapping: () => Record<string, TypeMapping>;
  /** Reviewed property answers per CloudFormation type (data/property-map.json); absent when not shipped. */
  propertyMap?: () => Record<string, Record<string, PropertyTarget>>;
  /** Feature names of services (data/features.json); absent when not shipped. */
  features?: () => FeatureEntry[];
  iamActions: () => Record<string, Record<string, IamAction>>;
  /** boto3/SDK v3 operations and SAM policy templates (data/sdk-operations.json); absent when not shipped. */
  sdk?: () => RawSdkTable | undefined;
  /** SAM policy templates with their statements (data/sam-policy-templates.json); absent when not shipped. */
  samPolicyTemplates?: () => RawSamPolicyFile | undefined;
  /** English -> Japanese forms (data/bilingual.json); absent or undefined when not shipped. */
  bilingual?: () => RawBilingualTable | undefined;
}

export interface AwsData {
  services(): readonly ServiceEntry[];
  service(id: string): ServiceEntry | undefined;
  cfnType(name: string): CfnResourceType | undefined;
  cfnTypeNames(): readonly string[];
  /** A type's description and required properties (completion lists), without reading its complete schema. */
  cfnTypeSummary(name: string): CfnTypeSummary | undefined;
  tfResource(name: string): TfType | undefined;
  /** A Terraform resource or data source with its nested blocks (args[].args) where the data has them. */
  tfSchema(kind: 'resource' | 'data', name: string): TfType | undefined;
  tfDataSource(name: string): TfType | undefined;
  tfResourceNames(): readonly string[];
  tfDataSourceNames(): readonly string[];
  /** CloudFormation type -> Terraform mapping (reviewed table). */
  mappingForCfn(cfnType: string): TypeMapping | undefined;
  /** Terraform type (aws_* or awscc_*) -> CloudFormation types that map to it. */
  cfnForTf(tfType: string): string[];
  /** Reviewed property answers of a CloudFormation type; knowledge/properties.ts resolves the rest. */
  propertyMap(cfnType: string): Readonly<Record<string, PropertyTarget>> | undefined;
  iamActions(prefix: string): Record<string, IamAction> | undefined;
  /** Service owning an IAM prefix ("sqs" -> SQS). */
  serviceByIamPrefix(prefix: string): ServiceEntry | undefined;
  serviceByCfnNamespace(namespace: string): ServiceEntry | undefined;
  serviceByTfType(tfType: string): ServiceEntry | undefined;
  serviceByBoto3(name: string): ServiceEntry | undefined;
  serviceByJsPackage(pkg: string): ServiceEntry | undefined;
  serviceByJsClient(className: string): ServiceEntry | undefined;
  serviceByPrincipal(principal: string): ServiceEntry | undefined;
  /** boto3/SDK v3 operations and SAM policy templates; undefined when the table is not loaded. */
  sdk(): SdkTable | undefined;
  /** A SAM policy template's parameters and statements, as SAM's policy_templates.json states them. */
  samPolicyTemplate(name: string): RawSamPolicyTemplate | undefined;
  /** Features of services with their own names and types (Transit Gateway, Event Source Mapping). */
  features(): readonly FeatureEntry[];
  featureByCfnType(cfnType: string): FeatureEntry | undefined;
  featureByTfType(tfType: string): FeatureEntry | undefined;
  featureByPrincipal(principal: string): FeatureEntry | undefined;
  /** English identifier parts -> Japanese forms (core/text/bilingual.ts); undefined when the table is not loaded. */
  bilingual(): BilingualTable | undefined;
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

function indexBy(services: ServiceEntry[], keys: (s: ServiceEntry) => string[]): Map<string, ServiceEntry> {
  const map = new Map<string, ServiceEntry>();
  for (const service of services) {
    for (const key of keys(service)) if (!map.has(key)) map.set(key, service);
  }
  return map;
}

export function createAwsData(raw: RawAwsData): AwsData {
  const services = lazy(raw.services);
  const byId = lazy(() => indexBy(services(), (s) => [s.id]));
  const byIam = lazy(() => indexBy(services(), (s) => s.iamPrefixes.map((p) => p.toLowerCase())));
  const byCfnNs = lazy(() => indexBy(services(), (s) => s.cfnNamespaces.map((n) => n.toLowerCase())));
  const byBoto3 = lazy(() => indexBy(services(), (s) => s.boto3));
  const byJsPkg = lazy(() => indexBy(services(), (s) => s.jsSdk.map((j) => j.package)));
  const byJsClient = lazy(() => indexBy(services(), (s) => s.jsSdk.map((j) => j.client)));
  const byPrincipal = lazy(() => indexBy(services(), (s) => s.principals.map((p) => p.toLowerCase())));
  // Longest prefix first, so aws_cloudwatch_event_ wins over aws_cloudwatch_.
  const tfPrefixes = lazy(() =>
    services()
      .flatMap((s) => [...s.tfPrefixes, ...s.awsccPrefixes].map((prefix) => ({ prefix, service: s })))
      .sort((a, b) => b.prefix.length - a.prefix.length),
  );
  const cfnTypes = lazy(raw.cfnTypes);
  const cfnNames = lazy(() => raw.cfnTypeNames?.() ?? Object.keys(cfnTypes()).sort());
  const tfResources = lazy(raw.tfResources);
  const tfDataSources = lazy(raw.tfDataSources);
  const tfResourceNames = lazy(() => raw.tfTypeNames?.('resource') ?? Object.keys(tfResources()).sort());
  const tfDataSourceNames = lazy(() => raw.tfTypeNames?.('data') ?? Object.keys(tfDataSources()).sort());
  // With per-type schemas, one type is read from its file; the summary tables are for data without them.
  const ownEntry = (table: () => Record<string, TfType>, name: string) => (Object.hasOwn(table(), name) ? table()[name] : undefined);
  const tfResource = (name: string) => (raw.tfSchema ? raw.tfSchema('resource', name) : ownEntry(tfResources, name));
  const tfDataSource = (name: string) => (raw.tfSchema ? raw.tfSchema('data', name) : ownEntry(tfDataSources, name));
  const mapping = lazy(raw.mapping);
  const reverse = lazy(() => {
    const map = new Map<string, string[]>();
    for (const [cfn, m] of Object.entries(mapping())) {
      for (const tf of [...m.tf, ...(m.awscc ? [m.awscc] : [])]) {
        const list = map.get(tf) ?? [];
        list.push(cfn);
        map.set(tf, list);
      }
    }
    return map;
  });
  const propertyMap = lazy(() => raw.propertyMap?.() ?? {});
  const iam = lazy(raw.iamActions);
  const features = lazy(() => raw.features?.() ?? []);
  const sdk = lazy(() => {
    const table = raw.sdk?.();
    return table ? createSdkTable(table, (prefix) => { const actions = iam()[prefix]; return actions && Object.keys(actions); }) : undefined;
  });
  const samPolicies = lazy(() => raw.samPolicyTemplates?.()?.templates ?? {});
  // Only known Terraform types have features (their table names the service).
  const featureLookup = lazy(() => createFeatureLookup(features(), (tf) => (tfResource(tf) ?? tfDataSource(tf))?.service));
  const bilingual = lazy(() => {
    const table = raw.bilingual?.();
    return table ? createBilingualTable(table) : undefined;
  });

  // Issue 16: a `Type: AWS::` completion asks for 300 types per request; the schema reader's per-name work (the
  // chunk's key, its lookup) was a fifth of the completion's time. Types found are kept here by name (the data's
  // own, so at most every type once; names that are no type, e.g. half typed, are not kept).
  const typesByName = new Map<string, CfnResourceType>();
  const cfnType = (name: string): CfnResourceType | undefined => {
    let type = typesByName.get(name);
    if (type) return type;
    type = raw.cfnType ? raw.cfnType(name) : Object.hasOwn(cfnTypes(), name) ? cfnTypes()[name] : undefined;
    if (type) typesByName.set(name, type);
    return type;
  };

  // Issue 16: a `Type:` completion lists up to 300 types; reading each one's complete schema made the first list of a
  // start (and each new prefix typed) take 25-125 ms. One summary table answers them all; each summary is built once.
  const rawSummaries = lazy(() => raw.cfnTypeSummaries?.());
  const summaries = new Map<string, CfnTypeSummary>();
  const cfnTypeSummary = (name: string): CfnTypeSummary | undefined => {
    const known = summaries.get(name);
    if (known) return known;
    const table = rawSummaries();
    const summary = table ? (Object.hasOwn(table, name) ? fromRawSummary(table[name]) : undefined) : summaryOf(cfnType(name));
    // Names that are no type (half typed) are not kept.
    if (summary) summaries.set(name, summary);
    return summary;
  };

  return {
    services,
    service: (id) => byId().get(id),
    cfnType,
    cfnTypeNames: cfnNames,
    cfnTypeSummary,
    tfResource,
    tfDataSource,
    tfSchema: (kind, name) => (kind === 'data' ? tfDataSource(name) : tfResource(name)),
    tfResourceNames,
    tfDataSourceNames,
    mappingForCfn: (cfnType) => mapping()[cfnType],
    cfnForTf: (tfType) => reverse().get(tfType) ?? [],
    propertyMap: (cfnType) => propertyMap()[cfnType],
    iamActions: (prefix) => iam()[prefix.toLowerCase()],
    serviceByIamPrefix: (prefix) => byIam().get(prefix.toLowerCase()),
    serviceByCfnNamespace: (ns) => byCfnNs().get(ns.toLowerCase()),
    serviceByTfType: (tfType) => {
      const known = tfResource(tfType) ?? tfDataSource(tfType);
      if (known) {
        const service = byId().get(known.service);
        if (service) return service;
      }
      for (const { prefix, service } of tfPrefixes()) {
        if (prefix.endsWith('_') ? tfType.startsWith(prefix) : tfType === prefix) return service;
      }
      return undefined;
    },
    serviceByBoto3: (name) => byBoto3().get(name),
    serviceByJsPackage: (pkg) => byJsPkg().get(pkg),
    serviceByJsClient: (className) => byJsClient().get(className),
    serviceByPrincipal: (principal) => byPrincipal().get(principal.toLowerCase()),
    features,
    featureByCfnType: (cfnType) => featureLookup().byCfnType(cfnType),
    featureByTfType: (tfType) => featureLookup().byTfType(tfType),
    featureByPrincipal: (principal) => featureLookup().byPrincipal(principal),
    bilingual,
    sdk,
    samPolicyTemplate: (name) => (Object.hasOwn(samPolicies(), name) ? samPolicies()[name] : undefined),
  };
}

/** The summary of a complete type (data without a summary table); the same as scripts/gen-data/cfnSummary.mjs writes. */
function summaryOf(type: CfnResourceType | undefined): CfnTypeSummary | undefined {
  if (!type) return undefined;
  const required = Object.entries(type.properties ?? {}).filter(([, p]) => p.required);
  return { description: type.description || undefined, required: required.map(([name, p]) => [name, summaryProperty(p.type, p.allowed)] as const) };
}

function fromRawSummary(raw: RawCfnTypeSummary): CfnTypeSummary | undefined {
  if (!Array.isArray(raw) || !Array.isArray(raw[1])) return undefined;
  const [description, required] = raw;
  return { description: description || undefined, required: required.map(([name, type, allowed]) => [name, summaryProperty(type, allowed)] as const) };
}

/** A required property as a snippet needs it (summaries carry nothing else). */
function summaryProperty(type: string, allowed: string[] | undefined): CfnProperty {
  return allowed?.length ? { type, required: true, allowed } : { type, required: true };
}

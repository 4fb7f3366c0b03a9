// Shapes of the generated AWS knowledge base (files under /data, built by `npm run gen:data`).
// The core only sees these through AwsData; the loader (server/src/node/dataLoader.ts) reads the JSON lazily.

export interface LocalizedText {
  en: string;
  ja?: string;
}

/** One AWS service with every name and identity it is known by. */
export interface ServiceEntry {
  /** Stable id, lower-case, usually the IAM prefix: "sqs", "lambda", "apigateway". */
  id: string;
  /** Official full name: "Amazon Simple Queue Service". */
  name: string;
  /** Short names people write, case as written: ["SQS", "Amazon SQS"]. */
  shortNames: string[];
  /** Other spellings and aliases: ["Simple Queue Service"]. */
  aliases: string[];
  /**
   * Names that are also ordinary words (Config, Batch, Backup, Connect, Shield...). In code they only count
   * with an "AWS "/"Amazon " prefix; in prose only when capitalised as a name.
   */
  ambiguousNames?: string[];
  iamPrefixes: string[];
  arnNamespace?: string;
  /** ["AWS::SQS"] */
  cfnNamespaces: string[];
  /** hashicorp/aws prefixes, with trailing underscore when a prefix: ["aws_sqs_"]; exact names allowed: ["aws_instance"]. */
  tfPrefixes: string[];
  /** awscc prefixes: ["awscc_sqs_"] */
  awsccPrefixes: string[];
  /** boto3 client names: ["sqs"] */
  boto3: string[];
  /** JS SDK v3: [{ package: "@aws-sdk/client-sqs", client: "SQSClient" }] */
  jsSdk: { package: string; client: string }[];
  /** ["sqs.amazonaws.com"] */
  principals: string[];
  docUrl?: string;
  description: LocalizedText;
}

/**
 * A feature of a service that people write about by its own name and that has its own resource types
 * (data/features.json): "Transit Gateway" (vpc), "Event Source Mapping" (lambda), "Identity Pool" (cognito-identity).
 */
export interface FeatureEntry {
  /** Canonical name, as the types spell it: "Transit Gateway", "NAT Gateway". */
  name: string;
  /** The parent service (ServiceEntry.id) whose notes the feature belongs to. */
  service: string;
  /** Other spellings, case as written, Japanese included: ["トランジットゲートウェイ"]. */
  names: string[];
  /** Its own CloudFormation types; types extending the name (`AWS::EC2::SecurityGroupIngress`) follow by rule. */
  cfnTypes: string[];
  /** Terraform types that do not follow from its words (`aws_eip` for "Elastic IP"); the others follow by rule. */
  tfTypes?: string[];
  /** Service principals that stand for the feature ("edgelambda.amazonaws.com" for Lambda@Edge). */
  principals?: string[];
}

export interface CfnProperty {
  /** "String", "Integer", "List<String>", "Json", "Tags", or a nested type name. */
  type: string;
  required?: boolean;
  description?: string;
  allowed?: string[];
  docUrl?: string;
  /** Update behaviour where the spec has it: a change replaces the resource (or may). */
  update?: 'replacement' | 'conditional';
}

/**
 * What a `Type:` completion list shows of a resource type: its description and its required properties (with the
 * type and allowed values a properties snippet needs), in the schema's order. Cheaper than the complete type.
 */
export interface CfnTypeSummary {
  description?: string;
  required: readonly (readonly [string, CfnProperty])[];
}

/** A CfnTypeSummary as data/schema/cfn/summary.json stores it: [description, [[name, type, allowed?], …]]. */
export type RawCfnTypeSummary = [string, ([string, string] | [string, string, string[]])[]];

/** A nested property type of one resource type (`AWS::Lambda::Function.VpcConfig`), at any depth. */
export interface CfnPropertyType {
  description?: string;
  properties: Record<string, CfnProperty>;
}

export interface CfnResourceType {
  /** Service id (ServiceEntry.id). */
  service: string;
  description?: string;
  docUrl?: string;
  properties: Record<string, CfnProperty>;
  /** GetAtt attribute names. */
  attributes: string[];
  /** What !Ref returns, short ("queue URL", "function name"). */
  refReturns?: string;
  /** The spec's whole description when `description` is its first sentence (complete schemas only). */
  fullDescription?: string;
  /** Nested property types by the names `CfnProperty.type` uses (complete schemas only; data/schema/cfn). */
  propertyTypes?: Record<string, CfnPropertyType>;
}

export interface TfArgument {
  required?: boolean;
  /** true when the argument is a nested block rather than an attribute. */
  block?: boolean;
  /** Attribute type: "string", "number", "bool", "list(string)", "map(string)"... (complete schemas only). */
  type?: string;
  /** Block repetitions: max 1 for a single block, min 1 for a required one (complete schemas only). */
  min?: number;
  max?: number;
  /** A block's own arguments and blocks, at every depth (complete schemas only; data/schema/tf). */
  args?: Record<string, TfArgument>;
}

export interface TfType {
  service: string;
  description?: string;
  args: Record<string, TfArgument>;
  /** Exported attributes (computed). */
  attrs: string[];
}

/** Why a derived pair was matched (knowledge/typesDerive.ts derives it; the hover shows it). */
export interface TypeEvidence {
  /** 1 when the resource words equal the Terraform name after its service prefix; token overlap otherwise. */
  name: number;
  /** CloudFormation properties that are Terraform arguments after snake_case / total properties. */
  props: [number, number];
  /** Terraform required arguments that are CloudFormation properties / total required. */
  required: [number, number];
  /** CloudFormation attributes that are Terraform attributes / total attributes. */
  attrs: [number, number];
  /** When the name is another namespace's spelling of the same resource name: that reviewed pair. */
  analogy?: string;
  /** Terraform -> CloudFormation: the type's own counterpart whose name this one's generalises (one-to-many). */
  generalOf?: string;
  /** Terraform -> CloudFormation: the type's own counterpart this one is the provider's alias of (aws_alb_listener). */
  aliasOf?: string;
}

export interface TypeMapping {
  /** hashicorp/aws equivalents, first is the primary. Empty when none. */
  tf: string[];
  /** awscc equivalent, if the awscc provider has it. */
  awscc?: string;
  /** "one-to-one" | "one-to-many" | "many-to-one" | "none" */
  kind: 'one-to-one' | 'one-to-many' | 'many-to-one' | 'none';
  note?: string;
  /** "reviewed" (curated/tf-mapping.mjs) or "derived" (knowledge/typesDerive.ts at generation time). */
  provenance?: 'reviewed' | 'derived';
  /** Derived pairs: the score and the evidence it rests on. */
  score?: number;
  evidence?: TypeEvidence;
  /** hashicorp/aws resources no type names that stand for this one, matched from the Terraform side. */
  fromTf?: Record<string, { score: number; evidence: TypeEvidence }>;
  /** Which TF attribute a `!Ref` to this resource becomes ("id", "arn", "name", "url"...). */
  refAttr?: string;
  /** CFN GetAtt attribute -> TF attribute. */
  attributes?: Record<string, string>;
}

/**
 * A reviewed CloudFormation property -> Terraform answer (data/property-map.json; knowledge/properties.ts resolves
 * every other property by naming conventions): arguments together, one of several argument sets, a wrapper whose
 * fields are the resource's own arguments, a separate resource, or none with the reason.
 */
export type PropertyTarget = (
  | { args: string[] }
  | { oneOf: string[][] }
  | { flatten: string[] }
  | { resource: string }
  | { none: string }
) & {
  /** Properties this one cannot be set with (CodeUri / InlineCode): only those may share its arguments. */
  exclusive?: string[];
};

export interface IamAction {
  description: string;
  accessLevel: string;
}

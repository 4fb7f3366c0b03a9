// The CloudFormation template model: a position-keeping tree (offsets into the text, UTF-16 like LSP),
// section indexes for editor features, and plain values for the converter.

/** Half-open [start, end) offsets into the template text. */
export interface Range {
  start: number;
  end: number;
}

export type CfnNode = CfnScalar | CfnSequence | CfnMapping;

interface NodeBase {
  range: Range;
  /** YAML tag as written ("!Ref"), when any. */
  tag?: string;
  /** Set when this node is a function call: a short-form tag or a one-key `Fn::X` / `Ref` mapping. */
  intrinsic?: CfnIntrinsic;
}

export interface CfnScalar extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The string content without quotes (same as range for plain scalars). */
  valueRange: Range;
  quoted: boolean;
}

export interface CfnSequence extends NodeBase {
  kind: 'sequence';
  items: CfnNode[];
}

export interface CfnMapping extends NodeBase {
  kind: 'mapping';
  pairs: CfnPair[];
}

export interface CfnPair {
  key: string;
  keyRange: Range;
  /** Undefined while the value is still being typed (`Key` without `:`). */
  value: CfnNode | undefined;
  /** From the key start to the value end. */
  range: Range;
}

/** Canonical names without the `Fn::` prefix; `Ref` and `Condition` as they are. */
export type IntrinsicName =
  | 'Ref'
  | 'Condition'
  | 'GetAtt'
  | 'Sub'
  | 'Join'
  | 'Select'
  | 'Split'
  | 'If'
  | 'Equals'
  | 'And'
  | 'Or'
  | 'Not'
  | 'FindInMap'
  | 'ImportValue'
  | 'GetAZs'
  | 'Base64'
  | 'Cidr'
  | 'Transform'
  | 'ToJsonString'
  | 'Length';

/** A name written in the template that points at a logical id (Ref target, GetAtt resource, `${Var}`). */
export interface CfnNameRef {
  name: string;
  range: Range;
}

/** One `${...}` inside a `Fn::Sub` string. */
export interface SubReference {
  /** Everything between the braces, e.g. "Queue.Arn" or "AWS::Region". */
  text: string;
  /** Range of `text` (inside the braces). */
  range: Range;
  /** Logical id / parameter / pseudo parameter part (before the first dot). */
  target: string;
  /** GetAtt attribute part (after the first dot), when any. */
  attribute?: string;
  /** True when the name is defined in the Sub's own variable map rather than in the template. */
  local: boolean;
}

export interface CfnIntrinsic {
  fn: IntrinsicName;
  form: 'short' | 'long';
  /** The whole call including the tag or the `Fn::X` key. */
  range: Range;
  /** The `!Tag` or the `Fn::X` / `Ref` key. */
  nameRange: Range;
  /**
   * Arguments, normalised: functions taking a list get its items; the others get one argument.
   * `!GetAtt A.B` is split into two scalar arguments with their own ranges.
   */
  args: CfnNode[];
  /** Ref / Condition target, GetAtt resource. */
  target?: CfnNameRef;
  /** GetAtt attribute. */
  attribute?: CfnNameRef;
  /** Sub only: the `${...}` references of its string. */
  subReferences?: SubReference[];
}

/** Plain JS value of a template; function calls become `{ fn, args }`. */
export type CfnValue = string | number | boolean | null | CfnValue[] | CfnValueMap | CfnFunctionValue;
export interface CfnValueMap {
  [key: string]: CfnValue;
}
export interface CfnFunctionValue {
  fn: IntrinsicName;
  args: CfnValue[];
}

/** A logical id in one of the sections (Parameters, Resources, Outputs, Conditions, Mappings). */
export interface CfnEntry {
  id: string;
  idRange: Range;
  /** Whole entry, id to end of value. */
  range: Range;
  node: CfnNode | undefined;
}

export interface CfnParameter extends CfnEntry {
  type?: string;
}

export interface CfnResource extends CfnEntry {
  /** "AWS::SQS::Queue" — undefined while not typed yet. */
  type?: string;
  typeRange?: Range;
  /** The `Properties` mapping when it is one. */
  properties?: CfnMapping;
  /** `Properties` entries (key ranges + value nodes); empty when none. */
  propertyPairs: CfnPair[];
  dependsOn: CfnNameRef[];
  condition?: CfnNameRef;
}

export interface CfnProblem {
  message: string;
  range: Range;
  severity: 'error' | 'warning';
}

export interface CfnLocation {
  /** Keys and sequence indexes from the root, e.g. ['Resources', 'JobQueue', 'Properties', 'VisibilityTimeout']. */
  path: (string | number)[];
  /** True when the offset is on a key (or on a key still being typed). */
  onKey: boolean;
  /** Deepest node containing the offset (the value node; for keys, the pair's value). */
  node?: CfnNode;
  pair?: CfnPair;
  /** Innermost function call containing the offset. */
  intrinsic?: CfnIntrinsic;
  /** The `${...}` under the offset inside a Sub string. */
  subReference?: SubReference;
}

export interface CfnTemplate {
  format: 'yaml' | 'json';
  text: string;
  root: CfnNode | undefined;
  /** Plain value of the whole template ({} when the root is not a mapping). */
  value: CfnValueMap;
  problems: CfnProblem[];
  formatVersion?: string;
  /** Transform names, e.g. ["AWS::Serverless-2016-10-31"]. */
  transforms: string[];
  /** Has a `AWS::Serverless` transform. */
  sam: boolean;
  /** Top-level entries (sections) with their key ranges. */
  sections: CfnPair[];
  parameters: CfnParameter[];
  resources: CfnResource[];
  outputs: CfnEntry[];
  conditions: CfnEntry[];
  mappings: CfnEntry[];
  /** Every function call in the document, in text order. */
  intrinsics: CfnIntrinsic[];
  resource(id: string): CfnResource | undefined;
  parameter(id: string): CfnParameter | undefined;
  nodeAt(offset: number): CfnLocation;
}

// The CloudFormation intrinsic functions: short-form tags, long-form keys and argument shapes.
import type { IntrinsicName } from './types';

export const INTRINSIC_NAMES: readonly IntrinsicName[] = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not',
  'FindInMap', 'ImportValue', 'GetAZs', 'Base64', 'Cidr', 'Transform', 'ToJsonString', 'Length',
];

/** `!Ref` -> Ref, `!GetAtt` -> GetAtt ... */
export const SHORT_TAGS: ReadonlyMap<string, IntrinsicName> = new Map(INTRINSIC_NAMES.map((n) => [`!${n}`, n]));

/** `Ref` -> Ref, `Condition` -> Condition, `Fn::GetAtt` -> GetAtt ... */
export const LONG_KEYS: ReadonlyMap<string, IntrinsicName> = new Map(
  INTRINSIC_NAMES.map((n) => [n === 'Ref' || n === 'Condition' ? n : `Fn::${n}`, n]),
);

/** How a function is written in long form. */
export function longName(fn: IntrinsicName): string {
  return fn === 'Ref' || fn === 'Condition' ? fn : `Fn::${fn}`;
}

/**
 * Functions whose argument is a list of arguments. The others take one argument (which may itself be a list,
 * e.g. Fn::Length and Fn::ToJsonString); Sub takes a string or [string, variables].
 */
export const LIST_ARGUMENT_FUNCTIONS: ReadonlySet<IntrinsicName> = new Set<IntrinsicName>([
  'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'FindInMap', 'Cidr',
]);

/** Pseudo parameters usable with Ref / ${} . */
export const PSEUDO_PARAMETERS: readonly string[] = [
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region',
  'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix',
];

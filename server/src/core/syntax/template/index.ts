// The CloudFormation template model: parse, detect, locate, plain values.
export { parseTemplate } from './parseTemplate';
export { detectTemplate, type TemplateKind } from '../../../../../shared/detectTemplate';
export { toValue, isFunctionValue, isValueMap } from './toValue';
export { splitSubString, type SubPart } from './subReferences';
export { INTRINSIC_NAMES, LONG_KEYS, SHORT_TAGS, PSEUDO_PARAMETERS, longName } from './intrinsics';
export type * from './types';

// The AWS knowledge layer: every feature asks here for equivalents across CloudFormation, Terraform and SAM
// instead of reading data/mapping.json or re-deriving conventions itself.
export { classifyCfnType, cfnEquivalence, primaryTf, tfEquivalence, primaryCfn } from './types';
export type { CfnTypeClass, CfnEquivalence, TfEquivalence, TypeProvenance } from './types';
export { companionOf } from './companions';
export type { CompanionOf } from './companions';

// The AWS knowledge layer: every feature asks here for equivalents across CloudFormation, Terraform and SAM
// instead of reading data/mapping.json or re-deriving conventions itself.
export { classifyCfnType, cfnEquivalence, primaryTf, tfEquivalence, primaryCfn } from './types';
export type { CfnTypeClass, CfnEquivalence, TfEquivalence, TypeProvenance } from './types';
export { companionOf } from './companions';
export type { CompanionOf } from './companions';
export { propertyMapping, propertyForArgument, primaryTfType, argumentsOf } from './properties';
export { alternativeFor } from './alternatives';
export type { PropertyAnswer, PropertyMapping, ArgumentSource, Provenance } from './properties';
export { snakeCase, singular, argumentGuesses, companionLink, logicalIdFor } from './naming';
export { refAttribute, tfAttributeFor, cfnAttributeFor, conventionalAttribute } from './attributes';
export type { AttributeOrigin } from './attributes';
export { samExpansion, samTypesCreating, SAM_EXPANSIONS } from './sam';
export type { SamExpansion, SamTarget, SamImplicit } from './sam';
export { samPolicyActions, samPolicyService } from './samPolicies';

// CloudFormation -> Terraform conversion (the `aws-notes convert` command and the editor command).
export { convertToTerraform, type ConvertOptions, type ConvertResult } from './convertToTerraform';
export { convertTemplate, templateFormat, templateResourceIds, type ConvertTarget, type TemplateFormat } from './convertTemplate';
// The plan pieces template hovers show ("this resource becomes …"): one converter, never a second copy of its rules.
export { ConvertContext } from './context';
export { conditionLocal, intrinsic, refExpr, getAttExpr } from './expressions';
export { render, renderBlock, type Hcl } from './hcl';
export { planTargets } from './resourcePass';

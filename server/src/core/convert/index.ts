// CloudFormation -> Terraform conversion (the `aws-notes convert` command and the editor command).
export { convertToTerraform, type ConvertOptions, type ConvertResult } from './convertToTerraform';

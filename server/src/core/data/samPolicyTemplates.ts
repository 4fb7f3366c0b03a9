// SAM's policy templates as shipped in data/sam-policy-templates.json (scripts/gen-data/samPolicies.mjs, from
// aws-sam-translator's policy_templates.json): the statements are JSON in CloudFormation's long form.

/** A JSON value of the source file (`{"Fn::Sub": [...]}`, `{"Ref": "QueueName"}`), not yet a CfnValue. */
export type SamJson = string | number | boolean | null | SamJson[] | { [key: string]: SamJson };

export interface RawSamPolicyTemplate {
  description: string;
  /** Parameter names, all required by SAM: ["QueueName"]. */
  params: string[];
  /** IAM statements with Ref to the parameters where the user's values go. */
  statements: { [key: string]: SamJson }[];
}

export interface RawSamPolicyFile {
  templates: Record<string, RawSamPolicyTemplate>;
}

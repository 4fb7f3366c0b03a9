// Reviewed additions to the derived feature names (scripts/gen-data/features.mjs). Only what the data cannot give:
// a feature with no resource type of its own words (Lambda@Edge, Elastic IP from `EIP`, Lambda layer from
// `LayerVersion`), a parent service other than the type's namespace (identity pools are the `cognito-identity`
// service, the namespace is AWS::Cognito), and the spellings notes use that no source lists (`ID pool`).
// Fields: name (canonical), service, names (more spellings, case as written; Japanese welcome), cfn / tf (exact
// types), principals (service principals that stand for the feature).
export const FEATURES = [
  {
    name: 'Elastic IP', service: 'ec2', names: ['Elastic IP address', 'EIP', 'Elastic IP アドレス'],
    cfn: ['AWS::EC2::EIP', 'AWS::EC2::EIPAssociation'], tf: ['aws_eip', 'aws_eip_association', 'aws_eips'],
  },
  {
    name: 'Lambda Layer', service: 'lambda', names: ['Lambda layer', 'Lambda layers', 'Lambda Layers', 'Lambda レイヤー', 'Lambda レイヤ'],
    cfn: ['AWS::Lambda::LayerVersion', 'AWS::Lambda::LayerVersionPermission'], tf: ['aws_lambda_layer_version', 'aws_lambda_layer_version_permission'],
  },
  { name: 'Lambda@Edge', service: 'lambda', names: [], principals: ['edgelambda.amazonaws.com'] },
  {
    name: 'Identity Pool', service: 'cognito-identity', names: ['ID pool', 'ID Pool', 'ID プール', 'Cognito ID プール', 'Cognito ID pool'],
    cfn: ['AWS::Cognito::IdentityPool'], principals: ['cognito-identity.amazonaws.com'],
  },
  { name: 'User Pool', service: 'cognito-idp', names: ['Cognito User Pool'] },
];

// Derived names that are general terms in notes, not the feature of the one service the data gives them to:
// a data catalog is Glue's as often as Athena's, a data lake is Lake Formation's, identity providers are IAM's
// and Cognito's, a public key is anyone's, resource groups are a service of their own, a web app is generic.
export const NOT_FEATURES = ['Data Catalog', 'Data Lake', 'Identity Provider', 'Public Key', 'Resource Group', 'Web App'];

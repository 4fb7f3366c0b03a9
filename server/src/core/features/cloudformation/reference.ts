// What the CloudFormation language itself means: intrinsic and condition functions, pseudo parameters,
// transforms, resource attributes, SAM shortcuts. Short texts in English and Japanese.
import type { Text } from '../../present/l10n';
import type { IntrinsicName } from '../../syntax/template/types';

export const CONDITION_FUNCTIONS: ReadonlySet<IntrinsicName> = new Set<IntrinsicName>(['If', 'Equals', 'And', 'Or', 'Not', 'Condition']);

export const FUNCTION_DOCS: Record<IntrinsicName, Text> = {
  Ref: {
    en: 'Returns the value of a parameter, or the physical id of a resource (what it is depends on the type: a queue URL, a bucket name...).',
    ja: 'パラメータの値、またはリソースの物理 ID を返します (何が返るかはタイプ次第: キューの URL、バケット名など)。',
  },
  GetAtt: {
    en: 'Returns an attribute of a resource in this template, e.g. its ARN.',
    ja: 'このテンプレート内のリソースの属性 (ARN など) を返します。',
  },
  Sub: {
    en: 'Substitutes `${Name}` (parameters, resources, pseudo parameters) and `${Resource.Attribute}` in a string; `${!Text}` stays literal.',
    ja: '文字列中の `${Name}` (パラメータ、リソース、疑似パラメータ) と `${Resource.Attribute}` を値に置き換えます。`${!Text}` はそのまま残ります。',
  },
  Join: { en: 'Joins a list of values with a delimiter.', ja: 'リストの値を区切り文字で連結します。' },
  Select: { en: 'Returns the item at an index of a list.', ja: 'リストの指定したインデックスの要素を返します。' },
  Split: { en: 'Splits a string into a list at a delimiter.', ja: '文字列を区切り文字で分割してリストにします。' },
  If: {
    en: 'Returns the second argument when the named condition is true, else the third (`AWS::NoValue` removes the property).',
    ja: '指定した条件が真なら 2 番目、偽なら 3 番目の引数を返します (`AWS::NoValue` でプロパティ自体を省略)。',
  },
  Equals: { en: 'True when the two values are equal.', ja: '2 つの値が等しいとき真になります。' },
  And: { en: 'True when all the conditions (2 to 10) are true.', ja: 'すべての条件 (2〜10 個) が真のとき真になります。' },
  Or: { en: 'True when any of the conditions (2 to 10) is true.', ja: 'いずれかの条件 (2〜10 個) が真のとき真になります。' },
  Not: { en: 'Negates a condition.', ja: '条件を否定します。' },
  Condition: { en: 'Refers to a condition defined in the Conditions section.', ja: 'Conditions セクションで定義した条件を参照します。' },
  FindInMap: {
    en: 'Returns the value under two keys of a map in the Mappings section: `[MapName, TopKey, SecondKey]`.',
    ja: 'Mappings セクションのマップから 2 段階のキーで値を取り出します: `[MapName, TopKey, SecondKey]`。',
  },
  ImportValue: { en: 'Returns a value exported by another stack (Outputs › Export).', ja: '別スタックがエクスポートした値 (Outputs › Export) を返します。' },
  GetAZs: { en: 'Returns the Availability Zones of a region (empty string: this region).', ja: 'リージョンのアベイラビリティーゾーンのリストを返します (空文字列ならこのリージョン)。' },
  Base64: { en: 'Encodes a string in Base64 (EC2 user data).', ja: '文字列を Base64 でエンコードします (EC2 のユーザーデータなど)。' },
  Cidr: { en: 'Returns a list of CIDR blocks carved out of a block: `[block, count, hostBits]`.', ja: 'CIDR ブロックから切り出したアドレスブロックのリストを返します: `[block, count, hostBits]`。' },
  Transform: { en: 'Runs a macro on part of the template.', ja: 'テンプレートの一部にマクロを適用します。' },
  ToJsonString: { en: 'Turns an object or list into a JSON string (needs `AWS::LanguageExtensions`).', ja: 'オブジェクトやリストを JSON 文字列に変換します (`AWS::LanguageExtensions` が必要)。' },
  Length: { en: 'Returns the number of items of a list (needs `AWS::LanguageExtensions`).', ja: 'リストの要素数を返します (`AWS::LanguageExtensions` が必要)。' },
};

export const PSEUDO_DOCS: Record<string, Text> = {
  'AWS::AccountId': { en: 'The AWS account id of the stack.', ja: 'スタックの AWS アカウント ID。' },
  'AWS::NotificationARNs': { en: 'The SNS topic ARNs that receive the stack events.', ja: 'スタックのイベント通知を受け取る SNS トピック ARN のリスト。' },
  'AWS::NoValue': { en: 'Removes the property (use in `!If`).', ja: 'プロパティを削除します (`!If` の中で使用)。' },
  'AWS::Partition': { en: 'The partition: `aws`, `aws-cn`, `aws-us-gov`.', ja: 'パーティション: `aws`、`aws-cn`、`aws-us-gov`。' },
  'AWS::Region': { en: 'The region the stack is created in.', ja: 'スタックを作成したリージョン。' },
  'AWS::StackId': { en: 'The ARN of the stack.', ja: 'スタックの ARN。' },
  'AWS::StackName': { en: 'The name of the stack.', ja: 'スタックの名前。' },
  'AWS::URLSuffix': { en: 'The domain suffix, usually `amazonaws.com`.', ja: 'ドメインのサフィックス (通常は `amazonaws.com`)。' },
};

export const TRANSFORM_DOCS: Record<string, Text> = {
  'AWS::Serverless-2016-10-31': {
    en: 'The SAM transform: `AWS::Serverless::*` resources and `Globals` are expanded into plain CloudFormation (functions with their roles and event sources, APIs, tables) when the stack is deployed. Terraform has no transform: write the expanded resources (the converter does it).',
    ja: 'SAM 変換: デプロイ時に `AWS::Serverless::*` リソースと `Globals` を通常の CloudFormation (ロールとイベントソース付きの関数、API、テーブル) に展開します。Terraform に変換の仕組みはないため、展開後のリソースを書きます (コンバーターが行います)。',
  },
  'AWS::LanguageExtensions': {
    en: 'Adds `Fn::ForEach`, `Fn::Length`, `Fn::ToJsonString` and intrinsic functions in more places.',
    ja: '`Fn::ForEach`、`Fn::Length`、`Fn::ToJsonString` を使えるようにし、組み込み関数を書ける場所を増やします。',
  },
  'AWS::Include': { en: 'Inserts a template snippet stored in S3.', ja: 'S3 に置いたテンプレートの断片を挿入します。' },
};

export const TRANSFORM_KEY: Text = {
  en: 'Macros CloudFormation runs on the template before creating the stack.',
  ja: 'スタックを作成する前に CloudFormation がテンプレートに適用するマクロ。',
};

export const RESOURCE_ATTRIBUTES: Record<string, Text> = {
  Type: { en: 'The resource type, e.g. `AWS::SQS::Queue`.', ja: 'リソースタイプ (例: `AWS::SQS::Queue`)。' },
  Properties: { en: 'The settings of the resource.', ja: 'リソースの設定値。' },
  DependsOn: { en: 'Creates this resource only after the named resources. Not needed where `!Ref`/`!GetAtt` already imply the order. Terraform: `depends_on`.', ja: '指定したリソースの作成後にこのリソースを作成します。`!Ref`/`!GetAtt` で順序が決まる場合は不要です。Terraform では `depends_on`。' },
  Condition: { en: 'Creates the resource only when the named condition is true. Terraform: `count`.', ja: '指定した条件が真のときだけリソースを作成します。Terraform では `count`。' },
  DeletionPolicy: { en: '`Delete`, `Retain`, `RetainExceptOnCreate` or `Snapshot` when the resource leaves the stack. Terraform: `lifecycle { prevent_destroy = true }` comes closest to Retain.', ja: 'スタックから外れたときの扱い: `Delete`、`Retain`、`RetainExceptOnCreate`、`Snapshot`。Terraform では `lifecycle { prevent_destroy = true }` が Retain に近いです。' },
  UpdateReplacePolicy: { en: 'What happens to the old physical resource when an update replaces it.', ja: '更新で置き換えられたときに古い物理リソースをどうするか。' },
  Metadata: { en: 'Free-form data attached to the resource.', ja: 'リソースに付ける任意のデータ。' },
  CreationPolicy: { en: 'Waits for success signals before the resource counts as created.', ja: '成功シグナルを受け取るまで作成完了としません。' },
  UpdatePolicy: { en: 'How updates of Auto Scaling groups, Lambda aliases and similar resources are rolled out.', ja: 'Auto Scaling グループや Lambda エイリアスなどの更新方法。' },
};

/** Plain CloudFormation type -> the SAM type that writes it shorter, and what SAM adds. */
export const SAM_SHORTCUTS: Record<string, { sam: string; what: Text }> = {
  'AWS::Lambda::Function': { sam: 'AWS::Serverless::Function', what: { en: 'the execution role, policy templates and event sources (`Events`) in one resource', ja: '実行ロール、ポリシーテンプレート、イベントソース (`Events`) を 1 つのリソースで' } },
  'AWS::Lambda::EventSourceMapping': { sam: 'AWS::Serverless::Function', what: { en: 'an `Events` entry of type `SQS`, `Kinesis` or `DynamoDB` on the function', ja: '関数の `Events` に `SQS`、`Kinesis`、`DynamoDB` タイプのエントリを書く' } },
  'AWS::Lambda::Permission': { sam: 'AWS::Serverless::Function', what: { en: 'created for you by the function `Events`', ja: '関数の `Events` から自動で作成される' } },
  'AWS::Lambda::LayerVersion': { sam: 'AWS::Serverless::LayerVersion', what: { en: 'with `ContentUri` pointing at a local folder', ja: 'ローカルフォルダーを `ContentUri` に指定できる' } },
  'AWS::DynamoDB::Table': { sam: 'AWS::Serverless::SimpleTable', what: { en: 'a table with one primary key, no sort key', ja: 'ソートキーのない、プライマリキー 1 つのテーブル' } },
  'AWS::ApiGateway::RestApi': { sam: 'AWS::Serverless::Api', what: { en: 'the REST API with its deployment and stage', ja: 'デプロイとステージを含む REST API' } },
  'AWS::ApiGatewayV2::Api': { sam: 'AWS::Serverless::HttpApi', what: { en: 'the HTTP API with its stage and routes from function `Events`', ja: 'ステージと、関数の `Events` から作られるルートを含む HTTP API' } },
  'AWS::StepFunctions::StateMachine': { sam: 'AWS::Serverless::StateMachine', what: { en: 'with its role, policy templates and event sources', ja: 'ロール、ポリシーテンプレート、イベントソースを含めて' } },
  'AWS::Serverless::Application': { sam: 'AWS::Serverless::Application', what: { en: 'a nested application from the Serverless Application Repository', ja: 'Serverless Application Repository のネストされたアプリケーション' } },
};

// What each SAM type becomes in plain CloudFormation: one list, in knowledge/sam.ts.
export { SAM_CFN_RESOURCES as SAM_EXPANSIONS } from '../../knowledge/sam';

// Reviewed English -> Japanese forms for AWS words that the pinned source (Sudachi's synonym dictionary) does not
// cover, or covers only with another sense. An entry REPLACES the derived forms for its key; forms best first.
// Each entry says why it is here. Keep this list short: add a word only when notes write it in Japanese and no
// source has it. `verb: true` marks a verb whose Japanese verbal noun follows its object (ReceiveMessage ->
// メッセージ受信).

export const CURATED = [
  // --- nouns and phrases absent from Sudachi ---------------------------------------------------------
  { en: 'queue', ja: ['キュー'], why: 'absent from Sudachi; SQS notes write キュー throughout' },
  { en: 'timeout', ja: ['タイムアウト'], why: 'absent from Sudachi (Lambda Timeout, SQS visibility timeout)' },
  { en: 'visibility timeout', ja: ['可視性タイムアウト'], why: 'the SQS term in the Japanese console and docs; neither word is in Sudachi' },
  { en: 'visibility', ja: ['可視性'], why: 'absent from Sudachi; ChangeMessageVisibility is discussed as 可視性' },
  { en: 'endpoint', ja: ['エンドポイント'], why: 'absent from Sudachi (VPC endpoints, API endpoints)' },
  { en: 'retention', ja: ['保持'], why: 'absent from Sudachi; MessageRetentionPeriod / log retention are written 保持期間' },
  { en: 'retention period', ja: ['保持期間'], why: 'phrase: Sudachi gives period -> ピリオド, which notes never use for a retention period' },
  { en: 'concurrency', ja: ['同時実行'], why: 'absent from Sudachi; Lambda ReservedConcurrentExecutions / 同時実行数' },
  { en: 'concurrent executions', ja: ['同時実行数', '同時実行'], why: 'phrase of the Lambda property ReservedConcurrentExecutions' },
  { en: 'encryption', ja: ['暗号化'], why: 'absent from Sudachi (SSE, KMS encryption settings)' },
  { en: 'handler', ja: ['ハンドラー', 'ハンドラ'], why: 'absent from Sudachi (Lambda Handler)' },
  { en: 'notification', ja: ['通知'], why: 'absent from Sudachi (S3 NotificationConfiguration, SNS)' },
  { en: 'lifecycle', ja: ['ライフサイクル'], why: 'absent from Sudachi (S3 LifecycleConfiguration)' },
  { en: 'certificate', ja: ['証明書'], why: 'absent from Sudachi (ACM certificates)' },
  { en: 'attribute', ja: ['属性'], why: 'absent from Sudachi (DynamoDB AttributeDefinitions, SQS attributes)' },
  { en: 'metric', ja: ['メトリクス'], why: 'absent from Sudachi (CloudWatch metrics)' },
  { en: 'environment', ja: ['環境変数'], why: 'absent from Sudachi; in AWS names Environment is the Lambda environment-variable block' },
  { en: 'variables', ja: ['環境変数', '変数'], why: 'absent from Sudachi (Environment.Variables)' },
  { en: 'destination', ja: ['送信先', '宛先'], why: 'absent from Sudachi (Lambda destinations, Firehose)' },
  { en: 'invocation', ja: ['呼び出し'], why: 'absent from Sudachi (Lambda invocation types)' },
  { en: 'execution role', ja: ['実行ロール'], why: 'phrase: the Lambda term; execution is absent from Sudachi' },
  { en: 'dead letter', ja: ['デッドレター'], why: 'phrase: Sudachi gives letter two senses (レター, レッテル); a dead-letter queue is only デッドレター' },
  { en: 'permission', ja: ['権限', 'パーミッション', 'アクセス権'], why: 'Sudachi puts 権限-like アクセス権 in another vocabulary; notes say 権限 for IAM permissions' },
  { en: 'function', ja: ['関数', 'ファンクション'], why: 'Sudachi lists 関数 as a separate vocabulary of the group; Lambda notes say 関数' },
  { en: 'principal', ja: ['プリンシパル'], why: 'Sudachi files プリンシパル under sports only; keep the IAM sense reviewed' },
  { en: 'receive', ja: ['受信'], verb: true, why: 'Sudachi has only the sports loanword レシーブ' },

  // --- verbs of IAM actions and API names, absent from Sudachi -------------------------------------
  { en: 'send', ja: ['送信'], verb: true, why: 'absent from Sudachi (SendMessage)' },
  { en: 'publish', ja: ['発行', 'パブリッシュ'], verb: true, why: 'absent from Sudachi (SNS Publish)' },
  { en: 'subscribe', ja: ['サブスクライブ', '購読'], verb: true, why: 'absent from Sudachi (SNS Subscribe)' },
  { en: 'invoke', ja: ['呼び出し', '実行'], verb: true, why: 'absent from Sudachi (lambda:InvokeFunction)' },
  { en: 'encrypt', ja: ['暗号化'], verb: true, why: 'absent from Sudachi (kms:Encrypt)' },
  { en: 'decrypt', ja: ['復号'], verb: true, why: 'absent from Sudachi (kms:Decrypt)' },
  { en: 'assume', ja: ['引き受け'], verb: true, why: 'absent from Sudachi (sts:AssumeRole -> ロールの引き受け)' },
  { en: 'execute', ja: ['実行'], verb: true, why: 'absent from Sudachi (execute-api:Invoke, states)' },
  { en: 'terminate', ja: ['終了'], verb: true, why: 'absent from Sudachi (ec2:TerminateInstances)' },
  { en: 'replicate', ja: ['レプリケート', '複製'], verb: true, why: 'absent from Sudachi (s3:ReplicateObject)' },
];

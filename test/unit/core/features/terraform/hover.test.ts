import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../../../server/src/core/languageService';
import { terraformProvider } from '../../../../../server/src/core/features/terraform/provider';
import { loadAwsData } from '../../../../../server/src/node/dataLoader';
import { documentWithCursor } from '../../../../helpers/cursor';
import { QUEUE_NOTE } from '../../../../helpers/notesFixtures';
import { tfTestData } from './testData';

type Service = ReturnType<typeof createLanguageService>;

function hoverOf(service: Service, source: string, uri = 'file:///ws/main.tf', languageId = 'terraform') {
  const { document, position } = documentWithCursor(uri, languageId, source);
  const hover = service.hover(document, position);
  if (!hover) return undefined;
  const range = hover.range!;
  return { text: (hover.contents as { value: string }).value, covered: document.getText(range) };
}

const QUEUES = `resource "aws_sqs_queue" "jobs" {
  name                       = "jobs"
  visibility_timeout_seconds = 30
}
`;

describe('terraform: hover', () => {
  const service = createLanguageService({ data: tfTestData(), providers: [terraformProvider] });
  service.index.setText('file:///notes/queue.md', QUEUE_NOTE);

  it('describes a resource type: CloudFormation equivalent, required arguments, registry link and notes', () => {
    const hover = hoverOf(service, 'resource "aws_sqs_‸queue" "jobs" {\n}\n')!;
    assert.equal(hover.covered, 'aws_sqs_queue');
    assert.match(hover.text, /\*\*`aws_sqs_queue`\*\* — Terraform resource/);
    assert.match(hover.text, /Creates a queue\./);
    assert.match(hover.text, /CloudFormation: `AWS::SQS::Queue`/);
    assert.match(hover.text, /Required arguments: none/);
    assert.match(hover.text, /\[Registry\]\(https:\/\/registry\.terraform\.io\/providers\/hashicorp\/aws\/latest\/docs\/resources\/sqs_queue\)/);
    assert.match(hover.text, /\*\*Amazon Simple Queue Service\*\*/);
    assert.match(hover.text, /queue\.md › キューまわりの学習メモ › SQS とは/);
  });

  it('names the SAM shortcut that creates a type and the type a companion resource comes from', () => {
    const lambda = hoverOf(service, 'resource "aws_lambda‸_function" "f" {}\n')!.text;
    assert.match(lambda, /CloudFormation: `AWS::Lambda::Function`/);
    assert.match(lambda, /SAM resources that create it: `AWS::Serverless::Function`/);
    assert.match(lambda, /Required arguments: `function_name`, `role`/);
    const target = hoverOf(service, 'resource "aws_cloudwatch_event_‸target" "t" {}\n')!.text;
    assert.match(target, /no CloudFormation type maps to it/);
    assert.match(target, /Also created from: property `Targets` of `AWS::Events::Rule`/);
  });

  it('describes data sources as reading existing resources, with the data-sources registry link', () => {
    const text = hoverOf(service, 'data "aws_sqs_‸queue" "q" {\n  name = "jobs"\n}\n')!.text;
    assert.match(text, /Terraform data source/);
    assert.match(text, /Reads an existing: `AWS::SQS::Queue`/);
    assert.match(text, /docs\/data-sources\/sqs_queue/);
    assert.doesNotMatch(text, /Required arguments/);
  });

  it('hovers an argument with its CloudFormation property, type and description', () => {
    const hover = hoverOf(service, QUEUES.replace('visibility_timeout', 'visibility‸_timeout'))!;
    assert.equal(hover.covered, 'visibility_timeout_seconds');
    assert.match(hover.text, /\*\*`visibility_timeout_seconds`\*\* — argument of `aws_sqs_queue` \(optional\)/);
    assert.match(hover.text, /CloudFormation property: `AWS::SQS::Queue` › \*\*`VisibilityTimeout`\*\* \(`Integer`, optional in CloudFormation\)/);
    assert.match(hover.text, /> Seconds a received message stays hidden\./);
  });

  it('finds unmapped arguments by the converter naming rules', () => {
    const text = hoverOf(service, 'resource "aws_sqs_queue" "q" {\n  dela‸y_seconds = 5\n}\n')!.text;
    assert.match(text, /`AWS::SQS::Queue` › \*\*`DelaySeconds`\*\*/);
    const memory = hoverOf(service, 'resource "aws_lambda_function" "f" {\n  memory‸_size = 256\n}\n')!.text;
    assert.match(memory, /`AWS::Lambda::Function` › \*\*`MemorySize`\*\*/);
  });

  it('is honest about composite mappings', () => {
    const text = hoverOf(service, 'resource "aws_lambda_function" "f" {\n  s3_buc‸ket = "b"\n}\n')!.text;
    assert.match(text, /› \*\*`Code`\*\* \(`Code`, required in CloudFormation\) — together with `s3_key`; alternatives: `filename` \| `image_uri`/);
  });

  it('hovers nested block names and flags arguments the schema does not have', () => {
    const block = hoverOf(service, 'resource "aws_lambda_function" "f" {\n  vpc_con‸fig {\n  }\n}\n')!.text;
    assert.match(block, /nested block of `aws_lambda_function`/);
    const unknown = hoverOf(service, 'resource "aws_sqs_queue" "q" {\n  visiblity‸ = 5\n}\n')!.text;
    assert.match(unknown, /not an argument of `aws_sqs_queue` in the provider schema/);
    const meta = hoverOf(service, 'resource "aws_sqs_queue" "q" {\n  cou‸nt = 2\n}\n')!.text;
    assert.match(meta, /meta-argument/);
  });

  it('hovers a reference with its declaration, attribute and CloudFormation GetAtt/Ref', () => {
    const source = `${QUEUES}resource "aws_lambda_event_source_mapping" "m" {\n  event_source_arn = aws_sqs_queue.jobs.a‸rn\n}\n`;
    const hover = hoverOf(service, source)!;
    assert.equal(hover.covered, 'aws_sqs_queue.jobs.arn');
    assert.match(hover.text, /\*\*`aws_sqs_queue\.jobs\.arn`\*\* — reference/);
    assert.match(hover.text, /`aws_sqs_queue\.jobs` is declared on line 1 of this file/);
    assert.match(hover.text, /attribute `arn`: exported \(computed\) by `aws_sqs_queue`/);
    assert.match(hover.text, /In CloudFormation \(`AWS::SQS::Queue`\): `!GetAtt Jobs\.Arn`/);
    const url = hoverOf(service, `${QUEUES}output "u" {\n  value = "\${aws_sqs_queue.jobs.u‸rl}"\n}\n`)!.text;
    assert.match(url, /`!GetAtt Jobs\.QueueUrl` · `!Ref Jobs`/);
    const missing = hoverOf(service, 'output "u" {\n  value = aws_sqs_queue.ot‸her.id\n}\n')!.text;
    assert.match(missing, /`aws_sqs_queue\.other` is not declared in this file/);
    const dataRef = hoverOf(service, 'output "p" {\n  value = data.aws_iam_policy_document.send.js‸on\n}\n')!.text;
    assert.match(dataRef, /attribute `json`: exported \(computed\) by `aws_iam_policy_document`/);
  });

  it('has no hover on variables, locals, comments and string text', () => {
    const plain = createLanguageService({ data: tfTestData(), providers: [terraformProvider] });
    assert.equal(hoverOf(plain, 'provider "aws" {\n  region = var.reg‸ion\n}\n'), undefined);
    assert.equal(hoverOf(plain, 'locals {\n  a = local.na‸me\n}\n'), undefined);
    assert.equal(hoverOf(plain, 'resource "aws_sqs_queue" "q" {\n  name = "aws_sqs_queue.jo‸bs.arn"\n}\n'), undefined);
    assert.equal(hoverOf(plain, '# see aws_sqs_queue.jo‸bs.arn\n'), undefined);
    assert.equal(hoverOf(plain, 'resource "google_storage‸_bucket" "b" {}\n'), undefined);
  });

  it('acts on *.tf and hcl documents but not on tfvars', () => {
    assert.ok(hoverOf(service, 'resource "aws_sqs_‸queue" "q" {}\n', 'file:///ws/main.tf', 'plaintext'));
    assert.ok(hoverOf(service, 'resource "aws_sqs_queue" "q" {\n  visibility_tim‸eout_seconds = 1\n}\n', 'untitled:1', 'hcl'));
    const vars = hoverOf(service, 'visibility_tim‸eout_seconds = 1\n', 'file:///ws/prod.tfvars', 'terraform-vars');
    assert.equal(vars, undefined);
  });

  it('speaks Japanese when the locale is ja', () => {
    const ja = createLanguageService({ data: tfTestData(), providers: [terraformProvider], locale: 'ja' });
    assert.match(hoverOf(ja, 'resource "aws_lambda‸_function" "f" {}\n')!.text, /Terraform リソース[\s\S]*これを生成する SAM リソース: `AWS::Serverless::Function`[\s\S]*必須引数/);
    assert.match(hoverOf(ja, QUEUES.replace('visibility_timeout', 'visibility‸_timeout'))!.text, /`aws_sqs_queue` の引数 \(省略可\)/);
  });

  it('reuses the parse of an unchanged document', () => {
    const document = TextDocument.create('file:///ws/c.tf', 'terraform', 1, QUEUES);
    const first = terraformProvider.hover!(document, QUEUES.indexOf('aws_sqs'), service.context);
    const second = terraformProvider.hover!(document, QUEUES.indexOf('aws_sqs'), service.context);
    assert.deepEqual(first, second);
  });
});

describe('terraform: reverse lookup uses the conversion mapping (real data)', () => {
  const service = createLanguageService({ data: loadAwsData(), providers: [terraformProvider] });

  it('shows AWS::Events::Rule for aws_cloudwatch_event_rule', () => {
    const text = hoverOf(service, 'resource "aws_cloudwatch_event‸_rule" "nightly" {}\n')!.text;
    assert.match(text, /CloudFormation: `AWS::Events::Rule`/);
    const mapping = service.context.data.mappingForCfn('AWS::Events::Rule')!;
    assert.equal(mapping.tf[0], 'aws_cloudwatch_event_rule');
  });

  it('shows AWS::Lambda::Function and the SAM AWS::Serverless::Function for aws_lambda_function', () => {
    const text = hoverOf(service, 'resource "aws_lambda‸_function" "worker" {}\n')!.text;
    assert.match(text, /CloudFormation: `AWS::Lambda::Function`/);
    assert.match(text, /SAM resources that create it: [^\n]*`AWS::Serverless::Function`/);
    // Every CloudFormation type the hover names maps to aws_lambda_function in the converter's table.
    for (const cfn of text.match(/`AWS::[A-Za-z0-9]+::[A-Za-z0-9]+`/g)!.map((s) => s.slice(1, -1))) {
      if (cfn === 'AWS::Lambda::*') continue;
      const mapping = service.context.data.mappingForCfn(cfn);
      if (!mapping) continue;
      assert.ok(mapping.tf.includes('aws_lambda_function') || mapping.awscc === 'aws_lambda_function', cfn);
    }
  });

  it('maps arguments back to properties the way the converter maps them forward', () => {
    assert.match(hoverOf(service, 'resource "aws_sqs_queue" "q" {\n  message_retention‸_seconds = 60\n}\n')!.text, /› \*\*`MessageRetentionPeriod`\*\*/);
    assert.match(hoverOf(service, 'resource "aws_cloudwatch_event_rule" "r" {\n  schedule‸_expression = "rate(1 day)"\n}\n')!.text, /`AWS::Events::Rule` › \*\*`ScheduleExpression`\*\*/);
  });
});

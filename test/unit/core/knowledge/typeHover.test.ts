import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCloudFormationProvider } from '../../../../server/src/core/features/cloudformation/provider';
import { createLanguageService } from '../../../../server/src/core/languageService';
import { terraformProvider } from '../../../../server/src/core/features/terraform/provider';
import { loadAwsData } from '../../../../server/src/node/dataLoader';
import { provenanceText } from '../../../../server/src/core/present/identityMarkdown';

// The type hover through the knowledge layer: provenance of every stated equivalent, and bad input said plainly.
describe('knowledge: type equivalents in the hover', () => {
  const data = loadAwsData();
  const service = (locale: 'en' | 'ja' = 'en') => createLanguageService({ data, locale, providers: [createCloudFormationProvider(), terraformProvider] });
  const en = service();
  const ja = service('ja');

  function typeHover(svc: ReturnType<typeof service>, type: string): string {
    const text = `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Thing:\n    Type: ${type}\n`;
    const doc = TextDocument.create('file:///ws/template.yaml', 'yaml', 1, text);
    const hover = svc.hover(doc, doc.positionAt(text.indexOf(type) + 2));
    return hover ? (hover.contents as { value: string }).value : '';
  }
  const head = (s: string) => s.split('\n')[0];

  it('a derived pair says it was matched by name and schema, with the evidence (en and ja)', () => {
    const h = head(typeHover(en, 'AWS::GameLift::Alias'));
    assert.match(h, /aws_gamelift_alias/);
    assert.match(h, /matched by name and schema: same name after the service prefix, 4 of 4 properties are arguments, 2 of 2 required arguments are properties/);
    const hj = head(typeHover(ja, 'AWS::GameLift::Alias'));
    assert.match(hj, /名前とスキーマで照合: サービス接頭辞の後の名前が一致/);
    assert.match(hj, /必須引数 2 個中 2 個がプロパティ/);
  });

  it('a reviewed pair says reviewed, never "matched"', () => {
    const h = head(typeHover(en, 'AWS::SQS::Queue'));
    assert.match(h, /aws_sqs_queue`\]\([^)]*\) \(reviewed\)/);
    assert.doesNotMatch(h, /matched by name/);
  });

  it('custom resources, modules, third-party and unknown types: what they are, and no equivalent', () => {
    const cases: [string, RegExp][] = [
      ['Custom::OrderSeeder', /custom resource/],
      ['AWS::CloudFormation::CustomResource', /custom resource/],
      ['Acme::Storage::Bucket::MODULE', /module/],
      ['Datadog::Monitors::Monitor', /third-party registry type/],
      ['AWS::Foo::Bar', /not a type of the CloudFormation resource specification/],
    ];
    for (const [type, what] of cases) {
      const h = typeHover(en, type);
      assert.match(h, what, type);
      assert.doesNotMatch(h, /aws_[a-z]|awscc_|registry\.terraform\.io/, type);
    }
    assert.match(typeHover(ja, 'Custom::OrderSeeder'), /カスタムリソース/);
  });

  it('Lex V2 bot is not the V1 aws_lex_bot: the derivation names aws_lexv2models_bot', () => {
    const h = head(typeHover(en, 'AWS::Lex::Bot'));
    assert.doesNotMatch(h, /aws_lex_bot\b/);
    assert.match(h, /aws_lexv2models_bot/);
    assert.match(h, /awscc_lex_bot/);
  });

  it('a Terraform resource no type names shows the types matched from its side, with the evidence', () => {
    const tfHover = (type: string) => {
      const text = `resource "${type}" "x" {}\n`;
      const doc = TextDocument.create('file:///ws/main.tf', 'terraform', 1, text);
      const hover = en.hover(doc, doc.positionAt(text.indexOf(type) + 3));
      return hover ? head((hover.contents as { value: string }).value) : '';
    };
    const h = tfHover('aws_security_group_rule');
    assert.match(h, /AWS::EC2::SecurityGroupIngress/);
    assert.match(h, /matched by name and schema: /);
    // A type that said "none" while matched from the Terraform side now has it, with its evidence.
    assert.match(tfHover('aws_servicecatalog_product'), /AWS::ServiceCatalog::CloudFormationProduct/);
    assert.match(head(typeHover(en, 'AWS::ServiceCatalog::CloudFormationProduct')), /aws_servicecatalog_product.*matched by name and schema/);
    assert.doesNotMatch(tfHover('aws_lex_bot'), /AWS::Lex::Bot/);
    assert.match(tfHover('aws_sqs_queue'), /AWS::SQS::Queue/);
    assert.doesNotMatch(tfHover('aws_sqs_queue'), /matched by name/);
  });

  it('a Terraform resource matched by convention says which: an analogy, or the general form of variants', () => {
    const tfHover = (type: string, svc = en) => {
      const text = `resource "${type}" "x" {}\n`;
      const doc = TextDocument.create('file:///ws/main.tf', 'terraform', 1, text);
      const hover = svc.hover(doc, doc.positionAt(text.indexOf(type) + 3));
      return hover ? head((hover.contents as { value: string }).value) : '';
    };
    const rule = tfHover('aws_security_group_rule');
    assert.match(rule, /AWS::EC2::SecurityGroupIngress/);
    assert.match(rule, /AWS::EC2::SecurityGroupEgress/);
    assert.match(rule, /the general form of aws_vpc_security_group_(ingress|egress)_rule/);
    assert.match(tfHover('aws_security_group_rule', ja), /の一般形/);
    // The analogy's wording (its one match, aws_rds_cluster_instance, is reviewed now: see the next test).
    const analogy = { source: 'derived' as const, score: 0.8, evidence: { name: 1, props: [20, 83] as [number, number], required: [3, 3] as [number, number], attrs: [7, 28] as [number, number], analogy: 'AWS::DocDB::DBInstance -> aws_docdb_cluster_instance' } };
    assert.match(provenanceText({ provenance: analogy }, 'en'), /named the way AWS::DocDB::DBInstance -> aws_docdb_cluster_instance is/);
    // A reviewed alternative of another type's primary is listed as what it is also created from.
    const full = (type: string, svc = en) => {
      const text = `resource "${type}" "x" {}\n`;
      const doc = TextDocument.create('file:///ws/main.tf', 'terraform', 1, text);
      return (svc.hover(doc, doc.positionAt(text.indexOf(type) + 3))?.contents as { value: string } | undefined)?.value ?? '';
    };
    assert.match(full('aws_rds_cluster_instance'), /Also created from: `AWS::RDS::DBInstance`/);
    assert.match(full('aws_rds_cluster_instance', ja), /`AWS::RDS::DBInstance`/);
    assert.doesNotMatch(full('aws_db_instance'), /Also created from/);
    assert.match(tfHover('aws_alb_target_group'), /AWS::ElasticLoadBalancingV2::TargetGroup.*the provider's alias of aws_lb_target_group \(same schema\)/);
    assert.match(tfHover('aws_alb_target_group', ja), /aws_lb_target_group のプロバイダー上の別名/);
    // One multi-region variant makes no general form: the access point policy is not claimed for it.
    assert.doesNotMatch(tfHover('aws_s3control_access_point_policy'), /MultiRegionAccessPointPolicy/);
    // The CloudFormation side keeps its own reviewed primary.
    assert.match(head(typeHover(en, 'AWS::RDS::DBInstance')), /aws_db_instance/);
    // …first, with the reviewed alternative after it (no longer a match by analogy).
    assert.match(head(typeHover(en, 'AWS::RDS::DBInstance')), /Terraform: \[`aws_db_instance`\][^·]*· \[`aws_rds_cluster_instance`\][^·]*\(reviewed\)/);
    assert.doesNotMatch(head(typeHover(en, 'AWS::RDS::DBInstance')), /named the way/);
  });

  it('the Terraform side lists every CloudFormation type it stands for (many-to-one)', () => {
    const text = 'resource "aws_directory_service_directory" "d" {}\n';
    const doc = TextDocument.create('file:///ws/main.tf', 'terraform', 1, text);
    const hover = en.hover(doc, doc.positionAt(text.indexOf('aws_directory') + 3));
    const value = hover ? (hover.contents as { value: string }).value : '';
    assert.match(value, /AWS::DirectoryService::SimpleAD/);
    assert.match(value, /AWS::DirectoryService::MicrosoftAD/);
  });
});

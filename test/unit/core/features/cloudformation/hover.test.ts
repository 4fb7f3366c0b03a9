import { strict as assert } from 'node:assert';
import { context, doc, hoverText, provider, stubNotes } from './helpers';
import { cursorAt, JSON_TEMPLATE, SAM_TEMPLATE, YAML_TEMPLATE } from './fixtures';

describe('cfnFeatures/hover', () => {
  const p = provider();
  const ctx = context({
    notes: stubNotes({
      'vpc:Egress': '**From your notes**\n\nEgress means outbound traffic',
      '!GetAtt': '**From your notes**\n\nGetAtt reads an attribute',
      'sqs:VisibilityTimeout': '**From your notes**\n\nvisibility note',
    }),
  });
  const hover = (source: string, languageId = 'yaml', c = ctx) => {
    const { document, offset } = doc(source, languageId);
    return p.hover!(document, offset, c);
  };

  describe('properties', () => {
    it('shows type, optional/required, description, the Terraform argument and notes', () => {
      const text = hoverText(hover(cursorAt(YAML_TEMPLATE, 'VisibilityTimeout', 3)));
      assert.match(text, /\*\*`VisibilityTimeout`\*\* — property of `AWS::SQS::Queue` · `Integer` · optional/);
      assert.match(text, /Terraform argument: `visibility_timeout_seconds` \(\[`aws_sqs_queue`\]/);
      assert.match(text, /visibility note/);
    });

    it('lists allowed values and marks required properties', () => {
      assert.match(hoverText(hover(cursorAt(YAML_TEMPLATE, 'RuleAction', 2))), /`RuleAction`\*\* — property of `AWS::EC2::NetworkAclEntry` · `String` · required/);
      assert.match(hoverText(hover(cursorAt(YAML_TEMPLATE, 'PackageType', 2))), /Allowed values: `Image`, `Zip`/);
    });

    it('shows the note passage about Egress', () => {
      const text = hoverText(hover(cursorAt(YAML_TEMPLATE, 'Egress: true', 2)));
      assert.match(text, /Egress means outbound traffic/);
    });

    it('shows composite Terraform arguments only where the schema has them', () => {
      const text = hoverText(hover(cursorAt(YAML_TEMPLATE, 'KeySchema', 2)));
      assert.match(text, /`hash_key` \+ `range_key`/);
    });

    it('works on quoted JSON keys', () => {
      const text = hoverText(hover(cursorAt(JSON_TEMPLATE, '"VisibilityTimeout"', 3), 'json'));
      assert.match(text, /visibility_timeout_seconds/);
    });

    it('speaks Japanese', () => {
      const text = hoverText(hover(cursorAt(YAML_TEMPLATE, 'VisibilityTimeout', 3), 'yaml', context({ locale: 'ja' })));
      assert.match(text, /`AWS::SQS::Queue` のプロパティ · `Integer` · 省略可/);
      assert.match(text, /Terraform の引数/);
    });
  });

  describe('functions and names', () => {
    it('!GetAtt: what it does, the Terraform expression of this usage and the notes', () => {
      const text = hoverText(hover(cursorAt(YAML_TEMPLATE, '!GetAtt WorkerRole', 2)));
      assert.match(text, /\*\*`!GetAtt`\*\* \(`Fn::GetAtt`\) — intrinsic function/);
      assert.match(text, /\*\*Terraform\*\*: `aws_iam_role\.worker_role\.arn`/);
      assert.match(text, /GetAtt reads an attribute/);
    });

    it('!Ref to a parameter is var.x, to a resource its Ref attribute', () => {
      assert.match(hoverText(hover(cursorAt(YAML_TEMPLATE, '!Ref Stage', 6))), /`Stage`\*\* — parameter · `String` · default: `dev`[\s\S]*Allowed values: `dev`, `prod`[\s\S]*`var\.stage`/);
      const table = hoverText(hover(cursorAt(YAML_TEMPLATE, '!Ref ResultTable', 7)));
      assert.match(table, /`ResultTable`\*\* — resource `AWS::DynamoDB::Table`/);
      assert.match(table, /`!Ref` returns the table name/);
      assert.match(table, /`aws_dynamodb_table\.result_table\[0\]\.name`/, 'counted through its condition');
    });

    it('!Sub with a pseudo parameter: interpolation with the data source it needs', () => {
      const text = hoverText(hover(cursorAt(YAML_TEMPLATE, "!Sub 'jobs", 2)));
      assert.match(text, /`"jobs-\$\{var\.stage\}-\$\{data\.aws_region\.current\.\w+\}"`/);
      assert.match(text, /data "aws_region" "current"/);
    });

    it('${AWS::Region} inside a Sub: the pseudo parameter', () => {
      const text = hoverText(hover(cursorAt(YAML_TEMPLATE, 'AWS::Region}', 6)));
      assert.match(text, /`AWS::Region`\*\* — pseudo parameter/);
      assert.match(text, /data\.aws_region\.current/);
    });

    it('!FindInMap becomes a local lookup; !If a conditional; the GetAtt attribute its TF attribute', () => {
      assert.match(hoverText(hover(cursorAt(YAML_TEMPLATE, '!FindInMap', 3))), /`local\.region_map\[/);
      assert.match(hoverText(hover(cursorAt(YAML_TEMPLATE, '!If [IsProd', 2))), /condition function[\s\S]*`local\.is_prod \? 1024 : 256`/);
      assert.match(hoverText(hover(cursorAt(YAML_TEMPLATE, 'WorkerRole.Arn', 12))), /`Arn`\*\* — GetAtt attribute of `AWS::IAM::Role`[\s\S]*aws_iam_role\.worker_role\.arn/);
    });

    it('long-form JSON calls', () => {
      const text = hoverText(hover(cursorAt(JSON_TEMPLATE, '"Fn::GetAtt"', 3), 'json'));
      assert.match(text, /`aws_sqs_queue\.job_queue\.arn`/);
    });

    it('condition names and logical ids where they are declared', () => {
      assert.match(hoverText(hover(cursorAt(YAML_TEMPLATE, 'Condition: IsProd', 13))), /`IsProd`\*\* — condition[\s\S]*count = local\.is_prod \? 1 : 0/);
      assert.match(hoverText(hover(cursorAt(YAML_TEMPLATE, '  JobQueue:', 4))), /`JobQueue`\*\* — resource `AWS::SQS::Queue`[\s\S]*`aws_sqs_queue\.job_queue`/);
    });

    it('Transform and resource attributes', () => {
      assert.match(hoverText(hover(cursorAt(SAM_TEMPLATE, 'AWS::Serverless-2016', 5))), /SAM transform/);
      assert.match(hoverText(hover(cursorAt(YAML_TEMPLATE, 'DependsOn:', 3))), /depends_on/);
    });
  });

  describe('resource types', () => {
    it('leaves plain CloudFormation types to the generic hover', () => {
      assert.equal(hover(cursorAt(YAML_TEMPLATE, 'AWS::SQS::Queue', 7)), undefined);
    });

    it('adds the SAM shortcut in SAM templates and explains SAM types', () => {
      const table = hoverText(hover(cursorAt(SAM_TEMPLATE, 'AWS::DynamoDB::Table', 7)));
      assert.match(table, /`AWS::Serverless::SimpleTable`/);
      assert.match(table, /aws_dynamodb_table/);
      const fn = hoverText(hover(cursorAt(SAM_TEMPLATE, 'AWS::Serverless::Function', 7)));
      assert.match(fn, /SAM expands it into `AWS::Lambda::Function`, `AWS::IAM::Role`/);
    });
  });

  it('says nothing about documents that are not templates, nor on plain values', () => {
    const { document, offset } = doc('name: x\nitems:\n  - Visibil‸ityTimeout: 3\n', 'yaml', 'values.yaml');
    assert.equal(p.hover!(document, offset, ctx), undefined);
    assert.equal(hover(cursorAt(YAML_TEMPLATE, 'python3.12', 3)), undefined);
  });
});

// Terraform at every depth (issue 15): hover, completion and diagnostics inside nested blocks against the complete
// provider schema (data/schema/tf), with negatives.
import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { terraformProvider } from '../../../../../server/src/core/features/terraform/provider';
import { documentWithCursor } from '../../../../helpers/cursor';
import { context } from '../cloudformation/helpers';

const ctx = context();
const at = (source: string) => {
  const { document, position } = documentWithCursor('file:///ws/main.tf', 'terraform', source.includes('‸') ? source : source + '‸');
  return { document, offset: document.offsetAt(position) };
};
const hover = (source: string) => {
  const { document, offset } = at(source);
  const h = terraformProvider.hover!(document, offset, ctx);
  return h ? { text: (h.contents as { value: string }).value, covered: document.getText(h.range!) } : undefined;
};
const labels = (source: string) => {
  const { document, offset } = at(source);
  const r = terraformProvider.completion!(document, offset, ctx) as CompletionItem[] | CompletionList | undefined;
  return (Array.isArray(r) ? r : r?.items ?? []).map((i) => i.label);
};
const diagnose = (source: string) => {
  const { document } = at(source);
  return (terraformProvider.diagnostics!(document, ctx) ?? []).map((d) => `${d.code}:${d.range.start.line}:${document.getText(d.range)}`);
};

const LAMBDA = `resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.worker.arn
  vpc_config {
    subnet_ids         = ["subnet-1"]
    security_group_ids = ["sg-1"]
  }
}
`;

describe('terraform: nested blocks (complete schema)', () => {
  it('hover on an argument and on a block inside nested blocks', () => {
    const arg = hover(LAMBDA.replace('    subnet_ids', '    subnet_‸ids'))!;
    assert.equal(arg.covered, 'subnet_ids');
    assert.match(arg.text, /\*\*`subnet_ids`\*\* — argument of `aws_lambda_function › vpc_config` \(required · type `list\(string\)`\)/);
    const deep = hover(`resource "aws_s3_bucket_lifecycle_configuration" "l" {
  bucket = "b"
  rule {
    id     = "r"
    status = "Enabled"
    expiration {
      da‸ys = 30
    }
  }
}
`)!;
    assert.match(deep.text, /argument of `aws_s3_bucket_lifecycle_configuration › rule › expiration` \(optional · type `number`\)/);
    const top = hover(LAMBDA.replace('  function_name', '  function_‸name'))!;
    assert.match(top.text, /argument of `aws_lambda_function` \(required · type `string`\)/);
    const block = hover(LAMBDA.replace('  vpc_config {', '  vpc_‸config {'))!;
    assert.match(block.text, /nested block of `aws_lambda_function`/);
  });

  it('hover says when a nested name is not in the schema, and nothing on values', () => {
    assert.match(hover(LAMBDA.replace('    subnet_ids', '    subnet_i‸dz'))!.text, /not an argument of `aws_lambda_function › vpc_config`/);
    assert.equal(hover(LAMBDA.replace('"subnet-1"', '"sub‸net-1"')), undefined);
  });

  it('completion inside a nested block: its own arguments, required first, without those already there', () => {
    const got = labels(LAMBDA.replace('    security_group_ids = ["sg-1"]\n', '    ‸\n'));
    assert.ok(got.includes('security_group_ids'), got.join());
    assert.ok(!got.includes('subnet_ids'), 'already there');
    assert.ok(!got.includes('function_name'), 'top-level arguments are not offered inside vpc_config');
    const rule = labels('resource "aws_s3_bucket_lifecycle_configuration" "l" {\n  bucket = "b"\n  rule {\n    ‸\n  }\n}\n');
    assert.ok(rule.indexOf('id') >= 0 && rule.includes('expiration') && rule.includes('filter'), rule.join());
  });

  describe('diagnostics', () => {
    it('silent on valid configuration, with dynamic blocks, meta-arguments and attribute-as-block lists', () => {
      assert.deepEqual(diagnose(LAMBDA), []);
      assert.deepEqual(diagnose(`resource "aws_security_group" "sg" {
  name   = "sg"
  count  = 1
  ingress = []
  dynamic "egress" {
    for_each = var.rules
    content {
      from_port   = egress.value.from
      to_port     = egress.value.to
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  lifecycle {
    create_before_destroy = true
  }
  tags = { Name = "sg" }
}
data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["*"]
  }
  statement {
    actions   = ["sqs:ReceiveMessage"]
    resources = ["*"]
  }
}
resource "awscc_whatever" "x" {
  anything = 1
}
`), []);
    });

    it('unknown arguments and blocks at any depth, with "did you mean"', () => {
      const found = diagnose(LAMBDA.replace('    subnet_ids ', '    subnet_idz ').replace('  vpc_config {', '  vpc_confg {\n    x = 1\n  }\n  vpc_config {'));
      assert.deepEqual(found, ['tf-unknown-block:3:vpc_confg', 'tf-unknown-argument:7:subnet_idz', 'tf-missing-argument:6:vpc_config']);
    });

    it('missing required arguments (top and nested), attribute-vs-block misuse, duplicates, a single block twice', () => {
      const found = diagnose(`resource "aws_lambda_function" "f" {
  function_name = "a"
  function_name = "b"
  vpc_config = { subnet_ids = [] }
  environment {
    variables = {}
  }
  environment {
    variables = {}
  }
  tags {
    a = "b"
  }
}
`);
      assert.deepEqual(found, [
        'tf-duplicate-attribute:2:function_name',
        'tf-block-as-attribute:3:vpc_config',
        'tf-too-many-blocks:7:environment',
        'tf-attribute-as-block:10:tags',
        'tf-missing-argument:0:resource "aws_lambda_function" "f"',
      ]);
    });
  });
});

import * as assert from 'node:assert/strict';
import { allBlocks, attributeAt, blockBodyAt, isLiteralAt, readHcl, tokenize, traversalAt, type HclFile } from '../../../../../server/src/core/syntax/hcl/hclReader';
import { withCursor } from '../../../../helpers/cursor';

const MAIN = `# queues
resource "aws_sqs_queue" "jobs" {
  name                       = "jobs-\${var.stage}"
  visibility_timeout_seconds = 30 // half a minute
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
  tags = { Team = "core" }
}

resource "aws_sqs_queue" "dlq" {
  /* a block
     comment with { braces } */
  name = "jobs-dlq"
}

data "aws_iam_policy_document" "send" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.jobs.arn]
  }
}

resource "aws_iam_policy" "p" {
  policy = <<-EOT
    {"Resource": "\${aws_sqs_queue.jobs.arn}", "x": "}"}
  EOT
}

locals { one = 1 }
`;

function names(file: HclFile): string[] {
  return allBlocks(file.body).map((b) => [b.type.text, ...b.labels.map((l) => l.text)].join(' '));
}

describe('terraform: HCL reader', () => {
  it('finds top-level and nested blocks with their labels and exact positions', () => {
    const file = readHcl(MAIN);
    assert.deepEqual(names(file), ['resource aws_sqs_queue jobs', 'resource aws_sqs_queue dlq', 'data aws_iam_policy_document send', 'statement', 'resource aws_iam_policy p', 'locals']);
    const jobs = file.body.blocks[0];
    assert.equal(MAIN.slice(jobs.labels[0].start, jobs.labels[0].end), 'aws_sqs_queue');
    assert.equal(MAIN.slice(jobs.start, jobs.start + 8), 'resource');
    assert.equal(MAIN[jobs.open!], '{');
    assert.equal(MAIN[jobs.close!], '}');
    assert.equal(jobs.end, jobs.close! + 1);
  });

  it('reads attributes with their value ranges, multi-line values included', () => {
    const file = readHcl(MAIN);
    const attrs = file.body.blocks[0].body.attributes;
    assert.deepEqual(attrs.map((a) => a.name.text), ['name', 'visibility_timeout_seconds', 'redrive_policy', 'tags']);
    assert.equal(MAIN.slice(attrs[0].valueStart, attrs[0].valueEnd), '"jobs-${var.stage}"');
    assert.equal(MAIN.slice(attrs[1].valueStart, attrs[1].valueEnd), '30');
    assert.ok(MAIN.slice(attrs[2].valueStart, attrs[2].valueEnd).endsWith('})'));
    assert.equal(MAIN.slice(attrs[3].valueStart, attrs[3].valueEnd), '{ Team = "core" }');
    assert.deepEqual(file.body.blocks[4].body.attributes.map((a) => a.name.text), ['one']);
  });

  it('does not mistake braces in comments, strings and heredocs for structure', () => {
    const file = readHcl(MAIN);
    assert.deepEqual(file.body.blocks[1].body.attributes.map((a) => a.name.text), ['name']);
    const policy = file.body.blocks[3];
    assert.deepEqual(policy.body.attributes.map((a) => a.name.text), ['policy']);
    assert.equal(MAIN[policy.close!], '}');
  });

  it('tokenizes interpolations inside strings and heredocs as code', () => {
    const file = readHcl(MAIN);
    const inHeredoc = MAIN.indexOf('aws_sqs_queue.jobs.arn}') + 3;
    assert.deepEqual(traversalAt(file, inHeredoc)?.parts.map((p) => p.text), ['aws_sqs_queue', 'jobs', 'arn']);
    assert.equal(isLiteralAt(file, inHeredoc), false);
    assert.equal(isLiteralAt(file, MAIN.indexOf('Resource')), true);
    assert.equal(isLiteralAt(file, MAIN.indexOf('half a minute')), true);
    assert.equal(isLiteralAt(file, MAIN.indexOf('var.stage') + 1), false);
    assert.equal(isLiteralAt(file, MAIN.indexOf('jobs-dlq') + 1), true);
  });

  it('reads traversals with index steps and rejects attribute access on expressions', () => {
    const { text, offset } = withCursor('x = aws_instance.web[0].private_i‸p\ny = foo().bar\n');
    const file = readHcl(text);
    assert.deepEqual(traversalAt(file, offset)?.parts.map((p) => p.text), ['aws_instance', 'web', 'private_ip']);
    assert.equal(traversalAt(file, text.indexOf('bar') + 1), undefined);
  });

  it('finds the block body and attribute at an offset', () => {
    const file = readHcl(MAIN);
    const at = MAIN.indexOf('actions');
    assert.equal(blockBodyAt(file, at)?.type.text, 'statement');
    assert.equal(attributeAt(file, at)?.name.text, 'actions');
    assert.equal(blockBodyAt(file, 0), undefined);
  });

  it('keeps a half-typed header as a block without a body', () => {
    const file = readHcl('resource "aws_sqs_queue" "a" {\n}\nresource "aws_sq');
    const last = file.body.blocks[1];
    assert.equal(last.labels[0].text, 'aws_sq');
    assert.equal(last.labels[0].terminated, false);
    assert.equal(last.open, undefined);
  });

  it('recovers from an unclosed block at the next top-level header', () => {
    const text = 'resource "a" "b" {\n  name = "x"\n  tags = {\n    k = "v"\n\nresource "c" "d" {\n  x = 1\n}\n';
    const file = readHcl(text);
    assert.deepEqual(names(file), ['resource a b', 'resource c d']);
    assert.equal(file.body.blocks[0].close, undefined);
    assert.ok(file.body.blocks[0].end <= text.indexOf('resource "c"'));
    assert.deepEqual(file.body.blocks[1].body.attributes.map((a) => a.name.text), ['x']);
  });

  it('ends an unterminated string at its line and an unclosed interpolation at a header', () => {
    const text = 'resource "a" "b" {\n  name = "abc\n  other = 2\n}\nresource "c" "d" {\n  v = "${foo(\n}\nresource "e" "f" {}\n';
    const file = readHcl(text);
    assert.deepEqual(names(file), ['resource a b', 'resource c d', 'resource e f']);
    assert.deepEqual(file.body.blocks[0].body.attributes.map((a) => a.name.text), ['name', 'other']);
  });

  it('reads an unterminated heredoc only up to the next top-level header', () => {
    const file = readHcl('resource "a" "b" {\n  p = <<EOF\n  {"x": 1}\nresource "c" "d" {}\n');
    assert.deepEqual(names(file), ['resource a b', 'resource c d']);
  });

  it('handles escapes, $${ and CRLF line ends', () => {
    const text = 'locals {\r\n  a = "q\\"uote $${not} %%{nor}"\r\n  b = 2\r\n}\r\n';
    const file = readHcl(text);
    assert.deepEqual(file.body.blocks[0].body.attributes.map((a) => a.name.text), ['a', 'b']);
    assert.equal(tokenize(text).filter((t) => t.nest > 0).length, 0);
  });

  it('reads one-line blocks and ident labels', () => {
    const file = readHcl('variable "region" { default = "eu-west-1" }\nresource aws_sqs_queue q { name = "q" }\n');
    assert.deepEqual(names(file), ['variable region', 'resource aws_sqs_queue q']);
    assert.deepEqual(file.body.blocks[0].body.attributes.map((a) => a.name.text), ['default']);
    assert.deepEqual(file.body.blocks[1].body.attributes.map((a) => a.name.text), ['name']);
  });
});

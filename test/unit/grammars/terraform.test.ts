// Issue 17: .tf files are highlighted without a Terraform extension: our own small grammar for the terraform language.
import { strict as assert } from 'node:assert';
import { contributedGrammars, createTokenizer, scopesOf, type Token } from './tokenize';

const SCOPE = 'source.terraform.aws-notes';

const TF = [
  '# Queue for the jobs',
  'resource "aws_sqs_queue" "jobs" {',
  '  name                       = "${var.prefix}-jobs"',
  '  visibility_timeout_seconds = 60',
  '  fifo_queue                 = false',
  '  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.dlq.arn })',
  '  policy = <<EOF',
  '{ "Resource": "${aws_sqs_queue.dlq.arn}" }',
  'EOF',
  '  // not an attribute = here',
  '}',
].join('\n');

const inner = (lines: Token[][], text: string) => scopesOf(lines, text).join(' ');

describe('Terraform grammar (source.terraform.aws-notes)', () => {
  it('is contributed for the terraform language', () => {
    const g = contributedGrammars().find((x) => x.scopeName === SCOPE);
    assert.ok(g);
    assert.equal(g!.language, 'terraform');
  });

  it('scopes blocks, labels, attributes, strings, interpolation, numbers, constants, functions, references, heredocs and comments', async () => {
    const tokenize = await createTokenizer();
    const lines = await tokenize(SCOPE, TF);
    assert.match(inner(lines, '# Queue for the jobs'), /comment\.line\.number-sign/);
    assert.match(inner(lines, 'resource'), /entity\.name\.type\.terraform/);
    assert.match(inner(lines, '"aws_sqs_queue"'), /entity\.name\.label/);
    assert.match(inner(lines, 'visibility_timeout_seconds'), /variable\.other\.property/);
    assert.match(inner(lines, '60'), /constant\.numeric/);
    assert.match(inner(lines, 'false'), /constant\.language/);
    assert.match(inner(lines, 'jsonencode'), /support\.function/);
    assert.match(inner(lines, '-jobs'), /string\.quoted\.double/);
    assert.match(inner(lines, 'var'), /meta\.interpolation.*variable\.language|variable\.language/);
    assert.match(inner(lines, '<<EOF'), /string\.unquoted\.heredoc/);
    assert.match(inner(lines, '// not an attribute = here'), /comment\.line\.double-slash/);
    // the heredoc ends on its marker: the closing brace is code again
    const last = lines[lines.length - 1];
    assert.equal(last.map((t) => t.text).join(''), '}');
    assert.doesNotMatch(last[0].scopes.join(' '), /heredoc|string/);
    assert.match(lines[lines.length - 3].map((t) => t.scopes.join(' ')).join(' '), /heredoc/);
  });
});

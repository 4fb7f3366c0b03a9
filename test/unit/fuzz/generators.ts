// Generators of hostile text: built from the pieces that matter to each format, so odd structures come up often.
import fc from 'fast-check';

const words = (pieces: string[], maxLength: number) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((p) => p.join(''));

/** Markdown-ish text: container markers, fences, headings, links, HTML, entities, escapes, CJK, CR/LF. */
export const markdownish = (maxLength = 60) =>
  words(
    [
      '#', '## ', '### ', '\n', '\n\n', '\r\n', '\r', '> ', '>', '- ', '* ', '+ ', '1. ', '2) ', '```', '```js\n', '~~~', '    ', '  ', '\t',
      '|', ' | ', '|---|', '---', '===', '[', ']', '(', ')', '](', ']:', ']: ', '[^1]', '[^1]: ', '<', '>', '</', '/>', '<a href="', '">',
      '<img src=x>', '<!--', '-->', '<command:x>', 'command:awsNotes.openSection?%5B%5D', 'command:x', 'javascript:alert(1)', 'data:,x',
      'https://e.x/', 'mailto:a@b.c', 'www.e.x', '*', '_', '**', '`', '``', '\\', '&amp;', '&#91;', '&#99;ommand:', '&lt;', '!', '![',
      '"', "'", ' ', 'SQS', 'Lambda', 'AWS::SQS::Queue', '日本語', 'キュー', '　', 'a', 'x', 'ftp://e.x/', 'file:///etc', '://', 'www.', '@', '___', '***',
      '= ', '1)', '|:--|', '\\`', '&#x5b;', '&#60;', '\u00a0', '\u2028', '\f',
    ],
    maxLength,
  );

/** Any UTF-16 code units, lone surrogates included. */
export const anyUtf16 = (maxLength = 80) => fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength }).map((codes) => String.fromCharCode(...codes));

/** Text in which the recogniser's forms (names, types, actions, ARNs, SDK names) sit next to identifier characters. */
export const awsish = (maxLength = 40) =>
  words(
    [
      'SQS', 'Lambda', 'DynamoDB', 'S3', 'API Gateway', 'Amazon SQS', 'AWS::SQS::Queue', 'AWS::Lambda::Function', 'AWS::', '::', 'aws_sqs_queue',
      'awscc_sqs_queue', 'aws_', 'arn:aws:sqs:us-east-1:123456789012:q', 'arn:aws', 'sqs:SendMessage', 'sqs:*', 's3:Get*', 'sqs.amazonaws.com',
      '.amazonaws.com', 'client("sqs")', "resource('s3')", 'client(', '@aws-sdk/client-sqs', '@aws-sdk/', 'SQSClient', 'Client', 'x', 'X', '_',
      '1', '$', '.', ':', '-', '/', '"', "'", ' ', '\n', '\t', 'é', 'Ｓ', '日本', '（', '）', '、',
    ],
    maxLength,
  );

/** YAML/JSON-ish template text: anchors, aliases, tags, nesting, quotes. */
export const templateish = (maxLength = 60) =>
  words(
    [
      'Resources:', '\n', '  ', '    ', 'Q:', ' Type: AWS::SQS::Queue', ' Type:', ' !Ref ', '!Sub ', '!GetAtt ', '&a ', '*a', '<<: *a', '- ', '[', ']', '{', '}',
      ', ', ': ', '"', "'", '${', '}', '#', '---', '...', '|', '>-', '\t', '\r\n', '{"Ref": "Q"}', '{"Fn::Sub": "', 'x', '1', '日本',
    ],
    maxLength,
  );

/** HCL-ish text: unterminated strings, heredocs, templates and comments come up often. */
export const hclish = (maxLength = 60) =>
  words(
    [
      'resource', ' "aws_sqs_queue"', ' "x"', ' {', '}', '\n', ' = ', '"', '${', '%{', '<<EOF\n', '<<-X\n', 'EOF\n', '  X\n', '#', '//', '/*', '*/',
      '[', ']', '(', ')', '.', '\\', '$${', '\r\n', 'a', '1', ' ', '\t', '日本',
    ],
    maxLength,
  );

/** A "billion laughs" YAML alias bomb inside a CloudFormation template (9^10 nodes if expanded). */
export const ALIAS_BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`),
  'Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Properties: {Tags: *j}', ''].join('\n');

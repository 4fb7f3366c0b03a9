// The CloudFormation template the bench and coldStart.mjs open and request in: six resource types (each hovered,
// each a note ranking kept fresh while the notes are indexed) and a type being typed (`Type: AWS::`, completed).
export const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      VisibilityTimeout: 60
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Role.Arn
  Topic:
    Type: AWS::SNS::Topic
  Bucket:
    Type: AWS::S3::Bucket
  Table:
    Type: AWS::DynamoDB::Table
  Role:
    Type: AWS::IAM::Role
  New:
    Type: AWS::
`;

/** Where `needle` is in each line of `text` that has it, `delta` characters into it (a hover or completion point). */
export function positionsOf(text, needle, delta) {
  const out = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const at = line.indexOf(needle);
    if (at >= 0) out.push({ line: i, character: at + delta });
  });
  return out;
}

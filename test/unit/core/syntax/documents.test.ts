import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { classifyDocument, ParsedDocuments } from '../../../../server/src/core/syntax/documents';

const TEMPLATE_YAML = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Jobs:\n    Type: AWS::SQS::Queue\n';
const TEMPLATE_JSON = '{\n  "Resources": {\n    "Jobs": { "Type": "AWS::SQS::Queue" }\n  }\n}\n';
const COMPOSE = 'services:\n  web:\n    image: nginx\n';
const HCL = 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n';
const TF_JSON = '{ "resource": { "aws_sqs_queue": { "jobs": { "name": "jobs" } } } }';

const doc = (uri: string, languageId: string, text: string, version = 1) => TextDocument.create(uri, languageId, version, text);
const kindOf = (uri: string, languageId: string, text: string) => classifyDocument({ uri, languageId }, text);

describe('documents: one classifier and one parse cache', () => {
  it('classifies by language id, file name and (for YAML/JSON) the text', () => {
    assert.equal(kindOf('file:///w/notes/sqs.md', 'markdown', '# SQS メモ\n'), 'prose');
    assert.equal(kindOf('file:///w/template.yaml', 'yaml', TEMPLATE_YAML), 'template');
    assert.equal(kindOf('file:///w/template.json', 'json', TEMPLATE_JSON), 'template');
    assert.equal(kindOf('file:///w/main.tf', 'terraform', HCL), 'terraform');
    assert.equal(kindOf('file:///w/main.tf', 'plaintext', HCL), 'terraform', 'the file name says Terraform');
    assert.equal(kindOf('untitled:Untitled-1', 'hcl', HCL), 'terraform', 'the language id says Terraform');
    assert.equal(kindOf('file:///w/main.tf.json', 'json', TF_JSON), 'terraformJson');
    assert.equal(kindOf('file:///w/template.yaml', 'plaintext', TEMPLATE_YAML), 'template', 'a template opened as plain text');
  });

  it('negatives: variable files, other YAML/JSON, programs and notes are not templates or Terraform', () => {
    assert.equal(kindOf('file:///w/prod.tfvars', 'terraform', 'queue_name = "jobs"\n'), 'code');
    assert.equal(kindOf('file:///w/prod.tfvars.json', 'json', '{ "queue_name": "jobs" }'), 'code');
    assert.equal(kindOf('file:///w/vars.tf', 'terraform-vars', HCL), 'code');
    assert.equal(kindOf('file:///w/docker-compose.yml', 'yaml', COMPOSE), 'code');
    assert.equal(kindOf('file:///w/package.json', 'json', '{ "name": "x" }'), 'code');
    assert.equal(kindOf('file:///w/app.py', 'python', 'import boto3\nboto3.client("sqs")\n'), 'code');
    // A note that quotes a template is still a note.
    assert.equal(kindOf('file:///w/notes/cfn.md', 'markdown', TEMPLATE_YAML), 'prose');
  });

  it('parses each document version once, and again when its text or version changes', () => {
    const documents = new ParsedDocuments();
    const template = doc('file:///w/template.yaml', 'yaml', TEMPLATE_YAML);
    const first = documents.template(template);
    assert.ok(first);
    assert.equal(first.template.resources[0].type, 'AWS::SQS::Queue');
    assert.equal(documents.template(template), first, 'the same version is not parsed again');
    // In-memory documents may reuse a version number: the text decides too.
    const edited = doc('file:///w/template.yaml', 'yaml', TEMPLATE_YAML.replace('SQS::Queue', 'SNS::Topic'));
    assert.equal(documents.template(edited)?.template.resources[0].type, 'AWS::SNS::Topic');
    const tf = doc('file:///w/main.tf', 'terraform', HCL);
    const file = documents.hcl(tf);
    assert.equal(file?.body.blocks[0].labels[0].text, 'aws_sqs_queue');
    assert.equal(documents.hcl(tf), file);
    assert.equal(documents.hcl(doc('file:///w/main.tf', 'terraform', HCL, 2)) === file, false, 'a new version is read again');
    const json = doc('file:///w/main.tf.json', 'json', TF_JSON);
    assert.deepEqual(documents.terraformJson(json)?.pairs.map((p) => p.key), ['resource']);
  });

  it('a changed language mode (same URI, version and text) is classified again', () => {
    const documents = new ParsedDocuments();
    const uri = 'untitled:Untitled-1';
    assert.equal(documents.kind(doc(uri, 'plaintext', HCL)), 'prose');
    assert.equal(documents.kind(doc(uri, 'terraform', HCL)), 'terraform');
    assert.ok(documents.hcl(doc(uri, 'terraform', HCL)));
  });

  it('answers only for its own kind (a template is no HCL file, a note no template)', () => {
    const documents = new ParsedDocuments();
    const template = doc('file:///w/template.yaml', 'yaml', TEMPLATE_YAML);
    assert.equal(documents.hcl(template), undefined);
    assert.equal(documents.terraformJson(template), undefined);
    assert.equal(documents.template(doc('file:///w/main.tf', 'terraform', HCL)), undefined);
    assert.equal(documents.template(doc('file:///w/notes/cfn.md', 'markdown', TEMPLATE_YAML)), undefined);
    assert.equal(documents.terraformJson(doc('file:///w/broken.tf.json', 'json', '[1, 2]')), undefined, 'a .tf.json that is no object');
  });

  it('keeps only the most recently used documents', () => {
    const documents = new ParsedDocuments(2);
    const a = doc('file:///w/a.tf', 'terraform', HCL);
    const b = doc('file:///w/b.tf', 'terraform', HCL);
    const c = doc('file:///w/c.tf', 'terraform', HCL);
    const fileA = documents.hcl(a);
    const fileB = documents.hcl(b);
    assert.equal(documents.hcl(a), fileA, 'a is still cached (and now the most recent)');
    documents.hcl(c); // evicts b, the least recently used
    assert.equal(documents.hcl(a), fileA);
    assert.ok(documents.hcl(b));
    assert.equal(documents.hcl(b) === fileB, false, 'b was evicted and read again');
  });
});

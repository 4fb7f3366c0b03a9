// Hover on AWS service names in every kind of file of the fixture workspace, through
// vscode.executeHoverProvider (= what the editor's hover widget asks for).
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, hoverText, hoverUntil, hovers, looksLikeOurHover, open, positionOf, sectionLinks,
} from './helpers';

const SQS = 'Amazon Simple Queue Service';
const FROM_NOTES = 'From your notes';
// Harness self-check (AWS_NOTES_TEST_WRONG_EXPECTATION=1): one assertion expects a string the hover never
// contains, so a run must FAIL. Proves a wrong hover cannot pass unnoticed. Never set in CI's normal run.
const SQS_EXPECTED = process.env.AWS_NOTES_TEST_WRONG_EXPECTATION === '1' ? 'Amazon Simple Quantum Service' : SQS;

describe('Hover on AWS service names', function () {
  this.timeout(90000);
  let template: vscode.TextDocument;

  before(async function () {
    await activateExtension();
    template = await open('infra/template.yaml');
    // The first hover waits for the language server to start and index the notes (bounded).
    const text = await hoverUntil(template.uri, positionOf(template, 'pipeline - SQS queue', 'SQS'),
      (t) => t.includes(SQS) && t.includes(FROM_NOTES), 60000);
    assert.ok(text.includes(SQS), `server not ready after 60 s; last hover: ${JSON.stringify(text)}`);
  });

  it('SQS in a CloudFormation template: official name, notes section, openSection link', async () => {
    const text = hoverText(await hovers(template.uri, positionOf(template, 'pipeline - SQS queue', 'SQS')));
    assert.ok(text.includes(SQS_EXPECTED), `expected "${SQS_EXPECTED}" in hover:\n${text}`);
    assert.ok(text.includes(FROM_NOTES), `expected "${FROM_NOTES}" in hover:\n${text}`);
    // the SQS note's sections appear (breadcrumb / excerpt come from notes/messaging/sqs-lambda.md)
    assert.ok(/SQS と Lambda でつくる非同期処理|可視性タイムアウト|デッドレターキュー|FIFO キュー/.test(text),
      `expected an SQS note section in hover:\n${text}`);
    const links = sectionLinks(text);
    assert.ok(links.length >= 1, `expected command:awsNotes.openSection links in hover:\n${text}`);
    assert.ok(links.some((l) => l.uri.endsWith('/notes/messaging/sqs-lambda.md')),
      `expected a link to notes/messaging/sqs-lambda.md, got ${JSON.stringify(links)}`);
  });

  it('hover.maxSections defaults to 3: at most 3 note sections are listed', async () => {
    const text = hoverText(await hovers(template.uri, positionOf(template, 'pipeline - SQS queue', 'SQS')));
    const links = sectionLinks(text);
    assert.ok(links.length >= 1 && links.length <= 3, `expected 1..3 section links, got ${links.length}:\n${text}`);
  });

  it('every openSection link points into an existing note, inside a section the hover names', async () => {
    const text = hoverText(await hovers(template.uri, positionOf(template, 'pipeline - SQS queue', 'SQS')));
    const links = sectionLinks(text);
    assert.ok(links.length > 0, text);
    for (const l of links) {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(l.uri));
      assert.ok(l.line >= 0 && l.line < doc.lineCount, `line ${l.line} outside ${l.uri}`);
      // the heading of the section containing the target line is part of the hover's breadcrumb
      let h = l.line;
      while (h > 0 && !/^#{1,6}\s/.test(doc.lineAt(h).text)) h--;
      const heading = doc.lineAt(h).text.replace(/^#{1,6}\s+/, '').trim();
      assert.ok(text.includes(heading), `link ${l.uri}:${l.line} is in section "${heading}", which the hover does not name:\n${text}`);
    }
  });

  it('Lambda in a CloudFormation template', async () => {
    const text = await hoverUntil(template.uri, positionOf(template, 'consumed by a Lambda function', 'Lambda'),
      (t) => t.includes('AWS Lambda'));
    assert.ok(text.includes('AWS Lambda'), `hover: ${text}`);
    assert.ok(text.includes(FROM_NOTES), `expected notes (sqs-lambda.md talks about Lambda) in hover:\n${text}`);
  });

  it('DynamoDB in a Terraform file', async () => {
    const doc = await open('terraform/main.tf');
    const text = await hoverUntil(doc.uri, positionOf(doc, '# DynamoDB table', 'DynamoDB'), (t) => t.includes('Amazon DynamoDB'));
    assert.ok(text.includes('Amazon DynamoDB'), `hover: ${text}`);
    assert.ok(sectionLinks(text).some((l) => l.uri.endsWith('/notes/database/dynamodb.md')),
      `expected a link to notes/database/dynamodb.md in hover:\n${text}`);
  });

  it('SQS and DynamoDB in a Python boto3 file', async () => {
    const doc = await open('src/handler.py');
    const sqs = await hoverUntil(doc.uri, positionOf(doc, 'reads orders from SQS', 'SQS'), (t) => t.includes(SQS));
    assert.ok(sqs.includes(SQS), `hover: ${sqs}`);
    const ddb = await hoverUntil(doc.uri, positionOf(doc, 'stores them in DynamoDB', 'DynamoDB'), (t) => t.includes('Amazon DynamoDB'));
    assert.ok(ddb.includes('Amazon DynamoDB'), `hover: ${ddb}`);
  });

  it('SQS and Lambda in a TypeScript AWS SDK file', async () => {
    const doc = await open('src/publish.ts');
    const sqs = await hoverUntil(doc.uri, positionOf(doc, 'to the SQS queue', 'SQS'), (t) => t.includes(SQS));
    assert.ok(sqs.includes(SQS), `hover: ${sqs}`);
    const lambda = await hoverUntil(doc.uri, positionOf(doc, '// Lambda picks', 'Lambda'), (t) => t.includes('AWS Lambda'));
    assert.ok(lambda.includes('AWS Lambda'), `hover: ${lambda}`);
  });

  it('DynamoDB inside a Markdown note', async () => {
    const doc = await open('notes/database/dynamodb.md');
    const text = await hoverUntil(doc.uri, positionOf(doc, 'DynamoDB はアクセスパターン', 'DynamoDB'), (t) => t.includes('Amazon DynamoDB'));
    assert.ok(text.includes('Amazon DynamoDB'), `hover: ${text}`);
  });

  describe('no hover on words that are not AWS names', () => {
    // These run after the server has answered above, so an empty result means "no hover", not "not ready".
    it('`config` in Python and Terraform files gets no hover at all', async () => {
      const py = await open('src/handler.py');
      assert.deepStrictEqual(await hovers(py.uri, positionOf(py, 'config = {', 'config')), [], '`config` in handler.py');
      const tf = await open('terraform/main.tf');
      assert.deepStrictEqual(await hovers(tf.uri, positionOf(tf, 'config = {', 'config')), [], '`config` in main.tf');
    });

    it('`config` in TypeScript: the TypeScript hover only, nothing from AWS Notes', async () => {
      const ts = await open('src/publish.ts');
      const text = hoverText(await hovers(ts.uri, positionOf(ts, 'const config', 'config')));
      assert.ok(!looksLikeOurHover(text), `unexpected AWS Notes hover on \`config\`:\n${text}`);
    });

    it('`BatchGetItem` (an API action, not a service) gets no hover', async () => {
      const py = await open('src/handler.py');
      assert.deepStrictEqual(await hovers(py.uri, positionOf(py, 'BatchGetItem is not', 'BatchGetItem')), []);
    });

    it('plain Japanese prose in a note gets no hover', async () => {
      const md = await open('notes/database/dynamodb.md');
      const text = hoverText(await hovers(md.uri, positionOf(md, 'カーディナリティが高い', 'カーディナリティ')));
      assert.ok(!looksLikeOurHover(text), `unexpected hover:\n${text}`);
    });
  });
});

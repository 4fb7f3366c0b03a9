// Hostile documents opened in the editor (templates and Terraform files are untrusted input too): YAML alias
// bombs, 100k-deep JSON, deep YAML, unterminated HCL strings and heredocs. Every request on them answers within
// the bound, and the server keeps answering the next request (a stack overflow inside the YAML parser used to
// leave V8 able to abort the process on the next parse).
import * as assert from 'node:assert/strict';
import type { TestClient } from '../helpers/lspClient';
import { ALIAS_BOMB } from '../unit/fuzz/generators';
import { cleanup, HOVER_BOUND_MS, hoverSqs, makeWorkspace, record, startClient, stats } from './helpers';

const DOCUMENTS: [name: string, file: string, languageId: string, text: string][] = [
  ['YAML alias bomb template', 'bomb.yaml', 'yaml', ALIAS_BOMB],
  ['100k-deep JSON array', 'deep-array.json', 'json', '{"Resources":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}'],
  ['100k-deep JSON object', 'deep-object.json', 'json', '{"AWSTemplateFormatVersion":"2010-09-09","Resources":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) + '}'],
  ['5k-deep YAML by indentation', 'deep.yaml', 'yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n' + Array.from({ length: 5000 }, (_, i) => ' '.repeat(i + 2) + `k${i}:`).join('\n')],
  ['unterminated HCL strings', 'strings.tf', 'terraform', 'resource "aws_sqs_queue" "q" {\n  name = "unterminated\n}\n'.repeat(3000)],
  ['unterminated HCL heredoc', 'heredoc.tf', 'terraform', 'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n' + '{"Statement": "${\n'.repeat(20_000)],
  ['unterminated HCL template and comment', 'template.tf', 'terraform', 'locals {\n  x = "' + '${'.repeat(50_000) + '\n/*' + ' comment'.repeat(50_000)],
];

describe('hostile documents over stdio', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  const opened: string[] = [];

  before(async () => {
    const w = makeWorkspace('hostile-docs');
    root = w.root;
    client = await startClient('hostile documents workspace', { workspace: w.ws });
  });

  after(async () => {
    await client.stop();
    cleanup(root);
  });

  for (const [name, file, languageId, text] of DOCUMENTS) {
    it(`${name}: every request answers within the bound, then the server still answers`, async () => {
      const uri = client.open(file, languageId, text);
      opened.push(uri);
      const requests: [string, () => Promise<unknown>][] = [
        ['hover', () => client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } })],
        ['documentSymbol', () => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })],
        ['codeLens', () => client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })],
        ['completion', () => client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 2 } })],
      ];
      for (const [what, request] of requests) {
        const started = performance.now();
        await request();
        const ms = record(name, what, performance.now() - started);
        assert.ok(ms < HOVER_BOUND_MS, `${what} took ${Math.round(ms)} ms`);
      }
      await hoverSqs(client, `after ${name}`);
      assert.ok((await stats(client)).pid > 0);
    });
  }

  it('no request crashed the server, and nothing unexpected was logged as an error', async () => {
    await client.waitForDiagnostics(opened); // diagnostics of every open document have run by now
    assert.equal(opened.length, DOCUMENTS.length);
    await hoverSqs(client, 'after diagnostics of all hostile documents');
    assert.ok((await stats(client)).files >= 1);
    assert.deepEqual(client.logs.filter((l) => /uncaught|unhandled|FATAL|request failed/i.test(l)), []);
  });
});

// Hostile notes, generated at test time (no committed binaries): the server stays up, answers a hover within
// a bound, logs one clear line per skipped file, and indexes everything else.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TestClient } from '../helpers/lspClient';
import { cleanup, hoverSqs, logLines, makeWorkspace, record, startClient, stats } from './helpers';
import { Requests } from '../../shared/protocol';

const MB = 1024 * 1024;

/** An 8 MB note: a heading, then one 8 MB line full of service names (hundreds of thousands of mentions). */
function oneLineNote(bytes: number): string {
  const unit = 'SQS と Lambda の連携メモ。';
  const head = '# 巨大な一行ノート\n\n';
  return head + unit.repeat(Math.ceil((bytes - Buffer.byteLength(head)) / Buffer.byteLength(unit)));
}

describe('hostile notes over stdio', function () {
  this.timeout(60000);

  describe('a notes folder full of bad files (default limits)', () => {
    let root: string;
    let client: TestClient;

    before(async () => {
      const w = makeWorkspace('hostile-notes');
      root = w.root;
      const n = (name: string) => path.join(w.notes, name);
      // binary files named .md: a PNG header and random bytes with NULs
      fs.writeFileSync(n('image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
      fs.writeFileSync(n('random.md'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
      // invalid UTF-8 (lone continuation bytes, truncated sequences, overlongs) around a real heading
      fs.writeFileSync(n('broken-utf8.md'), Buffer.concat([Buffer.from('# 壊れた UTF-8\n\n## Kinesis のメモ\n\n'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0xc0, 0x80, 0xf0, 0x9f]), Buffer.from(' Kinesis\n')]));
      // BOM + CRLF
      fs.writeFileSync(n('bom-crlf.md'), '\ufeff# BOM と CRLF\r\n\r\n## DynamoDB の CRLF メモ\r\n\r\nDynamoDB の本文。\r\n');
      // 8 MB on one line: over the default 4 MB limit -> skipped
      fs.writeFileSync(n('huge-one-line.md'), oneLineNote(8 * MB));
      // 5,000-deep block quote and 5,000-deep nested list
      fs.writeFileSync(n('deep-quote.md'), '# 深い引用\n\n' + '>'.repeat(5000) + ' SQS\n');
      // (5,000 levels on one line "- - - ... SQS", then 1,000 levels by indentation: 1 MB)
      fs.writeFileSync(n('deep-list.md'), '# 深いリスト\n\n' + '- '.repeat(5000) + 'SQS\n\n' + Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- SQS ${i}`).join('\n') + '\n');
      // many sections: capped to the first 100 (setting below)
      fs.writeFileSync(n('many-sections.md'), Array.from({ length: 300 }, (_, i) => `## セクション${i}\n\nSNS ${i}\n`).join('\n'));
      // a symlink loop and a dangling link
      fs.symlinkSync(w.notes, n('loop'));
      fs.symlinkSync(path.join(w.ws, 'nowhere.md'), n('dangling.md'));
      client = await startClient('bad-files folder (default limits)', { workspace: w.ws, settings: { limits: { maxSectionsPerFile: 100 } } });
    });

    after(async () => {
      await client.stop();
      cleanup(root);
    });

    it('stays up and answers a hover within the bound', async () => {
      await hoverSqs(client, 'bad-files folder');
    });

    it('indexes the good, the invalid UTF-8, the BOM+CRLF and the capped notes, and only those', async () => {
      const s = await stats(client);
      assert.equal(s.files, 4, JSON.stringify(s)); // good, broken-utf8, bom-crlf, many-sections
      const symbols = (await client.connection.sendRequest('workspace/symbol', { query: 'DynamoDB の CRLF メモ' })) as { name: string; location: { range: { start: { line: number } } } }[];
      assert.equal(symbols[0]?.name, 'DynamoDB の CRLF メモ');
      assert.equal(symbols[0].location.range.start.line, 2, 'CRLF line numbers');
      const kinesis = (await client.connection.sendRequest('workspace/symbol', { query: 'Kinesis のメモ' })) as unknown[];
      assert.equal(kinesis.length, 1);
      const capped = (await client.connection.sendRequest('workspace/symbol', { query: 'セクション' })) as { name: string }[];
      assert.ok(capped.length > 0 && capped.length <= 100, String(capped.length));
      assert.ok(!capped.some((s) => s.name === 'セクション150'));
    });

    it('logs exactly one clear line per skipped file', async () => {
      const once = (needle: string | RegExp, what: RegExp) => {
        const lines = logLines(client, needle);
        assert.equal(lines.length, 1, `${needle}: ${JSON.stringify(lines)}`);
        assert.match(lines[0], what);
      };
      once('image.md', /not a text file/);
      once('random.md', /not a text file/);
      once('huge-one-line.md', /over the limit of 4194304/);
      once('deep-quote.md', /nest more than 64 levels.*maxNestingDepth/);
      once('deep-list.md', /nest more than 64 levels.*maxNestingDepth/);
      once('many-sections.md', /300 sections; only the first 100 are indexed.*maxSectionsPerFile/);
      once('dangling.md', /dangling symbolic link/);
      assert.equal(logLines(client, 'broken-utf8.md').length, 0);
      assert.equal(logLines(client, 'bom-crlf.md').length, 0);
    });

    it('re-indexing the same bad files logs nothing new and still answers', async () => {
      const before = client.logs.length;
      const started = performance.now();
      await client.connection.sendRequest(Requests.reindex);
      record('bad-files folder', 'reindex request', performance.now() - started);
      assert.deepEqual(client.logs.slice(before).filter((l) => /skipped|not a text file|over the limit|dangling/.test(l)), []);
      await hoverSqs(client, 'bad-files folder after reindex');
    });
  });

  describe('an 8 MB one-line note with limits.maxFileSize raised', () => {
    let root: string;
    let client: TestClient;

    before(async () => {
      const w = makeWorkspace('hostile-huge');
      root = w.root;
      fs.writeFileSync(path.join(w.notes, 'huge-one-line.md'), oneLineNote(8 * MB));
      client = await startClient('8 MB one-line note (maxFileSize 16 MB)', { workspace: w.ws, settings: { limits: { maxFileSize: 16 * MB } } });
    });

    after(async () => {
      await client.stop();
      cleanup(root);
    });

    it('is indexed, and hovers stay within the bound', async () => {
      assert.equal((await stats(client)).files, 2);
      const symbols = (await client.connection.sendRequest('workspace/symbol', { query: '巨大な一行ノート' })) as unknown[];
      assert.equal(symbols.length, 1);
      await hoverSqs(client, '8 MB one-line note', /SQS とは|巨大な一行ノート/);
      const text = 'resource "aws_lambda_function" "f" {}\n# Lambda\n';
      const uri = client.open('f.tf', 'terraform', text);
      const started = performance.now();
      const value = await client.hoverText(uri, client.positionOf(text, '# Lambda', 3));
      const ms = record('8 MB one-line note', 'hover on Lambda (mentioned 300k times)', performance.now() - started);
      assert.match(value!, /巨大な一行ノート/);
      assert.ok(ms < 2000, `${ms} ms`);
      assert.equal(logLines(client, 'huge-one-line.md').length, 0);
    });
  });
});

// The server never writes into note folders or the workspace: a whole session (index, hovers, edits through
// didChange, saves, reindex, conversions) leaves every path, mtime and size of the workspace as it was. The
// index cache lives only in the cache directory, is refused inside a note folder, and a corrupt cache is
// discarded and rebuilt, never fatal.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventually, TestClient } from '../helpers/lspClient';
import { cleanup, GOOD_NOTE, hoverSqs, logLines, makeWorkspace, startClient, stats } from './helpers';
import { Requests } from '../../shared/protocol';

type Snapshot = Record<string, { size: number; mtimeMs: number; kind: string }>;

function snapshot(dir: string): Snapshot {
  const out: Snapshot = {};
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      out[path.relative(dir, p)] = { size: st.isDirectory() ? 0 : st.size, mtimeMs: st.mtimeMs, kind: st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'link' : 'file' };
      if (st.isDirectory()) walk(p);
    }
  };
  out['.'] = { size: 0, mtimeMs: fs.statSync(dir).mtimeMs, kind: 'dir' };
  walk(dir);
  return out;
}

function workspaceWithTemplates() {
  const w = makeWorkspace('never-writes');
  fs.mkdirSync(path.join(w.notes, 'sub'));
  fs.writeFileSync(path.join(w.notes, 'sub', 'lambda.md'), '# Lambda\n\n## Lambda と SQS\n\nバッチサイズ。\n');
  fs.writeFileSync(path.join(w.ws, 'template.yaml'), 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n');
  fs.writeFileSync(path.join(w.ws, 'main.tf'), 'resource "aws_sqs_queue" "q" {}\n');
  return w;
}

describe('never writes into the workspace', function () {
  this.timeout(60000);

  it('a whole session leaves the workspace tree unchanged (paths, mtimes, sizes)', async () => {
    const w = workspaceWithTemplates();
    const before = snapshot(w.ws);
    const client = await startClient('never-writes session', { workspace: w.ws, vscodeLike: true });
    try {
      await hoverSqs(client, 'never-writes session');
      const template = client.open('template.yaml', 'yaml');
      await client.hoverText(template, { line: 2, character: 16 });
      await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: template } });
      await client.connection.sendRequest(Requests.convert, { uri: template });
      const tf = client.open('main.tf', 'terraform');
      await client.hoverText(tf, { line: 0, character: 12 });
      // edit a note in the editor, save, close
      const note = client.open('notes/good.md', 'markdown');
      for (let v = 2; v < 6; v++) {
        client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: note, version: v }, contentChanges: [{ text: GOOD_NOTE + `\n## 追記 ${v}\n\nSQS ${v}\n` }] });
      }
      await eventually(async () => ((await client.connection.sendRequest('workspace/symbol', { query: '追記 5' })) as unknown[]).length > 0);
      client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: note } });
      client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: note } });
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: note, type: 2 }] });
      await client.connection.sendRequest(Requests.reindex);
      await client.connection.sendRequest('workspace/symbol', { query: 'SQS' });
      // let the delayed work happen (the cache save comes ~2 s after the last change; diagnostics)
      // the delayed work is done once the cache file is in place (written to a temporary name, then renamed)
      const cacheDir = path.join(w.root, '.cache');
      await eventually(async () => fs.existsSync(cacheDir) && fs.readdirSync(cacheDir).some((f) => /^notes-index-.*\.bin$/.test(f)), 8000, 100);
    } finally {
      await client.stop();
    }
    assert.deepEqual(snapshot(w.ws), before);
    // the cache went to the cache directory (outside the workspace), and only there
    const cacheDir = path.join(w.root, '.cache');
    // (the notes index, and the server's V8 code cache when the server ran long enough to write it)
    const ours = (f: string) => (f.startsWith('notes-index-') && f.endsWith('.bin')) || (f.startsWith('aws-notes-ls-') && f.endsWith('.v8cache'));
    assert.ok(!fs.existsSync(cacheDir) || fs.readdirSync(cacheDir).every(ours), String(fs.existsSync(cacheDir) && fs.readdirSync(cacheDir)));
    cleanup(w.root);
  });

  it('a cache directory inside a note folder is refused, and nothing is written there', async () => {
    const w = workspaceWithTemplates();
    const before = snapshot(w.ws);
    const client = new TestClient({ workspace: w.ws, settings: { cache: { dir: path.join(w.notes, '.cache') } } });
    try {
      await client.start();
      await hoverSqs(client, 'cache dir inside the notes');
      await eventually(async () => logLines(client, /not using the cache directory .*inside a note folder/).length > 0);
      assert.equal(logLines(client, /not using the cache directory .*inside a note folder/).length, 1);
    } finally {
      await client.stop();
    }
    assert.deepEqual(snapshot(w.ws), before);
    cleanup(w.root);
  });

  it('a corrupt cache is discarded and rebuilt, not fatal', async () => {
    const w = workspaceWithTemplates();
    const cacheDir = path.join(w.root, '.cache');
    const first = await startClient('cache: cold start', { workspace: w.ws });
    try {
      await eventually(async () => fs.existsSync(cacheDir) && fs.readdirSync(cacheDir).some((f) => f.endsWith('.bin')), 8000, 100);
    } finally {
      await first.stop();
    }
    const [file] = fs.readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
    const good = fs.readFileSync(path.join(cacheDir, file));
    for (const corrupt of [Buffer.from('not a cache at all'), good.subarray(0, Math.floor(good.length / 2)), Buffer.alloc(good.length, 0xff)]) {
      fs.writeFileSync(path.join(cacheDir, file), corrupt);
      const client = await startClient(`cache: corrupt (${corrupt.length} bytes)`, { workspace: w.ws });
      try {
        assert.equal((await stats(client)).files, 2);
        await hoverSqs(client, 'corrupt cache');
        // rebuilt: a valid cache replaces the corrupt one
        await eventually(async () => !fs.readFileSync(path.join(cacheDir, file)).equals(corrupt), 8000, 100);
        assert.deepEqual(client.logs.filter((l) => /uncaught|unhandled|indexing failed/i.test(l)), []);
      } finally {
        await client.stop();
      }
    }
    cleanup(w.root);
  });
});

// Open Section checks its arguments (issue 12, part 3): the client asks `awsNotes/resolveSection` before opening,
// and the server confirms only an indexed note at a line inside it. Forged targets (`/etc/passwd`, a file next to
// the notes that is not one, an excluded note, a line out of range) are refused, each with a log line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../helpers/lspClient';

describe('awsNotes/resolveSection (Open Section targets)', function () {
  this.timeout(30000);
  let root: string;
  let client: TestClient;
  let note: string;
  let noteLines: number;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-open-section-'));
    const ws = path.join(root, 'ws');
    fs.mkdirSync(path.join(ws, 'notes', 'drafts'), { recursive: true });
    const text = '# キュー\n\n## SQS とは\n\nSQS はメッセージキュー。\n';
    noteLines = text.split('\n').length;
    fs.writeFileSync(path.join(ws, 'notes', 'queue.md'), text);
    fs.writeFileSync(path.join(ws, 'notes', 'drafts', 'draft.md'), '# SQS 下書き\n');
    fs.writeFileSync(path.join(ws, 'README.md'), '# SQS README\n');
    note = pathToFileURL(path.join(ws, 'notes', 'queue.md')).href;
    client = new TestClient({ workspace: ws, settings: { notes: { paths: ['notes'], exclude: ['**/drafts/**'] } } });
    await client.start();
  });

  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const resolve = (uri: unknown, line: unknown) => client.connection.sendRequest('awsNotes/resolveSection', { uri, line });

  it('confirms the hover link of an indexed note, as issued', async () => {
    const text = 'import boto3\n# SQS\n';
    const uri = client.open('probe.py', 'python', text);
    const hover = (await client.hoverText(uri, client.positionOf(text, 'SQS', 1)))!;
    const m = /command:awsNotes\.openSection\?([^)\s]+)/.exec(hover);
    assert.ok(m, hover);
    const [args] = JSON.parse(decodeURIComponent(m[1])) as { uri: string; line: number }[];
    assert.equal(args.uri, note);
    assert.deepEqual(await resolve(args.uri, args.line), args);
    assert.deepEqual(await resolve(note, noteLines - 1), { uri: note, line: noteLines - 1 });
    // The same file spelled with another percent-encoding (as another client may): the index's own URI comes back.
    assert.deepEqual(await resolve(note.replace('queue.md', '%71ueue.md'), 2), { uri: note, line: 2 });
  });

  it('refuses a forged /etc/passwd, a workspace file that is not a note, an excluded note, and lines out of range', async () => {
    const before = client.logs.length;
    assert.equal(await resolve('file:///etc/passwd', 0), null);
    assert.equal(await resolve(client.uri('README.md'), 0), null);
    assert.equal(await resolve(client.uri('notes/drafts/draft.md'), 0), null);
    assert.equal(await resolve(note.toUpperCase(), 0), null);
    assert.equal(await resolve('https://evil.example/x.md', 0), null);
    assert.equal(await resolve(note, noteLines), null);
    assert.equal(await resolve(note, 1_000_000_000), null);
    const refusals = client.logs.slice(before).join('\n').split('\n').filter((l) => /refused to open .* line \d+: not an indexed note section/.test(l));
    assert.equal(refusals.length, 7, client.logs.slice(before).join('\n'));
  });

  it('malformed arguments are InvalidParams errors, not answers', async () => {
    for (const [uri, line] of [[note, -1], [note, 1.5], [note, '0'], [5, 0], [null, 0], [note, null]] as const) {
      await assert.rejects(resolve(uri, line), (e: { code?: number }) => e.code === -32602, `${uri} ${line}`);
    }
  });
});

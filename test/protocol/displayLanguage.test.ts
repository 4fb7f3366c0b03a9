// awsNotes.displayLanguage (issue 17): our strings in Japanese or English whatever the editor's locale, switched live
// through workspace/didChangeConfiguration without re-indexing, and CodeLenses refreshed when the language changes.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually, TestClient } from '../helpers/lspClient';
import { QUEUE_NOTE } from '../helpers/notesFixtures';

describe('awsNotes.displayLanguage over stdio', function () {
  this.timeout(30000);
  let root: string;
  let ws: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-lang-'));
    ws = path.join(root, 'ws');
    fs.mkdirSync(path.join(ws, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'notes', 'queue.md'), QUEUE_NOTE);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const text = 'import boto3\nsqs = boto3.client("sqs")\n';

  it('ja in an English editor answers in Japanese; en in a Japanese editor answers in English (initializationOptions)', async () => {
    for (const [locale, displayLanguage, want, not] of [
      ['en', 'ja', /あなたのノートから/, /From your notes/],
      ['ja', 'en', /From your notes/, /あなたのノートから/],
      ['ja', 'auto', /あなたのノートから/, /From your notes/],
      ['en', 'bogus', /From your notes/, /あなたのノートから/],
    ] as const) {
      const client = new TestClient({ workspace: ws, locale, settings: { displayLanguage, notes: { paths: ['notes'] } } });
      try {
        await client.start();
        const uri = client.open('w.py', 'python', text);
        const value = (await client.hoverText(uri, client.positionOf(text, '"sqs"')))!;
        assert.match(value, want, `${locale}/${displayLanguage}`);
        assert.doesNotMatch(value, not, `${locale}/${displayLanguage}`);
      } finally {
        await client.stop();
      }
    }
  });

  it('a change of the setting applies to the next hover, refreshes CodeLenses and does not re-index', async () => {
    const settings: Record<string, unknown> = { displayLanguage: 'auto', notes: { paths: ['notes'] } };
    const client = new TestClient({ workspace: ws, locale: 'en', vscodeLike: true, settings, workspaceCapabilities: { codeLens: { refreshSupport: true } } });
    let refreshes = 0;
    client.connection.onRequest('workspace/codeLens/refresh', () => {
      refreshes++;
      return null;
    });
    try {
      await client.start();
      const uri = client.open('w.py', 'python', text);
      const at = client.positionOf(text, '"sqs"');
      assert.match((await client.hoverText(uri, at))!, /From your notes/);
      const indexedBefore = client.indexedCount;
      settings.displayLanguage = 'ja';
      client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await eventually(async () => /あなたのノートから/.test((await client.hoverText(uri, at)) ?? ''));
      await eventually(async () => refreshes === 1);
      // A settings change that matters for indexing still re-indexes: the display language alone did not.
      settings.hover = { maxSections: 2 };
      const reindexed = client.waitForIndex();
      client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await reindexed;
      assert.equal(client.indexedCount, indexedBefore + 1);
      assert.equal(refreshes, 1, 'no refresh when the language did not change');
    } finally {
      await client.stop();
    }
  });
});

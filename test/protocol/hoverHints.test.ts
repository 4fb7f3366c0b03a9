// The server decides when the "notes not configured" hint may appear: awsNotes.notes.paths empty and
// awsNotes.hover.setupHint not switched off (issue 17).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TestClient } from '../helpers/lspClient';
import { QUEUE_NOTE } from '../helpers/notesFixtures';

describe('hover setup hint over stdio', function () {
  this.timeout(30000);
  let root: string;
  let ws: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-hint-'));
    ws = path.join(root, 'ws');
    fs.mkdirSync(path.join(ws, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'notes', 'queue.md'), QUEUE_NOTE);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const text = 'import boto3\nk = boto3.client("kinesis")\n';

  async function hovers(settings: Record<string, unknown>, count: number): Promise<string[]> {
    const client = new TestClient({ workspace: ws, settings });
    try {
      await client.start();
      const uri = client.open('k.py', 'python', text);
      const out: string[] = [];
      for (let i = 0; i < count; i++) out.push((await client.hoverText(uri, client.positionOf(text, '"kinesis"')))!);
      return out;
    } finally {
      await client.stop();
    }
  }

  it('no notes.paths: the first hover that finds nothing says how to set them, the second does not', async () => {
    const [first, second] = await hovers({}, 2);
    assert.match(first, /Notes not configured: set `awsNotes\.notes\.paths`/);
    assert.match(second, /Kinesis/);
    assert.doesNotMatch(second, /Notes not configured/);
  });

  it('never with notes.paths set, or with hover.setupHint off', async () => {
    for (const settings of [{ notes: { paths: ['notes'] } }, { hover: { setupHint: false } }]) {
      const [first] = await hovers(settings, 1);
      assert.match(first, /Kinesis/);
      assert.doesNotMatch(first, /Notes not configured/, JSON.stringify(settings));
    }
  });
});

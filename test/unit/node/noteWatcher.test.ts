import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { NoteWatcher } from '../../../server/src/node/noteWatcher';
import type { WorkspaceIndexer } from '../../../server/src/node/workspaceIndexer';

// Our own watchers (clients that cannot watch files): one per folder of notes and the folders below it; a note named
// on its own watches its folder only — never the tree around it (which may be a whole home directory).
describe('NoteWatcher (our own watchers)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-watch-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const watcherFor = (roots: { base: string; file: boolean }[]) => {
    const indexer = { roots, excludesDirectory: () => false } as unknown as WorkspaceIndexer;
    const logger = { info() {}, warn() {}, error() {} };
    const watcher = new NoteWatcher({} as Connection, () => indexer, logger, () => undefined, () => 'en');
    const folders = () => [...(watcher as unknown as { folders: Map<string, unknown> }).folders.keys()].map((f) => path.relative(tmp, f) || '.').sort();
    return { watcher, folders };
  };

  it('watches a notes folder and every folder below it', async () => {
    fs.mkdirSync(path.join(tmp, 'notes', 'aws', 'sqs'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'notes', 'gcp'), { recursive: true });
    const { watcher, folders } = watcherFor([{ base: path.join(tmp, 'notes'), file: false }]);
    await watcher.watch({ canWatchFiles: false, relativePatterns: false });
    assert.deepEqual(folders(), ['notes', 'notes/aws', 'notes/aws/sqs', 'notes/gcp']);
    watcher.close();
    assert.deepEqual(folders(), []);
  });

  it('negative: a note named on its own watches its folder, not the folders beside it', async () => {
    fs.mkdirSync(path.join(tmp, 'home', 'projects', 'big'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'home', 'notes.md'), '# SQS\n');
    const { watcher, folders } = watcherFor([{ base: path.join(tmp, 'home', 'notes.md'), file: true }]);
    await watcher.watch({ canWatchFiles: false, relativePatterns: false });
    assert.deepEqual(folders(), ['home']);
    watcher.close();
  });

  it('a folder that is both a notes folder and the folder of a named note is watched with what lies below it', async () => {
    fs.mkdirSync(path.join(tmp, 'notes', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'notes', 'index.md'), '# Index\n');
    const { watcher, folders } = watcherFor([
      { base: path.join(tmp, 'notes', 'index.md'), file: true },
      { base: path.join(tmp, 'notes'), file: false },
    ]);
    await watcher.watch({ canWatchFiles: false, relativePatterns: false });
    assert.deepEqual(folders(), ['notes', 'notes/sub']);
    watcher.close();
  });
});

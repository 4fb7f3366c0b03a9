// Issue 17 (found by the real-editor suite): a note open in the editor stayed indexed after notes.exclude or
// notes.paths stopped including it, so the explorer never reached its 0-notes welcome state.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLanguageService } from '../../../server/src/core/languageService';
import { normalizeSettings } from '../../../server/src/node/settings';
import { toUri } from '../../../server/src/node/uris';
import { WorkspaceIndexer } from '../../../server/src/node/workspaceIndexer';
import { miniData } from '../../helpers/miniData';

const silent = { info() {}, warn() {}, error() {} };

describe('notes open in the editor and the settings', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-open-'));
    fs.mkdirSync(path.join(tmp, 'notes', 'db'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'notes', 'queue.md'), '# SQS とは\n\nキュー。\n');
    fs.writeFileSync(path.join(tmp, 'notes', 'db', 'table.md'), '# DynamoDB とは\n\nテーブル。\n');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('an open note is dropped when notes.exclude excludes it, and an open unsaved note that is still included stays', async () => {
    const service = createLanguageService({ data: miniData() });
    const indexer = new WorkspaceIndexer(service.index, normalizeSettings({}), [tmp], silent, () => 'en');
    await indexer.crawl();
    const table = toUri(path.join(tmp, 'notes', 'db', 'table.md'));
    const draft = toUri(path.join(tmp, 'notes', 'draft.md')); // open, never saved
    indexer.editorChanged(table, '# DynamoDB とは\n\n編集中。\n');
    indexer.editorChanged(draft, '# 下書き\n\nSQS のメモ。\n');
    assert.ok(service.index.get(table) && service.index.get(draft));

    indexer.configure(normalizeSettings({ notes: { exclude: ['**/db/**'] } }), [tmp]);
    await indexer.crawl();
    assert.equal(service.index.get(table), undefined, 'the excluded note is still indexed because it is open');
    assert.ok(service.index.get(draft), 'an unsaved note that the settings include must stay');

    indexer.configure(normalizeSettings({ notes: { paths: ['no-such-folder'] } }), [tmp]);
    await indexer.crawl();
    assert.equal(service.index.stats().files, 0);
  });
});

// Found by the real-editor suite: deleting a folder of notes is reported by the watcher as ONE event for the folder;
// its notes stayed in hovers until the next full crawl.
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

describe('a deleted folder of notes', () => {
  let tmp: string;
  const note = (...parts: string[]) => path.join(tmp, 'notes', ...parts);
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-rmdir-'));
    fs.mkdirSync(note('sns', 'deep'), { recursive: true });
    fs.mkdirSync(note('sns-old'), { recursive: true }); // shares the folder's name as a prefix: must stay
    fs.writeFileSync(note('sns', 'retry.md'), '# SNS の再試行\n\n配信の再試行。\n');
    fs.writeFileSync(note('sns', 'deep', 'fanout.md'), '# SNS のファンアウト\n\nSQS へ配る。\n');
    fs.writeFileSync(note('sns-old', 'topic.md'), '# SNS トピック\n\n古いメモ。\n');
    fs.writeFileSync(note('queue.md'), '# SQS とは\n\nキュー。\n');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('drops every note beneath it, and only those; a note open in the editor stays', async () => {
    const service = createLanguageService({ data: miniData() });
    const indexer = new WorkspaceIndexer(service.index, normalizeSettings({}), [tmp], silent, () => 'en');
    await indexer.crawl();
    assert.equal(service.index.stats().files, 4);
    const open = toUri(note('sns', 'deep', 'fanout.md'));
    indexer.editorChanged(open, '# SNS のファンアウト\n\n編集中。\n');

    fs.rmSync(note('sns'), { recursive: true });
    await indexer.fileChanged(note('sns'), true);

    assert.equal(service.index.has(toUri(note('sns', 'retry.md'))), false, 'a note of the deleted folder is still indexed');
    assert.ok(service.index.has(open), 'an open (unsaved) note must stay');
    assert.ok(service.index.has(toUri(note('sns-old', 'topic.md'))), 'a sibling folder sharing the name as prefix lost its note');
    assert.ok(service.index.has(toUri(note('queue.md'))));
    assert.equal(service.index.stats().files, 3);
  });

  it('a deleted file that was never a note removes nothing', async () => {
    const service = createLanguageService({ data: miniData() });
    const indexer = new WorkspaceIndexer(service.index, normalizeSettings({}), [tmp], silent, () => 'en');
    await indexer.crawl();
    await indexer.fileChanged(note('sn'), true);
    assert.equal(service.index.stats().files, 4);
  });
});

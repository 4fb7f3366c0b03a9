import * as assert from 'node:assert/strict';
import { searchSections } from '../../../server/src/core/features/searchSections';
import { createLanguageService } from '../../../server/src/core/languageService';
import { miniData } from '../../helpers/miniData';
import { QUEUE_NOTE } from '../../helpers/notesFixtures';

describe('Search Notes (searchSections)', () => {
  const service = createLanguageService({ data: miniData() });
  service.index.setText('file:///notes/queue.md', QUEUE_NOTE);

  it('finds a heading by its own words, with the breadcrumb and heading line', () => {
    const [first] = searchSections(service.index, '可視性');
    assert.equal(first.label, '可視性タイムアウト');
    assert.equal(first.detail, 'queue.md › キューまわりの学習メモ › SQS とは › 可視性タイムアウト');
    assert.equal(first.line, QUEUE_NOTE.split('\n').indexOf('### 可視性タイムアウト'));
  });

  it('matches through the ancestors too, folds full-width text, and lists everything for an empty query', () => {
    assert.ok(searchSections(service.index, '可視性 ＳＱＳ').some((s) => s.label === '可視性タイムアウト'));
    assert.equal(searchSections(service.index, '').length, 5);
    assert.equal(searchSections(service.index, 'zzzz').length, 0);
    assert.equal(searchSections(service.index, '', 2).length, 2);
  });
});

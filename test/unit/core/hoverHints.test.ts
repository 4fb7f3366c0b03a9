// Issue 17: the hover's empty and in-progress states: "indexing… N of M" while the first crawl runs (also when some
// sections are already shown), and "notes not configured" once per session when nothing is found and no notes folder is set.
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../../server/src/core/languageService';
import { documentWithCursor } from '../../helpers/cursor';
import { miniData } from '../../helpers/miniData';
import { QUEUE_NOTE } from '../../helpers/notesFixtures';

type Service = ReturnType<typeof createLanguageService>;

function hover(service: Service, source = 'q = boto3.client("s‸qs")'): string {
  const { document, position } = documentWithCursor('file:///ws/a.py', 'python', source);
  const result = service.hover(document, position);
  return result ? (result.contents as { value: string }).value : '';
}

describe('hover states: indexing and notes not configured', () => {
  it('says how far the first crawl is, after the sections found so far, and stops saying it when done', () => {
    const service = createLanguageService({ data: miniData() });
    service.index.setText('file:///notes/queue.md', QUEUE_NOTE);
    service.setIndexingProgress({ done: 1, total: 40 });
    const during = hover(service);
    assert.match(during, /From your notes/);
    assert.match(during, /Indexing your notes… 1 of 40/);
    assert.ok(during.indexOf('From your notes') < during.indexOf('Indexing your notes…'));
    service.setIndexingProgress(undefined);
    assert.doesNotMatch(hover(service), /Indexing your notes|Still indexing/);
  });

  it('in Japanese too', () => {
    const service = createLanguageService({ data: miniData(), locale: 'ja' });
    service.index.setText('file:///notes/queue.md', QUEUE_NOTE);
    service.setIndexingProgress({ done: 2, total: 5 });
    assert.match(hover(service), /ノートをインデックス中… 2 \/ 5/);
  });

  it('with no notes folder set and nothing found: the hint once, then never again in the session', () => {
    const service = createLanguageService({ data: miniData() });
    service.setSetupHint(true);
    const first = hover(service);
    assert.match(first, /Notes not configured: set `awsNotes\.notes\.paths`/);
    assert.match(first, /Amazon Simple Queue Service/, 'the facts are still shown');
    assert.doesNotMatch(hover(service), /Notes not configured/);
  });

  it('no hint while indexing, when switched off, or when notes answer', () => {
    const indexing = createLanguageService({ data: miniData() });
    indexing.setSetupHint(true);
    indexing.setIndexingProgress({ done: 0, total: 3 });
    assert.doesNotMatch(hover(indexing), /Notes not configured/);

    const off = createLanguageService({ data: miniData() });
    off.setSetupHint(false);
    assert.doesNotMatch(hover(off), /Notes not configured/);

    const withNotes = createLanguageService({ data: miniData(), locale: 'ja' });
    withNotes.setSetupHint(true);
    withNotes.index.setText('file:///notes/queue.md', QUEUE_NOTE);
    assert.doesNotMatch(hover(withNotes), /未設定/);
    // Found nothing later in the session (a word no note mentions): the hint is still available once, in Japanese.
    assert.match(hover(withNotes, 'k = boto3.client("kine‸sis")'), /ノートのフォルダーが未設定です/);
  });
});

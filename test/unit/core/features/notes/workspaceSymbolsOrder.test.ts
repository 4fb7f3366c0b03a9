import * as assert from 'node:assert/strict';
import { workspaceSymbols } from '../../../../../server/src/core/features/notes/workspaceSymbols';
import { createLanguageService } from '../../../../../server/src/core/languageService';
import { miniData } from '../../../../helpers/miniData';

describe('workspace symbols', () => {
  it('give the same answer whatever order the notes were indexed in, also when only the best few are kept', () => {
    const notes = Array.from({ length: 12 }, (_, i) => [`file:///notes/n${String(i).padStart(2, '0')}.md`, `# SQS メモ\n\n## SQS の設定\n`] as const);
    const forward = createLanguageService({ data: miniData() });
    const backward = createLanguageService({ data: miniData() });
    for (const [uri, text] of notes) forward.index.setText(uri, text);
    for (const [uri, text] of [...notes].reverse()) backward.index.setText(uri, text);
    for (const limit of [3, 500]) {
      const a = workspaceSymbols(forward.index, 'sqs', limit).map((s) => `${s.location.uri}#${s.name}`);
      const b = workspaceSymbols(backward.index, 'sqs', limit).map((s) => `${s.location.uri}#${s.name}`);
      assert.deepEqual(a, b);
      assert.equal(a.length, Math.min(limit, 24));
    }
    // Equal scores are ordered by file, then position.
    assert.deepEqual(workspaceSymbols(backward.index, 'sqs', 3).map((s) => s.location.uri), ['file:///notes/n00.md', 'file:///notes/n01.md', 'file:///notes/n02.md']);
  });
});

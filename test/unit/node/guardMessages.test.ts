// The note limits' log lines follow the display language (issue 18: they were English-only).
import * as assert from 'node:assert/strict';
import { ServiceNameMatcher } from '../../../server/src/core/recognize/serviceNameMatcher';
import { NotesIndex } from '../../../server/src/core/notes/notesIndex';
import { parseNote } from '../../../server/src/core/syntax/markdown/parseNote';
import { NoteGuard } from '../../../server/src/node/noteGuard';
import { DEFAULT_SETTINGS } from '../../../server/src/node/settings';
import { miniData } from '../../helpers/miniData';

function guard(locale: 'en' | 'ja' | undefined) {
  const data = miniData();
  const index = new NotesIndex({ data, names: new ServiceNameMatcher(data.services()) }, parseNote);
  const warnings: string[] = [];
  const limits = () => ({ ...DEFAULT_SETTINGS.limits, maxNestingDepth: 3, maxSectionsPerFile: 2 });
  const g = locale ? new NoteGuard(index, limits, (_k, m) => warnings.push(m), () => locale) : new NoteGuard(index, limits, (_k, m) => warnings.push(m));
  return { g, warnings };
}

describe('note guard log lines', () => {
  const deep = '> > > > > too deep\n';
  const many = '# a\n\n# b\n\n# c\n\n# d\n';

  it('in Japanese with a Japanese locale', () => {
    const { g, warnings } = guard('ja');
    assert.equal(g.setText('file:///n/deep.md', 'deep.md', deep), false);
    g.setText('file:///n/many.md', 'many.md', many);
    assert.deepEqual(warnings, [
      'deep.md をスキップしました: 引用やリストの入れ子が 3 段を超えています（awsNotes.limits.maxNestingDepth）',
      'many.md: セクションが 4 件あります。最初の 2 件だけをインデックスします（awsNotes.limits.maxSectionsPerFile）',
    ]);
  });

  it('in English by default and with an English locale', () => {
    for (const locale of [undefined, 'en'] as const) {
      const { g, warnings } = guard(locale);
      g.setText('file:///n/deep.md', 'deep.md', deep);
      g.setText('file:///n/many.md', 'many.md', many);
      assert.deepEqual(warnings, [
        'deep.md: skipped: quotes or lists nest more than 3 levels deep (awsNotes.limits.maxNestingDepth)',
        'many.md: 4 sections; only the first 2 are indexed (awsNotes.limits.maxSectionsPerFile)',
      ]);
    }
  });
});

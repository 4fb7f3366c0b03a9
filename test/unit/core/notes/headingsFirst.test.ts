// "Headings first" in the index and the note guard: a pre-scanned note is searchable before its full scan, gives
// the full scan's sections the moment anything asks for them (a hover/definition/outline before phase 2 reached
// it), and the guard's limits hold: nesting and section cap before its headings are exposed, the parse time budget
// (same log line) when the deferred scan runs.
import * as assert from 'node:assert/strict';
import { workspaceSymbols } from '../../../../server/src/core/features/notes/workspaceSymbols';
import { preScanHeadings } from '../../../../server/src/core/syntax/markdown/fastScan';
import { headingPositions, NotesIndex } from '../../../../server/src/core/notes/notesIndex';
import { parseNote } from '../../../../server/src/core/syntax/markdown/parseNote';
import { ServiceNameMatcher } from '../../../../server/src/core/recognize/serviceNameMatcher';
import { NoteGuard } from '../../../../server/src/node/noteGuard';
import { miniData } from '../../../helpers/miniData';
import { TRICKY } from '../syntax/markdown/trickyNotes';

const data = miniData();
const recognizer = { data, names: new ServiceNameMatcher(data.services()) };
const TEXT = '# SQS とは\n\nSQS はキュー。\n\n## 料金\n\n```yaml\nType: AWS::SQS::Queue\n```\n\n### 詳細\n\ntext\n\n# Lambda\n\nLambda と SQS。\n';
const limits = { maxSectionsPerFile: 100, parseTimeBudgetMs: 1000, maxNestingDepth: 20 };

function guarded(parse = parseNote, lim = limits) {
  const index = new NotesIndex(recognizer, parse);
  const warnings: string[] = [];
  const guard = new NoteGuard(index, () => lim, (_key, message) => warnings.push(message));
  return { index, guard, warnings };
}

describe('headings first (pre-scanned notes)', () => {
  it('are searchable before their full scan, which runs on demand and equals parseNote', () => {
    let parses = 0;
    const { index, guard } = guarded((uri, text) => {
      parses++;
      return parseNote(uri, text);
    });
    assert.ok(guard.setText('file:///n/a.md', 'a.md', TEXT, { defer: true, headingsFirst: true }));
    assert.equal(parses, 0);
    const symbols = workspaceSymbols(index, '料金');
    assert.equal(symbols.length, 1);
    assert.equal(parses, 0, 'workspace symbols do not need the full scan');
    const full = parseNote('file:///n/a.md', TEXT);
    assert.deepEqual(symbols[0].location.range.start, { line: 4, character: 0 });
    assert.equal(symbols[0].containerName, ['a.md', 'SQS とは'].join(' › '));
    assert.equal(workspaceSymbols(index, '詳細')[0].containerName, ['a.md', 'SQS とは', '料金'].join(' › '));
    // A request before phase 2: the full sections, scanned right then, once.
    const note = index.get('file:///n/a.md')!;
    assert.deepEqual(JSON.parse(JSON.stringify(note.sections)), JSON.parse(JSON.stringify(full.sections)));
    assert.deepEqual(note.codeRanges, full.codeRanges);
    assert.equal(note.text, TEXT);
    assert.equal(parses, 1);
    assert.deepEqual([...index.headingPositions('file:///n/a.md')!], [...headingPositions(full)]);
    // Phase 2 finds the mentions without scanning again.
    assert.equal(index.pendingCount, 1);
    index.indexPending();
    assert.equal(parses, 1);
    assert.ok(index.isIndexed('file:///n/a.md'));
    assert.ok(index.topHits('sqs', 10).length > 0);
  });

  it('give the same symbols as fully scanned notes, tricky notes included', () => {
    const lazy = guarded().index;
    const eager = new NotesIndex(recognizer);
    const texts = [TEXT, ...TRICKY];
    texts.forEach((text, i) => {
      new NoteGuard(lazy, () => limits, () => {}).setText(`file:///n/${i}.md`, `${i}.md`, text, { defer: true, headingsFirst: true });
      eager.setText(`file:///n/${i}.md`, text);
    });
    for (const q of ['sqs', 'a', 'lambda', '料金', 'h', 'x', '']) assert.deepEqual(workspaceSymbols(lazy, q), workspaceSymbols(eager, q), q);
    lazy.indexPending();
    assert.deepEqual(lazy.stats(), eager.stats());
    for (const uri of eager.uris()) assert.deepEqual(lazy.packedHits(uri), eager.packedHits(uri), uri);
  });

  it('apply the nesting limit and the section cap before the headings are exposed', () => {
    const { index, guard, warnings } = guarded(parseNote, { ...limits, maxSectionsPerFile: 2, maxNestingDepth: 3 });
    assert.equal(guard.setText('file:///n/deep.md', 'deep.md', '# a\n\n> > > > > x\n', { defer: true, headingsFirst: true }), false);
    assert.equal(index.has('file:///n/deep.md'), false);
    assert.ok(guard.setText('file:///n/many.md', 'many.md', '# a\n\n# b\n\n# c\n', { defer: true, headingsFirst: true }));
    assert.deepEqual(index.headingsOf(index.get('file:///n/many.md')!).headings, ['a', 'b']);
    assert.ok(warnings.some((w) => w.includes('deep.md') && w.includes('maxNestingDepth')));
    assert.ok(warnings.some((w) => w.includes('many.md') && w.includes('maxSectionsPerFile')));
  });

  it('time the deferred full scan against the parse budget, with the same log line', () => {
    const slow = (uri: string, text: string) => {
      const until = performance.now() + 30;
      while (performance.now() < until);
      return parseNote(uri, text);
    };
    const { index, guard, warnings } = guarded(slow, { ...limits, parseTimeBudgetMs: 5 });
    assert.ok(guard.setText('file:///n/slow.md', 'slow.md', TEXT, { defer: true, headingsFirst: true }));
    assert.equal(warnings.length, 0);
    index.indexPending();
    assert.equal(guard.slowParses.length, 1);
    assert.ok(warnings.some((w) => w.startsWith('slow.md: parsing took') && w.includes('parseTimeBudgetMs')));
    // the same content is not parsed again
    assert.ok(guard.setText('file:///n/slow.md', 'slow.md', TEXT, { defer: true, headingsFirst: true }));
    assert.equal(guard.slowParses.length, 1);
  });

  it('withdraw a note whose deferred full scan throws, with the same log line, and phase 2 goes on', () => {
    const { index, guard, warnings } = guarded((uri, text) => {
      if (text.includes('boom')) throw new Error('boom');
      return parseNote(uri, text);
    });
    assert.ok(guard.setText('file:///n/boom.md', 'boom.md', '# boom\n', { defer: true, headingsFirst: true }));
    assert.ok(guard.setText('file:///n/ok.md', 'ok.md', TEXT, { defer: true, headingsFirst: true }));
    assert.equal(workspaceSymbols(index, 'boom').length, 1);
    index.indexPending();
    assert.equal(index.has('file:///n/boom.md'), false);
    assert.ok(index.isIndexed('file:///n/ok.md'));
    assert.ok(warnings.some((w) => w.startsWith('boom.md: skipped: the note could not be parsed (boom)')));
  });

  it('decline what the pre-scan is unsure of: such notes are scanned fully at once', () => {
    // (an HTML block of kind 1 — script/pre/style/textarea — is one; <div> blocks are pre-scanned since issue 16)
    assert.equal(preScanHeadings('<script>\n# x\n</script>\n'), undefined);
    let parses = 0;
    const { guard } = guarded((uri, text) => {
      parses++;
      return parseNote(uri, text);
    });
    guard.setText('file:///n/h.md', 'h.md', '<script>\n# x\n</script>\n', { defer: true, headingsFirst: true });
    assert.equal(parses, 1);
  });
});

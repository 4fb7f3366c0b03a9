// The notes index: incremental service rankings equal a full re-rank, bulk updates serve the previous ranking
// for a while, deferred (phase 2) notes are searchable by heading before their mentions count, and packed hits /
// recomputed mentions agree with the plain ranking functions.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { workspaceSymbols } from '../../../../server/src/core/features/notes/workspaceSymbols';
import { findMentions } from '../../../../server/src/core/notes/noteMentions';
import { BULK_RERANK_MS, headingPositions, NotesIndex } from '../../../../server/src/core/notes/notesIndex';
import { parseNote } from '../../../../server/src/core/syntax/markdown/parseNote';
import { compareHits, rankSections } from '../../../../server/src/core/notes/ranking';
import { ServiceNameMatcher } from '../../../../server/src/core/recognize/serviceNameMatcher';
import { LineIndex } from '../../../../server/src/core/text/lineIndex';
import { miniData } from '../../../helpers/miniData';

const data = miniData();
const recognizer = { data, names: new ServiceNameMatcher(data.services()) };

const NOTES = [
  '# SQS とは\n\nSQS はキュー。Lambda と連携する。\n\n## 料金\n\nSQS の料金。\n',
  '# Lambda\n\nLambda の制限。SQS トリガー。\n\n```yaml\nType: AWS::SQS::Queue\n```\n',
  '# メモ\n\nDynamoDB と SQS と Lambda。\n\n### 深い\n\n- SQS\n- Lambda\n',
  '# 別の話\n\n特になし。\n',
  'Setext SQS\n==========\n\nSQS: メッセージキュー\n\n## Lambda\n\nLambda とは関数。\n',
];

/** The ranking computed from scratch: every file's hits, one sort. */
function fullRanking(index: NotesIndex, serviceId: string) {
  const hits = [];
  for (const note of index.files()) {
    const mentions = findMentions(recognizer, note).filter((m) => m.serviceId === serviceId);
    hits.push(...rankSections(note, mentions));
  }
  return hits.sort(compareHits);
}

describe('notes index', () => {
  it('stats asked between any changes are never stale: they equal a fresh index of the same notes (property)', () => {
    // (stats are kept per index version: the crawl's end asks twice in a row.)
    const op = fc.record({ file: fc.integer({ min: 0, max: 5 }), note: fc.integer({ min: -1, max: NOTES.length - 1 }), defer: fc.boolean(), ask: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const index = new NotesIndex(recognizer);
        const texts = new Map<string, string>();
        for (const { file, note, defer, ask } of ops) {
          const uri = `file:///n/${file}.md`;
          if (note < 0) {
            index.remove(uri);
            texts.delete(uri);
          } else {
            index.setText(uri, NOTES[note], { defer });
            texts.set(uri, NOTES[note]);
          }
          if (ask) {
            const fresh = new NotesIndex(recognizer);
            for (const [u, t] of texts) fresh.setText(u, t);
            // Deferred notes count their sections at once, their services once their mentions are indexed.
            const pending = index.pendingCount > 0;
            const stats = index.stats();
            assert.equal(stats.files, fresh.stats().files);
            assert.equal(stats.sections, fresh.stats().sections);
            if (!pending) assert.equal(stats.services, fresh.stats().services);
            index.indexPending();
            assert.deepEqual(index.stats(), fresh.stats());
          }
        }
      }),
    );
  });

  it('incremental rankings equal a full re-rank after any sequence of changes (property)', () => {
    const op = fc.record({ file: fc.integer({ min: 0, max: 5 }), note: fc.integer({ min: -1, max: NOTES.length - 1 }), ask: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const index = new NotesIndex(recognizer);
        for (const { file, note, ask } of ops) {
          const uri = `file:///n/${file}.md`;
          if (note < 0) index.remove(uri);
          else index.setText(uri, NOTES[note]);
          if (ask) index.hitsForService('sqs');
        }
        for (const service of ['sqs', 'lambda', 'dynamodb']) assert.deepEqual(index.hitsForService(service), fullRanking(index, service));
      }),
      { numRuns: 150, seed: 8 },
    );
  });

  it('during a bulk update serves the previous ranking, re-ranks after BULK_RERANK_MS and after the bulk ends', () => {
    let now = 0;
    const index = new NotesIndex(recognizer, parseNote, () => now);
    index.setText('file:///n/a.md', NOTES[0]);
    const before = index.hitsForService('sqs');
    index.beginBulk();
    index.setText('file:///n/b.md', NOTES[1]);
    now += 10;
    assert.equal(index.hitsForService('sqs'), before, 'stale while the crawl runs');
    now += BULK_RERANK_MS;
    const during = index.hitsForService('sqs');
    assert.deepEqual(during, fullRanking(index, 'sqs'));
    index.setText('file:///n/c.md', NOTES[2]);
    index.endBulk();
    assert.deepEqual(index.hitsForService('sqs'), fullRanking(index, 'sqs'), 'fresh once the bulk is over');
  });

  it('deferred notes are searchable by heading at once and count for hovers after indexPending', () => {
    const index = new NotesIndex(recognizer);
    index.setText('file:///n/a.md', NOTES[0], { defer: true });
    index.setText('file:///n/b.md', '# Zqxheading\n\nSQS\n', { defer: true });
    assert.equal(index.pendingCount, 2);
    assert.equal(workspaceSymbols(index, 'Zqxheading').length, 1);
    assert.equal(index.hitsForService('sqs').length, 0);
    assert.equal(index.isIndexed('file:///n/a.md'), false);
    let calls = 0;
    assert.equal(index.indexPending(() => ++calls >= 1), 1, 'stops when told to');
    assert.equal(index.indexPending(), 0);
    assert.deepEqual(index.hitsForService('sqs'), fullRanking(index, 'sqs'));
    assert.ok(index.hitsForService('sqs').length >= 3);
  });

  it('recomputes mentions for Find References and heading positions like LineIndex', () => {
    const index = new NotesIndex(recognizer);
    NOTES.forEach((text, i) => index.setText(`file:///n/${i}.md`, text.replace(/\n/g, i % 2 ? '\r\n' : '\n')));
    const refs = [...index.mentionsOf('sqs')];
    assert.deepEqual(refs.map((r) => r.uri), [...refs.map((r) => r.uri)].sort());
    for (const { uri, mentions } of refs) {
      const note = index.get(uri)!;
      assert.deepEqual(mentions, findMentions(recognizer, note).filter((m) => m.serviceId === 'sqs'));
    }
    for (const note of index.files()) {
      const lines = new LineIndex(note.text);
      const p = headingPositions(note);
      note.sections.forEach((s, i) => {
        const range = lines.range(s.headingStart, s.headingEnd);
        assert.deepEqual([p[i * 4], p[i * 4 + 1], p[i * 4 + 2], p[i * 4 + 3]], [range.start.line, range.start.character, range.end.line, range.end.character]);
      });
    }
    const counts = new Map(index.servicesMentioned().map((s) => [s.serviceId, s.files]));
    assert.equal(counts.get('sqs'), refs.length);
  });
});

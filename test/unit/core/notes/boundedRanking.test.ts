// Issue 16: while the crawl runs a request ranks for a bounded time; the rest of the ranking runs in the crawl's
// idle slices (NotesIndex.backgroundWork), and once finished, or settled at the crawl's end, the answer is exactly
// the ranking of an index that never crawled.
import * as assert from 'node:assert/strict';
import { NotesIndex } from '../../../../server/src/core/notes/notesIndex';
import type { NoteQuery } from '../../../../server/src/core/notes/noteQuery';
import { parseNote } from '../../../../server/src/core/syntax/markdown/parseNote';
import { QueryRanker } from '../../../../server/src/core/notes/queryRanking';
import { ServiceNameMatcher } from '../../../../server/src/core/recognize/serviceNameMatcher';
import { miniData } from '../../../helpers/miniData';

const data = miniData();
const recognizer = { data, names: new ServiceNameMatcher(data.services()) };
const query = { key: 'sqs:ReceiveMessage', serviceId: 'sqs', exact: [{ text: 'ReceiveMessage', weight: 6 }], related: [], coServices: [] } as unknown as NoteQuery;
const note = (i: number) =>
  i % 3 === 0
    ? `# SQS ${i}\n\nReceiveMessage で SQS から受け取る。\n\n## 詳細 ${i}\n\nSQS の可視性タイムアウト。\n`
    : `# キュー ${i}\n\nSQS の話。${'本文。'.repeat(i % 7)}\n\n## ReceiveMessage ${i}\n\n\`sqs:ReceiveMessage\` を許可。\n`;

function fill(index: NotesIndex, from: number, to: number): void {
  for (let i = from; i < to; i++) index.setText(`file:///n/${i}.md`, note(i));
}

/** A budget clock that moves 1 ms per reading: budget 0 is exactly one step, however fast the machine. */
function ticking(): () => number {
  let t = 0;
  return () => t++;
}

/** The ranking of the same notes in an index that never crawled (no bulk, no budget). */
function reference(count: number) {
  const index = new NotesIndex(recognizer, parseNote);
  fill(index, 0, count);
  return new QueryRanker(index).rank(query);
}

describe('bounded query ranking during a crawl (issue 16)', () => {
  it('a request ranks one step at budget 0 and answers with the service ranking; idle slices finish the exact ranking', () => {
    let now = 0;
    const index = new NotesIndex(recognizer, parseNote, () => now);
    const ranker = new QueryRanker(index);
    ranker.budgetMs = 0;
    ranker.budgetClock = ticking();
    fill(index, 0, 60);
    index.beginBulk();
    const finished: unknown[] = [];
    ranker.onRankedInBackground = (hits) => finished.push(hits);
    const provisional = ranker.rank(query);
    assert.deepEqual(provisional, index.hitsForService('sqs'), 'the service ranking stands in');
    assert.deepEqual(finished, []);
    assert.equal(index.backgroundWork(() => false), false, 'the idle slices finish it');
    assert.equal(finished.length, 1, 'the hover layer is told (it prepares the passages)');
    const exact = reference(60);
    assert.ok(exact.some((h) => h.evidence) && exact.length > 60);
    assert.notDeepEqual(provisional, exact);
    assert.deepEqual(ranker.rank(query), exact);
    assert.equal(finished[0], ranker.rank(query));
    // Stopped at once, the idle work reports that work is left and leaves it for later.
    index.setText('file:///n/60.md', note(60));
    now += 1e6; // past BULK_RERANK_MS and the quiet time
    ranker.rank(query);
    assert.equal(index.backgroundWork(() => true), true);
    index.endBulk();
  });

  it('settles stale rankings at the crawl end: the first request after it gets the exact ranking without ranking', () => {
    const now = 0; // the index's clock stands still: a stale ranking is within BULK_RERANK_MS
    const index = new NotesIndex(recognizer, parseNote, () => now);
    const ranker = new QueryRanker(index);
    ranker.budgetMs = Infinity; // each request's ranking finishes (this test is about the crawl's end)
    fill(index, 0, 30);
    index.beginBulk();
    const early = ranker.rank(query);
    fill(index, 30, 90);
    // Not settling: nothing to do (the ranking is stale but no request asked for it again).
    assert.equal(index.backgroundWork(() => false), false);
    assert.equal(ranker.rank(query), early, 'stale within BULK_RERANK_MS');
    // Settling (still in bulk mode: requests meanwhile get bounded answers) reads exact service rankings.
    assert.equal(index.backgroundWork(() => false, true), false);
    index.endBulk();
    // The request finds it ranked: it does not rank (which would ask for the service ranking).
    const hitsForService = index.hitsForService;
    index.hitsForService = () => assert.fail('ranked in the request');
    const after = ranker.rank(query);
    index.hitsForService = hitsForService;
    assert.notEqual(after, early);
    assert.deepEqual(after, reference(90));
    assert.equal(ranker.rank(query), after, 'cached: the request did not rank again');
  });

  it('a ranking left unfinished when the crawl ends is finished exactly by the next request', () => {
    const index = new NotesIndex(recognizer, parseNote);
    const ranker = new QueryRanker(index);
    ranker.budgetMs = 0;
    ranker.budgetClock = ticking();
    fill(index, 0, 45);
    index.beginBulk();
    ranker.rank(query);
    index.endBulk();
    assert.deepEqual(ranker.rank(query), reference(45));
  });
});

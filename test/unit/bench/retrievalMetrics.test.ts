// The retrieval benchmark's instruments: metrics on hand-made rankings, the baselines' tokens, the hover parser,
// and the judged query set against the seed notes (only where the seeds are present).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { exactFirstRanking, bm25Ranking, SectionCorpus, tokenize } from '../../../bench/retrieval/baselines';
import { addOutcome, emptyTally, excerptHoldsPassage, hitAt3, ndcgAt, precisionAt1, reciprocalRank, summarize } from '../../../bench/retrieval/metrics';
import { createProduct, parseHoverEntries } from '../../../bench/retrieval/product';
import { assignSplits, checkQueries, loadQueries, termOf, type Query } from '../../../bench/retrieval/queries';
import { loadSeeds, seedNote, seedsDir, sectionAtLine, sectionKey, type SeedSet } from '../../../bench/retrieval/seeds';
import { openSectionLink } from '../../../server/src/core/present/noteLinks';

const grades = new Map([['a', 2], ['b', 1], ['c', 1]]);

describe('retrieval benchmark: metrics', () => {
  it('P@1 counts any relevant top section; hit@3 and MRR look for the grade-2 section', () => {
    assert.equal(precisionAt1(['b', 'a'], grades), 1);
    assert.equal(precisionAt1(['x', 'a'], grades), 0);
    assert.equal(precisionAt1([], grades), 0);
    assert.equal(hitAt3(['x', 'y', 'a'], grades), 1);
    assert.equal(hitAt3(['x', 'y', 'z', 'a'], grades), 0);
    assert.equal(hitAt3(['b', 'c'], grades), 0);
    assert.equal(reciprocalRank(['x', 'b', 'x2', 'a'], grades), 1 / 4);
    assert.equal(reciprocalRank(['b', 'c'], grades), 0);
  });

  it('nDCG@3 uses gains 2/1 with a log2 discount against the ideal order', () => {
    assert.equal(ndcgAt(['a', 'b', 'c'], grades), 1);
    const ideal = 2 + 1 / Math.log2(3) + 1 / Math.log2(4);
    assert.ok(Math.abs(ndcgAt(['b', 'a', 'x'], grades) - (1 + 2 / Math.log2(3)) / ideal) < 1e-12);
    assert.equal(ndcgAt(['x', 'y', 'z', 'a'], grades), 0); // rank 4 is outside the cut
    assert.equal(ndcgAt(['a'], new Map()), 0);
  });

  it('noise, empty excerpts and "holds the passage" are shares of the shown entries', () => {
    const tally = emptyTally();
    const passages = new Map([['a', '- 可視性タイムアウト\n    - 同一メッセージの処理を防ぐ\n    - VisibilityTimeoutで指定']]);
    addOutcome(tally, { ranked: ['a', 'x', 'b'], shown: [{ key: 'a', excerpt: '> - **VisibilityTimeout**で指定' }, { key: 'x', excerpt: '' }, { key: 'b', excerpt: 'text' }] }, { grades, passages });
    addOutcome(tally, { ranked: ['y'], shown: [{ key: 'y', excerpt: 'noise' }] }, { grades: new Map(), passages: new Map() });
    const s = summarize(tally);
    assert.equal(s.queries, 2);
    assert.equal(s.judged, 1); // a query with no judgments counts only in the shown-entry rates
    assert.equal(s.p1, 1);
    assert.equal(s.noise3, 2 / 4);
    assert.equal(s.emptyExcerpt, 1 / 4);
    assert.equal(s.holdsPassage, 1);
  });

  it('an excerpt holds the passage only through a non-trivial shared line or phrase', () => {
    const passage = 'キューのメッセージ取得方法は以下二つがある。\n- ロングポーリング\n    - 最大20秒メッセージの受信を待つ。';
    assert.equal(excerptHoldsPassage('- ロングポーリング', passage), true);
    assert.equal(excerptHoldsPassage('ＲＯＮＧ… キューのメッセージ取得方法は以下二つがある', passage), true); // NFKC, cut at the ellipsis
    assert.equal(excerptHoldsPassage('- SQS', passage), false); // too short to count
    assert.equal(excerptHoldsPassage('フルマネージドな分散メッセージキュー', passage), false);
    assert.equal(excerptHoldsPassage('', passage), false);
  });
});

describe('retrieval benchmark: baselines and adapter', () => {
  it('tokens: NFKC, lower case, camelCase and snake parts, CJK bigrams', () => {
    assert.deepEqual(tokenize('ReceiveMessageWaitTimeSeconds'), ['receivemessagewaittimeseconds', 'receive', 'message', 'wait', 'time', 'seconds']);
    assert.deepEqual(tokenize('batch_size'), ['batch_size', 'batch', 'size']);
    assert.deepEqual(tokenize('ＳＱＳ キュー'), ['sqs', 'キュ', 'ュー']);
    assert.deepEqual(tokenize('可'), ['可']);
  });

  const notes: SeedSet = (() => {
    const a = seedNote('a.txt', '# Queues\n\nA queue service overview. Queue queue queue.\n\n## Policy\n\n```json\n"Action": "sqs:ReceiveMessage"\n```\n');
    const b = seedNote('b.txt', '# Other\n\nNothing about it.\n');
    return { dir: '', notes: [a, b], byUri: new Map([[a.uri, a], [b.uri, b]]), byFile: new Map([['a.txt', a], ['b.txt', b]]) };
  })();

  it('exact-first puts the section holding the identifier first, with that line as excerpt; BM25 shows first lines', () => {
    const corpus = new SectionCorpus(notes);
    const exact = exactFirstRanking(corpus, 'sqs:ReceiveMessage');
    assert.equal(exact[0].key, 'a.txt:5');
    assert.equal(exact[0].excerpt, '"Action": "sqs:ReceiveMessage"');
    const bm25 = bm25Ranking(corpus, 'queue');
    assert.equal(bm25[0].key, 'a.txt:1');
    assert.match(bm25[0].excerpt, /overview/);
    assert.equal(bm25.some((e) => e.key.startsWith('b.txt')), false);
  });

  it('sections are keyed by heading line; a line maps to the deepest section holding it', () => {
    const a = notes.notes[0];
    assert.equal(sectionKey(a, sectionAtLine(a, 2)), 'a.txt:1');
    assert.equal(sectionKey(a, sectionAtLine(a, 7)), 'a.txt:5');
  });

  it('parses the hover: each Open-section link target and its quoted excerpt', () => {
    const link = (line: number) => openSectionLink({ uri: 'file:///seeds/a.md', line });
    const md = ['`X` — type', '', '**From your notes**', '', `a.md › Queues — [Open section](${link(2)})`, '', '> line one', '> line two', '', `a.md › Policy — [Open section](${link(4)})`, '', '_2 more_'].join('\n');
    assert.deepEqual(parseHoverEntries(md), [
      { uri: 'file:///seeds/a.md', line: 2, excerpt: 'line one\nline two' },
      { uri: 'file:///seeds/a.md', line: 4, excerpt: '' },
    ]);
  });

  it('the term at the cursor: a dotted call gives the segment, a host name stays whole', () => {
    const make = (text: string): Query => ({ id: 't', category: 'sdk', languageId: 'python', text, split: 'tune', judgments: [] });
    assert.equal(termOf(make('sqs.receive_$0message(QueueUrl=u)')), 'receive_message');
    assert.equal(termOf(make('"Service": "lambda.amazon$0aws.com"')), 'lambda.amazonaws.com');
    assert.equal(termOf(make('Type: AWS::SQS::$0Queue')), 'AWS::SQS::Queue');
  });

  it('splits: a quarter held out per category, independent of order', () => {
    const qs = Array.from({ length: 8 }, (_, i) => ({ id: `q${i}`, category: 'arn' as const }));
    const forward = assignSplits(qs);
    const backward = assignSplits([...qs].reverse());
    assert.deepEqual([...forward.entries()].sort(), [...backward.entries()].sort());
    assert.equal([...forward.values()].filter((s) => s === 'held').length, 2);
  });
});

describe('retrieval benchmark: the judged query set', () => {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const queries = loadQueries(path.join(repoRoot, 'bench', 'retrieval', 'queries.json'));

  it('is well formed (ids, categories, splits, one cursor, one grade-2 with a reason)', () => {
    assert.deepEqual(checkQueries(queries), []);
  });

  it('judges only heading lines of the seed notes', function () {
    const dir = seedsDir(repoRoot);
    if (!dir) this.skip(); // the seeds live outside the repository (../shared/seeds or $AWS_NOTES_SEEDS)
    assert.deepEqual(checkQueries(queries, loadSeeds(dir!)), []);
  });

  it('the checker rejects a judgment that is not on a heading line, and a grade 2 without reason', () => {
    const seeds: SeedSet = (() => {
      const a = seedNote('a.txt', '# Title\n\nbody\n');
      return { dir: '', notes: [a], byUri: new Map([[a.uri, a]]), byFile: new Map([['a.txt', a]]) };
    })();
    const bad: Query = { id: 'x', category: 'arn', languageId: 'json', text: '"$0"', split: 'tune', judgments: [{ file: 'a.txt', line: 3, grade: 2 }] };
    const problems = checkQueries([bad], seeds);
    assert.ok(problems.some((p) => p.includes('not a heading line')));
    assert.ok(problems.some((p) => p.includes('without a reason')));
    assert.deepEqual(checkQueries([{ ...bad, judgments: [{ file: 'a.txt', line: 1, grade: 2, reason: 'title' }] }], seeds), []);
  });
});

describe('retrieval benchmark: the product adapter', () => {
  it('reads Definition order and the hover entries of the real language service, keyed by section', () => {
    const a = seedNote('a.txt', '# 学習メモ\n\n## SQS とは\n\nSQS はフルマネージドなメッセージキュー。送り手と受け手を疎結合にする。\n\n## 別の話\n\nRoute 53 の話。\n');
    const seeds: SeedSet = { dir: '', notes: [a], byUri: new Map([[a.uri, a]]), byFile: new Map([['a.txt', a]]) };
    const product = createProduct(seeds, path.resolve(__dirname, '..', '..', '..'));
    const source = 'Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n';
    const run = product.run({ id: 't', languageId: 'yaml', text: source, offset: source.indexOf('SQS::Queue') });
    assert.equal(run.unparsed, false);
    assert.equal(run.ranked[0], 'a.txt:3');
    assert.equal(run.shown[0].key, 'a.txt:3');
    assert.match(run.shown[0].excerpt, /メッセージキュー/);
    assert.equal(run.ranked.includes('a.txt:7'), false); // the Route 53 section is not about SQS
    const none = product.run({ id: 'u', languageId: 'yaml', text: 'Name: plain\n', offset: 2 });
    assert.deepEqual([none.ranked, none.shown], [[], []]);
  });
});

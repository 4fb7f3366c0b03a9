import * as assert from 'node:assert/strict';
import { prepareHeadingSearch, searchSections } from '../../../../../server/src/core/features/notes/searchSections';
import { createLanguageService } from '../../../../../server/src/core/languageService';
import { miniData } from '../../../../helpers/miniData';
import { QUEUE_NOTE } from '../../../../helpers/notesFixtures';

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

  it('typing on re-scores the last keystroke’s matches: the same answer as a fresh search, also after a change', () => {
    // Oracle: a fresh language service over the same notes answers each query without any previous keystroke.
    const notes: Record<string, string> = {
      'file:///n/a.md': '# Lambda の学習\n\n## Lambda 関数の設定\n\nメモリとタイムアウト。\n\n## レイヤー\n\n共通ライブラリ。\n',
      'file:///n/b.md': '# Lambda@Edge\n\n## CloudFront と組み合わせる\n\nビューワーリクエスト。\n',
      'file:///n/c.md': '# Amplify\n\n## Lambda 連携\n\n関数を呼ぶ。\n',
    };
    const typing = createLanguageService({ data: miniData() });
    for (const [uri, text] of Object.entries(notes)) typing.index.setText(uri, text);
    const fresh = () => {
      const s = createLanguageService({ data: miniData() });
      for (const [uri, text] of Object.entries(notes)) s.index.setText(uri, text);
      return s;
    };
    const names = (results: ReturnType<typeof searchSections>) => results.map((r) => `${r.uri}#${r.line}:${r.score.toFixed(3)}`);
    const word = 'lambdaレイヤ';
    for (let n = 1; n <= word.length; n++) {
      assert.deepEqual(names(searchSections(typing.index, word.slice(0, n), 1000, Infinity)), names(searchSections(fresh().index, word.slice(0, n), 1000, Infinity)), word.slice(0, n));
    }
    // A note changes between keystrokes: the next keystroke must see the new heading.
    notes['file:///n/c.md'] = '# Amplify\n\n## Lambda レイヤーの共有\n\n関数を呼ぶ。\n';
    typing.index.setText('file:///n/c.md', notes['file:///n/c.md']);
    // (Full-text scores after an update use statistics that still count the old version until compaction: compare
    // what is found and where.)
    const places = (results: ReturnType<typeof searchSections>) => results.map((r) => `${r.uri}#${r.line}`).sort();
    assert.deepEqual(places(searchSections(typing.index, word, 1000, Infinity)), places(searchSections(fresh().index, word, 1000, Infinity)));
    assert.ok(searchSections(typing.index, word, 1000, Infinity).some((r) => r.uri === 'file:///n/c.md'));
    // Backspace (a shorter query) is answered from every heading again.
    assert.deepEqual(places(searchSections(typing.index, 'lam', 1000, Infinity)), places(searchSections(fresh().index, 'lam', 1000, Infinity)));
  });

  it('heading keys prepared in idle slices: stops when told, finishes later, answers unchanged', () => {
    const s = createLanguageService({ data: miniData() });
    for (let i = 0; i < 200; i++) s.index.setText(`file:///w/${i}.md`, `# ノート ${i}\n\n## SQS の可視性 ${i}\n\n本文。\n`);
    const fresh = createLanguageService({ data: miniData() });
    for (let i = 0; i < 200; i++) fresh.index.setText(`file:///w/${i}.md`, `# ノート ${i}\n\n## SQS の可視性 ${i}\n\n本文。\n`);
    let calls = 0;
    assert.equal(prepareHeadingSearch(s.index, () => ++calls >= 1), false, 'stopped after the first note that needed work');
    // Then the rest in one slice, and a warm-up query per slice after that.
    let slices = 1;
    while (!prepareHeadingSearch(s.index)) assert.ok(++slices <= 5, 'ready within a few more slices');
    assert.equal(prepareHeadingSearch(s.index), true);
    const names = (r: ReturnType<typeof searchSections>) => r.map((x) => `${x.uri}#${x.line}:${x.score}`);
    // (Every stale note is indexed before the search: the default budget would make the comparison timing-dependent.)
    assert.deepEqual(names(searchSections(s.index, 'sqs 可視', 1000, Infinity)), names(searchSections(fresh.index, 'sqs 可視', 1000, Infinity)));
    assert.deepEqual(names(searchSections(s.index, 'ノート', 1000, Infinity)), names(searchSections(fresh.index, 'ノート', 1000, Infinity)));
  });
});

import * as assert from 'node:assert/strict';
import { SNIPPET_RESULTS, searchSections, searchSections as searchAll } from '../../../../server/src/core/features/notes/searchSections';
import { createLanguageService } from '../../../../server/src/core/languageService';
import { parseNote } from '../../../../server/src/core/syntax/markdown/parseNote';
import { TextIndex, foldForSearch, tokenize } from '../../../../server/src/core/notes/textIndex';
import { miniData } from '../../../helpers/miniData';

const tokens = (text: string) => {
  const out: string[] = [];
  tokenize(foldForSearch(text), (t) => out.push(t));
  return out;
};

const MESSAGING = `# メッセージングの学習メモ

## セキュリティのベストプラクティス

暗号化は KMS で行う。

## SQS の基本

メッセージキューにジョブを溜めて、ワーカーが順番に取り出す。
標準キューは順序を保証しない。FIFO キューは順序を保証する。

\`\`\`yaml
Queue:
  Type: AWS::SQS::Queue
  Properties:
    VisibilityTimeout: 60
\`\`\`

## SNS の基本

トピックに発行したメッセージを購読者に配る。

## 料金

Lambda の課金はリクエスト数と実行時間。
`;

describe('Text index (Search Notes full text)', () => {
  it('tokenises ASCII words and CJK bigrams of NFKC-folded, lower-cased text', () => {
    assert.deepEqual(tokens('ＳＱＳのキュー VisibilityTimeout'), ['sqs', 'のキ', 'キュ', 'ュー', 'visibilitytimeout']);
    assert.deepEqual(tokens('課 S3'), ['課', 's3']);
    assert.deepEqual(tokens('-- ** !!'), []);
  });

  describe('searchSections over content', () => {
    const service = createLanguageService({ data: miniData() });
    service.index.setText('file:///notes/messaging.md', MESSAGING);

    it('キュー finds the SQS section by its body, above headings that merely share letters', () => {
      const results = searchSections(service.index, 'キュー');
      assert.equal(results[0].label, 'SQS の基本');
      assert.match(results[0].snippet ?? '', /キュー/);
      assert.equal(results[0].snippetLine, MESSAGING.split('\n').findIndex((l) => l.includes('メッセージキュー')));
      const security = results.findIndex((r) => r.label === 'セキュリティのベストプラクティス');
      assert.ok(security === -1 || security > 0);
    });

    it('finds words inside code blocks, by the prefix being typed, and folds full-width queries', () => {
      assert.equal(searchSections(service.index, 'visibilitytimeout')[0].label, 'SQS の基本');
      assert.equal(searchSections(service.index, 'visib')[0].label, 'SQS の基本');
      assert.equal(searchSections(service.index, 'ＦＩＦＯ')[0].label, 'SQS の基本');
      assert.match(searchSections(service.index, 'visib')[0].snippet ?? '', /VisibilityTimeout: 60/);
    });

    it('needs every word of the query (negatives: words that appear in no single section)', () => {
      const both = searchSections(service.index, 'lambda 課金');
      assert.equal(both[0].label, '料金');
      assert.ok(!searchSections(service.index, 'kms キュー').some((r) => r.content), 'no section has both KMS and キュー');
      assert.equal(searchSections(service.index, 'zzzz').length, 0);
      assert.equal(searchSections(service.index, 'トピック')[0].label, 'SNS の基本');
      assert.ok(!searchSections(service.index, 'トピック').some((r) => r.label === 'SQS の基本'));
    });
  });

  describe('ranking', () => {
    it('a heading match beats a body match, and five mentions beat one', () => {
      const index = new TextIndex();
      const note = parseNote(
        'file:///r.md',
        [
          '# R',
          '## 雑記',
          'ここで一度だけ Kinesis に触れる。ほかの話題の文章が続く。ほかの話題の文章が続く。',
          '## ストリーム処理',
          'Kinesis を使う。Kinesis のシャード。Kinesis の料金。Kinesis の制限。Kinesis の監視。',
          '## Kinesis',
          '概要だけ。',
        ].join('\n'),
      );
      index.add(note);
      const order = index.search('kinesis', 10)!.map((h) => note.sections[h.section].heading);
      assert.deepEqual(order, ['Kinesis', 'ストリーム処理', '雑記']);
    });
  });

  describe('folding in place', () => {
    it('folds full-width text of one section without disturbing the sections around it; 5,000 sections stay separate', () => {
      const index = new TextIndex();
      const note = parseNote('file:///w.md', '# W\n\n## 前\n\nkinesis の前置き\n\n## 全角\n\nＫＩＮＥＳＩＳ　ストリーム\n\n## 後\n\nKinesis の続き\n');
      index.add(note);
      assert.deepEqual(index.search('kinesis', 10)!.map((h) => note.sections[h.section].heading).sort(), ['全角', '前', '後']);
      assert.deepEqual(index.search('ストリーム', 10)!.map((h) => note.sections[h.section].heading), ['全角']);
      const many = parseNote('file:///many.md', Array.from({ length: 5000 }, (_, i) => `## 見出し${i}\n\n本文 word${i} ＡＢＣ\n`).join('\n'));
      index.add(many);
      assert.deepEqual(index.search('word4321', 10)!.map((h) => many.sections[h.section].heading), ['見出し4321']);
      assert.equal(index.search('abc', 10000)!.length, 5000);
    });
  });

  describe('incremental updates', () => {
    it('a search indexes stale notes within its budget; the rest wait, and a later search finds them', () => {
      const service = createLanguageService({ data: miniData() });
      for (let i = 0; i < 30; i++) service.index.setText(`file:///s/${i}.md`, `# N${i}\n\n## 共通\n\nGlue のジョブ ${i}\n`);
      assert.equal(service.index.text.staleCount, 30);
      // A clock that moves 1 ms per reading: budget 0 is exactly one note, however fast the machine.
      let t = 0;
      const ticking = () => t++;
      const first = searchAll(service.index, 'glue', 1000, 0, ticking).filter((r) => r.content);
      assert.equal(first.length, 1, 'a zero budget still indexes one note');
      assert.equal(service.index.text.staleCount, 29);
      assert.equal(service.index.text.sync(service.index), 0);
      assert.equal(searchAll(service.index, 'glue', 1000, 0).filter((r) => r.content).length, 30);
    });

    it('mayContain never rules out a note that holds the term (property test over substrings of the notes)', () => {
      // As the notes ranking matches: an ASCII end of the term not inside a longer identifier.
      const WORD = /[A-Za-z0-9_]/;
      const holdsAtBoundary = (text: string, term: string) => {
        for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
          const end = at + term.length;
          const startOk = !(WORD.test(term[0]) && at > 0 && WORD.test(text[at - 1]));
          const endOk = !(WORD.test(term[term.length - 1]) && end < text.length && WORD.test(text[end]));
          if (startOk && endOk) return true;
        }
        return false;
      };
      const service = createLanguageService({ data: miniData() });
      const texts: Record<string, string> = {};
      const words = ['SQS', 'キュー', 'sqs:ReceiveMessage', 'VisibilityTimeout', 'Lambda', '可視性タイムアウト', 'arn:aws:sqs:', 'ＤｙｎａｍｏＤＢ', 'dead letter', 'DLQ'];
      for (let i = 0; i < 40; i++) {
        const pick = (k: number) => words[(i * 7 + k * 3) % words.length];
        texts[`file:///p/${i}.md`] = `# ${pick(0)} メモ ${i}\n\n${pick(1)} と ${pick(2)} の話。\n\n## ${pick(3)}\n\n\`${pick(4)}\` を使う。\n`;
      }
      for (const [uri, text] of Object.entries(texts)) service.index.setText(uri, text);
      // Half indexed, half still stale: both must be answered.
      service.index.text.sync(service.index, (() => { let n = 0; return () => ++n >= 20; })());
      assert.ok(service.index.text.staleCount > 0);
      let ruledOut = 0;
      for (const text of Object.values(texts)) {
        for (let from = 0; from < text.length; from += 5) {
          const term = text.slice(from, from + 2 + (from % 9));
          if (term.trim().length < 2) continue;
          const may = service.index.text.mayContain(term);
          for (const [uri, other] of Object.entries(texts)) {
            if (holdsAtBoundary(other, term)) assert.ok(!may || may(uri), `${uri} holds ${JSON.stringify(term)} but was ruled out`);
            else if (may && !may(uri)) ruledOut++;
          }
        }
      }
      assert.ok(ruledOut > 1000, `the filter rules notes out (${ruledOut})`);
      assert.equal(service.index.text.mayContain('zzqqxx')!('file:///p/1.md'), false, 'a word no indexed note has');
    });

    it('only the first results carry a snippet (a keystroke never reads hundreds of sections)', () => {
      const service = createLanguageService({ data: miniData() });
      for (let i = 0; i < 100; i++) service.index.setText(`file:///m/${i}.md`, `# M${i}\n\n## 共通\n\nAthena でクエリを書く。${i}\n`);
      const results = searchAll(service.index, 'athena', 1000, Infinity).filter((r) => r.content);
      assert.equal(results.length, 100);
      assert.equal(results.filter((r) => r.snippet).length, SNIPPET_RESULTS);
      assert.ok(results.slice(0, SNIPPET_RESULTS).every((r) => /Athena/.test(r.snippet ?? '')), 'the best results have theirs');
    });

    it('a changed note is found by its new text only, a removed one not at all, across compactions', () => {
      const service = createLanguageService({ data: miniData() });
      const index = service.index;
      // Every stale note is indexed before each search here (the default budget leaves some for idle time).
      const searchSections = (i: typeof index, q: string) => searchAll(i, q, 1000, Infinity);
      for (let i = 0; i < 60; i++) index.setText(`file:///n/${i}.md`, `# ノート${i}\n\n## 共通\n\nAthena でクエリを書く。番号${i}\n`);
      assert.equal(searchSections(index, 'athena').filter((r) => r.content).length, 60);
      index.setText('file:///n/0.md', '# ノート0\n\n## 変更後\n\nRedshift に移行した。\n');
      assert.equal(searchSections(index, 'athena').filter((r) => r.content).length, 59);
      assert.equal(searchSections(index, 'redshift')[0].uri, 'file:///n/0.md');
      // Remove most notes: the dead postings outnumber the live ones and are compacted away.
      for (let i = 1; i < 55; i++) index.remove(`file:///n/${i}.md`);
      const left = searchSections(index, 'athena').filter((r) => r.content);
      assert.deepEqual(left.map((r) => r.uri).sort(), [55, 56, 57, 58, 59].map((i) => `file:///n/${i}.md`));
      assert.equal(index.text.size, 6);
      assert.ok(index.text.postingCount < 60 * 8, `postings compacted (${index.text.postingCount})`);
    });

    it('renumbers sections when ids run out and still answers', () => {
      const index = new TextIndex(64);
      const other = parseNote('file:///b.md', '# B\n\n## SNS\n\nトピックに発行する\n');
      index.add(other);
      const note = parseNote('file:///a.md', '# A\n\n## B\n\nEventBridge のルール\n');
      for (let i = 0; i < 300; i++) index.add(note);
      assert.equal(index.size, 2);
      assert.deepEqual(index.search('eventbridge', 10), [{ uri: 'file:///a.md', section: 1, score: index.search('eventbridge', 10)![0].score }]);
      assert.deepEqual(index.search('トピック', 10)!.map((h) => [h.uri, h.section]), [['file:///b.md', 1]]);
      assert.equal(index.search('ルール', 10)!.length, 1);
    });
  });
});

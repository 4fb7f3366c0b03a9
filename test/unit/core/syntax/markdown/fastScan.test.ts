// Differential tests: the fast scanner must yield exactly what remark-parse yields (sections, headings, levels,
// ranges, blocks, code blocks, code ranges), or decline (undefined) so that remark answers for that file.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateNote } from '../../../../../bench/corpus.mjs';
import { generateSeedsNote } from '../../../../../bench/seedsShaped.mjs';
import { fastScanNote } from '../../../../../server/src/core/syntax/markdown/fastScan';
import { parseNote, parseNoteRemark } from '../../../../../server/src/core/syntax/markdown/parseNote';
import { fastFold } from '../../../../../server/src/core/recognize/serviceNameMatcher';
import { foldNfkc } from '../../../../../shared/normalize';
import { TRICKY } from './trickyNotes';

const URI = 'file:///notes/n.md';

function same(text: string): 'same' | 'fallback' {
  const fast = fastScanNote(URI, text);
  if (!fast) return 'fallback';
  assert.deepEqual(fast, parseNoteRemark(URI, text), `fast scan differs from remark for ${JSON.stringify(text)}`);
  return 'same';
}


describe('fast note scanner (differential against remark)', () => {
  it('matches remark on tricky hand-written cases or declines them', () => {
    const outcomes = TRICKY.map(same);
    // most of them are handled by the fast path
    assert.ok(outcomes.filter((o) => o === 'same').length >= TRICKY.length - 12);
  });

  it('matches remark exactly on 150 generated notes (no fallback)', () => {
    for (let i = 0; i < 150; i++) assert.equal(same(generateNote(i, 7)), 'same');
  });

  it('matches remark on random line soups (property test)', () => {
    const line = fc.constantFrom(
      '', '# h', '## SQS とは', '### `x` y ###', 'text', 'テキスト SQS', '- item', '  - nested', '1. one', '2) two', '* star',
      '> quote', '>', '```', '```yaml', '~~~', '    code', '  indented', '---', '===', '***', '| a | b |', '|---|---|',
      '<!-- c -->', '<!--', '-->', '**「SQS」**の', '  ```', '   - deep', '\tx', '#', 'a  ', '> - q', '> ```',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        same(lines.join(eol));
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('matches remark on 100 seeds-shaped notes (fixed seed) with at most 1 % left to remark', function () {
    this.timeout(120000); // remark on every note: slow on a loaded machine
    let fallback = 0;
    for (let i = 0; i < 100; i++) if (same(generateSeedsNote(i, 16)) === 'fallback') fallback++;
    assert.ok(fallback <= 1, `${fallback} of 100 left to remark`);
  });

  it('matches remark around HTML blocks (kinds 6/7 end at a blank line; others are text or remark\'s)', () => {
    for (const text of ['# A\n\n<details>\n<summary>s</summary>\n# hidden\n\n# B\n', '<img src="x.png" width="3">\n# hidden\n', '<cfg:X>\n  <cfg:Y>v</cfg:Y>\n# B\n', 'a\n<div>\n# h']) {
      assert.equal(same(text), 'same', text);
    }
    assert.equal(fastScanNote(URI, '- a\n\n  <div>\n  x\n'), undefined); // inside a container: remark
    const line = fc.constantFrom(
      '', '# h', 'text', '- item', '  - nested', '1. one', '> quote', '```', '~~~', '    code', '  indented', '---', '===', '| a | b |', '|---|---|',
      '<details>', '<summary>s</summary>', '</details>', '<img src="a.png" width="3">', '<br>', '  <br>', '   <div>', '<cfg:X>', '  <cfg:Y>v</cfg:Y>',
      '<div/>', '<a href="u">', '</a>', '<pre>', '<script>', '<?x', '<!X', '<x', "<a b='c'/>", '<!-- c -->', 'a <b>c</b>', '<p>x</p>', '<br> y', '  ',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        same(lines.join(eol));
      }),
      { numRuns: Number(process.env.FAST_SCAN_RUNS ?? 400), seed: Number(process.env.FAST_SCAN_SEED ?? 16) },
    );
  });

  it('resolves link headings and @ without remark, exactly like remark', () => {
    for (const h of ['[AWS CodeBuild](https://x.y/a-b_c)', '[](u)', '[ a  b ](u)', 'Lambda@Edge とは', 'a@b.c', '[a](<u>)', '[a](u "t")', '[a*b*](u)',
      'x [a](u)', '[a](u)x', '[a](u)(v)', '@', 'a@b', '_a_@b', '[a]( u )', '[a](u&amp;)', '[a](ｕ\u3000)', '[www.x.y](u)', 'x@y', 'mailto:a@b']) {
      assert.equal(same(`# ${h}\n\ntext\n`), 'same', h);
    }
  });

  it('resolves heading texts with brackets, colons and code spans exactly like remark', () => {
    const titles = [
      'tags: [aws, sqs]', '`AWS::SQS::Queue` とは', 'AWS::SQS::Queue の設定', 'sqs:SendMessage と `s3:GetObject`', 'Lambda!',
      '[link](https://example.com) とは', '![img](a.png) 図', '[ref] と [x][y]', '[^1] 注', 'foo]: bar', 'a [b] (c)',
      '`[x](y)` code', 'https://example.com', 'www.example.com', 'mailto:a@b.c', 'x@y.z', 'a\\[b]', '&amp; [x]', '<b>[x]</b>',
      '*[x]*', '~~[x]~~', '[x] `y` [z]', 'a:b:c `d` e', '[[wiki]]', '[x]\n(y)', 'title: AWS Lambda\ntags: [aws, lambda]',
    ];
    const outcomes: string[] = [];
    for (const title of titles) {
      // same() throws when the fast scan answers differently from remark; declining is allowed.
      outcomes.push(same(`# ${title.replace(/\n/g, ' ')}\n\ntext\n`), same(`${title}\n---\n\nbody\n`), same(`---\n${title}\n---\n\n## H\n`));
    }
    assert.ok(outcomes.filter((o) => o === 'same').length >= outcomes.length - 6, outcomes.join(','));
  });

  it('declines only lines that may start a definition: `]:` elsewhere (code, mid-line, tables) stays on the fast path', () => {
    const fast = [
      '# H\n\n```python\nx = d[0]: 1\n[a]: b\n```\n', '# H\n\nsee `a[1]: x` and m[0]: y\n', '# H\n\n| k | v |\n|---|---|\n| a[0]: | b |\n',
      '# H\n\n[not a label\n\ntext ]: x\n', '# H\n\n[a] [b]: c\n', '    [a]: indented code\n\n# H\n',
    ];
    for (const text of fast) assert.equal(same(text), 'same', JSON.stringify(text));
    const declined = [
      '[a]: https://x\n\n# [a]\n', '# H\n\n> [a]: /u\n', '# H\n\n- [^1]: note\n', '# H\n\n[a\\]b]: /u\n', '# H\n\n[a\nb]: /u\n',
      '# H\n\ntext\n[^1]: note\n', `# H\n\n[${'x'.repeat(1200)}\n`,
    ];
    for (const text of declined) assert.equal(same(text), 'fallback', JSON.stringify(text));
    // a mixed soup: whatever the fast path answers is remark's answer
    fc.assert(
      fc.property(fc.array(fc.constantFrom('[a]: /u', '[a]', '[^1]: n', '> [b]: /v', 'x ]: y', '# [a]', '```', '- [a]: u', '', 'text', '[a\\]: b'), { maxLength: 12 }), (lines) => {
        same(lines.join('\n'));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('parseNote is the fast path with remark as fallback', () => {
    const text = '<script>\n# x\n</script>\n\n# Heading\n';
    assert.equal(fastScanNote(URI, text), undefined);
    assert.deepEqual(parseNote(URI, text), parseNoteRemark(URI, text));
  });
});

describe('fastFold', () => {
  it('folds like foldNfkc', () => {
    for (const s of ['ＳＱＳ と Lambda', 'plain', '㍿ ＡＷＳ', 'ｶﾞｲﾄﾞ SQS', '（括弧）：', '😀 ＳＱＳ']) {
      const a = fastFold(s);
      const b = foldNfkc(s);
      assert.equal(a.text, b.text);
      for (let i = 0; i <= a.text.length; i++) {
        if (i > 0 && a.text.charCodeAt(i - 1) >= 0xd800 && a.text.charCodeAt(i - 1) <= 0xdbff) continue;
        assert.equal(a.toOriginal(i), b.toOriginal(i), `${s} @${i}`);
      }
    }
  });
});

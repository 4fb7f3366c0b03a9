// Differential test of "headings first": whenever the heading pre-scan answers (does not decline), its headings,
// levels and heading positions must equal the full scan's (parseNote: fast scan, remark as the fallback).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateNote } from '../../../../../bench/corpus.mjs';
import { generateSeedsNote } from '../../../../../bench/seedsShaped.mjs';
import { preScanHeadings } from '../../../../../server/src/core/syntax/markdown/fastScan';
import { headingPositions } from '../../../../../server/src/core/notes/notesIndex';
import { parseNote, parseNoteRemark } from '../../../../../server/src/core/syntax/markdown/parseNote';
import { TRICKY } from './trickyNotes';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seedsDir } from '../../../../../bench/retrieval/seeds';

const URI = 'file:///notes/n.md';

function check(text: string): 'same' | 'declined' {
  const pre = preScanHeadings(text);
  if (!pre) return 'declined';
  for (const full of [parseNote(URI, text), parseNoteRemark(URI, text)]) {
    const expected = { headings: full.sections.map((s) => s.heading), levels: full.sections.map((s) => s.level), positions: [...headingPositions(full)] };
    assert.deepEqual({ headings: pre.headings, levels: pre.levels, positions: [...pre.positions] }, expected, `pre-scan differs for ${JSON.stringify(text)}`);
  }
  return 'same';
}

describe('heading pre-scan (differential against the full scan)', () => {
  it('matches the full scan on the tricky hand-written cases or declines them', () => {
    const outcomes = TRICKY.map(check);
    assert.ok(outcomes.includes('same'));
  });

  it('matches the full scan on 300 generated notes and answers for most of them', function () {
    this.timeout(120000); // two full parses per note: slow on a loaded machine
    let same = 0;
    for (let i = 0; i < 300; i++) if (check(generateNote(i, 11)) === 'same') same++;
    assert.ok(same >= 240, `only ${same} of 300 pre-scanned`);
  });

  it('matches the full scan on 150 seeds-shaped notes (fixed seed) and declines at most 1 % of them', function () {
    this.timeout(120000); // two full parses per note (fast scan and remark): slow on a loaded machine
    // Link headings, Lambda@Edge, HTML blocks, <br> tables, setext, nested fences, CRLF (bench/seedsShaped.mjs).
    let declined = 0;
    for (let i = 0; i < 150; i++) if (check(generateSeedsNote(i, 16)) === 'declined') declined++;
    assert.ok(declined <= 1, `${declined} of 150 declined`);
  });

  it('pre-scans every real seed note exactly (read at run time from $AWS_NOTES_SEEDS or ../shared/seeds; skipped without them)', function () {
    const dir = seedsDir(path.resolve(__dirname, '../../../../..'));
    if (!dir) this.skip();
    this.timeout(120000);
    const files = fs.readdirSync(dir!).filter((f) => !f.startsWith('.'));
    for (const f of files) assert.equal(check(fs.readFileSync(path.join(dir!, f), 'utf8')), 'same', f);
  });

  it('resolves link headings, @ and HTML blocks per heading instead of declining the note', () => {
    assert.equal(check('# [AWS CodeBuild](https://example.com/a-b)\n\ntext\n\n## Lambda@Edge\n'), 'same');
    assert.equal(check('[AWS CodeDeploy](https://example.com/x)\n---\n\nbody\n'), 'same');
    assert.equal(check('# A\n\n<details>\n<summary>s</summary>\n# hidden\n\n# B\n'), 'same');
    assert.equal(preScanHeadings('# A\n\n<details>\n# hidden\n\n# B\n')?.headings.join('|'), 'A|B');
    assert.equal(check('# A\n\n<img src="x.png" width="3">\n# hidden\n'), 'same');
    assert.equal(preScanHeadings('# A\n\n<img src="x.png" width="3">\n# hidden\n')?.headings.join('|'), 'A');
    assert.equal(preScanHeadings('# A\n\n<cfg:X>\n  <cfg:Y>v</cfg:Y>\n# B\n')?.headings.join('|'), 'A|B');
    // kinds the pre-scan leaves to the full scan
    for (const text of ['<script>\n# x\n</script>\n# y', '<?php\n# x\n?>', '<!DOCTYPE html>\n# x', '- a\n<img src="x">\n# h']) {
      assert.equal(preScanHeadings(text), undefined, text);
    }
  });

  it('matches the full scan on hand cases around its rules', () => {
    const cases = [
      '', '\n', 'text', '# h', '#h', '####### x', '# h #', '# h ##', '# `x` y ###', '#', '# \n', 'a\n===', 'a\n---', 'a\n-', 'a\n=',
      '---\ntitle: x\ntags: [aws, sqs]\n---\n\n# H\n', '- a\n---', '> a\n---', '> a\nb\n---', '- a\n# h', '> q\n# h', '```\n# no\n```\n# yes',
      '```\n# no', '~~~~\n~~~\n# no\n~~~~\n# yes', '- a\n\n  ```\n  # no\n  ```\n\n# h', '- a\n  ```\n# x\n  ```', '<!-- c -->\n# h', '<!--\n# no\n-->\n# h',
      '<div>\n# x\n</div>', '  # h', 'a\n  # h', '    # code', 'para\n    more\n---', 'a  \nb\n---', 'a\\\nb\n===', '**bold**\n---', '*x*\n===',
      '| a | b |\n|---|---|\n| 1 | 2 |\n# h', '| a |\n---', '1. x\n---', 'x\n\n***\n\ny\n---', '# [link](u)', '# a & b', '`code`\n---', '===\n# h',
      '# one\ntext\n## two\n### three\n## four\n# five', 'intro\n\n## a\n', '\n\n# a\n\n', '```js `x`\n# y', '  ```\n  a\n```\n# h', '<!-->\n# h',
    ];
    for (const text of cases) check(text);
    assert.equal(check('# A\n\ntext\n\n## B\n'), 'same');
  });

  it('matches the full scan on random line soups (property test)', () => {
    const line = fc.constantFrom(
      '', '# h', '## SQS とは', '### `x` y ###', 'text', 'テキスト SQS', '- item', '  - nested', '1. one', '2) two', '* star',
      '> quote', '>', '```', '```yaml', '~~~', '    code', '  indented', '---', '===', '***', '| a | b |', '|---|---|',
      '<!-- c -->', '<!--', '-->', '**「SQS」**の', '  ```', '   - deep', '#', 'a  ', '> - q', '> ```', '-', '  # h2', 'tags: [a, b]', '  ~~~', 'a\rb', '# x\r', '<!-- a\r-->', '  ---', 'x\\', 'y  ', '**b**', '- - -', '***', '    ```',
      '<details>', '<summary>s</summary>', '</details>', '<img src="a.png" width="3">', '<br>', '  <br>', '   <div>', '<cfg:X>',
      '  <cfg:Y>v</cfg:Y>', '<div/>', '<a href="u">', '</a>', '<pre>', '<script>', '</script>', '<?x', '<!X', '<x', '<a b=\'c\'/>',
      '# [AWS CodeBuild](https://example.com/x)', '## Lambda@Edge', '[AWS X](https://u)', 'a@b.co', 'Lambda@Edge とは', '# a <br> b',
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\n', '\r'), (lines, eol) => {
        check(lines.join(eol));
      }),
      { numRuns: Number(process.env.HEADING_SCAN_RUNS ?? 2000), seed: Number(process.env.HEADING_SCAN_SEED ?? 7) },
    );
  });
});

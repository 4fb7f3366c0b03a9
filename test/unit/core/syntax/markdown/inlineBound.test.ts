// The inline bound in front of remark: normal notes reach remark unchanged (exact), hostile paragraphs lose their
// inline delimiters (same length, so offsets hold), and what the sections depend on is kept.
import * as assert from 'node:assert/strict';
import { generateNote } from '../../../../../bench/corpus.mjs';
import { boundInline, INLINE_BOUND } from '../../../../../server/src/core/syntax/markdown/inlineBound';
import { parseNote, parseNoteRemark } from '../../../../../server/src/core/syntax/markdown/parseNote';
import { TRICKY } from './trickyNotes';

const URI = 'file:///notes/n.md';

describe('inline bound (what reaches remark)', () => {
  it('leaves normal notes as they are', () => {
    for (const text of TRICKY) assert.equal(boundInline(text), text);
    for (let i = 0; i < 100; i++) {
      const text = generateNote(i, 7);
      assert.equal(boundInline(text), text);
    }
    // a long list of code spans, just within the bound, is normal too
    const list = '# H\n\n' + Array.from({ length: INLINE_BOUND / 2 }, (_, i) => `- \`item${i}\``).join('\n') + '\n';
    assert.equal(boundInline(list), list);
  });

  it('neutralises the delimiters of an over-bound paragraph, keeping length, headings, fences and block lines', () => {
    const hostile = 'a* '.repeat(INLINE_BOUND + 10);
    const code = '```js\nconst x = a[0] * b_c;\n```';
    const text = `[d]: /u\n\n# Title *x*\n\n${hostile}\n${code}\n* * *\n`;
    const out = boundInline(text);
    assert.equal(out.length, text.length);
    assert.ok(!out.includes('a*'), 'closers neutralised');
    assert.ok(out.includes('# Title *x*') && out.includes(code) && out.includes('* * *') && out.startsWith('[d]: /u'));
  });

  it('makes a setext heading of a hostile paragraph bounded, and keeps a normal one exact', () => {
    const normal = '[d]: /u\n\nTitle *x* `y`\n===\n\nbody\n';
    assert.deepEqual(parseNote(URI, normal), parseNoteRemark(URI, normal));
    const hostile = '[d]: /u\n\n' + 'a*\n'.repeat(INLINE_BOUND * 2) + '===\n';
    const note = parseNote(URI, hostile);
    assert.equal(note.sections.at(-1)?.level, 1);
    assert.ok(!note.sections.at(-1)?.heading.includes('*'));
  });

  it('parseNote equals remark on notes that need the fallback and stay within the bound', () => {
    const texts = ['<div>\n# x\n</div>\n\n# H\n\n*a* `b` [c](d)\n', '[a]: /u\n\n# [a] and *b*\n\n- x\n  - y\n\n> q [a]\n', '# H\n\n\tx\n'];
    for (const text of texts) assert.deepEqual(parseNote(URI, text), parseNoteRemark(URI, text));
  });
});

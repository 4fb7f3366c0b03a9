// The note parser (fast scanner, remark reference) on hostile text: never throws, never hangs, and every
// section/block/code range is ordered and inside the document.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fastScanNote } from '../../../server/src/core/syntax/markdown/fastScan';
import type { NoteFile } from '../../../server/src/core/syntax/markdown/noteModel';
import { parseNote, parseNoteRemark } from '../../../server/src/core/syntax/markdown/parseNote';
import { capSections, nestingDepth } from '../../../server/src/node/noteGuard';
import { anyUtf16, markdownish } from './generators';
import { HANG_MS, params } from './params';

export function assertWellFormed(note: NoteFile, text: string): void {
  const n = text.length;
  const inDoc = (a: number, b: number, what: string) => assert.ok(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a <= b && b <= n, `${what} [${a}, ${b}] in ${n}`);
  let previous = -1;
  note.sections.forEach((s, i) => {
    assert.equal(s.index, i, 'index');
    inDoc(s.headingStart, s.headingEnd, 'heading');
    inDoc(s.headingEnd, s.bodyEnd, 'body');
    inDoc(s.bodyEnd, s.end, 'section');
    assert.ok(s.headingStart >= previous, `sections out of order at ${i}`);
    previous = s.headingStart;
    assert.ok(s.parent < i && s.parent >= -1, 'parent before child');
    if (s.parent >= 0) assert.ok(note.sections[s.parent].level < s.level, 'parent level');
    assert.ok(s.level >= 0 && s.level <= 6, 'level');
    let lastBlock = -1;
    for (const b of s.blocks) {
      inDoc(b.start, b.end, 'block');
      assert.ok(b.start >= lastBlock, 'blocks in order');
      assert.ok(b.start >= s.headingEnd && b.end <= s.bodyEnd, `block [${b.start}, ${b.end}] outside the body [${s.headingEnd}, ${s.bodyEnd}]`);
      lastBlock = b.start;
    }
    for (const c of s.codeBlocks) inDoc(c.start, c.end, 'code block');
  });
  for (let i = 0; i < note.codeRanges.length; i += 2) inDoc(note.codeRanges[i], note.codeRanges[i + 1], 'code range');
}

function timed<T>(what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  assert.ok(ms < HANG_MS, `${what} took ${Math.round(ms)} ms`);
  return result;
}

describe('note parser: properties', () => {
  for (const [name, gen] of [['markdown-ish', markdownish(80)], ['any UTF-16', anyUtf16(120)], ['arbitrary', fc.string({ maxLength: 200 })]] as const) {
    it(`parseNote, the fast scanner and remark never throw and keep ranges ordered and in bounds (${name})`, () => {
      fc.assert(
        fc.property(gen, (text) => {
          assertWellFormed(timed('parseNote', () => parseNote('file:///n.md', text)), text);
          const fast = timed('fastScanNote', () => fastScanNote('file:///n.md', text));
          if (fast) assertWellFormed(fast, text);
          assertWellFormed(timed('parseNoteRemark', () => parseNoteRemark('file:///n.md', text)), text);
        }),
        params(150),
      );
    });
  }

  it('capping sections keeps a well-formed prefix of the note', () => {
    fc.assert(
      fc.property(markdownish(80), fc.integer({ min: 1, max: 5 }), (text, max) => {
        const note = parseNote('file:///n.md', text);
        const capped = capSections(note, max);
        assert.ok(capped.sections.length <= max);
        assert.ok(text.startsWith(capped.text));
        assertWellFormed(capped, capped.text);
      }),
      params(200),
    );
  });

  it('the nesting pre-check is linear and never under-estimates quote depth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.constantFrom('>', '> ', ' > '), fc.string({ maxLength: 20 }), (depth, marker, tail) => {
        const text = `# t\n\n${marker.repeat(depth)}${tail.replace(/\n/g, ' ')}\n`;
        assert.ok(nestingDepth(text) >= depth);
      }),
      params(100),
    );
    const started = performance.now();
    nestingDepth('> - '.repeat(200_000));
    nestingDepth('- x\n'.repeat(200_000));
    assert.ok(performance.now() - started < HANG_MS);
  });
});

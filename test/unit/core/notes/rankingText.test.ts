// The ranking's in-place readings of the text against the regexes they replace: what follows a mention
// (definitional phrasing) and whether a mention leads its passage, on generated text with a fixed seed.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { definitionalAfter, leadsPassage, namesFirst } from '../../../../server/src/core/notes/ranking';
import { params } from '../../fuzz/params';

const STRONG = /^\s*(?:とは|って何|について|[=＝]|:|：)/;
const WEAK = /^\s*(?:は|（|\(|の概要|の特徴)/;
const TOHA = /^\s*とは/;
const LEADING = /^[\s>*\-+#|0-9.]*(?:\*\*)?(?:AWS |Amazon )?$/;

const pieces = [' ', '\t', '\n', '\u3000', '\u00a0', 'と', 'は', 'とは', 'って何', 'について', 'の概要', 'の特徴', 'の', '=', '＝', ':', '：', '（', '(', 'x', 'SQS',
  '>', '*', '**', '-', '+', '#', '|', '1', '.', 'AWS ', 'Amazon ', 'AWS', 'Amazon', 'A', '_'];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((p) => p.join(''));

describe('ranking: reading the text around a mention', () => {
  it('definitionalAfter says what the regexes say of the next 8 characters', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const end = n % (t.length + 1);
        const after = t.slice(end, end + 8);
        const flags = definitionalAfter(t, end);
        assert.deepEqual([(flags & 1) !== 0, (flags & 2) !== 0, (flags & 4) !== 0], [STRONG.test(after), WEAK.test(after), TOHA.test(after)], JSON.stringify(after));
      }),
      params(3000),
    );
    assert.equal(definitionalAfter('SQS とは何か', 3), 1 | 4);
    assert.equal(definitionalAfter('SQS は', 3), 2);
    assert.equal(definitionalAfter('SQS         とは', 3), 0);
  });

  it('leadsPassage says what the regex says of the text before the mention', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const from = a % (t.length + 1);
        const to = from + (b % (t.length - from + 1));
        assert.equal(leadsPassage(t, from, to), LEADING.test(t.slice(from, to)), JSON.stringify(t.slice(from, to)));
      }),
      params(3000),
    );
    assert.equal(leadsPassage('- **AWS SQS', 0, 8), true);
    assert.equal(leadsPassage('see AWS SQS', 0, 8), false);
  });
});

describe('ranking: a heading that names the service first', () => {
  const BEFORE = (s: string) => s.replace(/^#+\s*\[?/, '').replace(/^(?:AWS|Amazon)\s*/, '').trim() === '';
  const pieces = ['#', '##', ' ', '\t', '\u3000', '[', 'AWS', 'Amazon', 'AWSx', 'x', '(', '　', '*', '\n'];
  const heading = fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join(''));
  it('namesFirst says what the former regexes say of the text before the name', () => {
    fc.assert(
      fc.property(heading, fc.nat(), fc.nat(), (t, a, b) => {
        const from = a % (t.length + 1);
        const to = from + (b % (t.length - from + 1));
        assert.equal(namesFirst(t, from, to), BEFORE(t.slice(from, to)), JSON.stringify(t.slice(from, to)));
      }),
      params(3000),
    );
    assert.equal(namesFirst('## [Amazon SQS', 0, 10), true);
    assert.equal(namesFirst('## Using SQS', 0, 9), false);
  });
});

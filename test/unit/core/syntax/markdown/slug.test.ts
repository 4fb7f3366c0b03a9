// slugify in one pass against the two regex replaces it replaces (slugifyByRegex), on generated headings with every
// kind of punctuation and white space, and a full sweep of the UTF-16 units.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { slugify, slugifyByRegex } from '../../../../../server/src/core/syntax/markdown/slug';
import { params } from '../../../fuzz/params';

describe('slugify', () => {
  it('gives GitHub-style anchors', () => {
    assert.equal(slugify(' SQS とは？ (Amazon Simple Queue Service) '), 'sqs-とは-amazon-simple-queue-service');
    assert.equal(slugify('Lambda@Edge の使い方'), 'lambdaedge-の使い方');
  });

  it('keeps, drops or dashes every UTF-16 unit as the regexes do', () => {
    for (let c = 0; c < 65536; c++) {
      const unit = String.fromCharCode(c);
      const text = `a${unit}b`;
      assert.equal(slugify(text), slugifyByRegex(text), `U+${c.toString(16)}`);
    }
  });

  it('equals the regex version on generated headings', () => {
    const pieces = ['SQS', 'Lambda', 'İ', 'Σ', 'ΑΣ', ' ', '  ', '\t', '\u3000', '\u00a0', '\u2003', '\ufeff', '-', '_', '(', ')', '「', '」', '？', '！', '：', '…', '·', 'é',
      'とは', '#', '@', '`', '.', '/', '\\', 'Ａ', 'x'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join('')), (h) => assert.equal(slugify(h), slugifyByRegex(h), JSON.stringify(h))),
      params(3000),
    );
  });
});

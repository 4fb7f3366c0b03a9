// The service recogniser on hostile text: never throws, matches are inside the scanned range, sorted and
// non-overlapping, never start or end inside an ASCII identifier, and dense text stays linear.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { identityAt, scanIdentities, type Recognizer } from '../../../server/src/core/recognize/identities';
import { ServiceNameMatcher } from '../../../server/src/core/recognize/serviceNameMatcher';
import { loadAwsData } from '../../../server/src/node/dataLoader';
import { anyUtf16, awsish } from './generators';
import { HANG_MS, params } from './params';

const IDENT = /[A-Za-z0-9_]/;

describe('recogniser: properties', function () {
  this.timeout(60000);
  let recognizer: Recognizer;
  before(() => {
    const data = loadAwsData();
    recognizer = { data, names: new ServiceNameMatcher(data.services()) };
  });

  for (const [name, gen] of [['aws-ish', awsish(40)], ['any UTF-16', anyUtf16(100)]] as const) {
    it(`never throws; matches are in range, ordered, non-overlapping and at identifier boundaries (${name})`, () => {
      fc.assert(
        fc.property(gen, fc.constantFrom('prose', 'code') as fc.Arbitrary<'prose' | 'code'>, fc.nat(), fc.nat(), (text, mode, a, b) => {
          const from = text.length ? a % (text.length + 1) : 0;
          const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
          const found = scanIdentities(recognizer, text, mode, from, to);
          let lastEnd = from;
          for (const id of found) {
            assert.ok(id.start >= lastEnd && id.start < id.end && id.end <= to, `${JSON.stringify(id)} in [${from}, ${to}] after ${lastEnd}`);
            assert.equal(id.text, text.slice(id.start, id.end));
            assert.ok(typeof id.serviceId === 'string' && id.serviceId.length > 0);
            // At the edges of a scanned slice, the slice is the text (rules see only the slice).
            const before = id.start === from ? ' ' : (text[id.start - 1] ?? ' ');
            const after = id.end === to ? ' ' : (text[id.end] ?? ' ');
            assert.ok(!(IDENT.test(before) && IDENT.test(text[id.start])), `${JSON.stringify(id.text)} starts inside an identifier in ${JSON.stringify(text)}`);
            assert.ok(!(IDENT.test(after) && IDENT.test(text[id.end - 1])), `${JSON.stringify(id.text)} ends inside an identifier in ${JSON.stringify(text)}`);
            lastEnd = id.end;
          }
          for (let offset = 0; offset <= text.length; offset += 5) {
            const at = identityAt(recognizer, text, offset, mode);
            if (at) assert.ok(at.start <= offset && offset <= at.end);
          }
        }),
        params(300),
      );
    });
  }

  it('stays linear on a dense multi-megabyte line (100k+ mentions)', () => {
    const text = 'SQS と Lambda と AWS::SQS::Queue と sqs:SendMessage。'.repeat(40_000);
    const started = performance.now();
    const found = scanIdentities(recognizer, text, 'prose');
    const ms = performance.now() - started;
    assert.ok(found.length >= 160_000, String(found.length));
    assert.ok(ms < 5 * HANG_MS, `${Math.round(ms)} ms`);
  });
});

// The reader never throws, never hangs and keeps every range inside the text, whatever it is given.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { allBlocks, blockBodyAt, isLiteralAt, readHcl, traversalAt, type HclFile } from '../../../../../server/src/core/syntax/hcl/hclReader';
import { NETWORK_TF, SERVERLESS_TF } from './corpus';

function assertInBounds(file: HclFile): void {
  const n = file.text.length;
  const check = (start: number, end: number, what: string) =>
    assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= n, `${what} [${start}, ${end}] in ${n}`);
  for (const t of file.tokens) {
    check(t.start, t.end, `token ${t.kind}`);
  }
  for (const block of allBlocks(file.body)) {
    check(block.start, block.end, 'block');
    check(block.type.start, block.type.end, 'block type');
    for (const label of block.labels) check(label.start, label.end, 'label');
    if (block.open !== undefined) check(block.open, block.open + 1, 'open');
    if (block.close !== undefined) {
      check(block.close, block.close + 1, 'close');
      assert.equal(file.text[block.close], '}');
    }
    for (const a of block.body.attributes) {
      check(a.start, a.end, 'attribute');
      check(a.valueStart, a.valueEnd, 'value');
    }
  }
  for (const a of file.body.attributes) check(a.start, a.end, 'top attribute');
}

/** Text made of the characters that matter to HCL, so that odd structures come up often. */
const hclish = fc
  .array(fc.constantFrom('resource', 'data', ' "aws_sqs_queue"', ' "x"', ' {', '}', '\n', ' = ', '"', '${', '%{', '}', '<<EOF\n', '<<-X\n', 'EOF\n', '  X\n', '#', '//', '/*', '*/', '[', ']', '(', ')', '.', 'aws_s.a.b', '\\', '$${', '\r\n', 'a', '1', ' ', '\t', '日本'), { maxLength: 80 })
  .map((parts) => parts.join(''));

/** Any UTF-16 code units, lone surrogates included. */
const anyUtf16 = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 100 }).map((codes) => String.fromCharCode(...codes));

const PARAMS = { seed: 20240531, numRuns: 300 };

describe('terraform: HCL reader properties', () => {
  it('never throws and keeps ranges in bounds on arbitrary text', () => {
    // One property per generator (fc.oneof over these is needlessly slow to sample).
    for (const texts of [fc.string({ maxLength: 200 }), anyUtf16, hclish]) {
      fc.assert(
        fc.property(texts, (text) => {
          const file = readHcl(text);
          assertInBounds(file);
          for (let offset = 0; offset <= text.length; offset += 7) {
            isLiteralAt(file, offset);
            traversalAt(file, offset);
            blockBodyAt(file, offset);
          }
        }),
        PARAMS,
      );
    }
  });

  it('never throws on every truncation of realistic files', () => {
    for (const source of [NETWORK_TF, SERVERLESS_TF]) {
      for (let cut = 0; cut <= source.length; cut += 5) assertInBounds(readHcl(source.slice(0, cut)));
    }
  });

  it('never throws when a realistic file has a piece cut out of it', () => {
    fc.assert(
      fc.property(fc.nat(SERVERLESS_TF.length), fc.nat(40), (at, length) => {
        assertInBounds(readHcl(SERVERLESS_TF.slice(0, at) + SERVERLESS_TF.slice(at + length)));
      }),
      PARAMS,
    );
  });

  it('reads pathological nesting quickly without overflowing the stack', () => {
    const started = Date.now();
    for (const text of ['a {'.repeat(5000), '"${'.repeat(5000), 'x = ' + '['.repeat(20000), '<<EOF\n'.repeat(2000), '/*'.repeat(10000), 'a { b = "'.repeat(3000)]) {
      assertInBounds(readHcl(text));
    }
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  });

  it('reads a large file in linear time', () => {
    const big = SERVERLESS_TF.repeat(60);
    const started = Date.now();
    const file = readHcl(big);
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms`);
    assert.equal(file.body.blocks.length, readHcl(SERVERLESS_TF).body.blocks.length * 60);
  });
});

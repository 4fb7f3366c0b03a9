// The scan worker's messages carry each batch's typed arrays in one transferable buffer (oneBuffer.ts): the views
// hold the same values, share that one buffer, and a note without results is left as it was.
import * as assert from 'node:assert/strict';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { intoOneBuffer } from '../../../server/src/node/oneBuffer';
import { gatherArrays, type WorkerMessage } from '../../../server/src/node/scanWorker';

const sections = (n: number) => ({
  headings: ['a'],
  slugs: ['a'],
  ints: Int32Array.from({ length: 8 }, (_, k) => n * 100 + k),
  blocks: Int32Array.from([n, n + 1, 0]),
  codeInts: new Int32Array(0),
  codeLangs: [],
  codeValueAt: new Int32Array(0),
  codeValues: [],
  codeRanges: Int32Array.from([n, n + 5]),
});

describe('one buffer per worker message', () => {
  it('copies the arrays into one 8-byte-aligned buffer, in order, with their values and types', () => {
    const arrays = [Int32Array.from([1, 2, 3]), Float64Array.from([0.5, -1.25]), new Int32Array(0), Int32Array.from([7])];
    const { views, buffer } = intoOneBuffer(arrays);
    assert.equal(views.length, arrays.length);
    views.forEach((v, k) => {
      assert.equal(v.buffer, buffer);
      assert.equal(v.byteOffset % 8, 0);
      assert.equal(v.constructor, arrays[k].constructor);
      assert.deepEqual(Array.from(v), Array.from(arrays[k]));
    });
    assert.equal(buffer.byteLength, 16 + 16 + 0 + 8);
    // Copies, not the originals: writing a view leaves its source as it was.
    views[0][0] = 99;
    assert.equal(arrays[0][0], 1);
  });

  it("moves an indexed batch's columns and hits into one buffer that survives the transfer", () => {
    const notes = [0, 1, 2].map((n) => ({ i: n, parseMs: 1, sections: sections(n), hits: { services: ['sqs'], data: Int32Array.from([0, n, 1, -1, 0]), scores: Float64Array.from([1.5 + n]) } }));
    const failed = { i: 3, parseMs: 2 };
    const message: WorkerMessage = { type: 'indexed', notes: [...notes, failed] };
    const before = JSON.stringify(message, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v));
    const buffer = gatherArrays(message);
    const { port1, port2 } = new MessageChannel();
    port2.postMessage(message, [buffer]);
    assert.equal(buffer.byteLength, 0, 'transferred, not copied');
    const got = receiveMessageOnPort(port1)!.message as Extract<WorkerMessage, { type: 'indexed' }>;
    port1.close();
    assert.equal(JSON.stringify(got, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v)), before);
    const buffers = new Set(got.notes.flatMap((n) => (n.sections ? [n.sections.ints.buffer, n.sections.blocks.buffer, n.sections.codeRanges.buffer, n.hits!.data.buffer, n.hits!.scores.buffer] : [])));
    assert.equal(buffers.size, 1);
    assert.equal(got.notes[3].sections, undefined);
  });

  it("moves a pre-scan batch's heading positions into one buffer; a note without a pre-scan has none", () => {
    const read = { ok: true as const, text: '# a\n' };
    const message: WorkerMessage = {
      type: 'batch',
      notes: [
        { i: 0, read, scan: { headings: ['', 'a'], levels: [0, 1], positions: Int32Array.from([0, 0, 0, 0, 0, 0, 0, 3]) } },
        { i: 1, read },
        { i: 2, read, scan: { headings: ['', 'b'], levels: [0, 1], positions: Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]) } },
      ],
    };
    const buffer = gatherArrays(message);
    const [a, , c] = message.notes;
    assert.equal(a.scan!.positions.buffer, buffer);
    assert.equal(c.scan!.positions.buffer, buffer);
    assert.deepEqual(Array.from(c.scan!.positions), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.deepEqual(Array.from(a.scan!.positions), [0, 0, 0, 0, 0, 0, 0, 3]);
    assert.equal(message.notes[1].scan, undefined);
  });
});

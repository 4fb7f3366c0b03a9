// A service's ranked hits, unpacked from a note's packed hits (32-bit ints and a score per hit, issue 16), carry exactly
// the packed values (negative blocks, large anchors, scores that are not integers).
import * as assert from 'node:assert/strict';
import { HIT_FIELDS, NotesIndex } from '../../../../server/src/core/notes/notesIndex';
import { parseNote } from '../../../../server/src/core/syntax/markdown/parseNote';
import { ServiceNameMatcher } from '../../../../server/src/core/recognize/serviceNameMatcher';
import { miniData } from '../../../helpers/miniData';

const data = miniData();
const recognizer = { data, names: new ServiceNameMatcher(data.services()) };

describe('unpacked service hits', () => {
  it('equal the packed values, field by field', () => {
    const index = new NotesIndex(recognizer, parseNote);
    const rows = [
      [0, 0, 0.5, 1, 0, -1],
      [1, 3, 2.25, 0, 123_456_789, 7],
      [0, 2, 1 / 3, 0, 2_000_000_000, 0],
      [0, 5, 4, 1, 17, -1],
    ];
    // [service, section, about, anchor, block] and the score of each row.
    const hits = { services: ['sqs', 'sns'], data: Int32Array.from(rows.flatMap((r) => [r[0], r[1], r[3], r[4], r[5]])), scores: Float64Array.from(rows, (r) => r[2]) };
    assert.equal(hits.data.length, rows.length * HIT_FIELDS);
    const note = parseNote('file:///n/a.md', '# A\n\nSQS\n');
    index.setIndexed(note, hits, undefined);
    const expected = (s: number) =>
      rows
        .filter((r) => r[0] === s)
        .map((r) => ({ uri: note.uri, section: r[1], score: r[2], about: r[3] === 1, anchor: r[4], block: r[5] }))
        .sort((a, b) => b.score - a.score);
    const got = (id: string) => index.hitsForService(id).map((h) => ({ ...h }));
    for (const [s, id] of ['sqs', 'sns'].entries()) {
      const actual = got(id).sort((a, b) => b.score - a.score);
      assert.deepEqual(actual, expected(s));
      for (const h of actual) for (const k of ['section', 'anchor', 'block'] as const) assert.ok(Object.is(h[k], expected(s).find((e) => e.score === h.score)![k]));
    }
  });
});

// Mentions without objects (issue 16): scanIdentitiesInto, findMentionColumns and the per-service ranking over
// columns give exactly what the object path gave (scanIdentities per slice, a Mention per identity, a Map of lists
// per service ranked one by one), on hostile text and generated notes. The ranking's scoring runs the same code on
// both sides here (what this checks is the grouping and order); against the former scoring code, the outputs were
// compared by bench/diagnostics/phase2.ts's digests on both 10k corpora (unchanged).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { absentForms, createRecognizer, type IdentityKind, type Recognizer, scanIdentities, scanIdentitiesInto } from '../../../server/src/core/recognize/identities';
import { findMentionColumns, findMentions, type Mention, MentionColumns } from '../../../server/src/core/notes/noteMentions';
import { blockAt, sectionAt } from '../../helpers/sectionsAt';
import { mentionHits } from '../../../server/src/core/notes/notesIndex';
import { rankSections } from '../../../server/src/core/notes/ranking';
import { parseNote } from '../../../server/src/core/syntax/markdown/parseNote';
import type { NoteFile } from '../../../server/src/core/syntax/markdown/noteModel';
import { loadAwsData } from '../../../server/src/node/dataLoader';
import { anyUtf16, awsish, markdownish } from './generators';
import { params } from './params';

/** findMentions as it was: an Identity per identity of each slice, then a Mention per Identity. */
function oracleMentions(recognizer: Recognizer, note: NoteFile): Mention[] {
  const out: Mention[] = [];
  const add = (from: number, to: number, mode: 'prose' | 'code') => {
    for (const id of scanIdentities(recognizer, note.text, mode, from, to)) {
      const section = sectionAt(note.sections, id.start);
      const inHeading = section ? id.start < section.headingEnd && id.start >= section.headingStart : false;
      const block = section && !inHeading ? blockAt(section, id.start) : -1;
      out.push({ serviceId: id.serviceId, kind: id.kind, start: id.start, end: id.end, section: section ? section.index : -1, block, inHeading, inCode: mode === 'code' });
    }
  };
  let cursor = 0;
  const ranges = note.codeRanges;
  for (let i = 0; i < ranges.length; i += 2) {
    if (ranges[i] < cursor) continue;
    add(cursor, ranges[i], 'prose');
    add(ranges[i], ranges[i + 1], 'code');
    cursor = ranges[i + 1];
  }
  add(cursor, note.text.length, 'prose');
  return out;
}

/** Packed hits as [service, section, score, about, anchor, block] rows, per service in first-mention order. */
function unpacked(hits: ReturnType<typeof mentionHits>): unknown[][] {
  const rows: unknown[][] = [];
  for (let i = 0, h = 0; i < hits.data.length; i += 5, h++) rows.push([hits.services[hits.data[i]], hits.data[i + 1], hits.scores[h], hits.data[i + 2] === 1, hits.data[i + 3], hits.data[i + 4]]);
  return rows;
}

/** The ranking as it was: one list of mentions per service (in first-mention order), ranked one by one. */
function oracleHits(note: NoteFile, mentions: Mention[]): unknown[][] {
  const byService = new Map<string, Mention[]>();
  for (const m of mentions) {
    const list = byService.get(m.serviceId);
    if (list) list.push(m);
    else byService.set(m.serviceId, [m]);
  }
  return [...byService].flatMap(([serviceId, list]) => rankSections(note, list).map((h) => [serviceId, h.section, h.score, h.about, h.anchor, h.block]));
}

describe('mentions as columns: same as the object path', function () {
  this.timeout(60000);
  let recognizer: Recognizer;
  before(() => {
    recognizer = createRecognizer(loadAwsData());
  });

  const sinkOf = () => {
    const seen: [IdentityKind, number, number, string][] = [];
    return { seen, identity: (kind: IdentityKind, start: number, end: number, serviceId: string) => void seen.push([kind, start, end, serviceId]) };
  };

  for (const [name, gen] of [['aws-ish', awsish(60)], ['any UTF-16', anyUtf16(100)]] as const) {
    it(`scanIdentitiesInto emits scanIdentities' identities in order (${name})`, () => {
      fc.assert(
        fc.property(gen, fc.constantFrom('prose', 'code') as fc.Arbitrary<'prose' | 'code'>, fc.nat(), fc.nat(), (text, mode, a, b) => {
          const from = text.length ? a % (text.length + 1) : 0;
          const to = from + (text.length - from ? b % (text.length - from + 1) : 0);
          const sink = sinkOf();
          scanIdentitiesInto(recognizer, text, mode, from, to, absentForms(text), sink);
          assert.deepEqual(sink.seen, scanIdentities(recognizer, text, mode, from, to).map((i) => [i.kind, i.start, i.end, i.serviceId]));
        }),
        params(400),
      );
    });
  }

  it('names overlapping forms are dropped, forms first at the same start, folded text mapped back', () => {
    const cases = ['AWS::SQS::Queue SQS', 'arn:aws:sqs:us-east-1:1:Lambda SQS', 'ＳＱＳ と ㍿ Lambda', 'sqs:SendMessage SQSClient sqs', ''];
    for (const text of cases) {
      const sink = sinkOf();
      scanIdentitiesInto(recognizer, text, 'prose', 0, text.length, absentForms(text), sink);
      assert.deepEqual(sink.seen, scanIdentities(recognizer, text, 'prose').map((i) => [i.kind, i.start, i.end, i.serviceId]), text);
    }
    // (Not vacuous: forms and names both occur.)
    const sink = sinkOf();
    scanIdentitiesInto(recognizer, cases[0], 'prose', 0, cases[0].length, 0, sink);
    assert.deepEqual(sink.seen.map((s) => s[0]), ['cfnType', 'service']);
  });

  const note = fc
    .array(fc.oneof(markdownish(30), awsish(20), fc.constantFrom('# SQS とは\n', '## Lambda\n\nLambda: 関数。\n', '```yaml\nType: AWS::SQS::Queue\n```\n', '- SQS\n- SQS は キュー\n')), { maxLength: 12 })
    .map((parts) => parts.join('\n'));

  it('findMentions and mentionHits equal the object path on generated notes', () => {
    let mentioned = 0;
    fc.assert(
      fc.property(note, (text) => {
        const parsed = parseNote('file:///n.md', text);
        const expected = oracleMentions(recognizer, parsed);
        mentioned += expected.length;
        assert.deepEqual(findMentions(recognizer, parsed), expected);
        const columns = findMentionColumns(recognizer, parsed, new MentionColumns(1));
        assert.equal(columns.length, expected.length);
        assert.deepEqual(unpacked(mentionHits(recognizer, parsed)), oracleHits(parsed, expected));
      }),
      params(300),
    );
    assert.ok(mentioned > 300, String(mentioned));
  });

  it('a note with more mentions than the reused columns keep ranks like the object path, and so does the next', () => {
    const big = parseNote('file:///big.md', `# SQS\n\n${'SQS と Lambda、DynamoDB。\n\n'.repeat(25_000)}## Lambda とは\n\nLambda: 関数。\n`);
    const small = parseNote('file:///small.md', '# Lambda\n\nLambda とは関数。SQS も。\n');
    for (const n of [big, small]) assert.deepEqual(unpacked(mentionHits(recognizer, n)), oracleHits(n, oracleMentions(recognizer, n)));
  });
});

// Issue 16: a query ranking reads the positions of notes indexed by the scan worker straight from their packed
// columns (sectionView.ts) instead of rebuilding Section objects. Differential: the same seeds-shaped notes indexed
// twice, parsed (Section objects) and the worker's way (pre-scan, then packed columns and hits), must rank every
// query identically: same hits, order, scores, anchors and blocks. The evidence a ranking caches per note (flat rows,
// queryEvidence.ts) is compared with a straightforward reference over Section objects, as it was computed before.
import * as assert from 'node:assert/strict';
import { generateSeedsNote } from '../../../../bench/seedsShaped.mjs';
import { createLanguageService } from '../../../../server/src/core/languageService';
import { headingPositions, LazyNote, mentionHits, type NotesIndex } from '../../../../server/src/core/notes/notesIndex';
import { queryForIdentity, termQuery, type NoteQuery, type QueryContext } from '../../../../server/src/core/notes/noteQuery';
import { packSections } from '../../../../server/src/core/notes/packedSections';
import { evidenceIn, rowLength } from '../../../../server/src/core/notes/queryEvidence';
import { blockIndexAt, firstChildWithBodyIndex, ObjectSectionView, PackedSectionView, sectionIndexAt, type SectionView } from '../../../../server/src/core/notes/sectionView';
import { blockAt, sectionAt } from '../../../helpers/sectionsAt';
import type { NoteFile } from '../../../../server/src/core/syntax/markdown/noteModel';
import { QueryRanker, type QueryHit } from '../../../../server/src/core/notes/queryRanking';
import type { Identity, IdentityKind, Recognizer } from '../../../../server/src/core/recognize/identities';
import { preScanHeadings } from '../../../../server/src/core/syntax/markdown/fastScan';
import { parseNote } from '../../../../server/src/core/syntax/markdown/parseNote';
import { loadAwsData } from '../../../../server/src/node/dataLoader';

const data = loadAwsData();
const NOTES = 400;
const notes = new Map<string, string>();
for (let i = 0; i < NOTES; i++) notes.set(`file:///seeds/n${String(i).padStart(4, '0')}.md`, generateSeedsNote(i, 7));
// A container (no body of its own) whose stand-in is a sub-section, a container with none, CRLF, a preamble.
notes.set('file:///seeds/containers.md', '前書き SQS。\r\n\r\n# SQS\r\n## キュー\r\n### 可視性タイムアウト\r\nVisibilityTimeout と sqs:ReceiveMessage。\r\n## 空の章\r\n# Lambda\r\n');

function build(how: 'parsed' | 'packed'): NotesIndex {
  const index = createLanguageService({ data }).index;
  for (const [uri, text] of notes) {
    if (how === 'parsed') {
      index.setText(uri, text);
      continue;
    }
    const full = parseNote(uri, text);
    const scan = preScanHeadings(text) || { headings: full.sections.map((s) => s.heading), levels: full.sections.map((s) => s.level), positions: headingPositions(full) };
    const note = index.setHeadingsFirst(uri, text, scan);
    const recognizer = (index as unknown as { recognizer: Recognizer }).recognizer;
    assert.ok(index.setMentionsIndexed(note, packSections(full.sections, full.codeRanges, text), mentionHits(recognizer, full)));
  }
  index.text.sync(index);
  return index;
}

const identity = (kind: IdentityKind, text: string, serviceId: string) => ({ kind, text, serviceId, start: 0, end: text.length }) as Identity;

function queries(): NoteQuery[] {
  const ctx: QueryContext = { data };
  return [
    queryForIdentity(identity('cfnType', 'AWS::SQS::Queue', 'sqs'), ctx),
    queryForIdentity(identity('cfnType', 'AWS::Lambda::Function', 'lambda'), ctx),
    queryForIdentity(identity('cfnType', 'AWS::DynamoDB::Table', 'dynamodb'), ctx),
    queryForIdentity(identity('iamAction', 'sqs:ReceiveMessage', 'sqs'), ctx),
    queryForIdentity(identity('iamAction', 'lambda:InvokeFunction', 'lambda'), ctx),
    queryForIdentity(identity('cfnType', 'AWS::SQS::NoSuchThing', 'sqs'), ctx),
    termQuery('VisibilityTimeout', 'sqs', ctx),
    termQuery('BatchSize', 'lambda', ctx, ['batch_size']),
    // No service: every note is a candidate.
    termQuery('DeadLetterQueue', undefined, ctx, ['Lambda']),
    { key: 'hand:place', serviceId: 'sqs', exact: [{ text: 'SQS', weight: 3 }], related: [{ text: 'キュー', weight: 1 }], place: [{ text: 'sqs:DeleteMessage', weight: 2 }], coServices: ['lambda', 'sns'] },
    { key: 'hand:co', serviceId: 'lambda', exact: [], related: [], coServices: ['sqs'] },
    { key: 'hand:evidenceOnly', serviceId: 's3', exact: [{ text: 'S3', weight: 6 }], related: [{ text: 'バケット', weight: 1 }], coServices: [], evidenceOnly: true },
  ];
}

const rankAll = (index: NotesIndex) => {
  const ranker = new QueryRanker(index);
  return queries().map((q) => ({ key: q.key, hits: ranker.rank(q) }));
};

describe('query ranking over packed columns = over Section objects (issue 16)', () => {
  it('every query ranks the same hits, in the same order, with the same scores, anchors and blocks', () => {
    const parsed = build('parsed');
    const packed = build('packed');
    // The packed index really holds column notes whose sections are not built (else this compares nothing new).
    const lazy = [...packed.files()].filter((n) => n instanceof LazyNote && n.packed.columns && !n.sectionsBuilt);
    assert.equal(lazy.length, notes.size);
    const built = [...parsed.files()].filter((n) => n instanceof LazyNote);
    assert.equal(built.length, 0, 'the reference index holds parsed notes');

    const expected = rankAll(parsed);
    const got = rankAll(packed);
    for (let q = 0; q < expected.length; q++) assert.deepEqual(got[q], expected[q], expected[q].key);

    // Not vacuous: many hits, with evidence, with passages deep in a section, containers shown by a sub-section.
    const all: QueryHit[] = expected.flatMap((r) => r.hits);
    assert.ok(all.length > 1000, `${all.length} hits`);
    assert.ok(all.filter((h) => h.evidence).length > 100);
    assert.ok(all.filter((h) => h.block > 0).length > 100);
    assert.ok(expected.every((r) => r.key.startsWith('unknown:') || r.hits.length > 0), 'every known query finds notes');
    const containers = all.filter((h) => h.uri === 'file:///seeds/containers.md');
    assert.ok(containers.some((h) => h.section === 1), 'the container whose sub-section has a body is shown');
    assert.ok(!containers.some((h) => h.section === 4 || h.section === 5), 'containers with no body below are not');
  });
});

/** The evidence as the ranking computed it before issue 16's flat rows: maps over Section objects, then as rows. */
function referenceEvidence(note: NoteFile, query: NoteQuery): number[] {
  const terms = [...query.exact.map((t) => ({ ...t, exact: true })), ...query.related.map((t) => ({ ...t, exact: false })), ...(query.place ?? []).map((t) => ({ ...t, exact: false }))];
  const found = new Map<number, { counts: Map<number, { count: number; inHeading: boolean }>; weights: Map<number, number> }>();
  const word = /[A-Za-z0-9_]/;
  const text = note.text;
  terms.forEach((term, t) => {
    let from = 0;
    for (let n = 0; n < 400; n++) {
      const at = text.indexOf(term.text, from);
      if (at < 0) break;
      from = at + term.text.length;
      if ((word.test(text[at]) && at > 0 && word.test(text[at - 1])) || (word.test(text[from - 1]) && from < text.length && word.test(text[from]))) continue;
      const section = sectionAt(note.sections, at);
      if (!section) continue;
      const inHeading = at < section.headingEnd;
      if (!inHeading && at >= section.bodyEnd) continue;
      const e = found.get(section.index) ?? { counts: new Map(), weights: new Map() };
      found.set(section.index, e);
      const c = e.counts.get(t) ?? { count: 0, inHeading: false };
      e.counts.set(t, { count: c.count + 1, inHeading: c.inHeading || inHeading });
      const b = inHeading ? -1 : blockAt(section, at);
      if (b >= 0) e.weights.set(b, (e.weights.get(b) ?? 0) + term.weight * (term.exact ? 2 : 1));
    }
  });
  const rows: number[] = [];
  for (const s of [...found.keys()].sort((a, b) => a - b)) {
    const e = found.get(s)!;
    let best = -1;
    let bestWeight = 0;
    for (const [b, w] of e.weights) if (w > bestWeight || (w === bestWeight && b < best)) [best, bestWeight] = [b, w];
    rows.push(s, best, ...terms.map((_, t) => (e.counts.get(t)?.count ?? 0) * 2 + (e.counts.get(t)?.inHeading ? 1 : 0)));
  }
  return rows;
}

describe('query evidence rows = the reference over Section objects (issue 16)', () => {
  it('every note and query: the same sections, strongest blocks, counts and heading flags', () => {
    const packed = build('packed');
    let rows = 0;
    let inHeading = 0;
    let blocks = 0;
    for (const query of queries()) {
      const stride = rowLength(query.exact.length + query.related.length + (query.place?.length ?? 0));
      for (const note of packed.files()) {
        const expected = referenceEvidence(parseNote(note.uri, note.text), query);
        assert.deepEqual([...evidenceIn(note, query)], expected, `${query.key} ${note.uri}`);
        for (let r = 0; r < expected.length; r += stride) {
          rows++;
          if (expected[r + 1] >= 0) blocks++;
          if (expected.slice(r + 2, r + stride).some((c) => c & 1)) inHeading++;
        }
      }
    }
    assert.ok(rows > 2000 && blocks > 1000 && inHeading > 200, `${rows} rows, ${blocks} with a block, ${inHeading} with heading evidence`);
  });

  it('a note with thousands of sections, then small ones again (scratch grown, then replaced)', () => {
    const index = createLanguageService({ data }).index;
    const big = Array.from({ length: 6000 }, (_, i) => `## SQS ${i}\n\nキュー の VisibilityTimeout と sqs:ReceiveMessage。\n\n- AWS::SQS::Queue\n`).join('\n');
    const texts = [big, notes.get('file:///seeds/containers.md')!, big.slice(0, 5000), notes.values().next().value!];
    texts.forEach((text, i) => index.setText(`file:///big/${i}.md`, text));
    for (const query of queries()) {
      for (let i = 0; i < texts.length; i++) {
        const note = index.get(`file:///big/${i}.md`)!;
        assert.deepEqual([...evidenceIn(note, query)], referenceEvidence(note, query), `${query.key} ${i}`);
      }
    }
  });
});

describe('section views (issue 16)', () => {
  it('read what the sections hold, packed or built, whatever order blocks are asked in', () => {
    let blocksRead = 0;
    // One view of each kind, re-pointed from note to note as a ranking does.
    const packed = new PackedSectionView();
    const built = new ObjectSectionView();
    for (const [uri, text] of notes) {
      const { sections, codeRanges } = parseNote(uri, text);
      const views: SectionView[] = [packed.of(packSections(sections, codeRanges, text)), built.of(sections)];
      for (const view of views) {
        assert.equal(view.count, sections.length);
        assert.equal(view.blockTotal, sections.reduce((n, s) => n + s.blocks.length, 0));
        // Backwards (a table after a few reads back), then forwards, then every section from the start again.
        const order = [...sections.keys()].reverse().concat([...sections.keys()], [...sections.keys()]);
        const ids = new Set<number>();
        for (const i of order) {
          const s = sections[i];
          assert.deepEqual([view.parent(i), view.headingStart(i), view.headingEnd(i), view.bodyEnd(i), view.end(i), view.blockCount(i)], [s.parent, s.headingStart, s.headingEnd, s.bodyEnd, s.end, s.blocks.length]);
          s.blocks.forEach((b, k) => {
            assert.deepEqual([view.blockStart(i, k), view.blockEnd(i, k)], [b.start, b.end]);
            ids.add(view.blockId(i, k));
            blocksRead++;
          });
          const child = sections.slice(i + 1).find((c) => c.headingStart < s.end && c.blocks.length > 0);
          assert.equal(firstChildWithBodyIndex(view, i), child ? child.index : -1);
        }
        assert.equal(ids.size, view.blockTotal, 'block numbers are distinct across the note');
        for (const at of [0, text.length >> 1, text.length - 1]) {
          const s = sectionIndexAt(view, at);
          const expected = sections.filter((x) => x.headingStart <= at).pop();
          assert.equal(s, expected ? expected.index : -1);
          if (expected) assert.equal(blockIndexAt(view, s, at), expected.blocks.findIndex((b) => b.start <= at && at < b.end));
        }
      }
    }
    assert.ok(blocksRead > 10000, `${blocksRead} blocks read`);
  });
});

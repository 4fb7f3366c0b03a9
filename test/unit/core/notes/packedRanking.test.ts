// Issue 16: a query ranking reads the positions of notes indexed by the scan worker straight from their packed
// columns (sectionView.ts) instead of rebuilding Section objects. Differential: the same seeds-shaped notes indexed
// twice, parsed (Section objects) and the worker's way (pre-scan, then packed columns and hits), must rank every
// query identically: same hits, order, scores, anchors and blocks.
import * as assert from 'node:assert/strict';
import { generateSeedsNote } from '../../../../bench/seedsShaped.mjs';
import { createLanguageService } from '../../../../server/src/core/languageService';
import { headingPositions, LazyNote, mentionHits, type NotesIndex } from '../../../../server/src/core/notes/notesIndex';
import { queryForIdentity, termQuery, type NoteQuery, type QueryContext } from '../../../../server/src/core/notes/noteQuery';
import { packSections } from '../../../../server/src/core/notes/packedSections';
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

// Issue 16 (peak RSS): a query ranking caches, per note and query, the evidence found in the note's text. A note the
// full-text index rules out gets no cache entry at all, and every note read without finding any evidence shares one
// empty result, instead of an empty map per note and query (~30,000 of them at 10k notes).
import * as assert from 'node:assert/strict';
import { NotesIndex } from '../../../../server/src/core/notes/notesIndex';
import type { NoteQuery } from '../../../../server/src/core/notes/noteQuery';
import { parseNote } from '../../../../server/src/core/syntax/markdown/parseNote';
import { cachedEvidence } from '../../../../server/src/core/notes/queryEvidence';
import { QueryRanker } from '../../../../server/src/core/notes/queryRanking';
import { ServiceNameMatcher } from '../../../../server/src/core/recognize/serviceNameMatcher';
import { miniData } from '../../../helpers/miniData';

const data = miniData();
const recognizer = { data, names: new ServiceNameMatcher(data.services()) };
const query = { key: 'sqs:ReceiveMessage', serviceId: 'sqs', exact: [{ text: 'ReceiveMessage', weight: 6 }], related: [], coServices: [] } as unknown as NoteQuery;

describe('query evidence cache (issue 16)', () => {
  it('caches evidence found, shares one empty result for notes read without any, and caches nothing for notes ruled out', () => {
    const index = new NotesIndex(recognizer, parseNote);
    index.setText('file:///n/with.md', '# SQS\n\nReceiveMessage で SQS から受け取る。\n');
    // The full-text index folds case: these may hold the term and are read, but the exact term is not there.
    index.setText('file:///n/inside1.md', '# SQS\n\nreceivemessage は SQS の話。\n');
    index.setText('file:///n/inside2.md', '# SQS 二\n\nSQS の RECEIVEMESSAGE。\n');
    // No token of the term at all: the full-text index rules the note out (it is not read).
    index.setText('file:///n/without.md', '# SQS\n\nSQS の可視性タイムアウト。\n');
    index.text.sync(index);
    const hits = new QueryRanker(index).rank(query);
    assert.ok(hits.some((h) => h.uri === 'file:///n/with.md' && h.evidence), 'the evidence still ranks');
    assert.ok(hits.some((h) => h.uri === 'file:///n/without.md'), 'a note ruled out still ranks by its service');

    const get = (name: string) => cachedEvidence(index.get(`file:///n/${name}.md`)!, query.key);
    assert.ok((get('with')?.length ?? 0) > 0, 'evidence found is cached');
    const inside1 = get('inside1');
    const inside2 = get('inside2');
    assert.ok(inside1 && inside2, 'a note read without evidence is cached (its text is not read again)');
    assert.equal(inside1.length, 0);
    assert.equal(inside1, inside2, 'one shared empty result, not an array per note');
    assert.notEqual(get('with'), inside1);
    assert.equal(get('without'), undefined, 'nothing is cached for a note the full-text index rules out');
  });
});

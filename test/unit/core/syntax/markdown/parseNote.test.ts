import * as assert from 'node:assert/strict';
import { breadcrumb, sectionPlainText } from '../../../../../server/src/core/syntax/markdown/noteModel';
import { parseNote } from '../../../../../server/src/core/syntax/markdown/parseNote';
import { QUEUE_NOTE } from '../../../../helpers/notesFixtures';

describe('parseNote', () => {
  const note = parseNote('file:///notes/queue.md', QUEUE_NOTE);
  const headings = note.sections.map((s) => `${s.level} ${s.heading}`);

  it('builds sections with levels and breadcrumbs', () => {
    assert.deepEqual(headings, ['1 キューまわりの学習メモ', '2 SQS とは', '3 可視性タイムアウト', '2 Lambda と SQS の組み合わせ', '2 料金のメモ']);
    const visibility = note.sections[2];
    assert.equal(breadcrumb(note, visibility), 'queue.md › キューまわりの学習メモ › SQS とは › 可視性タイムアウト');
    assert.equal(visibility.parent, 1);
  });

  it('keeps heading, body and whole-section ranges', () => {
    const sqs = note.sections[1];
    assert.equal(QUEUE_NOTE.slice(sqs.headingStart, sqs.headingEnd), '## SQS とは');
    assert.ok(QUEUE_NOTE.slice(sqs.headingEnd, sqs.bodyEnd).includes('FIFO'));
    assert.ok(!QUEUE_NOTE.slice(sqs.headingEnd, sqs.bodyEnd).includes('可視性'));
    assert.ok(QUEUE_NOTE.slice(sqs.headingStart, sqs.end).includes('可視性タイムアウト'));
    assert.ok(!QUEUE_NOTE.slice(sqs.headingStart, sqs.end).includes('組み合わせ'));
  });

  it('records code blocks with their language, and tables as blocks', () => {
    const combo = note.sections[3];
    assert.equal(combo.codeBlocks.length, 1);
    assert.equal(combo.codeBlocks[0].lang, 'json');
    assert.ok(combo.codeBlocks[0].value.includes('sqs:ReceiveMessage'));
    assert.equal(combo.blocks.length, 3);
    assert.ok(note.codeRanges.length === 2);
  });

  it('does not take a # comment inside a code fence for a heading', () => {
    const n = parseNote('file:///x.md', '# A\n\n```python\n# not a heading\nprint(1)\n```\n\n## B\n');
    assert.deepEqual(n.sections.map((s) => s.heading), ['A', 'B']);
  });

  it('gives plain text without markup', () => {
    assert.equal(sectionPlainText(note, note.sections[1]), 'フルマネージドなメッセージキュー 標準キューと FIFO キューがある');
  });

  it('keeps a preamble before the first heading and handles CRLF', () => {
    const n = parseNote('file:///y.md', 'intro SQS\r\n\r\n# Title\r\nbody\r\n');
    assert.equal(n.sections[0].level, 0);
    assert.equal(n.sections[1].heading, 'Title');
  });
});

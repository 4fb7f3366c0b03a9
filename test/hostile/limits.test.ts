// Limits as settings: the parse time budget (a slow note is not re-parsed until its content changes), the
// nesting pre-check and the section cap, on the guard itself and through the server.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ServiceNameMatcher } from '../../server/src/core/recognize/serviceNameMatcher';
import { NotesIndex } from '../../server/src/core/notes/notesIndex';
import { parseNote } from '../../server/src/core/syntax/markdown/parseNote';
import { NoteGuard, type NoteLimits } from '../../server/src/node/noteGuard';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/node/settings';
import { miniData } from '../helpers/miniData';
import { cleanup, hoverSqs, logLines, makeWorkspace, startClient } from './helpers';
import { Requests } from '../../shared/protocol';

function guarded(limits: Partial<NoteLimits>, slowMs = 0) {
  const data = miniData();
  let parses = 0;
  const index = new NotesIndex({ data, names: new ServiceNameMatcher(data.services()) }, (uri, text) => {
    parses++;
    const until = performance.now() + slowMs;
    while (performance.now() < until) {
      /* a parse that blows the budget */
    }
    return parseNote(uri, text);
  });
  const warnings: string[] = [];
  const keys = new Set<string>();
  const warnOnce = (key: string, message: string) => void (keys.has(key) || (keys.add(key), warnings.push(message)));
  const guard = new NoteGuard(index, () => ({ ...DEFAULT_SETTINGS.limits, ...limits }), warnOnce);
  return { index, guard, warnings, parses: () => parses };
}

describe('limits', function () {
  this.timeout(30000);

  it('settings: defaults, and bad values fall back to them', () => {
    assert.deepEqual(DEFAULT_SETTINGS.limits, { maxFileSize: 4 * 1024 * 1024, maxSectionsPerFile: 5000, parseTimeBudgetMs: 2000, maxNestingDepth: 64 });
    const s = normalizeSettings({ 'limits.parseTimeBudgetMs': 50, limits: { maxNestingDepth: -1 } });
    assert.equal(s.limits.parseTimeBudgetMs, 50);
    assert.equal(s.limits.maxNestingDepth, 64);
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).contributes.configuration.properties;
    const nls = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.nls.json'), 'utf8'));
    const nlsJa = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.nls.ja.json'), 'utf8'));
    for (const key of ['parseTimeBudgetMs', 'maxNestingDepth', 'maxFileSize', 'maxSectionsPerFile'] as const) {
      const entry = manifest[`awsNotes.limits.${key}`];
      assert.equal(entry.default, DEFAULT_SETTINGS.limits[key], key);
      const nlsKey = entry.markdownDescription.slice(1, -1);
      assert.ok(nls[nlsKey] && nlsJa[nlsKey], nlsKey);
    }
  });

  it('a note over the parse time budget is logged once and not parsed again until its content changes', () => {
    const { index, guard, warnings, parses } = guarded({ parseTimeBudgetMs: 20 }, 40);
    const text = '# SQS\n\nSQS のメモ\n';
    assert.equal(guard.setText('file:///slow.md', 'slow.md', text), true);
    assert.equal(parses(), 1);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /slow\.md: parsing took \d+ ms \(budget 20 ms, awsNotes\.limits\.parseTimeBudgetMs\); it is not parsed again until it changes/);
    // a re-crawl, a touch, a save without changes: no parse, the indexed note stays
    for (let i = 0; i < 5; i++) assert.equal(guard.setText('file:///slow.md', 'slow.md', text), true);
    assert.equal(parses(), 1);
    assert.ok(index.has('file:///slow.md'));
    // new content: parsed again
    guard.setText('file:///slow.md', 'slow.md', text + '\n追記\n');
    assert.equal(parses(), 2);
    assert.equal(warnings.length, 1, 'logged once per file');
  });

  it('a note that throws while parsing is skipped, logged, and not retried until it changes', () => {
    const data = miniData();
    let calls = 0;
    const index = new NotesIndex({ data, names: new ServiceNameMatcher(data.services()) }, () => {
      calls++;
      throw new RangeError('Maximum call stack size exceeded');
    });
    const warnings: string[] = [];
    const guard = new NoteGuard(index, () => DEFAULT_SETTINGS.limits, (_k, m) => warnings.push(m));
    assert.equal(guard.setText('file:///bad.md', 'bad.md', 'x'), false);
    assert.equal(guard.setText('file:///bad.md', 'bad.md', 'x'), false);
    assert.equal(calls, 1);
    assert.match(warnings[0], /bad\.md: skipped: the note could not be parsed \(Maximum call stack size exceeded\)/);
    assert.equal(index.has('file:///bad.md'), false);
  });

  it('the nesting pre-check skips pathological notes before any parser sees them', () => {
    const { index, guard, warnings, parses } = guarded({ maxNestingDepth: 64 });
    assert.equal(guard.setText('file:///q.md', 'q.md', '# q\n\n' + '> '.repeat(65) + 'SQS\n'), false);
    assert.equal(guard.setText('file:///l.md', 'l.md', '# l\n\n' + Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')), false);
    assert.equal(parses(), 0);
    assert.equal(warnings.length, 2);
    // deep indentation inside a fenced code block is code, not nesting
    assert.equal(guard.setText('file:///c.md', 'c.md', '# c\n\n```yaml\n' + Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i)}- k: v`).join('\n') + '\n```\n'), true);
    assert.ok(index.has('file:///c.md'));
  });

  it('the section cap keeps the first N sections, and no mention past them', () => {
    const { index, guard, warnings } = guarded({ maxSectionsPerFile: 3 });
    const text = Array.from({ length: 10 }, (_, i) => `## 見出し${i}\n\n${i < 3 ? 'SQS' : 'Lambda'} ${i}\n`).join('\n');
    guard.setText('file:///many.md', 'many.md', text);
    assert.equal(index.get('file:///many.md')!.sections.length, 3);
    assert.equal(index.hitsForService('lambda').length, 0);
    assert.ok(index.hitsForService('sqs').length > 0);
    assert.match(warnings[0], /many\.md: 10 sections; only the first 3 are indexed/);
  });

  it('through the server: a slow note is logged with its measured time, the server keeps answering', async () => {
    const w = makeWorkspace('hostile-budget');
    // Goes to remark (a reference definition), big enough to take more than 1 ms.
    fs.writeFileSync(path.join(w.notes, 'slow.md'), '# 遅いノート\n\n[ref]: https://example.com\n\n' + '## SQS の節\n\nSQS *強調* `code` [ref]\n\n'.repeat(800));
    const client = await startClient('note over a 1 ms parse budget', { workspace: w.ws, settings: { limits: { parseTimeBudgetMs: 1 } } });
    try {
      const lines = logLines(client, 'slow.md');
      assert.equal(lines.length, 1, JSON.stringify(lines));
      assert.match(lines[0], /parsing took \d+ ms \(budget 1 ms/);
      await hoverSqs(client, 'note over a 1 ms parse budget', /SQS/);
      await client.connection.sendRequest(Requests.reindex);
      assert.equal(logLines(client, 'slow.md').length, 1);
    } finally {
      await client.stop();
      cleanup(w.root);
    }
  });
});

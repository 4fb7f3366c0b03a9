// The cold crawl's growing file list (fileFeed.ts) and the walk that grows it (discoverNotes' onFound): the scan
// workers claim files as they are published, never past them, and are done only once the list is complete.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { claimFiles, FeedReader, FileFeed } from '../../../server/src/node/fileFeed';
import { discoverNotes, NoteMatcher, resolveRoots } from '../../../server/src/node/noteDiscovery';

describe('file feed (the walk hands notes to the scan workers as it finds them)', () => {
  it('claims only what is published, and ends only when the list is complete', () => {
    const feed = new FileFeed();
    assert.deepEqual(claimFiles(feed.counters, 2, false), [0, 0]); // nothing yet, not complete: try later
    feed.push(['a', 'b', 'c'], ['ua', 'ub', 'uc']);
    assert.deepEqual(claimFiles(feed.counters, 2, false), [0, 2]);
    assert.deepEqual(claimFiles(feed.counters, 2, false), [2, 3]); // never past the published count
    assert.deepEqual(claimFiles(feed.counters, 2, false), [3, 3]);
    feed.push(['d'], ['ud']);
    feed.end();
    assert.deepEqual(claimFiles(feed.counters, 2, false), [3, 4]); // published before the end: still claimed
    assert.equal(claimFiles(feed.counters, 2, false), undefined);
    assert.equal(claimFiles(feed.counters, 2, true), undefined); // a complete list never makes a worker wait
    assert.deepEqual(feed.files, ['a', 'b', 'c', 'd']);
    assert.deepEqual(feed.uris, ['ua', 'ub', 'uc', 'ud']);
    assert.throws(() => feed.push(['e'], ['ue']));
  });

  it("a worker's copy gets the chunks published after its job, in order", () => {
    const feed = new FileFeed(['a'], ['ua']);
    const { port1, port2 } = new MessageChannel();
    const known = feed.attach(port1);
    assert.deepEqual(known, { files: ['a'], uris: ['ua'] });
    feed.push(['b', 'c'], ['ub', 'uc']);
    feed.push(['d'], ['ud']);
    const reader = new FeedReader(known.files, known.uris, port2, 2);
    reader.ensure(4);
    assert.deepEqual(reader.files, ['a', 'b', 'c', 'd']);
    assert.deepEqual(reader.uris, ['ua', 'ub', 'uc', 'ud']);
    // Detached (its worker is done): no more chunks for it.
    feed.detach(port1);
    feed.push(['e'], ['ue']);
    assert.throws(() => reader.ensure(5), /4 of 5/);
    port1.close();
  });

  it('the walk tells every note once, in name order, before it settles; never an excluded one', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-feed-'));
    try {
      for (let d = 0; d < 4; d++) {
        fs.mkdirSync(path.join(tmp, `d${d}`));
        for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(tmp, `d${d}`, `n${String(i).padStart(3, '0')}.md`), `# N${i}\n`);
      }
      fs.mkdirSync(path.join(tmp, 'node_modules'));
      fs.writeFileSync(path.join(tmp, 'node_modules', 'x.md'), '# X\n');
      fs.writeFileSync(path.join(tmp, 'd0', 'not-a-note.txt'), 'x');
      const matcher = new NoteMatcher(resolveRoots([], [tmp]), ['**/node_modules/**']);
      const chunks: string[][] = [];
      const found = await discoverNotes(matcher, 64, undefined, { onFound: (files) => chunks.push(files) });
      const told = chunks.flat();
      assert.ok(chunks.length > 1, `${chunks.length} chunks`); // told as found, not all at the end
      assert.equal(told.length, 400);
      assert.deepEqual([...told].sort(), found.files);
      // Name order within each folder, folders in name order: the walk's order is the same every time.
      assert.deepEqual(told, found.files);
      assert.ok(!told.some((f) => f.includes('node_modules') || f.endsWith('.txt')));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

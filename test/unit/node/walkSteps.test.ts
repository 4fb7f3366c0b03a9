// Issue 16 (the stream during the crawl): the cold walk runs on the request thread, so it yields in short steps,
// checked per entry (not only per folder), and not at all while a message is being answered (requestGate.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverNotes, NoteMatcher, resolveRoots, WALK_STEP_MS } from '../../../server/src/node/noteDiscovery';
import { inputArrived, messageHandled } from '../../../server/src/node/requestGate';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('walk steps (the cold walk yields to requests)', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-walk-'));
    fs.mkdirSync(path.join(tmp, 'one'));
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(tmp, 'one', `n${String(i).padStart(3, '0')}.md`), `# N${i}\n`);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('yields inside a large folder once a step has run WALK_STEP_MS', async () => {
    // A clock that moves 1 ms per reading: a step ends every few entries, whatever the machine's speed.
    const real = performance.now.bind(performance);
    let fake = real();
    performance.now = () => (fake += 1);
    const chunks: string[][] = [];
    let turns = 0;
    let walking = true;
    const ticker = (async () => {
      while (walking) {
        await turn();
        turns++;
      }
    })();
    try {
      const found = await discoverNotes(new NoteMatcher(resolveRoots([], [tmp]), []), 64, undefined, { onFound: (files) => chunks.push(files) });
      assert.equal(found.files.length, 300);
    } finally {
      performance.now = real;
      walking = false;
      await ticker;
    }
    assert.deepEqual(chunks.flat().sort(), chunks.flat().sort().filter((f, i, a) => a.indexOf(f) === i), 'every note told once');
    assert.equal(chunks.flat().length, 300);
    // Every yield tells the notes found so far: far more chunks than the 3 that 128-note chunks would make.
    assert.ok(chunks.length >= 300 / (WALK_STEP_MS + 1), `${chunks.length} chunks`);
    assert.ok(turns >= chunks.length - 1, `${turns} event-loop turns for ${chunks.length} steps`);
  });

  it('does not walk while a message is being answered, and goes on after its answer', async () => {
    inputArrived();
    const chunks: string[][] = [];
    let done = false;
    const walk = discoverNotes(new NoteMatcher(resolveRoots([], [tmp]), []), 64, undefined, { onFound: (files) => chunks.push(files) }).then((r) => ((done = true), r));
    for (let i = 0; i < 20; i++) await turn();
    assert.equal(done, false, 'walked while the request was pending');
    assert.equal(chunks.flat().length, 0);
    messageHandled();
    const found = await walk;
    assert.equal(found.files.length, 300);
    assert.equal(chunks.flat().length, 300);
  });
});

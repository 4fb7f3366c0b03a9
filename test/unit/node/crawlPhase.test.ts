import * as assert from 'node:assert/strict';
import { CrawlPhase } from '../../../server/src/node/crawlPhase';

/** Whether `promise` has settled by the time the microtasks queued now have run. */
async function isSettled(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('CrawlPhase: what idle-time work waits for', () => {
  it('is inactive and settled before any crawl, active and pending during a run, settled after it', async () => {
    const phase = new CrawlPhase();
    assert.equal(phase.active, false);
    assert.equal(await isSettled(phase.settled), true);
    const run = phase.begin();
    assert.equal(phase.active, true);
    const waiting = phase.settled;
    assert.equal(await isSettled(waiting), false);
    phase.end(run);
    assert.equal(phase.active, false);
    assert.equal(await isSettled(waiting), true);
  });

  it("a newer crawl's run replaces the older one: the older ends, and ending it again does not end the newer", async () => {
    const phase = new CrawlPhase();
    const older = phase.begin();
    const newer = phase.begin();
    assert.equal(await isSettled(older.done), true);
    phase.end(older); // the older crawl's finally block runs late
    assert.equal(phase.active, true);
    assert.equal(await isSettled(phase.settled), false);
    phase.end(newer);
    assert.equal(phase.active, false);
    assert.equal(await isSettled(newer.done), true);
  });

  it('ending nothing (a crawl that never entered the phase) changes nothing', async () => {
    const phase = new CrawlPhase();
    const run = phase.begin();
    phase.end(undefined);
    assert.equal(phase.active, true);
    assert.equal(await isSettled(run.done), false);
  });
});

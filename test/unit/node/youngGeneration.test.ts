// The crawl scavenges between its slices once the young generation holds more than a few MB (issue 16: short minor
// GC pauses instead of V8's own, which copied 16 MB semi-spaces' worth of survivors inside requests).
import * as assert from 'node:assert/strict';
import { scavengeIfFilled, youngBytesInUse } from '../../../server/src/node/youngGeneration';

describe('youngGeneration', () => {
  it('does nothing while the young generation holds less than the threshold', () => {
    assert.equal(scavengeIfFilled(Number.MAX_SAFE_INTEGER), false);
  });

  it('scavenges when it holds more: what it held is moved out of it', () => {
    let kept: unknown[] = [];
    // Garbage and survivors: the young generation holds more than 256 KB whatever V8 did before.
    for (let i = 0; i < 20_000; i++) kept.push({ i, s: `note ${i}`.repeat(3) });
    const before = youngBytesInUse();
    assert.ok(before > 256 * 1024, `${before} bytes in use`);
    assert.equal(scavengeIfFilled(256 * 1024), true);
    const after = youngBytesInUse();
    assert.ok(after < before, `${after} bytes after a scavenge, ${before} before`);
    assert.equal(kept.length, 20_000);
    kept = [];
  });
});

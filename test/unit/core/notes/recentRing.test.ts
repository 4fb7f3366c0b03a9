import assert from 'node:assert/strict';
import { RecentRing } from '../../../../server/src/core/notes/recentRing';

describe('RecentRing', () => {
  it('releases each value once, after `size` newer ones were kept, oldest first', () => {
    const ring = new RecentRing(3);
    const released: number[] = [];
    for (let i = 0; i < 10; i++) ring.keep(() => released.push(i));
    assert.deepEqual(released, [0, 1, 2, 3, 4, 5, 6]);
  });

  it('keeps the last `size` values', () => {
    const ring = new RecentRing(1);
    const released: string[] = [];
    ring.keep(() => released.push('a'));
    assert.equal(released.length, 0);
    ring.keep(() => released.push('b'));
    assert.deepEqual(released, ['a']);
  });
});

// The query ranking's sort in bounded steps (issue 16) returns exactly what Array.prototype.sort (stable) returns.
import * as assert from 'node:assert/strict';
import { sortInSteps } from '../../../../server/src/core/notes/sortInSteps';

/** A small deterministic generator (no Math.random: a failure must be reproducible). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

interface Item {
  key: number;
  id: number;
}
const byKey = (a: Item, b: Item) => a.key - b.key;

function run<T>(steps: Generator<void, T>): { value: T; steps: number } {
  let count = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: count };
    count++;
  }
}

describe('sortInSteps (stable sort in bounded steps)', () => {
  it('equals the stable built-in sort, ties in input order, for many sizes and run lengths', () => {
    const random = lcg(7);
    for (const size of [0, 1, 2, 5, 16, 17, 63, 64, 65, 200, 1000, 4099]) {
      for (const runLength of [1, 2, 3, 16, 64, 2048]) {
        // Few distinct keys: most comparisons are ties, which only a stable merge keeps in order.
        const items = Array.from({ length: size }, (_, id) => ({ key: Math.floor(random() * 7), id }));
        const expected = [...items].sort(byKey);
        const { value } = run(sortInSteps([...items], byKey, runLength));
        assert.deepEqual(value.map((x) => x.id), expected.map((x) => x.id), `size ${size}, runs of ${runLength}`);
      }
    }
  });

  it('yields between runs and within merges: no step sorts or merges more than a run of items', () => {
    const random = lcg(11);
    const items = Array.from({ length: 10_000 }, (_, id) => ({ key: random(), id }));
    let compares = 0;
    let most = 0;
    let sinceYield = 0;
    const counting = (a: Item, b: Item) => {
      compares++;
      sinceYield++;
      return byKey(a, b);
    };
    const steps = sortInSteps([...items], counting, 256);
    for (let step = steps.next(); !step.done; step = steps.next()) {
      most = Math.max(most, sinceYield);
      sinceYield = 0;
    }
    assert.ok(compares > 10_000, 'it did sort');
    // A run of 256 sorts in ≤ 256·log2(256) compares; a merge step compares at most 256 times.
    assert.ok(most <= 256 * 8 + 256, `at most one run's work per step (saw ${most} compares)`);
    const { steps: count } = run(sortInSteps([...items], byKey, 256));
    assert.ok(count >= 10_000 / 256, 'many steps');
  });

  it('small inputs are one built-in sort, no step', () => {
    const { value, steps } = run(sortInSteps([3, 1, 2], (a, b) => a - b, 4));
    assert.deepEqual(value, [1, 2, 3]);
    assert.equal(steps, 0);
  });
});

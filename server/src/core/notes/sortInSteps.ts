// Issue 16: a query ranking runs in bounded steps while the crawl runs, but its last step sorted every hit of the
// service at once (tens of thousands at 10k notes: one step of tens of ms that requests waited behind). This is the
// same stable sort in steps: runs sorted by Array.prototype.sort, then merged pairwise, yielding every RUN items.
// Ties keep their input order in both (the earlier run wins a tie), so the result is what `items.sort` returns.
const RUN = 2048;

export function* sortInSteps<T>(items: T[], compare: (a: T, b: T) => number, run = RUN): Generator<void, T[]> {
  if (items.length <= run) return items.sort(compare);
  let runs: T[][] = [];
  for (let i = 0; i < items.length; i += run) {
    runs.push(items.slice(i, i + run).sort(compare));
    yield;
  }
  while (runs.length > 1) {
    const next: T[][] = [];
    for (let r = 0; r + 1 < runs.length; r += 2) next.push(yield* mergeInSteps(runs[r], runs[r + 1], compare, run));
    if (runs.length % 2) next.push(runs[runs.length - 1]);
    runs = next;
  }
  return runs[0];
}

/** Merges two sorted runs (a tie takes `a`'s item first), yielding every `every` items. */
function* mergeInSteps<T>(a: T[], b: T[], compare: (x: T, y: T) => number, every: number): Generator<void, T[]> {
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    out[n++] = compare(b[j], a[i]) < 0 ? b[j++] : a[i++];
    if (n % every === 0) yield;
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out;
}

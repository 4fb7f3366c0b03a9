// The V8 flags the server runs with, set before the bundle is compiled (codeCacheLoader.ts) and again by main.ts
// (a no-op when set): V8 accepts a code cache only under the flags it was made with, so a flag first set later (the
// scan worker's and the crawl's `gc`, see youngGeneration.ts) made the cache written after it rejected at every start.
import { setFlagsFromString } from 'node:v8';

const NO_YOUNG_GROWTH = '--semi-space-growth-factor=1';

export const SERVER_V8_FLAGS = [
  // The crawl's phase 2 scans notes (short-lived block trees) between mention slices; with allocation-site
  // pretenuring V8 sometimes starts allocating those trees in the old generation, and the peak RSS at `indexed`
  // then doubled (≈550 instead of ≈280 MB at 10k notes, one cold start in three). Measured: no such peaks without it.
  '--no-allocation-site-pretenuring',
  // `gc` for a fresh context (never the server's own global): the crawl's short scavenges and the scan worker's
  // full collections.
  '--expose-gc',
  // Issue 16: a parallel scavenge waits for V8's helper threads, which a loaded machine does not run: the crawl's
  // scavenges took 1.5–2 ms of CPU but 4.4–6.3 ms of wall time (p50, load 7–9). Single-threaded they are as short.
  '--no-parallel-scavenge',
  // Issue 16 (peak RSS): young generations do not grow (youngGeneration.ts grows the request thread's to its cap
  // once). V8's heap set-up never uses a factor below 2: creating an isolate (a worker) resets it.
  NO_YOUNG_GROWTH,
];

export function setServerV8Flags(): void {
  for (const flag of SERVER_V8_FLAGS) setFlagsFromString(flag);
}

/**
 * Lets young generations grow by `factor` (2 or more) at V8's next growth, or holds them (false: the server's flag).
 * Only youngGeneration.ts lets them grow, synchronously: the code cache is never made under another flag.
 */
export function setYoungGenerationGrowth(factor: number | false): void {
  setFlagsFromString(factor ? `--semi-space-growth-factor=${Math.max(2, Math.floor(factor))}` : NO_YOUNG_GROWTH);
}

// Issue 16 (hovers never wait during the crawl): what the crawl applies on this thread survives (it is the index),
// so each scavenge of V8's young generation (16 MB semi-spaces) copied megabytes of it: traced at 10k notes, ~65
// minor GC pauses per cold crawl, p50 12 ms, up to 60 ms, the largest cause of slow stream requests. A scavenge
// copies what survived since the last one, so scavenging between the crawl's slices, once the young generation holds
// a few MB, keeps every pause short for about the same total GC time.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Worker } from 'node:worker_threads';
import { span, traceNow, tracing } from './sliceTrace';
import { setYoungGenerationGrowth } from './v8Flags';

/** Young-generation bytes in use above which the crawl scavenges between its slices. */
export const SCAVENGE_ABOVE_BYTES = 2 * 1024 * 1024;

let gc: ((options: { type: 'minor' }) => void) | undefined | null;
let newSpace = -1;

/** V8's `gc`, exposed to a fresh context only (the flag is one of v8Flags.ts's; set here too for a server started otherwise). */
function minorGc(): ((options: { type: 'minor' }) => void) | undefined {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
    } catch {
      gc = null; // not available (another runtime): V8 scavenges when it must, as before
    }
  }
  return gc ?? undefined;
}

function newSpaceStatistics() {
  const spaces = getHeapSpaceStatistics();
  if (spaces[newSpace]?.space_name !== 'new_space') newSpace = spaces.findIndex((s) => s.space_name === 'new_space');
  return newSpace < 0 ? undefined : spaces[newSpace];
}

/** Bytes in use in this isolate's young generation (semi-space). */
export function youngBytesInUse(): number {
  return newSpaceStatistics()?.space_used_size ?? 0;
}

/** Bytes this isolate's young generation takes (both semi-spaces). */
export function youngBytesCommitted(): number {
  return newSpaceStatistics()?.space_size ?? 0;
}

/** The request thread's young generation: two 4 MB semi-spaces. */
export const YOUNG_CAP_BYTES = 8 * 1024 * 1024;

/** Workers being started: their isolates' set-up resets V8's growth factor meanwhile (see withYoungGenerationHeld). */
let starting = 0;

/**
 * Issue 16 (peak RSS): V8 grew the request thread's young generation to two 16 MB semi-spaces, 32 MB beside the
 * index at the crawl's peak, although the crawl scavenges every few MB (scavengeIfFilled). Measured at 10k notes
 * with it held at 8 MB: VmHWM at `indexed` 244–247 instead of 261–266 MB, the same CPU, first symbol and stream
 * p99; at 2 MB (never grown) no gain: more survived into the old generation. V8 takes a limit only at launch
 * (--max-semi-space-size), so young generations do not grow (the server's flags) but here: survivors of a minor GC
 * or two make V8 grow this isolate's to `cap` (a few ms, at the server's start; again if a worker's start kept it
 * small, once that worker has started). Synchronous: the flag is the server's again after it. Not while a worker
 * starts (see below). At the start rather than later: kept at V8's initial 2 MB until the crawl's end, start-up and
 * the data the first template hover loads were promoted into the old generation, and that hover (sent right after
 * `indexed`, small workspace) took 25–31 instead of 13–21 ms.
 */
export function growYoungGeneration(cap = YOUNG_CAP_BYTES): void {
  if (starting > 0 || !minorGc()) return;
  for (let round = 0; round < 4; round++) {
    const size = youngBytesCommitted();
    if (size <= 0 || size >= cap) return;
    // The factor that lands on the cap from the size it has (a start may have left it at twice V8's initial size);
    // a power of two, as V8's sizes are, and never past the cap (none when less than doubling is left).
    const factor = 2 ** Math.floor(Math.log2(cap / size));
    if (factor < 2) return;
    survive(1, factor);
  }
}

/**
 * Makes `mb` MB survive a minor GC (64 KB arrays: below V8's large-object size, so they are copied); with
 * `growBy`, that GC grows the young generation by that factor: only that one, not a scavenge the allocation made.
 */
function survive(mb: number, growBy?: number): void {
  let survivors: number[][] = [];
  for (let i = 0; i < 16 * mb; i++) survivors.push(new Array<number>(8000).fill(1.5));
  if (growBy) setYoungGenerationGrowth(growBy);
  try {
    minorGc()?.({ type: 'minor' });
  } finally {
    if (growBy) setYoungGenerationGrowth(false);
  }
  survivors = [];
}

/**
 * Creates a worker (`create`) without letting this isolate's young generation grow past its cap: the worker's
 * isolate set-up resets V8's growth factor (to 2) until the worker's first statement sets the server's flags again,
 * and scavenges meanwhile may grow it (traced: two in three cold starts, 8 → 16 MB, while the crawl walked the
 * folders). Below its cap it may (growYoungGeneration runs once the worker has started); at its cap (as it is from
 * the server's start, so at every crawl) the factor is set back every ms, and V8's growth check is run just before
 * (that many survivors, ~10 ms), after which it grows only once a semi-space's worth has survived again.
 */
export function withYoungGenerationHeld(create: () => Worker): Worker {
  holdYoungGeneration();
  if (youngBytesCommitted() >= YOUNG_CAP_BYTES && minorGc()) survive(Math.ceil(youngBytesCommitted() / 2 / (1024 * 1024)) + 1);
  const worker = create();
  starting++;
  const timer = setInterval(holdYoungGeneration, 1);
  timer.unref();
  let done = false;
  const started = () => {
    if (done) return;
    done = true;
    clearInterval(timer);
    holdYoungGeneration();
    starting--;
    growYoungGeneration();
  };
  worker.once('online', started);
  worker.once('exit', started);
  return worker;
}

/** Young generations stay as they are: creating a worker's isolate resets V8's growth factor to its default. */
export function holdYoungGeneration(): void {
  setYoungGenerationGrowth(false);
}

/** Scavenges now when the young generation holds more than `above` bytes; true when it did. */
export function scavengeIfFilled(above = SCAVENGE_ABOVE_BYTES): boolean {
  // Between the crawl's slices: also after its scan workers' isolates were created (~3 µs).
  holdYoungGeneration();
  if (youngBytesInUse() <= above) return false;
  const collect = minorGc();
  if (!collect) return false;
  const start = tracing ? traceNow() : 0;
  collect({ type: 'minor' });
  if (tracing) span('crawl:scavenge', start);
  return true;
}

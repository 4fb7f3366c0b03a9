// Issue 16 (hovers never wait during the crawl): what the crawl applies on this thread survives (it is the index),
// so each scavenge of V8's young generation (16 MB semi-spaces) copied megabytes of it: traced at 10k notes, ~65
// minor GC pauses per cold crawl, p50 12 ms, up to 60 ms, the largest cause of slow stream requests. A scavenge
// copies what survived since the last one, so scavenging between the crawl's slices, once the young generation holds
// a few MB, keeps every pause short for about the same total GC time.
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { span, traceNow, tracing } from './sliceTrace';

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

/** Bytes in use in this isolate's young generation (semi-space). */
export function youngBytesInUse(): number {
  const spaces = getHeapSpaceStatistics();
  if (spaces[newSpace]?.space_name !== 'new_space') newSpace = spaces.findIndex((s) => s.space_name === 'new_space');
  return newSpace < 0 ? 0 : spaces[newSpace].space_used_size;
}

/** Scavenges now when the young generation holds more than `above` bytes; true when it did. */
export function scavengeIfFilled(above = SCAVENGE_ABOVE_BYTES): boolean {
  if (youngBytesInUse() <= above) return false;
  const collect = minorGc();
  if (!collect) return false;
  const start = tracing ? traceNow() : 0;
  collect({ type: 'minor' });
  if (tracing) span('crawl:scavenge', start);
  return true;
}

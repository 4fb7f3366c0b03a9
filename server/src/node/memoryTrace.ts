// Opt-in memory timeline (AWS_NOTES_TRACE_MEMORY=<file>): every thread appends one JSON line per sample (process
// RSS, this isolate's heap spaces, external and array-buffer memory), so that where the peak RSS comes from can be
// read afterwards. Off by default: nothing is sampled.
import * as fs from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

const file = process.env.AWS_NOTES_TRACE_MEMORY;
const MB = 1024 * 1024;
let last = 0;

/** Appends one sample of this thread (at most every `everyMs`; 0: always). */
export function sampleMemory(tag: string, everyMs = 50): void {
  if (!file) return;
  const now = performance.now();
  if (everyMs && now - last < everyMs) return;
  last = now;
  const m = process.memoryUsage();
  const spaces: Record<string, number> = {};
  for (const s of getHeapSpaceStatistics()) spaces[s.space_name.replace('_space', '')] = Math.round(s.space_size / MB);
  const line = { t: Math.round(performance.timeOrigin + now), thread: isMainThread ? 'main' : 'worker', tag, rss: Math.round(m.rss / MB), heapUsed: Math.round(m.heapUsed / MB), heapTotal: Math.round(m.heapTotal / MB), external: Math.round(m.external / MB), arrayBuffers: Math.round(m.arrayBuffers / MB), spaces };
  fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
}

/** Samples the main thread every `everyMs` (timer unref'd) when tracing. */
export function traceMemoryOnTimer(everyMs = 50): void {
  if (!file) return;
  setInterval(() => sampleMemory('timer', 0), everyMs).unref();
}

// Opt-in trace of the request thread (issue 16's latency tails): which idle slice, GC pause or request a slow
// request waited behind. AWS_NOTES_TRACE_SLICES=<file> appends one JSON line per span (epoch ms, so a client can
// line its own timestamps up with them); unset, `traced` returns the function itself and `span` is never called.
// (`node --trace-gc` cannot be used on a stdio server: it prints to stdout, the protocol channel.)
import * as fs from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';

const target = process.env.AWS_NOTES_TRACE_SLICES;
export const tracing = !!target && target !== '0';

let lines: string[] = [];
const epoch = (t: number) => Math.round((performance.timeOrigin + t) * 1000) / 1000;

/** The process's CPU time at each open span's start (by its start time): a span whose CPU time is much less than
 * its wall time was preempted (a loaded machine), not slow. */
const cpuAt = new Map<number, number>();
/**
 * This thread's own scheduler counters on Linux (`/proc/thread-self/schedstat`: ns on a CPU, ns waiting in a run
 * queue), opened once here on the main thread. process.cpuUsage() counts every thread: while the scan worker keeps
 * a core busy it reads ≈ wall time even for a span during which this thread was not running at all.
 */
const schedstat = (() => {
  if (!tracing) return undefined;
  try {
    return fs.openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
})();
const statBuffer = Buffer.alloc(96);
/** [ms on a CPU, ms waiting for one] of this thread, or undefined off Linux. */
function threadTimes(): [number, number] | undefined {
  if (schedstat === undefined) return undefined;
  const n = fs.readSync(schedstat, statBuffer, 0, statBuffer.length, 0);
  const [run, wait] = statBuffer.toString('latin1', 0, n).split(' ');
  return [Number(run) / 1e6, Number(wait) / 1e6];
}
const cpuMs = () => {
  const own = threadTimes();
  if (own) return own[0];
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The start of a span (performance.now()), with the CPU time at that moment. */
export function traceNow(): number {
  const now = performance.now();
  cpuAt.set(now, cpuMs());
  return now;
}

/** One span of main-thread work, from `start` (performance.now(), from traceNow to know its CPU time) to now. */
export function span(label: string, start: number, end = performance.now(), extra = ''): void {
  const cpuStart = cpuAt.get(start);
  let cpu = '';
  if (cpuStart !== undefined) {
    cpuAt.delete(start);
    cpu = `,"c":${(cpuMs() - cpuStart).toFixed(2)}`;
  }
  lines.push(`{"l":${JSON.stringify(label)},"s":${epoch(start)},"e":${epoch(end)}${cpu}${extra}}`);
}

/**
 * A request's way through this thread, for the stream's tails: when its bytes came in (`io:in`) and when its answer
 * was handed to stdout (`io:out`, with the message's id), each with this thread's run-queue wait so far ("w", ms).
 */
export function traceStdio(): void {
  if (!tracing) return;
  const point = (label: string, extra = '') => {
    const now = performance.now();
    const w = threadTimes()?.[1];
    lines.push(`{"l":"${label}","s":${epoch(now)},"e":${epoch(now)}${w === undefined ? '' : `,"w":${w.toFixed(3)}`}${extra}}`);
  };
  process.stdin.prependListener('data', () => point('io:in'));
  const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
  (process.stdout as { write: unknown }).write = (chunk: unknown, ...rest: unknown[]) => {
    const head = typeof chunk === 'string' ? chunk.slice(0, 40) : Buffer.isBuffer(chunk) ? chunk.toString('latin1', 0, 40) : '';
    // Answers only: the server's own requests to the client have ids of their own counter.
    const id = /^\{"jsonrpc":"2\.0","id":(\d+),"(?:result|error)"/.exec(head)?.[1];
    const result = write(chunk, ...rest);
    if (id) point('io:out', `,"id":${id}`);
    return result;
  };
}

/** `fn`, recorded as a span named `label` each time it runs (only while tracing). */
export function traced<A extends unknown[], R>(label: string, fn: (...args: A) => R): (...args: A) => R {
  if (!tracing) return fn;
  return (...args: A) => {
    const start = traceNow();
    try {
      return fn(...args);
    } finally {
      span(label, start);
    }
  };
}

function flush(): void {
  if (!lines.length || !target) return;
  const start = traceNow();
  const out = lines;
  lines = [];
  fs.appendFileSync(target, out.join('\n') + '\n');
  span('trace:flush', start);
}

if (tracing) {
  // GC pauses with V8's own start times (kind 1 scavenge, 2 mark-compact, 4 incremental marking, 8 weak callbacks).
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind ?? 0;
      span(`gc:${kind === 1 ? 'minor' : kind === 2 ? 'major' : kind === 4 ? 'incremental' : `kind${kind}`}`, entry.startTime, entry.startTime + entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  // Whatever ran without a label: the loop was blocked from the last 1 ms tick until this one (> 3 ms only).
  // Its CPU time tells work (≈ wall) from a process the machine did not run (≈ 0).
  // "w": how long this thread waited in a run queue meanwhile (the machine did not run it; Linux only).
  let last = performance.now();
  let lastCpu = cpuMs();
  let lastWait = threadTimes()?.[1];
  setInterval(() => {
    const now = performance.now();
    const cpu = cpuMs();
    const wait = threadTimes()?.[1];
    const waited = wait !== undefined && lastWait !== undefined ? `,"w":${(wait - lastWait).toFixed(2)}` : '';
    if (now - last > 4) lines.push(`{"l":"loop:blocked","s":${epoch(last + 1)},"e":${epoch(now)},"c":${(cpu - lastCpu).toFixed(2)}${waited}}`);
    last = now;
    lastCpu = cpu;
    lastWait = wait;
  }, 1).unref();
  setInterval(flush, 500).unref();
  process.on('exit', flush);
}

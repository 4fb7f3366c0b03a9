// Issue 16 (hovers never wait during the crawl): the scan worker keeps a core busy for the whole cold crawl, and on
// a machine with few cores it competes with the request thread for it. Measured at 10k notes (2 cores, load ≈ 2):
// the request thread waited 5.8 s in a run queue during a 10.8 s crawl, and each of its 3 ms apply slices took
// ≈ 8 ms of wall time. A worker that is nicer than the request thread yields the core whenever a request comes in,
// and still has it whenever nothing else wants it.
import * as fs from 'node:fs';
import * as os from 'node:os';

/** Lowers the priority of the calling thread by `nice` steps (Linux: a thread's own id; elsewhere nothing). */
export function lowerThisThreadPriority(nice: number): boolean {
  if (!(nice > 0) || process.platform !== 'linux') return false;
  try {
    // "<pid>/task/<tid>": setpriority on a thread id changes that thread alone.
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    os.setPriority(tid, Math.min(19, os.getPriority(tid) + Math.round(nice)));
    return true;
  } catch {
    return false; // not allowed or not supported: the crawl runs as before
  }
}

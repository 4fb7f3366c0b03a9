// The arguments and files of a traced run (AWS_NOTES_TRACE_SLICES=<file>): the server's spans in <file>, the
// client's samples in <file>.client.jsonl. Shared by traceTails.mjs and diagnostics/streamWaits.mjs.
import fs from 'node:fs';

/** `<trace file> [thresholdMs]` from the command line; prints `usage` and exits without a file. */
export function traceArgs(usage) {
  const file = process.argv[2];
  if (!file) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return { file, threshold: Number(process.argv[3] ?? 10) };
}

const readLines = (f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

/** The index of the first span in `list` (sorted by start) that starts at or after `t`. */
export function firstFrom(list, t) {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].s < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The server's spans (by start) and the client's samples (as written). */
export function readTrace(file) {
  return { spans: readLines(file).sort((a, b) => a.s - b.s), samples: readLines(`${file}.client.jsonl`) };
}

/** How long span `x` overlaps [s, e]. */
export const overlap = (x, s, e) => Math.max(0, Math.min(e, x.e) - Math.max(s, x.s));

/** For `list` (sorted by start): a function giving the spans that overlap [s, e], without scanning every span. */
export function overlappingIn(list) {
  const longest = list.reduce((m, x) => Math.max(m, x.e - x.s), 0);
  return (s, e) => {
    const out = [];
    for (let i = firstFrom(list, e) - 1; i >= 0 && list[i].s > s - longest; i--) if (list[i].e > s) out.push(list[i]);
    return out.reverse(); // by start, as the list
  };
}

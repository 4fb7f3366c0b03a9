// Lines up every slow request of a traced bench run with what the server's main thread did meanwhile (issue 16's
// tails). Run the bench with AWS_NOTES_TRACE_SLICES=<file>, then `node bench/traceTails.mjs <file> [thresholdMs]`.
// Each slow sample is attributed to the one cause that took most of its wall time: its own handler, another span
// (an idle slice, a cache-write step, another request), a GC pause, unlabelled blocking, or none of these
// (transport and scheduling: the time the server's main thread was not running anything we know of).
import { overlap, overlappingIn, readTrace, traceArgs } from './traceFile.mjs';

const { file, threshold } = traceArgs('node bench/traceTails.mjs <trace file> [thresholdMs]');
const { spans, samples } = readTrace(file);
const OWN = { hover: ['msg:textDocument/hover'], completion: ['msg:textDocument/completion'], search: ['msg:awsNotes/searchSections'], stream: ['msg:textDocument/hover', 'msg:textDocument/completion'] };
const overlapping = overlappingIn(spans);
const family = (label) => (label.startsWith('gc:') ? label : label.startsWith('msg:') ? 'other request' : label);

const byKind = {};
const detail = [];
for (const sample of samples) {
  if (!OWN[sample.k]) continue;
  const kind = (byKind[sample.k] ??= { samples: 0, slow: 0, causes: {} });
  kind.samples++;
  const wall = sample.e - sample.s;
  if (wall <= threshold) continue;
  kind.slow++;
  const around = overlapping(sample.s, sample.e);
  // The sample's own dispatch: the last span of its method that starts inside the window.
  const own = around.filter((x) => OWN[sample.k].includes(x.l) && x.s >= sample.s).sort((a, b) => b.s - a.s)[0];
  const share = {};
  const gcIn = (w) => around.filter((x) => x.l.startsWith('gc:')).reduce((t, x) => t + overlap(x, w.s, w.e), 0);
  if (own) share['own handler'] = overlap(own, sample.s, sample.e) - gcIn(own);
  let labelled = 0;
  for (const x of around) {
    if (x === own || x.l === 'loop:blocked') continue;
    const ms = overlap(x, sample.s, sample.e) - (x.l.startsWith('gc:') ? 0 : gcIn(x));
    share[family(x.l)] = (share[family(x.l)] ?? 0) + ms;
    labelled += ms;
  }
  const blockedSpans = around.filter((x) => x.l === 'loop:blocked');
  const blocked = blockedSpans.reduce((t, x) => t + overlap(x, sample.s, sample.e), 0);
  const known = (share['own handler'] ?? 0) + labelled;
  // Of the blocking no span explains, the part this thread spent in a run queue ("w", Linux): the machine did not run it.
  const waited = blockedSpans.reduce((t, x) => t + (x.w === undefined ? 0 : (x.w * overlap(x, sample.s, sample.e)) / Math.max(1e-9, x.e - x.s)), 0);
  const unexplained = Math.max(0, blocked - known);
  share['preempted (waiting for a CPU)'] = Math.min(unexplained, waited);
  share['unlabelled blocking'] = unexplained - share['preempted (waiting for a CPU)'];
  share['transport / scheduling'] = Math.max(0, wall - known - share['unlabelled blocking']);
  const [cause, ms] = Object.entries(share).sort((a, b) => b[1] - a[1])[0];
  const c = (kind.causes[cause] ??= { count: 0, ms: 0, wall: 0, cpu: 0 });
  c.count++;
  c.ms += ms;
  // The blocking spans' own CPU time against their wall time: much less CPU than wall means the machine preempted us.
  for (const x of around) {
    if (x.c === undefined || family(x.l) !== cause || x === own) continue;
    c.wall += x.e - x.s;
    c.cpu += x.c;
  }
  if (cause === 'unlabelled blocking') for (const x of blockedSpans) if (x.c !== undefined) {
    c.wall += x.e - x.s;
    c.cpu += x.c;
  }
  if (cause === 'own handler' && own?.c !== undefined) {
    c.wall += own.e - own.s;
    c.cpu += own.c;
  }
  detail.push({ kind: sample.k, at: sample.s, wall, cause, parts: Object.entries(share).filter(([, v]) => v >= 0.5).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ') });
}

for (const [k, v] of Object.entries(byKind)) {
  console.log(`\n${k}: ${v.slow} of ${v.samples} samples > ${threshold} ms`);
  for (const [cause, c] of Object.entries(v.causes).sort((a, b) => b[1].count - a[1].count)) console.log(`  ${String(c.count).padStart(4)}  ${cause} (mean ${(c.ms / c.count).toFixed(1)} ms of it${c.wall ? `; those spans ran on the CPU ${((100 * c.cpu) / c.wall).toFixed(0)} % of their wall time` : ''})`);
}
if (process.argv.includes('--detail')) {
  console.log('\nslow samples:');
  for (const d of detail) console.log(`  ${d.kind} ${d.wall.toFixed(1)} ms @${(d.at % 1e6).toFixed(0)}: ${d.cause} [${d.parts}]`);
}
// Spans that ran longer than the threshold themselves (the candidates for shorter slices).
const long = {};
for (const x of spans) if (x.e - x.s > threshold && !x.l.startsWith('msg:')) (long[x.l] ??= []).push(x.e - x.s);
console.log(`\nspans longer than ${threshold} ms (not requests):`);
for (const [l, v] of Object.entries(long).sort((a, b) => b[1].length - a[1].length)) console.log(`  ${l}: ${v.length}, max ${Math.max(...v).toFixed(1)} ms`);

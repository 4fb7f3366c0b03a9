// Issue 16 (stream p99 during the cold crawl): what each slow stream request waited for, split along its way — sent →
// its bytes read by the server (`io:in`) → dispatched (`msg:`) → answer handed to stdout (`io:out`) → read by the
// client — with the run-queue waits of the server's request thread and of the client (both Linux schedstat). A
// request that would have been ≤ threshold without those waits is counted as scheduling; any other by the largest
// of: a GC pause, another span on the request thread (crawl slices, settle, warm-up), its own handler, the answer's
// encoding, unlabelled request-thread work (the walk, start-up), the client. Needs a trace from
//   AWS_NOTES_TRACE_SLICES=<file> node bench/diagnostics/coldStart.mjs …
// then: node bench/diagnostics/streamWaits.mjs <file> [thresholdMs] [--rows]
import { firstFrom, overlap, overlappingIn, readTrace, traceArgs } from '../traceFile.mjs';

const { file, threshold } = traceArgs('node bench/diagnostics/streamWaits.mjs <trace file> [thresholdMs] [--rows]');
const trace = readTrace(file);
const spans = trace.spans;
const samples = trace.samples.sort((a, b) => a.s - b.s);
// One run per start: the stream pauses for a new server's start (> 1 s).
const runs = [];
for (const x of samples) {
  const run = runs[runs.length - 1];
  if (!run || x.s - run[run.length - 1].e > 1000) runs.push([x]);
  else run.push(x);
}
const msgs = spans.filter((x) => x.l.startsWith('msg:'));
const ins = spans.filter((x) => x.l === 'io:in');
const outs = spans.filter((x) => x.l === 'io:out');
const others = spans.filter((x) => !x.l.startsWith('io:') && x.l !== 'loop:blocked');
const blocked = spans.filter((x) => x.l === 'loop:blocked');
const gcsAt = overlappingIn(others.filter((y) => y.l.startsWith('gc:')));
const othersAt = overlappingIn(others);
const blockedAt = overlappingIn(blocked);
const family = (l) => (l.startsWith('gc:') || l === 'crawl:scavenge' ? 'GC pause' : l.startsWith('msg:') ? 'another request' : l.startsWith('idle:') ? `idle:${l.split(':')[1]}` : l);
const causes = {};
const rows = [];
let count = 0;
for (const run of runs) {
  const t0 = run[0].s;
  const t1 = run[run.length - 1].e;
  for (const x of run) {
    count++;
    const wall = x.e - x.s;
    if (wall <= threshold) continue;
    const method = x.k === 'hover' ? 'msg:textDocument/hover' : 'msg:textDocument/completion';
    let m;
    for (let i = firstFrom(msgs, x.s); i < msgs.length && msgs[i].s < x.e; i++) if (msgs[i].l === method) { m = msgs[i]; break; }
    if (!m) continue;
    const inEvent = ins[firstFrom(ins, x.s)];
    const inAt = inEvent && inEvent.s <= m.s ? inEvent.s : m.s;
    let out;
    for (let j = firstFrom(outs, m.s); j < outs.length && outs[j].s <= x.e + 1; j++) if (outs[j].id === m.id) { out = outs[j]; break; }
    const outAt = out ? out.s : m.e;
    const before = outs[firstFrom(outs, x.s) - 1];
    const parts = { wake: inAt - x.s, queue: m.s - inAt, handler: m.e - m.s, encode: outAt - m.e, client: x.e - outAt };
    const serverWait = out && inEvent && out.w !== undefined && inEvent.w !== undefined ? out.w - inEvent.w : 0;
    const wakeWait = inEvent && before && inEvent.w !== undefined && before.w !== undefined ? Math.min(parts.wake, inEvent.w - before.w) : 0;
    const clientWait = Math.min(x.cw ?? 0, parts.client + parts.wake);
    const waits = serverWait + wakeWait + clientWait;
    const around = {};
    for (const y of othersAt(x.s, outAt)) {
      if (y === m) continue;
      const ms = overlap(y, x.s, outAt);
      if (ms > 0.2) around[family(y.l)] = (around[family(y.l)] ?? 0) + ms;
    }
    const gcInHandler = gcsAt(m.s, m.e).reduce((t, y) => t + overlap(y, m.s, m.e), 0);
    const blockedMs = blockedAt(x.s, outAt).reduce((t, y) => t + overlap(y, x.s, outAt), 0);
    const labelled = Object.values(around).reduce((t, v) => t + v, 0) + parts.handler;
    const candidates = {
      ...Object.fromEntries(Object.entries(around).map(([k, v]) => [k === 'GC pause' ? k : `behind ${k}`, v])),
      'own handler': parts.handler - gcInHandler,
      'answer encoding and write': parts.encode,
      'unlabelled request-thread work (walk, start-up)': Math.max(0, blockedMs - labelled),
      'client (answer written, not yet read)': parts.client,
      // Not read because the request thread was running a span then: that span is the cause, not the wake-up.
      'server not woken (bytes sent, not read)': parts.wake - othersAt(x.s, inAt).reduce((t, y) => t + (y === m ? 0 : overlap(y, x.s, inAt)), 0),
    };
    const [largest] = Object.entries(candidates).sort((a, b) => b[1] - a[1])[0];
    const cause = wall - waits <= threshold ? 'run-queue wait (server request thread + client)' : largest;
    (causes[cause] ??= []).push({ excess: wall - threshold, at: (x.s - t0) / (t1 - t0), waits });
    rows.push({ kind: x.k, at: +((x.s - t0) / 1000).toFixed(2), wall: +wall.toFixed(1), ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, +v.toFixed(1)])), serverWait: +serverWait.toFixed(1), wakeWait: +wakeWait.toFixed(1), clientWait: +clientWait.toFixed(1), around, cause });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const slow = Object.values(causes).reduce((t, v) => t + v.length, 0);
console.log(`${runs.length} runs, ${count} stream requests, ${slow} > ${threshold} ms`);
console.log('| cause | requests > threshold | total excess ms | median excess ms | median moment (0 = first request, 1 = `indexed`) | their run-queue waits, ms |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [cause, v] of Object.entries(causes).sort((a, b) => b[1].length - a[1].length)) {
  console.log(`| ${cause} | ${v.length} | ${v.reduce((t, y) => t + y.excess, 0).toFixed(0)} | ${median(v.map((y) => y.excess)).toFixed(1)} | ${median(v.map((y) => y.at)).toFixed(2)} | ${v.reduce((t, y) => t + y.waits, 0).toFixed(0)} |`);
}
if (process.argv.includes('--rows')) for (const r of rows) console.log(JSON.stringify(r));

// Cold starts only (issue 16: first correct workspace symbol, `indexed`, stream p99 and VmHWM at 10k notes without a
// cache), with the bench's request pattern (a hover/completion stream from spawn to `indexed`, a symbol poll every
// 50 ms with a hover between polls). Several builds can be compared: each `--server FILE` (default
// bin/aws-notes-ls.js) starts with an empty cache every time, and the starts alternate between builds (A/B, B/A…) so
// that a changing machine load hits every build alike. Reports per build: medians of wall time and server CPU
// (utime + stime) to the first correct symbol and to `indexed`, the stream's p99, VmHWM at `indexed`.
//   npm run build && node bench/diagnostics/coldStart.mjs [--notes 10000] [--runs 5] [--profile seeds] [--server A --server B] [--json]
// --prof DIR: CPU profiles of every thread of the server (--cpu-prof), until `indexed` (then the server exits).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeCorpus } from '../corpus.mjs';
import { positionsOf, TEMPLATE as BENCH_TEMPLATE } from '../benchTemplate.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const servers = args.flatMap((a, i) => (a === '--server' && args[i + 1] ? [path.resolve(args[i + 1])] : []));
if (!servers.length) servers.push(path.join(root, 'bin', 'aws-notes-ls.js'));
const count = Number(option('--notes', '10000'));
const runs = Number(option('--runs', '5'));
const profile = option('--profile', 'seeds');
// --quiet: no hover/completion stream (only the symbol polls): what the stream itself costs the first symbol.
const quiet = args.includes('--quiet');
const TWO_TYPES = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
  New:
    Type: AWS::
`;
// --template bench: bench/run.mjs's template and hovers (six resource types: six note rankings kept fresh during the
// crawl and redone at its end, against two here; most of the CPU the bench's cold starts spend beyond these).
const benchTemplate = option('--template', 'two') === 'bench';
const TEMPLATE = benchTemplate ? BENCH_TEMPLATE : TWO_TYPES;
const hoverAt = benchTemplate ? positionsOf(BENCH_TEMPLATE, 'AWS::', 7) : [{ line: 3, character: 12 }, { line: 5, character: 14 }];
const completionAt = benchTemplate ? { line: BENCH_TEMPLATE.split('\n').length - 2, character: 15 } : { line: 9, character: 15 };
// What VS Code's client declares for completion lists (LSP 3.17 item defaults), as bench/run.mjs does.
const VSCODE_TEXT_DOCUMENT = { completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } };
// AWS_NOTES_TRACE_SLICES=<file> (passed on to the server, which appends its spans there): the stream's send and
// answer times (epoch ms) are appended to <file>.client.jsonl, for `node bench/traceTails.mjs <file>`.
const traceFile = process.env.AWS_NOTES_TRACE_SLICES && process.env.AWS_NOTES_TRACE_SLICES !== '0' ? process.env.AWS_NOTES_TRACE_SLICES : undefined;
const traced = [];
// With the trace: this (client) thread's run-queue wait (ms, Linux), so that a slow answer the client was not run to
// read is told from one the server was slow to write.
const clientWait = () => {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'latin1').split(' ')[1]) / 1e6;
  } catch {
    return NaN;
  }
};
/** Per thread name, the median over runs (a name missing in a run counts 0). */
const medianThreads = (runs) => Object.fromEntries([...new Set(runs.flatMap((t) => Object.keys(t ?? {})))].map((k) => [k, median(runs.map((t) => t?.[k] ?? 0))]));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : NaN);

function cpuMs(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0) * 10;
  } catch {
    return NaN;
  }
}
/** CPU time of the server's main (request) thread alone: its thread id is the process id. */
function mainThreadCpuMs(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((a, b) => a + Number(b), 0) * 10;
  } catch {
    return NaN;
  }
}
/** CPU (ms) per thread name of the server (`main` for the request thread), e.g. the scan worker, V8's helpers. */
function threadCpu(pid) {
  const out = {};
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = tid === String(pid) ? 'main' : `${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}`;
        const fields = stat.split(') ')[1].split(' ');
        const [user, sys] = fields.slice(11, 13).map((x) => Number(x) * 10);
        // Minor page faults (in thousands): on a VM each fresh page can cost ~10 µs (bench/diagnostics/lowerBound.ts measures it).
        out[`${name} faults(k)`] = (out[`${name} faults(k)`] ?? 0) + Math.round(Number(fields[7]) / 1000);
        if (user + sys) {
          out[`${name} user`] = (out[`${name} user`] ?? 0) + user;
          out[`${name} sys`] = (out[`${name} sys`] ?? 0) + sys;
        }
      } catch {}
    }
  } catch {}
  return out;
}
const hwmMb = (pid) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function once(server, dir, cacheDir, unique, templateUri) {
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  const spawnedAt = performance.now();
  const prof = option('--prof', '') ? ['--cpu-prof', `--cpu-prof-dir=${option('--prof')}`] : [];
  const proc = spawn(process.execPath, [...prof, server, '--stdio'], { stdio: 'pipe', env: { ...process.env, AWS_NOTES_CACHE_DIR: cacheDir } });
  proc.stderr.on('data', () => {});
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const logs = [];
  let indexedAt;
  let indexedCpu;
  let indexedMainCpu;
  let hwm;
  let indexedThreads;
  const indexed = new Promise((resolve) =>
    conn.onNotification('awsNotes/indexed', () => {
      indexedThreads ??= threadCpu(proc.pid);
      indexedAt ??= performance.now();
      indexedCpu ??= cpuMs(proc.pid);
      indexedMainCpu ??= mainThreadCpuMs(proc.pid);
      hwm ??= hwmMb(proc.pid);
      resolve();
    }),
  );
  conn.onNotification('window/logMessage', (m) => logs.push(m.message));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ cache: { dir: cacheDir } })));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const uri = pathToFileURL(dir).href;
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: uri, locale: 'en', workspaceFolders: [{ uri, name: 'notes' }], capabilities: { textDocument: VSCODE_TEXT_DOCUMENT, workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } } });
  const initializedAt = performance.now();
  conn.sendNotification('initialized', {});
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri: templateUri, languageId: 'yaml', version: 1, text: TEMPLATE } });
  let stop = false;
  const waits = [];
  let completionBytes = 0;
  const timed = async (method, params) => {
    const w0 = traceFile ? clientWait() : 0;
    const t = performance.now();
    const answer = await conn.sendRequest(method, params);
    const end = performance.now();
    const w1 = traceFile ? clientWait() : 0;
    waits.push(end - t);
    if (traceFile) traced.push(`{"k":"${method === 'textDocument/hover' ? 'hover' : 'completion'}","s":${performance.timeOrigin + t},"e":${performance.timeOrigin + end},"cw":${Number.isFinite(w1 - w0) ? (w1 - w0).toFixed(3) : null}}`);
    // Once (the same answer every time): the client's own work would delay the next request.
    if (method === 'textDocument/completion' && !completionBytes) completionBytes = Buffer.byteLength(JSON.stringify(answer));
  };
  const stream = (async () => {
    for (let j = 0; !quiet && !stop && !indexedAt; j++) {
      await timed('textDocument/hover', { textDocument: { uri: templateUri }, position: hoverAt[j % hoverAt.length] });
      await timed('textDocument/completion', { textDocument: { uri: templateUri }, position: completionAt });
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  let polls = 0;
  let readyAt;
  for (;;) {
    polls++;
    const result = (await conn.sendRequest('workspace/symbol', { query: unique })) ?? [];
    if (result.some((s) => s.name.includes(unique))) {
      readyAt = performance.now();
      break;
    }
    await conn.sendRequest('textDocument/hover', { textDocument: { uri: templateUri }, position: hoverAt[polls % hoverAt.length] });
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyCpu = cpuMs(proc.pid);
  const readyThreads = threadCpu(proc.pid);
  await indexed;
  stop = true;
  await stream;
  await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]).catch(() => undefined);
  conn.sendNotification('exit');
  await new Promise((r) => {
    const timer = setTimeout(() => (proc.kill(), r()), 4000);
    proc.once('exit', () => (clearTimeout(timer), r()));
  });
  conn.dispose();
  if (traceFile) fs.appendFileSync(`${traceFile}.client.jsonl`, traced.splice(0).join('\n') + '\n');
  return {
    initializeMs: initializedAt - spawnedAt,
    readyMs: readyAt - spawnedAt,
    readyCpuMs: readyCpu,
    readyThreads,
    indexedThreads,
    indexedMs: indexedAt - spawnedAt,
    indexedCpuMs: indexedCpu,
    indexedMainCpuMs: indexedMainCpu,
    hwmAtIndexedMb: hwm,
    polls,
    streamP99Ms: percentile(waits, 99),
    streamMaxMs: Math.max(...waits),
    streamSamples: waits.length,
    completionBytes,
    log: logs.filter((l) => /indexed|headings/i.test(l)).join(' | '),
  };
}

process.on('uncaughtException', (e) => {
  if (e.code !== 'ERR_STREAM_DESTROYED' && e.code !== 'EPIPE') throw e;
});

const dir = path.join(root, 'bench', '.corpus', `${profile}-${count}`);
const manifest = writeCorpus(dir, count, 42, profile);
const templateFile = path.join(os.tmpdir(), 'aws-notes-cold-template.yaml');
fs.writeFileSync(templateFile, TEMPLATE);
const templateUri = pathToFileURL(templateFile).href;
const cacheDirs = servers.map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-cold-cache-')));
const results = servers.map(() => []);
const load = [os.loadavg()[0]];
try {
  for (let i = 0; i < runs; i++) {
    for (let s = 0; s < servers.length; s++) {
      const k = i % 2 ? servers.length - 1 - s : s; // A B, B A, ...: neither build always runs first
      results[k].push(await once(servers[k], dir, cacheDirs[k], manifest.unique, templateUri));
    }
  }
} finally {
  for (const d of cacheDirs) fs.rmSync(d, { recursive: true, force: true });
}
load.push(os.loadavg()[0]);
const summary = servers.map((server, s) => {
  const r = results[s];
  return {
    server,
    readyMs: median(r.map((x) => x.readyMs)),
    readyCpuMs: median(r.map((x) => x.readyCpuMs)),
    initializeMs: median(r.map((x) => x.initializeMs)),
    indexedMs: median(r.map((x) => x.indexedMs)),
    indexedCpuMs: median(r.map((x) => x.indexedCpuMs)),
    hwmAtIndexedMb: Math.max(...r.map((x) => x.hwmAtIndexedMb)),
    streamP99Ms: median(r.map((x) => x.streamP99Ms)),
    streamMaxMs: Math.max(...r.map((x) => x.streamMaxMs)),
    streamSamples: r.reduce((a, x) => a + x.streamSamples, 0),
    completionBytes: r[r.length - 1].completionBytes,
    ready: r.map((x) => Math.round(x.readyMs)),
    readyCpu: r.map((x) => x.readyCpuMs),
    hwms: r.map((x) => Math.round(x.hwmAtIndexedMb)),
    cpus: r.map((x) => x.indexedCpuMs),
    mainCpus: r.map((x) => x.indexedMainCpuMs),
    p99s: r.map((x) => Math.round(x.streamP99Ms)),
    maxes: r.map((x) => Math.round(x.streamMaxMs)),
    lastLog: r[r.length - 1].log,
    threads: { ready: medianThreads(r.map((x) => x.readyThreads)), indexed: medianThreads(r.map((x) => x.indexedThreads)) },
  };
});
if (args.includes('--json')) console.log(JSON.stringify({ notes: count, profile, runs, load, summary }, null, 2));
else {
  console.log(`${count} notes (${profile}), ${runs} cold starts per build, load ${load.map((l) => l.toFixed(2)).join(' → ')}`);
  for (const s of summary) {
    console.log(`${s.server}\n  first correct symbol: wall ${s.readyMs.toFixed(0)} ms (${s.ready.join(', ')}), server CPU ${s.readyCpuMs} ms (${s.readyCpu.join(', ')})`);
    console.log(`  initialize answered ${s.initializeMs.toFixed(0)} ms; indexed ${s.indexedMs.toFixed(0)} ms (CPU ${s.indexedCpuMs} ms); VmHWM at indexed ${s.hwmAtIndexedMb.toFixed(0)} MB`);
    console.log(`  stream hover+completion until indexed: p99 (median of runs) ${s.streamP99Ms.toFixed(1)} ms, max ${s.streamMaxMs.toFixed(1)} ms, ${s.streamSamples} requests; completion answer ${(s.completionBytes / 1000).toFixed(0)} KB`);
    console.log(`  per run: VmHWM ${s.hwms.join(', ')} MB; CPU to indexed ${s.cpus.join(', ')} ms (request thread ${s.mainCpus.join(', ')}); p99 ${s.p99s.join(', ')} ms; max ${s.maxes.join(', ')} ms`);
    const show = (t) => Object.entries(t).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(`  CPU per thread (ms, medians) to the first symbol: ${show(s.threads.ready)}; to indexed: ${show(s.threads.indexed)}`);
    console.log(`  server log: ${s.lastLog}`);
  }
}

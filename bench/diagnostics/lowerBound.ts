// The least a cold first workspace symbol can cost on this machine (issue 16: "≤ 3× the floor"), measured from its
// parts without any of the server's overheads: a Node process start, the server bundle's load, and phase 1 (read,
// decode, nesting pre-check, heading pre-scan, search keys for every note, results kept as the index keeps them) on
// one thread in a fresh process. No LSP handshake, no worker start, no IPC, no apply on the request thread, no
// polling: a real cold start can only be slower. Also measured: the bench's floor (read + decode in a warmed-up
// process, as bench/run.mjs does), the same phase 1 in a warmed-up process, and what touching fresh memory costs
// here (on a VM each first touch of a page can be a host fault: a large share of a cold start's system time).
//   npm run build && npx tsx bench/diagnostics/lowerBound.ts [--notes 10000] [--profile seeds] [--runs 5] [--json]
// The script bundles itself with esbuild (as phase2.ts does) to bench/.tmp/lowerBound.cjs; its children run modes
// of that bundle (LOWER_BOUND_MODE).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCorpus } from '../corpus.mjs';
import { preScanHeadings } from '../../server/src/core/syntax/markdown/fastScan';
import { nestingDepth } from '../../server/src/node/noteGuard';
import { readNoteSync } from '../../server/src/node/noteReader';
import { searchKey } from '../../shared/normalize';
import { markdownFiles } from './markdownFiles';

const root = path.resolve(__dirname, '../..');
const server = path.join(root, 'bin', 'aws-notes-ls.js');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;


/** Phase 1 of every note on this thread; what the index keeps of it is kept (texts, headings, positions, keys). */
function phase1(files: string[]): { ms: number; cpuMs: number; headings: number; kept: unknown[] } {
  const kept: unknown[] = [];
  let headings = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const file of files) {
    const read = readNoteSync(file, 5_000_000);
    if (!read.ok) continue;
    if (nestingDepth(read.text, 200) > 200) continue;
    const scan = preScanHeadings(read.text);
    if (!scan) continue;
    const keys = (scan.headings as string[]).map((h, k) => (scan.levels[k] === 0 ? '' : searchKey(h)));
    headings += keys.length;
    kept.push({ text: read.text, headings: scan.headings, positions: scan.positions, keys });
  }
  return { ms: performance.now() - started, cpuMs: cpuMs(process.cpuUsage(cpu)), headings, kept };
}

/** bench/run.mjs's floor: read and decode every note file. */
function floor(files: string[]): number {
  const decoder = new TextDecoder();
  const started = performance.now();
  let chars = 0;
  for (const f of files) chars += decoder.decode(fs.readFileSync(f)).length;
  if (chars < 0) throw new Error('unreachable');
  return performance.now() - started;
}

function minorFaults(): number {
  try {
    return Number(fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[7]);
  } catch {
    return NaN;
  }
}

/** The child's side: one measurement, printed as JSON. */
function child(mode: string, dir: string): void {
  if (mode === 'phase1') {
    const files = markdownFiles(dir);
    const faults = minorFaults();
    const cold = phase1(files);
    const coldFaults = minorFaults() - faults;
    const warm = [phase1(files), phase1(files), phase1(files)];
    process.stdout.write(JSON.stringify({ files: files.length, headings: cold.headings, coldMs: cold.ms, coldCpuMs: cold.cpuMs, coldFaults, warmMs: median(warm.map((w) => w.ms)) }));
  } else if (mode === 'floor') {
    const files = markdownFiles(dir);
    floor(files); // warms the page cache (and the JIT), as the bench does
    process.stdout.write(JSON.stringify({ floorMs: median([floor(files), floor(files), floor(files)]) }));
  } else if (mode === 'touch') {
    const mb = 64;
    const bytes = Buffer.allocUnsafe(mb * 1024 * 1024);
    const faults = minorFaults();
    let t = performance.now();
    bytes.fill(1);
    const firstMs = performance.now() - t;
    const firstFaults = minorFaults() - faults;
    t = performance.now();
    bytes.fill(2);
    process.stdout.write(JSON.stringify({ mb, firstMs, againMs: performance.now() - t, firstFaults }));
  }
}

function runChild(mode: string, dir: string): Record<string, number> {
  const run = spawnSync(process.execPath, [__filename], { env: { ...process.env, LOWER_BOUND_MODE: mode, LOWER_BOUND_DIR: dir }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${mode}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, number>;
}

/** Spawn → exit of a process, ms (wall). */
function timedSpawn(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}`);
  return performance.now() - started;
}

/** Runs the server long enough (its code cache is written 5 s after the start) for a code cache in `dir`. */
async function writeCodeCache(dir: string): Promise<void> {
  const proc = spawn(process.execPath, [server, '--stdio'], { env: { ...process.env, AWS_NOTES_CACHE_DIR: dir }, stdio: ['pipe', 'ignore', 'ignore'] });
  const until = performance.now() + 15000;
  while (performance.now() < until && !fs.readdirSync(dir).some((n) => n.endsWith('.v8cache'))) await new Promise((r) => setTimeout(r, 100));
  proc.kill();
  await new Promise((r) => proc.once('exit', r));
  if (!fs.readdirSync(dir).some((n) => n.endsWith('.v8cache'))) throw new Error('no code cache written');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
  };
  const count = Number(option('--notes', '10000'));
  const profile = option('--profile', 'seeds') as 'seeds' | 'synthetic';
  const runs = Number(option('--runs', '5'));
  const dir = path.join(root, 'bench', '.corpus', `${profile}-${count}`);
  writeCorpus(dir, count, 42, profile);
  if (!fs.existsSync(path.join(root, 'dist', 'serverMain.js'))) throw new Error('npm run build first');
  const load = [os.loadavg()[0]];
  const emptyCache = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-lb-empty-'));
  const codeCache = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-lb-code-'));
  try {
    await writeCodeCache(codeCache);
    const repeat = <T>(f: () => T) => Array.from({ length: runs }, f);
    const nodeExit = median(repeat(() => timedSpawn(['-e', '0'])));
    // Not this bundle (its load would count): a bare script's first statement.
    const userCode = median(repeat(() => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(performance.now()))'], { encoding: 'utf8' }).stdout)));
    const loadNoCache = median(repeat(() => timedSpawn([server, '--version'], { ...process.env, AWS_NOTES_CACHE_DIR: emptyCache })));
    const loadCached = median(repeat(() => timedSpawn([server, '--version'], { ...process.env, AWS_NOTES_CACHE_DIR: codeCache })));
    const phases = Array.from({ length: Math.max(3, Math.ceil(runs / 2)) }, () => runChild('phase1', dir));
    const p1 = {
      files: phases[0].files,
      headings: phases[0].headings,
      coldMs: median(phases.map((p) => p.coldMs)),
      coldCpuMs: median(phases.map((p) => p.coldCpuMs)),
      coldFaults: median(phases.map((p) => p.coldFaults)),
      warmMs: median(phases.map((p) => p.warmMs)),
    };
    const floorMs = median(Array.from({ length: 3 }, () => runChild('floor', dir).floorMs));
    const touch = runChild('touch', dir);
    load.push(os.loadavg()[0]);
    // The smaller of the two loads (a bound must not be flattered by a noisy run of either).
    const loadMs = Math.min(loadNoCache, loadCached);
    const bound = loadMs + p1.coldMs;
    const cores = os.cpus().length;
    const splitBound = loadMs + p1.coldMs / cores;
    const result = { notes: count, profile, runs, load, nodeExit, userCode, loadNoCache, loadCached, phase1: p1, floorMs, touch, boundMs: bound, boundOverFloor: bound / floorMs, cores, splitBoundMs: splitBound, splitBoundOverFloor: splitBound / floorMs };
    if (args.includes('--json')) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    const f = (x: number) => x.toFixed(0);
    console.log(`${count} notes (${profile}), ${p1.files} files, ${p1.headings} headings; medians of ${runs}; load ${load.map((l) => l.toFixed(2)).join(' → ')}`);
    console.log(`node -e 0, spawn → exit: ${f(nodeExit)} ms; first user code ${f(userCode)} ms after the process started`);
    console.log(`server bundle loaded (aws-notes-ls --version, spawn → exit): ${f(loadNoCache)} ms without a code cache, ${f(loadCached)} ms with one`);
    console.log(`phase 1 on one thread, fresh process: ${f(p1.coldMs)} ms (CPU ${f(p1.coldCpuMs)} ms, ${p1.coldFaults} minor page faults); warmed-up process: ${f(p1.warmMs)} ms`);
    console.log(`floor (bench/run.mjs: read + decode, warmed-up process): ${f(floorMs)} ms`);
    console.log(`touching fresh memory: ${touch.mb} MB in ${f(touch.firstMs)} ms (${touch.firstFaults} faults, ${((touch.firstMs * 1000) / touch.firstFaults).toFixed(1)} µs each); the same memory again ${touch.againMs.toFixed(1)} ms`);
    console.log(`lower bound of a cold first symbol (bundle load + phase 1 on one thread, nothing else): ${f(bound)} ms = ${(bound / floorMs).toFixed(1)}× the floor`);
    console.log(`  with phase 1 split perfectly over all ${cores} cores: ${f(splitBound)} ms = ${(splitBound / floorMs).toFixed(1)}× the floor`);
  } finally {
    fs.rmSync(emptyCache, { recursive: true, force: true });
    fs.rmSync(codeCache, { recursive: true, force: true });
  }
}

if (process.env.LOWER_BOUND_MODE) child(process.env.LOWER_BOUND_MODE, process.env.LOWER_BOUND_DIR ?? '');
else if (process.env.LOWER_BOUND_BUNDLED) void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
else {
  // Bundled first (tsx's wrappers would slow the measured loops), then run as plain node.
  const out = path.join(root, 'bench/.tmp/lowerBound.cjs');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  buildSync({ entryPoints: [__filename], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', absWorkingDir: root, external: ['esbuild'] });
  const run = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, LOWER_BOUND_BUNDLED: '1' } });
  process.exitCode = run.status ?? 1;
}

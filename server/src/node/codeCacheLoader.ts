// aws-notes-ls's entry (dist/server.js): runs the bundled server (dist/serverMain.js, from main.ts) compiled with a
// V8 code cache. Issue 15: most of a first hover right after start was V8 compiling the functions it runs (the YAML
// parser, the template hover, the tables' readers); with the bytecode of a previous run's warmed-up functions, the
// first hover after `--delay 0` took about half as long (BENCHMARKS.md, "first CFN hover"). The cache is written by
// the first run (after its warm-up) and whenever V8 rejects it (another Node/Electron, another build, other flags);
// without it the server starts exactly as before. AWS_NOTES_CODE_CACHE=0 switches it off.
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { defaultCacheDir } from './cacheDir';
import { setServerV8Flags } from './v8Flags';

/** Long enough for the warm-up (server.ts: tables, hovers, sanitiser rounds) to have compiled what a hover runs. */
const WRITE_AFTER_MS = 5000;
const PREFIX = 'aws-notes-ls-';
/** One cache per runtime (Node version and architecture), then per build of the bundle. */
const runtimePrefix = `${PREFIX}${`${process.version}-${process.arch}`.replace(/[^\w.-]/g, '_')}-`;

// Before compiling: V8 accepts a cache only under the flags it was made with (v8Flags.ts).
setServerV8Flags();

/**
 * Bytecode runs as code: only a folder and file of this user, writable by no one else, are trusted (release builds of
 * V8 check a cache's source and flags, not its integrity). Elsewhere the server starts without the cache.
 */
function trusted(p: string): boolean {
  try {
    const stat = fs.lstatSync(p);
    if (stat.isSymbolicLink()) return false;
    return (typeof process.getuid !== 'function' || stat.uid === process.getuid()) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function readCache(dir: string, file: string): Buffer | undefined {
  if (!trusted(dir) || !trusted(file)) return undefined;
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written to a temporary name and renamed: two servers starting at once never read a half-written file. */
function writeCache(dir: string, file: string, data: Buffer): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!trusted(dir)) return;
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, data, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, file);
    // Caches of older builds on this runtime are never read again; another runtime's (VS Code's Electron, the
    // system Node of another editor) stays for its own next start.
    for (const name of fs.readdirSync(dir)) {
      if (name.startsWith(runtimePrefix) && name.endsWith('.v8cache') && path.join(dir, name) !== file) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    /* a cache only */
  }
}

function run(): void {
  const main = path.join(__dirname, 'serverMain.js');
  const source = fs.readFileSync(main, 'utf8');
  const enabled = process.env.AWS_NOTES_CODE_CACHE !== '0';
  const dir = defaultCacheDir();
  // One file per build (size and time of the bundle) and runtime; V8 itself checks its version, flags and source.
  const stat = fs.statSync(main);
  const key = `${stat.size}-${Math.round(stat.mtimeMs)}`;
  const file = path.join(dir, `${runtimePrefix}${key}.v8cache`);
  const cachedData = enabled ? readCache(dir, file) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: main, cachedData });
  const mod = new Module(main, module);
  mod.filename = main;
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  compiled.call(mod.exports, mod.exports, Module.createRequire(main), mod, main, __dirname);
  if (enabled && (!cachedData || script.cachedDataRejected)) {
    setTimeout(() => writeCache(dir, file, script.createCachedData()), WRITE_AFTER_MS).unref();
  }
}

run();

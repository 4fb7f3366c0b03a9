#!/usr/bin/env node
// `npm run test:nvim`: Debian's Neovim (0.7.x, headless) as an LSP client of `node bin/aws-notes-ls.js --stdio`
// against a copy of the fixture workspace: English checks (hover, definition, workspace symbols, negatives),
// then the Japanese hover (LSP `locale: "ja"`). Temp XDG dirs; each nvim run is bounded by NVIM_TIMEOUT_MS
// (default 60000) and ended by PID (its own process group). Exit code non-zero when any check fails.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LS = path.join(ROOT, 'bin/aws-notes-ls.js');
const NVIM = process.env.NVIM_BIN || 'nvim';
const TIMEOUT_MS = Number(process.env.NVIM_TIMEOUT_MS || 60000);

if (!fs.existsSync(LS)) { console.error(`missing ${LS}`); process.exit(4); }
if (!fs.existsSync(path.join(ROOT, 'dist/server.js')) || process.env.SKIP_BUILD !== '1') {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(3);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-nvim-'));
const ws = path.join(tmp, 'workspace');
fs.cpSync(path.join(ROOT, 'test/fixtures/workspace'), ws, { recursive: true });

function runNvim(locale) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(NVIM, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${path.join(ROOT, 'test/nvim/lsp-check.lua')}`], {
      cwd: ws,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(tmp, 'config'), XDG_DATA_HOME: path.join(tmp, 'data'),
        XDG_STATE_HOME: path.join(tmp, 'state'), XDG_CACHE_HOME: path.join(tmp, 'cache'),
        AWS_NOTES_CACHE_DIR: path.join(tmp, 'aws-notes-cache'),
        AWS_NOTES_WS: ws, AWS_NOTES_LS: LS, AWS_NOTES_NODE: process.execPath, AWS_NOTES_LOCALE: locale,
      },
    });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    const timer = setTimeout(() => {
      console.log(`nvim (${locale}) timed out after ${TIMEOUT_MS} ms`);
      try { process.kill(-child.pid, 'SIGKILL'); } catch {}
    }, TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      try { process.kill(-child.pid, 'SIGKILL'); } catch {} // the language server, if nvim left it behind
      const ok = code === 0 && /RESULT: \d+ passed, 0 failed/.test(out);
      console.log(`nvim (${locale}): exit ${code ?? signal} in ${Date.now() - t0} ms -> ${ok ? 'PASS' : 'FAIL'}`);
      resolve(ok);
    });
  });
}

const t0 = Date.now();
let ok = false;
try {
  console.log(`--- Neovim ${locale('en')} ---`);
  const en = await runNvim('en');
  console.log(`--- Neovim ${locale('ja')} ---`);
  const ja = await runNvim('ja');
  ok = en && ja;
} finally {
  if (!process.env.KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`test:nvim ${ok ? 'PASSED' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(ok ? 0 : 1);

function locale(l) { return l === 'ja' ? 'locale ja (Japanese hover)' : 'locale en'; }

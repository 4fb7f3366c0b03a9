#!/usr/bin/env node
// `npm run test:vscode`: runs the mocha suite in test/vscode/suite INSIDE a real VS Code extension host,
// offline. The VS Code is code-server (installed by scripts/setup-editors.sh into .cache/editors); the
// workbench is opened in Debian's Chromium through playwright-core with a URL `payload` carrying
// extensionDevelopmentPath (this repo) and extensionTestsPath (the bundled suite), which the workbench
// honours only with `--vscode-option enable-smoke-test-driver`. When the suite's run() settles, the
// workbench calls window.codeAutomationExit(code): that code is ours.
//
// By default the extension under test is the one a user gets (issue 17): `npm run package` builds the .vsix, which is
// installed into a fresh profile with `--install-extension`, with default settings and the built-in extensions
// enabled (the Markdown extension answers symbols too). extensionDevelopmentPath is then test/vscode/test-host, an
// empty extension (VS Code loads an extensionTestsPath only next to a development extension).
// `--dev` (or AWS_NOTES_DEV=1): the development path instead (this repository as the development extension).
//
// Exit codes: 0 pass, 1 tests failed, 2 timeout, 3 harness error, 4 editors missing.
// Env: TEST_TIMEOUT_MS (default 600000: packaging, install and ~100 tests on a shared 2-core machine), SKIP_BUILD=1 (no build; with a .vsix already packaged, no packaging either),
//      AWS_NOTES_VSIX=<file> (install this .vsix), KEEP=1 (keep the temp dir), ALL_CONSOLE=1 (no log filter),
//      AWS_NOTES_TEST_GREP=<regexp> (mocha grep), AWS_NOTES_TEST_LATER=1 (also run the not-yet-implemented features),
//      AWS_NOTES_TEST_WRONG_EXPECTATION=1 (harness self-check: one hover test expects a wrong string and must fail).
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { spawnSync } from 'node:child_process';
import {
  DISABLED_BUILTINS, ROOT, RESULTS_DIR, buildExtension, buildSuite, copyFixtureWorkspace, freePort, installVsix, lap as lap0, launchChromium,
  makeTempDir, onAbort, remoteUri, requireEditors, startCodeServer, workbenchUrl,
} from './harness.mjs';

const TAG = 'test:vscode';
const lap = (m) => lap0(TAG, m);
// AWS_NOTES_EXT_PATH: another extension folder (harness debugging only); default: this repository.
const EXT_PATH = path.resolve(process.env.AWS_NOTES_EXT_PATH || ROOT);
const DEV = process.argv.includes('--dev') || process.env.AWS_NOTES_DEV === '1' || !!process.env.AWS_NOTES_EXT_PATH;
const TEST_HOST = path.join(ROOT, 'test/vscode/test-host');

/** The .vsix to install: AWS_NOTES_VSIX, else `npm run package` into the temp folder (SKIP_BUILD=1: the repository's last one, if any). */
function packagedVsix(dir) {
  if (process.env.AWS_NOTES_VSIX) return path.resolve(process.env.AWS_NOTES_VSIX);
  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const last = path.join(ROOT, `${name}-${version}.vsix`);
  if (process.env.SKIP_BUILD === '1' && fs.existsSync(last)) return last;
  const vsix = path.join(dir, `${name}-${version}.vsix`);
  lap('packaging the extension (npm run package)');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/package.mjs'), '--out', vsix], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || !fs.existsSync(vsix)) throw new Error(`npm run package failed (${r.status})`);
  return vsix;
}
const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS || 600000);
// Workbench/code-server chatter that says nothing about our tests.
const NOISE = /AgentHost|ChatModelSelection|Creating a socket|connection token|grace-time|Service Worker|AccountPolicyGate|builtin extensions cache|ENOTFOUND|open-vsx\.org|marketplace|getaddrinfo|Extension host agent|\[perf\]|DeprecationWarning|punycode|Using the default|gallery|ExperimentService|Error fetching|[Cc]opilot|Chat model provider|chatParticipant|Failed to retrieve configuration properties|navigator is now a global/;

requireEditors();

/**
 * Built-in extensions that only add noise offline (DISABLED_BUILTINS) are disabled the
 * way the Extensions view does it: the web workbench keeps the globally disabled list under
 * `extensionsIdentifiers/disabled` in its IndexedDB state (code-server ignores `--disable-extension`).
 * A first, plain load of the workbench creates those databases in the throwaway Chromium profile.
 */
async function disableBuiltins(page, port, ws) {
  await page.goto(workbenchUrl(port, ws));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name?.startsWith('vscode-web-state-db-')),
    null, { timeout: 30000, polling: 200 });
  const dbs = await page.evaluate(async (ids) => {
    const value = JSON.stringify(ids.map((id) => ({ id })));
    const names = (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('vscode-web-state-db-'));
    for (const name of names) {
      await new Promise((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('ItemTable')) { db.close(); resolve(); return; }
          const tx = db.transaction('ItemTable', 'readwrite');
          tx.objectStore('ItemTable').put(value, 'extensionsIdentifiers/disabled');
          tx.oncomplete = () => { db.close(); resolve(); };
          tx.onerror = () => reject(tx.error);
        };
      });
    }
    return names;
  }, DISABLED_BUILTINS);
  lap(`disabled ${DISABLED_BUILTINS.join(', ')} in ${dbs.join(', ')}`);
}
const t0 = Date.now();
let server, ctx, tmp, finished = false, resultLine = '';

async function finish(code, why) {
  if (finished) return;
  finished = true;
  lap(`finish: exit code ${code} (${why})`);
  if (code !== 0) {
    if (ctx) {
      try {
        fs.mkdirSync(RESULTS_DIR, { recursive: true });
        const shot = path.join(RESULTS_DIR, 'vscode-suite-failure.png');
        await ctx.pages()[0].screenshot({ path: shot, timeout: 10000 });
        lap(`screenshot: ${path.relative(ROOT, shot)}`);
      } catch (e) { lap(`no screenshot: ${e.message}`); }
    }
    if (server) console.log(`----- code-server log (last 120 lines) -----\n${server.tail(120)}\n----- end of code-server log -----`);
  }
  try { await ctx?.close(); } catch {}
  await server?.stop();
  if (tmp) {
    if (process.env.KEEP) lap(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(resultLine || `RESULT: 0 passed, 1 failed (no result reported by the suite: ${why})`);
  console.log(`test:vscode ${code === 0 ? 'PASSED' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(code);
}
onAbort(() => finish(130, 'signal'));

try {
  if (DEV && EXT_PATH === ROOT) buildExtension(TAG);
  tmp = makeTempDir('vscode');
  const vsix = DEV ? undefined : packagedVsix(tmp);
  const testsPath = await buildSuite(TAG);
  const ws = copyFixtureWorkspace(tmp);
  if (vsix) {
    lap(`installing ${path.relative(ROOT, vsix)} into a fresh profile`);
    installVsix({ tmp, vsix });
  }
  const port = await freePort();
  server = await startCodeServer({
    tag: TAG, tmp, port, locale: 'en',
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'], // else the workbench ignores the payload's dev/test entries
    env: { // reaches the extension host, so the suite sees it
      AWS_NOTES_TEST_WORKSPACE: ws,
      AWS_NOTES_TEST_INSTALLED: vsix ? path.join(tmp, 'exts') : '',
      AWS_NOTES_TEST_LATER: process.env.AWS_NOTES_TEST_LATER || '',
      AWS_NOTES_TEST_GREP: process.env.AWS_NOTES_TEST_GREP || '',
      AWS_NOTES_TEST_WRONG_EXPECTATION: process.env.AWS_NOTES_TEST_WRONG_EXPECTATION || '',
    },
  });
  setTimeout(() => finish(2, `timeout after ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref();

  ctx = await launchChromium(tmp);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('pageerror', (e) => { if (process.env.ALL_CONSOLE) console.log('[pageerror]', e.message); });
  if (process.env.ALL_CONSOLE) page.on('console', (m) => console.log(`[browser] ${m.text()}`));
  // Hooks the workbench calls when they exist on window (ConsoleLogInAutomationLogger and the
  // extension-test exit path of the smoke-test driver): all extension-host console output, and the result.
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const msg = util.format(...(Array.isArray(args) ? args : [args]));
    if (/^RESULT: /.test(msg)) resultLine = msg;
    if (process.env.ALL_CONSOLE || !NOISE.test(msg)) console.log(`[exthost/${type}] ${msg}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code === 0 ? 0 : 1, `codeAutomationExit(${code}) from the workbench`));

  const payload = [
    ['extensionDevelopmentPath', remoteUri(port, vsix ? TEST_HOST : EXT_PATH)],
    ['extensionTestsPath', remoteUri(port, testsPath)],
    ['skipWelcome', 'true'],
  ];
  if (DISABLED_BUILTINS.length) await disableBuiltins(page, port, ws);
  lap(`open workbench on ${ws} with the test payload`);
  await page.goto(workbenchUrl(port, ws, payload));
} catch (e) {
  console.error(e);
  await finish(3, `harness error: ${e.message}`);
}

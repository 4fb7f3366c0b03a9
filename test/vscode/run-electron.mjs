#!/usr/bin/env node
// `npm run test:electron`: the same mocha suite as `npm run test:vscode`, run by @vscode/test-electron in a desktop
// VS Code (Electron): one already installed (VSCODE_EXECUTABLE=/path/to/code, offline), else one it downloads
// (needs update.code.visualstudio.com, which this project's machines and CI cannot reach: there, test:vscode runs
// the suite in code-server). test/unit/scripts/runElectron.test.ts checks this script with a stand-in executable.
// Env: VSCODE_EXECUTABLE, VSCODE_VERSION (download only; default "stable", "1.91.0" = the engines minimum),
//      SKIP_BUILD=1, KEEP=1, AWS_NOTES_SUITE_OUT (where the suite is bundled; default out/test/vscode),
//      AWS_NOTES_TEST_GREP, AWS_NOTES_TEST_LATER, AWS_NOTES_TEST_WRONG_EXPECTATION (see run-offline.mjs).
// On Linux without a display, run it under xvfb-run -a.
import fs from 'node:fs';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import {
  BASE_USER_SETTINGS, DISABLED_BUILTINS, ROOT, buildExtension, buildSuite, copyFixtureWorkspace, lap as lap0, makeTempDir,
} from './harness.mjs';

const TAG = 'test:electron';
const lap = (m) => lap0(TAG, m);
const t0 = Date.now();
let tmp;
let code = 1;
try {
  buildExtension(TAG);
  const extensionTestsPath = await buildSuite(TAG, process.env.AWS_NOTES_SUITE_OUT || undefined);
  tmp = makeTempDir('electron');
  const ws = copyFixtureWorkspace(tmp);
  const udd = path.join(tmp, 'udd');
  fs.mkdirSync(path.join(udd, 'User'), { recursive: true });
  fs.writeFileSync(path.join(udd, 'User/settings.json'), JSON.stringify(BASE_USER_SETTINGS, null, 1));
  code = await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    version: process.env.VSCODE_VERSION || 'stable',
    cachePath: path.join(ROOT, '.vscode-test'), // gitignored, inside the clone
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    launchArgs: [
      ws,
      '--user-data-dir', udd,
      '--extensions-dir', path.join(tmp, 'exts'), // no user extensions
      '--locale', 'en',
      '--disable-workspace-trust',
      '--skip-welcome', '--skip-release-notes', '--disable-telemetry', '--disable-updates',
      ...DISABLED_BUILTINS.flatMap((id) => ['--disable-extension', id]), // desktop VS Code honours this flag
    ],
    extensionTestsEnv: {
      AWS_NOTES_TEST_WORKSPACE: ws,
      AWS_NOTES_CACHE_DIR: path.join(tmp, 'aws-notes-cache'),
      AWS_NOTES_TEST_LATER: process.env.AWS_NOTES_TEST_LATER || '',
      AWS_NOTES_TEST_GREP: process.env.AWS_NOTES_TEST_GREP || '',
      AWS_NOTES_TEST_WRONG_EXPECTATION: process.env.AWS_NOTES_TEST_WRONG_EXPECTATION || '',
    },
  });
} catch (e) {
  // runTests rejects when VS Code exits non-zero (failed tests) or cannot be downloaded/started
  console.error(`test:electron: ${e?.message ?? e}`);
  code = typeof e === 'number' ? e : 1;
} finally {
  if (tmp && !process.env.KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}
lap(`test:electron ${code === 0 ? 'PASSED' : 'FAILED'} (exit ${code}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(code === 0 ? 0 : 1);

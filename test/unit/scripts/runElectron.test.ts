// `npm run test:electron` cannot download VS Code on this project's machines, so its script is checked here with a
// stand-in for the desktop VS Code executable (VSCODE_EXECUTABLE): what it is started with, and that its exit code
// decides the script's. With a real `code` binary the same command runs the editor suite (CONTRIBUTING.md: Tests).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'test/vscode/run-electron.mjs');

/** A "VS Code" that records its arguments and what it can see, then exits with $FAKE_CODE_EXIT. */
const FAKE = `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
const value = (flag) => (args.find((a) => a.startsWith(flag + '=')) || '').slice(flag.length + 1);
fs.writeFileSync(process.env.FAKE_CODE_LOG, JSON.stringify({
  args,
  suiteExists: fs.existsSync(value('--extensionTestsPath')),
  workspace: process.env.AWS_NOTES_TEST_WORKSPACE,
  workspaceExists: fs.existsSync(process.env.AWS_NOTES_TEST_WORKSPACE || '/nonexistent'),
  cacheDir: process.env.AWS_NOTES_CACHE_DIR,
}));
process.exit(Number(process.env.FAKE_CODE_EXIT));
`;

describe('test:electron script (with a stand-in VS Code)', function () {
  this.timeout(120000);
  let tmp: string;
  let fake: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-electron-'));
    fake = path.join(tmp, 'code');
    fs.writeFileSync(fake, FAKE, { mode: 0o755 });
    // The script checks that the extension is built; `npm test` builds first, a focused run may not have.
    if (!fs.existsSync(path.join(ROOT, 'dist/client.js'))) spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function run(exit: number) {
    const log = path.join(tmp, `log-${exit}.json`);
    const r = spawnSync(process.execPath, [SCRIPT], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SKIP_BUILD: '1', VSCODE_EXECUTABLE: fake, AWS_NOTES_SUITE_OUT: path.join(tmp, `suite-${exit}`), FAKE_CODE_LOG: log, FAKE_CODE_EXIT: String(exit) },
    });
    return { status: r.status, output: r.stdout + r.stderr, seen: fs.existsSync(log) ? JSON.parse(fs.readFileSync(log, 'utf8')) : undefined };
  }

  it('starts the given executable with the bundled suite, the extension, a fresh workspace and profile; exit 0 passes', () => {
    const { status, output, seen } = run(0);
    assert.equal(status, 0, output);
    assert.ok(seen, `the executable was not started: ${output}`);
    assert.ok(seen.suiteExists, 'the suite bundle exists when the editor starts');
    assert.ok(seen.args.includes(`--extensionDevelopmentPath=${ROOT}`));
    assert.ok(seen.args.includes(seen.workspace) && seen.workspaceExists, 'the workspace is opened and exists');
    for (const flag of ['--user-data-dir', '--extensions-dir', '--disable-workspace-trust']) assert.ok(seen.args.includes(flag), flag);
    assert.deepEqual(seen.args.slice(seen.args.indexOf('--locale'), seen.args.indexOf('--locale') + 2), ['--locale', 'en']);
    assert.ok(seen.cacheDir && !seen.cacheDir.startsWith(ROOT), 'the index cache goes to a temporary folder');
    assert.match(output, /test:electron PASSED/);
    assert.ok(!fs.existsSync(path.dirname(seen.workspace)), 'the temporary folder is removed afterwards');
  });

  it('a failing suite (non-zero exit of the editor) fails the script', () => {
    const { status, output, seen } = run(3);
    assert.ok(seen);
    assert.equal(status, 1, output);
    assert.match(output, /test:electron FAILED/);
  });
});

// extensionTestsPath entry: the extension host (VS Code / code-server / @vscode/test-electron) calls run()
// and turns resolve/reject into the test result. Mocha runs programmatically (BDD), reports with `spec`
// through console.log (which the harness receives), and ends with one `RESULT: n passed, m failed` line.
//   *.test.js  - behaviour that exists (the default run)
//   *.later.js - features not implemented yet; run with AWS_NOTES_TEST_LATER=1 (or =only)
import * as fs from 'fs';
import * as path from 'path';

type MochaCtor = typeof import('mocha');

export function run(): Promise<void> {
  // mocha 12 is an ES module package; the launchers bundle it into this file with esbuild.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('mocha');
  const Mocha: MochaCtor = mod.Mocha ?? mod.default ?? mod;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  if (process.env.AWS_NOTES_TEST_GREP) mocha.grep(new RegExp(process.env.AWS_NOTES_TEST_GREP));
  const later = process.env.AWS_NOTES_TEST_LATER ?? '';
  const files = fs.readdirSync(__dirname).filter((f) =>
    (later !== 'only' && f.endsWith('.test.js')) || ((later === '1' || later === 'only') && f.endsWith('.later.js'))).sort();
  for (const f of files) mocha.addFile(path.resolve(__dirname, f));
  console.log(`[suite] files: ${files.join(', ')}`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats!;
        console.log(`RESULT: ${s.passes} passed, ${s.failures} failed, ${s.pending} pending`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed.`));
        else resolve();
      });
    } catch (e) {
      console.log(`RESULT: 0 passed, 1 failed (suite did not load: ${(e as Error).message})`);
      reject(e);
    }
  });
}

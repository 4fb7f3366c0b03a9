// The crawl scavenges between its slices once the young generation holds more than a few MB (issue 16: short minor
// GC pauses instead of V8's own, which copied 16 MB semi-spaces' worth of survivors inside requests).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as young from '../../../server/src/node/youngGeneration';
import { scavengeIfFilled, youngBytesInUse } from '../../../server/src/node/youngGeneration';

describe('youngGeneration', () => {
  it('does nothing while the young generation holds less than the threshold', () => {
    assert.equal(scavengeIfFilled(Number.MAX_SAFE_INTEGER), false);
  });

  it('scavenges when it holds more: what it held is moved out of it', () => {
    let kept: unknown[] = [];
    // Garbage and survivors: the young generation holds more than 256 KB whatever V8 did before.
    for (let i = 0; i < 20_000; i++) kept.push({ i, s: `note ${i}`.repeat(3) });
    const before = youngBytesInUse();
    assert.ok(before > 256 * 1024, `${before} bytes in use`);
    assert.equal(scavengeIfFilled(256 * 1024), true);
    const after = youngBytesInUse();
    assert.ok(after < before, `${after} bytes after a scavenge, ${before} before`);
    assert.equal(kept.length, 20_000);
    kept = [];
  });
});

// Issue 16 (peak RSS): the request thread's young generation is grown to YOUNG_CAP_BYTES at start and held there
// (V8 grew it to 32 MB). Each case runs in a fresh process: a young generation's size is the whole process's story.
describe('youngGeneration: held at its cap', () => {
  const MB = 1024 * 1024;
  const modules = { young: require.resolve('../../../server/src/node/youngGeneration'), flags: require.resolve('../../../server/src/node/v8Flags') };
  /** Runs `body` in a fresh Node with the server's modules as `young` and `flags`; `churn()` allocates with survivors. */
  function run(body: string): Record<string, number> {
    const script = `
      const young = require(${JSON.stringify(modules.young)});
      const flags = require(${JSON.stringify(modules.flags)});
      const churn = () => { let kept = []; for (let i = 0; i < 4e6; i++) { kept.push({ i }); if (kept.length > 400000) kept = []; } };
      const out = {};
      (async () => {
        ${body}
        process.stdout.write(JSON.stringify(out));
      })();`;
    return JSON.parse(execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { encoding: 'utf8' }));
  }

  it('without the server flags V8 grows it past the cap (what the cap is for)', () => {
    const out = run(`churn(); out.after = young.youngBytesCommitted();`);
    assert.ok(out.after > young.YOUNG_CAP_BYTES, `${out.after / MB} MB`);
  });

  it('grown to the cap at start, it stays there; the flags are the server\'s again at once', () => {
    const out = run(`flags.setServerV8Flags(); out.before = young.youngBytesCommitted(); young.growYoungGeneration(); out.grown = young.youngBytesCommitted(); churn(); out.after = young.youngBytesCommitted();`);
    assert.ok(out.before < young.YOUNG_CAP_BYTES, `${out.before / MB} MB before`);
    assert.equal(out.grown, young.YOUNG_CAP_BYTES);
    assert.equal(out.after, young.YOUNG_CAP_BYTES, 'not grown by the churn');
  });

  it('a new isolate resets V8\'s growth factor: the young generation grows unless held again', () => {
    const worker = (hold: string) => `
      const { Worker } = require('node:worker_threads');
      await new Promise((resolve) => new Worker('0', { eval: true }).on('exit', resolve));
      ${hold}
      churn();
      out.after = young.youngBytesCommitted();`;
    const unheld = run(`flags.setServerV8Flags(); young.growYoungGeneration(); ${worker('')}`);
    assert.ok(unheld.after > young.YOUNG_CAP_BYTES, `${unheld.after / MB} MB: the worker reset the factor`);
    const held = run(`flags.setServerV8Flags(); young.growYoungGeneration(); ${worker('young.holdYoungGeneration();')}`);
    assert.equal(held.after, young.YOUNG_CAP_BYTES);
  });

  it('a worker started through withYoungGenerationHeld: grown to the cap once it has started, not while it starts', () => {
    const out = run(`
      flags.setServerV8Flags();
      const { Worker } = require('node:worker_threads');
      const worker = young.withYoungGenerationHeld(() => new Worker('setTimeout(() => {}, 200)', { eval: true }));
      young.growYoungGeneration();
      out.starting = young.youngBytesCommitted();
      await new Promise((resolve) => worker.once('online', resolve));
      out.started = young.youngBytesCommitted();
      churn();
      out.after = young.youngBytesCommitted();
      await new Promise((resolve) => worker.once('exit', resolve));`);
    assert.ok(out.starting < young.YOUNG_CAP_BYTES, `${out.starting / MB} MB while the worker starts`);
    assert.equal(out.started, young.YOUNG_CAP_BYTES);
    assert.equal(out.after, young.YOUNG_CAP_BYTES);
  });
});

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const MODULE = path.resolve(__dirname, '../../../server/src/node/sliceTrace.ts');

/** Runs `code` in a fresh Node with the trace module loaded as `trace`, with or without AWS_NOTES_TRACE_SLICES. */
function run(code: string, traceFile?: string): string {
  const env = { ...process.env };
  delete env.AWS_NOTES_TRACE_SLICES;
  if (traceFile) env.AWS_NOTES_TRACE_SLICES = traceFile;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', `const trace = require(${JSON.stringify(MODULE)}); ${code}`], { env, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
}

describe('slice trace (AWS_NOTES_TRACE_SLICES)', () => {
  it('is off by default: traced() hands back the very function and nothing is written', () => {
    const out = run(`const f = () => 1; process.stdout.write(JSON.stringify({ same: trace.traced('x', f) === f, tracing: trace.tracing }));`);
    assert.deepEqual(JSON.parse(out), { same: true, tracing: false });
  });

  it('when on, writes one JSON line per span with epoch start/end and CPU time, and GC pauses', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-trace-'));
    const file = path.join(dir, 'trace.jsonl');
    try {
      run(
        `const busy = trace.traced('test:busy', () => { const t = performance.now(); while (performance.now() - t < 5); });
         busy(); busy();
         const s = trace.traceNow(); trace.span('test:manual', s);
         const f = () => 1; process.stdout.write(String(trace.traced('x', f) !== f));
         for (let i = 0; i < 50; i++) new Array(1e5).fill(i); globalThis.gc?.();
         setTimeout(() => process.exit(0), 50);`,
        file,
      );
      const spans = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { l: string; s: number; e: number; c?: number });
      const busy = spans.filter((x) => x.l === 'test:busy');
      assert.equal(busy.length, 2);
      for (const x of busy) {
        assert.ok(x.e - x.s >= 5, 'a span covers the call');
        assert.ok(typeof x.c === 'number' && x.c >= 0, 'with its CPU time');
        assert.ok(Math.abs(x.s - Date.now()) < 60_000, 'in epoch milliseconds');
      }
      assert.ok(busy[0].e <= busy[1].s, 'in order, not overlapping');
      assert.equal(spans.filter((x) => x.l === 'test:manual').length, 1);
      assert.ok(spans.some((x) => x.l.startsWith('gc:')), 'GC pauses are spans too');
      assert.ok(!spans.some((x) => x.l === 'x'), 'a traced function that never ran leaves no span');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The opt-in memory timeline (AWS_NOTES_TRACE_MEMORY): off by default, one JSON line per sample when on.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const MODULE = path.resolve(__dirname, '../../../server/src/node/memoryTrace.ts');

/** Runs `code` with the module as `trace`; `traceFile` undefined: the variable unset, '': set but empty. */
function run(code: string, traceFile?: string, prelude = ''): void {
  const env = { ...process.env };
  delete env.AWS_NOTES_TRACE_MEMORY;
  if (traceFile !== undefined) env.AWS_NOTES_TRACE_MEMORY = traceFile;
  const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', `${prelude} const trace = require(${JSON.stringify(MODULE)}); ${code}`], { env, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
}

describe('memory trace (AWS_NOTES_TRACE_MEMORY)', () => {
  it('writes nothing when off, one line per sample when on', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-notes-mem-'));
    const file = path.join(dir, 'mem.jsonl');
    try {
      // Off (unset or empty): any write through fs fails the child, and the timer keeps nothing alive.
      const noWrites = "const fs = require('node:fs'); for (const k of ['appendFileSync', 'writeFileSync', 'openSync', 'writeSync']) fs[k] = () => { throw new Error('wrote: ' + k); };";
      run(`trace.sampleMemory('x', 0); trace.traceMemoryOnTimer(1);`, undefined, noWrites);
      run(`trace.sampleMemory('x', 0); trace.traceMemoryOnTimer(1);`, '', noWrites);
      // (The stub is effective: the same child with the trace on fails.)
      assert.throws(() => run(`trace.sampleMemory('x', 0);`, file, noWrites), /wrote: /);
      assert.equal(fs.existsSync(file), false);
      run(`trace.sampleMemory('a', 0); trace.sampleMemory('b', 0);`, file);
      const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      assert.deepEqual(lines.map((l) => [l.tag, l.thread]), [['a', 'main'], ['b', 'main']]);
      for (const l of lines) {
        assert.ok(l.rss > 0 && l.heapTotal > 0 && l.heapUsed <= l.heapTotal, JSON.stringify(l));
        assert.equal(typeof l.spaces.old, 'number');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

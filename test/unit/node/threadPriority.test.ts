// The scan worker lowers its own thread's priority (issue 16: the request thread gets the core when a request comes
// in). Only that thread changes: the process's other threads keep theirs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { lowerThisThreadPriority } from '../../../server/src/node/threadPriority';

const MODULE = path.resolve(__dirname, '../../../server/src/node/threadPriority.ts');

/** Runs `lowerThisThreadPriority(nice)` on a new thread; its thread id and the priority it has afterwards. */
function onWorker(nice: number): Promise<{ lowered: boolean; tid: number; priority: number }> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { lowerThisThreadPriority } = require(${JSON.stringify(MODULE)});
    const lowered = lowerThisThreadPriority(${nice});
    const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    parentPort.postMessage({ lowered, tid, priority: require('node:os').getPriority(tid) });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, execArgv: ['-r', 'tsx/cjs'] });
    worker.once('message', (m) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('lowerThisThreadPriority (scan worker)', function () {
  before(function () {
    if (process.platform !== 'linux' || !fs.existsSync('/proc/thread-self')) this.skip();
  });

  it('makes the calling thread nicer by the given steps, and no other thread', async () => {
    const main = os.getPriority();
    const result = await onWorker(3);
    assert.equal(result.lowered, true);
    assert.equal(result.priority, Math.min(19, main + 3));
    assert.notEqual(result.tid, process.pid);
    assert.equal(os.getPriority(), main, 'the main thread keeps its priority');
  });

  it('does nothing for 0 or a negative number', async () => {
    const main = os.getPriority();
    for (const nice of [0, -5]) {
      const result = await onWorker(nice);
      assert.equal(result.lowered, false);
      assert.equal(result.priority, main);
    }
    assert.equal(lowerThisThreadPriority(0), false);
  });
});

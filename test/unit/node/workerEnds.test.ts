import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { WorkerEnds, type WorkerEnd } from '../../../server/src/node/workerEnds';

describe('WorkerEnds (a scan worker that ends before the crawl listens)', () => {
  it('keeps the error and the exit of a worker that failed at load until a listener comes, then passes on later ends', async () => {
    const worker = new Worker("throw new Error('boom at load')", { eval: true });
    const ends = new WorkerEnds(worker);
    // The worker is over before anyone listens (as when it fails while the crawl still walks the folders).
    await new Promise((resolve) => worker.once('exit', resolve));
    const seen: WorkerEnd[] = [];
    ends.listen((end) => seen.push(end));
    assert.deepEqual(seen, [{ kind: 'error', message: 'boom at load' }, { kind: 'exit', code: 1 }]);
  });

  it('passes ends on as they come once listened to (a normal exit: code 0, no error)', async () => {
    const worker = new Worker("require('node:worker_threads').parentPort.once('message', () => process.exit(0))", { eval: true });
    const ends = new WorkerEnds(worker);
    const seen: WorkerEnd[] = [];
    ends.listen((end) => seen.push(end));
    assert.deepEqual(seen, []);
    const exited = once(worker, 'exit');
    worker.postMessage('go');
    await exited;
    assert.deepEqual(seen, [{ kind: 'exit', code: 0 }]);
  });
});

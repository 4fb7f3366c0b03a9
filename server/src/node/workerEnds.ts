// A worker's end ('error', 'exit') kept from the moment it starts until someone listens. The crawl starts its scan
// workers before it walks the folders and listens only afterwards: a worker that failed meanwhile (its script
// throwing at load) would have raised an 'error' nobody listened to — an uncaught exception in the server — and its
// 'exit' would never be seen again, so the crawl would wait for that worker forever.
import type { Worker } from 'node:worker_threads';

export type WorkerEnd = { kind: 'error'; message: string } | { kind: 'exit'; code: number };

export class WorkerEnds {
  private readonly seen: WorkerEnd[] = [];
  private listener: ((end: WorkerEnd) => void) | undefined;

  constructor(worker: Worker) {
    worker.on('error', (error) => this.emit({ kind: 'error', message: error.message }));
    worker.on('exit', (code) => this.emit({ kind: 'exit', code }));
  }

  /** Calls `listener` with every end so far, in order, then with each one as it comes. */
  listen(listener: (end: WorkerEnd) => void): void {
    this.listener = listener;
    for (const end of this.seen.splice(0)) listener(end);
  }

  private emit(end: WorkerEnd): void {
    if (this.listener) this.listener(end);
    else this.seen.push(end);
  }
}

// The cold crawl's list of note files, shared with the scan workers while the folder walk is still growing it
// (issue 16: the workers read and pre-scan the first notes found instead of waiting for the whole walk). The files
// go to each worker in chunks on its port; four shared counters tell every thread how far it may claim:
// [next file to claim, files published, the list is complete (1), a change count to wait on].
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';

const NEXT = 0;
const PUBLISHED = 1;
const COMPLETE = 2;
const CHANGES = 3;

/** A chunk of the list as a worker receives it (after its job's own files). */
export interface FilesChunk {
  type: 'files';
  files: string[];
  uris: string[];
}

/** The claim counters over a shared buffer (made by `FileFeed`, attached by each worker). */
export function feedCounters(): SharedArrayBuffer {
  return new SharedArrayBuffer(16);
}

/**
 * Claims up to `batch` files: [start, end), or undefined when every file is claimed and the list is complete.
 * With `wait`, a thread that has caught up with the list waits for more (a worker); without, it gets [n, n] (this
 * thread: it must never block its event loop).
 */
export function claimFiles(counters: Int32Array, batch: number, wait: boolean): [number, number] | undefined {
  for (;;) {
    const changes = Atomics.load(counters, CHANGES);
    const next = Atomics.load(counters, NEXT);
    const published = Atomics.load(counters, PUBLISHED);
    if (next < published) {
      const end = Math.min(published, next + batch);
      if (Atomics.compareExchange(counters, NEXT, next, end) === next) return [next, end];
      continue;
    }
    // Published before completed: once complete, the count read after it is the final one.
    if (Atomics.load(counters, COMPLETE)) {
      if (Atomics.load(counters, PUBLISHED) <= next) return undefined;
      continue;
    }
    if (!wait) return [next, next];
    // Any publication or the end after `changes` was read wakes it (no lost wake-up); the timeout is a safety net.
    Atomics.wait(counters, CHANGES, changes, 200);
  }
}

/** How many 1 ms waits a worker makes for a chunk already published before it gives up (and fails). */
const MAX_CHUNK_WAITS = 1000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** A worker's copy of the list: its job's files, then the chunks its port brings, read when a claim reaches them. */
export class FeedReader {
  constructor(
    readonly files: string[],
    readonly uris: string[] | undefined,
    private readonly port: MessagePort,
    private readonly maxWaits = MAX_CHUNK_WAITS,
  ) {}

  /** Makes sure files [0, end) are known here (the main thread posts a chunk before it publishes it). */
  ensure(end: number): void {
    for (let waited = 0; this.files.length < end; ) {
      const received = receiveMessageOnPort(this.port);
      if (!received) {
        // Posted before it was published: only a slow hand-over between the threads can get here (a bounded wait).
        if (++waited > this.maxWaits) throw new Error(`file list: ${this.files.length} of ${end} files received`);
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      const chunk = received.message as FilesChunk;
      for (const file of chunk.files) this.files.push(file);
      if (this.uris) for (const uri of chunk.uris) this.uris.push(uri);
    }
  }
}

/** The main thread's side: the growing list, published to the attached workers' ports as it grows. */
export class FileFeed {
  readonly files: string[] = [];
  readonly uris: string[] = [];
  readonly counters: Int32Array;
  private readonly ports: MessagePort[] = [];
  private ended = false;

  constructor(files: readonly string[] = [], uris: readonly string[] = [], complete = false) {
    this.counters = new Int32Array(feedCounters());
    this.push(files, uris);
    if (complete) this.end();
  }

  get complete(): boolean {
    return this.ended;
  }

  /**
   * Sends every later chunk to `port`; returns the files (and URIs) published so far, which go with the worker's job
   * (a copy: the job is posted before the next chunk).
   */
  attach(port: MessagePort): { files: string[]; uris: string[] } {
    this.ports.push(port);
    return { files: this.files.slice(), uris: this.uris.slice() };
  }

  /** No more chunks to `port` (its worker is done or gone). */
  detach(port: MessagePort): void {
    const k = this.ports.indexOf(port);
    if (k >= 0) this.ports.splice(k, 1);
  }

  push(files: readonly string[], uris: readonly string[]): void {
    if (this.ended) throw new Error('file list already complete');
    if (!files.length) return;
    for (const file of files) this.files.push(file);
    for (const uri of uris) this.uris.push(uri);
    const chunk: FilesChunk = { type: 'files', files: [...files], uris: [...uris] };
    for (const port of this.ports) port.postMessage(chunk);
    Atomics.store(this.counters, PUBLISHED, this.files.length);
    this.changed();
  }

  /** No more files: the threads that catch up with the list are done. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    Atomics.store(this.counters, COMPLETE, 1);
    this.changed();
  }

  private changed(): void {
    Atomics.add(this.counters, CHANGES, 1);
    Atomics.notify(this.counters, CHANGES);
  }
}

// The crawl's second core (bundled as dist/scanWorker.js): a worker thread that takes batches of the cold crawl's
// phase-1 files (claimed from a counter shared with the main thread, so the two share the work whatever each
// costs) and does what the main thread would do with them before they are exposed: read (size limit, binary
// detection, UTF-8 decoding), the nesting pre-check and the heading pre-scan. It posts back the text, the read's
// fstat and the pre-scan; the main thread exposes those notes like the ones it pre-scanned itself (the section
// cap, parse budget, full scan and mentions stay on the main thread). See `WorkspaceIndexer.crawl`.
import { parentPort, type MessagePort } from 'node:worker_threads';
import { preScanHeadings } from '../core/notes/fastScan';
import { searchKey } from '../../../shared/normalize';
import { nestingDepth } from './noteGuard';
import { readNoteSync, type SyncReadResult } from './noteReader';

export interface ScanJob {
  files: string[];
  /** Int32 [next file index]: both threads claim `batch` files at a time with Atomics.add. */
  counter: SharedArrayBuffer;
  batch: number;
  maxFileSize: number;
  maxNestingDepth: number;
  /** Where the results go (the main thread takes them synchronously, between its own batches). */
  port: MessagePort;
}

export interface ScannedNote {
  i: number;
  read: SyncReadResult;
  /** The nesting pre-check failed (more than maxNestingDepth levels): not pre-scanned. */
  tooDeep?: boolean;
  /** The pre-scan (undefined: declined, or not attempted). */
  scan?: { headings: string[]; levels: number[]; positions: Int32Array };
  /** The workspace-symbol search keys of the pre-scanned headings (what the cache stores; '' for the preamble). */
  keys?: string[];
}

export type WorkerMessage = { type: 'batch'; notes: ScannedNote[] } | { type: 'done' };

/** Phase 1 of one file, as the worker does it (exported for tests). */
export function scanFile(file: string, i: number, maxFileSize: number, maxNestingDepth: number): ScannedNote {
  const read = readNoteSync(file, maxFileSize);
  if (!read.ok) return { i, read };
  if (nestingDepth(read.text, maxNestingDepth) > maxNestingDepth) return { i, read, tooDeep: true };
  const scan = preScanHeadings(read.text);
  if (!scan) return { i, read };
  const headings = scan.headings as string[];
  const levels = Array.from(scan.levels);
  return { i, read, scan: { headings, levels, positions: scan.positions }, keys: headings.map((h, k) => (levels[k] === 0 ? '' : searchKey(h))) };
}

function run(job: ScanJob): void {
  const counter = new Int32Array(job.counter);
  const total = job.files.length;
  for (;;) {
    const start = Atomics.add(counter, 0, job.batch);
    if (start >= total) break;
    const end = Math.min(total, start + job.batch);
    const notes: ScannedNote[] = [];
    for (let i = start; i < end; i++) notes.push(scanFile(job.files[i], i, job.maxFileSize, job.maxNestingDepth));
    job.port.postMessage({ type: 'batch', notes } satisfies WorkerMessage);
  }
  job.port.postMessage({ type: 'done' } satisfies WorkerMessage);
}

parentPort?.once('message', (job: ScanJob) => run(job));

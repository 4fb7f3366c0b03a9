// The crawl's second core (bundled as dist/scanWorker.js): a worker thread that takes batches of the cold crawl's
// phase-1 files (claimed from a counter shared with the main thread, so the two share the work whatever each
// costs) and does what the main thread would do with them before they are exposed: read (size limit, binary
// detection, UTF-8 decoding), the nesting pre-check and the heading pre-scan. It posts back the text, the read's
// fstat and the pre-scan; the main thread exposes those notes like the ones it pre-scanned itself. Given the data
// directory (`mentions`), it then does phase 2 of the notes it pre-scanned (issue 16: hovers never wait for
// indexing): the full scan, mention finding and ranking, sent back as packed arrays with the parse time (the main
// thread applies the parse budget). See `WorkspaceIndexer.crawl`.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { createRecognizer, fnv1a32, mentionHits, type PackedHits, type PackedSections, packSections, parseNote, preScanHeadings, type Recognizer } from '../core';
import { searchKey } from '../../../shared/normalize';
import { loadAwsData } from './dataLoader';
import { nestingDepth } from './noteGuard';
import { intoOneBuffer, type Typed } from './oneBuffer';
import { readNoteSync, type SyncReadResult } from './noteReader';
import { claimFiles, FeedReader } from './fileFeed';
import { sampleMemory } from './memoryTrace';
import { lowerThisThreadPriority } from './threadPriority';
import { setServerV8Flags } from './v8Flags';

// First of all: creating this isolate reset V8's young-generation growth factor (a process-wide flag) to its default,
// and the request thread's young generation must not grow meanwhile (issue 16, youngGeneration.ts). Only in a worker:
// a process that imports this module (a test run) keeps its own flags.
if (parentPort) setServerV8Flags();

export interface ScanJob {
  /** The files published so far; the rest come in chunks on `port` (fileFeed.ts) while the folders are walked. */
  files: string[];
  /** The file list's claim counters (fileFeed.ts): the threads claim `batch` files at a time. */
  counter: SharedArrayBuffer;
  batch: number;
  maxFileSize: number;
  maxNestingDepth: number;
  /** Where the results go (the main thread takes them synchronously, between its own batches). */
  port: MessagePort;
  /** Phase 2 in the worker too: the URIs (as the index knows them), the data the main thread recognises with, the section cap. */
  mentions?: { uris: string[]; dataDir: string; maxSectionsPerFile: number; keepChars?: number; releaseChars?: number };
  /**
   * Int32 [messages applied by the main thread]: the worker stays at most AHEAD messages ahead of it, so results
   * never pile up in the port (each holds texts or packed sections: a corpus's worth doubled the peak RSS).
   */
  applied?: SharedArrayBuffer;
  /** Steps by which the worker lowers its own thread's priority (requests on the main thread come first). */
  nice?: number;
  /** How many workers share the crawl (the counter): each holds its share of the texts' budget (`keepChars`). */
  workers?: number;
}

/** Messages the worker may post before the main thread has applied them. */
export const AHEAD = 8;
/**
 * The same in phase 1, whose messages are small (16 notes' texts and headings, ~40 KB at 10k notes): the main thread
 * is busiest while phase 1 begins (the client's first requests, the folder walk), and a worker held at AHEAD
 * waited there for ~130 ms of a 10k-note cold start (issue 16 profile) instead of reading on. Not more: at 64 the
 * request thread had a backlog to apply all through phase 1, and the stream's p99 rose (22 → 28 ms in one A/B).
 */
export const AHEAD_PHASE1 = 24;

/** Phase 2 of one note, done in the worker. */
export interface IndexedInWorker {
  i: number;
  parseMs: number;
  /** Undefined when the full scan threw: the main thread scans the note itself (and reports it). */
  sections?: PackedSections;
  hits?: PackedHits;
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

/** `scanned`: phase 1 is over (every file claimed was posted); `indexed` batches follow when asked for; then `done`. */
export type WorkerMessage = { type: 'batch'; notes: ScannedNote[] } | { type: 'scanned' } | { type: 'indexed'; notes: IndexedInWorker[] } | { type: 'done' };

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
  if (job.nice) lowerThisThreadPriority(job.nice);
  const counter = new Int32Array(job.counter);
  const feed = new FeedReader(job.files, job.mentions?.uris, job.port);
  const applied = job.applied ? new Int32Array(job.applied) : undefined;
  let posted = 0;
  let ahead = AHEAD_PHASE1;
  const post = (message: WorkerMessage) => {
    // Each batch's typed arrays travel in one buffer, transferred (not copied).
    job.port.postMessage(message, message.type === 'batch' || message.type === 'indexed' ? [gatherArrays(message)] : []);
    sampleMemory(message.type);
    if (!applied || message.type === 'scanned' || message.type === 'done') return;
    posted++;
    for (let seen = Atomics.load(applied, 0); posted - seen > ahead; seen = Atomics.load(applied, 0)) Atomics.wait(applied, 0, seen, 50);
  };
  /**
   * Notes this worker pre-scanned (their phase 2 is done here when asked for) with the text phase 1 read, dropped
   * once indexed: reading, decoding and hashing every note again for phase 2 was ~10 % of the worker's CPU (issue 16
   * profile). Held texts are a second copy in this heap until phase 2, so only the first KEEP_CHARS are held; the
   * others are read again and used only when they are the text phase 1 read (length and hash).
   */
  const mine: { i: number; text: string | undefined; length: number; hash: number }[] = [];
  let kept = 0;
  const keepChars = Math.floor((job.mentions?.keepChars ?? KEEP_CHARS) / Math.max(1, job.workers ?? 1));
  for (;;) {
    const claimed = claimFiles(counter, job.batch, true);
    if (!claimed) break;
    const [start, end] = claimed;
    feed.ensure(end);
    const notes: ScannedNote[] = [];
    for (let i = start; i < end; i++) {
      const note = scanFile(job.files[i], i, job.maxFileSize, job.maxNestingDepth);
      notes.push(note);
      if (job.mentions && note.read.ok && note.scan && note.scan.headings.length <= job.mentions.maxSectionsPerFile) {
        const text = note.read.text;
        if (kept + text.length <= keepChars) {
          kept += text.length;
          mine.push({ i, text, length: text.length, hash: 0 });
        } else mine.push({ i, text: undefined, length: text.length, hash: textHash(text) });
      }
    }
    post({ type: 'batch', notes });
  }
  post({ type: 'scanned' });
  ahead = AHEAD;
  if (job.mentions) {
    const data = loadAwsData(job.mentions.dataDir);
    const recognizer = createRecognizer(data);
    let batch: IndexedInWorker[] = [];
    let released = 0;
    const releaseChars = job.mentions.releaseChars ?? RELEASE_CHARS;
    for (let k = 0; k < mine.length; k++) {
      const { i, text, length, hash } = mine[k];
      mine[k].text = undefined;
      // The held texts are this heap's bulk, and V8 gives their pages back only after a full collection, which a
      // worker that allocates little else rarely makes: without one its heap stayed at its phase-1 size (~57 MB at
      // 10k notes) until the end, beside the request thread's peak.
      if (text !== undefined && (released += text.length) >= releaseChars) {
        released = 0;
        collectGarbage();
      }
      // A held text is the very one the main thread exposed in phase 1 (a file event since then replaces that note
      // there, and this result is then not applied).
      if (text !== undefined) batch.push(indexInWorker(recognizer, job.mentions.uris[i], i, text));
      else {
        const read = readNoteSync(job.files[i], job.maxFileSize);
        // Changed on disk since phase 1: the main thread indexes the text it has (or the file event's) itself.
        if (read.ok && read.text.length === length && textHash(read.text) === hash) batch.push(indexInWorker(recognizer, job.mentions.uris[i], i, read.text));
      }
      if (batch.length === job.batch || (k === mine.length - 1 && batch.length)) {
        post({ type: 'indexed', notes: batch });
        batch = [];
      }
    }
  }
  post({ type: 'done' });
}

/** Moves the typed arrays of a message's notes into one buffer (views of it replace them); returns the buffer. */
export function gatherArrays(message: Extract<WorkerMessage, { type: 'batch' | 'indexed' }>): ArrayBuffer {
  const arrays: Typed[] = [];
  if (message.type === 'batch') {
    for (const note of message.notes) if (note.scan) arrays.push(note.scan.positions);
  } else {
    for (const { sections: s, hits } of message.notes) if (s && hits) arrays.push(hits.data, hits.scores, s.ints, s.blocks, s.codeInts, s.codeValueAt, s.codeRanges);
  }
  const { views, buffer } = intoOneBuffer(arrays);
  let k = 0;
  if (message.type === 'batch') {
    for (const note of message.notes) if (note.scan) note.scan.positions = views[k++] as Int32Array;
  } else {
    for (const { sections: s, hits } of message.notes) {
      if (!s || !hits) continue;
      hits.data = views[k++] as Int32Array;
      hits.scores = views[k++] as Float64Array;
      s.ints = views[k++] as Int32Array;
      s.blocks = views[k++] as Int32Array;
      s.codeInts = views[k++] as Int32Array;
      s.codeValueAt = views[k++] as Int32Array;
      s.codeRanges = views[k++] as Int32Array;
    }
  }
  return buffer;
}

/** UTF-16 units of held texts dropped between two full collections in phase 2 (~8 MB; four or so at 10k notes). */
const RELEASE_CHARS = 4 * 1024 * 1024;

let gc: (() => void) | null | undefined;
/**
 * A full collection of this worker's heap: V8's `gc`, read from a fresh context after setting the flag (no flag at
 * launch needed; the flag is process-wide, so contexts made later on any thread have a `gc` too). Only an
 * optimisation: when `gc` cannot be had, the worker goes on without it.
 */
function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

/** With the length: a changed note is told apart from the one phase 1 read. */
const textHash = fnv1a32;

/**
 * UTF-16 units of phase-1 texts held for phase 2 (about 32-64 MB): all of a 10,000-note workspace of real-shaped
 * notes (16 M), a bounded share of larger ones.
 */
export const KEEP_CHARS = 32 * 1024 * 1024;

/** Phase 2 of one note as `NotesIndex.indexPending` does it: full scan, mentions, per-service ranking, packed. */
function indexInWorker(recognizer: Recognizer, uri: string, i: number, text: string): IndexedInWorker {
  const started = performance.now();
  try {
    const note = parseNote(uri, text);
    const parseMs = performance.now() - started;
    return { i, parseMs, sections: packSections(note.sections, note.codeRanges, text), hits: mentionHits(recognizer, note) };
  } catch {
    return { i, parseMs: performance.now() - started };
  }
}

parentPort?.once('message', (job: ScanJob) => run(job));

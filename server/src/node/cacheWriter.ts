// The persistent index cache is written in idle time: the notes' content hashed, then the cache file written, in
// slices of a few ms that each wait for a pause in requests, so a write (≈0.5 s of CPU at 10k notes) never holds up
// a hover; a shutdown finishes it synchronously.
import * as fs from 'node:fs';
import { foldedHeadingKeys, type Locale, localize, M, type NotesIndex } from '../core';
import { contentHash, type CacheEntryInput, type IndexCache } from './indexCache';
import { msSinceInput } from './requestGate';
import { IDLE_SLICE_MS, requestPause } from './requestPause';
import { span, traceNow, tracing } from './sliceTrace';
import type { DiskMeta } from './workspaceIndexer';

/** The background cache write starts once no request has come in for this long… */
const IDLE_MS = 500;
/** …or once it has waited this long for such a pause; then it runs in slices, each after a pause in requests (requestPause.ts). */
const MAX_WAIT_MS = 10_000;

export interface CacheWriterDeps {
  index: NotesIndex;
  /** What the disk said about each indexed note (the indexer keeps it up to date). */
  meta: Map<string, DiskMeta>;
  /** Notes whose text comes from an editor: not cached. */
  openInEditor: ReadonlySet<string>;
  /** The cache in use, if any (the indexer may switch it). */
  cache: () => IndexCache | undefined;
  /** The indexer's crawl generation: a new crawl abandons a write in progress. */
  generation: () => number;
  warnOnce: (key: string, message: string) => void;
  locale: () => Locale;
}

export class CacheWriter {
  private saveTimer: NodeJS.Timeout | undefined;
  private cacheDirty = false;
  /** Since when a background write has been waiting for a pause in requests. */
  private saveWaitingSince: number | undefined;
  /** A background cache write in progress. */
  private writing: { steps: Generator<void, boolean>; cache: IndexCache } | undefined;

  constructor(private readonly deps: CacheWriterDeps) {}

  /** Writes the cache after `delay` ms (-1: nothing changed since it was loaded, no write), once the server is idle. */
  saveSoon(delay = 2000): void {
    if (delay < 0 && !this.cacheDirty) return;
    this.cacheDirty = true;
    if (!this.deps.cache()) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveInBackground(), Math.max(0, delay));
    this.saveTimer.unref?.();
  }

  /** Between two slices of the background write: the next one waits for a pause in requests (bounded). */
  private idlePause(): Promise<void> {
    return requestPause();
  }

  /**
   * Hashes the notes' content, then writes the cache, in slices of a few ms (yielding between them), once no
   * request has come in for `IDLE_MS`: the write (≈0.5 s of CPU at 10k notes) never competes with the crawl or
   * holds up a request for more than a slice. A shutdown meanwhile finishes it synchronously (`saveCacheNow`).
   */
  private async saveInBackground(): Promise<void> {
    const now = performance.now();
    const quiet = msSinceInput();
    this.saveWaitingSince ??= now;
    // Requests that never pause for IDLE_MS (a long typing session) postpone the write by MAX_WAIT_MS at most:
    // it runs in slices anyway.
    if (quiet < IDLE_MS && now - this.saveWaitingSince < MAX_WAIT_MS) return void this.saveSoon(Math.ceil(IDLE_MS - quiet));
    this.saveWaitingSince = undefined;
    if (this.writing) return void this.saveSoon(1000); // one write at a time: the next one after this
    const generation = this.deps.generation();
    let traceStart = tracing ? traceNow() : 0;
    const unhashed = [...this.deps.meta].filter(([uri, m]) => (!m.hash || m.size < 0) && !this.deps.openInEditor.has(uri));
    if (tracing) span('save:unhashed', traceStart);
    for (let i = 0; i < unhashed.length; ) {
      if (generation !== this.deps.generation()) return;
      const sliceEnd = (tracing ? traceNow() : performance.now()) + IDLE_SLICE_MS;
      for (; i < unhashed.length && performance.now() < sliceEnd; i++) {
        const [uri, meta] = unhashed[i];
        const note = this.deps.index.get(uri);
        if (!note) continue;
        if (meta.size < 0) this.statLater(meta, note.text);
        meta.hash ??= contentHash(note.text);
      }
      if (tracing) span('save:hash', sliceEnd - IDLE_SLICE_MS);
      await this.idlePause();
    }
    const cache = this.deps.cache();
    if (!cache || !this.cacheDirty) return; // written meanwhile (shutdown) or nothing to write
    if (this.deps.index.pendingCount > 0) return void this.saveSoon(1000);
    traceStart = tracing ? traceNow() : 0;
    const entries = this.cacheEntries();
    if (tracing) span('save:entries', traceStart);
    this.cacheDirty = false;
    const steps = cache.writeSteps(entries);
    this.writing = { steps, cache };
    let ok: boolean | undefined;
    try {
      let sliceStart = tracing ? traceNow() : performance.now();
      for (;;) {
        if (this.writing?.steps !== steps) return; // finished synchronously by saveCacheNow
        const step = steps.next();
        if (step.done) {
          ok = step.value;
          break;
        }
        if (performance.now() - sliceStart > IDLE_SLICE_MS) {
          if (tracing) span('save:write', sliceStart);
          await this.idlePause();
          sliceStart = tracing ? traceNow() : performance.now();
        }
      }
    } finally {
      if (this.writing?.steps === steps) this.writing = undefined;
    }
    if (!ok) {
      this.cacheDirty = true;
      this.deps.warnOnce(`cache-write:${cache.file}`, localize(this.deps.locale(), M.cacheWriteFailed, { file: cache.file }));
    }
  }

  /** The stat of a note read during the crawl; a size that does not fit the text read means "changed since": not cached. */
  private statLater(meta: DiskMeta, text: string): void {
    const stat = fs.statSync(meta.file, { throwIfNoEntry: false });
    const bytes = Buffer.byteLength(text, 'utf8');
    // A dropped BOM (3 bytes) or replaced invalid bytes change the decoded length: such files are simply re-read.
    if (stat && stat.size === bytes) {
      meta.size = stat.size;
      meta.mtimeMs = stat.mtimeMs;
    }
  }

  private cacheEntries(): CacheEntryInput[] {
    const entries: CacheEntryInput[] = [];
    for (const [uri, meta] of this.deps.meta) {
      if (this.deps.openInEditor.has(uri)) continue;
      const note = this.deps.index.get(uri);
      const hits = this.deps.index.packedHits(uri);
      const positions = this.deps.index.headingPositions(uri);
      if (!note || !hits || !positions) continue;
      if (meta.size < 0) this.statLater(meta, note.text);
      if (meta.size < 0) continue;
      meta.hash ??= contentHash(note.text);
      const { columns, text } = this.deps.index.sectionColumns(note);
      entries.push({ file: meta.file, uri, size: meta.size, mtimeMs: meta.mtimeMs, hash: meta.hash, sections: columns, text, hits, positions, searchKeys: foldedHeadingKeys(this.deps.index, uri) ?? [] });
    }
    return entries;
  }

  /** Writes the cache now if anything changed since the last write (and finishes a background write in progress). */
  saveNow(): boolean {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    let finished = false;
    const writing = this.writing;
    if (writing) {
      this.writing = undefined;
      let step = writing.steps.next();
      while (!step.done) step = writing.steps.next();
      finished = step.value;
      if (!finished) this.cacheDirty = true;
    }
    const cache = this.deps.cache();
    if (!cache || !this.cacheDirty) return finished;
    if (this.deps.index.pendingCount > 0) {
      this.saveSoon(1000);
      return false;
    }
    const ok = cache.save(this.cacheEntries());
    if (ok) this.cacheDirty = false;
    else this.deps.warnOnce(`cache-write:${cache.file}`, localize(this.deps.locale(), M.cacheWriteFailed, { file: cache.file }));
    return ok;
  }
}

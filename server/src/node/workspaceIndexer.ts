// Keeps the notes index in step with the file system: the initial crawl (yielding between files so that
// requests are never queued behind indexing), single-file updates, and open editors' unsaved text.
//
// The crawl has two phases. Phase 1 stats every note; a note whose path, size and mtime match the persistent
// cache is restored from it (sections, heading positions, ranked hits; its text is read only when needed),
// any other note is read and scanned: after phase 1 every heading is searchable. Phase 2 finds the mentions of
// the notes that were scanned, in slices. Then the cache is written, off the critical path.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { foldedHeadingKeys, type Locale, localize, M, type NoteFile, type NotesIndex, seedFoldedHeadingKeys } from '../core';
import { CacheWriter } from './cacheWriter';
import { CrawlPhase, type PhaseRun } from './crawlPhase';
import { claimFiles, FileFeed } from './fileFeed';
import { contentHash, IndexCache, type CachedNote, type LoadedCache } from './indexCache';
import type { Logger } from './logger';
import { onceLogger } from './logger';
import { discoverNotes, insideRoots, isInside, NoteMatcher, realRoots, refusedRoot, resolveRoots, type NoteRoot } from './noteDiscovery';
import { NoteGuard, type PreScanned } from './noteGuard';
import { readNote, readNoteSync, type ReadResult } from './noteReader';
import { afterRequests, BACKGROUND_STEP_MS, requestPending } from './requestGate';
import type { IndexedInWorker, ScanJob, ScannedNote, WorkerMessage } from './scanWorker';
import { DEFAULT_SETTINGS, type ServerSettings } from './settings';
import { span, traceNow, tracing } from './sliceTrace';
import { toPath, toUri } from './uris';
import { WorkerEnds } from './workerEnds';
import { scavengeIfFilled, withYoungGenerationHeld } from './youngGeneration';

export interface IndexProgress {
  done: number;
  total: number;
}

export interface CrawlResult {
  files: number;
  sections: number;
  ms: number;
  missing: string[];
  /** Notes restored from the persistent cache (not read, not parsed). */
  fromCache: number;
  /** When every heading was searchable (end of phase 1), ms since the crawl started. */
  headingsMs: number;
  /** With a cache: when every cached note was restored into the index (before the folders were walked), ms since the start. */
  restoredMs: number;
  /** Cache load (read + decode) time, ms: the cached headings are searchable from then on. */
  cacheLoadMs: number;
  /** When the crawl started, ms since the process started. */
  startedAt: number;
}

export interface CrawlCallbacks {
  onProgress?: (p: IndexProgress) => void;
  /** Phase 1 is over: every note's headings are searchable; mentions follow. */
  onHeadings?: (p: { files: number; ms: number }) => void;
  /**
   * Awaited before the crawl first touches the notes on disk (walk, stat, read), after the cached notes are restored:
   * the server's file watch, so that a warm start's restore overlaps the watch registration's round trip while no
   * read can happen before the watch (issue 9).
   */
  beforeDisk?: Promise<unknown>;
}

/** What the cache needs to know about a note that came from the disk. */
export interface DiskMeta {
  file: string;
  size: number;
  mtimeMs: number;
  /** Known when the note came from the cache; computed from the text when the cache is written. */
  hash?: string;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** The scan worker's young generation (MB). */
const WORKER_YOUNG_MB = 8;
/** Steps by which the scan worker lowers its thread's priority below this one's (issue 16: requests come first). */
const WORKER_NICE = 10;
/** The end of a crawl redoes stale query rankings for at most this long. */
const SETTLE_MS = 3000;

/** Each limit at most as permissive as its default (a smaller limit is stricter for every one of them). */
function noLooserThanDefaults(limits: ServerSettings['limits']): ServerSettings['limits'] {
  const d = DEFAULT_SETTINGS.limits;
  return {
    maxFileSize: Math.min(limits.maxFileSize, d.maxFileSize),
    maxSectionsPerFile: Math.min(limits.maxSectionsPerFile, d.maxSectionsPerFile),
    parseTimeBudgetMs: Math.min(limits.parseTimeBudgetMs, d.parseTimeBudgetMs),
    maxNestingDepth: Math.min(limits.maxNestingDepth, d.maxNestingDepth),
  };
}

/** `value` as a positive integer, or undefined when it is not one. */
function positiveInteger(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Replaces each string of `list` by the first equal one `names` has seen. */
function internAll(list: string[], names: Map<string, string>): void {
  for (let k = 0; k < list.length; k++) {
    const known = names.get(list[k]);
    if (known === undefined) names.set(list[k], list[k]);
    else list[k] = known;
  }
}

export class WorkspaceIndexer {
  private matcher: NoteMatcher;
  private readonly log: ReturnType<typeof onceLogger>;
  /** URIs whose text comes from an open editor: the disk must not overwrite it. */
  private readonly openInEditor = new Set<string>();
  private generation = 0;
  private cache: IndexCache | undefined;
  private readonly meta = new Map<string, DiskMeta>();
  /** Writes the persistent cache in idle time (and at once on shutdown). */
  private readonly writer: CacheWriter;
  /** Issue 9: nesting pre-check, section cap and parse time budget around every parse. */
  readonly guard: NoteGuard;
  /**
   * The cold crawl's second core: `script` (the bundled dist/scanWorker.js next to dist/server.js; absent when the
   * sources run unbundled, as in unit tests) reads and pre-scans a share of the notes when there are at least
   * `minNotes` to read (below that a worker's start-up does not pay). `script: undefined` turns it off.
   */
  scanWorker: { script: string | undefined; minNotes: number; dataDir?: string; keepChars?: number; releaseChars?: number; nice?: number; workers?: number } = {
    script: process.env.AWS_NOTES_SCAN_WORKER === '0' ? undefined : path.join(__dirname, 'scanWorker.js'),
    minNotes: 500,
    // Issue 16: a second worker shares phase 1 (read + pre-scan) only with four cores or more. On two cores the
    // request thread, the client and V8's GC threads already fill the second one during a cold crawl: measured at
    // 10k notes, two workers gave no earlier headings, and more CPU and peak RSS. Each further worker only for at
    // least `minNotes` more notes. AWS_NOTES_SCAN_WORKERS=N (a positive integer; anything else: the default) for A/B runs.
    workers: positiveInteger(process.env.AWS_NOTES_SCAN_WORKERS) ?? Math.min(2, Math.max(1, Math.floor((os.availableParallelism?.() ?? os.cpus().length) / 2))),
    // How much nicer than this thread the worker runs (threadPriority.ts); AWS_NOTES_WORKER_NICE=0 for A/B runs.
    nice: Number(process.env.AWS_NOTES_WORKER_NICE ?? WORKER_NICE) || 0,
  };
  /**
   * Issue 16: with `scanWorker.dataDir` (the data the index recognises mentions with, loaded there too) the worker
   * does the whole crawl, phase 2 included, and this thread only applies its packed results in slices of this
   * length: requests never queue behind a scan. Without it the worker shares phase 1 only.
   */
  static readonly APPLY_SLICE_MS = BACKGROUND_STEP_MS;
  /** While the worker's share of a crawl is being read: notes whose file events came in (its reads of them are older). */
  private touchedDuringCrawl: Set<string> | undefined;
  /** Set when phase 1 of the last crawl used the worker (for tests and stats). */
  lastCrawlUsedWorker = false;
  /** How many notes the walk had found when the last crawl's workers began reading (for tests and stats). */
  lastCrawlStreamedAt: number | undefined;
  /** How many notes each worker of the last crawl pre-scanned (for tests and stats). */
  lastCrawlShares: number[] = [];
  /**
   * Issue 12: false in an untrusted workspace (VS Code's Restricted Mode, told by the client): its folders are then
   * not note roots, and relative `notes.paths` entries resolve to nothing, unless `notes.indexUntrustedWorkspaces`.
   */
  private workspaceTrusted = true;
  /** Roots refused by `refusedRoot` (`/`, `/proc`…): reported once per crawl, never walked or watched. */
  private refused: { root: NoteRoot; why: 'root' | 'system' | 'home' }[] = [];
  /** Real paths of the accepted roots (symlinks out of them are skipped), computed with the matcher. */
  private reals: string[] = [];

  constructor(
    private readonly index: NotesIndex,
    private settings: ServerSettings,
    private workspaceFolders: string[],
    logger: Logger,
    private readonly locale: () => Locale,
  ) {
    this.log = onceLogger(logger);
    this.writer = new CacheWriter({
      index,
      meta: this.meta,
      openInEditor: this.openInEditor,
      cache: () => this.cache,
      generation: () => this.generation,
      warnOnce: (key, message) => this.log.warnOnce(key, message),
      locale,
    });
    this.matcher = this.createMatcher();
    this.guard = new NoteGuard(index, () => this.settings.limits, (key, message) => this.log.warnOnce(key, message), locale); // issue 9
    // Notes restored from the cache read their text from the disk the first time it is needed.
    index.setTextSource((uri) => {
      const file = toPath(uri);
      if (!file) return undefined;
      const result = readNoteSync(file, this.settings.limits.maxFileSize);
      return result.ok ? result.text : undefined;
    });
  }

  /** Uses (or stops using) a persistent cache; `versions` go into its key. Refused inside a note folder. */
  useCache(dir: string | undefined, versions?: { server: string; data: string }): IndexCache | undefined {
    this.cache = this.cacheFor(dir, versions);
    if (!this.cache && dir && versions) this.log.warnOnce(`cache:${dir}`, localize(this.locale(), M.cacheDirRefused, { dir }));
    return this.cache;
  }

  /** The cache of the current roots in `dir`; undefined when `dir` may not hold one (inside a note folder). */
  private cacheFor(dir: string | undefined, versions?: { server: string; data: string }): IndexCache | undefined {
    const roots = this.matcher.roots.map((r) => (r.file ? r.base : `${r.base}${path.sep}${r.pattern ?? ''}`));
    const bases = this.matcher.roots.map((r) => (r.file ? path.dirname(r.base) : r.base));
    if (!dir || !versions || !IndexCache.usable(dir, bases)) return undefined;
    return new IndexCache(dir, roots, versions);
  }

  /** A cache opened before the settings were read (see preloadCache). */
  private preloaded: { file: string; loaded: LoadedCache | undefined } | undefined;

  /**
   * Opens the cache that the settings known now name, ahead of the crawl: the server calls it at `initialized`,
   * before the configuration round trip, during which the client's first requests (and their first-time work) would
   * otherwise run before the cache is read. The next crawl uses it if its own cache is the same file (same folder,
   * roots and versions), else drops it; nothing of it is shown before that crawl.
   */
  preloadCache(dir: string | undefined, versions: { server: string; data: string }): void {
    const cache = this.cacheFor(dir, versions);
    this.preloaded = cache ? { file: cache.file, loaded: cache.open() } : undefined;
    // Its headings are searchable at once (the configuration round trip and the client's first requests come before
    // the crawl); a crawl that does not use this cache withdraws them.
    const headings = this.preloaded?.loaded?.headings;
    if (headings && this.index.size === 0 && !this.index.cachedHeadings) this.index.cachedHeadings = headings;
  }
  private createMatcher(): NoteMatcher {
    const folders = this.workspaceTrusted || this.settings.notes.indexUntrustedWorkspaces ? this.workspaceFolders : [];
    const accepted: NoteRoot[] = [];
    this.refused = [];
    for (const root of resolveRoots(this.settings.notes.paths, folders)) {
      const why = refusedRoot(root.base);
      if (why) this.refused.push({ root, why });
      else accepted.push(root);
    }
    this.reals = realRoots(accepted);
    return new NoteMatcher(accepted, this.settings.notes.exclude);
  }

  /**
   * Whether the workspace is trusted (the client says so; other clients: always). Takes effect at `configure`.
   * Untrusted: the limits are never looser than the defaults (VS Code drops the workspace's values of restricted
   * settings already; this holds even if a client passes them on).
   */
  setWorkspaceTrusted(trusted: boolean): void {
    this.workspaceTrusted = trusted;
  }

  /** Whether the untrusted-workspace rule currently keeps the workspace folders out of the roots. */
  get ignoresUntrustedWorkspace(): boolean {
    return !this.workspaceTrusted && !this.settings.notes.indexUntrustedWorkspaces && this.workspaceFolders.length > 0;
  }

  /** Roots refused as too broad, with why (`root`, `system`, `home`). */
  get refusedRoots(): readonly { source: string; base: string; why: 'root' | 'system' | 'home' }[] {
    return this.refused.map(({ root, why }) => ({ source: root.source, base: root.base, why }));
  }

  /** A symlink whose real path leaves the roots is not a note (unless `notes.followSymlinksOutside`). */
  private outsideRoots(file: string): boolean {
    if (this.settings.notes.followSymlinksOutside) return false;
    return !insideRoots(file, this.reals);
  }

  get roots() {
    return this.matcher.roots;
  }

  configure(settings: ServerSettings, workspaceFolders: string[] = this.workspaceFolders): void {
    this.settings = this.workspaceTrusted ? settings : { ...settings, limits: noLooserThanDefaults(settings.limits) };
    this.workspaceFolders = workspaceFolders;
    this.matcher = this.createMatcher();
  }

  isNoteUri(uri: string): boolean {
    const file = toPath(uri);
    return !!file && this.matcher.matches(file);
  }

  /** Full crawl: indexes every note, drops notes that are no longer included. */
  async crawl(callbacks: CrawlCallbacks | ((p: IndexProgress) => void) = {}): Promise<CrawlResult> {
    const { onProgress, onHeadings, beforeDisk } = typeof callbacks === 'function' ? { onProgress: callbacks, onHeadings: undefined, beforeDisk: undefined } : callbacks;
    const generation = ++this.generation;
    const started = performance.now();
    const preloaded = this.preloaded;
    this.preloaded = undefined;
    const loaded = preloaded && preloaded.file === this.cache?.file ? preloaded.loaded : this.cache?.open();
    const preloadedHeadings = preloaded?.loaded?.headings;
    if (preloadedHeadings && loaded !== preloaded?.loaded && this.index.cachedHeadings === preloadedHeadings) this.index.cachedHeadings = undefined;
    /** The cached notes by path (phase 1 verifies each), filled as phase 0 builds their entries. */
    let cached = new Map<string, CachedNote>();
    const cacheLoadMs = Math.round(performance.now() - started);
    // Cold start: the workers boot while the folders are walked (or were started ahead, see startWorkersEarly).
    const early = this.early.splice(0);
    if (loaded) for (const worker of early) void worker.terminate();
    let workers = loaded ? [] : early.length ? early : this.startWorkers();
    // Until every heading is searchable, idle-time work (the server's warm-up) waits: it would take the cores the
    // scan workers need (issue 16: the request thread, the workers and the client share them).
    let scanning = !loaded ? this.scanPhase.begin() : undefined;
    this.lastCrawlUsedWorker = false;
    this.lastCrawlStreamedAt = undefined;
    this.lastCrawlShares = [];
    let restoredMs = 0;
    const maxFileSize = this.settings.limits.maxFileSize;
    let lastYield = performance.now();
    const pause = async () => {
      if (performance.now() - lastYield > 8) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    };
    /** The cache's integrity check, in slices (the folder walk goes on meanwhile). */
    const verify = async (steps: Generator<void, boolean>): Promise<boolean> => {
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        await pause();
      }
    };
    this.index.beginBulk();
    let bulkEnded = false;
    let restoring: PhaseRun | undefined;
    try {
      // Phase 0 (a start with a cache): every cached note's headings are searchable at once, straight from the loaded
      // columns, while the notes are restored into the index in slices, before the folders are walked; phase 1 then
      // verifies each one (stat; content hash) and replaces or drops what changed on disk.
      const unverified = new Set<string>();
      // A cache whose columns decode but whose entries do not (tampered: the integrity check would fail too) is
      // withdrawn like one that fails the check, before anything reads the disk.
      let unusable = false;
      if (loaded && this.index.size === 0) {
        restoring = this.restorePhase.begin();
        this.index.cachedHeadings = loaded.headings;
        try {
          // A workspace-symbol query already waiting is answered from the columns before the restore starts.
          await yieldToEventLoop();
          lastYield = performance.now();
          for (let i = 0; i < loaded.count; i++) {
            if (generation !== this.generation) break;
            const entry = loaded.entry(i);
            cached.set(entry.file, entry);
            if (this.openInEditor.has(entry.uri)) continue;
            this.restore(entry.uri, entry, entry);
            unverified.add(entry.uri);
            await pause();
          }
        } catch {
          unusable = true;
        } finally {
          // Only this crawl's: a newer crawl may have begun its own restore meanwhile.
          if (this.index.cachedHeadings === loaded.headings) this.index.cachedHeadings = undefined;
        }
      } else if (loaded) {
        try {
          for (let i = 0; i < loaded.count; i++) {
            const entry = loaded.entry(i);
            cached.set(entry.file, entry);
          }
        } catch {
          unusable = true;
        }
      }
      // The preloaded headings (see preloadCache) when this crawl did not restore from them.
      if (loaded && this.index.cachedHeadings === loaded.headings) this.index.cachedHeadings = undefined;
      if (unverified.size) restoredMs = Math.round(performance.now() - started);
      this.restorePhase.end(restoring);
      // A watch that could not be registered is reported by its owner; the notes are read all the same.
      await beforeDisk?.catch(() => undefined);
      // Issue 16: a cold crawl's workers read the notes as the walk finds them (fileFeed.ts), once it has found enough
      // for all of them (minNotes each); a walk that finds fewer hands its list over at its end, as before.
      const feed = workers.length ? new FileFeed() : undefined;
      let streamed: ReturnType<typeof this.phase1WithWorker> | undefined;
      const streamFrom = workers.length * Math.max(1, this.scanWorker.minNotes);
      const onFound = feed
        ? (files: string[]) => {
            feed.push(files, files.map((file) => toUri(file)));
            if (streamed || feed.files.length < streamFrom || generation !== this.generation) return;
            this.lastCrawlStreamedAt = feed.files.length;
            streamed = this.phase1WithWorker(workers, generation, feed, maxFileSize, onProgress);
            streamed.catch(() => undefined); // awaited below; this only keeps an early failure from being reported unhandled
          }
        : undefined;
      // The folder walk does not depend on the cache's integrity check: it runs while the check finishes.
      const discovering = discoverNotes(this.matcher, 64, undefined, { followOutside: this.settings.notes.followSymlinksOutside, onFound });
      discovering.catch(() => undefined); // awaited below; this only keeps an early failure from being reported unhandled
      // Issue 12: the cache's integrity check (SHA-256, in slices while the folders are walked); a cache that fails it
      // (poisoned but well-formed) is withdrawn, and every note is read and scanned anew (the cache is then rewritten).
      if (loaded && (unusable || (cached.size > 0 && !(await verify(loaded.verify()))))) {
        for (const uri of unverified) {
          // Only what this crawl restored: a newer crawl may have read the note anew meanwhile.
          if (generation !== this.generation) break;
          this.index.remove(uri);
          this.meta.delete(uri);
        }
        unverified.clear();
        cached = new Map();
        restoredMs = 0;
        this.log.warnOnce(`cache-integrity:${this.cache?.file}`, localize(this.locale(), M.cacheIntegrity, { file: String(this.cache?.file) }));
      }
      let found: Awaited<typeof discovering>;
      try {
        found = await discovering;
      } finally {
        feed?.end();
      }
      for (const problem of found.problems) this.log.warnOnce(problem, problem);
      // The feed's order (the walk's) when the workers read the notes: its indices are theirs.
      const files = feed ? feed.files : found.files;
      const uris = feed ? feed.uris : found.files.map((file) => cached.get(file)?.uri ?? toUri(file));
      const wanted = new Set(uris);
      for (const uri of this.index.uris()) {
        // An unsaved note open in the editor stays; one the settings no longer include (notes.paths/exclude changed) goes.
        if (this.openInEditor.has(uri) && !this.isNoteUri(uri)) this.openInEditor.delete(uri);
        if (!wanted.has(uri) && !this.openInEditor.has(uri)) {
          this.index.remove(uri);
          this.meta.delete(uri);
        }
      }
      let fromCache = 0;
      if (!streamed) {
        // Each worker needs its share of at least minNotes notes (none at all in a superseded crawl).
        const useful = generation !== this.generation ? 0 : Math.floor(files.length / Math.max(1, this.scanWorker.minNotes));
        for (const extra of workers.splice(Math.min(workers.length, useful))) void extra.terminate();
      }
      // Phase 1 off the request thread: the workers claim batches of files from one counter (this thread claims some
      // too only when the workers do not go on with phase 2); whatever a worker could not do (it failed) is done here below.
      const session = streamed ? await streamed : feed && workers.length ? await this.phase1WithWorker(workers, generation, feed, maxFileSize, onProgress) : undefined;
      const doneByWorker = session?.done;
      workers = [];
      // Phase 1: structure. Synchronous stats and reads: small files, no thread-pool round trip per file.
      for (let i = 0; i < files.length; i++) {
        if (doneByWorker?.[i]) continue;
        if (generation !== this.generation) break;
        const file = files[i];
        if (this.restoreOrRead(file, uris[i], cached.get(file), maxFileSize, unverified.has(uris[i]))) fromCache++;
        if (performance.now() - lastYield > 8) {
          onProgress?.({ done: i + 1, total: files.length });
          await yieldToEventLoop();
          lastYield = performance.now();
        }
      }
      const headingsMs = Math.round(performance.now() - started);
      this.scanPhase.end(scanning);
      if (generation === this.generation) onHeadings?.({ files: this.index.size, ms: headingsMs });
      // Phase 2 in the worker (when it does it): its results are applied in short slices until it is done.
      if (session?.phase2) await session.phase2(generation);
      // Phase 2 here: mentions and rankings of the notes that are still pending, in slices of ~8 ms.
      while (generation === this.generation && this.index.pendingCount > 0) {
        const sliceEnd = (tracing ? traceNow() : performance.now()) + 8;
        this.index.indexPending(() => performance.now() > sliceEnd);
        this.index.backgroundWork(() => performance.now() > sliceEnd);
        if (tracing) span('crawl:mentions', sliceEnd - 8);
        if (!requestPending()) scavengeIfFilled();
        await yieldToEventLoop();
      }
      // The index is complete: rankings requests asked for meanwhile are redone exactly in slices (requests still get
      // bounded answers), so the first request after the crawl finds them fresh instead of re-ranking 10k notes.
      // (At most for SETTLE_MS: file events arriving meanwhile would make them stale again.)
      const settleUntil = performance.now() + SETTLE_MS;
      let traceStart = tracing ? traceNow() : 0;
      while (generation === this.generation && performance.now() < settleUntil && this.index.backgroundWork(((end) => () => performance.now() > end)(performance.now() + WorkspaceIndexer.APPLY_SLICE_MS), true)) {
        if (tracing) span('crawl:settle', traceStart);
        // The rankings redone here keep their evidence (it survives): short scavenges between slices, as while crawling.
        if (!requestPending()) scavengeIfFilled();
        await afterRequests(); // requests first (requestGate.ts)
        traceStart = tracing ? traceNow() : 0;
      }
      this.index.endBulk();
      bulkEnded = true;
      onProgress?.({ done: files.length, total: files.length });
      if (generation === this.generation) this.saveCacheSoon(fromCache === files.length && cached.size === files.length ? -1 : 300);
      const stats = this.index.stats();
      if (tracing) span('crawl:end', traceStart);
      return { files: stats.files, sections: stats.sections, ms: Math.round(performance.now() - started), missing: found.missing, fromCache, headingsMs, restoredMs, cacheLoadMs, startedAt: Math.round(started) };
    } finally {
      this.restorePhase.end(restoring);
      this.scanPhase.end(scanning);
      for (const worker of workers) void worker.terminate();
      if (!bulkEnded) this.index.endBulk();
    }
  }

  private readonly restorePhase = new CrawlPhase();
  private readonly scanPhase = new CrawlPhase();

  /** Whether a crawl is restoring cached notes now (phase 0 of a warm start). */
  get restoring(): boolean {
    return this.restorePhase.active;
  }

  /**
   * Settles when no crawl is restoring cached notes (phase 0 of a warm start): idle-time work (the server's warm-up)
   * waits for it, so that the cached headings are searchable as early as possible.
   */
  get restored(): Promise<void> {
    return this.restorePhase.settled;
  }

  /** Whether a cold crawl is reading and pre-scanning the notes now (phase 1: not every heading is searchable yet). */
  get scanning(): boolean {
    return this.scanPhase.active;
  }

  /** Settles when no cold crawl is in phase 1 (idle-time work waits for it, like for a warm start's restore). */
  get scanned(): Promise<void> {
    return this.scanPhase.settled;
  }

  /** Scan workers started ahead of the next cold crawl (startWorkersEarly). */
  private early: Worker[] = [];

  /**
   * Issue 16: starts the scan workers ahead of the crawl (the server does at `initialized`, unless a cache was
   * preloaded): their start-up (~100 ms of module loading) then overlaps the client's round trips and first requests
   * instead of the crawl. The next crawl takes them if it is cold, and ends them if it is not.
   */
  startWorkersEarly(): void {
    if (this.early.length || this.preloaded?.loaded) return;
    this.early = this.startWorkers();
  }

  /** How each started scan worker ended, kept until its crawl listens. */
  private readonly workerEnds = new WeakMap<Worker, WorkerEnds>();

  /** The scan workers, started; none when they are off, the bundle is missing, or none can start (logged once). */
  private startWorkers(): Worker[] {
    const script = this.scanWorker.script;
    if (!script || !fs.existsSync(script)) return [];
    const workers: Worker[] = [];
    for (let k = 0; k < Math.max(1, this.scanWorker.workers ?? 1); k++) {
      try {
        // A small young generation: the worker's scans make short-lived garbage, and its default young generation
        // (up to 48 MB) sat next to the main thread's heap at the crawl's peak.
        // Issue 16: the request thread's young generation stays at its cap (youngGeneration.ts).
        const worker = withYoungGenerationHeld(() => new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }));
        worker.unref();
        this.workerEnds.set(worker, new WorkerEnds(worker));
        workers.push(worker);
      } catch (error) {
        this.log.warnOnce('scan-worker', localize(this.locale(), M.workerNotStarted, { error: (error as Error).message }));
        break;
      }
    }
    return workers;
  }

  /**
   * Phase 1 of a cold crawl with the scan workers: they (and this thread, only when they do not do phase 2 as well)
   * claim batches of files from one shared counter, so that each takes a share in proportion to its speed; this
   * thread reads and pre-scans its batches as the single-thread crawl does, and exposes the workers' notes (read,
   * nesting-checked and pre-scanned there) as they arrive. Returns which files are done (all of them unless a worker
   * failed or the crawl was superseded) and, when the workers go on with phase 2 (each of the notes it pre-scanned),
   * `phase2`, which applies their results until all are done; the workers are terminated (their heaps freed) once
   * they have nothing more to send.
   */
  private async phase1WithWorker(
    workers: Worker[],
    generation: number,
    feed: FileFeed,
    maxFileSize: number,
    onProgress: ((p: IndexProgress) => void) | undefined,
  ): Promise<{ done: boolean[]; phase2?: (generation: number) => Promise<void> }> {
    this.lastCrawlUsedWorker = true;
    // The feed's arrays grow while the folders are walked (fileFeed.ts): read through them, never copied.
    const { files, uris, counters } = feed;
    const done: boolean[] = [];
    const touched = (this.touchedDuringCrawl = new Set<string>());
    const maxNestingDepth = this.settings.limits.maxNestingDepth;
    const batch = 16;
    const dataDir = this.scanWorker.dataDir;
    /** One copy of each service id the workers send (each message brings its own copies). */
    const names = new Map<string, string>();
    /** The note each of the workers' files became (its phase-2 result applies to that very note only). */
    const exposed: (NoteFile | undefined)[] = [];
    /**
     * One lane per worker: its port (the results are taken from it synchronously, between this thread's own batches
     * and within short slices: a burst of queued messages never holds up a request), its count of applied messages
     * (the worker's back pressure) and where it is: `scanned` (phase 1 posted), `finished` (all posted, or failed).
     */
    const lanes = workers.map((worker) => {
      const { port1, port2 } = new MessageChannel();
      const lane = { worker, port: port1, remote: port2, applied: new Int32Array(new SharedArrayBuffer(4)), scanned: false, finished: false, exited: false, notes: 0 };
      const fail = (why: string) => {
        if (lane.finished) return;
        lane.scanned = lane.finished = true;
        this.log.warnOnce('scan-worker', localize(this.locale(), M.workerFailed, { error: why }));
      };
      // A normal exit comes after the last message was posted (it is in the port's queue).
      this.workerEnds.get(worker)?.listen((end) => (end.kind === 'error' ? fail(end.message) : end.code === 0 ? (lane.exited = true) : fail(`exit ${end.code}`)));
      return lane;
    });
    type Lane = (typeof lanes)[number];
    const all = (what: (lane: Lane) => boolean) => lanes.every(what);
    let count = 0;
    let lastYield = performance.now();
    const slice = dataDir ? WorkspaceIndexer.APPLY_SLICE_MS : 8;
    /** A message being applied and its next note: a slice ends after any note, not only after a whole message
     * (one message of 16 notes took 10–30 ms to apply; traced, it was the main cause of slow requests during the crawl). */
    let held: { message: Extract<WorkerMessage, { type: 'batch' | 'indexed' }>; at: number } | undefined;
    /** Applies the held message's notes until the slice is over; true when all of them are applied. */
    const applyHeld = (): boolean => {
      const { message } = held!;
      const notes = message.notes;
      while (held!.at < notes.length) {
        if (message.type === 'batch') {
          const note = message.notes[held!.at++];
          if (generation === this.generation) {
            this.applyScanned(files[note.i], uris[note.i], note, maxNestingDepth, touched);
            if (dataDir) exposed[note.i] = this.index.get(uris[note.i]);
          }
          done[note.i] = true;
          count++;
        } else {
          const note = message.notes[held!.at++];
          if (generation === this.generation) this.applyIndexed(files[note.i], exposed[note.i], note, names);
        }
        if (held!.at < notes.length && performance.now() - lastYield > slice) return false;
      }
      held = undefined;
      return true;
    };
    /** The lane whose port is read first next time: the workers' messages are taken in turn. */
    let turn = 0;
    const receive = (): { lane: Lane; message: WorkerMessage } | undefined => {
      for (let k = 0; k < lanes.length; k++) {
        const lane = lanes[(turn + k) % lanes.length];
        const received = receiveMessageOnPort(lane.port);
        if (!received) continue;
        turn = (turn + k + 1) % lanes.length;
        return { lane, message: received.message as WorkerMessage };
      }
      return undefined;
    };
    /** Applies the workers' results until the slice is over; false when nothing was queued. */
    const drain = (): boolean => {
      let any = false;
      if (held) {
        any = true;
        if (!applyHeld() || performance.now() - lastYield > slice) return any;
      }
      for (;;) {
        const received = receive();
        if (!received) return any;
        any = true;
        const { lane, message } = received;
        if (message.type === 'done') {
          lane.scanned = lane.finished = true;
          continue;
        }
        if (message.type !== 'scanned') {
          // Taken from the port: the worker may post one more (it stays at most AHEAD messages ahead).
          Atomics.add(lane.applied, 0, 1);
          Atomics.notify(lane.applied, 0);
        }
        if (message.type === 'scanned') lane.scanned = true;
        else {
          if (message.type === 'batch') lane.notes += message.notes.length;
          held = { message, at: 0 };
          if (!applyHeld()) return any;
        }
        if (performance.now() - lastYield > slice) return any;
      }
    };
    const close = () => {
      this.lastCrawlShares = lanes.map((lane) => lane.notes);
      for (const lane of lanes) {
        feed.detach(lane.port);
        lane.worker.removeAllListeners();
        lane.port.close();
        void lane.worker.terminate();
      }
      this.touchedDuringCrawl = undefined;
    };
    /** Drains until `over()`, yielding after each slice (a 1 ms timer while nothing is queued, not a busy loop). */
    const pump = async (own: () => boolean, over: () => boolean) => {
      while (generation === this.generation) {
        // A request came in: it is dispatched and answered in the next turns, before any more crawl work.
        if (requestPending()) {
          await yieldToEventLoop();
          lastYield = performance.now();
          continue;
        }
        const traceStart = tracing ? traceNow() : 0;
        const mine = own();
        const any = drain();
        if (!mine && over() && !any) break;
        // Nothing to apply: the rest of the slice goes to rankings that requests left unfinished.
        const more = !mine && !any && this.index.backgroundWork(() => performance.now() - lastYield > slice);
        if (tracing) span('crawl:apply', traceStart);
        // Between slices, not inside the next request: a short scavenge of what this slice made (youngGeneration.ts).
        if (!requestPending()) scavengeIfFilled();
        if (performance.now() - lastYield > slice || (!mine && !any)) {
          onProgress?.({ done: count, total: files.length });
          await (mine || any || more ? yieldToEventLoop() : new Promise<void>((resolve) => setTimeout(resolve, 1)));
          lastYield = performance.now();
        }
      }
    };
    let keepOpen = false;
    try {
      for (const lane of lanes) {
        const known = feed.attach(lane.port);
        const job: ScanJob = {
          files: known.files, counter: counters.buffer as SharedArrayBuffer, applied: lane.applied.buffer as SharedArrayBuffer, batch, maxFileSize, maxNestingDepth, port: lane.remote,
          nice: this.scanWorker.nice, workers: lanes.length,
          mentions: dataDir ? { uris: known.uris, dataDir, maxSectionsPerFile: this.settings.limits.maxSectionsPerFile, keepChars: this.scanWorker.keepChars, releaseChars: this.scanWorker.releaseChars } : undefined,
        };
        lane.worker.postMessage(job, [lane.remote]);
      }
      // When the workers do phase 2 too, this thread reads nothing itself (requests never wait for a scan).
      let own = !dataDir;
      const claim = () => {
        if (!own) return false;
        const claimed = claimFiles(counters, batch, false);
        if (!claimed) return (own = false);
        const [start, end] = claimed;
        for (let i = start; i < end; i++) {
          this.restoreOrRead(files[i], uris[i], undefined, maxFileSize);
          done[i] = true;
          count++;
        }
        return end > start;
      };
      await pump(claim, () => all((lane) => lane.scanned || lane.exited));
      drain();
      if (!dataDir || all((lane) => lane.finished || lane.exited) || generation !== this.generation) return { done };
      keepOpen = true;
      return {
        done,
        phase2: async (gen: number) => {
          try {
            if (gen === generation) await pump(() => false, () => all((lane) => lane.finished || lane.exited));
            drain();
          } finally {
            close();
          }
        },
      };
    } finally {
      if (!keepOpen) close();
    }
  }

  /** Applies the worker's phase 2 of a note to the note it exposed in phase 1 (if the index still holds it). */
  private applyIndexed(file: string, note: NoteFile | undefined, result: IndexedInWorker, names: Map<string, string>): void {
    if (!note || !result.sections || !result.hits) return; // not applied: the note stays pending for this thread
    // ~20 service ids per note, each a new string from the structured clone: 200,000 short strings at 10k notes.
    internAll(result.hits.services, names);
    if (this.index.setMentionsIndexed(note, result.sections, result.hits)) this.guard.parsedElsewhere(note.uri, file, note.text, result.parseMs);
  }

  /** Exposes a note the scan worker read and pre-scanned, unless an editor or a file event has a newer text of it. */
  private applyScanned(file: string, uri: string, note: ScannedNote, maxNestingDepth: number, touched: Set<string>): void {
    if (this.openInEditor.has(uri) || touched.has(uri)) return;
    const read = note.read;
    const stat = read.ok && read.size !== undefined ? (read as { size: number; mtimeMs: number }) : undefined;
    this.applyRead(file, read, true, stat, uri, { maxNestingDepth, tooDeep: !!note.tooDeep, scan: note.scan, keys: note.keys });
  }

  /** Phase 1 for one file: restores it from the cache when its stat (or content) matches; true when restored. */
  private restoreOrRead(file: string, uri: string, entry: CachedNote | undefined, maxFileSize: number, restored = false): boolean {
    if (this.openInEditor.has(uri)) return false;
    // Not in the cache: read it; the read's fstat is what the cache records (no second stat of the file).
    if (!entry) {
      const result = readNoteSync(file, maxFileSize);
      this.applyRead(file, result, true, result.ok && result.size !== undefined ? (result as { size: number; mtimeMs: number }) : undefined, uri);
      return false;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file, { throwIfNoEntry: false });
    } catch {
      stat = undefined;
    }
    if (entry && stat && stat.size <= maxFileSize && stat.size === entry.size && stat.mtimeMs === entry.mtimeMs) {
      if (!restored) this.restore(uri, entry, stat);
      return true;
    }
    const result = readNoteSync(file, maxFileSize);
    if (entry && stat && result.ok) {
      // Touched but maybe not changed (git checkout, copy): the content hash decides.
      const hash = contentHash(result.text);
      if (hash === entry.hash) {
        this.restore(uri, { ...entry, hash }, stat);
        return true;
      }
    }
    this.applyRead(file, result, true, stat, uri);
    return false;
  }

  private restore(uri: string, entry: CachedNote, stat: { size: number; mtimeMs: number }): void {
    const note = this.index.lazyNote(uri, entry.note);
    this.index.setIndexed(note, entry.hits, entry.positions);
    seedFoldedHeadingKeys(this.index, uri, entry.searchKeys, entry.searchMasks);
    this.meta.set(uri, { file: entry.file, size: stat.size, mtimeMs: stat.mtimeMs, hash: entry.hash });
  }

  /** Writes the cache after `delay` ms (-1: nothing changed since it was loaded, no write), once the server is idle. */
  saveCacheSoon(delay = 2000): void {
    this.writer.saveSoon(delay);
  }

  /** Writes the cache now if anything changed since the last write (and finishes a background write in progress). */
  saveCacheNow(): boolean {
    return this.writer.saveNow();
  }

  /** Reads one file from disk and (re)indexes it; removes it when it is gone or unreadable. */
  async indexFile(file: string): Promise<boolean> {
    this.touchedDuringCrawl?.add(toUri(file));
    if (this.openInEditor.has(toUri(file))) return true;
    if (this.outsideRoots(file)) {
      // A file event on a link out of the note folders (e.g. to ~/.aws/credentials): never read.
      if (this.index.remove(toUri(file))) this.meta.delete(toUri(file));
      if (fs.existsSync(file)) this.log.warnOnce(`${file}:outside`, localize(this.locale(), M.skippedSymlinkOutside, { path: file }));
      return false;
    }
    const result = await readNote(file, this.settings.limits.maxFileSize);
    let stat: fs.Stats | undefined;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      stat = undefined;
    }
    const ok = this.applyRead(file, result, false, stat);
    this.saveCacheSoon();
    return ok;
  }

  private applyRead(file: string, result: ReadResult, defer = false, stat?: { size: number; mtimeMs: number }, uri = toUri(file), pre?: PreScanned): boolean {
    if (this.openInEditor.has(uri)) return true;
    if (!result.ok) {
      this.index.remove(uri);
      this.meta.delete(uri);
      const locale = this.locale();
      const message =
        result.reason === 'large'
          ? localize(locale, M.skippedLarge, { path: file, size: result.detail, limit: this.settings.limits.maxFileSize })
          : result.reason === 'binary'
            ? localize(locale, M.skippedBinary, { path: file })
            : localize(locale, M.readFailed, { path: file, error: result.detail });
      if (!/ENOENT/.test(result.detail)) this.log.warnOnce(`${file}:${result.reason}`, message);
      return false;
    }
    try {
      // Issue 9: limits (nesting pre-check, section cap, parse time budget) are applied by the guard.
      if (!this.guard.setText(uri, file, result.text, { defer, headingsFirst: defer, pre })) {
        this.meta.delete(uri);
        return false;
      }
      // The crawl folds each note's heading keys as it exposes the note: the workspace-symbol queries made while it
      // runs (and the first one after it) then only search, instead of folding every note indexed since the last one.
      // The scan worker folded them already (the keys of the headings it pre-scanned, which the note now has).
      if (defer) {
        const note = pre?.keys && pre.scan ? this.index.get(uri) : undefined;
        if (note && this.index.headingsOf(note).headings === pre!.scan!.headings) seedFoldedHeadingKeys(this.index, uri, pre!.keys!);
        foldedHeadingKeys(this.index, uri);
      }
      this.meta.set(uri, stat ? { file, size: stat.size, mtimeMs: stat.mtimeMs } : { file, size: -1, mtimeMs: -1 });
    } catch (error) {
      this.log.warnOnce(`${file}:parse`, localize(this.locale(), M.readFailed, { path: file, error: (error as Error).message }));
      return false;
    }
    return true;
  }

  /** A file-system event for one path: re-index that file alone. */
  async fileChanged(file: string, deleted: boolean): Promise<void> {
    const uri = toUri(file);
    this.touchedDuringCrawl?.add(uri);
    if (deleted) {
      // A deleted folder is reported as one event (the watcher does not list what was inside): drop its notes too.
      const under = uri.endsWith('/') ? uri : `${uri}/`;
      // (A path the notes pattern matches is a note, not a folder: no scan of every indexed URI for it.)
      const gone = this.index.has(uri) || this.matcher.matches(file) ? [uri] : this.index.uris().filter((u) => u.startsWith(under));
      let removed = false;
      for (const u of gone) {
        if (this.openInEditor.has(u) || !this.index.remove(u)) continue;
        this.meta.delete(u);
        removed = true;
      }
      if (removed) this.saveCacheSoon();
      return;
    }
    if (this.matcher.matches(file)) await this.indexFile(file);
    else if (this.index.remove(uri)) {
      this.meta.delete(uri);
      this.saveCacheSoon();
    }
  }

  /** A folder appeared (e.g. moved or unzipped in): index the notes inside it. */
  async directoryCreated(dir: string): Promise<number> {
    const found = await discoverNotes(this.matcher, 64, dir, { followOutside: this.settings.notes.followSymlinksOutside });
    for (const file of found.files) await this.indexFile(file);
    return found.files.length;
  }

  /** Unsaved text in an editor wins over the disk. */
  editorChanged(uri: string, text: string): void {
    if (!this.isNoteUri(uri)) return;
    this.openInEditor.add(uri);
    this.guard.setText(uri, uri, text); // issue 9: the same limits as for notes read from disk
  }

  /** Editor closed: fall back to what is on disk. */
  async editorClosed(uri: string): Promise<void> {
    if (!this.openInEditor.delete(uri)) return;
    const file = toPath(uri);
    if (file) await this.fileChanged(file, false);
  }

  /** A folder the notes' exclusions leave out: no note below it is indexed, so none is watched. */
  excludesDirectory(dir: string): boolean {
    return this.matcher.roots.some((root) => !root.file && isInside(dir, root.base) && dir !== root.base && this.matcher.isExcluded(dir, root));
  }

}

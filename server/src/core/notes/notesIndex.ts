// The in-memory index of all notes: sections, services mentioned per file, ranked hits. One file changes -> one
// file is re-indexed and only that file's hits move in the cached service rankings.
//
// Two phases: `setNote(note, { defer: true })` makes a note's headings searchable at once (workspace symbols,
// outline) and queues the mention finding, which `indexPending` runs in slices (the crawl yields between them).
// Per file only compact ranked hits are kept (five 32-bit ints and a score per hit), not the mentions: Find
// References recomputes a file's mentions from its text on demand.
//
// A note's text may be lazy (notes restored from the persistent cache): `LazyNote.text` asks the text source
// (the disk, in the server) the first time it is needed and keeps it.
import { monotonicNow } from '../clock';
import type { Recognizer } from '../recognize/identities';
import type { NoteFile, Section } from '../syntax/markdown/noteModel';
import { findMentionColumns, type Mention, MentionColumns } from './noteMentions';
import { packSections, unpackSections, type PackedSections } from './packedSections';
import { parseNote } from '../syntax/markdown/parseNote';
import { compareHits, type HitSink, rankSectionsInto, type SectionHit } from './ranking';
import { TextIndex } from './textIndex';
import { type CachedHeadings, parentsFromLevels } from './cachedHeadings';
import { fileName } from '../syntax/markdown/remark';
import { RecentRing } from './recentRing';
import { ObjectSectionView, PackedSectionView, type SectionView } from './sectionView';

/**
 * Hits of one file, packed: per hit HIT_FIELDS ints [serviceIndex, section, about (0/1), anchor, block] and its score.
 * Issue 16 (peak RSS): the ints as 32-bit ints, not all six fields as doubles (48 bytes a hit, 16 MB at 10k notes).
 */
export interface PackedHits {
  services: string[];
  data: Int32Array;
  /** One per hit. */
  scores: Float64Array;
}

export const HIT_FIELDS = 5;

interface IndexedNote {
  note: NoteFile;
  /** Undefined while the note waits for phase 2 (mention finding). */
  hits: PackedHits | undefined;
  /** Heading ranges [startLine, startChar, endLine, endChar] per section, computed on first use. */
  positions: Int32Array | undefined;
  /** Where each section's heading starts in the text (see `sectionText`), derived on first use. */
  starts?: Int32Array;
  /** Filled by the workspace-symbol search (its folded heading keys); dropped with the entry when the note changes. */
  searchKeys?: unknown;
}

/** Per-note data a feature may keep with the note (see `forEachNote`). */
export interface NoteSlot {
  searchKeys?: unknown;
}

interface Ranking {
  hits: SectionHit[];
  /** Files whose hits for this service changed since `hits` was computed. */
  dirty: Set<string>;
  at: number;
}

export interface IndexStats {
  files: number;
  sections: number;
  services: number;
}

export type NoteParser = (uri: string, text: string) => NoteFile;
export type TextSource = (uri: string) => string | undefined;

/** What a restored note knows without building its sections: headings and levels in section order. */
export interface PackedStructure {
  sections: () => Section[];
  codeRanges: () => number[];
  headings: readonly string[];
  levels: ArrayLike<number>;
  /** The sections as flat columns, when the note has them (phase 2 in the scan worker): the cache writes them as they are. */
  columns?: PackedSections;
}

/**
 * Notes whose sections, rebuilt from their columns, are held: enough for one note's repeated reads (a ranking reads a
 * note's sections section by section), few enough that the rebuilt sections of a ranking over thousands of notes die
 * young instead of filling the old generation.
 */
const recentlyBuilt = new RecentRing(32);

/** A note restored from a cache: sections are built and the text is read (from the text source) when first needed. */
export class LazyNote implements NoteFile {
  private loaded: string | undefined;
  private builtSections: Section[] | undefined;
  private recentSections: Section[] | undefined;
  private builtRanges: number[] | undefined;
  /** `name`: undefined for a note restored from the cache, named on first use (decoding 10k URIs was ~10 % of a warm start's restore). */
  constructor(
    readonly uri: string,
    private known: string | undefined,
    readonly packed: PackedStructure,
    private readonly source: () => TextSource | undefined,
    text?: string,
  ) {
    this.loaded = text;
  }

  get name(): string {
    return (this.known ??= fileName(this.uri));
  }

  /** Whether the full sections exist yet (built from the cache's columns or by the deferred scan). */
  get sectionsBuilt(): boolean {
    return this.builtSections !== undefined;
  }

  get sections(): Section[] {
    if (this.builtSections) return this.builtSections;
    // Sections rebuilt from flat columns (the worker's) are held for the last few notes only: cheap to rebuild, and
    // a ranking that reads every note of a service kept them all built (~35 MB at 10k notes) beside the columns.
    if (this.packed.columns) {
      if (this.recentSections) return this.recentSections;
      const sections = (this.recentSections = this.packed.sections());
      recentlyBuilt.keep(() => (this.recentSections = undefined));
      return sections;
    }
    return (this.builtSections = this.packed.sections());
  }

  get codeRanges(): number[] {
    return (this.builtRanges ??= this.packed.codeRanges());
  }

  get text(): string {
    if (this.loaded === undefined) this.loaded = this.source()?.(this.uri) ?? '';
    return this.loaded;
  }

  /** Sections for a one-off read: built without being kept, so a restored note stays lazy. */
  peekSections(): Section[] {
    return this.builtSections ?? this.recentSections ?? this.packed.sections();
  }

  peekCodeRanges(): number[] {
    return this.builtRanges ?? this.packed.codeRanges();
  }

  /** Sections and text for a one-off read (the full-text index): built or read without being kept, so a
   * restored note stays lazy. */
  peek(): { sections: Section[]; text: string } {
    return {
      sections: this.peekSections(),
      text: this.loaded ?? this.source()?.(this.uri) ?? '',
    };
  }

  get textLoaded(): boolean {
    return this.loaded !== undefined;
  }
}

/** While a bulk update runs (the crawl), a service ranking is recomputed at most this often. */
export const BULK_RERANK_MS = 250;

export class NotesIndex {
  private readonly notes = new Map<string, IndexedNote>();
  private readonly rankings = new Map<string, Ranking>();
  private readonly pending = new Set<string>();
  private listeners: (() => void)[] = [];
  private bulk = 0;
  private textSource: TextSource | undefined;
  /** Increases on every change; lets callers cache derived views. */
  version = 0;
  /** Full-text index for Search Notes: told of every added, changed and removed note; indexes them at `sync`. */
  readonly text = new TextIndex();

  constructor(
    private readonly recognizer: Recognizer,
    private readonly parse: NoteParser = parseNote,
    private readonly now: () => number = monotonicNow,
  ) {}

  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Deferred work of views derived from the index (query rankings), run in the crawl's idle slices. */
  private readonly background: ((shouldStop: () => boolean, settle: boolean) => boolean)[] = [];

  onBackgroundWork(task: (shouldStop: () => boolean, settle: boolean) => boolean): void {
    this.background.push(task);
  }

  /**
   * Runs deferred work until `shouldStop`; `settle`: the index will not change any more (the crawl's end), so
   * stale derived views are redone. True while work is left.
   */
  backgroundWork(shouldStop: () => boolean, settle = false): boolean {
    // Settling: the index is complete, its service rankings must not lag any more (the query rankings redone now
    // read them), though the crawl's bulk mode goes on until they are done.
    if (settle) this.exact = true;
    let left = false;
    for (const task of this.background) {
      if (shouldStop()) return true;
      left = task(shouldStop, settle) || left;
    }
    return left;
  }

  /** Where lazy notes (restored from a cache) get their text. */
  setTextSource(source: TextSource | undefined): void {
    this.textSource = source;
  }

  /** During a bulk update rankings may lag by up to BULK_RERANK_MS; nested calls are counted. */
  beginBulk(): void {
    this.bulk++;
  }

  endBulk(): void {
    this.bulk = Math.max(0, this.bulk - 1);
    if (this.bulk === 0) this.exact = false;
  }

  /** Set while a crawl settles (see backgroundWork): service rankings are exact although the bulk mode is on. */
  private exact = false;

  /** Whether a bulk update (the crawl) runs: derived rankings may then lag by up to BULK_RERANK_MS. */
  get inBulk(): boolean {
    return this.bulk > 0;
  }

  /** The index's clock (injected in tests). */
  clock(): number {
    return this.now();
  }

  /** Indexes (or re-indexes) one note from its text. */
  setText(uri: string, text: string, options: { defer?: boolean } = {}): NoteFile {
    const note = this.parse(uri, text);
    this.setNote(note, options);
    return note;
  }

  /** Adds a parsed note. With `defer`, its headings are searchable now and its mentions wait for `indexPending`. */
  setNote(note: NoteFile, options: { defer?: boolean; positions?: Int32Array } = {}): void {
    this.removeEntries(note.uri);
    const entry: IndexedNote = { note, hits: undefined, positions: options.positions };
    this.notes.set(note.uri, entry);
    this.text.markStale(note.uri);
    if (options.defer) this.pending.add(note.uri);
    else this.indexMentions(entry);
    this.changed();
  }

  /** Adds a note whose hits and heading positions are known (restored from the persistent cache). */
  setIndexed(note: NoteFile, hits: PackedHits, positions: Int32Array | undefined): void {
    this.removeEntries(note.uri);
    const entry: IndexedNote = { note, hits, positions };
    this.notes.set(note.uri, entry);
    this.text.markStale(note.uri);
    this.addHits(entry);
    this.changed();
  }

  /** A note restored from the cache: sections built and text read on demand. */
  lazyNote(uri: string, packed: PackedStructure): NoteFile {
    return new LazyNote(uri, undefined, packed, () => this.textSource);
  }

  /**
   * "Headings first" (phase 1 of the crawl): a note whose headings, levels and heading positions are known from the
   * pre-scan is searchable at once; its full scan (sections, blocks, code) runs when first needed (phase 2's
   * mention finding, or a request for the note before that) through `parse`, whose time `onParsed` is told.
   */
  setHeadingsFirst(
    uri: string,
    text: string,
    scan: { headings: readonly string[]; levels: ArrayLike<number>; positions: Int32Array },
    hooks: { onParsed?: (ms: number) => void; onError?: (error: Error) => void } = {},
  ): NoteFile {
    let full: NoteFile | undefined;
    const parsed = () => {
      if (!full) {
        const started = this.now();
        try {
          full = this.parse(uri, text);
        } catch (error) {
          hooks.onError?.(error as Error);
          throw error;
        }
        hooks.onParsed?.(this.now() - started);
      }
      return full;
    };
    const packed: PackedStructure = { sections: () => parsed().sections, codeRanges: () => parsed().codeRanges, headings: scan.headings, levels: scan.levels };
    const note = new LazyNote(uri, fileName(uri), packed, () => this.textSource, text);
    this.setNote(note, { defer: true, positions: scan.positions });
    return note;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Phase 2: finds mentions of queued notes until `shouldStop` says so; returns how many are left. */
  indexPending(shouldStop: () => boolean = () => false): number {
    for (const uri of this.pending) {
      this.pending.delete(uri);
      const entry = this.notes.get(uri);
      if (entry && !entry.hits) {
        try {
          this.indexMentions(entry);
        } catch {
          // A deferred full scan that threw (headings first): its hook has logged it and withdrawn the note.
          if (this.notes.get(uri) === entry) this.remove(uri);
          continue;
        }
        this.version++;
      }
      if (shouldStop()) break;
    }
    return this.pending.size;
  }

  private indexMentions(entry: IndexedNote): void {
    entry.hits = mentionHits(this.recognizer, entry.note);
    entry.positions ??= headingPositions(entry.note);
    this.addHits(entry);
  }

  /**
   * Phase 2 done elsewhere (the scan worker): `note`'s sections and hits, computed from its text off this thread.
   * Applied only while the index still holds that very note (not replaced by an editor or a file event) and its
   * mentions are not indexed yet; the note keeps its text, heading positions and search keys. False otherwise.
   */
  setMentionsIndexed(note: NoteFile, sections: PackedSections, hits: PackedHits): boolean {
    const entry = this.notes.get(note.uri);
    if (!entry || entry.note !== note || entry.hits || !(note instanceof LazyNote) || !note.textLoaded) return false;
    // The closures hold the text and the columns only: holding `note` kept the pre-scanned note alive beside this one
    // (its parse closures, positions and hooks), and a memo here kept every note's sections built by a one-off read
    // (the full-text index's `peek`) for good. LazyNote keeps the sections it builds for its own users.
    const text = note.text;
    const headings = note.packed.headings;
    // The worker's heading strings equal the pre-scan's (same text, same rules): one copy of each is kept.
    for (let i = 0; i < sections.headings.length && i < headings.length; i++) if (sections.headings[i] === headings[i]) sections.headings[i] = headings[i];
    const packed: PackedStructure = {
      sections: () => unpackSections(sections, text),
      codeRanges: () => Array.from(sections.codeRanges),
      headings,
      levels: note.packed.levels,
      columns: sections,
    };
    entry.note = new LazyNote(note.uri, note.name, packed, () => this.textSource, text);
    entry.hits = hits;
    entry.positions ??= headingPositions(entry.note);
    this.pending.delete(note.uri);
    // Not stale for Search Notes: the same text, sectioned by the same parser; re-indexing all 10,000 notes after
    // the crawl made every keystroke pay the full-text index's sync budget.
    this.addHits(entry);
    this.version++;
    return true;
  }

  private addHits(entry: IndexedNote): void {
    // No per-service file sets to maintain (they cost more to build than scanning the files' service lists).
    if (this.rankings.size === 0) return;
    for (const serviceId of entry.hits!.services) this.rankings.get(serviceId)?.dirty.add(entry.note.uri);
  }

  remove(uri: string): boolean {
    const existed = this.removeEntries(uri);
    if (existed) this.changed();
    return existed;
  }

  private removeEntries(uri: string): boolean {
    const old = this.notes.get(uri);
    if (!old) return false;
    for (const serviceId of old.hits?.services ?? []) this.rankings.get(serviceId)?.dirty.add(uri);
    this.pending.delete(uri);
    this.notes.delete(uri);
    this.text.forget(uri);
    return true;
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** How many notes are indexed. */
  get size(): number {
    return this.notes.size;
  }

  has(uri: string): boolean {
    return this.notes.has(uri);
  }

  get(uri: string): NoteFile | undefined {
    return this.notes.get(uri)?.note;
  }

  uris(): string[] {
    return [...this.notes.keys()];
  }

  /** A note's slot (see `forEachNote`). */
  slot(uri: string): NoteSlot | undefined {
    return this.notes.get(uri);
  }

  /** Visits every note with its slot: a plain loop (no generator, no WeakMap lookups) for per-keystroke searches. */
  forEachNote(visit: (note: NoteFile, slot: NoteSlot) => void): void {
    for (const entry of this.notes.values()) visit(entry.note, entry);
  }

  *files(): Iterable<NoteFile> {
    for (const entry of this.notes.values()) yield entry.note;
  }

  /** Whether a note's mentions are indexed (false while it waits for phase 2). */
  isIndexed(uri: string): boolean {
    return !!this.notes.get(uri)?.hits;
  }

  /** A file's packed hits (for the persistent cache), undefined while pending. */
  packedHits(uri: string): PackedHits | undefined {
    return this.notes.get(uri)?.hits;
  }

  /**
   * A note's sections as flat columns for the persistent cache, with the text their code offsets refer to: the
   * worker's columns as they are, else packed from sections that are not kept (a restored or pre-scanned note
   * stays lazy; building and keeping every note's sections for the cache write cost ~30 MB at 10k notes).
   */
  sectionColumns(note: NoteFile): { columns: PackedSections; text: string } {
    if (note instanceof LazyNote) {
      if (note.packed.columns) return { columns: note.packed.columns, text: note.text };
      // Without its text (a restored note) code values are packed as strings: its text is not read for the cache.
      const text = note.textLoaded ? note.text : '';
      return { columns: packSections(note.peekSections(), note.peekCodeRanges(), text), text };
    }
    return { columns: packSections(note.sections, note.codeRanges, note.text), text: note.text };
  }

  /** Heading ranges of a note, 4 numbers per section: start line, start character, end line, end character. */
  headingPositions(uri: string): Int32Array | undefined {
    const entry = this.notes.get(uri);
    if (!entry) return undefined;
    return (entry.positions ??= headingPositions(entry.note));
  }

  /**
   * Section `i`'s own stretch of its note's text, [heading start, body end): from the sections when they are built,
   * else from the kept heading positions, so a restored or pre-scanned note's sections are not built for a snippet.
   */
  sectionText(note: NoteFile, i: number): { text: string; start: number; end: number } {
    const entry = this.notes.get(note.uri);
    if (!(note instanceof LazyNote) || note.sectionsBuilt || !entry || entry.note !== note) {
      const section = note.sections[i];
      return { text: note.text, start: section.headingStart, end: section.bodyEnd };
    }
    const text = note.text;
    const starts = (entry.starts ??= headingStarts(text, (entry.positions ??= headingPositions(note))));
    // A section's own body ends where the next heading starts (of any level).
    return { text, start: starts[i], end: i + 1 < starts.length ? starts[i + 1] : text.length };
  }

  /** Ranked sections for a service, best first. */
  hitsForService(serviceId: string): SectionHit[] {
    const ranking = this.rankings.get(serviceId);
    const now = this.now();
    if (!ranking) {
      const hits: SectionHit[] = [];
      for (const entry of this.notes.values()) if (entry.hits) unpackInto(entry.note.uri, entry.hits, serviceId, hits);
      hits.sort(compareHits);
      this.rankings.set(serviceId, { hits, dirty: new Set(), at: now });
      return hits;
    }
    if (ranking.dirty.size === 0) return ranking.hits;
    // While the crawl runs, serve the previous ranking and re-rank at most every BULK_RERANK_MS.
    if (this.bulk > 0 && !this.exact && now - ranking.at < BULK_RERANK_MS) return ranking.hits;
    // Incremental: drop the changed files' hits, merge their new (sorted) hits in. O(n + m log m).
    const dirty = ranking.dirty;
    const fresh: SectionHit[] = [];
    for (const uri of dirty) {
      const hits = this.notes.get(uri)?.hits;
      if (hits) unpackInto(uri, hits, serviceId, fresh);
    }
    fresh.sort(compareHits);
    const kept = ranking.hits;
    const merged: SectionHit[] = new Array(kept.length + fresh.length);
    let n = 0;
    let j = 0;
    for (const hit of kept) {
      if (dirty.has(hit.uri)) continue;
      while (j < fresh.length && compareHits(fresh[j], hit) < 0) merged[n++] = fresh[j++];
      merged[n++] = hit;
    }
    while (j < fresh.length) merged[n++] = fresh[j++];
    merged.length = n;
    this.rankings.set(serviceId, { hits: merged, dirty: new Set(), at: now });
    return merged;
  }

  /** The best `k` hits of a service (the ranking is cached, so this is a slice). */
  topHits(serviceId: string, k: number): SectionHit[] {
    return this.hitsForService(serviceId).slice(0, k);
  }

  /** Every mention of a service, by file (recomputed from the files' text: mentions are not kept). */
  *mentionsOf(serviceId: string): Iterable<{ uri: string; mentions: Mention[] }> {
    const uris: string[] = [];
    for (const [uri, entry] of this.notes) if (entry.hits?.services.includes(serviceId)) uris.push(uri);
    for (const uri of uris.sort()) {
      const note = this.notes.get(uri)?.note;
      if (!note) continue;
      // From the columns: a Mention object only for this service's mentions.
      const columns = findMentionColumns(this.recognizer, note, new MentionColumns());
      const mentions: Mention[] = [];
      for (let k = 0; k < columns.length; k++) if (columns.serviceId[k] === serviceId) mentions.push(columns.mention(k));
      yield { uri, mentions };
    }
  }

  /** Services mentioned in the notes with how many files mention each. */
  servicesMentioned(): { serviceId: string; files: number }[] {
    const files = new Map<string, number>();
    for (const entry of this.notes.values()) for (const serviceId of entry.hits?.services ?? []) files.set(serviceId, (files.get(serviceId) ?? 0) + 1);
    return [...files].map(([serviceId, count]) => ({ serviceId, files: count }));
  }

  /** Heading texts and levels in section order, without building a restored note's sections. */
  headingsOf(note: NoteFile): { headings: readonly string[]; levels: ArrayLike<number> } {
    if (note instanceof LazyNote) return note.packed;
    return { headings: note.sections.map((s) => s.heading), levels: note.sections.map((s) => s.level) };
  }

  /** How many sections a note has, without building a lazy note's sections. */
  sectionCountOf(note: NoteFile): number {
    return note instanceof LazyNote && !note.sectionsBuilt ? note.packed.headings.length : note.sections.length;
  }

  /** Heading text and level of section `i`, without building a lazy note's sections (or copying a parsed note's). */
  headingAt(note: NoteFile, i: number): { heading: string; level: number } {
    if (note instanceof LazyNote && !note.sectionsBuilt) return { heading: note.packed.headings[i], level: note.packed.levels[i] };
    return note.sections[i];
  }

  /** Heading texts of section `i`'s ancestors (outermost first), without building a lazy note's sections. */
  parentsOf(note: NoteFile, i: number): string[] {
    if (!(note instanceof LazyNote) || note.sectionsBuilt) return note.sections[i].parents;
    const { headings, levels } = note.packed;
    return parentsFromLevels(headings, levels, i);
  }

  /**
   * A warm start's cached notes not restored yet (see cachedHeadings.ts): workspace symbols search those of them
   * the index does not hold yet. Set while the crawl restores them, cleared when it is done.
   */
  cachedHeadings: CachedHeadings | undefined;

  /** The last stats and the version they were counted at (the crawl's end asks twice in a row). */
  private statsAt: { version: number; stats: IndexStats } | undefined;

  stats(): IndexStats {
    // Counting reads every note's levels and services: ~5 ms at 10k notes (tens while still unoptimised), a
    // request thread's slice at the crawl's end for each of its two callers (the crawl's result, `indexed`).
    if (this.statsAt?.version === this.version) return { ...this.statsAt.stats };
    let sections = 0;
    for (const { note } of this.notes.values()) {
      if (note instanceof LazyNote) {
        const levels = note.packed.levels;
        for (let i = 0; i < levels.length; i++) if (levels[i] > 0) sections++;
      } else for (const s of note.sections) if (s.level > 0) sections++;
    }
    const stats = { files: this.notes.size, sections, services: this.servicesMentioned().length };
    this.statsAt = { version: this.version, stats };
    return { ...stats };
  }
}

/** A note's mentions, ranked per service and packed (phase 2 of one note; also run by the scan worker). */
export function mentionHits(recognizer: Recognizer, note: NoteFile): PackedHits {
  const hits = rankMentions(note, findMentionColumns(recognizer, note, mentionScratch));
  // (Cleared: the note is not kept by the scratch; a huge note's columns are not kept either, see clear.)
  mentionScratch.clear(undefined);
  return hits;
}

/** The columns mentionHits finds each note's mentions into (reused from note to note). */
const mentionScratch = new MentionColumns(1024);

/** The ranking half of `mentionHits`: a note's mentions ranked per service and packed (bench/diagnostics/phase2.ts times it alone). */
export function rankMentions(note: NoteFile, mentions: MentionColumns): PackedHits {
  // Services in order of first mention, each one's mentions in text order (a stable counting sort into `order`).
  const ids = new Map<string, number>();
  const n = mentions.length;
  const serviceOf = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const id = mentions.serviceId[k];
    let s = ids.get(id);
    if (s === undefined) ids.set(id, (s = ids.size));
    serviceOf[k] = s;
  }
  const services = [...ids.keys()];
  const bounds = new Int32Array(services.length + 1);
  for (let k = 0; k < n; k++) bounds[serviceOf[k] + 1]++;
  for (let s = 0; s < services.length; s++) bounds[s + 1] += bounds[s];
  const order = new Int32Array(n);
  const next = bounds.slice(0, services.length);
  for (let k = 0; k < n; k++) order[next[serviceOf[k]]++] = k;
  packedHits.length = 0;
  for (let s = 0; s < services.length; s++) {
    packedHits.service = s;
    rankSectionsInto(note, mentions, order, bounds[s], bounds[s + 1], packedHits);
  }
  return { services, data: packedHits.data.slice(0, packedHits.length), scores: packedHits.scores.slice(0, packedHits.length / HIT_FIELDS) };
}

/**
 * Hits straight into PackedHits' layout (HIT_FIELDS ints and a score each), in buffers reused from note to note (their
 * exact-size copies are the note's): no SectionHit object per hit of the crawl.
 */
class PackedHitSink implements HitSink {
  data = new Int32Array(1280);
  scores = new Float64Array(256);
  length = 0;
  /** Index of the service whose hits come next. */
  service = 0;

  hit(section: number, score: number, about: boolean, anchor: number, block: number): void {
    if (this.length + HIT_FIELDS > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
      const scores = new Float64Array(this.scores.length * 2);
      scores.set(this.scores);
      this.scores = scores;
    }
    const d = this.data;
    let at = this.length;
    this.scores[at / HIT_FIELDS] = score;
    d[at++] = this.service;
    d[at++] = section;
    d[at++] = about ? 1 : 0;
    d[at++] = anchor;
    d[at++] = block;
    this.length = at;
  }
}
const packedHits = new PackedHitSink();

function unpackInto(uri: string, packed: PackedHits, serviceId: string, into: SectionHit[]): void {
  const s = packed.services.indexOf(serviceId);
  if (s < 0) return;
  const d = packed.data;
  const scores = packed.scores;
  for (let i = 0, h = 0; i < d.length; i += HIT_FIELDS, h++) {
    if (d[i] !== s) continue;
    // Small integers from an Int32Array: no heap number per field (read from a Float64Array, V8 boxed every hit's
    // section, anchor and block: 145 instead of 97 bytes a hit, measured, and every query hit built from them too).
    into.push({ uri, section: d[i + 1], score: scores[h], about: d[i + 2] === 1, anchor: d[i + 3], block: d[i + 4] });
  }
}


/** [startLine, startChar, endLine, endChar] of every section's heading (same line rules as LineIndex). */
export function headingPositions(note: NoteFile): Int32Array {
  const sections = note.sections;
  const out = new Int32Array(sections.length * 4);
  const text = note.text;
  let line = 0;
  let lineStart = 0;
  let i = 0;
  const advance = (to: number) => {
    for (; i < to && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        line++;
        lineStart = i + 1;
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        line++;
        lineStart = i + 1;
      }
    }
  };
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    advance(Math.min(section.headingStart, text.length));
    out[s * 4] = line;
    out[s * 4 + 1] = Math.min(section.headingStart, text.length) - lineStart;
    advance(Math.min(section.headingEnd, text.length));
    out[s * 4 + 2] = line;
    out[s * 4 + 3] = Math.min(section.headingEnd, text.length) - lineStart;
  }
  return out;
}

/** Text offsets of the heading starts that `positions` (see `headingPositions`) gives as lines and characters:
 * one pass over the lines up to the last heading, with the same line breaks (\n, \r\n, lone \r). */
export function headingStarts(text: string, positions: Int32Array): Int32Array {
  const count = positions.length >> 2;
  const out = new Int32Array(count);
  let line = 0;
  let lineStart = 0;
  let i = 0;
  for (let s = 0; s < count; s++) {
    const target = positions[s * 4];
    for (; line < target && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        line++;
        lineStart = i + 1;
      }
    }
    out[s] = Math.min(lineStart + positions[s * 4 + 1], text.length);
  }
  return out;
}

/**
 * Section views re-pointed at one note after another: `of(note)` is valid until the next `of` (a ranking reads one
 * note at a time; a view per note and pass was ~5 % of a ranking's time at 10k notes).
 */
export class SectionViews {
  private readonly packed = new PackedSectionView();
  private readonly objects = new ObjectSectionView();

  /** A note's sections as a ranking reads them: its packed columns when it has them (no objects built), else its sections. */
  of(note: NoteFile): SectionView {
    const columns = note instanceof LazyNote ? note.packed.columns : undefined;
    return columns ? this.packed.of(columns) : this.objects.of(note.sections);
  }
}

// Search Notes: full text over every section (heading and body, code included) through the notes index's
// text index (BM25 with a heading boost, CJK bigrams + ASCII words, NFKC), each result with the line that
// matches best; then headings that only match fuzzily (letters in order, through their ancestors too).
// The heading pass reads headings, levels and positions only, so notes restored from the cache or pre-scanned
// in the crawl's phase 1 are searched without building their sections; folded keys are the ones workspace
// symbols cache.
import { monotonicNow } from '../../clock';
import type { NoteFile } from '../../syntax/markdown/noteModel';
import type { NoteSlot, NotesIndex } from '../../notes/notesIndex';
import { foldForSearch, tokenize } from '../../notes/textIndex';
import { foldQuery, scoreFolded } from '../../text/fuzzy';
import { charMask, headingKeys } from '../../notes/headingKeys';
import type { ScoredSection } from '../../../../../shared/protocol';
import { breadcrumbOf } from '../../syntax/markdown/noteModel';
export type { ScoredSection };


/** Stale notes (just added or changed) are indexed before a search for at most this long; the rest stay for idle time. */
export const SEARCH_SYNC_BUDGET_MS = 15;
const SNIPPET_CHARS = 120;
/** Results that carry the line that matches (the first screens of a picker). */
export const SNIPPET_RESULTS = 40;

/** `clock`: what the sync budget is measured on (the real clock; tests inject theirs). */
export function searchSections(index: NotesIndex, query: string, limit = 1000, syncBudgetMs = SEARCH_SYNC_BUDGET_MS, clock: () => number = monotonicNow): ScoredSection[] {
  const results: ScoredSection[] = [];
  const found: string[] = [];
  if (query.trim()) {
    if (index.text.staleCount > 0) {
      const until = clock() + syncBudgetMs;
      index.text.sync(index, () => clock() > until);
    }
    const hits = index.text.search(query, limit) ?? [];
    const words = queryWords(query);
    for (const hit of hits) {
      const note = index.get(hit.uri);
      if (!note) continue;
      const { heading, level } = index.headingAt(note, hit.section);
      const line = index.headingPositions(hit.uri)![hit.section * 4];
      // Only the results a picker shows first get a snippet: reading 300 sections' text per keystroke is what made
      // typing slow; the section's stretch comes from kept heading positions (no lazy note's sections are built).
      const snippet = results.length < SNIPPET_RESULTS ? bestLine(index.sectionText(note, hit.section), words) : undefined;
      const parents = index.parentsOf(note, hit.section);
      const result: ScoredSection = { label: heading, detail: breadcrumbOf(note.name, parents, level > 0 ? heading : undefined), uri: hit.uri, line, score: hit.score, content: true };
      if (snippet) {
        result.snippet = snippet.text;
        result.snippetLine = line + snippet.lineOffset;
      }
      results.push(result);
      found.push(`${hit.uri}#${hit.section}`);
    }
    if (results.length >= limit) return results.slice(0, limit);
  }
  // The fuzzy pass skips what the full text found (only built when that pass runs).
  const seen = new Set(found);
  return results.concat(searchHeadings(index, query, limit - results.length, seen));
}

/** Per note (keyed by its folded heading keys, which are replaced when the note changes): each heading's key
 * followed by its ancestors' keys, outermost first, as the fuzzy match reads it, and that string's characters. */
interface AncestorKeys {
  full: string[];
  masks: Uint32Array;
}
const ancestorCache = new WeakMap<object, AncestorKeys>();

function ancestorKeys(keys: readonly string[], masks: Uint32Array, levels: ArrayLike<number>): AncestorKeys {
  const full: string[] = new Array(keys.length).fill('');
  const fullMasks = new Uint32Array(keys.length);
  // Ancestors follow the scanners' own heading stack: linear per note.
  const stack: number[] = [];
  const joined: string[] = [];
  const joinedMask: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const level = levels[i];
    if (level === 0) continue;
    while (stack.length && levels[stack[stack.length - 1]] >= level) {
      stack.pop();
      joined.pop();
      joinedMask.pop();
    }
    const depth = stack.length;
    const parents = depth ? joined[depth - 1] : '';
    // Folding `${heading} ${parents}` equals joining the folded parts with a space.
    full[i] = flat(`${keys[i]} ${parents}`);
    fullMasks[i] = masks[i] | (depth ? joinedMask[depth - 1] : 0);
    stack.push(i);
    joined.push(depth ? `${parents} ${keys[i]}` : keys[i]);
    joinedMask.push(fullMasks[i]);
  }
  return { full, masks: fullMasks };
}

/**
 * `s` as one flat string: a concatenation is a rope that the engine flattens (copies) the first time it is searched,
 * which made the first keystroke of each letter pay for tens of thousands of copies; here it happens in idle time.
 * (Converting to a number reads, and so flattens, the whole string.)
 */
function flat(s: string): string {
  // (The result is kept so that an optimising compiler cannot drop the conversion as unused.)
  flatSink ^= Number(s) ? 1 : 0;
  return s;
}
let flatSink = 0;

/** A note's heading keys joined with its ancestors' (cached per heading-keys object, as the keys are per note version). */
function ancestorsOf(index: NotesIndex, note: NoteFile, slot: NoteSlot): AncestorKeys {
  const keys = headingKeys(index, note, slot);
  let ancestors = ancestorCache.get(keys);
  if (!ancestors) ancestorCache.set(keys, (ancestors = ancestorKeys(keys.keys, keys.masks, index.headingsOf(note).levels)));
  return ancestors;
}

/**
 * Builds the per-note heading keys the fuzzy heading pass reads, for notes that have none yet, until `shouldStop`
 * says so (checked after every note that needed work, so every slice makes progress; every 64 notes let a
 * slice overrun its budget), then the flat heading table
 * and a warm-up; true when all is ready. Run in idle time so that the first keystroke does not pay for 10,000 notes at once.
 */
export function prepareHeadingSearch(index: NotesIndex, shouldStop: () => boolean = () => false): boolean {
  // Each call resumes where the last one stopped (issue 16 item 5): starting over skipped every note prepared so far
  // in every slice, so at 50,000 notes the slices did little else (60,000 tiny notes: 190 s of CPU in 4 ms slices).
  // The notes index's iteration is live: notes added or replaced meanwhile come at its end.
  let cursor = preparing.get(index);
  if (!cursor) preparing.set(index, (cursor = index.files()[Symbol.iterator]()));
  for (let next = cursor.next(); !next.done; next = cursor.next()) {
    const note = next.value;
    const slot = index.slot(note.uri)!;
    if (ancestorCache.has(headingKeys(index, note, slot))) continue;
    ancestorsOf(index, note, slot);
    if (shouldStop()) return false;
  }
  preparing.delete(index);
  headingTable(index);
  return warmUp(index, shouldStop);
}
/** Where `prepareHeadingSearch` goes on, per notes index (until it has visited every note). */
const preparing = new WeakMap<NotesIndex, Iterator<NoteFile>>();

/** Queries run once per index in idle time after the table is built: the first keystrokes of a session otherwise
 * ran the passes over every heading before the engine had optimised them (a one-letter query took 65, 80, then 38
 * ms before settling at 10). The heading passes run on the table's first rows (the engine needs calls, not all
 * rows), many per slice; then one full search per slice for the full-text path. */
const WARM_UP = ['e', 'の', 'lambda', 'キュー'];
const WARM_UP_PASSES = 24;
const WARM_UP_ROWS = 4000;
const warmed = new WeakMap<NotesIndex, number>();

function warmUp(index: NotesIndex, shouldStop: () => boolean): boolean {
  let step = warmed.get(index) ?? 0;
  const total = WARM_UP_PASSES + WARM_UP.length;
  while (step < WARM_UP_PASSES) {
    const letters = 'esaの';
    searchHeadings(index, letters[step % letters.length] + (step % 3 === 2 ? 'q' : ''), 300, new Set(), WARM_UP_ROWS);
    warmed.set(index, ++step);
    if (shouldStop()) break;
  }
  if (step >= WARM_UP_PASSES && step < total) {
    searchSections(index, WARM_UP[step - WARM_UP_PASSES], SNIPPET_RESULTS, 0);
    warmed.set(index, ++step);
  }
  // (Answers never depend on an earlier query; forget it anyway so the next keystroke starts as without warm-up.)
  lastMatches.delete(index);
  return step >= total;
}

/** Every heading of every note in one flat table (its folded key with its ancestors', that string's characters,
 * where it is): a keystroke is then one loop over arrays, not a walk over 10,000 notes. */
interface HeadingTable {
  version: number;
  /** Each note's heading keys (slot order) the table was built from: same keys, same table. */
  built: unknown[];
  full: string[];
  masks: Uint32Array;
  notes: NoteFile[];
  sections: Int32Array;
}
const tables = new WeakMap<NotesIndex, HeadingTable>();

function headingTable(index: NotesIndex): HeadingTable {
  const cached = tables.get(index);
  if (cached && cached.version === index.version) return cached;
  // Most changes after the crawl touch no heading (a note's mentions indexed): checking each note's keys is
  // cheaper than a rebuild and keeps the last keystroke's matches usable.
  if (cached && sameHeadings(index, cached.built)) {
    cached.version = index.version;
    return cached;
  }
  const built: unknown[] = [];
  const full: string[] = [];
  const masks: number[] = [];
  const notes: NoteFile[] = [];
  const sections: number[] = [];
  index.forEachNote((note, slot) => {
    const keys = headingKeys(index, note, slot);
    built.push(keys);
    const ancestors = ancestorsOf(index, note, slot);
    for (let i = 0; i < ancestors.full.length; i++) {
      if (keys.heading[i] === 0) continue;
      full.push(ancestors.full[i]);
      masks.push(ancestors.masks[i]);
      notes.push(note);
      sections.push(i);
    }
  });
  const table = { version: index.version, built, full, masks: Uint32Array.from(masks), notes, sections: Int32Array.from(sections) };
  tables.set(index, table);
  return table;
}

/** Whether every note still has the heading keys (the same object, in the same order) a table was built from. */
function sameHeadings(index: NotesIndex, built: readonly unknown[]): boolean {
  if (index.size !== built.length) return false;
  let i = 0;
  let same = true;
  index.forEachNote((_note, slot) => {
    if (same && slot.searchKeys !== built[i++]) same = false;
  });
  return same;
}

/** Headings whose text (with their ancestors') holds the query's letters in order, best first. */
function searchHeadings(index: NotesIndex, query: string, limit: number, skip: ReadonlySet<string>, rowLimit = Infinity): ScoredSection[] {
  const q = foldQuery(query);
  const qMask = charMask(q);
  const table = headingTable(index);
  const { full, masks, notes, sections } = table;
  // The best `limit` so far: a one-letter query matches most headings, and only a candidate that beats the
  // current worst one is allocated and enters.
  const top = new TopK(Math.max(0, limit));
  // Every heading the query matches (rows of the table), kept for the next keystroke: a heading that matches
  // `lambda` matched `lamb`, so typing on only re-scores the last keystroke's matches.
  const previous = lastMatches.get(index);
  const narrowing = !!previous && !!previous.q && q.startsWith(previous.q) && previous.table === table;
  const candidates = Math.min(narrowing ? previous.count : full.length, rowLimit);
  const rows = new Int32Array(candidates);
  let count = 0;
  for (let c = 0; c < candidates; c++) {
    const row = narrowing ? previous.rows[c] : c;
    if ((qMask & ~masks[row]) !== 0) continue;
    const score = q ? scoreFolded(q, full[row]) : 0;
    if (score < 0) continue;
    rows[count++] = row;
    if (top.full && score < top.worst.score) continue;
    const note = notes[row];
    const section = sections[row];
    if (skip.size && skip.has(`${note.uri}#${section}`)) continue;
    top.offer({ score, note, section });
  }
  if (q) lastMatches.set(index, { table, q, rows, count });
  else lastMatches.delete(index);
  return top.sorted().map(({ score, note: kept, section: i }) => {
    // (A note replaced by its own indexed version keeps its keys and the table: answer with the current object.)
    const note = index.get(kept.uri) ?? kept;
    const { heading } = index.headingAt(note, i);
    return { label: heading, detail: breadcrumbOf(note.name, index.parentsOf(note, i), heading), uri: note.uri, line: index.headingPositions(note.uri)![i * 4], score };
  });
}

type Candidate = { score: number; note: NoteFile; section: number };

/** The rows of a heading table a query matched (the first `count` of `rows`). */
interface HeadingMatches {
  table: HeadingTable;
  q: string;
  rows: Int32Array;
  count: number;
}
const lastMatches = new WeakMap<NotesIndex, HeadingMatches>();

/** Best score first; equal scores by file and position, so the answer never depends on indexing order. */
function byRank(a: Candidate, b: Candidate): number {
  return b.score - a.score || (a.note.uri < b.note.uri ? -1 : a.note.uri > b.note.uri ? 1 : a.section - b.section);
}

/**
 * The best `k` candidates offered (by byRank), in a binary heap with the worst at the root: O(log k) per candidate
 * that enters, where a sorted insert moved up to `k` entries (a one-letter query offers tens of thousands).
 */
class TopK {
  private readonly heap: Candidate[] = [];
  constructor(private readonly k: number) {}

  get full(): boolean {
    return this.heap.length >= this.k;
  }

  get worst(): Candidate {
    return this.heap[0];
  }

  offer(item: Candidate): void {
    const heap = this.heap;
    if (this.k === 0) return;
    if (heap.length < this.k) {
      // Sift up: a parent ranks after (or equal to) its children.
      let i = heap.push(item) - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (byRank(heap[parent], heap[i]) >= 0) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
      return;
    }
    if (byRank(item, heap[0]) >= 0) return;
    heap[0] = item;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && byRank(heap[right], heap[left]) > 0 ? right : left;
      if (byRank(heap[child], heap[i]) <= 0) break;
      [heap[child], heap[i]] = [heap[i], heap[child]];
      i = child;
    }
  }

  /** Best first. */
  sorted(): Candidate[] {
    return [...this.heap].sort(byRank);
  }
}

/** The query's tokens as strings (ASCII words, CJK bigrams), for finding the matching line. */
function queryWords(query: string): string[] {
  const words = new Set<string>();
  tokenize(foldForSearch(query), (token) => words.add(token));
  return [...words];
}

/** The section's own line (heading last) that holds the most distinct query words. */
function bestLine(section: { text: string; start: number; end: number }, words: readonly string[]): { text: string; lineOffset: number } | undefined {
  const text = section.text;
  const end = Math.min(section.end, text.length);
  let best: { text: string; lineOffset: number; count: number; at: number } | undefined;
  let lineOffset = 0;
  let start = section.start;
  // A 4 MB section is scanned at most this far: the snippet is a convenience, not worth a slow keystroke.
  const stop = Math.min(end, section.start + 200_000);
  while (start <= stop) {
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const raw = text.slice(start, lineEnd);
    const folded = foldForSearch(raw);
    let count = 0;
    let at = -1;
    for (const w of words) {
      const i = folded.indexOf(w);
      if (i >= 0) {
        count++;
        if (at < 0 || i < at) at = i;
      }
    }
    // The body's lines first: the heading is already the label.
    const weight = lineOffset === 0 ? count - 0.5 : count;
    if (count > 0 && (!best || weight > best.count)) best = { text: raw, lineOffset, count: weight, at };
    if (lineEnd >= end) break;
    start = lineEnd + 1;
    lineOffset++;
  }
  if (!best) return undefined;
  return { text: trimLine(best.text, best.at), lineOffset: best.lineOffset };
}

/** A line without Markdown markers, cut to SNIPPET_CHARS around the match. */
function trimLine(raw: string, at: number): string {
  const lead = raw.length - raw.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)*/, '').length;
  let line = raw.slice(lead).replace(/\s+$/, '');
  let from = Math.max(0, at - lead - Math.floor(SNIPPET_CHARS / 3));
  if (line.length <= SNIPPET_CHARS) from = 0;
  line = (from > 0 ? '…' : '') + line.slice(from, from + SNIPPET_CHARS) + (from + SNIPPET_CHARS < line.length ? '…' : '');
  return line.replace(/\s+/g, ' ');
}

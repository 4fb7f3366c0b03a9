// Full-text index over note sections for Search Notes: an inverted index from tokens (ASCII words and CJK
// bigrams of the NFKC-folded, lower-cased text) to sections, ranked with BM25 and a heading boost.
//
// Incremental per note: `add` tokenises one note's sections, `remove` tombstones them (postings of removed notes
// are skipped at query time and dropped by a compaction once they outnumber the live ones). Memory is kept
// compact: one Uint32 per (token, section) posting = section id << 8 | in-heading bit | body count (≤ 127).
import type { NoteFile, Section } from '../syntax/markdown/noteModel';

/** A note that can be read once without keeping what it builds (LazyNote). */
interface Peekable {
  peek(): { sections: Section[]; text: string };
}

/** Where `sync` finds notes: the notes index (kept abstract so this module does not depend on it). */
export interface NoteSource {
  get(uri: string): NoteFile | undefined;
}

/** One query token group: the tokens that satisfy it (one, or several when the last word is a prefix). */
type Group = number[];

export interface TextHit {
  uri: string;
  /** Section index within the note. */
  section: number;
  score: number;
}

interface NoteRecord {
  uri: string;
  alive: boolean;
  /** First section id of this note, how many sections it has and how many postings they made. */
  first: number;
  count: number;
  postings: number;
}

const K1 = 1.2;
const B = 0.75;
/**
 * A query word in the heading adds HEADING_BOOST × idf: more than the largest body contribution (K1 + 1 = 2.2 × idf),
 * so a section titled by the word beats any section that only mentions it in the body.
 */
const HEADING_BOOST = 3;
const MAX_SECTION_ID = 1 << 24;
const HEADING_BIT = 128;
const TF_MASK = 127;
/** The last word of a query is being typed: it also matches longer words starting with it, at most this many. */
const MAX_EXPANSIONS = 64;

function isAsciiWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

/** Hiragana, katakana (with ー), CJK ideographs and compatibility ideographs, half-width kana after NFKC is gone. */
function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3005;
}

/** A CJK character's index in 15 bits (the ranges above hold 28,289 characters), -1 for others. */
function cjkIndex(c: number): number {
  if (c >= 0x3040 && c <= 0x30ff) return c - 0x3040;
  if (c >= 0x3400 && c <= 0x4dbf) return 192 + c - 0x3400;
  if (c >= 0x4e00 && c <= 0x9fff) return 6784 + c - 0x4e00;
  if (c >= 0xf900 && c <= 0xfaff) return 27776 + c - 0xf900;
  return c === 0x3005 ? 28288 : -1;
}

/** CJK bigram (or lone character) -> a small integer key, so the index never slices or hashes strings for them. */
const LONE = 32767;
function cjkKey(a: number, b: number): number {
  return (a << 15) | b;
}

// Characters NFKC can change (as in normalize.ts): most note text has none and skips normalize().
const MAY_CHANGE = /[\u00A0-\u00BF\u2000-\u2BFF\u3000\u3200-\u33FF\uFB00-\uFB4F\uFE30-\uFE6F\uFF00-\uFFEF]/;
const MAY_CHANGE_G = new RegExp(MAY_CHANGE.source, 'g');

export function foldForSearch(text: string): string {
  return (MAY_CHANGE.test(text) ? text.normalize('NFKC') : text).toLowerCase();
}

/**
 * Tokens of folded text, in order: ASCII words ([a-z0-9]+) and, per run of CJK characters, its bigrams (a run of
 * one character is its own token). `emit(token, isLastRunPrefix)` also says whether the token ends the text
 * (a query's word being typed).
 */
export function tokenize(folded: string, emit: (token: string, atEnd: boolean, single: boolean) => void): void {
  const n = folded.length;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isAsciiWord(c)) {
      let j = i + 1;
      while (j < n && isAsciiWord(folded.charCodeAt(j))) j++;
      emit(folded.slice(i, j), j === n, false);
      i = j;
    } else if (isCjk(c)) {
      let j = i + 1;
      while (j < n && isCjk(folded.charCodeAt(j))) j++;
      if (j - i === 1) emit(folded[i], j === n, true);
      else for (let k = i; k + 1 < j; k++) emit(folded.slice(k, k + 2), k + 2 === j && j === n, false);
      i = j;
    } else i++;
  }
}

export class TextIndex {
  /** Token ids: ASCII words by their text, CJK bigrams by cjkKey (no strings made while indexing). */
  private readonly ids = new Map<string, number>();
  private readonly cjkIds = new Map<number, number>();
  private tokens: string[] = [];
  private postings: Uint32Array[] = [];
  private lengths: number[] = [];
  /** Token ids by their first character, for the prefix expansion of the word being typed. */
  private readonly byPrefix = new Map<string, number[]>();
  private readonly notes = new Map<string, NoteRecord>();
  /** Per section id: its note record, its index in the note, and its length in tokens. */
  private sectionNote: (NoteRecord | undefined)[] = [];
  private sectionIndex = new Int32Array(1024);
  private sectionLength = new Uint32Array(1024);
  private nextSection = 0;
  /** Per token id, the current section's count (add's scratch; all zero between sections). */
  private scratch = new Uint8Array(1024);
  private liveSections = 0;
  private liveTokens = 0;
  private livePostings = 0;
  private deadPostings = 0;
  // Query scratch, reused across keystrokes: scores and how many groups each section matched (epoch-stamped).
  private scores = new Float64Array(0);
  private matched = new Int32Array(0);
  private stamp = new Int32Array(0);
  private epoch = 0;

  /** `maxSectionId`: section ids fit in 24 bits of a posting; when they run out, live sections are renumbered. */
  constructor(private readonly maxSectionId = MAX_SECTION_ID) {}

  /** Notes added or changed since they were last indexed here (indexed by `sync`, before a search or when idle). */
  private readonly stale = new Set<string>();

  /** A note was added or changed in the notes index: it is (re-)indexed at the next `sync`. */
  markStale(uri: string): void {
    this.remove(uri);
    this.stale.add(uri);
  }

  /** A note left the notes index. */
  forget(uri: string): void {
    this.remove(uri);
    this.stale.delete(uri);
  }

  get staleCount(): number {
    return this.stale.size;
  }

  /** Indexes stale notes until `shouldStop` says so (checked after each note); returns how many are left. */
  sync(notes: NoteSource, shouldStop: () => boolean = () => false): number {
    for (const uri of this.stale) {
      this.stale.delete(uri);
      const note = notes.get(uri);
      if (note) {
        try {
          this.add(note);
        } catch {
          // A note whose full scan fails is withdrawn by the notes index (its guard logs it); nothing to search.
          this.remove(uri);
        }
      }
      if (shouldStop()) break;
    }
    return this.stale.size;
  }

  /** How many notes are indexed. */
  get size(): number {
    return this.notes.size;
  }

  has(uri: string): boolean {
    return this.notes.has(uri);
  }

  /** Postings kept (live and not yet compacted), for tests and the bench. */
  get postingCount(): number {
    return this.livePostings + this.deadPostings;
  }

  /** Indexes (or re-indexes) one note: each section's heading and own body (code included). */
  add(note: NoteFile): void {
    this.remove(note.uri);
    // A note restored from the cache is read without keeping its sections and text (it stays lazy).
    const { sections, text } = (note as Partial<Peekable>).peek?.() ?? note;
    if (this.nextSection + sections.length >= this.maxSectionId) this.compact(true);
    const record: NoteRecord = { uri: note.uri, alive: true, first: this.nextSection, count: sections.length, postings: 0 };
    this.notes.set(note.uri, record);
    // Per-section counts in a scratch array indexed by token id (a Map per section costs 5x more).
    const touched: number[] = [];
    const count = (id: number, heading: boolean) => {
      const v = this.scratch[id];
      if (v === 0) touched.push(id);
      this.scratch[id] = heading ? v | HEADING_BIT : (v & TF_MASK) === TF_MASK ? v : v + 1;
    };
    // Where the next character NFKC may change is, searched once per stretch (sections come in text order).
    let next = -2;
    const foldAt = (from: number, to: number) => {
      if (next !== -1 && next < from) {
        MAY_CHANGE_G.lastIndex = from;
        next = MAY_CHANGE_G.exec(text)?.index ?? -1;
      }
      return next >= 0 && next < to;
    };
    for (let s = 0; s < sections.length; s++) {
      const section = sections[s];
      const sid = this.nextSection++;
      this.ensureSections(sid + 1);
      this.sectionNote[sid] = record;
      this.sectionIndex[sid] = s;
      touched.length = 0;
      let length = 0;
      this.scan(section.heading, 0, section.heading.length, (id) => count(id, true));
      // The body is read in place (no copy of the note's text), unless NFKC has something to fold in it.
      const from = Math.min(section.headingEnd, text.length);
      const to = Math.min(section.bodyEnd, text.length);
      length += this.scan(text, from, to, (id) => count(id, false), foldAt(from, to));
      this.sectionLength[sid] = length;
      this.liveTokens += length;
      for (const id of touched) {
        this.push(id, sid * 256 + this.scratch[id]);
        this.scratch[id] = 0;
      }
      record.postings += touched.length;
    }
    this.liveSections += sections.length;
    this.livePostings += record.postings;
  }

  /** Forgets a note (its postings are skipped from now on and dropped at the next compaction). */
  remove(uri: string): boolean {
    const record = this.notes.get(uri);
    if (!record) return false;
    this.notes.delete(uri);
    record.alive = false;
    for (let sid = record.first; sid < record.first + record.count; sid++) {
      this.liveTokens -= this.sectionLength[sid];
      this.sectionNote[sid] = undefined;
    }
    this.liveSections -= record.count;
    this.livePostings -= record.postings;
    this.deadPostings += record.postings;
    if (this.deadPostings > Math.max(256, this.livePostings)) this.compact(false);
    return true;
  }

  clear(): void {
    for (const uri of this.notes.keys()) this.stale.add(uri);
    this.ids.clear();
    this.cjkIds.clear();
    this.tokens = [];
    this.postings = [];
    this.lengths = [];
    this.byPrefix.clear();
    this.notes.clear();
    this.sectionNote = [];
    this.nextSection = 0;
    this.liveSections = this.liveTokens = this.livePostings = this.deadPostings = 0;
  }

  /**
   * Sections matching every word of `query` (AND; the last word may be a prefix), best first, at most `limit`.
   * Returns undefined when the query has no token (e.g. only punctuation).
   */
  search(query: string, limit: number): TextHit[] | undefined {
    const groups = this.groups(query);
    if (!groups) return undefined;
    if (groups.some((g) => g.length === 0) || this.liveSections === 0) return [];
    const sections = this.nextSection;
    if (this.scores.length < sections) {
      const size = Math.max(sections, this.scores.length * 2, 1024);
      this.scores = new Float64Array(size);
      this.matched = new Int32Array(size);
      this.stamp = new Int32Array(size);
      this.epoch = 0;
    }
    const epoch = ++this.epoch;
    const { scores, matched, stamp } = this;
    const avg = this.liveTokens / Math.max(1, this.liveSections) || 1;
    const n = this.liveSections;
    // Rarest group first: later groups only touch sections every earlier group matched.
    groups.sort((a, b) => this.groupSize(a) - this.groupSize(b));
    groups.forEach((group, g) => {
      for (const id of group) {
        const list = this.postings[id];
        const len = this.lengths[id];
        const df = len;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (let p = 0; p < len; p++) {
          const v = list[p];
          const sid = v >>> 8;
          const note = this.sectionNote[sid];
          if (!note) continue;
          if (g === 0) {
            if (stamp[sid] !== epoch) {
              stamp[sid] = epoch;
              matched[sid] = 0;
              scores[sid] = 0;
            }
          } else if (stamp[sid] !== epoch || matched[sid] < g) continue;
          const tf = v & TF_MASK;
          let s = tf > 0 ? (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.sectionLength[sid]) / avg)) : 0;
          if (v & HEADING_BIT) s += HEADING_BOOST * idf;
          // Within a group (the expansions of a prefix) the section's tokens add up; it has matched the group.
          matched[sid] = g + 1;
          scores[sid] += s;
        }
      }
    });
    const last = groups.length;
    // Bounded selection of the best `limit` sections (a small sorted buffer; limit is a few hundred at most).
    const best: number[] = [];
    {
      // Every section that matched all groups is in the first (rarest) group's postings.
      for (const id of groups[0]) {
        const list = this.postings[id];
        for (let p = 0; p < this.lengths[id]; p++) {
          const sid = list[p] >>> 8;
          if (stamp[sid] !== epoch || matched[sid] !== last) continue;
          matched[sid] = last + 1; // collected once
          insertBest(best, sid, scores, limit);
        }
      }
    }
    return best.map((sid) => ({ uri: this.sectionNote[sid]!.uri, section: this.sectionIndex[sid], score: scores[sid] }));
  }

  /**
   * Which notes may contain `term` as the notes ranking matches it (not starting or ending inside a longer ASCII
   * identifier): a necessary condition, so the ranking's exact scan reads only these notes. Every
   * note whose sections hold the term's rarest token, and every note not indexed here yet. Undefined when the term
   * has no token to look up (then every note may).
   */
  mayContain(term: string): ((uri: string) => boolean) | undefined {
    // A term NFKC would change (full-width letters) can sit inside a longer folded word: no filter for it.
    if (MAY_CHANGE.test(term)) return undefined;
    let rarest = -1;
    let absent = false;
    tokenize(foldForSearch(term), (token, _atEnd, single) => {
      // A lone CJK character of the term may sit inside a longer run of the text (no lone token there).
      if (single || absent) return;
      const id = this.lookup(token);
      if (id === undefined) absent = true;
      else if (rarest < 0 || this.lengths[id] < this.lengths[rarest]) rarest = id;
    });
    const stale = this.stale;
    if (absent) return (uri) => stale.has(uri);
    if (rarest < 0) return undefined;
    const notes = new Set<string>();
    const list = this.postings[rarest];
    for (let p = 0; p < this.lengths[rarest]; p++) {
      const note = this.sectionNote[list[p] >>> 8];
      if (note) notes.add(note.uri);
    }
    return (uri) => notes.has(uri) || stale.has(uri);
  }

  /** The query's token groups, or undefined when it has none. */
  groups(query: string): Group[] | undefined {
    const groups: Group[] = [];
    const seen = new Set<string>();
    tokenize(foldForSearch(query), (token, atEnd, single) => {
      if (seen.has(token)) return;
      seen.add(token);
      const exact = this.lookup(token);
      const ascii = isAsciiWord(token.charCodeAt(0));
      // The word being typed (the query's last, not followed by a space) also matches words it starts; so does a
      // lone CJK character (no bigram yet). A query of one ASCII letter alone is too short to expand.
      if ((atEnd && ascii && (token.length >= 2 || groups.length > 0)) || single) groups.push(this.expand(token, exact));
      else groups.push(exact === undefined ? [] : [exact]);
    });
    return groups.length ? groups : undefined;
  }

  private expand(prefix: string, exact: number | undefined): Group {
    const key = prefix[0];
    const found: number[] = [];
    for (const id of this.byPrefix.get(key) ?? []) if (this.tokens[id].startsWith(prefix)) found.push(id);
    if (found.length > MAX_EXPANSIONS) {
      found.sort((a, b) => this.lengths[b] - this.lengths[a]);
      found.length = MAX_EXPANSIONS;
      if (exact !== undefined && !found.includes(exact)) found[MAX_EXPANSIONS - 1] = exact;
    }
    return found;
  }

  private groupSize(group: Group): number {
    let size = 0;
    for (const id of group) size += this.lengths[id];
    return size;
  }

  /** The same tokens as `tokenize`, as ids (created as needed), straight from the text; returns how many. */
  private scan(raw: string, from: number, to: number, emit: (id: number) => void, fold = MAY_CHANGE.test(raw.slice(from, to))): number {
    let text = raw;
    let i = from;
    let n = to;
    if (fold) {
      text = raw.slice(from, to).normalize('NFKC');
      i = 0;
      n = text.length;
    }
    let count = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const lower = c >= 65 && c <= 90;
      if (lower || isAsciiWord(c)) {
        let upper = lower;
        let j = i + 1;
        for (; j < n; j++) {
          const d = text.charCodeAt(j);
          if (d >= 65 && d <= 90) upper = true;
          else if (!isAsciiWord(d)) break;
        }
        const word = upper ? text.slice(i, j).toLowerCase() : text.slice(i, j);
        let id = this.ids.get(word);
        if (id === undefined) this.ids.set(word, (id = this.newToken(word)));
        emit(id);
        count++;
        i = j;
        continue;
      }
      let a = cjkIndex(c);
      if (a < 0) {
        i++;
        continue;
      }
      let j = i + 1;
      let b = j < n ? cjkIndex(text.charCodeAt(j)) : -1;
      if (b < 0) {
        emit(this.cjkId(cjkKey(a, LONE), text[i]));
        count++;
        i = j;
        continue;
      }
      while (b >= 0) {
        emit(this.cjkId(cjkKey(a, b), text.slice(j - 1, j + 1)));
        count++;
        a = b;
        j++;
        b = j < n ? cjkIndex(text.charCodeAt(j)) : -1;
      }
      i = j;
    }
    return count;
  }

  private cjkId(key: number, text: string): number {
    let id = this.cjkIds.get(key);
    if (id === undefined) this.cjkIds.set(key, (id = this.newToken(text)));
    return id;
  }

  /** The id of a token made by `tokenize`, if indexed. */
  private lookup(token: string): number | undefined {
    const a = cjkIndex(token.charCodeAt(0));
    if (a < 0) return this.ids.get(token);
    return this.cjkIds.get(cjkKey(a, token.length > 1 ? cjkIndex(token.charCodeAt(1)) : LONE));
  }

  private newToken(token: string): number {
    const id = this.tokens.length;
    this.tokens.push(token);
    this.postings.push(new Uint32Array(2));
    this.lengths.push(0);
    if (id >= this.scratch.length) {
      const grown = new Uint8Array(this.scratch.length * 2);
      grown.set(this.scratch);
      this.scratch = grown;
    }
    const key = token[0];
    const list = this.byPrefix.get(key);
    if (list) list.push(id);
    else this.byPrefix.set(key, [id]);
    return id;
  }

  private push(id: number, value: number): void {
    let list = this.postings[id];
    const len = this.lengths[id];
    if (len === list.length) {
      const grown = new Uint32Array(len < 64 ? len * 2 : len + (len >> 1));
      grown.set(list);
      this.postings[id] = list = grown;
    }
    list[len] = value;
    this.lengths[id] = len + 1;
  }

  private ensureSections(size: number): void {
    if (size <= this.sectionIndex.length) return;
    const next = Math.max(size, this.sectionIndex.length * 2);
    const index = new Int32Array(next);
    index.set(this.sectionIndex);
    this.sectionIndex = index;
    const length = new Uint32Array(next);
    length.set(this.sectionLength);
    this.sectionLength = length;
  }

  /** Drops the postings of removed notes; with `renumber`, also gives live sections fresh ids from 0. */
  private compact(renumber: boolean): void {
    const map = renumber ? new Int32Array(this.nextSection).fill(-1) : undefined;
    if (map) {
      let next = 0;
      const notes = new Array<NoteRecord | undefined>();
      const index = new Int32Array(Math.max(1024, this.liveSections));
      const length = new Uint32Array(index.length);
      for (let sid = 0; sid < this.nextSection; sid++) {
        const record = this.sectionNote[sid];
        if (!record) continue;
        if (record.first === sid) record.first = next;
        map[sid] = next;
        notes[next] = record;
        index[next] = this.sectionIndex[sid];
        length[next] = this.sectionLength[sid];
        next++;
      }
      this.sectionNote = notes;
      this.sectionIndex = index;
      this.sectionLength = length;
      this.nextSection = next;
      this.scores = new Float64Array(0);
    }
    let live = 0;
    for (let id = 0; id < this.postings.length; id++) {
      const list = this.postings[id];
      let kept = 0;
      for (let p = 0; p < this.lengths[id]; p++) {
        const v = list[p];
        const sid = v >>> 8;
        const alive = map ? map[sid] >= 0 : this.sectionNote[sid] !== undefined;
        if (!alive) continue;
        list[kept++] = map ? map[sid] * 256 + (v & 255) : v;
      }
      this.lengths[id] = kept;
      live += kept;
    }
    this.livePostings = live;
    this.deadPostings = 0;
  }
}

/** Inserts `sid` into `best` (sorted by score, descending) keeping at most `limit` entries. */
function insertBest(best: number[], sid: number, scores: Float64Array, limit: number): void {
  const s = scores[sid];
  if (best.length >= limit && s <= scores[best[best.length - 1]]) return;
  let lo = 0;
  let hi = best.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scores[best[mid]] >= s) lo = mid + 1;
    else hi = mid;
  }
  best.splice(lo, 0, sid);
  if (best.length > limit) best.pop();
}

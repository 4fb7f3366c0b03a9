// Finds AWS service names in text: longest match wins ("Kinesis Data Firehose" over "Kinesis"), works inside
// Japanese text without spaces ("SQSに"), on NFKC-folded text (ＳＱＳ), and stays precise: names are matched
// case-sensitively at ASCII word boundaries, and names that are ordinary words (Config, Batch) count in code
// only with an "AWS "/"Amazon " prefix.
import type { FeatureEntry, ServiceEntry } from '../data/types';
import { foldNfkc, type FoldedText } from '../../../../shared/normalize';

export type TextMode = 'prose' | 'code';

export interface NameMatch {
  start: number;
  end: number;
  serviceId: string;
  /** The name as found in the text. */
  text: string;
  /** When the name is a feature of the service ("Transit Gateway", "IDプール"): its canonical name. */
  feature?: string;
}

interface Terminal {
  serviceId: string;
  ambiguous: boolean;
  prefixed: boolean;
  feature?: string;
}

const PREFIXES = ['AWS', 'Amazon'];

/** Values of ServiceNameMatcher's `starts` table. */
const START = 1;
const RESOLVE = 2;
const LONGER = 3;
/** Children above which a trie node gets a direct row of children by ASCII unit. */
const WIDE = 2;
/** Values of ServiceNameMatcher's `accepts` table. */
const ANY_MODE = 1;
const PROSE_ONLY = 2;

function isWordCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9;
}

// Same characters as normalize.ts's MAY_CHANGE: text without them folds to itself.
const MAY_CHANGE_G = /[\u00A0-\u00BF\u2000-\u2BFF\u3000\u3200-\u33FF\uFB00-\uFB4F\uFE30-\uFE6F\uFF00-\uFFEF]/g;
const foldCache = new Map<string, string>();
const identity = (i: number) => i;

/** foldNfkc with the same result, faster on Japanese text: unchanged runs are copied whole, each candidate
 * character's NFKC form is cached, and when every character keeps its length the offset map is the identity. */
export function fastFold(text: string): FoldedText {
  MAY_CHANGE_G.lastIndex = 0;
  let m = MAY_CHANGE_G.exec(text);
  if (!m) return { text, toOriginal: identity };
  let out = '';
  let last = 0;
  for (; m; m = MAY_CHANGE_G.exec(text)) {
    const ch = m[0];
    let folded = foldCache.get(ch);
    if (folded === undefined) foldCache.set(ch, (folded = ch.normalize('NFKC')));
    if (folded.length !== 1) return foldNfkc(text); // lengths change: the exact per-character map is needed
    out += text.slice(last, m.index) + folded;
    last = m.index + 1;
  }
  out += text.slice(last);
  return { text: out, toOriginal: (i) => Math.max(0, Math.min(i, text.length)) };
}

/**
 * Per UTF-16 unit, what fastFold turns it into when that is one unit (every unit outside MAY_CHANGE_G is itself);
 * FOLD_LONGER when its NFKC form is longer (then fastFold folds the whole text with foldNfkc), FOLD_UNKNOWN until
 * first met. findAll reads the text through it in place instead of building the folded copy.
 */
const FOLD = new Int32Array(65536);
const FOLD_LONGER = -1;
const FOLD_UNKNOWN = -2;
const SLICE_END = -3;
for (let c = 0; c < 65536; c++) FOLD[c] = c;
for (const [from, to] of [[0xa0, 0xbf], [0x2000, 0x2bff], [0x3000, 0x3000], [0x3200, 0x33ff], [0xfb00, 0xfb4f], [0xfe30, 0xfe6f], [0xff00, 0xffef]]) FOLD.fill(FOLD_UNKNOWN, from, to + 1);

/** The unit `c` folds to (as fastFold folds it), or FOLD_LONGER. */
function foldUnit(c: number): number {
  const f = FOLD[c];
  if (f !== FOLD_UNKNOWN) return f;
  const folded = String.fromCharCode(c).normalize('NFKC');
  return (FOLD[c] = folded.length === 1 ? folded.charCodeAt(0) : FOLD_LONGER);
}

/** Name matches as columns (ServiceNameMatcher.findHits): `length` of them; `service` is set by findHits only. */
export class NameHits {
  length = 0;
  start = new Int32Array(64);
  end = new Int32Array(64);
  /** Trie node of the match (-1 when found on the folded copy). */
  node = new Int32Array(64);
  service: string[] = [];

  /** Empties the columns; after a text with very many matches, smaller ones (a thread keeps its matcher for good). */
  clear(): void {
    this.length = 0;
    if (this.start.length <= NameHits.KEPT) return;
    this.start = new Int32Array(64);
    this.end = new Int32Array(64);
    this.node = new Int32Array(64);
    this.service = [];
  }

  private static readonly KEPT = 1 << 16;

  push(start: number, end: number, node: number, service: string): void {
    if (this.length === this.start.length) {
      const grow = (a: Int32Array) => {
        const bigger = new Int32Array(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.node = grow(this.node);
    }
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.node[this.length] = node;
    this.service[this.length] = service;
    this.length++;
  }
}

export class ServiceNameMatcher {
  /** Names (NFKC-folded, without spaces) and what each is, in registration order while the constructor adds them. */
  private pending: Map<string, Terminal> | undefined = new Map();
  /**
   * The flat trie (node 0 is the root): the root's child per UTF-16 unit (-1: no name starts with it, which also
   * skips most characters), the other nodes' children as (code, node) runs (a few each, scanned linearly), and the
   * terminals per node. Map lookups per character were the largest part of finding mentions (issue 16 profile).
   */
  private readonly rootNext = new Int32Array(65536).fill(-1);
  private childStart = new Int32Array(0);
  private childCodes = new Uint16Array(0);
  private childNodes = new Int32Array(0);
  private terminals: (Terminal | undefined)[] = [];
  /** Per node: ANY_MODE when its name is accepted in code too, PROSE_ONLY when only in prose, 0 when no name ends there. */
  private accepts = new Uint8Array(0);
  /**
   * Nodes with more than WIDE children: the offset of their row of children by ASCII unit in asciiChildren (-1:
   * none), so the walk does not scan up to 20 children per unit (the largest cost of findAll once in place).
   */
  private asciiRow = new Int32Array(0);
  private asciiChildren = new Int32Array(0);
  /** Whether a name is one unit long after folding (then a start alone may be a name: no look at the next unit). */
  private oneUnitNames = false;
  /**
   * Per UTF-16 unit of the text: START if it folds to a unit a name starts with, 0 if not, RESOLVE if it may fold
   * to another unit (looked up once, then START or 0), LONGER if its fold is longer (findAll folds the text first).
   * One byte per unit, so the table of the loop over every character stays in cache.
   */
  private readonly starts = new Uint8Array(65536);

  /**
   * `features`: names of features of services (data/features.json), registered after every service name so that a
   * service's own name always wins; a longer feature name wins over the service name it starts with ("Lambda Layer"
   * over "Lambda"). Single words never come from features, so "gateway" or "layer" alone is never a name.
   */
  constructor(services: readonly ServiceEntry[], features: readonly FeatureEntry[] = []) {
    for (const service of services) {
      const ambiguous = new Set(service.ambiguousNames ?? []);
      const names = new Set([service.name, ...service.shortNames, ...service.aliases, ...ambiguous]);
      for (const name of names) {
        if (!name || name.length < 2) continue;
        const isAmbiguous = ambiguous.has(name);
        const hasPrefix = PREFIXES.some((p) => name.startsWith(p + ' '));
        this.add(name, { serviceId: service.id, ambiguous: isAmbiguous, prefixed: hasPrefix });
        if (!hasPrefix) for (const p of PREFIXES) this.add(`${p} ${name}`, { serviceId: service.id, ambiguous: isAmbiguous, prefixed: true });
      }
    }
    for (const feature of features) {
      for (const name of new Set([feature.name, ...feature.names])) {
        if (!name || name.length < 2) continue;
        const hasPrefix = PREFIXES.some((p) => name.startsWith(p + ' '));
        this.add(name, { serviceId: feature.service, ambiguous: false, prefixed: hasPrefix, feature: feature.name });
        // "AWS Transit Gateway", "Amazon VPC Endpoint": the brand prefix is written before features too.
        if (!hasPrefix && /^[A-Za-z]/.test(name)) for (const p of PREFIXES) this.add(`${p} ${name}`, { serviceId: feature.service, ambiguous: false, prefixed: true, feature: feature.name });
      }
    }
    this.build([...this.pending!.keys()].sort(), this.pending!);
    this.pending = undefined;
  }

  /**
   * Lays the trie out breadth first straight from the sorted names: the nodes at depth d are the distinct d-unit
   * prefixes in sorted order, so a node's children get consecutive ids and each node's run of (code, child) is one
   * slice. (A trie of Maps, then flattened, took ~40–90 ms and most of the GC at start, twice: here and in the worker.)
   */
  private build(keys: string[], terminalOf: Map<string, Terminal>): void {
    // Sorted keys that share a prefix are adjacent, so keys[i]'s new prefixes (its nodes) are those longer than
    // what it shares with keys[i - 1]: `shared[i]`.
    const shared = new Int32Array(keys.length);
    let longest = 0;
    for (let i = 0; i < keys.length; i++) {
      longest = Math.max(longest, keys[i].length);
      if (i === 0) continue;
      const a = keys[i - 1];
      const b = keys[i];
      let k = 0;
      while (k < a.length && k < b.length && a.charCodeAt(k) === b.charCodeAt(k)) k++;
      shared[i] = k;
    }
    // Node ids depth by depth (the root is 0), in key order within a depth.
    const nextId = new Int32Array(longest + 2);
    for (let i = 0; i < keys.length; i++) for (let d = shared[i] + 1; d <= keys[i].length; d++) nextId[d + 1]++;
    nextId[1] = 1;
    for (let d = 2; d <= longest + 1; d++) nextId[d] += nextId[d - 1];
    const count = nextId[longest + 1];
    this.childStart = new Int32Array(count + 1);
    this.childCodes = new Uint16Array(count);
    this.childNodes = new Int32Array(count);
    this.terminals = new Array(count);
    this.accepts = new Uint8Array(count);
    const children = new Int32Array(count);
    // path[d]: the node of the current key's d-unit prefix (kept from the key before up to what they share).
    const path = new Int32Array(longest + 1);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      for (let d = shared[i] + 1; d <= key.length; d++) {
        const node = nextId[d]++;
        const parent = path[d - 1];
        const code = key.charCodeAt(d - 1);
        children[parent]++;
        this.childCodes[node - 1] = code;
        this.childNodes[node - 1] = node;
        if (parent === 0) this.rootNext[code] = node;
        path[d] = node;
      }
      this.terminals[path[key.length]] = terminalOf.get(key);
    }
    // Child k of a node is node `k + 1` (node 0, the root, is no one's child); the nodes of a depth are numbered in
    // their parents' order, so a node's run starts at the count of the children of the nodes before it.
    let at = 0;
    for (let id = 0; id < count; id++) {
      this.childStart[id] = at;
      at += children[id];
      const t = this.terminals[id];
      if (t) this.accepts[id] = !t.ambiguous || t.prefixed ? ANY_MODE : PROSE_ONLY;
    }
    this.childStart[count] = at;
    this.oneUnitNames = keys.some((key) => key.length === 1);
    this.asciiRow = new Int32Array(count).fill(-1);
    let rows = 0;
    for (let id = 1; id < count; id++) if (this.childStart[id + 1] - this.childStart[id] > WIDE) this.asciiRow[id] = 128 * rows++;
    this.asciiChildren = new Int32Array(128 * rows).fill(-1);
    for (let id = 1; id < count; id++) {
      const row = this.asciiRow[id];
      if (row >= 0) for (let k = this.childStart[id]; k < this.childStart[id + 1]; k++) if (this.childCodes[k] < 128) this.asciiChildren[row + this.childCodes[k]] = this.childNodes[k];
    }
    // FOLD is shared by every matcher of this thread: a unit another matcher already folded (FOLD[c] !== c) is
    // resolved through its fold on first use, like one nobody has folded yet.
    for (let c = 0; c < 65536; c++) this.starts[c] = FOLD[c] !== c ? RESOLVE : this.rootNext[c] >= 0 ? START : 0;
  }

  /** `starts` of unit `c`, resolved. */
  private startOf(c: number): number {
    const s = this.starts[c];
    if (s !== RESOLVE) return s;
    const f = foldUnit(c);
    return (this.starts[c] = f === FOLD_LONGER ? LONGER : this.rootNext[f] >= 0 ? START : 0);
  }

  /** The child of `node` by UTF-16 unit `c`, or -1. */
  private child(node: number, c: number): number {
    if (node === 0) return this.rootNext[c];
    if (c < 128) {
      const row = this.asciiRow[node];
      if (row >= 0) return this.asciiChildren[row + c];
    }
    const end = this.childStart[node + 1];
    for (let k = this.childStart[node]; k < end; k++) if (this.childCodes[k] === c) return this.childNodes[k];
    return -1;
  }

  private add(name: string, terminal: Terminal): void {
    const key = name.normalize('NFKC').replace(/[ \t]+/g, '');
    // The first registration wins, so a service's own name is never taken over by another's alias.
    if (key && !this.pending!.has(key)) this.pending!.set(key, terminal);
  }

  /** All non-overlapping service names in text[from, to), left to right. */
  findAll(text: string, mode: TextMode, from = 0, to = text.length): NameMatch[] {
    const hits = this.hits;
    if (!this.scanInPlace(text, mode, from, to)) return this.findFolded(text, mode, from, to);
    const matches: NameMatch[] = [];
    for (let k = 0; k < hits.length; k++) {
      const terminal = this.terminals[hits.node[k]]!;
      const match: NameMatch = { start: hits.start[k], end: hits.end[k], serviceId: terminal.serviceId, text: text.slice(hits.start[k], hits.end[k]) };
      if (terminal.feature) match.feature = terminal.feature;
      matches.push(match);
    }
    return matches;
  }

  /**
   * findAll's matches as start, end and service id in `hits` (reused: read them before the next call), without an
   * object or a string per match: finding a crawl's mentions made three objects per name (NameMatch, its text, the
   * Identity) only to copy four fields out of them (issue 16 profile). Returns `hits`.
   */
  findHits(text: string, mode: TextMode, from = 0, to = text.length): NameHits {
    const hits = this.hits;
    if (this.scanInPlace(text, mode, from, to)) return hits;
    const matches = this.findFolded(text, mode, from, to);
    hits.clear();
    for (const m of matches) hits.push(m.start, m.end, -1, m.serviceId);
    return hits;
  }

  /** Where scanInPlace puts its matches. */
  private readonly hits = new NameHits();

  /**
   * findFolded's matches read through FOLD in place (folded and original offsets are the same when every unit folds
   * to one unit) into `hits` (start, end, node); false when a unit of text[from, to) folds to more (findFolded then
   * folds the text).
   */
  private scanInPlace(text: string, mode: TextMode, from: number, to: number): boolean {
    const hits = this.hits;
    hits.clear();
    const starts = this.starts;
    const beforeSlice = from > 0 ? text.charCodeAt(from - 1) : 32;
    const afterSlice = to < text.length ? text.charCodeAt(to) : 32;
    this.longer = false;
    for (let i = from; i < to; i++) {
      let s = starts[text.charCodeAt(i)];
      if (s === 0) continue;
      if (s !== START) {
        s = this.startOf(text.charCodeAt(i));
        if (s === LONGER) return false;
        if (s === 0) continue;
      }
      // Every unit before i was read already (here or by longestInPlace), so its fold is known.
      const prev = i === from ? beforeSlice : FOLD[text.charCodeAt(i - 1)];
      if (isWordCode(prev)) continue;
      if (!this.oneUnitNames) {
        // No name is one unit: the next unit (folded; a space may be skipped) must continue one, or no walk is needed.
        const next = i + 1 < to ? FOLD[text.charCodeAt(i + 1)] : -1;
        if (i + 1 >= to || (next >= 0 && !isSpaceCode(next) && this.child(this.rootNext[FOLD[text.charCodeAt(i)]], next) < 0)) continue;
      }
      const end = this.longestInPlace(text, i, to, mode, afterSlice);
      if (this.longer) return false;
      if (end < 0) continue;
      hits.push(i, end, this.bestNode, this.terminals[this.bestNode]!.serviceId);
      i = end - 1;
    }
    return true;
  }

  /** Set by longestInPlace when it met a unit whose fold is longer. */
  private longer = false;

  /** longestAt on text[.., to) read through FOLD. */
  private longestInPlace(text: string, i: number, to: number, mode: TextMode, afterSlice: number): number {
    let node = 0;
    let best = -1;
    let j = i;
    while (node >= 0 && j <= to) {
      const accepts = this.accepts[node];
      // (A unit after the name whose fold is longer is met as `c` below.)
      if (accepts !== 0 && j > i && (accepts === ANY_MODE || mode === 'prose')) {
        const after = j < to ? foldUnit(text.charCodeAt(j)) : afterSlice;
        if (after !== FOLD_LONGER && !isWordCode(after)) {
          best = j;
          this.bestNode = node;
        }
      }
      if (j === to) break;
      let c = foldUnit(text.charCodeAt(j));
      // Spaces inside multi-word names are optional and may repeat ("API Gateway", "APIGateway").
      if (isSpaceCode(c) && j > i) {
        let k = j;
        while (k < to && isSpaceCode(foldUnit(text.charCodeAt(k)))) k++;
        // (The end of the slice is not FOLD_LONGER: it must not send the slice to findFolded.)
        const next = k < to ? foldUnit(text.charCodeAt(k)) : SLICE_END;
        if (next === FOLD_LONGER) {
          this.longer = true;
          return -1;
        }
        if (k < to && this.child(node, next) >= 0) {
          j = k;
          c = next;
        }
      }
      if (c === FOLD_LONGER) {
        this.longer = true;
        return -1;
      }
      node = this.child(node, c);
      j++;
    }
    return best;
  }

  /** findAll on the folded copy of text[from, to) (fastFold), offsets mapped back: the reference of scanInPlace. */
  findFolded(text: string, mode: TextMode, from: number, to: number): NameMatch[] {
    const slice = text.slice(from, to);
    const folded = fastFold(slice);
    const f = folded.text;
    const matches: NameMatch[] = [];
    const beforeSlice = from > 0 ? text.charCodeAt(from - 1) : 32;
    for (let i = 0; i < f.length; i++) {
      if (this.rootNext[f.charCodeAt(i)] < 0) continue;
      const prev = i === 0 ? beforeSlice : f.charCodeAt(i - 1);
      if (isWordCode(prev)) continue;
      const end = this.longestAt(f, i, mode, to < text.length ? text.charCodeAt(to) : 32);
      if (end < 0) continue;
      const terminal = this.terminals[this.bestNode];
      const start = from + folded.toOriginal(i);
      const stop = from + folded.toOriginal(end);
      const match: NameMatch = { start, end: stop, serviceId: terminal!.serviceId, text: text.slice(start, stop) };
      if (terminal!.feature) match.feature = terminal!.feature;
      matches.push(match);
      i = end - 1;
    }
    return matches;
  }

  /** The node of the last name `longestAt` found (its terminal is the name's). */
  private bestNode = 0;

  /** End (exclusive, folded index) of the longest acceptable name starting at i, or -1 (its node: `bestNode`). */
  private longestAt(f: string, i: number, mode: TextMode, afterSlice: number): number {
    let node = 0;
    let best = -1;
    let j = i;
    while (node >= 0 && j <= f.length) {
      const t = this.terminals[node];
      if (t && j > i) {
        const after = j < f.length ? f.charCodeAt(j) : afterSlice;
        if (!isWordCode(after) && (mode === 'prose' || !t.ambiguous || t.prefixed)) {
          best = j;
          this.bestNode = node;
        }
      }
      if (j === f.length) break;
      let c = f.charCodeAt(j);
      // Spaces inside multi-word names are optional and may repeat ("API Gateway", "APIGateway").
      if (isSpaceCode(c) && j > i) {
        let k = j;
        while (k < f.length && isSpaceCode(f.charCodeAt(k))) k++;
        if (k < f.length && this.child(node, f.charCodeAt(k)) >= 0) {
          j = k;
          c = f.charCodeAt(j);
        }
      }
      node = this.child(node, c);
      j++;
    }
    return best;
  }
}

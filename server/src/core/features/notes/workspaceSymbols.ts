// Every heading of every note, fuzzy-searchable; the container is the breadcrumb above it.
// The folded search key of each heading is computed once per indexed note (kept in its index slot), so a
// query is one folding of the query plus an indexOf per heading: no per-query normalisation of 100k headings.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { NoteFile } from '../../syntax/markdown/noteModel';
import type { NoteSlot, NotesIndex } from '../../notes/notesIndex';
import { foldQuery, scoreFolded } from '../../text/fuzzy';
import { searchKey } from '../../../../../shared/normalize';

interface HeadingKeys {
  /** Folded keys of a note's headings, in section order ('' for the preamble). */
  keys: string[];
  /** Per key, a 32-bit set of its characters (bit = code & 31): a key lacking a query character is skipped at once. */
  masks: Uint32Array;
  /** Which entries are real headings (the preamble is not). */
  heading: Uint8Array;
}


export function charMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) mask |= 1 << (s.charCodeAt(i) & 31);
  return mask >>> 0;
}

/** Folded search keys of a note's headings, computed once per indexed note (also used by Search Notes). */
export function headingKeys(index: NotesIndex, note: NoteFile, slot: NoteSlot): HeadingKeys {
  let entry = slot.searchKeys as HeadingKeys | undefined;
  if (!entry) {
    const { headings, levels } = index.headingsOf(note);
    entry = keysFrom(headings.map((h, i) => (levels[i] === 0 ? '' : searchKey(h))), levels);
    slot.searchKeys = entry;
  }
  return entry;
}

function keysFrom(keys: string[], levels: ArrayLike<number>): HeadingKeys {
  const masks = new Uint32Array(keys.length);
  const heading = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    masks[i] = charMask(keys[i]);
    heading[i] = levels[i] === 0 ? 0 : 1;
  }
  return { keys, masks, heading };
}

/** A note's folded heading keys (computed once per indexed note): what the persistent cache stores. */
export function foldedHeadingKeys(index: NotesIndex, uri: string): string[] | undefined {
  const note = index.get(uri);
  const slot = index.slot(uri);
  return note && slot ? headingKeys(index, note, slot).keys : undefined;
}

/** Gives a note restored from the cache its stored folded keys (no folding of its headings on the first search). */
export function seedFoldedHeadingKeys(index: NotesIndex, uri: string, keys: string[]): void {
  const note = index.get(uri);
  const slot = index.slot(uri);
  if (!note || !slot) return;
  const { levels } = index.headingsOf(note);
  if (keys.length === levels.length) slot.searchKeys = keysFrom(keys, levels);
}

export function workspaceSymbols(index: NotesIndex, query: string, limit = 500): SymbolInformation[] {
  const q = foldQuery(query);
  const qMask = charMask(q);
  const scored: ScoredHeading[] = [];
  index.forEachNote((note, slot) => {
    const { keys, masks, heading } = headingKeys(index, note, slot);
    for (let i = 0; i < keys.length; i++) {
      if ((qMask & ~masks[i]) !== 0 || heading[i] === 0) continue;
      const score = scoreFolded(q, keys[i]);
      if (score < 0) continue;
      scored.push({ score, note, section: i });
    }
  });
  // Only the best `limit` are sorted (a full sort of 50k headings for a one-letter query is wasted work).
  const best = scored.length > limit * 4 ? selectTop(scored, limit, bySymbolRank) : scored.sort(bySymbolRank);
  return best.slice(0, limit).map(({ note, section: i }) => {
    // Headings, parents and positions without the note's full sections (a lazy note keeps them unbuilt).
    const { headings } = index.headingsOf(note);
    const p = index.headingPositions(note.uri)!;
    return {
      name: headings[i],
      kind: SymbolKind.String,
      location: { uri: note.uri, range: { start: { line: p[i * 4], character: p[i * 4 + 1] }, end: { line: p[i * 4 + 2], character: p[i * 4 + 3] } } },
      containerName: [note.name, ...index.parentsOf(note, i)].join(' › '),
    };
  });
}

type ScoredHeading = { score: number; note: NoteFile; section: number };

/** Best score first; equal scores by file and position, so the answer never depends on indexing order. */
function bySymbolRank(a: ScoredHeading, b: ScoredHeading): number {
  return b.score - a.score || (a.note.uri < b.note.uri ? -1 : a.note.uri > b.note.uri ? 1 : a.section - b.section);
}

/** The `k` best under `compare`, best first (a sorted window of size k: no full sort of every match). */
function selectTop<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === k && compare(top[k - 1], item) <= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(top[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

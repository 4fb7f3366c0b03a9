// Every heading of every note, fuzzy-searchable; the container is the breadcrumb above it.
// The folded search key of each heading is computed once per indexed note (kept in its index slot), so a
// query is one folding of the query plus an indexOf per heading: no per-query normalisation of 100k headings.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { NotesIndex } from '../../notes/notesIndex';
import { charMask, headingKeys } from '../../notes/headingKeys';
import type { NoteFile } from '../../syntax/markdown/noteModel';
import { foldQuery, scoreFolded } from '../../text/fuzzy';

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

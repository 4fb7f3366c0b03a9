// Every heading of every note, fuzzy-searchable; the container is the breadcrumb above it.
// The folded search key of each heading is computed once per indexed note (kept in its index slot), so a
// query is one folding of the query plus an indexOf per heading: no per-query normalisation of 100k headings.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { NotesIndex } from '../../notes/notesIndex';
import { type CachedHeadings, parentsFromLevels } from '../../notes/cachedHeadings';
import { charMask, headingKeys } from '../../notes/headingKeys';
import type { NoteFile } from '../../syntax/markdown/noteModel';
import { fileName } from '../../syntax/markdown/remark';
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
      scored.push({ score, uri: note.uri, note, section: i });
    }
  });
  // A warm start's cached notes that are not restored yet: searched in the cache's columns.
  const cached = index.cachedHeadings;
  if (cached) {
    const { uris, firstSection, keys, levels, masks } = cached;
    for (let f = 0; f < uris.length; f++) {
      if (index.has(uris[f])) continue;
      const first = firstSection[f];
      for (let j = first; j < firstSection[f + 1]; j++) {
        if ((qMask & ~masks[j]) !== 0 || levels[j] === 0) continue;
        const score = scoreFolded(q, keys[j]);
        if (score < 0) continue;
        scored.push({ score, uri: uris[f], file: f, section: j - first });
      }
    }
  }
  // Only the best `limit` are sorted (a full sort of 50k headings for a one-letter query is wasted work).
  const best = scored.length > limit * 4 ? selectTop(scored, limit, bySymbolRank) : scored.sort(bySymbolRank);
  return best.slice(0, limit).map(({ note, file, uri, section: i }) => {
    if (!note) return cachedSymbol(cached!, file!, uri, i);
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

/** A heading of an indexed note, or (`file`) of a cached note not restored yet. */
type ScoredHeading = { score: number; uri: string; note?: NoteFile; file?: number; section: number };

/** Best score first; equal scores by file and position, so the answer never depends on indexing order. */
function bySymbolRank(a: ScoredHeading, b: ScoredHeading): number {
  return b.score - a.score || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.section - b.section);
}

/** The symbol the restored note would give (the same headings, positions, name and parents). */
function cachedSymbol(cached: CachedHeadings, f: number, uri: string, i: number): SymbolInformation {
  const first = cached.firstSection[f];
  const p = cached.positions;
  const o = (first + i) * 4;
  return {
    name: cached.headings[first + i],
    kind: SymbolKind.String,
    location: { uri, range: { start: { line: p[o], character: p[o + 1] }, end: { line: p[o + 2], character: p[o + 3] } } },
    containerName: [fileName(uri), ...parentsFromLevels(cached.headings, cached.levels, i, first)].join(' › '),
  };
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

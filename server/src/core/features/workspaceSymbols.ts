// Every heading of every note, fuzzy-searchable; the container is the breadcrumb above it.
// The folded search key of each heading is computed once per parsed note (cached by NoteFile identity), so a
// query is one folding of the query plus an indexOf per heading: no per-query normalisation of 100k headings.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { NoteFile } from '../notes/noteModel';
import type { NotesIndex } from '../notes/notesIndex';
import { LineIndex } from '../text/lineIndex';
import { searchKey } from '../text/normalize';

/** Folded keys of a note's headings, in section order ('' for the preamble). */
const keysOf = new WeakMap<NoteFile, string[]>();

function headingKeys(note: NoteFile): string[] {
  let keys = keysOf.get(note);
  if (!keys) {
    keys = note.sections.map((s) => (s.level === 0 ? '' : searchKey(s.heading)));
    keysOf.set(note, keys);
  }
  return keys;
}

/** fuzzyScore (text/fuzzy.ts) with the query already folded (`q`) and the candidate's folded key `c`. */
export function scoreFolded(q: string, c: string): number {
  if (!q) return 0;
  const contiguous = c.indexOf(q);
  if (contiguous >= 0) return 1000 - contiguous - c.length / 100 + (contiguous === 0 ? 200 : 0);
  let score = 0;
  let last = -1;
  for (const ch of q) {
    const at = c.indexOf(ch, last + 1);
    if (at < 0) return -1;
    score += at === last + 1 ? 5 : 1;
    last = at;
  }
  return score - c.length / 100;
}

export function workspaceSymbols(index: NotesIndex, query: string, limit = 500): SymbolInformation[] {
  const q = searchKey(query).replace(/\s+/g, '');
  const scored: { score: number; note: NoteFile; section: number }[] = [];
  for (const note of index.files()) {
    const keys = headingKeys(note);
    for (let i = 0; i < keys.length; i++) {
      if (note.sections[i].level === 0) continue;
      const score = scoreFolded(q, keys[i]);
      if (score < 0) continue;
      scored.push({ score, note, section: i });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  const lines = new Map<NoteFile, LineIndex>();
  return scored.slice(0, limit).map(({ note, section: i }) => {
    const section = note.sections[i];
    let lineIndex = lines.get(note);
    if (!lineIndex) lines.set(note, (lineIndex = new LineIndex(note.text)));
    return {
      name: section.heading,
      kind: SymbolKind.String,
      location: { uri: note.uri, range: lineIndex.range(section.headingStart, section.headingEnd) },
      containerName: [note.name, ...section.parents].join(' › '),
    };
  });
}

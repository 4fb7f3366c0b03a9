// Search Notes: every heading, fuzzy over the heading and its ancestors, with the breadcrumb as detail.
// Reads headings, levels and positions only, so notes restored from the cache or pre-scanned in the crawl's
// phase 1 are searched without building their sections; folded keys are the ones workspace symbols cache.
import type { NotesIndex } from '../notes/notesIndex';
import { foldQuery, scoreFolded } from '../text/fuzzy';
import { headingKeys } from './workspaceSymbols';

export interface ScoredSection {
  label: string;
  /** Breadcrumb "file.md › H1 › H2". */
  detail: string;
  uri: string;
  line: number;
  score: number;
}

export function searchSections(index: NotesIndex, query: string, limit = 1000): ScoredSection[] {
  const q = foldQuery(query);
  const results: ScoredSection[] = [];
  index.forEachNote((note, slot) => {
    const { headings, levels } = index.headingsOf(note);
    const { keys } = headingKeys(index, note, slot);
    let positions: Int32Array | undefined;
    // Ancestors follow the scanners' own heading stack: linear per note.
    const stack: number[] = [];
    for (let i = 0; i < headings.length; i++) {
      const level = levels[i];
      if (level === 0) continue;
      while (stack.length && levels[stack[stack.length - 1]] >= level) stack.pop();
      const parents = stack.slice();
      stack.push(i);
      // Folding `${heading} ${parents}` equals joining the folded parts with a space.
      const score = q ? scoreFolded(q, `${keys[i]} ${parents.map((j) => keys[j]).join(' ')}`) : 0;
      if (score < 0) continue;
      positions ??= index.headingPositions(note.uri)!;
      results.push({ label: headings[i], detail: [note.name, ...parents.map((j) => headings[j]), headings[i]].join(' › '), uri: note.uri, line: positions[i * 4], score });
    }
  });
  return results.sort((a, b) => b.score - a.score || a.detail.localeCompare(b.detail)).slice(0, limit);
}

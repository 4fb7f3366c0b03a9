// Every heading of every note, fuzzy-searchable; the container is the breadcrumb above it.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { NotesIndex } from '../notes/notesIndex';
import { LineIndex } from '../text/lineIndex';
import { fuzzyScore } from '../text/fuzzy';

export function workspaceSymbols(index: NotesIndex, query: string, limit = 500): SymbolInformation[] {
  const scored: { score: number; symbol: () => SymbolInformation }[] = [];
  for (const note of index.files()) {
    let lines: LineIndex | undefined;
    for (const section of note.sections) {
      if (section.level === 0) continue;
      const score = fuzzyScore(query, section.heading);
      if (score < 0) continue;
      scored.push({
        score,
        symbol: () => {
          lines ??= new LineIndex(note.text);
          return {
            name: section.heading,
            kind: SymbolKind.String,
            location: { uri: note.uri, range: lines.range(section.headingStart, section.headingEnd) },
            containerName: [note.name, ...section.parents].join(' › '),
          };
        },
      });
    }
  }
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((s) => s.symbol());
}

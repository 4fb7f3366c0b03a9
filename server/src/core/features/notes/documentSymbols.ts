// Outline of a note: headings as a hierarchy.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { NoteFile } from '../../syntax/markdown/noteModel';
import { LineIndex } from '../../text/lineIndex';

export function documentSymbols(note: NoteFile): DocumentSymbol[] {
  const lines = new LineIndex(note.text);
  const roots: DocumentSymbol[] = [];
  const byIndex = new Map<number, DocumentSymbol>();
  for (const section of note.sections) {
    if (section.level === 0) continue;
    const symbol: DocumentSymbol = {
      name: section.heading || ' ',
      detail: '#'.repeat(section.level),
      kind: SymbolKind.String,
      range: lines.range(section.headingStart, Math.max(section.headingEnd, trimEnd(note.text, section.end))),
      selectionRange: lines.range(section.headingStart, section.headingEnd),
      children: [],
    };
    byIndex.set(section.index, symbol);
    const parent = byIndex.get(section.parent);
    (parent ? parent.children! : roots).push(symbol);
  }
  return roots;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

// Cursor markers for in-memory fixtures: `|` (or a given marker) marks where the cursor is.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';

export function withCursor(source: string, marker = '‸'): { text: string; offset: number } {
  const offset = source.indexOf(marker);
  if (offset < 0) throw new Error(`fixture has no cursor marker ${marker}`);
  return { text: source.slice(0, offset) + source.slice(offset + marker.length), offset };
}

export function documentWithCursor(uri: string, languageId: string, source: string, marker = '‸'): { document: TextDocument; position: Position } {
  const { text, offset } = withCursor(source, marker);
  const document = TextDocument.create(uri, languageId, 1, text);
  return { document, position: document.positionAt(offset) };
}

// Go to Definition on an AWS name: every note section the hover counts for it, best first.
import type { Location } from 'vscode-languageserver-types';
import type { NotesIndex } from '../../notes/notesIndex';
import type { QueryHit } from '../../notes/queryRanking';
import { LineIndex } from '../../text/lineIndex';

export function noteLocations(index: NotesIndex, hits: readonly QueryHit[], limit = 500): Location[] {
  const lineIndexes = new Map<string, LineIndex>();
  const locations: Location[] = [];
  for (const hit of hits.slice(0, limit)) {
    const note = index.get(hit.uri);
    if (!note) continue;
    let lines = lineIndexes.get(note.uri);
    if (!lines) lineIndexes.set(note.uri, (lines = new LineIndex(note.text)));
    const section = note.sections[hit.section];
    const start = hit.anchor;
    const end = hit.anchor === section.headingStart ? section.headingEnd : lines.lineEnd(lines.positionAt(start).line);
    locations.push({ uri: note.uri, range: lines.range(start, end) });
  }
  return locations;
}

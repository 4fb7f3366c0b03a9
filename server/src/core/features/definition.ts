// Go to Definition on an AWS name: the note sections about it, best first.
import type { Location } from 'vscode-languageserver-types';
import type { NotesIndex } from '../notes/notesIndex';
import { LineIndex } from '../text/lineIndex';

export function noteLocationsForService(index: NotesIndex, serviceId: string, limit = 100): Location[] {
  const hits = index.hitsForService(serviceId);
  const about = hits.filter((h) => h.about);
  const chosen = (about.length ? about : hits).slice(0, limit);
  const lineIndexes = new Map<string, LineIndex>();
  const locations: Location[] = [];
  for (const hit of chosen) {
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

// Find References on an AWS name: every mention of that service in the notes.
import type { Location } from 'vscode-languageserver-types';
import type { NotesIndex } from '../../notes/notesIndex';
import { LineIndex } from '../../text/lineIndex';

export function noteMentionsOfService(index: NotesIndex, serviceId: string, limit = 5000): Location[] {
  const locations: Location[] = [];
  for (const { uri, mentions } of index.mentionsOf(serviceId)) {
    const note = index.get(uri);
    if (!note || mentions.length === 0) continue;
    const lines = new LineIndex(note.text);
    for (const m of mentions) {
      locations.push({ uri, range: lines.range(m.start, m.end) });
      if (locations.length >= limit) return locations;
    }
  }
  return locations;
}

// Data for the notes explorer and the pickers: services that appear in the notes with their sections, and
// each note file's heading outline. Plain values; the client turns them into tree items.
import type { NotesLookup } from '../../context';
import type { AwsData } from '../../data/awsData';
import type { NoteQuery } from '../../notes/noteQuery';
import { breadcrumb } from '../../syntax/markdown/noteModel';
import type { NotesIndex } from '../../notes/notesIndex';
import { LineIndex } from '../../text/lineIndex';
import type { SectionRef, ServiceInNotes, NoteOutline } from '../../../../../shared/protocol';
export type { SectionRef, ServiceInNotes, NoteOutline };




export function servicesInNotes(index: NotesIndex, data: AwsData, notes: NotesLookup): ServiceInNotes[] {
  return index
    .servicesMentioned()
    .map(({ serviceId, files }) => {
      const service = data.service(serviceId);
      const short = service?.shortNames.find((n) => !/^(AWS|Amazon) /.test(n));
      return { serviceId, name: service?.name ?? serviceId, shortName: short, sections: notes.sectionCount(notes.forService(serviceId)), files };
    })
    .sort((a, b) => b.sections - a.sections || a.name.localeCompare(b.name));
}

/** The sections about a service, or (from a CodeLens) about one resource type of it: what the hover lists. */
export function sectionsForService(index: NotesIndex, notes: NotesLookup, serviceId: string, type?: string): SectionRef[] {
  const query = type ? notes.forIdentity({ kind: type.includes('::') ? 'cfnType' : 'tfType', text: type, serviceId, start: 0, end: 0 }) : notes.forService(serviceId);
  return sectionsForQuery(index, notes, query);
}

/** The sections of a query (a service, or the resource type a CodeLens sits on), as the hover ranks them. */
function sectionsForQuery(index: NotesIndex, notes: NotesLookup, query: NoteQuery, limit = 500): SectionRef[] {
  const lines = new Map<string, LineIndex>();
  const refs: SectionRef[] = [];
  for (const hit of notes.sections(query).slice(0, limit)) {
    const note = index.get(hit.uri);
    if (!note) continue;
    const section = note.sections[hit.section];
    let line: number;
    if (hit.anchor === section.headingStart) line = index.headingPositions(note.uri)![hit.section * 4];
    else {
      let li = lines.get(note.uri);
      if (!li) lines.set(note.uri, (li = new LineIndex(note.text)));
      line = li.positionAt(hit.anchor).line;
    }
    refs.push({ label: section.heading || note.name, detail: breadcrumb(note, section), uri: note.uri, line });
  }
  return refs;
}

export function notesOutline(index: NotesIndex): NoteOutline[] {
  const outlines: NoteOutline[] = [];
  for (const note of index.files()) {
    const p = index.headingPositions(note.uri)!;
    outlines.push({
      uri: note.uri,
      name: note.name,
      headings: note.sections
        .filter((s) => s.level > 0)
        .map((s) => ({ heading: s.heading, level: s.level, line: p[s.index * 4], parent: s.parent })),
    });
  }
  return outlines.sort((a, b) => a.uri.localeCompare(b.uri));
}

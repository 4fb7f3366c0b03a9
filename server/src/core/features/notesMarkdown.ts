// "From your notes": the best note sections for a service (or term) as breadcrumb + excerpt + Open Section.
import type { NoteCodeBlock, NotesLookup } from '../context';
import { localize, type Locale } from '../l10n';
import { M } from '../messages';
import { escapeMarkdown, sanitizeNoteMarkdown } from '../markdown/sanitize';
import { excerpt } from '../notes/excerpt';
import { breadcrumb, type NoteFile } from '../notes/noteModel';
import type { NotesIndex } from '../notes/notesIndex';
import { compareHits, type SectionHit } from '../notes/ranking';
import { LineIndex } from '../text/lineIndex';
import { openSectionLink } from './noteLinks';

export interface NotesMarkdownOptions {
  maxSections: number;
}

interface RenderedPassage {
  line: number;
  heading: string;
  excerpt: string;
}

// Sanitising re-parses the excerpt, which dominates a hover's time: keep the result per note version.
// A NoteFile object is replaced whenever the note changes, so the WeakMap forgets stale entries by itself.
const rendered = new WeakMap<NoteFile, Map<string, RenderedPassage>>();

function renderPassage(note: NoteFile, hit: SectionHit): RenderedPassage {
  let perNote = rendered.get(note);
  if (!perNote) rendered.set(note, (perNote = new Map()));
  const key = `${hit.section}:${hit.block}:${hit.anchor}`;
  let passage = perNote.get(key);
  if (!passage) {
    const section = note.sections[hit.section];
    passage = {
      line: new LineIndex(note.text).positionAt(hit.anchor).line,
      heading: escapeMarkdown(breadcrumb(note, section)),
      excerpt: sanitizeNoteMarkdown(excerpt(note, section, hit.block)),
    };
    perNote.set(key, passage);
  }
  return passage;
}

export function renderHits(index: NotesIndex, hits: readonly SectionHit[], locale: Locale, maxSections: number): string {
  if (hits.length === 0 || maxSections <= 0) return '';
  const parts = [`**${localize(locale, M.fromYourNotes)}**`];
  for (const hit of hits.slice(0, maxSections)) {
    const note = index.get(hit.uri);
    if (!note) continue;
    const passage = renderPassage(note, hit);
    const link = openSectionLink({ uri: note.uri, line: passage.line });
    parts.push(`${passage.heading} — [${localize(locale, M.openSection)}](${link})`);
    if (passage.excerpt) parts.push(quote(passage.excerpt));
  }
  const rest = hits.length - maxSections;
  if (rest > 0) parts.push(`_${localize(locale, M.moreSections, { count: rest })}_`);
  return parts.join('\n\n');
}

function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

export function createNotesLookup(index: NotesIndex, locale: () => Locale, options: () => NotesMarkdownOptions): NotesLookup {
  return {
    notesMarkdownForService(serviceId) {
      return renderHits(index, index.hitsForService(serviceId), locale(), options().maxSections);
    },
    notesMarkdownForTerm(term, serviceId) {
      return renderHits(index, hitsForTerm(index, term, serviceId), locale(), options().maxSections);
    },
    codeBlocks(languages) {
      const wanted = new Set(languages.map((l) => l.toLowerCase()));
      const blocks: NoteCodeBlock[] = [];
      for (const note of index.files()) {
        let lines: LineIndex | undefined;
        for (const section of note.sections) {
          for (const block of section.codeBlocks) {
            if (!wanted.has(block.lang)) continue;
            lines ??= new LineIndex(note.text);
            blocks.push({ lang: block.lang, code: block.value, breadcrumb: breadcrumb(note, section), uri: note.uri, line: lines.positionAt(block.start).line });
          }
        }
      }
      return blocks;
    },
    sectionCount(serviceId) {
      return index.hitsForService(serviceId).length;
    },
  };
}

/** Sections whose own text contains the exact term (case-sensitive, at identifier boundaries). */
export function hitsForTerm(index: NotesIndex, term: string, serviceId?: string): SectionHit[] {
  if (!term) return [];
  const serviceHits = serviceId ? index.hitsForService(serviceId) : undefined;
  const allowed = serviceHits ? new Set(serviceHits.map((h) => `${h.uri}#${h.section}`)) : undefined;
  const pattern = new RegExp(`(?<![A-Za-z0-9_])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g');
  const hits: SectionHit[] = [];
  // Limited to a service: only its notes are read (a note restored from the cache loads its text on demand).
  const notes = serviceHits ? [...new Set(serviceHits.map((h) => h.uri))].map((uri) => index.get(uri)).filter((n) => n !== undefined) : index.files();
  for (const note of notes) {
    if (!note.text.includes(term)) continue;
    for (const section of note.sections) {
      if (allowed && !allowed.has(`${note.uri}#${section.index}`)) continue;
      const own = note.text.slice(section.headingStart, section.bodyEnd);
      pattern.lastIndex = 0;
      const matches = [...own.matchAll(pattern)];
      if (matches.length === 0) continue;
      const inHeading = matches[0].index! < section.headingEnd - section.headingStart;
      const offset = section.headingStart + matches[0].index!;
      const block = inHeading ? -1 : section.blocks.findIndex((b) => b.start <= offset && offset < b.end);
      hits.push({
        uri: note.uri,
        section: section.index,
        score: (inHeading ? 10 : 0) + matches.length,
        about: inHeading,
        anchor: inHeading || block <= 0 ? section.headingStart : section.blocks[block].start,
        block: inHeading || block <= 0 ? -1 : block,
      });
    }
  }
  return hits.sort(compareHits);
}

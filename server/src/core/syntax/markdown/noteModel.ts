// A note file as a tree of sections. Offsets are UTF-16 offsets into the note text.

export interface CodeBlock {
  lang: string;
  value: string;
  start: number;
  end: number;
}

/** A block of a section's own body (paragraph, list item, table, code, quote): the unit excerpts are cut at. */
export interface Block {
  start: number;
  end: number;
  code: boolean;
}

export interface Section {
  /** Index within NoteFile.sections (document order). */
  index: number;
  heading: string;
  /** 1-6; 0 for the preamble before the first heading. */
  level: number;
  /** Heading texts of the ancestors, outermost first (file name not included). */
  parents: string[];
  /** Index of the parent section, -1 at top level. */
  parent: number;
  /** GitHub-style anchor slug. */
  slug: string;
  headingStart: number;
  headingEnd: number;
  /** Where the section's own body ends (next heading of any level). */
  bodyEnd: number;
  /** Where the whole section ends (next heading of the same or higher level). */
  end: number;
  blocks: Block[];
  codeBlocks: CodeBlock[];
}

export interface NoteFile {
  uri: string;
  /** File name shown first in breadcrumbs. */
  name: string;
  text: string;
  sections: Section[];
  /** Ranges (start, end pairs) of fenced/indented code: recognised as code, not prose. */
  codeRanges: number[];
}

export function sectionBody(note: NoteFile, section: Section): string {
  return note.text.slice(section.headingEnd, section.bodyEnd);
}

/** Plain text of a section's own body: markup stripped, enough for search and previews. */
export function sectionPlainText(note: NoteFile, section: Section): string {
  return sectionBody(note, section)
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function breadcrumb(note: NoteFile, section: Section, separator = ' › '): string {
  return breadcrumbOf(note.name, section.parents, section.level > 0 ? section.heading : undefined, separator);
}

/** "file.md › parent › heading" from the parts (the preamble has no heading of its own): no sections needed. */
export function breadcrumbOf(name: string, parents: readonly string[], heading: string | undefined, separator = ' › '): string {
  let out = name;
  for (const parent of parents) out += separator + parent;
  return heading === undefined ? out : out + separator + heading;
}

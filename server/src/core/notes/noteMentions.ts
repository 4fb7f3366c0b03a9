// Where a note mentions AWS: every identity in prose (names) and in code blocks (stricter rules).
import type { Identity, IdentityKind, Recognizer } from '../recognize/identities';
import { absentForms, scanIdentities } from '../recognize/identities';
import type { NoteFile, Section } from '../syntax/markdown/noteModel';

export interface Mention {
  serviceId: string;
  kind: IdentityKind;
  start: number;
  end: number;
  section: number;
  /** Index into the section's blocks, -1 when in the heading or between blocks. */
  block: number;
  inHeading: boolean;
  inCode: boolean;
}

export function findMentions(recognizer: Recognizer, note: NoteFile): Mention[] {
  const mentions: Mention[] = [];
  const text = note.text;
  // Forms absent from the whole note are not searched for in each of its slices.
  const absent = absentForms(text);
  const add = (identities: Identity[], inCode: boolean) => {
    for (const identity of identities) mentions.push(mentionOf(note, identity, inCode));
  };
  let cursor = 0;
  const ranges = note.codeRanges;
  for (let i = 0; i < ranges.length; i += 2) {
    const codeStart = ranges[i];
    const codeEnd = ranges[i + 1];
    if (codeStart < cursor) continue;
    add(scanIdentities(recognizer, text, 'prose', cursor, codeStart, absent), false);
    add(scanIdentities(recognizer, text, 'code', codeStart, codeEnd, absent), true);
    cursor = codeEnd;
  }
  add(scanIdentities(recognizer, text, 'prose', cursor, text.length, absent), false);
  return mentions;
}

function mentionOf(note: NoteFile, identity: Identity, inCode: boolean): Mention {
  const section = sectionAt(note.sections, identity.start);
  const inHeading = section ? identity.start < section.headingEnd && identity.start >= section.headingStart : false;
  return {
    serviceId: identity.serviceId,
    kind: identity.kind,
    start: identity.start,
    end: identity.end,
    section: section ? section.index : -1,
    block: section && !inHeading ? blockAt(section, identity.start) : -1,
    inHeading,
    inCode,
  };
}

export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  let found: Section | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sections[mid].headingStart <= offset) {
      found = sections[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the section's block holding `offset`, -1 when none (the heading, or between blocks). */
export function blockAt(section: Section, offset: number): number {
  const blocks = section.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end <= offset) lo = mid + 1;
    else if (blocks[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

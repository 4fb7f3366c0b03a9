// The only executable links in our hovers: Open Section, created by the server, never taken from a note.
// Issue 12: the trusted command checks its arguments: before opening, the client asks the server
// (`awsNotes/resolveSection`) whether the URI is a note the server indexed and the line is inside it.
import type { NotesIndex } from '../notes/notesIndex';
import type { OpenSectionArgs } from '../../../../shared/protocol';
export type { OpenSectionArgs };

export const OPEN_SECTION_COMMAND = 'awsNotes.openSection';


export function openSectionLink(args: OpenSectionArgs): string {
  return `command:${OPEN_SECTION_COMMAND}?${encodeURIComponent(JSON.stringify([args]))}`;
}

/** Why a target is refused: not a note the index holds, or a line outside it. */
export type SectionRefusal = 'not-indexed' | 'bad-line';

/**
 * The target to open when `uri` is an indexed note (exact URI, as the server issued it) and `line` an integer line
 * of its text; otherwise why it is refused. Anything else (a forged `file:///etc/passwd`, a file next to the notes
 * that is not one, line -1 or 10^9) is refused.
 */
export function resolveSection(index: NotesIndex, uri: unknown, line: unknown): { ok: true; target: OpenSectionArgs } | { ok: false; why: SectionRefusal } {
  if (typeof uri !== 'string' || !index.has(uri)) return { ok: false, why: 'not-indexed' };
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 0) return { ok: false, why: 'bad-line' };
  const text = index.get(uri)?.text ?? '';
  if (line > lineCount(text) - 1) return { ok: false, why: 'bad-line' };
  return { ok: true, target: { uri, line } };
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

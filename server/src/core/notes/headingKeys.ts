// The folded search key of each heading, computed once per indexed note and kept in its index slot: Go to Symbol
// in Workspace and Search Notes fold a query once and compare it with these keys; the index cache stores them.
import type { NoteFile } from '../syntax/markdown/noteModel';
import type { NoteSlot, NotesIndex } from './notesIndex';
import { searchKey } from '../../../../shared/normalize';

export interface HeadingKeys {
  /** Folded keys of a note's headings, in section order ('' for the preamble). */
  keys: string[];
  /** Per key, a 32-bit set of its characters (bit = code & 31): a key lacking a query character is skipped at once. */
  masks: Uint32Array;
  /** Which entries are real headings (the preamble is not). */
  heading: Uint8Array;
}

/** A 32-bit set of the characters of a key (bit = code & 31). */
export function charMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) mask |= 1 << (s.charCodeAt(i) & 31);
  return mask >>> 0;
}

/** Folded search keys of a note's headings, computed once per indexed note (also used by Search Notes). */
export function headingKeys(index: NotesIndex, note: NoteFile, slot: NoteSlot): HeadingKeys {
  let entry = slot.searchKeys as HeadingKeys | undefined;
  if (!entry) {
    const { headings, levels } = index.headingsOf(note);
    entry = keysFrom(headings.map((h, i) => (levels[i] === 0 ? '' : searchKey(h))), levels);
    slot.searchKeys = entry;
  }
  return entry;
}

function keysFrom(keys: string[], levels: ArrayLike<number>, known?: Uint32Array): HeadingKeys {
  const masks = known ?? new Uint32Array(keys.length);
  const heading = new Uint8Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    if (!known) masks[i] = charMask(keys[i]);
    heading[i] = levels[i] === 0 ? 0 : 1;
  }
  return { keys, masks, heading };
}

/** A note's folded heading keys (computed once per indexed note): what the persistent cache stores. */
export function foldedHeadingKeys(index: NotesIndex, uri: string): string[] | undefined {
  const note = index.get(uri);
  const slot = index.slot(uri);
  return note && slot ? headingKeys(index, note, slot).keys : undefined;
}

/**
 * Gives a note restored from the cache its stored folded keys (no folding of its headings on the first search), and
 * their stored character sets when the cache has them (`charMask` of each key).
 */
export function seedFoldedHeadingKeys(index: NotesIndex, uri: string, keys: string[], masks?: Uint32Array): void {
  const note = index.get(uri);
  const slot = index.slot(uri);
  if (!note || !slot) return;
  const { levels } = index.headingsOf(note);
  if (keys.length === levels.length) slot.searchKeys = keysFrom(keys, levels, masks?.length === keys.length ? masks : undefined);
}

// Where a note mentions AWS: every identity in prose (names) and in code blocks (stricter rules).
import type { IdentityKind, IdentitySink, Recognizer } from '../recognize/identities';
import { absentForms, scanIdentitiesInto } from '../recognize/identities';
import type { NoteFile } from '../syntax/markdown/noteModel';
import { blockIndexAt, ObjectSectionView, sectionIndexAt } from './sectionView';

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
  const columns = findMentionColumns(recognizer, note, new MentionColumns());
  const mentions: Mention[] = [];
  for (let k = 0; k < columns.length; k++) mentions.push(columns.mention(k));
  return mentions;
}

/**
 * findMentions' mentions, in the same order, as columns (`into`, emptied first): the crawl ranks every note's
 * mentions and needs no object per mention (half a million at 10k notes, with an Identity, a NameMatch and a string
 * each before: issue 16's largest allocation in finding mentions).
 */
export function findMentionColumns(recognizer: Recognizer, note: NoteFile, into: MentionColumns): MentionColumns {
  into.clear(note);
  const text = note.text;
  // Forms absent from the whole note are not searched for in each of its slices.
  const absent = absentForms(text);
  let cursor = 0;
  const ranges = note.codeRanges;
  for (let i = 0; i < ranges.length; i += 2) {
    const codeStart = ranges[i];
    const codeEnd = ranges[i + 1];
    if (codeStart < cursor) continue;
    into.inCode = false;
    scanIdentitiesInto(recognizer, text, 'prose', cursor, codeStart, absent, into);
    into.inCode = true;
    scanIdentitiesInto(recognizer, text, 'code', codeStart, codeEnd, absent, into);
    cursor = codeEnd;
  }
  into.inCode = false;
  scanIdentitiesInto(recognizer, text, 'prose', cursor, text.length, absent, into);
  return into;
}

/** Mentions as columns: mention k is (serviceId[k], kind[k], start[k], …); `length` of them. */
export class MentionColumns implements IdentitySink {
  length = 0;
  start: Int32Array;
  end: Int32Array;
  section: Int32Array;
  block: Int32Array;
  heading: Uint8Array;
  code: Uint8Array;
  kind: IdentityKind[] = [];
  serviceId: string[] = [];
  /** Whether the identities that come next are in code (set by findMentionColumns per slice). */
  inCode = false;
  private note: NoteFile | undefined;
  /** The note's sections as the section and block searches read them (sectionView.ts), re-pointed per identity. */
  private readonly view = new ObjectSectionView();

  constructor(private readonly initial = 64) {
    this.start = new Int32Array(initial);
    this.end = new Int32Array(initial);
    this.section = new Int32Array(initial);
    this.block = new Int32Array(initial);
    this.heading = new Uint8Array(initial);
    this.code = new Uint8Array(initial);
  }

  /** Columns kept between notes at most this long: after a note with very many mentions they are made small again
   * (a thread keeps its scratch columns for good; NameHits does the same). */
  private static readonly KEPT = 1 << 16;

  clear(note: NoteFile | undefined): void {
    this.length = 0;
    this.note = note;
    if (this.start.length > MentionColumns.KEPT) this.resize(this.initial);
  }

  /** Appends a mention of `note` (clear's) from an identity: its section and block found here. */
  identity(kind: IdentityKind, start: number, end: number, serviceId: string): void {
    const view = this.view.of(this.note!.sections);
    const section = sectionIndexAt(view, start);
    const inHeading = section >= 0 && start < view.headingEnd(section) && start >= view.headingStart(section);
    this.push(serviceId, kind, start, end, section, section >= 0 && !inHeading ? blockIndexAt(view, section, start) : -1, inHeading, this.inCode);
  }

  push(serviceId: string, kind: IdentityKind, start: number, end: number, section: number, block: number, inHeading: boolean, inCode: boolean): void {
    const k = this.length;
    if (k === this.start.length) this.grow();
    this.serviceId[k] = serviceId;
    this.kind[k] = kind;
    this.start[k] = start;
    this.end[k] = end;
    this.section[k] = section;
    this.block[k] = block;
    this.heading[k] = inHeading ? 1 : 0;
    this.code[k] = inCode ? 1 : 0;
    this.length = k + 1;
  }

  mention(k: number): Mention {
    return {
      serviceId: this.serviceId[k],
      kind: this.kind[k],
      start: this.start[k],
      end: this.end[k],
      section: this.section[k],
      block: this.block[k],
      inHeading: this.heading[k] === 1,
      inCode: this.code[k] === 1,
    };
  }

  private grow(): void {
    // From any capacity, also 0: doubling 0 would stay 0, and a typed array ignores writes past its end.
    this.resize(Math.max(64, this.start.length * 2));
  }

  /** The columns at `size` entries, the first `length` kept. */
  private resize(size: number): void {
    const copy = <T extends Int32Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a.subarray(0, Math.min(this.length, size)));
      return b;
    };
    this.start = copy(this.start, Int32Array);
    this.end = copy(this.end, Int32Array);
    this.section = copy(this.section, Int32Array);
    this.block = copy(this.block, Int32Array);
    this.heading = copy(this.heading, Uint8Array);
    this.code = copy(this.code, Uint8Array);
    if (this.length === 0) {
      this.kind = [];
      this.serviceId = [];
    }
  }

}

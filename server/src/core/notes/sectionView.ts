// What a query ranking reads of a note's sections (positions, parents, blocks), read straight from the scan worker's
// packed columns when the note has them. Issue 16: the ranking read `note.sections` twice per candidate note, and a
// note indexed by the worker rebuilt its Section, block and code block objects each time it was not among the last
// 32 read (notesIndex.ts, `recentlyBuilt`): ~0.4 s of unpacking and ~0.4 s of GC in the crawl's settle step.
import type { NoteFile, Section } from '../syntax/markdown/noteModel';
import { LazyNote } from './notesIndex';
import { SECTION_INTS, type PackedSections } from './packedSections';

/** Read-only positions of a note's sections; `s` is a section index, `b` a block index within section `s`. */
export interface SectionView {
  readonly count: number;
  parent(s: number): number;
  headingStart(s: number): number;
  headingEnd(s: number): number;
  bodyEnd(s: number): number;
  end(s: number): number;
  blockCount(s: number): number;
  blockStart(s: number, b: number): number;
  blockEnd(s: number, b: number): number;
}

/** Over built Section objects (a parsed note, or a note without columns). */
export class ObjectSectionView implements SectionView {
  readonly count: number;
  constructor(private readonly sections: readonly Section[]) {
    this.count = sections.length;
  }
  parent(s: number): number {
    return this.sections[s].parent;
  }
  headingStart(s: number): number {
    return this.sections[s].headingStart;
  }
  headingEnd(s: number): number {
    return this.sections[s].headingEnd;
  }
  bodyEnd(s: number): number {
    return this.sections[s].bodyEnd;
  }
  end(s: number): number {
    return this.sections[s].end;
  }
  blockCount(s: number): number {
    return this.sections[s].blocks.length;
  }
  blockStart(s: number, b: number): number {
    return this.sections[s].blocks[b].start;
  }
  blockEnd(s: number, b: number): number {
    return this.sections[s].blocks[b].end;
  }
}

/** Over packed columns (packedSections.ts layout): nothing is built but where each section's blocks begin. */
export class PackedSectionView implements SectionView {
  readonly count: number;
  private readonly ints: Int32Array;
  private readonly blocks: Int32Array;
  /** Per section: index of its first block in `blocks` (blocks are stored section after section); built on first use. */
  private firstBlock: Int32Array | undefined;
  constructor(p: PackedSections) {
    this.ints = p.ints;
    this.blocks = p.blocks;
    this.count = p.headings.length;
  }
  parent(s: number): number {
    return this.ints[s * SECTION_INTS + 1];
  }
  headingStart(s: number): number {
    return this.ints[s * SECTION_INTS + 2];
  }
  headingEnd(s: number): number {
    return this.ints[s * SECTION_INTS + 3];
  }
  bodyEnd(s: number): number {
    return this.ints[s * SECTION_INTS + 4];
  }
  end(s: number): number {
    return this.ints[s * SECTION_INTS + 5];
  }
  blockCount(s: number): number {
    return this.ints[s * SECTION_INTS + 6];
  }
  blockStart(s: number, b: number): number {
    return this.blocks[(this.blockBase(s) + b) * 3];
  }
  blockEnd(s: number, b: number): number {
    return this.blocks[(this.blockBase(s) + b) * 3 + 1];
  }
  private blockBase(s: number): number {
    let first = this.firstBlock;
    if (!first) {
      first = this.firstBlock = new Int32Array(this.count);
      for (let i = 0, at = 0; i < this.count; i++) {
        first[i] = at;
        at += this.ints[i * SECTION_INTS + 6];
      }
    }
    return first[s];
  }
}

/** The section holding `offset` (the last one whose heading starts at or before it), -1 before the first. */
export function sectionIndexAt(view: SectionView, offset: number): number {
  let lo = 0;
  let hi = view.count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (view.headingStart(mid) <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of section `s`'s block holding `offset`, -1 when none (the heading, or between blocks). */
export function blockIndexAt(view: SectionView, s: number, offset: number): number {
  let lo = 0;
  let hi = view.blockCount(s) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (view.blockEnd(s, mid) <= offset) lo = mid + 1;
    else if (view.blockStart(s, mid) > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The first sub-section of `s` with a body of its own (a container's stand-in), -1 when none. */
export function firstChildWithBodyIndex(view: SectionView, s: number): number {
  const end = view.end(s);
  for (let c = s + 1; c < view.count && view.headingStart(c) < end; c++) if (view.blockCount(c) > 0) return c;
  return -1;
}

/** A note's sections as a ranking reads them: its packed columns when it has them (no objects built), else its sections. */
export function sectionViewOf(note: NoteFile): SectionView {
  const columns = note instanceof LazyNote ? note.packed.columns : undefined;
  return columns ? new PackedSectionView(columns) : new ObjectSectionView(note.sections);
}

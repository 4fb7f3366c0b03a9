// What a query ranking reads of a note's sections (positions, parents, blocks), read straight from the scan worker's
// packed columns when the note has them. Issue 16: the ranking read `note.sections` twice per candidate note, and a
// note indexed by the worker rebuilt its Section, block and code block objects each time it was not among the last
// 32 read (notesIndex.ts, `recentlyBuilt`): ~0.4 s of unpacking and ~0.4 s of GC in the crawl's settle step.
import type { Section } from '../syntax/markdown/noteModel';
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
  /** Block `b` of section `s` numbered across the note: 0 … blockTotal - 1. */
  blockId(s: number, b: number): number;
  readonly blockTotal: number;
}

/**
 * Block numbers across the note (section after section): summed from the last section asked, as most reads go forward
 * (occurrences in text order, sections in order); a table once reads have gone back a few times (a note read out of
 * order stays linear). An array per view was a tenth of a ranking's garbage (issue 16).
 */
abstract class BlockNumbering {
  abstract readonly count: number;
  abstract blockCount(s: number): number;
  private at = 0;
  private first = 0;
  private backs = 0;
  private table: number[] | undefined;

  /** Forgets the numbering (the view is re-pointed at another note). */
  protected renumber(): void {
    this.at = 0;
    this.first = 0;
    this.backs = 0;
    this.table = undefined;
  }

  blockId(s: number, b: number): number {
    if (this.table) return this.table[s] + b;
    if (s < this.at) {
      if (++this.backs > 4) {
        const table: number[] = (this.table = new Array(this.count + 1));
        table[0] = 0;
        for (let i = 0; i < this.count; i++) table[i + 1] = table[i] + this.blockCount(i);
        return table[s] + b;
      }
      this.at = 0;
      this.first = 0;
    }
    for (; this.at < s; this.at++) this.first += this.blockCount(this.at);
    return this.first + b;
  }
}

/** Over built Section objects (a parsed note, or a note without columns). */
export class ObjectSectionView extends BlockNumbering implements SectionView {
  count = 0;
  private sections: readonly Section[] = [];
  /** This view, now of `sections`. */
  private total = -1;
  of(sections: readonly Section[]): this {
    this.sections = sections;
    this.count = sections.length;
    this.total = -1;
    this.renumber();
    return this;
  }
  get blockTotal(): number {
    if (this.total < 0) {
      this.total = 0;
      for (const section of this.sections) this.total += section.blocks.length;
    }
    return this.total;
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

const EMPTY: Int32Array = new Int32Array(0);

/** Over packed columns (packedSections.ts layout): nothing is built but where each section's blocks begin. */
export class PackedSectionView extends BlockNumbering implements SectionView {
  count = 0;
  private ints = EMPTY;
  private blocks = EMPTY;
  /** This view, now of the sections `p` packs. */
  of(p: PackedSections): this {
    this.ints = p.ints;
    this.blocks = p.blocks;
    this.count = p.headings.length;
    this.renumber();
    return this;
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
    return this.blocks[this.blockId(s, b) * 3];
  }
  blockEnd(s: number, b: number): number {
    return this.blocks[this.blockId(s, b) * 3 + 1];
  }
  get blockTotal(): number {
    return this.blocks.length / 3;
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

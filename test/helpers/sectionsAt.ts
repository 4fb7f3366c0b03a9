// Reference searches over built Section objects (the former noteMentions.ts ones): the tests' oracles for where an
// offset falls, independent of sectionView.ts, which the code under test uses.
import type { Section } from '../../server/src/core/syntax/markdown/noteModel';

/** The section holding `offset` (the last one whose heading starts at or before it). */
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

// A note's sections as a few flat arrays: what the scan worker sends back to the request thread (issue 16: the
// full scan and mention finding run off that thread). Typed arrays and string arrays cross a thread boundary
// with one cheap structured clone; the sections are rebuilt only when a request needs them.
import type { Section } from '../syntax/markdown/noteModel';

export interface PackedSections {
  headings: string[];
  slugs: string[];
  /** Per section: level, parent, headingStart, headingEnd, bodyEnd, end, blocks, codeBlocks. */
  ints: Int32Array;
  /** Per block: start, end, code (0/1). */
  blocks: Int32Array;
  /** Per code block: start, end. */
  codeInts: Int32Array;
  codeLangs: string[];
  /** Per code block: where its value starts in the note's text, or -1 when it is not a slice of it (then in codeValues). */
  codeValueAt: Int32Array;
  /** Per code block: its value's length, or its value when that is not a slice of the note's text ('' otherwise). */
  codeValues: (string | number)[];
  codeRanges: Int32Array;
}

/** Fixed fields per section: level, parent, heading start/end, body end, end, block count, code block count. */
export const SECTION_INTS = 8;
const INTS = SECTION_INTS;

/** A section from its fixed fields at `o` (the inverse of writeSectionInts); `up` is its parent, already read. */
export function readSection(ints: ArrayLike<number>, o: number, index: number, heading: string, slug: string, up: Section | undefined, blocks: Section['blocks'], codeBlocks: Section['codeBlocks']): Section {
  return {
    index,
    heading,
    level: ints[o],
    parents: up ? [...up.parents, up.heading] : [],
    parent: up ? up.index : -1,
    slug,
    headingStart: ints[o + 2],
    headingEnd: ints[o + 3],
    bodyEnd: ints[o + 4],
    end: ints[o + 5],
    blocks,
    codeBlocks,
  };
}

/** Writes one section's fixed fields at `o` (the one layout of the worker's transfer and the index cache). */
export function writeSectionInts(ints: Int32Array, o: number, s: Section): void {
  ints[o] = s.level;
  ints[o + 1] = s.parent;
  ints[o + 2] = s.headingStart;
  ints[o + 3] = s.headingEnd;
  ints[o + 4] = s.bodyEnd;
  ints[o + 5] = s.end;
  ints[o + 6] = s.blocks.length;
  ints[o + 7] = s.codeBlocks.length;
}

/**
 * Code values that are slices of `text` are sent as offsets: rebuilt with `slice` on the other side they share the
 * text's memory (sent as strings they were a second copy of every code block of the corpus).
 */
export function packSections(sections: readonly Section[], codeRanges: readonly number[], text: string): PackedSections {
  let blockTotal = 0;
  let codeTotal = 0;
  for (const s of sections) {
    blockTotal += s.blocks.length;
    codeTotal += s.codeBlocks.length;
  }
  const ints = new Int32Array(sections.length * INTS);
  const blocks = new Int32Array(blockTotal * 3);
  const codeInts = new Int32Array(codeTotal * 2);
  const codeLangs: string[] = [];
  const codeValues: (string | number)[] = [];
  const codeValueAt = new Int32Array(codeTotal);
  let b = 0;
  let c = 0;
  sections.forEach((s, i) => {
    writeSectionInts(ints, i * INTS, s);
    for (const block of s.blocks) {
      blocks[b++] = block.start;
      blocks[b++] = block.end;
      blocks[b++] = block.code ? 1 : 0;
    }
    for (const code of s.codeBlocks) {
      const at = code.value ? text.indexOf(code.value, code.start) : -1;
      const slice = at >= 0 && at + code.value.length <= code.end;
      codeValueAt[codeValues.length] = slice ? at : -1;
      codeValues.push(slice ? code.value.length : code.value);
      codeInts[c++] = code.start;
      codeInts[c++] = code.end;
      codeLangs.push(code.lang);
    }
  });
  return { headings: sections.map((s) => s.heading), slugs: sections.map((s) => s.slug), ints, blocks, codeInts, codeLangs, codeValueAt, codeValues, codeRanges: Int32Array.from(codeRanges) };
}

/** Code block `c`'s value (its packed offsets refer to `text`, the text it was packed from). */
export function codeValueOf(p: PackedSections, c: number, text: string): string {
  const v = p.codeValues[c];
  return p.codeValueAt[c] >= 0 && typeof v === 'number' ? text.slice(p.codeValueAt[c], p.codeValueAt[c] + v) : String(v);
}

/** The sections `packSections` packed from `text` (parents rebuilt from the parent indices). */
export function unpackSections(p: PackedSections, text: string): Section[] {
  const value = (c: number) => codeValueOf(p, c, text);
  const sections: Section[] = [];
  let b = 0;
  let c = 0;
  for (let i = 0; i < p.headings.length; i++) {
    const o = i * INTS;
    const parent = p.ints[o + 1];
    const blocks = new Array(p.ints[o + 6]);
    for (let k = 0; k < blocks.length; k++, b++) blocks[k] = { start: p.blocks[b * 3], end: p.blocks[b * 3 + 1], code: p.blocks[b * 3 + 2] === 1 };
    const codeBlocks = new Array(p.ints[o + 7]);
    for (let k = 0; k < codeBlocks.length; k++, c++) codeBlocks[k] = { lang: p.codeLangs[c], value: value(c), start: p.codeInts[c * 2], end: p.codeInts[c * 2 + 1] };
    const up = parent >= 0 && parent < i ? sections[parent] : undefined;
    sections.push(readSection(p.ints, o, i, p.headings[i], p.slugs[i], up, blocks, codeBlocks));
  }
  return sections;
}

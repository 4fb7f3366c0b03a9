// A note's sections as a few flat arrays: what the scan worker sends back to the request thread (issue 16: the
// full scan and mention finding run off that thread). Typed arrays and string arrays cross a thread boundary
// with one cheap structured clone; the sections are rebuilt only when a request needs them.
import type { Section } from './noteModel';

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
  codeValues: string[];
  codeRanges: Int32Array;
}

const INTS = 8;

export function packSections(sections: readonly Section[], codeRanges: readonly number[]): PackedSections {
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
  const codeValues: string[] = [];
  let b = 0;
  let c = 0;
  sections.forEach((s, i) => {
    const o = i * INTS;
    ints[o] = s.level;
    ints[o + 1] = s.parent;
    ints[o + 2] = s.headingStart;
    ints[o + 3] = s.headingEnd;
    ints[o + 4] = s.bodyEnd;
    ints[o + 5] = s.end;
    ints[o + 6] = s.blocks.length;
    ints[o + 7] = s.codeBlocks.length;
    for (const block of s.blocks) {
      blocks[b++] = block.start;
      blocks[b++] = block.end;
      blocks[b++] = block.code ? 1 : 0;
    }
    for (const code of s.codeBlocks) {
      codeInts[c++] = code.start;
      codeInts[c++] = code.end;
      codeLangs.push(code.lang);
      codeValues.push(code.value);
    }
  });
  return { headings: sections.map((s) => s.heading), slugs: sections.map((s) => s.slug), ints, blocks, codeInts, codeLangs, codeValues, codeRanges: Int32Array.from(codeRanges) };
}

/** The sections `packSections` packed (parents rebuilt from the parent indices). */
export function unpackSections(p: PackedSections): Section[] {
  const sections: Section[] = [];
  let b = 0;
  let c = 0;
  for (let i = 0; i < p.headings.length; i++) {
    const o = i * INTS;
    const parent = p.ints[o + 1];
    const blocks = new Array(p.ints[o + 6]);
    for (let k = 0; k < blocks.length; k++, b++) blocks[k] = { start: p.blocks[b * 3], end: p.blocks[b * 3 + 1], code: p.blocks[b * 3 + 2] === 1 };
    const codeBlocks = new Array(p.ints[o + 7]);
    for (let k = 0; k < codeBlocks.length; k++, c++) codeBlocks[k] = { lang: p.codeLangs[c], value: p.codeValues[c], start: p.codeInts[c * 2], end: p.codeInts[c * 2 + 1] };
    const up = parent >= 0 && parent < i ? sections[parent] : undefined;
    sections.push({
      index: i,
      heading: p.headings[i],
      level: p.ints[o],
      parents: up ? [...up.parents, up.heading] : [],
      parent: up ? parent : -1,
      slug: p.slugs[i],
      headingStart: p.ints[o + 2],
      headingEnd: p.ints[o + 3],
      bodyEnd: p.ints[o + 4],
      end: p.ints[o + 5],
      blocks,
      codeBlocks,
    });
  }
  return sections;
}

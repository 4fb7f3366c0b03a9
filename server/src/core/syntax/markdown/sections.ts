// How a note's block sequence becomes sections, shared by the fast scanner and the remark path (which must agree
// exactly: the differential tests compare them): headings open sections under the last shallower heading, blocks
// and code blocks belong to the section above them, and a preamble with no blocks is dropped.
import type { CodeBlock, NoteFile, Section } from './noteModel';
import { fileName } from './remark';
import { Slugger } from './slug';

export class SectionsBuilder {
  readonly sections: Section[] = [];
  readonly codeRanges: number[] = [];
  /** The section blocks are added to. */
  current: Section;
  private readonly slugger = new Slugger();
  private readonly stack: Section[] = [];
  private readonly preamble: Section;

  constructor(private readonly text: string) {
    this.preamble = {
      index: 0, heading: '', level: 0, parents: [], parent: -1, slug: '',
      headingStart: 0, headingEnd: 0, bodyEnd: text.length, end: text.length, blocks: [], codeBlocks: [],
    };
    this.sections.push(this.preamble);
    this.current = this.preamble;
  }

  /** A block of prose (a paragraph, a list item, a table, …). */
  block(start: number, end: number): void {
    this.current.blocks.push({ start, end, code: false });
  }

  /** A code block at the top level: a passage of its own. */
  code(block: CodeBlock): void {
    this.nestedCode(block);
    this.current.blocks.push({ start: block.start, end: block.end, code: true });
  }

  /** A code block inside another block (a list item, a quote): code of the section, not a passage of its own. */
  nestedCode(block: CodeBlock): void {
    this.current.codeBlocks.push(block);
    this.codeRanges.push(block.start, block.end);
  }

  heading(title: string, depth: number, start: number, headingEnd: number): void {
    const { stack, sections } = this;
    this.current.bodyEnd = start;
    while (stack.length && stack[stack.length - 1].level >= depth) stack.pop()!.end = start;
    const parent = stack[stack.length - 1];
    const section: Section = {
      index: sections.length,
      heading: title,
      level: depth,
      parents: stack.map((s) => s.heading),
      parent: parent ? parent.index : -1,
      slug: this.slugger.slug(title),
      headingStart: start,
      headingEnd,
      bodyEnd: this.text.length,
      end: this.text.length,
      blocks: [],
      codeBlocks: [],
    };
    sections.push(section);
    stack.push(section);
    this.current = section;
  }

  finish(uri: string): NoteFile {
    const { sections, preamble, text } = this;
    if (sections.length > 1) preamble.end = sections[1].headingStart;
    if (preamble.blocks.length === 0 && sections.length > 1) sections.shift();
    sections.forEach((s, i) => {
      const shift = s.index - i;
      s.index = i;
      if (s.parent >= 0) s.parent -= shift;
    });
    return { uri, name: fileName(uri), text, sections, codeRanges: this.codeRanges };
  }
}

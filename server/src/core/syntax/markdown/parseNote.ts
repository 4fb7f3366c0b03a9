// Markdown note -> sections. The fast exact scanner (fastScan.ts) answers for almost every note; unified +
// remark-parse (+ GFM tables, + CJK-friendly emphasis) is the reference and the fallback for the rest.
import type { RootContent, Heading, Root } from 'mdast';
import type { Block, CodeBlock, NoteFile, Section } from './noteModel';
import { fastScanNote } from './fastScan';
import { boundInline } from './inlineBound';
import { fileName, inlineText, parseMarkdown } from './remark';
import { Slugger } from './slug';

export { fileName, inlineText, markdownProcessor, parseMarkdown } from './remark';

/**
 * Parses a note. Never throws on content. Same result as `parseNoteRemark`, usually much faster; in linear time
 * (remark sees inline delimiters bounded per paragraph: `inlineBound.ts`; normal notes are not changed by it).
 */
export function parseNote(uri: string, text: string): NoteFile {
  return fastScanNote(uri, text) ?? noteFromTree(uri, text, parseMarkdown(boundInline(text)));
}

function startOf(node: RootContent): number {
  return node.position?.start.offset ?? 0;
}

function endOf(node: RootContent): number {
  return node.position?.end.offset ?? 0;
}

/** The reference parser: remark. Never throws on content: remark accepts any string. */
export function parseNoteRemark(uri: string, text: string): NoteFile {
  return noteFromTree(uri, text, parseMarkdown(text));
}

/** Sections from remark's tree of `text` (or of a same-length text with bounded inline delimiters). */
function noteFromTree(uri: string, text: string, root: Root): NoteFile {
  const slugger = new Slugger();
  const sections: Section[] = [];
  const codeRanges: number[] = [];
  const preamble: Section = {
    index: 0, heading: '', level: 0, parents: [], parent: -1, slug: '',
    headingStart: 0, headingEnd: 0, bodyEnd: text.length, end: text.length, blocks: [], codeBlocks: [],
  };
  sections.push(preamble);
  const stack: Section[] = [];
  let current = preamble;

  const addBlock = (node: RootContent) => {
    if (node.type === 'code') {
      const block: CodeBlock = { lang: (node.lang ?? '').toLowerCase(), value: node.value, start: startOf(node), end: endOf(node) };
      current.codeBlocks.push(block);
      codeRanges.push(block.start, block.end);
      current.blocks.push({ start: block.start, end: block.end, code: true });
    } else if (node.type === 'list') {
      // List items are separate passages: a long list about many services is cut per item.
      for (const item of node.children) current.blocks.push({ start: startOf(item), end: endOf(item), code: false });
      collectNestedCode(node, current, codeRanges);
    } else if (node.type !== 'definition') {
      current.blocks.push({ start: startOf(node), end: endOf(node), code: false });
      collectNestedCode(node, current, codeRanges);
    }
  };

  for (const node of root.children) {
    if (node.type !== 'heading') {
      addBlock(node);
      continue;
    }
    const heading = node as Heading;
    const start = startOf(node);
    current.bodyEnd = start;
    while (stack.length && stack[stack.length - 1].level >= heading.depth) stack.pop()!.end = start;
    const title = inlineText(heading).replace(/\s+/g, ' ').trim();
    const parent = stack[stack.length - 1];
    const section: Section = {
      index: sections.length,
      heading: title,
      level: heading.depth,
      parents: stack.map((s) => s.heading),
      parent: parent ? parent.index : -1,
      slug: slugger.slug(title),
      headingStart: start,
      headingEnd: endOf(node),
      bodyEnd: text.length,
      end: text.length,
      blocks: [],
      codeBlocks: [],
    };
    sections.push(section);
    stack.push(section);
    current = section;
  }
  if (sections.length > 1) preamble.end = sections[1].headingStart;
  if (preamble.blocks.length === 0 && sections.length > 1) sections.shift();
  sections.forEach((s, i) => {
    const shift = s.index - i;
    s.index = i;
    if (s.parent >= 0) s.parent -= shift;
  });
  return { uri, name: fileName(uri), text, sections, codeRanges };
}

function collectNestedCode(node: RootContent, section: Section, codeRanges: number[]): void {
  if (!('children' in node)) return;
  for (const child of node.children as RootContent[]) {
    if (child.type === 'code') {
      section.codeBlocks.push({ lang: (child.lang ?? '').toLowerCase(), value: child.value, start: startOf(child), end: endOf(child) });
      codeRanges.push(startOf(child), endOf(child));
    } else collectNestedCode(child, section, codeRanges);
  }
}

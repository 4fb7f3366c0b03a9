// Markdown note -> sections. The fast exact scanner (fastScan.ts) answers for almost every note; unified +
// remark-parse (+ GFM tables, + CJK-friendly emphasis) is the reference and the fallback for the rest.
import type { Code, RootContent, Heading, Root } from 'mdast';
import type { CodeBlock, NoteFile } from './noteModel';
import { SectionsBuilder } from './sections';
import { fastScanNote } from './fastScan';
import { boundInline } from './inlineBound';
import { inlineText, parseMarkdown } from './remark';

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
  const out = new SectionsBuilder(text);
  for (const node of root.children) {
    if (node.type === 'heading') {
      const title = inlineText(node as Heading).replace(/\s+/g, ' ').trim();
      out.heading(title, (node as Heading).depth, startOf(node), endOf(node));
    } else if (node.type === 'code') {
      out.code(codeBlock(node));
    } else if (node.type === 'list') {
      // List items are separate passages: a long list about many services is cut per item.
      for (const item of node.children) out.block(startOf(item), endOf(item));
      collectNestedCode(node, out);
    } else if (node.type !== 'definition') {
      out.block(startOf(node), endOf(node));
      collectNestedCode(node, out);
    }
  }
  return out.finish(uri);
}

const codeBlock = (node: Code): CodeBlock => ({ lang: (node.lang ?? '').toLowerCase(), value: node.value, start: startOf(node), end: endOf(node) });

function collectNestedCode(node: RootContent, out: SectionsBuilder): void {
  if (!('children' in node)) return;
  for (const child of node.children as RootContent[]) {
    if (child.type === 'code') out.nestedCode(codeBlock(child));
    else collectNestedCode(child, out);
  }
}

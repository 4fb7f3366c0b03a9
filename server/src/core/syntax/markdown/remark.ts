// The remark pipeline shared by the note parser, the fast scanner's heading fallback and sanitising.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Nodes, Root } from 'mdast';

let processor: Processor<Root> | undefined;

export function markdownProcessor(): Processor<Root> {
  processor ??= unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly) as unknown as Processor<Root>;
  return processor;
}

export function parseMarkdown(text: string): Root {
  return markdownProcessor().parse(text);
}

/** Text of a heading as a reader sees it: link targets and emphasis markers dropped. */
export function inlineText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(inlineText).join('');
  return '';
}

export function fileName(uri: string): string {
  // (No split: this runs for every note parsed; without '%' there is nothing to decode.)
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  if (!last.includes('%')) return last;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

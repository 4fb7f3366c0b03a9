// Note text shown in hovers is untrusted: it may hold command: links, javascript:/data: URLs, raw HTML and
// remote images. We re-render it so that nothing from a note can run a command or fetch anything.
import type { Nodes } from 'mdast';
import { parseMarkdown, inlineText } from '../notes/parseNote';

const SAFE_LINK = /^(?:https?:|mailto:)/i;

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Escapes text so Markdown shows it literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/&/g, '&amp;');
}

/** Escapes only what would become HTML or a link. */
function escapeInline(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\[/g, '\\[').replace(/\]/g, '\\]');
}

export function sanitizeNoteMarkdown(markdown: string): string {
  const root = parseMarkdown(markdown);
  const replacements: Replacement[] = [];
  const visit = (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const at = (text: string) => {
      if (start !== undefined && end !== undefined) replacements.push({ start, end, text });
    };
    switch (node.type) {
      case 'html':
        return at(escapeInline(node.value));
      case 'image':
      case 'imageReference':
        // Never load remote images: show the alt text instead.
        return at(node.alt ? `[${escapeInline(node.alt)}]` : '');
      case 'definition':
        return at('');
      case 'linkReference':
        return at(escapeInline(inlineText(node)));
      case 'link':
        if (!SAFE_LINK.test(node.url.trim())) return at(escapeInline(inlineText(node)));
        break;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(root);
  if (replacements.length === 0) return markdown;
  replacements.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const r of replacements) {
    if (r.start < cursor) continue;
    out += markdown.slice(cursor, r.start) + r.text;
    cursor = r.end;
  }
  return out + markdown.slice(cursor);
}

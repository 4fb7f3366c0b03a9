// Note text shown in hovers is untrusted: it may hold command: links, javascript:/data: URLs, raw HTML and
// remote images. We re-render it so that nothing from a note can run a command or fetch anything.
//
// The editor renders our Markdown with a different parser (VS Code: marked) than the one we read notes with
// (remark), and the excerpt is embedded in a larger document (quoted, next to other excerpts). So we do not
// rely on remark's reading alone: every character that could open a link, an image, a reference or HTML in
// ANY CommonMark-ish parser (`[`, `]`, `<`) is escaped in all text we pass through, HTML is turned into text,
// and the only links left are http(s)/mailto links re-written in one canonical, unambiguous form.
import type { Nodes } from 'mdast';
import { parseMarkdown, inlineText } from '../notes/parseNote';

const SAFE_LINK = /^(?:https?:|mailto:)/i;
/** Deeper container nesting than this in an excerpt is shown as plain text (remark is slow/recursive there). */
const MAX_EXCERPT_NESTING = 32;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Escapes text so Markdown shows it literally, on one line (control characters and line breaks become a space). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/** Decoded plain text -> Markdown that shows exactly that text: every ASCII punctuation character escaped. */
export function escapeLiteral(text: string): string {
  return text.replace(ASCII_PUNCTUATION, (c) => `\\${c}`);
}

/**
 * Markdown source of inline text -> the same, with every unescaped `[`, `]` and `<` escaped. Existing
 * backslash escapes are kept as pairs, so `\\[` (a literal backslash, then a bracket) gets its bracket escaped.
 */
export function escapeSource(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length && /[!-/:-@[-`{-~]/.test(source[i + 1])) {
      out += c + source[i + 1];
      i++;
    } else if (c === '\\' && i + 1 === source.length) {
      out += '\\\\';
    } else if (c === '[' || c === ']' || c === '<') {
      out += `\\${c}`;
    } else out += c;
  }
  return out;
}

/** A URL we let through, written so no parser can read it differently (no spaces, quotes, brackets, parens). */
function canonicalUrl(url: string): string {
  return url.trim().replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/g, (c) => encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** How deeply containers (quotes, list items) nest at most, estimated from line prefixes. Linear. */
export function maxLinePrefixDepth(text: string): number {
  let max = 0;
  for (const m of text.matchAll(/^[ \t>*+\-0-9.)]*/gm)) {
    const prefix = m[0];
    let depth = 0;
    for (const ch of prefix) if (ch === '>' || ch === '*' || ch === '+' || ch === '-' || ch === ')' || ch === '.') depth++;
    depth += Math.floor((prefix.length - depth) / 2);
    if (depth > max) max = depth;
  }
  return max;
}

/** The fallback: every line shown literally. */
function plainText(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .map((line) => escapeLiteral(line))
    .join('\n');
}

export function sanitizeNoteMarkdown(markdown: string): string {
  if (maxLinePrefixDepth(markdown) > MAX_EXCERPT_NESTING) return plainText(markdown);
  let root: Nodes;
  try {
    root = parseMarkdown(markdown);
  } catch {
    return plainText(markdown);
  }
  const replacements: Replacement[] = [];
  const visit = (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const at = (text: string, from = start, to = end) => {
      if (from !== undefined && to !== undefined) replacements.push({ start: from, end: to, text });
    };
    switch (node.type) {
      case 'text':
        // Literal text in remark's reading; make sure it stays literal in every other parser too.
        if (start !== undefined && end !== undefined) at(escapeSource(markdown.slice(start, end)));
        return;
      case 'html':
        // Shown as text: `<` escaped (so it is no tag) and brackets escaped (so it is no link either).
        if (start !== undefined && end !== undefined) at(escapeSource(markdown.slice(start, end)));
        return;
      case 'image':
      case 'imageReference':
        // Never load remote images: show the alt text instead.
        return at(node.alt ? `\\[${escapeLiteral(node.alt)}\\]` : '');
      case 'definition':
        return at('');
      case 'footnoteReference':
        return at(`\\[^${escapeLiteral(node.label ?? node.identifier)}\\]`);
      case 'footnoteDefinition': {
        // Other parsers read `[^x]: url` as a link reference definition: keep the content, not the label syntax.
        const label = `\\[^${escapeLiteral(node.label ?? node.identifier)}\\]: `;
        const first = node.children[0]?.position?.start.offset;
        if (first === undefined) return at(label);
        at(label, start, first);
        break;
      }
      case 'linkReference':
        return at(escapeLiteral(inlineText(node)));
      case 'link': {
        const text = escapeLiteral(inlineText(node).replace(/\s+/g, ' ').trim());
        if (!SAFE_LINK.test(node.url.trim())) return at(text);
        const url = canonicalUrl(node.url);
        return at(`[${text || escapeLiteral(node.url.trim())}](${url})`);
      }
      case 'inlineCode':
      case 'code':
        return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(root);
  if (replacements.length === 0) return markdown;
  replacements.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const r of replacements) {
    if (r.start < cursor) continue;
    out += markdown.slice(cursor, r.start) + r.text;
    cursor = r.end;
  }
  return out + markdown.slice(cursor);
}

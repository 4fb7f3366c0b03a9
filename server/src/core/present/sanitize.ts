// Note text shown in hovers is untrusted: it may hold command: links, javascript:/data: URLs, raw HTML and
// remote images. We re-render it so that nothing from a note can run a command or fetch anything.
//
// The editor renders our Markdown with a different parser (VS Code: marked) than the one we read notes with
// (remark), and the excerpt is embedded in a larger document (quoted, next to other excerpts). Patching the
// source in place is not enough (tab stops move when quoted, a removed label turns a fence into a code span,
// a URL literal swallows a backslash escape...), so the excerpt is parsed and written out again from the tree:
// see `sanitizeNoteMarkdown`. Properties checked with markdown-it and marked: test/unit/fuzz/sanitize.*
import type { Nodes, Root } from 'mdast';
import { parseMarkdown } from '../syntax/markdown/parseNote';

// Links from a document survive only as https links (documentation, consoles): nothing that runs, opens a file or
// a mail client, or is fetched.
const SAFE_LINK = /^https:/i;
/** Deeper container nesting than this in an excerpt is shown as plain text (remark is slow/recursive there). */
const MAX_EXCERPT_NESTING = 32;

// `[`, `]`, `<` and `>` are written as character references, not backslash escapes: a backslash can be swallowed
// by a URL literal just before it (`https://x/\[a](command:y)` is a link in marked and markdown-it), an entity
// can only ever be text.
const ENTITY: Record<string, string> = { '[': '&#91;', ']': '&#93;', '<': '&lt;', '>': '&gt;', '&': '&amp;', '!': '&#33;' };

// Every character of text that any inline rule of marked (VS Code's renderer) or CommonMark starts on: escaped, so
// text can never become a delimiter, and our own delimiters next to it are never read differently (marked 14 reads
// a `~` just before a backtick as text and loses the code span). `//` and `www.` (URL literals) and `@` (e-mail
// literals) are broken up so no GFM autolink literal forms.
const INLINE_SPECIAL = /[\\`*_{}[\]<>#+!|~&@]|\/(?=\/)|(?<=www)\./gi;
const ONE_LINE_SPECIAL = new RegExp(`[()]|${INLINE_SPECIAL.source}`, 'gi');
const escapeChar = (c: string) => ENTITY[c] ?? `\\${c}`;

/** Escapes text so Markdown shows it literally, on one line (control characters and line breaks become a space). */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(
    text
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(ONE_LINE_SPECIAL, escapeChar),
  );
}

/**
 * Decoded plain text -> Markdown that shows that text and can open nothing: no link, image, reference, autolink,
 * HTML, code span or emphasis (see INLINE_SPECIAL). Line starts are handled by `escapeLineStart`.
 */
export function escapeLiteral(text: string): string {
  return text.replace(INLINE_SPECIAL, escapeChar);
}

/** Multi-line plain text (a template's Description): every line shown literally, line breaks kept. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]+/g, ' ')
    .split('\n')
    .map((line) => escapeLineStart(escapeLiteral(line)))
    .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
    .join('  \n')
    .replace(/(?:  \n)+$/, '');
}

/**
 * Code that may be read as Markdown when a renderer does not see the code span around it (marked has such bugs,
 * e.g. a `~` just before the opening backtick) must be harmless as Markdown: no `<` (autolink, HTML), no `](`
 * (inline link or image; reference links need a definition, and no line of ours can start one), no escape or
 * backtick, no URL or e-mail literal. In a table cell a `|` would split it.
 */
function inertCode(value: string, inTable: boolean): boolean {
  return !/[<\\`@]|\]\s*\(|\/\/|www\./i.test(value) && !(inTable && value.includes('|'));
}

/**
 * Untrusted text shown as code (an identifier, a value from a template): a code span when its content is harmless
 * even if a renderer does not see the span, otherwise escaped text (one line).
 */
export function inlineCode(text: string, inTable = false): string {
  const value = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  if (!value.trim()) return '';
  if (!inertCode(value, inTable)) return escapeLiteral(value);
  const pad = /^ | $/.test(value) ? ' ' : '';
  return `\`${pad}${value}${pad}\``;
}

/** A line of escaped text that must not start a block (heading, list, quote, break, setext underline, table delimiter row, fence). */
export function escapeLineStart(line: string): string {
  const trimmed = line.trimStart();
  if (/^(?:#{1,6}(?:\s|$)|[-+*](?:\s|$)|([-*_])(?:\s*\1){2,}\s*$|=+\s*$|-+\s*$|~{3,}|[-:|\s\\]+$)/.test(trimmed) && !/^\\/.test(trimmed)) return `\\${trimmed}`;
  return trimmed.replace(/^(\d{1,9})([.)])/, '$1\\$2');
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
    .map((line) => escapeLineStart(escapeLiteral(line)))
    .join('\n');
}

/**
 * Re-renders a note excerpt: it is parsed (remark + GFM) and written out again from the tree, in one canonical
 * form, by this function alone. Nothing of the source is copied through except text, which is escaped (every
 * ASCII punctuation character; `[ ] < > & !` as character references), and code, which goes into fences
 * longer than any backtick run in it. Links survive only as http(s)/mailto links; images become their alt text;
 * HTML becomes text; definitions are dropped. Containers (quotes, lists) are re-indented by us, so their content
 * means the same when the excerpt is quoted or placed next to another one.
 */
export function sanitizeNoteMarkdown(source: string): string {
  // CommonMark ends lines at CR too: a lone CR inside a code block would end it once quoted.
  const markdown = source.replace(/\r\n?/g, '\n');
  if (maxLinePrefixDepth(markdown) > MAX_EXCERPT_NESTING) return plainText(markdown);
  let root: Root;
  try {
    root = parseMarkdown(markdown);
    return renderBlocks(root.children as Nodes[]).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  } catch {
    return plainText(markdown);
  }
}

/** Text of a subtree, as a reader sees it (alt texts of images included). */
function plain(node: Nodes): string {
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plain).join('');
  return '';
}

/** Text as Markdown: escaped; whitespace after a line break dropped (it could start indented code). */
function textOut(value: string): string {
  return escapeLiteral(value.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, '\n'));
}

function longestRun(value: string, ch: string): number {
  let max = 0;
  let run = 0;
  for (const c of value) {
    run = c === ch ? run + 1 : 0;
    if (run > max) max = run;
  }
  return max;
}

// Inline content is rendered as segments: document text (escaped only once adjacent pieces are joined, so that a
// URL or `www.` literal split over two nodes, e.g. a dropped link between `http:/` and `/x`, is still broken up)
// and Markdown we wrote ourselves.
type Segment = { text: string } | { md: string };

function joinSegments(segments: readonly Segment[]): string {
  let out = '';
  let text = '';
  for (const s of segments) {
    if ('text' in s) text += s.text;
    else {
      out += textOut(text) + s.md;
      text = '';
    }
  }
  return out + textOut(text);
}

/** Our own delimiters around rendered content, only where every parser reads them as a pair; else the bare content. */
function wrap(delimiter: string, nodes: readonly Nodes[], inTable: boolean): Segment[] {
  const segments = inlineSegments(nodes, inTable);
  const inner = joinSegments(segments);
  return inner && inner.trim() === inner && !inner.includes('\n') ? [{ md: `${delimiter}${inner}${delimiter}` }] : segments;
}

/** A dropped link's content, shown as it reads: no space at its ends (as before the link became text). */
function trimSegments(segments: Segment[]): Segment[] {
  const out = segments.map((s) => ('text' in s ? { text: s.text.replace(/\s*\n\s*/g, ' ') } : s));
  const first = out[0];
  const last = out[out.length - 1];
  if (first && 'text' in first) out[0] = { text: first.text.trimStart() };
  if (last && 'text' in last) out[out.length - 1] = { text: (out[out.length - 1] as { text: string }).text.trimEnd() };
  return out;
}

function renderInline(nodes: readonly Nodes[], inTable = false): string {
  return joinSegments(inlineSegments(nodes, inTable));
}

function inlineSegments(nodes: readonly Nodes[], inTable: boolean): Segment[] {
  const out: Segment[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ text: node.value });
        break;
      case 'emphasis':
        out.push(...wrap('*', node.children, inTable));
        break;
      case 'strong':
        out.push(...wrap('**', node.children, inTable));
        break;
      case 'delete':
        out.push(...wrap('~~', node.children, inTable));
        break;
      case 'inlineCode': {
        // One line: a line break inside a code span could start a block (a heading, a fence) in another parser.
        const value = node.value.replace(/[\r\n]+/g, ' ');
        const code = inlineCode(value, inTable);
        out.push(code.startsWith('`') ? { md: code } : { text: value });
        break;
      }
      case 'break':
        out.push({ md: '  \n' });
        break;
      case 'link': {
        const children = inlineSegments(node.children, inTable);
        if (SAFE_LINK.test(node.url.trim())) {
          const text = joinSegments(children).replace(/\s*\n\s*/g, ' ').trim();
          out.push({ md: `[${text || escapeLiteral(node.url.trim())}](${canonicalUrl(node.url)})` });
        } else out.push(...trimSegments(children));
        break;
      }
      case 'linkReference':
        out.push(...inlineSegments(node.children, inTable));
        break;
      case 'image':
      case 'imageReference':
        // Never load remote images: show the alt text instead.
        if (node.alt) out.push({ md: '&#91;' }, { text: node.alt }, { md: '&#93;' });
        break;
      case 'footnoteReference':
        out.push({ md: '&#91;^' }, { text: node.label ?? node.identifier }, { md: '&#93;' });
        break;
      case 'html':
        out.push({ text: node.value });
        break;
      default:
        out.push({ text: plain(node) });
    }
  }
  return out;
}

const indent = (lines: string[], first: string, rest: string) => lines.map((l, i) => (i === 0 ? first + l : l ? rest + l : l));

/** Block nodes -> lines, blocks separated by an empty line. */
function renderBlocks(nodes: readonly Nodes[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const lines = renderBlock(node);
    if (lines.length === 0) continue;
    if (out.length) out.push('');
    out.push(...lines);
  }
  return out;
}

function renderBlock(node: Nodes): string[] {
  switch (node.type) {
    case 'paragraph':
      return renderInline(node.children).split('\n').map(escapeLineStart);
    case 'heading':
      return [`${'#'.repeat(node.depth)} ${renderInline(node.children).replace(/\s*\n\s*/g, ' ')}`];
    case 'thematicBreak':
      // A note's `---` would draw a rule inside the hover, where rules separate the hover's own parts: dropped,
      // the blank line between the blocks around it stays.
      return [];
    case 'blockquote': {
      const inner = renderBlocks(node.children as Nodes[]);
      return inner.map((l) => (l ? `> ${l}` : '>'));
    }
    case 'list': {
      const out: string[] = [];
      node.children.forEach((item, i) => {
        const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
        const box = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
        const inner = renderBlocks(item.children as Nodes[]);
        if (inner.length === 0) inner.push('');
        if (box) inner[0] = box + inner[0];
        if (i > 0 && node.spread) out.push('');
        out.push(...indent(inner, marker, ' '.repeat(marker.length)));
      });
      return out;
    }
    case 'code': {
      const fence = '`'.repeat(Math.max(3, longestRun(node.value, '`') + 1));
      const lang = /^[A-Za-z0-9_+.#-]{1,30}$/.test(node.lang ?? '') ? node.lang! : '';
      return [fence + lang, ...node.value.split(/\r\n?|\n/), fence];
    }
    case 'html':
      return textOut(node.value).split('\n').map(escapeLineStart);
    case 'table': {
      const rows = node.children.map((row) => `| ${row.children.map((cell) => renderInline(cell.children as Nodes[], true).replace(/\s*\n\s*/g, ' ')).join(' | ')} |`);
      if (rows.length === 0) return [];
      const columns = node.children[0].children.length;
      const align = Array.from({ length: columns }, (_, i) => {
        const a = node.align?.[i];
        return a === 'left' ? ':---' : a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
      });
      return [rows[0], `| ${align.join(' | ')} |`, ...rows.slice(1)];
    }
    case 'definition':
      return [];
    case 'footnoteDefinition':
      return [`&#91;^${escapeLiteral(node.label ?? node.identifier)}&#93;: ${textOut(plain(node).replace(/\s+/g, ' '))}`];
    default:
      return textOut(plain(node)).split('\n').map(escapeLineStart);
  }
}

/** Untrusted code as a Markdown code block that nothing inside it can close (fence longer than any backtick run). */
export function fencedCode(code: string, lang = ''): string {
  const lines = code.split(/\r\n?|\n/);
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  return [fence + (/^[A-Za-z0-9_+.#-]{1,30}$/.test(lang) ? lang : ''), ...lines, fence].join('\n');
}

// Test oracle for "nothing from a document runs": renders hover Markdown with the parsers that matter and lists
// every link, image and raw HTML they would produce. A sanitiser bug that only one parser sees still shows up.
// - marked 14.0.0 (`marked-vscode`): the version VS Code 1.139 / code-server 4.139 renders hovers with (its
//   ThirdPartyNotices). The primary oracle: its tokens AND the HTML it renders are checked.
// - markdown-it (CommonMark, GFM tables/strikethrough, linkify): the second oracle, tokens and HTML.
// - the newest marked (comes with @vscode/vsce), tokens, when installed: what a future VS Code will use.
import MarkdownIt from 'markdown-it';

export interface Target {
  parser: 'markdown-it' | 'marked' | 'marked-vscode';
  kind: 'link' | 'image' | 'html' | 'definition';
  value: string;
  /** markdown-it's linkify turned a bare URL written as text into a link (see `unsafeTargets`). */
  linkify?: boolean;
}

const md = new MarkdownIt({ html: true, linkify: true });
// markdown-it refuses javascript:/data: links by itself; we want to see everything a laxer renderer would make.
md.validateLink = () => true;

type MarkedToken = { type: string; href?: string; raw?: string; tokens?: MarkedToken[]; items?: MarkedToken[]; rows?: MarkedToken[][]; header?: MarkedToken[] };
interface MarkedModule {
  marked: { lexer(src: string, options?: unknown): MarkedToken[]; parse(src: string, options?: unknown): string | Promise<string> };
}
let newestMarked: MarkedModule | undefined | null;
function latestMarked(): MarkedModule | undefined {
  if (newestMarked === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      newestMarked = require('marked') as MarkedModule;
    } catch {
      newestMarked = null;
    }
  }
  return newestMarked ?? undefined;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vscodeMarked = require('marked-vscode') as MarkedModule;

/** The HTML VS Code's marked makes of `markdown` (gfm on, as in VS Code's markdown renderer). */
export function renderWithVscodeMarked(markdown: string): string {
  return vscodeMarked.marked.parse(markdown, { gfm: true, async: false }) as string;
}

/** The HTML markdown-it makes of `markdown`. */
export function renderWithMarkdownIt(markdown: string): string {
  return md.render(markdown);
}

// Tags the renderers make from Markdown syntax; anything else in their HTML came from raw HTML in the source.
const MARKDOWN_TAGS = new Set(['p', 'em', 'strong', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img']);
const decodeAttr = (v: string) => v.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * Every <a>, <img> and tag not made from Markdown syntax in rendered HTML. Both renderers escape `<` in text, so
 * every `<` in their output opens a tag.
 */
export function htmlTargets(html: string, parser: Target['parser']): Target[] {
  const out: Target[] = [];
  for (const m of html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)([^>]*)>/g)) {
    const tag = m[1].toLowerCase();
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(m[2])?.[1];
    if (m[0].startsWith('</')) {
      if (!MARKDOWN_TAGS.has(tag)) out.push({ parser, kind: 'html', value: m[0] });
    } else if (tag === 'a') out.push({ parser, kind: 'link', value: decodeAttr(attr('href') ?? '') });
    else if (tag === 'img') out.push({ parser, kind: 'image', value: decodeAttr(attr('src') ?? '') });
    else if (!MARKDOWN_TAGS.has(tag)) out.push({ parser, kind: 'html', value: m[0] });
  }
  // A `<` that opens no tag cannot come from either renderer: something odd got through.
  for (const m of html.matchAll(/<(?![A-Za-z/])/g)) out.push({ parser, kind: 'html', value: html.slice(m.index, m.index + 20) });
  return out;
}

function markedTokenTargets(tokens: MarkedToken[], parser: Target['parser'], out: Target[]): void {
  const visit = (list: MarkedToken[] | undefined) => {
    for (const t of list ?? []) {
      if (t.type === 'link') out.push({ parser, kind: 'link', value: t.href ?? '' });
      if (t.type === 'image') out.push({ parser, kind: 'image', value: t.href ?? '' });
      if (t.type === 'html') out.push({ parser, kind: 'html', value: t.raw ?? '' });
      if (t.type === 'def') out.push({ parser, kind: 'definition', value: t.href ?? '' });
      visit(t.tokens);
      visit(t.items);
      for (const cell of t.header ?? []) visit(cell.tokens);
      for (const row of t.rows ?? []) for (const cell of row) visit(cell.tokens);
    }
  };
  visit(tokens);
}

export function renderedTargets(markdown: string): Target[] {
  const out: Target[] = [];
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const t of tokens) {
      if (t.type === 'link_open') out.push({ parser: 'markdown-it', kind: 'link', value: String(t.attrGet('href') ?? ''), ...(t.markup === 'linkify' ? { linkify: true } : {}) });
      if (t.type === 'image') out.push({ parser: 'markdown-it', kind: 'image', value: String(t.attrGet('src') ?? '') });
      if (t.type === 'html_inline' || t.type === 'html_block') out.push({ parser: 'markdown-it', kind: 'html', value: t.content });
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(markdown, {}));
  // markdown-it's HTML: links are already listed from its tokens; only images/raw HTML the tokens missed count.
  out.push(...htmlTargets(renderWithMarkdownIt(markdown), 'markdown-it').filter((t) => t.kind !== 'link'));
  markedTokenTargets(vscodeMarked.marked.lexer(markdown, { gfm: true }), 'marked-vscode', out);
  out.push(...htmlTargets(renderWithVscodeMarked(markdown), 'marked-vscode'));
  const latest = latestMarked();
  if (latest) markedTokenTargets(latest.marked.lexer(markdown, { gfm: true }), 'marked', out);
  return out;
}

/** Links a hover may hold besides Open Section: https (documentation, and https links kept from notes). */
export const SAFE_NOTE_LINK = /^https:/i;
// markdown-it's linkify makes links of URL-looking text AFTER unescaping it, so no escaping can stop it; VS Code's
// marked has no such pass (its GFM literals are checked above, on the escaped source). Such links are web/mail
// links, never commands, files or scripts.
const LINKIFIED = /^(?:https?:|mailto:|ftp:|\/\/)/i;
const OPEN_SECTION = /^command:awsNotes\.openSection\?(.*)$/;

/** The arguments of one of our Open Section links, or undefined when `href` is not one. */
export function openSectionArgs(href: string): { uri: string; line: number } | undefined {
  const m = OPEN_SECTION.exec(href);
  if (!m) return undefined;
  try {
    const args = JSON.parse(decodeURIComponent(m[1]));
    const first = Array.isArray(args) && args.length === 1 ? args[0] : undefined;
    if (first && typeof first.uri === 'string' && Number.isInteger(first.line) && Object.keys(first).length === 2) return first;
  } catch {
    /* not ours */
  }
  return undefined;
}

/**
 * What is wrong with a hover's Markdown: anything executable, loading or HTML, except https links and Open Section
 * links whose uri is one of `noteUris` (when given). Empty list = safe.
 */
export function unsafeTargets(markdown: string, noteUris?: ReadonlySet<string>): Target[] {
  return renderedTargets(markdown).filter((t) => {
    if (t.kind !== 'link') return true;
    if (SAFE_NOTE_LINK.test(t.value)) return false;
    if (t.linkify && LINKIFIED.test(t.value)) return false;
    const args = openSectionArgs(t.value);
    return !args || (noteUris !== undefined && !noteUris.has(args.uri));
  });
}

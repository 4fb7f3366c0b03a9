// Test oracle for "nothing from a note runs": renders hover Markdown with two independent parsers
// (markdown-it, the CommonMark reference-style parser; marked, the parser VS Code renders hovers with) and lists
// every link, image and raw HTML they would produce. A sanitiser bug that only one parser sees still shows up.
import MarkdownIt from 'markdown-it';

export interface Target {
  parser: 'markdown-it' | 'marked';
  kind: 'link' | 'image' | 'html' | 'definition';
  value: string;
}

const md = new MarkdownIt({ html: true, linkify: true });
// markdown-it refuses javascript:/data: links by itself; we want to see everything a laxer renderer would make.
md.validateLink = () => true;

type MarkedToken = { type: string; href?: string; raw?: string; tokens?: MarkedToken[]; items?: MarkedToken[]; rows?: MarkedToken[][]; header?: MarkedToken[] };
let markedLexer: ((src: string) => MarkedToken[]) | undefined | null;
function marked(): ((src: string) => MarkedToken[]) | undefined {
  if (markedLexer === undefined) {
    try {
      // marked comes with @vscode/vsce (it is what VS Code itself uses for hovers); skip it if absent.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require('marked') as { marked: { lexer(src: string, options?: unknown): MarkedToken[] } };
      markedLexer = (src) => mod.marked.lexer(src, { gfm: true });
    } catch {
      markedLexer = null;
    }
  }
  return markedLexer ?? undefined;
}

export function renderedTargets(markdown: string): Target[] {
  const out: Target[] = [];
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const t of tokens) {
      if (t.type === 'link_open') out.push({ parser: 'markdown-it', kind: 'link', value: String(t.attrGet('href') ?? '') });
      if (t.type === 'image') out.push({ parser: 'markdown-it', kind: 'image', value: String(t.attrGet('src') ?? '') });
      if (t.type === 'html_inline' || t.type === 'html_block') out.push({ parser: 'markdown-it', kind: 'html', value: t.content });
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(markdown, {}));
  const lex = marked();
  if (lex) {
    const visit = (tokens: MarkedToken[] | undefined) => {
      for (const t of tokens ?? []) {
        if (t.type === 'link') out.push({ parser: 'marked', kind: 'link', value: t.href ?? '' });
        if (t.type === 'image') out.push({ parser: 'marked', kind: 'image', value: t.href ?? '' });
        if (t.type === 'html') out.push({ parser: 'marked', kind: 'html', value: t.raw ?? '' });
        if (t.type === 'def') out.push({ parser: 'marked', kind: 'definition', value: t.href ?? '' });
        visit(t.tokens);
        visit(t.items);
        for (const cell of t.header ?? []) visit(cell.tokens);
        for (const row of t.rows ?? []) for (const cell of row) visit(cell.tokens);
      }
    };
    visit(lex(markdown));
  }
  return out;
}

export const SAFE_NOTE_LINK = /^(?:https?:|mailto:)/i;
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
 * What is wrong with a hover's Markdown: anything executable, loading or HTML, except http(s)/mailto links and
 * Open Section links whose uri is one of `noteUris` (when given). Empty list = safe.
 */
export function unsafeTargets(markdown: string, noteUris?: ReadonlySet<string>): Target[] {
  return renderedTargets(markdown).filter((t) => {
    if (t.kind !== 'link') return true;
    if (SAFE_NOTE_LINK.test(t.value)) return false;
    const args = openSectionArgs(t.value);
    return !args || (noteUris !== undefined && !noteUris.has(args.uri));
  });
}

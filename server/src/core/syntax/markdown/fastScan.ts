// A fast, exact structural scanner for notes: the CommonMark/GFM block structure that `parseNote` needs
// (ATX/setext headings, fenced/indented code incl. inside lists and quotes, tables, list items, quotes,
// HTML comments, thematic breaks) in one pass over the lines, producing the same `NoteFile` as remark.
//
// It handles a well-defined subset exactly and returns `undefined` for anything outside it (lines that may start
// link reference definitions, HTML blocks other than comments, tabs in indentation, lone CR...), so callers fall back to
// remark for that file. Heading texts with inline markup it cannot resolve alone (links, entities, escapes,
// emphasis other than a whole-heading wrap) are resolved by remark on the heading text only.
// Equivalence with remark is proven by the differential tests (test/unit/core/syntax/markdown) and `bench/differential.mjs`.
import type { CodeBlock, NoteFile } from './noteModel';
import { inlineText, parseMarkdown } from './remark';
import { boundInline, countDelimiters, INLINE_BOUND } from './inlineBound';
import { SectionsBuilder } from './sections';

type Kind = 'doc' | 'quote' | 'item' | 'para' | 'fence' | 'icode' | 'table' | 'html' | 'atx' | 'setext' | 'hr';

interface Node {
  kind: Kind;
  start: number;
  end: number;
  parent: Node | undefined;
  children: Node[];
  open: boolean;
  // item
  contentCol: number;
  // fence/icode: value lines
  lines: string[];
  // para: [start, end) of each line's content (sliced only for setext headings and table headers)
  spans: number[];
  // fence
  fenceChar: number;
  fenceLen: number;
  fenceIndent: number;
  lang: string;
  // icode: blank lines waiting for more code
  pendingBlank: string[];
  /** line ending after each of `lines` (values keep the source's CRLF/LF, as remark does) */
  eols: string[];
  pendingEols: string[];
  // headings
  depth: number;
  text: string;
  // setext underline start (for lines bookkeeping)
}

class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

/** Shared by every non-code block: only fenced and indented code keep lines (frozen: a push would throw). */
const NO_LINES = Object.freeze([]) as unknown as string[];
/** Shared by every leaf (only the document, quotes and items hold blocks) and every non-paragraph (only paragraphs keep spans). */
const NO_CHILDREN = Object.freeze([]) as unknown as Node[];
const NO_SPANS = Object.freeze([]) as unknown as number[];

function node(kind: Kind, parent: Node | undefined, start: number): Node {
  // Four arrays fewer per paragraph, list item, heading...: the crawl allocates (and collects) much less.
  const code = kind === 'fence' || kind === 'icode';
  const container = kind === 'doc' || kind === 'quote' || kind === 'item';
  return {
    kind, start, end: start, parent, children: container ? [] : NO_CHILDREN, open: true, contentCol: 0, lines: code ? [] : NO_LINES, fenceChar: 0, fenceLen: 0,
    spans: kind === 'para' ? [] : NO_SPANS, fenceIndent: 0, lang: '', pendingBlank: code ? [] : NO_LINES, eols: code ? [] : NO_LINES, pendingEols: code ? [] : NO_LINES, depth: 0, text: '',
  };
}

const SP = 32;
const isBlankFrom = (t: string, from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c !== SP && c !== 9) return false;
  }
  return true;
};

function trimEndOffset(t: string, from: number, to: number): number {
  while (to > from && (t.charCodeAt(to - 1) === SP || t.charCodeAt(to - 1) === 9)) to--;
  return to;
}

/** Characters whose inline meaning we do not resolve ourselves in heading text. */
const INLINE_SPECIAL = /[\\&<[\]*_~`!:@]|www\.|\bhttps?:/i;

/** Scans a note; undefined when the text uses constructs outside the exactly-handled subset. */
export function fastScanNote(uri: string, text: string): NoteFile | undefined {
  try {
    return scan(uri, text);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

function scan(uri: string, t: string): NoteFile {
  if (t.charCodeAt(0) === 0xfeff) unsupported();
  if (t.includes('\0')) unsupported();

  const doc = node('doc', undefined, 0);
  let tip: Node = doc; // deepest open block

  const n = t.length;
  let lineStart = 0;
  let eol = '\n';
  let closingFence = false;
  for (let i = t.indexOf('\r'); i >= 0; i = t.indexOf('\r', i + 1)) if (t.charCodeAt(i + 1) !== 10) unsupported();
  while (lineStart <= n) {
    let lineEnd = t.indexOf('\n', lineStart);
    let next: number;
    if (lineEnd < 0) {
      lineEnd = n;
      next = n + 1;
    } else next = lineEnd + 1;
    eol = '\n';
    if (lineEnd > lineStart && t.charCodeAt(lineEnd - 1) === 13) {
      lineEnd--;
      eol = '\r\n';
    }
    if (lineStart === n && next === n + 1) break; // no final empty line
    processLine(lineStart, lineEnd);
    lineStart = next;
  }
  while (tip !== doc) {
    if (tip.kind === 'html' && tip.open && tip.depth !== 7) {
      if (tip.parent !== doc) unsupported();
      tip.end = n;
    }
    if (tip.kind === 'fence' && tip.open) {
      // an unclosed fence runs to the end of the document (remark's end includes the last line ending)
      if (tip.parent !== doc) unsupported();
      tip.end = n;
    }
    tip = close(tip);
  }

  function close(b: Node): Node {
    if (b.kind === 'fence' && b.open && b.parent !== doc && b.fenceLen > 0 && !closingFence) unsupported();
    b.open = false;
    if (b.kind === 'para' && b.spans.length === 0) unsupported();
    if (b.kind === 'icode') b.pendingBlank = [];
    const parent = b.parent!;
    return parent;
  }

  function closeUntil(keep: Node): void {
    while (tip !== keep) tip = close(tip);
  }

  function add(parent: Node, kind: Kind, start: number): Node {
    closeUntil(parent);
    const b = node(kind, parent, start);
    parent.children.push(b);
    tip = b;
    return b;
  }

  function extendEnd(b: Node, end: number): void {
    for (let x: Node | undefined = b; x && x.kind !== 'doc'; x = x.parent) if (end > x.end) x.end = end;
  }

  function countSpaces(from: number, to: number): number {
    let i = from;
    while (i < to && t.charCodeAt(i) === SP) i++;
    if (i < to && t.charCodeAt(i) === 9) unsupported();
    return i - from;
  }

  function processLine(ls: number, le: number): void {
    let pos = ls;
    // 1. match open containers
    let container: Node = doc;
    let allMatched = true;
    while (true) {
      const last = container.children[container.children.length - 1];
      if (!last || !last.open || (last.kind !== 'quote' && last.kind !== 'item')) break;
      if (last.kind === 'quote') {
        const sp = countSpaces(pos, le);
        if (sp <= 3 && t.charCodeAt(pos + sp) === 62 /* > */) {
          pos += sp + 1;
          const c = t.charCodeAt(pos);
          if (c === SP) pos++;
          else if (c === 9) unsupported();
          container = last;
          if (isBlankFrom(t, pos, le)) extendEnd(last, le);
          continue;
        }
        allMatched = false;
        break;
      }
      // item
      const sp = countSpaces(pos, le);
      if (pos + sp >= le) {
        // blank line
        if (last.children.length === 0) {
          allMatched = false;
          break;
        }
        // keep the remaining whitespace for code leaves (see below)
        const col = pos - ls;
        pos = Math.min(le, ls + Math.max(col, last.contentCol));
        container = last;
        continue;
      }
      if (pos - ls + sp >= last.contentCol) {
        pos = ls + last.contentCol;
        container = last;
        continue;
      }
      allMatched = false;
      break;
    }

    const lastLeaf = container.children[container.children.length - 1];
    const openLeaf = lastLeaf && lastLeaf.open && !isContainer(lastLeaf) ? lastLeaf : undefined;
    const blank = isBlankFrom(t, pos, le);

    // 2. continuation of the open leaf in the matched container
    if (allMatched && openLeaf) {
      if (openLeaf.kind === 'fence') {
        if (blank && pos < le && le - pos > openLeaf.fenceIndent && container.kind !== 'doc') unsupported();
        const sp = countSpaces(pos, le);
        const c = t.charCodeAt(pos + sp);
        if (sp <= 3 && c === openLeaf.fenceChar) {
          let k = pos + sp;
          while (k < le && t.charCodeAt(k) === c) k++;
          if (k - (pos + sp) >= openLeaf.fenceLen && isBlankFrom(t, k, le)) {
            extendEnd(openLeaf, le);
            closingFence = true;
            tip = close(openLeaf);
            closingFence = false;
            return;
          }
        }
        const strip = Math.min(sp, openLeaf.fenceIndent);
        openLeaf.lines.push(t.slice(pos + strip, le));
        openLeaf.eols.push(eol);
        extendEnd(openLeaf, le);
        return;
      }
      if (openLeaf.kind === 'html' && openLeaf.depth === 7) {
        // an HTML block of kind 6/7 (depth 7 marks it): runs to the next blank line
        if (blank) tip = close(openLeaf);
        else extendEnd(openLeaf, le);
        return;
      }
      if (openLeaf.kind === 'html') {
        if (t.slice(pos, le).includes('-->')) {
          extendEnd(openLeaf, le);
          tip = close(openLeaf);
          return;
        }
        extendEnd(openLeaf, le);
        return;
      }
    }
    if (!allMatched && openLeaf && (openLeaf.kind === 'fence' || openLeaf.kind === 'html') && !blank) {
      // the container closed around an open fence/html block: fine, it just ends (no laziness for these)
    }
    if (!allMatched && openLeaf && openLeaf.kind === 'html') unsupported();

    if (blank) {
      if (allMatched && openLeaf?.kind === 'icode') {
        const rest = t.slice(Math.min(le, pos + 4), le);
        if (rest.length > 0) unsupported();
        openLeaf.pendingBlank.push(rest);
        openLeaf.pendingEols.push(eol);
        return;
      }
      if (allMatched && openLeaf?.kind === 'table') {
        tip = close(openLeaf);
        return;
      }
      // a blank line closes paragraphs and everything not matched
      if (!allMatched) closeUntil(container);
      else if (openLeaf && openLeaf.kind !== 'icode') closeUntil(container);
      return;
    }

    // 3. new block starts (possibly several nested containers on one line)
    const paraTip = allMatched && openLeaf?.kind === 'para' ? openLeaf : undefined;
    let cont = container;
    let first = true;
    while (true) {
      const sp = countSpaces(pos, le);
      const s = pos + sp;
      const c = t.charCodeAt(s);
      const interrupting = first && !!paraTip; // a paragraph is open in this container
      if (sp >= 4) {
        if (interrupting) break; // paragraph continuation
        if (first && !allMatched && tipIsPara()) break; // lazy continuation
        if (first && allMatched && openLeaf?.kind === 'icode') {
          openLeaf.lines.push(...openLeaf.pendingBlank);
          openLeaf.eols.push(...openLeaf.pendingEols);
          openLeaf.pendingBlank = [];
          openLeaf.pendingEols = [];
          openLeaf.lines.push(t.slice(pos + 4, le));
          openLeaf.eols.push(eol);
          extendEnd(openLeaf, le);
          return;
        }
        const code = add(cont, 'icode', pos);
        code.lines.push(t.slice(pos + 4, le));
        code.eols.push(eol);
        extendEnd(code, le);
        return;
      }
      if (c === 62 /* > */) {
        const q = add(cont, 'quote', s);
        extendEnd(q, s + 1);
        pos = s + 1;
        const c2 = t.charCodeAt(pos);
        if (c2 === SP) pos++;
        else if (c2 === 9) unsupported();
        cont = q;
        first = false;
        if (isBlankFrom(t, pos, le)) return;
        continue;
      }
      // setext underline
      if (interrupting && (c === 61 || c === 45) && isSetextUnderline(s, le, c)) {
        const para = paraTip!;
        if (para.parent !== doc && para.parent?.kind !== 'doc') {
          // setext heading inside a container: only its position matters
        }
        para.kind = 'setext';
        para.depth = c === 61 ? 1 : 2;
        extendEnd(para, le);
        tip = close(para);
        return;
      }
      if (c === 35 /* # */) {
        const h = atxHeading(s, le);
        if (h) {
          const b = add(cont, 'atx', s);
          b.depth = h.depth;
          b.text = h.text;
          extendEnd(b, h.end);
          tip = close(b);
          return;
        }
      }
      if (c === 96 || c === 126) {
        let k = s;
        while (k < le && t.charCodeAt(k) === c) k++;
        const len = k - s;
        if (len >= 3) {
          const info = t.slice(k, le);
          if (!(c === 96 && info.includes('`'))) {
            const f = add(cont, 'fence', s);
            f.fenceChar = c;
            f.fenceLen = len;
            f.fenceIndent = sp;
            const infoTrim = info.trim();
            if (/[\\&]/.test(infoTrim)) unsupported();
            f.lang = infoTrim.split(/[ \t]/)[0] ?? '';
            extendEnd(f, trimEndOffset(t, s, le) > s ? le : le);
            return;
          }
        }
      }
      if (c === 60 /* < */) {
        if (t.startsWith('<!--', s)) {
          const h = add(cont, 'html', s);
          extendEnd(h, le);
          if (t.slice(s + 4, le).includes('-->')) tip = close(h);
          return;
        }
        // HTML blocks of kinds 6/7 at the top level (seeds: <details>, <img ...>, <br>); in containers or next to a
        // lazy paragraph line (where micromark's rules for kind 7 differ) remark decides. Other '<' lines are text.
        const kind = htmlBlockKind(t.slice(s, le));
        if (kind < 0) unsupported();
        if (kind === 6 || (kind === 7 && !interrupting)) {
          if (cont !== doc || !first || (!allMatched && tipIsPara())) unsupported();
          const h = add(cont, 'html', pos); // remark's HTML node starts with the line's indentation
          h.depth = 7;
          extendEnd(h, le);
          return;
        }
        break;
      }
      if ((c === 42 || c === 45 || c === 95) && isThematicBreak(s, le, c)) {
        const b = add(cont, 'hr', s);
        extendEnd(b, trimEndOffset(t, s, le));
        tip = close(b);
        return;
      }
      // list item
      const item = listMarker(s, le, interrupting);
      if (item) {
        const b = add(cont, 'item', s);
        b.contentCol = item.contentCol - ls;
        extendEnd(b, item.markerEnd);
        pos = item.contentStart;
        cont = b;
        first = false;
        if (isBlankFrom(t, pos, le)) return;
        continue;
      }
      // GFM table delimiter row after a one-line paragraph
      if (interrupting && (c === 124 || c === 58 || c === 45) && isDelimiterRow(s, le)) {
        const para = paraTip!;
        if (para.spans.length !== 2) unsupported();
        const header = t.slice(para.spans[0], para.spans[1]);
        const headerCells = countCells(header);
        const delimCells = countCells(t.slice(s, le));
        if (headerCells !== delimCells || !header.includes('|')) unsupported();
        para.kind = 'table';
        extendEnd(para, le);
        return;
      }
      break;
    }

    // 4. text: table row, paragraph continuation (matched or lazy) or a new paragraph
    const sp = countSpaces(pos, le);
    const s = pos + sp;
    // Link reference / footnote definitions start a line with `[label]:`; they change blocks and heading titles,
    // so such notes go to remark. Only these lines are looked at (not every `]:`, e.g. in code).
    if (t.charCodeAt(s) === 91 && definitionAhead(t, s)) unsupported();
    if (first && allMatched && openLeaf?.kind === 'table') {
      extendEnd(openLeaf, le);
      return;
    }
    if (first && (paraTip || (!allMatched && tipIsPara()))) {
      const para = paraTip ?? tip;
      if (!paraTip) {
        // lazy line: must not start any block in the unmatched containers' context
        lazyCheck(s, le);
      }
      para.spans.push(s, le);
      extendEnd(para, le);
      return;
    }
    if (first && !allMatched && tip.kind === 'table') unsupported();
    const p = add(cont, 'para', s);
    p.spans.push(s, le);
    extendEnd(p, le);
  }

  function tipIsPara(): boolean {
    return tip.kind === 'para' && tip.open;
  }

  function lazyCheck(s: number, le: number): void {
    const c = t.charCodeAt(s);
    // a line that would start a different block is never lazy; those cases were handled above, except
    // a table delimiter-like line or setext-like line which we do not try to resolve lazily.
    if (c === 124 || c === 61 || c === 45 || c === 58) unsupported();
    void le;
  }

  function isSetextUnderline(s: number, le: number, c: number): boolean {
    let k = s;
    while (k < le && t.charCodeAt(k) === c) k++;
    return isBlankFrom(t, k, le);
  }

  function isThematicBreak(s: number, le: number, c: number): boolean {
    let count = 0;
    for (let k = s; k < le; k++) {
      const x = t.charCodeAt(k);
      if (x === c) count++;
      else if (x !== SP && x !== 9) return false;
    }
    return count >= 3;
  }

  function atxHeading(s: number, le: number): { depth: number; text: string; end: number } | undefined {
    let k = s;
    while (k < le && t.charCodeAt(k) === 35) k++;
    const depth = k - s;
    if (depth > 6) return undefined;
    if (k < le && t.charCodeAt(k) !== SP && t.charCodeAt(k) !== 9) return undefined;
    let contentEnd = trimEndOffset(t, k, le);
    const end = le;
    // closing sequence
    let j = contentEnd;
    while (j > k && t.charCodeAt(j - 1) === 35) j--;
    if (j < contentEnd && (j === k || t.charCodeAt(j - 1) === SP || t.charCodeAt(j - 1) === 9)) contentEnd = trimEndOffset(t, k, j);
    let contentStart = k;
    while (contentStart < contentEnd && (t.charCodeAt(contentStart) === SP || t.charCodeAt(contentStart) === 9)) contentStart++;
    return { depth, text: t.slice(contentStart, contentEnd), end };
  }

  function listMarker(s: number, le: number, interrupting: boolean): { contentCol: number; contentStart: number; markerEnd: number } | undefined {
    const c = t.charCodeAt(s);
    let k = s;
    let ordered = false;
    let startNumber = 0;
    if (c === 45 || c === 43 || c === 42) k = s + 1;
    else if (c >= 48 && c <= 57) {
      while (k < le && k - s < 10 && t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57) k++;
      if (k - s > 9) return undefined;
      const d = t.charCodeAt(k);
      if (d !== 46 && d !== 41) return undefined;
      startNumber = Number(t.slice(s, k));
      k++;
      ordered = true;
    } else return undefined;
    const markerEnd = k;
    if (k < le && t.charCodeAt(k) !== SP) {
      if (t.charCodeAt(k) === 9) unsupported();
      return undefined;
    }
    const restBlank = isBlankFrom(t, k, le);
    if (interrupting && (restBlank || (ordered && startNumber !== 1))) return undefined;
    if (restBlank) {
      if (k < le) unsupported(); // marker followed by spaces only: rare, not modelled
      return { contentCol: markerEnd + 1, contentStart: le, markerEnd };
    }
    const spaces = countSpaces(k, le);
    if (spaces >= 5) return { contentCol: markerEnd + 1, contentStart: markerEnd + 1, markerEnd };
    return { contentCol: markerEnd + spaces, contentStart: markerEnd + spaces, markerEnd };
  }

  function isDelimiterRow(s: number, le: number): boolean {
    const row = t.slice(s, le);
    return row.includes('|') ? /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(row) : false;
  }

  return assemble(uri, t, doc);
}

function countCells(row: string): number {
  if (row.includes('\\') || row.includes('`')) unsupported();
  let r = row.trim();
  if (r.startsWith('|')) r = r.slice(1);
  if (r.endsWith('|')) r = r.slice(0, -1);
  return r.split('|').length;
}

/**
 * Whether the `[` at `s` may open a definition label: its first `]` (unescaped, before any other `[`) is followed
 * by `:`. Conservative (true) when no `]` comes within a label's maximum length. Each call stops at the next `[`,
 * so the calls of one scan read each character at most once or twice.
 */
function definitionAhead(t: string, s: number): boolean {
  const limit = Math.min(t.length, s + 1 + 1000);
  for (let i = s + 1; i < limit; i++) {
    const c = t.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 91) return false;
    else if (c === 93) return t.charCodeAt(i + 1) === 58;
    else if (c === 10 && (t.charCodeAt(i + 1) === 10 || (t.charCodeAt(i + 1) === 13 && t.charCodeAt(i + 2) === 10))) return false; // a blank line ends any label
  }
  return limit < t.length;
}

function isContainer(b: Node): boolean {
  return b.kind === 'quote' || b.kind === 'item';
}

function headingTitle(raw: string): string {
  let text = raw;
  if (INLINE_SPECIAL.test(raw)) {
    const simple = countDelimiters(raw, INLINE_BOUND) > INLINE_BOUND ? undefined : simpleInline(raw);
    if (simple === undefined) {
      const root = parseMarkdown(boundInline(raw));
      if (root.children.length !== 1 || root.children[0].type !== 'paragraph') unsupported();
      text = inlineText(root.children[0]);
    } else text = simple;
  }
  return plainSpaced(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** Whole-heading emphasis (`**X**`, `*X*`, `__X__`, `_X_`) and code spans; undefined for anything else. */
function simpleInline(raw: string): string | undefined {
  const m = /^(\*\*|__|\*|_)([^\s*_][^*_]*?)\1$/.exec(raw);
  if (m && !/\s$/.test(m[2]) && !INLINE_SPECIAL.test(m[2])) return m[2];
  // A whole-heading link with a plain label (`# [AWS CodeBuild](https://…)`, most chapters of real notes): its
  // text is the label. The destination has no space, parenthesis, '<' or '\', so it is an inline link as written.
  const link = /^\[([^[\]]*)\]\(([^\s()<>\\]*)\)$/.exec(raw);
  if (link && !INLINE_SPECIAL.test(link[1])) return link[1];
  // Code spans only: the text outside them must hold nothing inline-special. ':' and '!' alone are not (only in
  // autolink literals and in `![...](...)`, both caught below), so headings like "AWS::SQS::Queue とは" stay fast.
  let out = '';
  let outside = '';
  let i = 0;
  while (i < raw.length) {
    const open = raw.indexOf('`', i);
    if (open < 0) {
      out += raw.slice(i);
      outside += raw.slice(i);
      break;
    }
    let k = open;
    while (k < raw.length && raw.charCodeAt(k) === 96) k++;
    const len = k - open;
    let close = -1;
    for (let j = k; j < raw.length; ) {
      const o = raw.indexOf('`', j);
      if (o < 0) break;
      let e = o;
      while (e < raw.length && raw.charCodeAt(e) === 96) e++;
      if (e - o === len) {
        close = o;
        break;
      }
      j = e;
    }
    if (close < 0) {
      out += raw.slice(i, k);
      outside += raw.slice(i, k);
      i = k;
      continue;
    }
    let content = raw.slice(k, close);
    if (content.length >= 2 && content[0] === ' ' && content[content.length - 1] === ' ' && content.trim() !== '') content = content.slice(1, -1);
    out += raw.slice(i, open) + content;
    outside += raw.slice(i, open) + ' ';
    i = close + len;
  }
  // Brackets alone are literal here: fastScan declines notes with link reference definitions, so only an inline
  // link/image (`](`), a footnote call (`[^`) or a definition-like `]:` needs remark ("tags: [aws, sqs]" does not).
  if (/[\\&<*_~]|\]\(|\[\^|\]:|www\.|\b(?:https?|mailto|xmpp):/i.test(outside)) return undefined;
  // '@' only makes a GFM email autolink with a '.' after it (`Lambda@Edge` stays text).
  const at = outside.indexOf('@');
  if (at >= 0 && outside.indexOf('.', at) >= 0) return undefined;
  return out;
}

function collectCode(b: Node, out: SectionsBuilder): void {
  for (const child of b.children) {
    if (child.kind === 'fence' || child.kind === 'icode') out.nestedCode(codeBlock(child));
    else if (child.children.length) collectCode(child, out);
  }
}

function codeBlock(b: Node): CodeBlock {
  // One join (a flat string) rather than += (a rope of line slices that costs twice the memory for as long as the
  // note is indexed).
  const parts: string[] = new Array(b.lines.length * 2);
  for (let i = 0; i < b.lines.length; i++) {
    parts[i * 2] = i === 0 ? '' : b.eols[i - 1];
    parts[i * 2 + 1] = b.lines[i];
  }
  return { lang: b.lang.toLowerCase(), value: parts.join(''), start: b.start, end: b.end };
}

function setextTitle(t: string, b: Node): string {
  const lines: string[] = [];
  for (let i = 0; i < b.spans.length; i += 2) lines.push(t.slice(b.spans[i], b.spans[i + 1]));
  let raw = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i < lines.length - 1) {
      if (/ {2,}$/.test(line) || line.endsWith('\\')) {
        raw += line.replace(/ +$/, '');
        continue;
      }
      raw += line + '\n';
    } else raw += line;
  }
  return headingTitle(raw.replace(/[ \t]+$/, ''));
}

function assemble(uri: string, text: string, doc: Node): NoteFile {
  const out = new SectionsBuilder(text);
  for (const b of doc.children) {
    if (b.kind === 'atx' || b.kind === 'setext') {
      out.heading(b.kind === 'atx' ? headingTitle(b.text) : setextTitle(text, b), b.depth, b.start, b.end);
    } else if (b.kind === 'fence' || b.kind === 'icode') {
      out.code(codeBlock(b));
    } else {
      out.block(b.start, b.end);
      collectCode(b, out);
    }
  }
  return out.finish(uri);
}

/** What the heading pre-scan finds: per section (the preamble first when there is one) its heading and level. */
export interface HeadingScan {
  headings: string[];
  levels: number[];
  /** [startLine, startChar, endLine, endChar] per section, as `headingPositions` computes them. */
  positions: Int32Array;
}

/** A heading title without remark; undefined when only remark could resolve it. */
function titleOrDecline(raw: string): string | undefined {
  let text = raw;
  if (INLINE_SPECIAL.test(raw)) {
    if (countDelimiters(raw, INLINE_BOUND) > INLINE_BOUND) return undefined;
    const simple = simpleInline(raw);
    if (simple === undefined) return undefined;
    text = simple;
  }
  return plainSpaced(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** Whether `replace(/\s+/g, ' ').trim()` would leave `text` as it is: only single interior ASCII spaces. */
function plainSpaced(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  if (text.charCodeAt(0) === SP || text.charCodeAt(n - 1) === SP) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === SP) {
      if (text.charCodeAt(i + 1) === SP) return false;
    } else if (c < SP || (c >= 0xa0 && isUnicodeSpace(c))) return false;
  }
  return true;
}

/** The non-ASCII characters of JavaScript's `\s`. */
const isUnicodeSpace = (c: number) =>
  c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * "Headings first": the top-level headings of a note (what `fastScanNote`/`parseNote` would give as sections'
 * headings, levels and heading positions) from a cheap line pass, without blocks, code values or slugs; or
 * undefined ("decline") whenever it cannot be sure, and the caller scans the note fully. Only column-0 ATX
 * headings, top-level fences opened at column 0, HTML comments at column 0 and setext headings under a paragraph
 * of plain column-0 lines are understood; list items, quotes and other blocks are opaque (a column-0 ATX heading
 * always closes them), and anything ambiguous (an indented heading or fence that may belong to a container,
 * other HTML, tabs, CR, link reference definitions, titles needing remark) declines.
 * Equivalence with the full scan: test/unit/core/syntax/markdown/headingScan.test.ts and `bench/differential.ts`.
 */
export function preScanHeadings(t: string): HeadingScan | undefined {
  const n = t.length;
  if (t.charCodeAt(0) === 0xfeff || t.includes(']:') || t.includes('\0') || t.includes('\t')) return undefined;
  // CRLF line endings are fine (positions and titles exclude the CR); a lone CR is a line ending to remark: declined.
  for (let i = t.indexOf('\r'); i >= 0; i = t.indexOf('\r', i + 1)) if (t.charCodeAt(i + 1) !== 10) return undefined;
  const headings: string[] = [];
  const levels: number[] = [];
  const pos: number[] = [];
  let preamble = false;
  let fence = 0; // top-level fence (opened at column 0): its character
  let fenceLen = 0;
  let nested = -1; // indented fence (maybe inside a list item): the opener's indent
  let nestedChar = 0;
  let nestedLen = 0;
  let htmlToBlank = false; // inside an HTML block that ends at a blank line (CommonMark kinds 6 and 7)
  let html = false; // inside a multi-line HTML comment
  let htmlClose = -1; // offset of the next `-->` at or after the current line (n: none)
  let runStart = -1; // first line (offset) of the current paragraph-like run
  let runLine = 0;
  let runClean = true; // the run is plain column-0 paragraph lines only
  let line = 0;
  let ls = 0;
  const endRun = () => {
    if (runStart >= 0 && headings.length === 0) preamble = true;
    runStart = -1;
    runClean = true;
  };
  const addLine = (clean: boolean) => {
    if (runStart < 0) {
      runStart = ls;
      runLine = line;
      runClean = clean;
    } else if (!clean) runClean = false;
  };
  const block = () => {
    endRun();
    if (headings.length === 0) preamble = true;
  };
  // A fence run at `i`: its length (0 when not a fence of `ch`).
  const runOf = (i: number, le: number, ch: number) => {
    let k = i;
    while (k < le && t.charCodeAt(k) === ch) k++;
    return k - i;
  };
  while (ls <= n) {
    let le = t.indexOf('\n', ls);
    const last = le < 0;
    if (last) le = n;
    if (ls === n && last) break;
    const next = le + 1;
    if (le > ls && t.charCodeAt(le - 1) === 13) le--;
    let i = ls;
    while (i < le && t.charCodeAt(i) === SP) i++;
    const indent = i - ls;
    const blank = i === le;
    const c = blank ? -1 : t.charCodeAt(i);
    if (htmlToBlank) {
      if (blank) htmlToBlank = false;
    } else if (html) {
      // The next `-->` anywhere ahead, searched again only once passed: one pass over an unclosed comment, not one
      // search to the end of the text per line (quadratic: 800k characters took 4.7 s).
      if (htmlClose < ls) htmlClose = t.indexOf('-->', ls);
      if (htmlClose < 0) htmlClose = n;
      if (htmlClose + 3 <= le) html = false;
    } else if (fence) {
      if (indent < 4 && c === fence) {
        const len = runOf(i, le, c);
        if (len >= fenceLen && isBlankFrom(t, i + len, le)) fence = 0;
      }
    } else if (nested >= 0) {
      if (!blank) {
        if (indent < nested) return undefined;
        if (c === nestedChar) {
          const len = runOf(i, le, c);
          if (len >= nestedLen && isBlankFrom(t, i + len, le)) {
            if (indent !== nested) return undefined;
            nested = -1;
          }
        }
      }
    } else if (blank) endRun();
    else if ((c === 96 || c === 126) && runOf(i, le, c) >= 3) {
      const len = runOf(i, le, c);
      if (c === 96 && lineHas(t, i + len, le, 96)) return undefined;
      if (indent >= 4) return undefined;
      if (indent === 0) {
        block();
        fence = c;
        fenceLen = len;
      } else {
        if (headings.length === 0) preamble = true;
        addLine(false);
        nested = indent;
        nestedChar = c;
        nestedLen = len;
      }
    } else if (indent >= 4) {
      if (headings.length === 0) preamble = true;
      addLine(false);
    } else if (c === 35 /* # */) {
      let k = i;
      while (k < le && t.charCodeAt(k) === 35) k++;
      const depth = k - i;
      const atx = depth <= 6 && (k === le || t.charCodeAt(k) === SP);
      if (atx && indent > 0) return undefined;
      if (!atx) addLine(false);
      else {
        endRun();
        let contentEnd = trimEndOffset(t, k, le);
        let j = contentEnd;
        while (j > k && t.charCodeAt(j - 1) === 35) j--;
        if (j < contentEnd && (j === k || t.charCodeAt(j - 1) === SP)) contentEnd = trimEndOffset(t, k, j);
        let contentStart = k;
        while (contentStart < contentEnd && t.charCodeAt(contentStart) === SP) contentStart++;
        const title = atxTitle(t.slice(contentStart, contentEnd));
        if (title === undefined) return undefined;
        headings.push(title);
        levels.push(depth);
        pos.push(line, 0, line, le - ls);
      }
    } else if (c === 60 /* < */ && t.startsWith('<!--', i)) {
      if (indent > 0 || t.startsWith('<!-->', i) || t.startsWith('<!--->', i)) return undefined;
      block();
      html = !lineHasClose(t, i + 4, le);
    } else if (c === 60) {
      // Other HTML (seeds: <details>, <img ...>, <br>, XML-like lines): CommonMark HTML blocks of kinds 6 and 7 run
      // to the next blank line and hide any heading inside them; anything else starting with '<' is paragraph text.
      // A kind-7 line after a container or table line may be a lazy continuation (micromark lets complete HTML
      // interrupt a lazy line), and an indented block may belong to a list item: those are declined, not guessed.
      const kind = htmlBlockKind(t.slice(i, le));
      if (kind < 0) return undefined;
      if (indent > 0 && kind > 0 && !(runStart >= 0 && runClean)) return undefined;
      if (kind === 7 && runStart >= 0 && !runClean) return undefined;
      if (kind === 6 || (kind === 7 && runStart < 0)) {
        block();
        htmlToBlank = true;
      } else addLine(false);
    } else if ((c === 61 || c === 45) && runOf(i, le, c) > 0 && isBlankFrom(t, i + runOf(i, le, c), le)) {
      // a setext underline, a thematic break or paragraph text
      if (indent > 0) return undefined;
      if (runStart >= 0) {
        if (!runClean) return undefined;
        const lines: string[] = [];
        let from = runStart;
        while (from < ls) {
          const end = t.indexOf('\n', from);
          lines.push(t.slice(from, t.charCodeAt(end - 1) === 13 ? end - 1 : end));
          from = end + 1;
        }
        let raw = '';
        for (let x = 0; x < lines.length; x++) {
          const l = lines[x];
          if (x < lines.length - 1) {
            if (/ {2,}$/.test(l) || l.endsWith('\\')) {
              raw += l.replace(/ +$/, '');
              continue;
            }
            raw += l + '\n';
          } else raw += l;
        }
        // One-line setext titles resolve like ATX ones; joined lines (hard breaks) only when plain.
        const title = lines.length === 1 ? atxTitle(raw.replace(/[ \t]+$/, '')) : titleOrDecline(raw.replace(/[ \t]+$/, ''));
        if (title === undefined) return undefined;
        headings.push(title);
        levels.push(c === 61 ? 1 : 2);
        pos.push(runLine, 0, line, le - ls);
        runStart = -1;
        runClean = true;
      } else if (c === 45 && runOf(i, le, c) >= 3) block(); // thematic break
      else addLine(false);
    } else {
      // `[` is plain: a link reference definition always holds `]:`, and that declines the whole note above.
      const plain =
        indent === 0 && !(c === 62 || c === 45 || c === 42 || c === 43 || c === 95 || c === 61 || c === 124 || c === 33 || (c >= 48 && c <= 57)) && !lineHas(t, ls, le, 124);
      addLine(plain);
    }
    line++;
    ls = next;
  }
  if (nested >= 0) return undefined;
  if (runStart >= 0 && headings.length === 0) preamble = true;
  if (preamble || headings.length === 0) {
    headings.unshift('');
    levels.unshift(0);
    pos.unshift(0, 0, 0, 0);
  }
  return { headings, levels, positions: Int32Array.from(pos) };
}

/**
 * An ATX heading's title for the pre-scan. Titles with inline markup that `simpleInline` cannot resolve (link
 * headings `# [AWS CodeBuild](https://…)`, `Lambda@Edge`, entities) are resolved by remark on this heading's text
 * only, exactly as the full scan resolves them (`headingTitle`): a per-heading cost, never a declined note.
 */
function atxTitle(raw: string): string | undefined {
  const title = titleOrDecline(raw);
  if (title !== undefined) return title;
  try {
    return headingTitle(raw);
  } catch {
    return undefined;
  }
}

// CommonMark 0.31 HTML block starts (micromark follows them): kind 6 names and the open/closing tags of kind 7.
const HTML_KIND6 = new Set(
  ('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul').split(' '),
);
const HTML_ATTR = String.raw`(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^"'=<>\`\s]+|'[^'\n]*'|"[^"\n]*"))?)`;
const HTML_KIND7 = new RegExp(String.raw`^(?:<[A-Za-z][A-Za-z0-9-]*${HTML_ATTR}*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$`);

/**
 * The HTML block a column-0 line starting with '<' (not `<!--`) may open: 6 or 7 (CommonMark kinds that end at a
 * blank line; 7 cannot interrupt a paragraph), 0 for none (paragraph text), -1 for kinds the pre-scan leaves to the
 * full scan (1: script/pre/style/textarea, 3–5: `<?`, `<!X`, `<![CDATA[`).
 */
function htmlBlockKind(line: string): number {
  const c = line.charCodeAt(1);
  if (c === 63 /* ? */ || c === 33 /* ! */) return -1;
  const m = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(line);
  if (!m) return 0;
  const name = m[1].toLowerCase();
  const after = line.charCodeAt(m[0].length);
  const ends = Number.isNaN(after) || after === SP || after === 9 || after === 62 /* > */ || (after === 47 /* / */ && line.charCodeAt(m[0].length + 1) === 62);
  if (c !== 47 && /^(?:script|pre|style|textarea)$/.test(name) && (ends || after === 47)) return -1;
  if (ends && HTML_KIND6.has(name)) return 6;
  return HTML_KIND7.test(line) ? 7 : 0;
}

function lineHas(t: string, from: number, to: number, ch: number): boolean {
  for (let i = from; i < to; i++) if (t.charCodeAt(i) === ch) return true;
  return false;
}

/** Whether `-->` ends within [from, to) (a search bounded by the line, not the text). */
function lineHasClose(t: string, from: number, to: number): boolean {
  for (let i = from; i + 3 <= to; i++) if (t.charCodeAt(i) === 45 && t.charCodeAt(i + 1) === 45 && t.charCodeAt(i + 2) === 62) return true;
  return false;
}

// A tolerant reader for Terraform's native HCL syntax that keeps source offsets. It finds blocks
// (`resource "type" "name" {`), attributes (`name = value`) and the tokens of expressions (for references such as
// `aws_sqs_queue.jobs.arn`), and it survives half-typed text: unterminated strings, heredocs and braces end at a
// sensible place instead of swallowing the file. It never throws and always advances, so it cannot hang.

export type TokenKind = 'ident' | 'number' | 'punct' | 'newline' | 'comment' | 'string' | 'heredoc';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** 0 for tokens of the file's own structure; n + 1 for tokens inside an interpolation of a string at level n. */
  nest: number;
}

/** A quoted string or heredoc: its literal content and the `${...}` / `%{...}` spans inside it. */
export interface TemplateToken extends Token {
  kind: 'string' | 'heredoc';
  contentStart: number;
  contentEnd: number;
  terminated: boolean;
  /** [start, end) of each interpolation, from `${` to after its `}` (or where it was cut off). */
  interps: [number, number][];
}

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** A block label; for quoted labels the span is the content between the quotes. */
export interface HclLabel extends Span {
  quoted: boolean;
  /** false when the closing quote is missing (the user is still typing). */
  terminated: boolean;
}

export interface HclAttribute {
  kind: 'attribute';
  name: Span;
  /** Offset just after `=`. */
  equals: number;
  valueStart: number;
  valueEnd: number;
  start: number;
  end: number;
  parent?: HclBlock;
}

export interface HclBlock {
  kind: 'block';
  type: Span;
  labels: HclLabel[];
  start: number;
  /** After the closing brace; for an unterminated block, where reading of it stopped. */
  end: number;
  /** Offset of `{`, undefined when the header is not finished. */
  open?: number;
  /** Offset of `}`, undefined when missing. */
  close?: number;
  body: HclBody;
  parent?: HclBlock;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

export interface HclFile {
  text: string;
  tokens: Token[];
  body: HclBody;
}

/** Block types that only appear at the top level of a Terraform file. */
export const TOP_LEVEL_BLOCKS = new Set(['resource', 'data', 'variable', 'output', 'locals', 'module', 'provider', 'terraform', 'moved', 'import', 'check', 'removed', 'ephemeral']);

const MAX_TEMPLATE_NEST = 16;
const MAX_BLOCK_DEPTH = 64;
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_-]/u;
const HEADER_LINE = /^(?:resource|data|variable|output|locals|module|provider|terraform|moved|import|check|removed)\s*["{\w]/;

// ---------------------------------------------------------------------------------------------------------------
// Tokenizer

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let limit = text.length;

  const isLineStart = (at: number) => at === 0 || text[at - 1] === '\n';

  function lineEnd(from: number): number {
    const nl = text.indexOf('\n', from);
    return nl < 0 || nl > limit ? limit : nl;
  }

  /** Reads an expression until the end (top), an unmatched `}` (interpolation, consumed) or a newline at depth 0. */
  function lexExpr(nest: number, interp: boolean, newlineEnds: boolean): 'eof' | 'closed' | 'newline' {
    let depth = 0;
    while (i < limit) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v' || c === '\ufeff') {
        i++;
        continue;
      }
      if (c === '\n') {
        if (interp && newlineEnds && depth === 0) return 'newline';
        // A top-level header at column 0 inside an interpolation means the string was never closed.
        if (interp && HEADER_LINE.test(text.slice(i + 1, i + 12))) return 'newline';
        tokens.push({ kind: 'newline', start: i, end: i + 1, nest });
        i++;
        continue;
      }
      if (c === '#' || (c === '/' && text[i + 1] === '/')) {
        const end = lineEnd(i);
        tokens.push({ kind: 'comment', start: i, end, nest });
        i = end;
        continue;
      }
      if (c === '/' && text[i + 1] === '*') {
        const close = text.indexOf('*/', i + 2);
        const end = close < 0 || close + 2 > limit ? limit : close + 2;
        tokens.push({ kind: 'comment', start: i, end, nest });
        i = end;
        continue;
      }
      if (IDENT_START.test(c)) {
        const start = i;
        i++;
        while (i < limit && IDENT_PART.test(text[i])) i++;
        tokens.push({ kind: 'ident', start, end: i, nest });
        continue;
      }
      if (c >= '0' && c <= '9') {
        const m = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, Math.min(limit, i + 64)));
        const start = i;
        i += m ? m[0].length : 1;
        tokens.push({ kind: 'number', start, end: i, nest });
        continue;
      }
      if (c === '"') {
        lexQuoted(nest);
        continue;
      }
      if (c === '<' && text[i + 1] === '<') {
        const m = /^<<(-?)([\p{L}_][\p{L}\p{N}_-]*)[ \t]*\r?\n/u.exec(text.slice(i, Math.min(limit, i + 256)));
        if (m) {
          lexHeredoc(nest, m[2], m[0].length);
          continue;
        }
      }
      if (interp) {
        if (c === '{' || c === '[' || c === '(') depth++;
        else if (c === '}' || c === ']' || c === ')') {
          if (depth === 0 && c === '}') {
            tokens.push({ kind: 'punct', start: i, end: i + 1, nest });
            i++;
            return 'closed';
          }
          if (depth > 0) depth--;
        }
      }
      tokens.push({ kind: 'punct', start: i, end: i + 1, nest });
      i++;
    }
    return 'eof';
  }

  /** `${` or `%{` at i: lexes the interpolation at nest + 1 and records its span. */
  function lexInterpolation(token: TemplateToken, newlineEnds: boolean): 'eof' | 'closed' | 'newline' {
    const start = i;
    tokens.push({ kind: 'punct', start: i, end: i + 2, nest: token.nest + 1 });
    i += 2;
    const result = lexExpr(token.nest + 1, true, newlineEnds);
    token.interps.push([start, i]);
    return result;
  }

  function lexQuoted(nest: number): void {
    const token: TemplateToken = { kind: 'string', start: i, end: i, nest, contentStart: i + 1, contentEnd: i + 1, terminated: false, interps: [] };
    tokens.push(token);
    i++;
    while (i < limit) {
      const c = text[i];
      if (c === '"') {
        token.contentEnd = i;
        token.end = i + 1;
        token.terminated = true;
        i++;
        return;
      }
      if (c === '\n' || c === '\r') break;
      if (c === '\\') {
        i += text[i + 1] === '\n' || text[i + 1] === '\r' || i + 1 >= limit ? 1 : 2;
        continue;
      }
      if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
        i += 3;
        continue;
      }
      if ((c === '$' || c === '%') && text[i + 1] === '{' && nest < MAX_TEMPLATE_NEST) {
        const result = lexInterpolation(token, true);
        if (result !== 'closed') break;
        continue;
      }
      i++;
    }
    token.contentEnd = Math.min(i, limit);
    token.end = token.contentEnd;
  }

  function lexHeredoc(nest: number, marker: string, headerLength: number): void {
    const start = i;
    const contentStart = i + headerLength;
    // Find the closing marker line first; an unterminated heredoc stops before the next top-level header.
    let lineStart = contentStart;
    let contentEnd = limit;
    let end = limit;
    let terminated = false;
    while (lineStart < limit) {
      const stop = lineEnd(lineStart);
      const line = text.slice(lineStart, stop);
      if (line.trim() === marker) {
        contentEnd = lineStart;
        end = lineStart + line.indexOf(marker) + marker.length;
        terminated = true;
        break;
      }
      if (isLineStart(lineStart) && HEADER_LINE.test(line)) {
        contentEnd = end = lineStart;
        break;
      }
      lineStart = stop + 1;
    }
    const token: TemplateToken = { kind: 'heredoc', start, end, nest, contentStart, contentEnd, terminated, interps: [] };
    tokens.push(token);
    const saved = limit;
    limit = contentEnd;
    i = contentStart;
    while (i < limit) {
      const c = text[i];
      if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
        i += 3;
        continue;
      }
      if ((c === '$' || c === '%') && text[i + 1] === '{' && nest < MAX_TEMPLATE_NEST) {
        lexInterpolation(token, false);
        continue;
      }
      i++;
    }
    limit = saved;
    i = end;
  }

  lexExpr(0, false, false);
  return tokens;
}

// ---------------------------------------------------------------------------------------------------------------
// Reader

export function readHcl(text: string): HclFile {
  const tokens = tokenize(text);
  const structural = tokens.filter((t) => t.nest === 0 && t.kind !== 'comment');
  const body: HclBody = { attributes: [], blocks: [] };
  let pos = 0;

  const tok = (at: number): Token | undefined => structural[at];
  const isPunct = (t: Token | undefined, ch: string): boolean => !!t && t.kind === 'punct' && text[t.start] === ch;
  const atColumnZero = (t: Token) => t.start === 0 || text[t.start - 1] === '\n';
  const span = (t: Token): Span => ({ text: text.slice(t.start, t.end), start: t.start, end: t.end });
  /** An identifier at column 0 naming a top-level block, followed by a label or `{`: a new top-level block. */
  const startsTopLevelBlock = (at: number): boolean => {
    const t = tok(at);
    if (!t || t.kind !== 'ident' || !atColumnZero(t) || !TOP_LEVEL_BLOCKS.has(text.slice(t.start, t.end))) return false;
    const next = tok(at + 1);
    return !!next && (next.kind === 'string' || next.kind === 'ident' || isPunct(next, '{'));
  };
  const isEquals = (at: number): boolean => {
    const t = tok(at);
    if (!t || !isPunct(t, '=')) return false;
    const after = tok(at + 1);
    return !after || !((isPunct(after, '=') || isPunct(after, '>')) && after.start === t.end);
  };

  function skipLine(): void {
    while (pos < structural.length && structural[pos].kind !== 'newline') pos++;
  }

  /** Reads an attribute value: to the newline at bracket depth 0, or an enclosing `}`. */
  function readValue(): { start: number; end: number } | undefined {
    let depth = 0;
    let first: Token | undefined;
    let last: Token | undefined;
    while (pos < structural.length) {
      const t = structural[pos];
      if (t.kind === 'newline') {
        if (depth === 0) break;
        if (startsTopLevelBlock(pos + 1)) break;
        pos++;
        continue;
      }
      if (t.kind === 'ident' && startsTopLevelBlock(pos)) break;
      if (t.kind === 'punct') {
        const ch = text[t.start];
        if (ch === '{' || ch === '[' || ch === '(') depth++;
        else if (ch === '}' || ch === ']' || ch === ')') {
          if (depth === 0) {
            if (ch === '}') break;
          } else depth--;
        }
      }
      first ??= t;
      last = t;
      pos++;
    }
    return first && last ? { start: first.start, end: last.end } : undefined;
  }

  /** Reads body items until `}` (returned as its token) or the end; `parent` undefined for the file. */
  function readBody(target: HclBody, parent: HclBlock | undefined, depth: number): Token | undefined {
    while (pos < structural.length) {
      const t = structural[pos];
      if (t.kind === 'newline') {
        pos++;
        continue;
      }
      if (isPunct(t, '}')) {
        if (parent) {
          pos++;
          return t;
        }
        pos++; // a stray brace at the top level
        continue;
      }
      if (t.kind !== 'ident') {
        pos++;
        continue;
      }
      if (parent && startsTopLevelBlock(pos)) return undefined;
      if (isEquals(pos + 1)) {
        const eq = structural[pos + 1];
        pos += 2;
        const value = readValue();
        const attribute: HclAttribute = {
          kind: 'attribute',
          name: span(t),
          equals: eq.end,
          valueStart: value?.start ?? eq.end,
          valueEnd: value?.end ?? eq.end,
          start: t.start,
          end: value?.end ?? eq.end,
          parent,
        };
        target.attributes.push(attribute);
        continue;
      }
      const next = tok(pos + 1);
      if (next && (next.kind === 'string' || next.kind === 'ident' || isPunct(next, '{'))) {
        readBlock(t, target, parent, depth);
        continue;
      }
      // A half-typed identifier or something we do not understand: skip the rest of the line.
      skipLine();
    }
    return undefined;
  }

  function readBlock(typeToken: Token, target: HclBody, parent: HclBlock | undefined, depth: number): void {
    const block: HclBlock = { kind: 'block', type: span(typeToken), labels: [], start: typeToken.start, end: typeToken.end, body: { attributes: [], blocks: [] }, parent };
    target.blocks.push(block);
    pos++;
    for (;;) {
      const t = tok(pos);
      if (!t) break;
      if (t.kind === 'string') {
        const s = t as TemplateToken;
        block.labels.push({ text: text.slice(s.contentStart, s.contentEnd), start: s.contentStart, end: s.contentEnd, quoted: true, terminated: s.terminated });
        block.end = s.end;
        pos++;
        continue;
      }
      if (t.kind === 'ident') {
        block.labels.push({ ...span(t), quoted: false, terminated: true });
        block.end = t.end;
        pos++;
        continue;
      }
      break;
    }
    const open = tok(pos);
    if (!open || !isPunct(open, '{')) {
      // Header still being typed: the block ends with its line.
      skipLine();
      return;
    }
    block.open = open.start;
    pos++;
    if (depth >= MAX_BLOCK_DEPTH) {
      // Pathologically deep: skip the balanced rest without recursing.
      let level = 1;
      while (pos < structural.length && level > 0) {
        const t = structural[pos++];
        if (isPunct(t, '{')) level++;
        else if (isPunct(t, '}')) level--;
        if (level === 0) {
          block.close = t.start;
          block.end = t.end;
          return;
        }
      }
      block.end = text.length;
      return;
    }
    const close = readBody(block.body, block, depth + 1);
    if (close) {
      block.close = close.start;
      block.end = close.end;
    } else {
      // Unterminated: it reaches where reading stopped (the next top-level block or the end of the file).
      const stop = tok(pos);
      block.end = stop ? lineStartBefore(stop.start) : text.length;
    }
  }

  function lineStartBefore(offset: number): number {
    // The end of the line before the next block, so that blank lines in between still belong to this block.
    let at = offset;
    while (at > 0 && text[at - 1] !== '\n') at--;
    return Math.max(at - 1, 0);
  }

  readBody(body, undefined, 0);
  return { text, tokens, body };
}

// ---------------------------------------------------------------------------------------------------------------
// Queries

/** Every block of the file, outermost first. */
export function allBlocks(body: HclBody): HclBlock[] {
  const out: HclBlock[] = [];
  const stack = [...body.blocks].reverse();
  while (stack.length) {
    const block = stack.pop()!;
    out.push(block);
    for (let k = block.body.blocks.length - 1; k >= 0; k--) stack.push(block.body.blocks[k]);
  }
  return out;
}

/** The innermost block whose body (between its braces) contains the offset. */
export function blockBodyAt(file: HclFile, offset: number): HclBlock | undefined {
  let found: HclBlock | undefined;
  let blocks = file.body.blocks;
  for (;;) {
    const inner = blocks.find((b) => b.open !== undefined && b.open < offset && (b.close !== undefined ? offset <= b.close : offset <= b.end));
    if (!inner) return found;
    found = inner;
    blocks = inner.body.blocks;
  }
}

/** The attribute (of any block) whose name or value spans the offset. */
export function attributeAt(file: HclFile, offset: number): HclAttribute | undefined {
  const block = blockBodyAt(file, offset);
  const attributes = block ? block.body.attributes : file.body.attributes;
  return attributes.find((a) => a.start <= offset && offset <= a.end);
}

/** The token containing the offset (start <= offset < end), deepest interpolation level first. */
export function tokenAt(file: HclFile, offset: number): Token | undefined {
  let best: Token | undefined;
  for (const t of file.tokens) {
    if (t.start > offset) break;
    if (t.start <= offset && offset < t.end && (!best || t.nest >= best.nest)) best = t;
  }
  return best;
}

/** True inside a comment or the literal text of a string or heredoc (not inside its interpolations). */
export function isLiteralAt(file: HclFile, offset: number): boolean {
  const { text } = file;
  for (const t of file.tokens) {
    if (t.start >= offset) break;
    if (t.kind === 'comment') {
      const block = text.startsWith('/*', t.start);
      const closed = block && t.end >= t.start + 4 && text.startsWith('*/', t.end - 2);
      if (offset < t.end || (offset === t.end && !closed)) return true;
      continue;
    }
    if (t.kind !== 'string' && t.kind !== 'heredoc') continue;
    const s = t as TemplateToken;
    const inContent = s.contentStart <= offset && (s.kind === 'string' ? offset <= s.contentEnd : offset < s.contentEnd);
    if (!inContent) continue;
    const inInterp = s.interps.some(([a, b]) => {
      const closed = text[b - 1] === '}' && b - 1 > a + 1;
      return a < offset && (closed ? offset < b : offset <= b);
    });
    if (!inInterp) return true;
  }
  return false;
}

/** A traversal such as `aws_sqs_queue.jobs.arn` or `data.aws_iam_policy_document.x.json`. */
export interface Traversal {
  parts: Span[];
  start: number;
  end: number;
}

/** The traversal whose identifiers include the one at the offset. Index steps (`[0]`, `["k"]`, `[*]`) are skipped. */
export function traversalAt(file: HclFile, offset: number): Traversal | undefined {
  const { tokens, text } = file;
  let at = tokens.findIndex((t) => t.kind === 'ident' && t.start <= offset && offset <= t.end);
  if (at < 0) return undefined;
  // Prefer the identifier that starts at the offset when two touch.
  if (tokens[at + 1]?.kind === 'ident' && tokens[at + 1].start === offset) at++;
  const nest = tokens[at].nest;
  const punct = (k: number, ch: string) => tokens[k]?.kind === 'punct' && tokens[k].nest === nest && text[tokens[k].start] === ch;
  const ident = (k: number) => tokens[k]?.kind === 'ident' && tokens[k].nest === nest;
  const indexStep = (k: number) => punct(k, '[') && (tokens[k + 1]?.kind === 'number' || tokens[k + 1]?.kind === 'string' || punct(k + 1, '*') || ident(k + 1)) && punct(k + 2, ']');
  /** The identifier after the one at k (across `.` or `[i].`), or -1. */
  const next = (k: number): number => {
    if (punct(k + 1, '.') && ident(k + 2)) return k + 2;
    if (indexStep(k + 1) && punct(k + 4, '.') && ident(k + 5)) return k + 5;
    return -1;
  };
  const previous = (k: number): number => {
    if (punct(k - 1, '.') && ident(k - 2)) return k - 2;
    if (punct(k - 1, '.') && indexStep(k - 4) && ident(k - 5)) return k - 5;
    return -1;
  };
  let first = at;
  for (let guard = 0; guard < 64; guard++) {
    const p = previous(first);
    if (p < 0) break;
    first = p;
  }
  // A dot before the root means an attribute of an expression (`foo().bar`), not a reference.
  if (punct(first - 1, '.')) return undefined;
  const parts: Span[] = [];
  for (let k = first, guard = 0; k >= 0 && guard < 64; k = next(k), guard++) {
    parts.push({ text: text.slice(tokens[k].start, tokens[k].end), start: tokens[k].start, end: tokens[k].end });
  }
  return { parts, start: parts[0].start, end: parts[parts.length - 1].end };
}

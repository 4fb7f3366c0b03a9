// Bounds what reaches micromark's inline parser (remark fallback, heading titles). micromark is superlinear on
// some inline constructs: each unmatched emphasis closer walks back over the whole paragraph, backtick runs look
// ahead for a closing run of the same length, `]` looks back for label starts, an unclosed `<a b="` scans on.
// A note's sections depend on the block structure, not on the inline content of paragraphs; only heading titles,
// definitions, fenced code and a few whole-line patterns do. So, in a run of non-blank lines ("chunk", a superset
// of a paragraph) with more than INLINE_BOUND inline delimiters, the delimiters of ordinary text lines become
// spaces (same length: every offset is kept). Lines that may matter keep theirs while the chunk's count for them
// stays within its own bound; beyond it they are neutralised too (only hostile text gets there).
// Normal notes never reach the bound and are parsed unchanged (exact).

/** Inline delimiters per chunk (and per heading) up to which text is parsed as it is. */
export const INLINE_BOUND = 256;
/** Delimiters kept in fenced-code lines of one over-bound chunk (code values stay exact below it). */
const CODE_BOUND = 4096;

const isSpecial = (c: number) => c === 96 || c === 42 || c === 95 || c === 126 || c === 91 || c === 93 || c === 60;

/** How many inline delimiters `text` holds (stops counting past `limit`). */
export function countDelimiters(text: string, limit = Infinity): number {
  let count = 0;
  for (let i = 0; i < text.length && count <= limit; i++) if (isSpecial(text.charCodeAt(i))) count++;
  return count;
}

const enum Kind {
  Text,
  Keep, // headings, definition-like, HTML-end, setext content: kept while within INLINE_BOUND
  Code, // fenced code (by a top-level tracker): kept while within CODE_BOUND
  Whole, // thematic breaks, setext underlines, fence delimiters: never changed
}

/** `text` with the inline delimiters of over-bound chunks replaced by spaces; `text` itself when none is. */
export function boundInline(text: string): string {
  if (countDelimiters(text, INLINE_BOUND) <= INLINE_BOUND) return text;
  const n = text.length;
  let out: string[] | undefined;
  let copied = 0;
  // chunk state
  let chunkLines: number[] = []; // [start, contentStart, end, kind] per line
  let counts = [0, 0, 0, 0];
  let heads = 0; // delimiters kept at line heads
  let setextFrom = 0; // first chunk entry a later setext-like underline may still make heading content
  // top-level fence tracker
  let fenceChar = 0;
  let fenceLen = 0;
  let fenceIndent = 0;
  let html = false; // a top-level line began with `<`: no fence opens until a blank line

  const flush = () => {
    const total = counts[Kind.Text] + counts[Kind.Keep] + counts[Kind.Code] + heads;
    if (total > INLINE_BOUND) {
      for (let k = 0; k < chunkLines.length; k += 4) {
        const kind = chunkLines[k + 3];
        if (kind === Kind.Whole) continue;
        if (kind === Kind.Keep && counts[Kind.Keep] <= INLINE_BOUND) continue;
        if (kind === Kind.Code && counts[Kind.Code] <= CODE_BOUND) continue;
        // An over-bound kept line loses its head too (one `[` left open before a long line is superlinear as well).
        neutralise(heads > INLINE_BOUND || kind === Kind.Keep ? chunkLines[k] : chunkLines[k + 1], chunkLines[k + 2]);
      }
    }
    chunkLines = [];
    counts = [0, 0, 0, 0];
    heads = 0;
    setextFrom = 0;
  };
  const neutralise = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (!isSpecial(text.charCodeAt(i))) continue;
      out ??= [];
      out.push(text.slice(copied, i), ' ');
      copied = i + 1;
    }
  };

  let ls = 0;
  while (ls < n) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = n;
    // container prefix: spaces, `>`, list markers
    let i = ls;
    let indent = 0;
    let top = true;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) {
        i++;
        if (top) indent++;
      } else if (c === 62) {
        i++;
        top = false;
      } else if ((c === 45 || c === 42 || c === 43) && i + 1 < le && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        i += 2;
        top = false;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < le && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 41) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) {
          i = j + 2;
          top = false;
        } else break;
      } else break;
      if (i >= le) break;
    }
    const blank = i >= le;
    let kind = Kind.Text;
    const c = blank ? -1 : text.charCodeAt(i);
    let run = 0;
    while (i + run < le && text.charCodeAt(i + run) === c) run++;
    const restBlank = (from: number) => {
      for (let k = from; k < le; k++) {
        const x = text.charCodeAt(k);
        if (x !== 32 && x !== 9 && x !== 13) return false;
      }
      return true;
    };
    if (fenceChar) {
      if (!blank && indent < fenceIndent) fenceChar = 0; // conservative: the fence may have ended
      else if (top && indent <= 3 && c === fenceChar && run >= fenceLen && restBlank(i + run)) {
        fenceChar = 0;
        kind = Kind.Whole;
      } else kind = Kind.Code;
    }
    if (blank) {
      flush();
      html = false;
      if (fenceChar) {
        ls = le + 1;
        continue;
      }
    } else if (kind === Kind.Text) {
      if (top && indent <= 3 && !html && (c === 96 || c === 126) && run >= 3 && !(c === 96 && lineHas(text, i + run, le, 96))) {
        fenceChar = c;
        fenceLen = run;
        fenceIndent = indent;
        kind = Kind.Whole;
      } else if ((c === 42 || c === 45 || c === 95 || c === 61) && wholeLine(text, i, le, c)) kind = Kind.Whole;
      else if (c === 35 || c === 91 || lineHasHtmlEnd(text, i, le)) kind = Kind.Keep;
      if (top && indent <= 3 && c === 60) html = true;
      if (kind === Kind.Whole && (c === 61 || c === 45)) {
        // a possible setext underline: the chunk's text lines so far may be a heading's content
        for (let k = setextFrom; k < chunkLines.length; k += 4) {
          if (chunkLines[k + 3] !== Kind.Text) continue;
          const d = countDelimiters(text.slice(chunkLines[k + 1], chunkLines[k + 2]));
          counts[Kind.Text] -= d;
          counts[Kind.Keep] += d;
          chunkLines[k + 3] = Kind.Keep;
        }
        setextFrom = chunkLines.length + 4; // lines up to this underline are done (each line is looked at once)
      }
    }
    if (!blank) {
      // The first character after the container prefix may start a block (`<` an HTML block, `[` a definition...):
      // it stays unless the chunk has too many of those too. A 3+ backtick run that is not a fence keeps two, so
      // that neutralising later backticks cannot turn it into one.
      const keepHead = kind === Kind.Code ? 0 : c === 96 && run >= 3 ? 2 : 1;
      const from = kind === Kind.Whole ? le : i + keepHead;
      chunkLines.push(i, from, le, kind);
      if (kind !== Kind.Whole) {
        counts[kind] += countDelimiters(text.slice(from, le));
        if (from > i) heads += countDelimiters(text.slice(i, from));
      }
    }
    ls = le + 1;
  }
  flush();
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}

function lineHas(t: string, from: number, to: number, ch: number): boolean {
  for (let i = from; i < to; i++) if (t.charCodeAt(i) === ch) return true;
  return false;
}

/** Only `c` and spaces from `from` to the line end (a thematic break, setext underline or such). */
function wholeLine(t: string, from: number, to: number, c: number): boolean {
  for (let i = from; i < to; i++) {
    const x = t.charCodeAt(i);
    if (x !== c && x !== 32 && x !== 9 && x !== 13) return false;
  }
  return true;
}

/** Whether the line holds something that ends an HTML block (`-->`, `]]>`, `?>`, `</tag`): kept as written. */
function lineHasHtmlEnd(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c === 62 /* > */ && i > from) {
      const p = t.charCodeAt(i - 1);
      if (p === 45 || p === 93 || p === 63) return true;
    } else if (c === 60 /* < */ && t.charCodeAt(i + 1) === 47 /* / */) return true;
  }
  return false;
}

// Limits applied whenever a note's text is parsed into the index (issue 9: notes are untrusted input).
// remark runs synchronously and cannot be interrupted, so the parse time budget is enforced around it:
//  - before: a linear pre-check skips notes whose quotes/lists nest pathologically deep (remark recurses
//    there and gets quadratic; thousands of levels overflow its stack);
//  - after: a parse that took longer than `parseTimeBudgetMs` is recorded with a digest of the text, and the
//    same text is never parsed again (a re-crawl or a touch keeps what is indexed); new content is parsed anew;
//  - the sections kept per note are capped at `maxSectionsPerFile` (the first N; the rest is not indexed).
// Every skip is logged once per file, with the setting that controls it.
import { createHash } from 'node:crypto';
import { type Locale, localize, M, type NoteFile, type NotesIndex, preScanHeadings, type Text } from '../core';

export interface NoteLimits {
  maxSectionsPerFile: number;
  parseTimeBudgetMs: number;
  maxNestingDepth: number;
}

const digest = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * Upper estimate of how deeply block containers (block quotes, list items) nest, from line prefixes, outside
 * top-level fenced code. Linear; stops counting once over `limit`. Character codes, and a line whose first
 * non-blank character cannot start a container or a fence is skipped at once (most lines of a note).
 */
export function nestingDepth(text: string, limit = Infinity): number {
  let max = 0;
  let fence = 0;
  let lineStart = 0;
  const length = text.length;
  while (lineStart <= length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = length;
    let i = lineStart;
    let columns = 0;
    let c = text.charCodeAt(i);
    while (i < lineEnd && (c === SPACE || c === TAB)) {
      columns += c === TAB ? 4 : 1;
      c = text.charCodeAt(++i);
    }
    if (i >= lineEnd) c = NaN;
    if (columns < 4 && (c === BACKTICK || c === TILDE) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
      if (!fence) fence = c;
      else if (fence === c) fence = 0;
    } else if (!fence && (c === GT || c === DASH || c === STAR || c === PLUS || (c >= ZERO && c <= NINE))) {
      let markers = 0;
      // Container markers, possibly many on one line: "> > - 1. > x"
      for (;;) {
        const ch = text.charCodeAt(i);
        if (ch === GT) {
          markers++;
          i++;
        } else if ((ch === DASH || ch === STAR || ch === PLUS) && isBlank(text.charCodeAt(i + 1))) {
          markers++;
          i += 2;
        } else if (ch >= ZERO && ch <= NINE) {
          let j = i;
          while (j < lineEnd && j - i < 9 && text.charCodeAt(j) >= ZERO && text.charCodeAt(j) <= NINE) j++;
          const after = text.charCodeAt(j);
          if ((after === DOT || after === PAREN) && isBlank(text.charCodeAt(j + 1))) {
            markers++;
            i = j + 2;
          } else break;
        } else if (ch === SPACE || ch === TAB) i++;
        else break;
        if (markers > limit) break;
      }
      // Nested lists nest by indentation (at least two columns a level) under a marker.
      const depth = markers > 0 ? markers + Math.floor(columns / 2) : 0;
      if (depth > max) max = depth;
      if (max > limit) return max;
    }
    lineStart = lineEnd + 1;
  }
  return max;
}

const SPACE = 32;
const TAB = 9;
const BACKTICK = 96;
const TILDE = 126;
const GT = 62;
const DASH = 45;
const STAR = 42;
const PLUS = 43;
const ZERO = 48;
const NINE = 57;
const DOT = 46;
const PAREN = 41;
const isBlank = (c: number) => c === SPACE || c === TAB;

/** The note with only its first `max` sections; text, blocks and code ranges cut where section max+1 began. */
export function capSections(note: NoteFile, max: number): NoteFile {
  if (note.sections.length <= max) return note;
  const cut = note.sections[max].headingStart;
  const sections = note.sections.slice(0, max).map((s) => ({
    ...s,
    end: Math.min(s.end, cut),
    bodyEnd: Math.min(s.bodyEnd, cut),
    blocks: s.blocks.filter((b) => b.start < cut).map((b) => ({ ...b, end: Math.min(b.end, cut) })),
    codeBlocks: s.codeBlocks.filter((b) => b.end <= cut),
  }));
  const codeRanges: number[] = [];
  for (let i = 0; i < note.codeRanges.length; i += 2) if (note.codeRanges[i + 1] <= cut) codeRanges.push(note.codeRanges[i], note.codeRanges[i + 1]);
  return { ...note, text: note.text.slice(0, cut), sections, codeRanges };
}

/** The nesting pre-check's verdict (for `maxNestingDepth`) and the heading pre-scan, computed elsewhere (the scan worker). */
export interface PreScanned {
  maxNestingDepth: number;
  tooDeep: boolean;
  scan: { headings: readonly string[]; levels: ArrayLike<number>; positions: Int32Array } | undefined;
  /** The workspace-symbol search keys of `scan`'s headings (the indexer seeds them when the note uses the scan). */
  keys?: string[];
}

export class NoteGuard {
  /** uri -> digest of the text whose parse blew the budget (or threw). */
  private readonly overBudget = new Map<string, string>();
  /** Measured parse times over the budget, for stats and tests. */
  readonly slowParses: { uri: string; ms: number }[] = [];

  constructor(
    private readonly index: NotesIndex,
    private readonly limits: () => NoteLimits,
    private readonly warnOnce: (key: string, message: string) => void,
    /** The log lines' language (awsNotes.displayLanguage or the editor's). */
    private readonly locale: () => Locale = () => 'en',
  ) {}

  private t(text: Text, args: Record<string, string | number>): string {
    return localize(this.locale(), text, args);
  }

  /** Parses `text` into the index within the limits; false when the note was skipped. `label` names it in logs. */
  setText(
    uri: string,
    label: string,
    text: string,
    options: { defer?: boolean; headingsFirst?: boolean; pre?: PreScanned } = {},
  ): boolean {
    const limits = this.limits();
    const known = this.overBudget.get(uri);
    if (known !== undefined) {
      // Same content that blew the budget before: keep what is indexed, do not parse it again.
      if (known === digest(text)) return this.index.has(uri);
      this.overBudget.delete(uri);
    }
    // The nesting pre-check and the pre-scan may have run already (the crawl's scan worker, same limit).
    const pre = options.pre && options.pre.maxNestingDepth === limits.maxNestingDepth ? options.pre : undefined;
    const tooDeep = pre ? pre.tooDeep : nestingDepth(text, limits.maxNestingDepth) > limits.maxNestingDepth;
    if (tooDeep) {
      this.index.remove(uri);
      this.warnOnce(`${label}:nesting`, this.t(M.skippedNesting, { label, max: limits.maxNestingDepth }));
      return false;
    }
    if (options.defer && options.headingsFirst) {
      // Headings first: the pre-scan's headings are searchable now (the nesting pre-check above and the section
      // cap below apply before they are exposed); the full scan runs later (phase 2 or a request), timed against
      // the same budget, with the same log lines; a scan that throws withdraws the note.
      const scan = pre ? pre.scan : preScanHeadings(text);
      if (scan && scan.headings.length <= limits.maxSectionsPerFile) {
        this.index.setHeadingsFirst(uri, text, scan, {
          onParsed: (elapsed) => this.parsedElsewhere(uri, label, text, elapsed),
          onError: (error) => {
            this.overBudget.set(uri, digest(text));
            if (this.index.get(uri)?.text === text) this.index.remove(uri);
            this.warnOnce(`${label}:parse`, this.t(M.skippedParse, { label, error: error.message }));
          },
        });
        return true;
      }
    }
    const started = performance.now();
    let note: NoteFile;
    try {
      note = this.index.setText(uri, text, options);
    } catch (error) {
      this.overBudget.set(uri, digest(text));
      this.index.remove(uri);
      this.warnOnce(`${label}:parse`, this.t(M.skippedParse, { label, error: (error as Error).message }));
      return false;
    }
    const ms = Math.round(performance.now() - started);
    const total = note.sections.length;
    if (total > limits.maxSectionsPerFile) {
      this.index.setNote(capSections(note, limits.maxSectionsPerFile), options);
      this.warnOnce(`${label}:sections`, this.t(M.sectionsCapped, { label, total, max: limits.maxSectionsPerFile }));
    }
    if (ms > limits.parseTimeBudgetMs) this.overBudgetParse(uri, label, text, ms);
    return true;
  }

  /** A full scan of `text` ran later or elsewhere (a deferred scan, the scan worker) and took `ms`: the same budget applies. */
  parsedElsewhere(uri: string, label: string, text: string, ms: number): void {
    const rounded = Math.round(ms);
    if (rounded > this.limits().parseTimeBudgetMs) this.overBudgetParse(uri, label, text, rounded);
  }

  private overBudgetParse(uri: string, label: string, text: string, ms: number): void {
    const budget = this.limits().parseTimeBudgetMs;
    this.overBudget.set(uri, digest(text));
    this.slowParses.push({ uri, ms });
    this.warnOnce(`${label}:budget`, this.t(M.parseOverBudget, { label, ms, budget }));
  }
}

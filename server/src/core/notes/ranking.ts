// Which note sections are *about* a service, best first. A heading that names the service, definitional
// phrasing ("SQS とは", "SQS =", "SQS:" at the start of a passage) and density count; a passing mention in a long
// section still counts, and then the passage that discusses the service is what we point at.
import { MentionColumns, type Mention } from './noteMentions';
import type { NoteFile, Section } from '../syntax/markdown/noteModel';

export interface SectionHit {
  uri: string;
  section: number;
  score: number;
  /** Whether the section is about the service rather than mentioning it. */
  about: boolean;
  /** Offset to open the note at: the heading, or the passage deep inside a long section. */
  anchor: number;
  /** Block index the excerpt starts at (-1: start of the section body). */
  block: number;
}

export function rankSections(note: NoteFile, mentions: readonly Mention[]): SectionHit[] {
  const list = new HitList(note.uri);
  const columns = new MentionColumns(mentions.length);
  for (const m of mentions) columns.push(m.serviceId, m.kind, m.start, m.end, m.section, m.block, m.inHeading, m.inCode);
  const order = new Int32Array(mentions.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  rankSectionsInto(note, columns, order, 0, order.length, list);
  return list.hits;
}

/** Where rankSectionsInto puts each section's hit, in rankSections' order. */
export interface HitSink {
  hit(section: number, score: number, about: boolean, anchor: number, block: number): void;
}

/** The hits as SectionHit objects (rankSections). */
class HitList implements HitSink {
  readonly hits: SectionHit[] = [];

  constructor(private readonly uri: string) {}

  hit(section: number, score: number, about: boolean, anchor: number, block: number): void {
    this.hits.push({ uri: this.uri, section, score, about, anchor, block });
  }
}

/**
 * rankSections into `sink` for the mentions `columns[order[from]]`, `columns[order[from + 1]]`, … `columns[order[to - 1]]`
 * (one service's, in text order): the crawl packs hits as numbers, and reads mentions from columns, without an
 * object per hit or per mention.
 */
export function rankSectionsInto(note: NoteFile, columns: MentionColumns, order: Int32Array, from: number, to: number, sink: HitSink): void {
  // Mention starts in order: the mentions within a section's range are counted by two binary searches, not by a
  // pass over all of them per section (which made a 5,000-section note quadratic). Mentions come in text order
  // (findMentions), so their starts are usually sorted already and their sections come in runs.
  const starts = columns.start;
  const sections = columns.section;
  let sorted = true;
  let runs = true;
  for (let k = from + 1; k < to; k++) {
    if (starts[order[k]] < starts[order[k - 1]]) sorted = false;
    if (sections[order[k]] < sections[order[k - 1]]) runs = false;
  }
  // Only a heading that names the service counts the mentions below it. (No closures here: their context per call
  // of a ranking per note and service was a large share of the crawl's allocation.)
  const within = new Within(starts, order, from, to, sorted);
  if (runs) {
    // Sections in ascending runs: each run is one section's mentions, in the order a Map keyed by section gives.
    for (let k = from; k < to; ) {
      const section = sections[order[k]];
      let end = k + 1;
      while (end < to && sections[order[end]] === section) end++;
      if (section >= 0) scoreSection(note, note.sections[section], columns, order, k, end, within, sink);
      k = end;
    }
    return;
  }
  const bySection = new Map<number, number[]>();
  for (let k = from; k < to; k++) {
    const m = order[k];
    if (sections[m] < 0) continue;
    const list = bySection.get(sections[m]) ?? [];
    list.push(m);
    bySection.set(sections[m], list);
  }
  for (const [index, list] of bySection) scoreSection(note, note.sections[index], columns, Int32Array.from(list), 0, list.length, within, sink);
}

/** Counts a note's mentions (of one service: `starts[order[from, to)]`) whose start is in a range. */
class Within {
  private sortedStarts: Float64Array | undefined;

  constructor(
    private readonly starts: Int32Array,
    private readonly order: Int32Array,
    private readonly from: number,
    private readonly to: number,
    private readonly sorted: boolean,
  ) {}

  count(from: number, to: number): number {
    if (this.sorted) return Math.max(0, this.lowerBoundOf(to) - this.lowerBoundOf(from));
    if (!this.sortedStarts) {
      const starts = new Float64Array(this.to - this.from);
      for (let k = this.from; k < this.to; k++) starts[k - this.from] = this.starts[this.order[k]];
      this.sortedStarts = starts.sort();
    }
    return Math.max(0, lowerBound(this.sortedStarts, to) - lowerBound(this.sortedStarts, from));
  }

  /** lowerBound over the starts of the mentions, sorted by start. */
  private lowerBoundOf(x: number): number {
    let lo = this.from;
    let hi = this.to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[this.order[mid]] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The first index of sorted `values` whose value is >= `x`. */
function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Weight per block of the section being scored (reset after each section): no Map per section. Kept only up to
 * SCRATCH_KEPT blocks: one huge section must not pin its array for the process's lifetime. */
let blockScratch = new Float64Array(64);
const SCRATCH_KEPT = 4096;

/**
 * One section's hit (to `sink`) from its mentions `columns[order[from, to)]`; `within` counts the note's mentions
 * in a range.
 */
function scoreSection(note: NoteFile, section: Section, columns: MentionColumns, order: Int32Array, from: number, to: number, within: Within, sink: HitSink): void {
  const text = note.text;
  let score = 0;
  let headingHit = false;
  let firstHeading = -1;
  const blocks = section.blocks.length;
  if (blockScratch.length < blocks && blocks <= SCRATCH_KEPT) blockScratch = new Float64Array(Math.min(SCRATCH_KEPT, blocks * 2));
  const blockWeight = blocks <= blockScratch.length ? blockScratch : new Float64Array(blocks);
  let minBlock = Infinity;
  let maxBlock = -1;
  for (let k = from; k < to; k++) {
    const m = order[k];
    if (columns.heading[m] === 1) {
      headingHit = true;
      if (firstHeading < 0) firstHeading = m;
      continue;
    }
    // Names weigh more than identifiers listed in code or tables (IAM actions, ARNs).
    const kind = columns.kind[m];
    let weight = columns.code[m] === 1 || (kind !== 'service' && kind !== 'cfnType') ? 0.5 : 1;
    const follows = definitionalAfter(text, columns.end[m]);
    const block = columns.block[m];
    if (follows !== 0) {
      // The name starts its passage ("- **SQS** とは", "AWS Lambda:"), checked only when a definition follows. (No
      // closure for it: a closure over `m` made a context per mention, the ranking's largest allocation.)
      const blockStart = block >= 0 ? section.blocks[block].start : -1;
      const start = columns.start[m];
      if ((follows & STRONG) !== 0 && ((follows & TOHA) !== 0 || (blockStart >= 0 && leadsPassage(text, blockStart, start)))) weight += 5;
      else if ((follows & WEAK) !== 0 && blockStart >= 0 && leadsPassage(text, blockStart, start)) weight += 2;
    }
    score += weight;
    if (block >= 0) {
      blockWeight[block] += weight;
      if (block < minBlock) minBlock = block;
      if (block > maxBlock) maxBlock = block;
    }
  }
  if (headingHit) {
    // Mentions in the subsections too: a heading that names the service and whose subsections keep
    // discussing it (a note titled "SQS と Lambda…") outranks a passing sub-heading elsewhere.
    score += 12 + Math.min(4, within.count(section.headingEnd, section.end) * 0.4) + (6 - Math.min(section.level, 6)) * 0.25;
    const nameStart = columns.start[firstHeading];
    const nameEnd = columns.end[firstHeading];
    if (namesFirst(text, section.headingStart, nameStart)) {
      score += 4;
      // A link heading `# [Amazon Simple Queue Service (SQS)](url)` names the service as plainly as `# SQS`: the
      // link target and a parenthesised short name are not words about something else.
      const after = text
        .slice(nameEnd, section.headingEnd)
        .replace(/\]\([^)]*\)/g, '')
        .replace(/^\s*[（(][^)）]{0,40}[)）]/, '')
        .replace(/[\]）)]+\s*$/, '')
        .trim();
      // "## SQS とは", "## SQS", "## SQS の基本": the section defines the service.
      if (after === '' || /^(?:とは|について|の(?:基本|概要|特徴|まとめ))/.test(after)) score += 8;
    }
    // Substance: a chapter about the service outranks a two-line heading that only names it.
    score += Math.min(6, (section.bodyEnd - section.headingEnd) / 350);
  }
  const count = to - from;
  const bodyLength = Math.max(200, section.bodyEnd - section.headingEnd);
  score += Math.min(4, (count * 1000) / bodyLength);
  // The heaviest block, the first of equals (weights are positive).
  let bestBlock = -1;
  let bestWeight = 0;
  for (let block = minBlock; block <= maxBlock; block++) {
    const weight = blockWeight[block];
    blockWeight[block] = 0;
    if (weight > bestWeight) {
      bestBlock = block;
      bestWeight = weight;
    }
  }
  const about = headingHit || bestWeight >= 5 || count >= 3;
  const deep = !headingHit && bestBlock > 0;
  sink.hit(section.index, score, about, deep ? section.blocks[bestBlock].start : section.headingStart, deep ? bestBlock : -1);
}

const STRONG = 1;
const WEAK = 2;
const TOHA = 4;

/**
 * What the 8 characters after a mention say, after optional white space: STRONG ("とは", "って何", "について", "=",
 * ":"), WEAK ("は", "(", "の概要", "の特徴"), TOHA ("とは"). Read in place (by the first unit: the words start
 * differently): a slice and three regexes per mention were a third of the ranking's time.
 */
export function definitionalAfter(text: string, end: number): number {
  const stop = Math.min(end + 8, text.length);
  let p = end;
  while (p < stop && isJsSpace(text.charCodeAt(p))) p++;
  if (p >= stop) return 0;
  switch (text.charCodeAt(p)) {
    case 0x3068: // と
      return fits(text, p, stop, 'とは') ? STRONG | TOHA : 0;
    case 0x3063: // っ
      return fits(text, p, stop, 'って何') ? STRONG : 0;
    case 0x306b: // に
      return fits(text, p, stop, 'について') ? STRONG : 0;
    case 61: // =
    case 0xff1d: // ＝
    case 58: // :
    case 0xff1a: // ：
      return STRONG;
    case 0x306f: // は
    case 0xff08: // （
    case 40: // (
      return WEAK;
    case 0x306e: // の
      return fits(text, p, stop, 'の概要') || fits(text, p, stop, 'の特徴') ? WEAK : 0;
    default:
      return 0;
  }
}

/** Whether `word` is at text[p, stop) (a function, not a closure: definitionalAfter runs for every mention). */
function fits(text: string, p: number, stop: number, word: string): boolean {
  return p + word.length <= stop && text.startsWith(word, p);
}

/**
 * Whether the heading text[from, to) before the name is only its markers: `#`s, white space, a link's `[`, then
 * "AWS"/"Amazon" and white space: the former test (remove `^#+\s*\[?`, then `^(?:AWS|Amazon)\s*`, then trim: nothing left).
 */
export function namesFirst(text: string, from: number, to: number): boolean {
  let p = from;
  if (p < to && text.charCodeAt(p) === 35) {
    while (p < to && text.charCodeAt(p) === 35) p++;
    while (p < to && isJsSpace(text.charCodeAt(p))) p++;
    if (p < to && text.charCodeAt(p) === 91) p++;
  }
  if (p + 3 <= to && text.startsWith('AWS', p)) p += 3;
  else if (p + 6 <= to && text.startsWith('Amazon', p)) p += 6;
  while (p < to && isJsSpace(text.charCodeAt(p))) p++;
  return p >= to;
}

/**
 * Whether text[from, to) is only list, quote, table and emphasis markers, numbers and white space, then optionally
 * "AWS " or "Amazon ": the passage starts with the name (the regex `^[\s>*\-+#|0-9.]*(?:\*\*)?(?:AWS |Amazon )?$`,
 * whose class already holds `*`).
 */
export function leadsPassage(text: string, from: number, to: number): boolean {
  let stop = to;
  if (stop - from >= 4 && text.startsWith('AWS ', stop - 4)) stop -= 4;
  else if (stop - from >= 7 && text.startsWith('Amazon ', stop - 7)) stop -= 7;
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 62 || c === 42 || c === 45 || c === 43 || c === 35 || c === 124 || c === 46 || isJsSpace(c))) return false;
  }
  return true;
}

/** JavaScript's `\s`: white space and line terminators. */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function compareHits(a: SectionHit, b: SectionHit): number {
  return b.score - a.score || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.section - b.section);
}

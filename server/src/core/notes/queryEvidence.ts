// Where a query's terms occur in a note, per section: the evidence half of a query ranking (queryRanking.ts),
// cached per note version and query. Issue 16: a ranking caches this for every candidate note (thousands at 10k
// notes, redone for every stale ranking at the crawl's end); as a map of sections to a map of terms to an object it
// was a dozen objects per note, most promoted before they died, and the largest share of the settle step's GC. Now
// one flat array of small integers per note, built through scratch buffers reused from note to note.
import type { NoteFile } from '../syntax/markdown/noteModel';
import type { NoteQuery, QueryTerm } from './noteQuery';
import { SectionViews } from './notesIndex';
import { blockIndexAt, sectionIndexAt } from './sectionView';

/**
 * Evidence in one note for one query with T terms (exact terms first, then related, then place): per section with
 * any, in section order, a row of 2 + T numbers: the section, the block holding the strongest evidence (-1: the
 * heading or the start of the body), then per term `count * 2 + (1 if any occurrence is in the heading)`, 0 when none.
 */
export type NoteEvidence = readonly number[];

/** Numbers per row of a query with `terms` terms. */
export const rowLength = (terms: number): number => 2 + terms;

/** The row of section `s` (its offset in `evidence`), -1 when the section holds no evidence. */
export function evidenceRow(evidence: NoteEvidence, terms: number, s: number): number {
  const stride = rowLength(terms);
  let lo = 0;
  let hi = evidence.length / stride - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = evidence[mid * stride];
    if (at === s) return mid * stride;
    if (at < s) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Occurrences of one term counted per section at most this often (a dense note stays linear). */
const MAX_OCCURRENCES = 400;

// Per note version (a NoteFile is replaced when its note changes) and query: the evidence found in it.
const evidenceCache = new WeakMap<NoteFile, Map<string, NoteEvidence>>();
/**
 * A note read for a query and holding no evidence for it: one shared array, never written (issue 16: most candidate
 * notes of a ranking hold none, and an empty map per note and query was ~30,000 maps, ~5 MB, at 10k notes).
 */
const NO_EVIDENCE: NoteEvidence = Object.freeze([]);

/** The evidence cached for `note` and the query with `key` (for tests). */
export function cachedEvidence(note: NoteFile, key: string): NoteEvidence | undefined {
  return evidenceCache.get(note)?.get(key);
}

export type TermFilter = (uri: string) => boolean;

// Scratch, reused by every call (evidenceIn runs to its end without yielding): per (section, term) the packed count,
// per section the call that last touched it, per block (numbered across the note) the weight of evidence in it.
let counts = new Int32Array(256);
let touchedBy = new Int32Array(64);
let blockWeights = new Float64Array(256);
let call = 0;
/** Scratch entries kept between calls at most (larger is dropped after the call). */
const SCRATCH_KEPT = 1 << 16;
const views = new SectionViews();

/** Where the query's terms occur in a note, per section (cached per note version and query). */
export function evidenceIn(note: NoteFile, query: NoteQuery, filterOf: (term: number) => TermFilter | undefined = () => undefined): NoteEvidence {
  const cached = evidenceCache.get(note)?.get(query.key);
  if (cached) return cached;
  // A note none of whose terms can occur (the full-text index says so) is not read at all: a lazy note stays lazy.
  // Nothing is cached for it either: asking the filters again costs less than a map per note and query.
  const termCount = query.exact.length + query.related.length + (query.place?.length ?? 0);
  let any = false;
  for (let t = 0; t < termCount && !any; t++) {
    const filter = filterOf(t);
    any = !filter || filter(note.uri);
  }
  if (!any) return NO_EVIDENCE;
  let perNote = evidenceCache.get(note);
  if (!perNote) evidenceCache.set(note, (perNote = new Map()));
  const text = note.text;
  const view = views.of(note);
  if (resize(counts.length, view.count * termCount)) counts = new Int32Array(view.count * termCount * 2);
  if (resize(touchedBy.length, view.count)) touchedBy = new Int32Array(view.count * 2);
  if (call === 0x3fffffff) {
    call = 0;
    touchedBy.fill(0);
  }
  const stamp = ++call;
  const touched: number[] = [];
  let weighed = false;
  let termIndex = 0;
  const tally = (terms: readonly QueryTerm[], kind: 'exact' | 'related') => {
    for (const term of terms) {
      const t = termIndex++;
      const filter = filterOf(t);
      if (filter && !filter(note.uri)) continue;
      const weight = term.weight * (kind === 'exact' ? 2 : 1);
      let from = 0;
      for (let n = 0; n < MAX_OCCURRENCES; n++) {
        const at = text.indexOf(term.text, from);
        if (at < 0) break;
        from = at + term.text.length;
        if (!atBoundary(text, at, from)) continue;
        const section = sectionIndexAt(view, at);
        if (section < 0) continue;
        const inHeading = at < view.headingEnd(section);
        if (!inHeading && at >= view.bodyEnd(section)) continue;
        if (touchedBy[section] !== stamp) {
          touchedBy[section] = stamp;
          touched.push(section);
          counts.fill(0, section * termCount, (section + 1) * termCount);
        }
        counts[section * termCount + t] = (counts[section * termCount + t] + 2) | (inHeading ? 1 : 0);
        if (!inHeading) {
          const b = blockIndexAt(view, section, at);
          if (b >= 0) {
            if (!weighed) {
              // Block weights start at 0 for this note (added in the same order as before: term by term, in text order).
              weighed = true;
              if (resize(blockWeights.length, view.blockTotal)) blockWeights = new Float64Array(view.blockTotal * 2);
              blockWeights.fill(0, 0, view.blockTotal);
            }
            blockWeights[view.blockId(section, b)] += weight;
          }
        }
      }
    }
  };
  tally(query.exact, 'exact');
  tally(query.related, 'related');
  tally(query.place ?? [], 'related');
  if (!touched.length) {
    perNote.set(query.key, NO_EVIDENCE);
    return NO_EVIDENCE;
  }
  touched.sort((a, b) => a - b);
  const found: number[] = [];
  for (const s of touched) {
    // The strongest block: the highest weight, the first of equal ones (-1: evidence only in the heading).
    let best = -1;
    let bestWeight = 0;
    if (weighed) {
      for (let b = 0, blocks = view.blockCount(s); b < blocks; b++) {
        const w = blockWeights[view.blockId(s, b)];
        if (w > bestWeight) {
          best = b;
          bestWeight = w;
        }
      }
    }
    found.push(s, best);
    for (let t = 0; t < termCount; t++) found.push(counts[s * termCount + t]);
  }
  perNote.set(query.key, found);
  return found;
}

/** Whether scratch of `length` entries must be replaced for `need`: too short, or grown for a far larger note (a note
 * with thousands of sections does not leave megabytes of scratch for the rest of the session). */
const resize = (length: number, need: number) => length < need || length > Math.max(SCRATCH_KEPT, need * 4);

const WORD = /[A-Za-z0-9_]/;

/** An ASCII term must not start or end inside an identifier ("Queue" is not evidence inside "QueueUrl"). */
function atBoundary(text: string, start: number, end: number): boolean {
  if (WORD.test(text[start]) && start > 0 && WORD.test(text[start - 1])) return false;
  if (WORD.test(text[end - 1]) && end < text.length && WORD.test(text[end])) return false;
  return true;
}

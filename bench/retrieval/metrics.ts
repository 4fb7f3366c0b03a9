// Retrieval metrics over judged sections. Pure functions of (ranked keys, shown entries, judgments).
//
// Definitions (grades: 2 = the section a knowledgeable reader wants first, 1 = useful, 0 = not judged relevant):
// - P@1: the first ranked section is relevant (grade >= 1).
// - hit@3: a grade-2 section is among the first three ranked.
// - nDCG@3: DCG with gain = grade and discount log2(rank + 1), over the ideal ordering of the judgments.
// - MRR: 1 / rank of the first grade-2 section in the whole ranked list (0 when absent).
// - noise@3: share of shown entries (the top three a user sees) whose section has grade 0.
// - empty excerpt: share of shown entries with no excerpt text.
// - excerpt holds the passage: for shown grade-2 sections, the excerpt shares a normalised non-trivial line or
//   phrase with the judged passage.
// Queries without judgments ("the notes have nothing") count only in noise@3 and empty excerpts.

export interface RankedEntry {
  /** Section key `file:headingLine`. */
  key: string;
  /** Excerpt text shown for it (may be empty). */
  excerpt: string;
}

export interface QueryOutcome {
  /** Every ranked section, best first (duplicates removed). */
  ranked: string[];
  /** What the user sees: up to three entries with their excerpts. */
  shown: RankedEntry[];
}

export type Grades = ReadonlyMap<string, number>;

export function precisionAt1(ranked: readonly string[], grades: Grades): number {
  return ranked.length > 0 && (grades.get(ranked[0]) ?? 0) >= 1 ? 1 : 0;
}

export function hitAt3(ranked: readonly string[], grades: Grades): number {
  return ranked.slice(0, 3).some((k) => grades.get(k) === 2) ? 1 : 0;
}

function dcg(gains: readonly number[], k: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(k, gains.length); i++) sum += gains[i] / Math.log2(i + 2);
  return sum;
}

export function ndcgAt(ranked: readonly string[], grades: Grades, k = 3): number {
  const ideal = dcg([...grades.values()].filter((g) => g > 0).sort((a, b) => b - a), k);
  if (ideal === 0) return 0;
  return dcg(ranked.map((key) => grades.get(key) ?? 0), k) / ideal;
}

export function reciprocalRank(ranked: readonly string[], grades: Grades): number {
  const i = ranked.findIndex((k) => grades.get(k) === 2);
  return i < 0 ? 0 : 1 / (i + 1);
}

const TRIVIAL_CHARS = 6;

/** NFKC, lower-case, Markdown punctuation, escapes and all spaces removed (markup moves spaces around). */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\\(.)/g, '$1')
    .replace(/[*_`>#|~\-•…\s]+/g, '');
}

/** Non-trivial phrases of an excerpt: its lines, cut at ellipses and sentence ends, each normalised. */
export function phrasesOf(excerpt: string): string[] {
  return excerpt
    .split(/\r?\n|…|。/)
    .map(normalizeForMatch)
    .filter((p) => [...p].length >= TRIVIAL_CHARS);
}

export function excerptHoldsPassage(excerpt: string, passage: string): boolean {
  const target = normalizeForMatch(passage);
  return phrasesOf(excerpt).some((p) => target.includes(p));
}

export interface Judged {
  grades: Grades;
  /** Passage text per grade-2 key. */
  passages: ReadonlyMap<string, string>;
}

export interface Tally {
  queries: number;
  judgedQueries: number;
  p1: number;
  hit3: number;
  ndcg3: number;
  mrr: number;
  shown: number;
  noise: number;
  empty: number;
  grade2Shown: number;
  holds: number;
  /** Queries where entries are shown but the ranked list (Go to Definition) is empty. */
  shownWithoutRanked: number;
  /** Queries where the shown entries are not the head of the ranked list (hover and Definition disagree). */
  disagree: number;
}

export function emptyTally(): Tally {
  return { queries: 0, judgedQueries: 0, p1: 0, hit3: 0, ndcg3: 0, mrr: 0, shown: 0, noise: 0, empty: 0, grade2Shown: 0, holds: 0, shownWithoutRanked: 0, disagree: 0 };
}

export function addOutcome(tally: Tally, outcome: QueryOutcome, judged: Judged): void {
  tally.queries++;
  const { ranked, shown } = outcome;
  if ([...judged.grades.values()].some((g) => g > 0)) {
    tally.judgedQueries++;
    tally.p1 += precisionAt1(ranked, judged.grades);
    tally.hit3 += hitAt3(ranked, judged.grades);
    tally.ndcg3 += ndcgAt(ranked, judged.grades, 3);
    tally.mrr += reciprocalRank(ranked, judged.grades);
  }
  if (shown.length > 0 && ranked.length === 0) tally.shownWithoutRanked++;
  if (shown.some((e, i) => ranked[i] !== e.key)) tally.disagree++;
  for (const entry of shown.slice(0, 3)) {
    tally.shown++;
    const grade = judged.grades.get(entry.key) ?? 0;
    if (grade === 0) tally.noise++;
    if (!entry.excerpt.trim()) tally.empty++;
    if (grade === 2) {
      tally.grade2Shown++;
      if (excerptHoldsPassage(entry.excerpt, judged.passages.get(entry.key) ?? '')) tally.holds++;
    }
  }
}

export interface Summary {
  queries: number;
  judged: number;
  p1: number;
  hit3: number;
  ndcg3: number;
  mrr: number;
  noise3: number;
  emptyExcerpt: number;
  holdsPassage: number;
  shownWithoutRanked: number;
  disagree: number;
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);

export function summarize(t: Tally): Summary {
  return {
    queries: t.queries,
    judged: t.judgedQueries,
    p1: ratio(t.p1, t.judgedQueries),
    hit3: ratio(t.hit3, t.judgedQueries),
    ndcg3: ratio(t.ndcg3, t.judgedQueries),
    mrr: ratio(t.mrr, t.judgedQueries),
    noise3: ratio(t.noise, t.shown),
    emptyExcerpt: ratio(t.empty, t.shown),
    holdsPassage: ratio(t.holds, t.grade2Shown),
    shownWithoutRanked: t.shownWithoutRanked,
    disagree: t.disagree,
  };
}

/** Removes repeated keys, keeping the first (best) position. */
export function dedupe(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}

// Two reference rankers the product must beat, over the same sections the product's parser makes:
// (a) BM25 over sections; (b) sections that contain the exact identifier first (case-insensitive), then BM25.
// Tokens: NFKC + lower-case; ASCII words and their camelCase / snake / kebab parts; CJK character bigrams.
import type { SeedNote, SeedSet } from './seeds';
import { lineOf, sectionKey } from './seeds';
import type { RankedEntry } from './metrics';

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u30fc]/;

/** Splits an ASCII word into camelCase / snake / kebab parts ("ReceiveMessageWaitTimeSeconds" -> receive, message, ...). */
function parts(word: string): string[] {
  return word
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-]+/)
    .filter(Boolean)
    .map((p) => p.toLowerCase());
}

export function tokenize(text: string): string[] {
  const folded = text.normalize('NFKC');
  const tokens: string[] = [];
  for (const m of folded.matchAll(/[A-Za-z0-9][A-Za-z0-9_\-]*|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u30fc]+/g)) {
    const run = m[0];
    if (CJK.test(run[0])) {
      if (run.length === 1) tokens.push(run);
      for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
      continue;
    }
    const word = run.replace(/[_\-]+$/, '');
    const lower = word.toLowerCase();
    tokens.push(lower);
    const ps = parts(word);
    if (ps.length > 1) for (const p of ps) if (p !== lower) tokens.push(p);
  }
  return tokens;
}

interface Doc {
  seed: SeedNote;
  section: number;
  key: string;
  text: string;
  lower: string;
  tf: Map<string, number>;
  length: number;
}

export interface Bm25Options {
  k1: number;
  b: number;
}

export class SectionCorpus {
  readonly docs: Doc[] = [];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number;

  constructor(seeds: SeedSet, private readonly options: Bm25Options = { k1: 1.2, b: 0.75 }) {
    for (const seed of seeds.notes) {
      for (const section of seed.note.sections) {
        const text = seed.text.slice(section.headingStart, section.bodyEnd);
        const tokens = tokenize(text);
        if (section.level === 0 && tokens.length === 0) continue;
        const tf = new Map<string, number>();
        for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
        for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
        this.docs.push({ seed, section: section.index, key: sectionKey(seed, section), text, lower: text.normalize('NFKC').toLowerCase(), tf, length: tokens.length });
      }
    }
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
  }

  /** BM25 scores (> 0 only), best first; ties in document order. */
  bm25(query: string): { doc: Doc; score: number }[] {
    const terms = [...new Set(tokenize(query))];
    const n = this.docs.length;
    const { k1, b } = this.options;
    const scored: { doc: Doc; score: number; order: number }[] = [];
    this.docs.forEach((doc, order) => {
      let score = 0;
      for (const t of terms) {
        const f = doc.tf.get(t);
        if (!f) continue;
        const df = this.df.get(t) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * doc.length) / this.avgLength));
      }
      if (score > 0) scored.push({ doc, score, order });
    });
    return scored.sort((x, y) => y.score - x.score || x.order - y.order);
  }
}

/** The section's first non-empty body lines: what a plain search result shows. */
function firstLines(doc: Doc, count = 3): string {
  const section = doc.seed.note.sections[doc.section];
  const body = doc.seed.text.slice(section.headingEnd, section.bodyEnd);
  return body
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, count)
    .join('\n');
}

/** The line of the section that holds the term (case-insensitive), or its first lines. */
function lineHolding(doc: Doc, term: string): string {
  const i = doc.lower.indexOf(term.normalize('NFKC').toLowerCase());
  if (i < 0) return firstLines(doc);
  const section = doc.seed.note.sections[doc.section];
  // doc.lower is NFKC of the text: lengths may differ, so find the line by counting newlines before the match.
  const lineInDoc = doc.lower.slice(0, i).split('\n').length - 1;
  const line = lineOf(doc.seed.lineStarts, section.headingStart) + lineInDoc;
  const start = doc.seed.lineStarts[line];
  const end = doc.seed.lineStarts[line + 1] ?? doc.seed.text.length;
  return doc.seed.text.slice(start, end).trim();
}

export function bm25Ranking(corpus: SectionCorpus, term: string): RankedEntry[] {
  return corpus.bm25(term).map(({ doc }) => ({ key: doc.key, excerpt: firstLines(doc) }));
}

export function exactFirstRanking(corpus: SectionCorpus, term: string): RankedEntry[] {
  const needle = term.normalize('NFKC').toLowerCase();
  const ranked = corpus.bm25(term);
  const exact = needle ? corpus.docs.filter((d) => d.lower.includes(needle)) : [];
  const scoreOf = new Map(ranked.map((r) => [r.doc, r.score]));
  // Exact sections ordered by their BM25 score (then document order), then every other BM25 section.
  const exactSorted = exact
    .map((doc, order) => ({ doc, order, score: scoreOf.get(doc) ?? 0 }))
    .sort((x, y) => y.score - x.score || x.order - y.order)
    .map((x) => x.doc);
  const exactSet = new Set(exactSorted);
  return [
    ...exactSorted.map((doc) => ({ key: doc.key, excerpt: lineHolding(doc, term) })),
    ...ranked.filter((r) => !exactSet.has(r.doc)).map(({ doc }) => ({ key: doc.key, excerpt: firstLines(doc) })),
  ];
}

// The judged query set (queries.json): loading, the tune/held split, and the checker that keeps judgments honest
// (every judged line is a heading line of that seed; one grade-2 section per judged query, with its reason).
import * as fs from 'node:fs';
import { passageText, sectionWithHeadingAt, type SeedSet } from './seeds';
import type { Judged } from './metrics';

export const CATEGORIES = ['service-name', 'cfn-type', 'tf-type', 'iam-action', 'arn', 'principal', 'sdk', 'property'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Split = 'tune' | 'held';

export interface Judgment {
  file: string;
  /** 1-based line of the section's heading in the seed. */
  line: number;
  grade: 1 | 2;
  reason?: string;
  /** 1-based inclusive line range of the passage a good excerpt shows; default: the whole section. */
  passage?: [number, number];
}

export interface Query {
  id: string;
  category: Category;
  languageId: string;
  /** A small realistic file with the cursor marker; lines joined with \n when given as an array. */
  text: string | string[];
  /** The identifier under the cursor, for the baselines; default: the token at the cursor. */
  term?: string;
  split: Split;
  judgments: Judgment[];
  note?: string;
}

export const CURSOR_MARKERS = ['$0', '‸'];

export function loadQueries(file: string): Query[] {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { queries: Query[] }).queries;
}

export function sourceOf(query: Query): string {
  return Array.isArray(query.text) ? query.text.join('\n') : query.text;
}

/** The file text without its cursor marker, and the cursor offset. */
export function withCursor(query: Query): { text: string; offset: number } {
  const source = sourceOf(query);
  for (const marker of CURSOR_MARKERS) {
    const offset = source.indexOf(marker);
    if (offset >= 0) return { text: source.slice(0, offset) + source.slice(offset + marker.length), offset };
  }
  throw new Error(`query ${query.id} has no cursor marker`);
}

/** The identifier at the cursor as a plain tool would take it: the non-space, non-quote run around it. */
export function termOf(query: Query): string {
  if (query.term) return query.term;
  const { text, offset } = withCursor(query);
  const isPart = (c: string | undefined) => !!c && !/[\s"'`,()[\]{}<>=;]/.test(c);
  let start = offset;
  let end = offset;
  while (isPart(text[start - 1])) start--;
  while (isPart(text[end])) end++;
  let term = text.slice(start, end).replace(/^[:!]+|[:.]+$/g, '');
  // A dotted code path (client.receive_message) is the segment under the cursor; a host name stays whole.
  if (term.includes('.') && !/amazonaws\.com$/.test(term)) {
    let from = 0;
    for (const piece of term.split('.')) {
      if (offset - start <= from + piece.length) return piece;
      from += piece.length + 1;
    }
  }
  return term;
}

/** FNV-1a, so the split does not depend on the order queries are written in. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Per category, ordered by hash of the id: every fourth query is held out (a quarter, balanced per category). */
export function assignSplits(queries: readonly Pick<Query, 'id' | 'category'>[]): Map<string, Split> {
  const splits = new Map<string, Split>();
  for (const category of CATEGORIES) {
    const ids = queries.filter((q) => q.category === category).map((q) => q.id);
    ids.sort((a, b) => hash(a) - hash(b) || (a < b ? -1 : 1));
    ids.forEach((id, i) => splits.set(id, i % 4 === 3 ? 'held' : 'tune'));
  }
  return splits;
}

/** Problems with the query set; empty when it is sound. Seeds are needed to check heading lines. */
export function checkQueries(queries: readonly Query[], seeds?: SeedSet): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const splits = assignSplits(queries);
  for (const q of queries) {
    const at = `query ${q.id}`;
    if (ids.has(q.id)) problems.push(`${at}: duplicate id`);
    ids.add(q.id);
    if (!CATEGORIES.includes(q.category)) problems.push(`${at}: unknown category ${q.category}`);
    if (q.split !== splits.get(q.id)) problems.push(`${at}: split is ${q.split}, the deterministic assignment says ${splits.get(q.id)}`);
    const source = sourceOf(q);
    const markers = CURSOR_MARKERS.reduce((n, m) => n + source.split(m).length - 1, 0);
    if (markers !== 1) problems.push(`${at}: ${markers} cursor markers (want exactly one)`);
    const twos = q.judgments.filter((j) => j.grade === 2);
    if (q.judgments.length > 0 && twos.length !== 1) problems.push(`${at}: ${twos.length} grade-2 judgments (want exactly one)`);
    const seen = new Set<string>();
    for (const j of q.judgments) {
      const where = `${at}: ${j.file}:${j.line}`;
      if (j.grade !== 1 && j.grade !== 2) problems.push(`${where}: grade ${j.grade}`);
      if (j.grade === 2 && !j.reason?.trim()) problems.push(`${where}: grade 2 without a reason`);
      if (seen.has(`${j.file}:${j.line}`)) problems.push(`${where}: judged twice`);
      seen.add(`${j.file}:${j.line}`);
      if (!seeds) continue;
      const seed = seeds.byFile.get(j.file);
      if (!seed) {
        problems.push(`${where}: no such seed`);
        continue;
      }
      const section = sectionWithHeadingAt(seed, j.line);
      if (!section || section.level === 0) {
        problems.push(`${where}: not a heading line (${JSON.stringify(seed.text.split('\n')[j.line - 1] ?? '')})`);
        continue;
      }
      if (j.passage) {
        const [from, to] = j.passage;
        const first = j.line;
        const last = seed.text.slice(0, section.end).split('\n').length;
        if (!(first <= from && from <= to && to <= last)) problems.push(`${where}: passage ${from}-${to} outside the section (${first}-${last})`);
      }
    }
  }
  return problems;
}

/** Grades and grade-2 passages of a query, keyed like the rankers' sections (`file:line`). */
export function judgedOf(query: Query, seeds: SeedSet): Judged {
  const grades = new Map<string, number>();
  const passages = new Map<string, string>();
  for (const j of query.judgments) {
    const key = `${j.file}:${j.line}`;
    grades.set(key, j.grade);
    const seed = seeds.byFile.get(j.file);
    const section = seed && sectionWithHeadingAt(seed, j.line);
    if (j.grade === 2 && seed && section) passages.set(key, passageText(seed, section, j.passage));
  }
  return { grades, passages };
}

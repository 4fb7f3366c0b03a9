// Note sections for one query (the identifier under the cursor), best first: the one ranking behind the hover,
// Go to Definition, CodeLens counts, the explorer and the CLI. Exact evidence (the identifier, its equivalents)
// weighs most; the words of the identifier in English and Japanese next; the service's own ranking (how much a
// section is about the service, also through its parent heading) orders the rest and fills the slots nothing
// else claims. Body evidence beats a heading that only names the service.
import { monotonicNow } from '../clock';
import type { NoteFile, Section } from '../syntax/markdown/noteModel';
import type { NoteQuery, QueryTerm } from './noteQuery';
import { BULK_RERANK_MS, type NotesIndex, SectionViews } from './notesIndex';
import { compareHits, type SectionHit } from './ranking';
import { evidenceIn, evidenceRow, rowLength, type NoteEvidence, type TermFilter } from './queryEvidence';
import { firstChildWithBodyIndex, ObjectSectionView, type SectionView } from './sectionView';
import { sortInSteps } from './sortInSteps';

/** A ranked section; the excerpt may come from a sub-section when the section itself has no body (a container). */
export interface QueryHit extends SectionHit {
  /** Whether the section holds evidence for the identifier (false: it fills a slot as a section about the service). */
  evidence?: boolean;
}

/** A query's terms, with their kinds, in the order of evidence rows (queryEvidence.ts). */
type Term = QueryTerm & { kind: 'exact' | 'related' | 'place' };

/** A service hit's score this high counts as fully about the service (or the service's best score, if higher). */
const SERVICE_FULL = 24;
const WEIGHT = { exact: 3, related: 1, service: 4, parentService: 2, coService: 1.5 };
/** Evidence this strong (any exact term, or a rare phrase of the identifier) puts a section in the first tier. */
const EVIDENCE_TIER = 2;
const EVIDENCE_BONUS = 10;
/** Related evidence this strong picks the passage shown. */
const PASSAGE_RELATED = 0.5;
/** What the excerpt of a section's opening shows (see excerpt.ts defaults). */
const OPENING_BLOCKS = 4;
const OPENING_CHARS = 420;
/** A section with only weak evidence and no tie to the service is not shown. */
const MIN_UNTIED_SCORE = 2.5;
/** A parent this much about the service ties its sub-sections to the identifier's place. */
const PLACE_PARENT_MIN = 0.5;


/** While crawling, a stale ranking is kept this many times as long as the last re-ranking took. */
export const BULK_RERANK_SHARE = 9;
/**
 * While crawling, a ranking runs in the request for at most this long; the rest runs in the crawl's idle slices
 * (`NotesIndex.backgroundWork`), and the request is answered from what is ranked already (issue 16: hovers never
 * wait for indexing).
 */
export const BULK_RANK_BUDGET_MS = 4;

/** A ranking in progress (resumable): the index version it started at. */
interface RankJob {
  query: NoteQuery;
  version: number;
  /** Started while crawling: it may read a service ranking up to BULK_RERANK_MS old, so it is never final. */
  bulk: boolean;
  steps: Generator<void, QueryHit[]>;
  /** Time it ran so far (in requests and idle slices, on the index's clock): what BULK_RERANK_SHARE multiplies. */
  spent: number;
}

export class QueryRanker {
  private readonly cache = new Map<string, { query: NoteQuery; version: number; at: number; hits: QueryHit[] }>();
  /** During a crawl: no stale query is re-ranked before this time (issue 16, see rank). */
  private quietUntil = 0;
  /** Rankings started during a crawl and not finished within a request's budget. */
  private readonly jobs = new Map<string, RankJob>();
  /** How long a request may rank while the crawl runs (tests set 0: one step). */
  budgetMs = BULK_RANK_BUDGET_MS;
  /** The clock the budget runs on: the real one (the index's clock is the tests' to move); tests inject theirs. */
  budgetClock: () => number = monotonicNow;
  /** Told of each ranking finished in idle time (the hover layer prepares its passages then, not in the next hover). */
  onRankedInBackground: ((hits: QueryHit[]) => void) | undefined;

  constructor(private readonly index: NotesIndex) {
    index.onBackgroundWork((shouldStop, settle) => this.work(shouldStop, settle));
  }

  rank(query: NoteQuery): QueryHit[] {
    // A service name alone is the index's own cached ranking: nothing to keep here (it would crowd out the rest).
    if (!query.exact.length && !query.related.length && !query.place?.length && !query.coServices.length) return rankForQuery(this.index, query);
    const cached = this.cache.get(query.key);
    const now = this.index.clock();
    if (cached && cached.version === this.index.version) return cached.hits;
    if (!this.index.inBulk) {
      // Outside a crawl the answer is exact: a ranking left unfinished by the crawl is finished (or restarted) here.
      const job = this.jobs.get(query.key);
      this.jobs.delete(query.key);
      const hits = job && !job.bulk && job.version === this.index.version ? finish(job.steps) : rankForQuery(this.index, query);
      this.store(query, this.index.version, now, hits);
      return hits;
    }
    // While the crawl runs the version moves with every note: re-rank at most every BULK_RERANK_MS.
    // Issue 16: at 10k notes one ranking costs tens of ms, so re-ranking every hovered identifier every 250 ms took
    // a third of the crawl's main thread (profile: rankForQuery, tally, evidenceIn); after each re-ranking, stale
    // answers are kept for BULK_RERANK_SHARE times as long as it took (rankings ≤ ~10 % of the thread while crawling).
    if (cached && (now - cached.at < BULK_RERANK_MS || now < this.quietUntil)) return cached.hits;
    // A ranking runs here for BULK_RANK_BUDGET_MS at most; what it has not done by then continues in the crawl's
    // idle slices, and the request gets the last ranking, or (the first time) the service's own sections.
    let job = this.jobs.get(query.key);
    if (!job) this.jobs.set(query.key, (job = { query, version: this.index.version, bulk: true, steps: rankSteps(this.index, query), spent: 0 }));
    const hits = this.advance(job, budget(this.budgetMs, this.budgetClock), now);
    const after = this.index.clock();
    job.spent += after - now;
    // The whole ranking's time counts, also what ran in idle slices (see work): counting only this request's
    // slice (≤ BULK_RANK_BUDGET_MS) let every hovered identifier be re-ranked every BULK_RERANK_MS, a quarter of
    // the crawl's main-thread CPU at 10k notes (issue 16 profile: rankSteps while the worker crawled).
    this.quietUntil = Math.max(this.quietUntil, after + BULK_RERANK_SHARE * (hits ? job.spent : after - now));
    if (hits) return hits;
    return cached?.hits ?? (query.evidenceOnly || !query.serviceId ? [] : this.index.hitsForService(query.serviceId));
  }

  /** Advances a job until `shouldStop`; its hits (also cached) when it finished. */
  private advance(job: RankJob, shouldStop: () => boolean, at?: number): QueryHit[] | undefined {
    for (let step = job.steps.next(); ; step = job.steps.next()) {
      if (step.done) {
        this.jobs.delete(job.query.key);
        this.store(job.query, job.version, at ?? this.index.clock(), step.value);
        return step.value;
      }
      if (shouldStop()) return undefined;
    }
  }

  /**
   * The crawl's idle slices: unfinished rankings go on. With `settle` (the crawl is over: the index serves exact
   * service rankings again) every stale ranking is redone from scratch, so the first request after the crawl finds
   * it fresh and exact; requests meanwhile still get bounded answers. True while work is left.
   */
  private work(shouldStop: () => boolean, settle: boolean): boolean {
    if (settle) {
      for (const [key, job] of this.jobs) if (job.bulk || job.version !== this.index.version) this.jobs.delete(key);
      for (const [key, cached] of this.cache) {
        if (cached.version !== this.index.version && !this.jobs.has(key)) {
          this.jobs.set(key, { query: cached.query, version: this.index.version, bulk: false, steps: rankSteps(this.index, cached.query), spent: 0 });
        }
      }
    }
    // While crawling, idle-time ranking keeps the share a request's ranking keeps (BULK_RERANK_SHARE): unpaced, the
    // hovered identifiers were re-ranked over the growing index back to back, the largest part of the request
    // thread's time during the crawl (10k notes: 4.1 s of rankings against 1.4 s of applying the worker's results),
    // and its garbage made most of the minor GC pauses requests waited behind. Nothing to do now: false.
    const paced = !settle && this.index.inBulk;
    const start = this.index.clock();
    if (paced && start < this.quietUntil) return false;
    try {
      for (const job of [...this.jobs.values()]) {
        const jobStart = this.index.clock();
        const hits = this.advance(job, shouldStop);
        if (hits) this.onRankedInBackground?.(hits);
        const jobEnd = this.index.clock();
        job.spent += jobEnd - jobStart;
        if (!hits) return true;
        // A finished ranking is kept for the share of its whole time, requests' slices and idle slices alike.
        if (job.bulk) this.quietUntil = Math.max(this.quietUntil, jobEnd + BULK_RERANK_SHARE * job.spent);
      }
      return this.jobs.size > 0;
    } finally {
      const end = this.index.clock();
      if (paced && end > start) this.quietUntil = Math.max(this.quietUntil, end + BULK_RERANK_SHARE * (end - start));
    }
  }

  private store(query: NoteQuery, version: number, at: number, hits: QueryHit[]): void {
    const key = query.key;
    if (this.cache.size >= 64 && !this.cache.has(key)) this.cache.delete(this.cache.keys().next().value!);
    // The query is kept with its ranking: the crawl's end redoes stale ones from it.
    this.cache.set(key, { query, version, at, hits });
  }
}

/** Runs a resumable ranking to its end. */
function finish(steps: Generator<void, QueryHit[]>): QueryHit[] {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A deadline `ms` from now on `clock`. */
function budget(ms: number, clock: () => number): () => boolean {
  const end = clock() + ms;
  return () => clock() > end;
}

function rankForQuery(index: NotesIndex, query: NoteQuery): QueryHit[] {
  return finish(rankSteps(index, query, false));
}

/** The ranking, yielding between notes (resumable in slices while the crawl runs). */
function* rankSteps(index: NotesIndex, query: NoteQuery, inSteps = true): Generator<void, QueryHit[]> {
  const serviceHits = query.serviceId ? index.hitsForService(query.serviceId) : [];
  // Service relevance relative to the service's best section (the chapter about it scores 1).
  const serviceFull = Math.max(SERVICE_FULL, serviceHits[0]?.score ?? 0);
  const coSections = new Map<string, Set<number>>();
  let visited = 0;
  for (const co of query.coServices) {
    for (const hit of index.hitsForService(co)) {
      const set = coSections.get(hit.uri);
      if (set) set.add(hit.section);
      else coSections.set(hit.uri, new Set([hit.section]));
      if ((++visited & 2047) === 0) yield;
    }
  }
  const terms: Term[] = [
    ...query.exact.map((t) => ({ ...t, kind: 'exact' as const })),
    ...query.related.map((t) => ({ ...t, kind: 'related' as const })),
    ...(query.place ?? []).map((t) => ({ ...t, kind: 'place' as const })),
  ];
  const stride = rowLength(terms.length);
  // A service name alone: the service's own ranking as it is (incremental and cached; containers get their
  // excerpt when rendered). No copy, no sort: this is every service-name hover, also during a burst of changes.
  if (!terms.length && !query.coServices.length) return query.evidenceOnly ? [] : serviceHits;

  const hitsByUri = new Map<string, SectionHit[]>();
  for (let k = 0; k < serviceHits.length; k++) {
    const hit = serviceHits[k];
    const list = hitsByUri.get(hit.uri);
    if (list) list.push(hit);
    else hitsByUri.set(hit.uri, [hit]);
    if ((k & 2047) === 2047) yield; // a service's hits can be tens of thousands
  }
  const notes: NoteFile[] = [];
  if (query.serviceId) {
    for (const uri of hitsByUri.keys()) {
      const note = index.get(uri);
      if (note) notes.push(note);
    }
  } else if (terms.length) for (const note of index.files()) notes.push(note);

  // How rare each term is among the candidate sections: サイズ in many sections says less than バージョニング in one.
  // Per candidate note (in `notes` order): its evidence.
  const evidence: NoteEvidence[] = [];
  const df = new Array<number>(terms.length).fill(0);
  let sectionCount = 0;
  // The full-text index says which notes can hold a term at all: the exact scan reads only those (a 10,000-note
  // first hover was ~300 ms of `includes` over every candidate note's text for every term).
  // Asked lazily: only a note whose evidence is not cached yet needs them.
  const filters: (TermFilter | undefined)[] = [];
  const asked: boolean[] = [];
  const filterOf = (t: number) => {
    if (!asked[t]) [asked[t], filters[t]] = [true, index.text.mayContain(terms[t].text)];
    return filters[t];
  };
  for (const note of notes) {
    if (!terms.length) continue;
    sectionCount += index.sectionCountOf(note);
    const found = evidenceIn(note, query, filterOf);
    evidence.push(found);
    for (let row = 0; row < found.length; row += stride) for (let t = 0; t < terms.length; t++) if (found[row + 2 + t]) df[t]++;
    yield;
  }
  const idf = df.map((d) => (d ? Math.log(1 + sectionCount / d) / Math.log(1 + sectionCount) : 0));
  // A row's terms in term order (the order their weights were always summed in: the same scores to the last bit),
  // into one object reused for every section.
  const w = { exact: 0, related: 0, place: 0 };
  const weigh = (found: NoteEvidence | undefined, row: number) => {
    let exact = 0;
    let related = 0;
    let place = 0;
    for (let t = 0; row >= 0 && t < terms.length; t++) {
      const c = found![row + 2 + t];
      if (!c) continue;
      const term = terms[t];
      const v = term.weight * (1 + Math.log2(Math.min(c >> 1, 8)) / 2) * (c & 1 ? 1.5 : 1);
      if (term.kind === 'exact') exact += v;
      else if (term.kind === 'related') related += v * idf[t];
      else place += v * idf[t];
    }
    w.exact = exact;
    w.related = related;
    w.place = place;
  };

  const out: QueryHit[] = [];
  // Per section of the note being scored: its service hit, and the note's number when it was considered. Filled and
  // cleared within one note's step (a Map and a Set per candidate note were much of a ranking's garbage, issue 16).
  const hitAt: (SectionHit | undefined)[] = [];
  const consideredIn: number[] = [];
  let noteNumber = 0;
  const views = new SectionViews();
  for (let n = 0; n < notes.length; n++) {
    const note = notes[n];
    const found = evidence[n] as NoteEvidence | undefined;
    // Positions only, from the worker's columns when the note has them: no Section objects built (sectionView.ts).
    const view = views.of(note);
    // Dense up to the note's section count (an index far past the end would turn the arrays into dictionaries).
    while (consideredIn.length < view.count) {
      consideredIn.push(0);
      hitAt.push(undefined);
    }
    const serviceList = hitsByUri.get(note.uri);
    if (serviceList) for (const hit of serviceList) hitAt[hit.section] = hit;
    const co = coSections.get(note.uri);
    const number = ++noteNumber;
    const consider = (s: number) => {
      if (consideredIn[s] === number) return;
      consideredIn[s] = number;
      const row = found ? evidenceRow(found, terms.length, s) : -1;
      weigh(found, row);
      if (query.evidenceOnly && w.exact + w.related + w.place === 0) return;
      const hit = scoreSection(note.uri, view, s, row >= 0 ? found![row + 1] : undefined, w.exact, w.related, w.place, hitAt, co, serviceFull);
      if (hit) out.push(hit);
    };
    // (The order sections are considered in does not matter: compareHits orders hits completely.)
    if (found) for (let row = 0; row < found.length; row += stride) consider(found[row]);
    if (serviceList) {
      for (const hit of serviceList) consider(hit.section);
      for (const hit of serviceList) hitAt[hit.section] = undefined;
    }
    yield;
  }
  // In steps (a ranking left to idle slices): the same stable sort, bounded (sortInSteps.ts).
  return inSteps ? yield* sortInSteps(out, compareHits) : out.sort(compareHits);
}

function scoreSection(
  uri: string,
  view: SectionView,
  s: number,
  /** The block holding the section's strongest evidence (-1: its heading or opening), undefined: no evidence. */
  evidenceBlock: number | undefined,
  exact: number,
  related: number,
  place: number,
  /** The service's hits of this note by section. */
  hitAt: readonly (SectionHit | undefined)[],
  coSections: Set<number> | undefined,
  serviceFull: number,
): QueryHit | undefined {
  const serviceHit = hitAt[s];
  if (!serviceHit && evidenceBlock === undefined) return undefined;
  const service = serviceHit ? Math.min(1, serviceHit.score / serviceFull) : 0;
  let parentService = 0;
  let co = coSections?.has(s) ?? false;
  for (let p = view.parent(s); p >= 0; p = view.parent(p)) {
    const parentHit = hitAt[p];
    if (parentHit) parentService = Math.max(parentService, Math.min(1, parentHit.score / serviceFull));
    if (coSections?.has(p)) co = true;
  }
  const tied = service > 0 || parentService > 0 || exact > 0;
  // A container heading (no body of its own: a note's title) is weaker evidence than a passage.
  // The identifier's place (the actions beside it) counts only where the section is itself tied to it: its own
  // service relevance or exact evidence, or a parent mostly about the service (not a chapter that mentions it once).
  const placed = service > 0 || exact > 0 || parentService >= PLACE_PARENT_MIN ? place : 0;
  const blockCount = view.blockCount(s);
  const found = (WEIGHT.exact * exact + WEIGHT.related * related + WEIGHT.related * placed) * (blockCount === 0 ? 0.5 : 1);
  if (!tied && found < MIN_UNTIED_SCORE) return undefined;
  // Sections with evidence for this identifier come first; the service's general sections fill the rest.
  const tier = found >= EVIDENCE_TIER ? EVIDENCE_BONUS : 0;
  // The parent's relevance stands in for a section's own when that is weaker (a passage under a service's chapter);
  // it never adds to it (a two-line `### SQS` under `## SQS と SNS` does not outrank the SQS chapter).
  const serviceScore = Math.max(WEIGHT.service * service, WEIGHT.parentService * parentService);
  const score = tier + found + serviceScore + (co ? WEIGHT.coService : 0);

  let block = -1;
  let anchor = view.headingStart(s);
  // The passage follows exact evidence or a rare phrase of the identifier (可視性タイムアウト); a common word alone
  // (キュー) does not move it off the opening of a section about the service.
  // (A word the opening excerpt already shows leaves the heading as the target.)
  if (evidenceBlock !== undefined && exact > 0) block = evidenceBlock;
  else if (evidenceBlock !== undefined && related + placed >= PASSAGE_RELATED && !inOpening(view, s, evidenceBlock)) block = evidenceBlock;
  else if (serviceHit) block = serviceHit.block;
  else if (evidenceBlock !== undefined) block = evidenceBlock;
  if (block > 0) anchor = view.blockStart(s, block);
  // A heading with no body of its own (a container) is shown by its first sub-section; with none, not at all.
  if (blockCount === 0 && firstChildWithBodyIndex(view, s) < 0) return undefined;
  return { uri, section: s, score, about: serviceHit?.about ?? exact > 0, anchor, block, evidence: tier > 0 };
}

/** Whether block `b` of section `s` is in what the excerpt of the section's opening shows (-1: the heading). */
function inOpening(view: SectionView, s: number, b: number): boolean {
  return b < OPENING_BLOCKS && (b < 0 || view.blockEnd(s, b) - view.headingEnd(s) <= OPENING_CHARS);
}

/** Where a hit's excerpt is cut: its own section from the hit's block, or for a heading with no body of its own (a
 * container) the opening of its first sub-section that has one. Hover and CLI show the same passage. */
export function passageOf(note: NoteFile, hit: SectionHit): { section: Section; block: number } {
  const sections = note.sections;
  const own = sections[hit.section];
  // The same stand-in the ranking checked for (firstChildWithBodyIndex), over the built sections.
  const child = own.blocks.length === 0 ? firstChildWithBodyIndex(passageView.of(sections), hit.section) : -1;
  return child >= 0 ? { section: sections[child], block: -1 } : { section: own, block: hit.block };
}

const passageView = new ObjectSectionView();

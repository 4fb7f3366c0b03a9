// npm run eval:retrieval [-- --split tune|held|all] [--only TEXT] [--json] [--verbose] [--write-splits]
// Measures note retrieval on the judged query set against the real seed notes (read from $AWS_NOTES_SEEDS or
// ../shared/seeds; skipped when absent): the product (Go to Definition order + hover entries) and two baselines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bm25Ranking, exactFirstRanking, SectionCorpus } from './baselines';
import { addOutcome, dedupe, emptyTally, summarize, type QueryOutcome, type RankedEntry, type Summary, type Tally } from './metrics';
import { createProduct } from './product';
import { assignSplits, CATEGORIES, checkQueries, judgedOf, loadQueries, termOf, withCursor, type Query } from './queries';
import { loadSeeds, seedsDir } from './seeds';

const repoRoot = path.resolve(__dirname, '..', '..');
const queriesFile = path.join(__dirname, 'queries.json');
const SYSTEMS = ['product', 'bm25', 'exact-first'] as const;
type System = (typeof SYSTEMS)[number];

function parseArgs(argv: string[]) {
  const args = { split: 'all' as 'tune' | 'held' | 'all', json: false, verbose: false, writeSplits: false, only: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--verbose') args.verbose = true;
    else if (a === '--write-splits') args.writeSplits = true;
    else if (a === '--only' || a.startsWith('--only=')) args.only = a.includes('=') ? a.slice(7) : (argv[++i] ?? '');
    else if (a === '--split' || a.startsWith('--split=')) {
      const v = a.includes('=') ? a.slice(8) : argv[++i];
      if (v !== 'tune' && v !== 'held' && v !== 'all') throw new Error(`--split must be tune, held or all (got ${v})`);
      args.split = v;
    } else throw new Error(`unknown option ${a}`);
  }
  return args;
}

/** queries.json with one text line / one judgment per line: reviewable diffs. */
export function formatQueries(queries: Query[]): string {
  const out = ['{', '  "queries": ['];
  queries.forEach((q, qi) => {
    const lines: string[] = [];
    const { text, judgments, ...head } = q;
    lines.push(`    {`);
    for (const [k, v] of Object.entries(head)) lines.push(`      ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
    const textLines = Array.isArray(text) ? text : text.split('\n');
    lines.push(`      "text": [`);
    textLines.forEach((l, i) => lines.push(`        ${JSON.stringify(l)}${i < textLines.length - 1 ? ',' : ''}`));
    lines.push(`      ],`);
    lines.push(`      "judgments": [`);
    judgments.forEach((j, i) => lines.push(`        ${JSON.stringify(j)}${i < judgments.length - 1 ? ',' : ''}`));
    lines.push(`      ]`);
    lines.push(`    }${qi < queries.length - 1 ? ',' : ''}`);
    out.push(...lines);
  });
  out.push('  ]', '}', '');
  return out.join('\n');
}

const fmt = (n: number) => (Number.isNaN(n) ? '  -  ' : n.toFixed(3));
const pct = (n: number) => (Number.isNaN(n) ? '  -  ' : `${(n * 100).toFixed(1)}%`.padStart(6));

function table(title: string, rows: [string, Summary][]): string {
  const head = ['group'.padEnd(16), '  n', ' P@1 ', 'hit@3', 'nDCG3', ' MRR ', 'noise3', ' empty', ' holds'];
  const lines = [title, head.join(' | ')];
  for (const [name, s] of rows) {
    lines.push([name.padEnd(16), String(s.judged).padStart(3), fmt(s.p1), fmt(s.hit3), fmt(s.ndcg3), fmt(s.mrr), pct(s.noise3), pct(s.emptyExcerpt), pct(s.holdsPassage)].join(' | '));
  }
  return lines.join('\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const queries = loadQueries(queriesFile);
  if (args.writeSplits) {
    const splits = assignSplits(queries);
    for (const q of queries) q.split = splits.get(q.id)!;
    fs.writeFileSync(queriesFile, formatQueries(queries));
    process.stdout.write(`wrote splits for ${queries.length} queries\n`);
    return;
  }
  const dir = seedsDir(repoRoot);
  if (!dir) {
    const tried = path.resolve(repoRoot, process.env.AWS_NOTES_SEEDS || path.join('..', 'shared', 'seeds'));
    process.stdout.write(`eval:retrieval skipped: no seed notes at ${tried} (set AWS_NOTES_SEEDS to the folder of seed notes)\n`);
    return;
  }
  const seeds = loadSeeds(dir);
  const problems = checkQueries(queries, seeds);
  if (problems.length) {
    process.stderr.write(`queries.json has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  // --only: queries whose id or category contains the text (while tuning one family of identifiers).
  const selected = queries.filter((q) => (args.split === 'all' || q.split === args.split) && (!args.only || q.id.includes(args.only) || q.category.includes(args.only)));
  const product = createProduct(seeds, repoRoot);
  const corpus = new SectionCorpus(seeds);

  // Tallies per system and group (category, identifier, overall, and overall per split).
  const tallies = new Map<string, Tally>();
  const tally = (system: System, group: string) => {
    const key = `${system}\0${group}`;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = emptyTally()));
    return t;
  };
  const verbose: string[] = [];
  const unparsed: string[] = [];
  const perQuery: unknown[] = [];

  for (const q of selected) {
    const judged = judgedOf(q, seeds);
    const { text, offset } = withCursor(q);
    const term = termOf(q);
    const p = product.run({ id: q.id, languageId: q.languageId, text, offset });
    if (p.unparsed) unparsed.push(q.id);
    const fromList = (list: RankedEntry[]): QueryOutcome => ({ ranked: dedupe(list.map((e) => e.key)), shown: list.slice(0, 3) });
    const outcomes: Record<System, QueryOutcome> = {
      product: p,
      bm25: fromList(bm25Ranking(corpus, term)),
      'exact-first': fromList(exactFirstRanking(corpus, term)),
    };
    for (const system of SYSTEMS) {
      const groups = [q.category, 'overall', `overall·${q.split}`];
      if (q.category !== 'service-name') groups.push('identifiers', `identifiers·${q.split}`);
      for (const g of groups) addOutcome(tally(system, g), outcomes[system], judged);
    }
    const best = q.judgments.find((j) => j.grade === 2);
    const bestKey = best ? `${best.file}:${best.line}` : undefined;
    const rankOfBest = bestKey ? p.ranked.indexOf(bestKey) + 1 : 0;
    perQuery.push({ id: q.id, category: q.category, split: q.split, term, best: bestKey, productRankOfBest: rankOfBest, productTop3: p.ranked.slice(0, 3), shown: p.shown.map((e) => e.key) });
    if (args.verbose) {
      const label = (key: string) => {
        const [file, line] = key.split(/:(?=\d+$)/);
        const seed = seeds.byFile.get(file)!;
        const heading = (seed.text.split('\n')[Number(line) - 1] ?? '(preamble)').slice(0, 60);
        return `[${judged.grades.get(key) ?? 0}] ${file.slice(0, 3)}:${line} ${heading}`;
      };
      verbose.push(`${q.id} (${q.category}, ${q.split}) term=${JSON.stringify(term)} best=${bestKey ?? 'none'} rank=${rankOfBest || '-'} of ${p.ranked.length}`);
      for (const e of p.shown) verbose.push(`    shown ${label(e.key)}${e.excerpt ? '' : '  (no excerpt)'}`);
      if (p.shown.length === 0) verbose.push('    shown: nothing');
      const top = p.ranked.slice(0, 3).map(label).join('\n    def   ');
      if (top) verbose.push(`    def   ${top}`);
    }
  }

  const groups = [...CATEGORIES, 'identifiers', 'overall', 'overall·tune', 'overall·held', 'identifiers·tune', 'identifiers·held'];
  const results: Record<string, Record<string, Summary>> = {};
  for (const system of SYSTEMS) {
    results[system] = {};
    for (const g of groups) {
      const t = tallies.get(`${system}\0${g}`);
      if (t) results[system][g] = summarize(t);
    }
  }
  if (unparsed.length) {
    process.stderr.write(`warning: the hover links note sections but bench/retrieval/product.ts read no entry in ${unparsed.length} queries (${unparsed.slice(0, 5).join(', ')}…): update its hover parser\n`);
  }
  if (args.json) {
    process.stdout.write(JSON.stringify({ split: args.split, queries: selected.length, results, perQuery }, null, 2) + '\n');
    return;
  }
  if (args.verbose) process.stdout.write(verbose.join('\n') + '\n\n');
  const out: string[] = [`retrieval eval: ${selected.length} queries (split ${args.split}), seeds ${dir}`, ''];
  for (const system of SYSTEMS) {
    out.push(table(`== ${system}`, groups.filter((g) => results[system][g]).map((g) => [g, results[system][g]])), '');
  }
  const all = results.product.overall;
  if (all) {
    out.push(`product: hover shows notes but Go to Definition lists none in ${all.shownWithoutRanked} of ${all.queries} queries; hover top entries differ from Definition's head in ${all.disagree}.`, '');
  }
  out.push('nDCG@3 by group: product / bm25 / exact-first');
  for (const g of groups) {
    if (!results.product[g]) continue;
    out.push(`  ${g.padEnd(16)} ${SYSTEMS.map((s) => fmt(results[s][g].ndcg3)).join(' / ')}`);
  }
  out.push('', 'P@1 = top section relevant (grade>=1); hit@3 = grade-2 section in top 3; MRR over the grade-2 section;');
  out.push('noise3/empty/holds are shares of shown entries (top 3): grade 0, no excerpt, grade-2 excerpt holds the judged passage.');
  process.stdout.write(out.join('\n') + '\n');
}

main();

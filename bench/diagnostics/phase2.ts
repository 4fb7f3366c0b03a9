// Phase 2 of the cold crawl, alone (issue 16): what the scan worker's `indexInWorker` does for every note (full
// scan, packed sections, mentions, per-service ranking), over whole corpora, with the CPU time of each step and a
// digest of every output, so that an optimisation shows both its gain and that nothing it returns changed.
//   npx tsx bench/diagnostics/phase2.ts [--corpus DIR]... [--passes 5]
// Without --corpus: bench/.corpus/seeds-10000 and synthetic-10000 (generated with the bench's writeCorpus when
// missing). DIR may be any folder of .md files (the seeds, copied to a temp folder). CPU is process CPU (user +
// system, GC threads included), per step the median of `passes` passes after one warm-up pass; the digest (of the
// warm-up pass) also covers scanIdentities over each whole note in both modes, the hover's recogniser.
// The script bundles itself with esbuild (as scripts/build.mjs bundles the worker: tsx's keepNames wrappers cost
// a few % in the hot loops) to bench/.tmp/phase2.cjs and runs that; PHASE2_NODE_ARGS passes flags (--cpu-prof) to node.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { writeCorpus } from '../corpus.mjs';
import { createRecognizer, type Identity, type Recognizer, scanIdentities } from '../../server/src/core/recognize/identities';
import { findMentionColumns, MentionColumns } from '../../server/src/core/notes/noteMentions';
import { rankMentions, type PackedHits } from '../../server/src/core/notes/notesIndex';
import { packSections, type PackedSections } from '../../server/src/core/notes/packedSections';
import { parseNote } from '../../server/src/core/syntax/markdown/parseNote';
import { loadAwsData } from '../../server/src/node/dataLoader';
import { readNoteSync } from '../../server/src/node/noteReader';
import { toUri } from '../../server/src/node/uris';
import { markdownFiles } from './markdownFiles';

const root = path.resolve(__dirname, '../..');
const STEPS = ['parse', 'pack', 'mentions', 'ranking'] as const;


const cpuMicros = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

interface Outputs {
  sections: PackedSections;
  mentions: MentionColumns;
  hits: PackedHits;
}

/**
 * One pass over every note, each step over a batch of notes at a time (process.cpuUsage costs µs: around each step
 * of each note it was ~6 % of a pass; all notes at once kept them all alive, and GC cost more than in the worker):
 * CPU µs per step; `each` gets every note's outputs.
 */
function pass(recognizer: Recognizer, notes: { uri: string; text: string }[], each?: (k: number, out: Outputs) => void): number[] {
  const spent = [0, 0, 0, 0];
  for (let from = 0; from < notes.length; from += BATCH) {
    const batch = notes.slice(from, from + BATCH);
    const t0 = cpuMicros();
    const parsed = batch.map(({ uri, text }) => parseNote(uri, text));
    const t1 = cpuMicros();
    const sections = parsed.map((note) => packSections(note.sections, note.codeRanges, note.text));
    const t2 = cpuMicros();
    const mentions = parsed.map((note) => findMentionColumns(recognizer, note, new MentionColumns()));
    const t3 = cpuMicros();
    const hits = parsed.map((note, k) => rankMentions(note, mentions[k]));
    const t4 = cpuMicros();
    spent[0] += t1 - t0;
    spent[1] += t2 - t1;
    spent[2] += t3 - t2;
    spent[3] += t4 - t3;
    if (each) for (let k = 0; k < batch.length; k++) each(from + k, { sections: sections[k], mentions: mentions[k], hits: hits[k] });
  }
  return spent;
}

/** Notes per batch (the crawl's worker posts 64 at a time). */
const BATCH = 64;

/** A stable serialisation of everything phase 2 returns (numbers of typed arrays as they are). */
function feed(hash: crypto.Hash, out: Outputs): void {
  const s = out.sections;
  hash.update(JSON.stringify([s.headings, s.slugs, s.codeLangs, s.codeValues]));
  for (const a of [s.ints, s.blocks, s.codeInts, s.codeValueAt, s.codeRanges]) hash.update(`|${Array.from(a).join(',')}`);
  for (let k = 0; k < out.mentions.length; k++) {
    const m = out.mentions.mention(k);
    hash.update(`|${m.serviceId},${m.kind},${m.start},${m.end},${m.section},${m.block},${+m.inHeading},${+m.inCode}`);
  }
  hash.update(`|${out.hits.services.join(',')}|`);
  hash.update(new Uint8Array(out.hits.data.buffer, out.hits.data.byteOffset, out.hits.data.byteLength));
  hash.update(new Uint8Array(out.hits.scores.buffer, out.hits.scores.byteOffset, out.hits.scores.byteLength));
}

function feedIdentities(hash: crypto.Hash, identities: Identity[]): void {
  for (const i of identities) {
    hash.update(`|${i.kind},${i.start},${i.end},${i.text},${i.serviceId},${i.boto3Resource ?? ''},${i.feature ? `${i.feature.name}:${i.feature.terms.join('/')}` : ''}`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

function main(): void {
  const args = process.argv.slice(2);
  const corpora: string[] = [];
  let passes = 5;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--corpus') corpora.push(path.resolve(args[++i]));
    else if (args[i] === '--passes') passes = Number(args[++i]);
    else throw new Error(`unknown argument ${args[i]}`);
  }
  if (corpora.length === 0) {
    for (const profile of ['seeds', 'synthetic'] as const) {
      const dir = path.join(root, 'bench/.corpus', `${profile}-10000`);
      writeCorpus(dir, 10000, 42, profile);
      corpora.push(dir);
    }
  }
  const recognizer = createRecognizer(loadAwsData(path.join(root, 'data')));
  for (const dir of corpora) {
    const notes = markdownFiles(dir).flatMap((file) => {
      const read = readNoteSync(file, 64 * 1024 * 1024);
      return read.ok ? [{ uri: toUri(file), text: read.text }] : [];
    });
    const chars = notes.reduce((n, { text }) => n + text.length, 0);
    const digest = crypto.createHash('sha256');
    const identityDigest = crypto.createHash('sha256');
    let mentionCount = 0;
    let hitCount = 0;
    pass(recognizer, notes, (k, out) => {
      feed(digest, out);
      mentionCount += out.mentions.length;
      hitCount += out.hits.scores.length;
      feedIdentities(identityDigest, scanIdentities(recognizer, notes[k].text, 'prose'));
      feedIdentities(identityDigest, scanIdentities(recognizer, notes[k].text, 'code'));
    });
    const perStep: number[][] = STEPS.map(() => []);
    const totals: number[] = [];
    for (let p = 0; p < passes; p++) {
      const spent = pass(recognizer, notes);
      totals.push(spent.reduce((a, b) => a + b));
      spent.forEach((us, i) => perStep[i].push(us));
    }
    const ms = (us: number) => (us / 1000).toFixed(0).padStart(6);
    console.log(`${path.relative(process.cwd(), dir) || dir}: ${notes.length} notes, ${(chars / 1e6).toFixed(1)} M chars, ${mentionCount} mentions, ${hitCount} hits`);
    console.log(`  CPU ms (median of ${passes}):${STEPS.map((step, i) => ` ${step} ${ms(median(perStep[i]))}`).join(',')}, total ${ms(median(totals))}`);
    console.log(`  per pass (total):${totals.map((us) => ms(us)).join('')}`);
    console.log(`  digest ${digest.digest('hex').slice(0, 16)}  identities ${identityDigest.digest('hex').slice(0, 16)}`);
  }
}

/** Under tsx: bundle this file like the worker's bundle and run that. */
function relaunch(): void {
  const out = path.join(root, 'bench/.tmp/phase2.cjs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  buildSync({ entryPoints: [__filename], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', absWorkingDir: root, external: ['esbuild'] });
  const nodeArgs = (process.env.PHASE2_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const run = spawnSync(process.execPath, [...nodeArgs, out, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, PHASE2_BUNDLED: '1' } });
  process.exitCode = run.status ?? 1;
}

if (process.env.PHASE2_BUNDLED) main();
else relaunch();

// The large differential run: fast scanner vs remark on N generated notes (default 5000) plus the hand cases, and
// the heading pre-scan ("headings first") vs the full scan (parseNote) on the same texts: headings, levels, positions.
// Run: npx tsx bench/differential.ts [--notes N] [--seed S] [--profile seeds|synthetic|both]
import { PROFILES } from './corpus.mjs';
import { parseNoteRemark } from '../server/src/core/syntax/markdown/parseNote';
import { fastScanNote, preScanHeadings } from '../server/src/core/syntax/markdown/fastScan';
import { headingPositions } from '../server/src/core/notes/notesIndex';
import { parseNote } from '../server/src/core/syntax/markdown/parseNote';
import { TRICKY } from '../test/unit/core/syntax/markdown/trickyNotes';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const N = opt('--notes', 5000);
const seed = opt('--seed', 42);
let same = 0;
let fell = 0;
let diff = 0;
let preSame = 0;
let preDeclined = 0;
let preDiff = 0;
const profile = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : 'both';
const generators = profile === 'both' ? [PROFILES.seeds, PROFILES.synthetic] : [PROFILES[profile as 'seeds' | 'synthetic']];
const texts = [...TRICKY, ...generators.flatMap((generate) => Array.from({ length: N }, (_, i) => generate(i, seed)))];
for (const [i, text] of texts.entries()) {
  const pre = preScanHeadings(text);
  if (!pre) preDeclined++;
  else {
    const full = parseNote('file:///x/n.md', text);
    const expected = JSON.stringify([full.sections.map((s) => s.heading), full.sections.map((s) => s.level), [...headingPositions(full)]]);
    if (JSON.stringify([pre.headings, pre.levels, [...pre.positions]]) === expected) preSame++;
    else {
      preDiff++;
      console.error(`PRE-SCAN DIFF in text #${i}: ${JSON.stringify(text.slice(0, 120))}`);
    }
  }
  const fast = fastScanNote('file:///x/n.md', text);
  if (!fast) {
    fell++;
    continue;
  }
  if (JSON.stringify(fast) === JSON.stringify(parseNoteRemark('file:///x/n.md', text))) same++;
  else {
    diff++;
    console.error(`DIFF in text #${i}: ${JSON.stringify(text.slice(0, 120))}`);
  }
}
console.log(JSON.stringify({ texts: texts.length, same, fallback: fell, diff, preScan: { same: preSame, declined: preDeclined, diff: preDiff } }));
process.exit(diff || preDiff ? 1 : 0);

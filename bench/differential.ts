// The large differential run: fast scanner vs remark on N generated notes (default 5000) plus the hand cases.
// Run: npx tsx bench/differential.ts [--notes N] [--seed S]
import { generateNote } from './corpus.mjs';
import { parseNoteRemark } from '../server/src/core/notes/parseNote';
import { fastScanNote } from '../server/src/core/notes/fastScan';
import { TRICKY } from '../test/unit/notes/trickyNotes';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const N = opt('--notes', 5000);
const seed = opt('--seed', 42);
let same = 0;
let fell = 0;
let diff = 0;
const texts = [...TRICKY, ...Array.from({ length: N }, (_, i) => generateNote(i, seed))];
for (const [i, text] of texts.entries()) {
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
console.log(JSON.stringify({ texts: texts.length, same, fallback: fell, diff }));
process.exit(diff ? 1 : 0);

// Pre-scan decline rate of a corpus on disk (issue 16: reported beside every timing), and how many notes the fast
// full scan leaves to remark (phase 2 cost). Run: npx tsx bench/declines.ts DIR → one JSON line on stdout.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fastScanNote, preScanHeadings } from '../server/src/core/syntax/markdown/fastScan';

const dir = process.argv[2];
const files: string[] = [];
const stack = [dir];
while (stack.length) {
  const d = stack.pop()!;
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) stack.push(p);
    else if (e.name.endsWith('.md')) files.push(p);
  }
}
let declined = 0;
let remark = 0;
let sections = 0;
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const pre = preScanHeadings(text);
  if (!pre) declined++;
  else sections += pre.headings.length;
  if (!fastScanNote('file:///n.md', text)) remark++;
}
console.log(JSON.stringify({ notes: files.length, declined, declinedPct: (100 * declined) / files.length, fullScanToRemark: remark, preScannedSections: sections }));

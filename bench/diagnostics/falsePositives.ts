// Diagnostics on valid templates (issue 15): every diagnostic on a template that CloudFormation/SAM would accept is
// a false positive. Runs the CloudFormation and Terraform providers over the convert corpus
// (bench/convert/corpus/templates), the test fixtures and the examples, and prints the rate per template and per
// resource with the codes found.   npx tsx bench/diagnostics/falsePositives.ts [--list]
import fs from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCloudFormationProvider } from '../../server/src/core/cfn/features/provider';
import type { CoreContext } from '../../server/src/core/context';
import { terraformProvider } from '../../server/src/core/terraform/provider';
import { loadAwsData } from '../../server/src/node/dataLoader';

const root = path.resolve(__dirname, '../..');
const notes = {
  forService: () => ({ key: '', exact: [], related: [], coServices: [] }),
  forIdentity: () => ({ key: '', exact: [], related: [], coServices: [] }),
  forTerm: () => ({ key: '', exact: [], related: [], coServices: [] }),
  sections: () => [], sectionCount: () => 0, notesMarkdown: () => '', codeBlocks: () => [],
} as unknown as CoreContext['notes'];
const ctx: CoreContext = { data: loadAwsData(), notes, locale: 'en' };
const cfn = createCloudFormationProvider();

const files: string[] = [];
const walk = (dir: string) => {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.(ya?ml|json|tf)$/.test(entry.name)) files.push(full);
  }
};
for (const dir of ['bench/convert/corpus/templates', 'test/fixtures/templates', 'test/fixtures/workspace', 'examples/workspace']) walk(path.join(root, dir));

let templates = 0;
let flagged = 0;
let resources = 0;
let diagnostics = 0;
const byCode = new Map<string, number>();
const list: string[] = [];
for (const file of files.sort()) {
  const text = fs.readFileSync(file, 'utf8');
  const tf = file.endsWith('.tf');
  const languageId = tf ? 'terraform' : file.endsWith('.json') ? 'json' : 'yaml';
  const document = TextDocument.create(`file://${file}`, languageId, 1, text);
  const found = (tf ? terraformProvider : cfn).diagnostics!(document, ctx);
  if (!found) continue; // not a template
  templates++;
  resources += tf ? (text.match(/^(resource|data) "/gm) ?? []).length : (text.match(/^\s*"?Type"?\s*:\s*"?(AWS|Alexa)::/gm) ?? []).length;
  if (found.length) flagged++;
  diagnostics += found.length;
  for (const d of found) {
    byCode.set(String(d.code), (byCode.get(String(d.code)) ?? 0) + 1);
    list.push(`${path.relative(root, file)}:${d.range.start.line + 1} ${d.code} ${d.message}`);
  }
}
const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)} %`;
console.log(`valid templates: ${templates} (${resources} resources); with any diagnostic: ${flagged} (${pct(flagged, templates)}); diagnostics: ${diagnostics} (${pct(diagnostics, resources)} of resources)`);
for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) console.log(`  ${code}: ${n}`);
if (process.argv.includes('--list')) for (const line of list) console.log(line);

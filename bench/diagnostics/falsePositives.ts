// Diagnostics on valid templates (issue 15): every diagnostic on a template that CloudFormation/SAM would accept is
// a false positive. Runs the CloudFormation and Terraform providers over the convert corpus
// (bench/convert/corpus/templates), the test fixtures, the examples and the bundled snippets, and prints the rate per template and per
// resource with the codes found. `--mutations` then misspells one nested key per YAML template (below a
// non-SAM resource's Properties) and counts how often that key is reported.
//   npx tsx bench/diagnostics/falsePositives.ts [--list] [--mutations]
import fs from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCloudFormationProvider } from '../../server/src/core/features/cloudformation/provider';
import type { CoreContext } from '../../server/src/core/context';
import { terraformProvider } from '../../server/src/core/features/terraform/provider';
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

/** The bundled snippets, placeholders filled with their defaults (first choice, default text, or `x`). */
const snippets: { name: string; text: string; languageId: string }[] = [];
for (const [file, languageId] of [['cloudformation-yaml.json', 'yaml'], ['cloudformation-json.json', 'json'], ['terraform.json', 'terraform']] as const) {
  const table = JSON.parse(fs.readFileSync(path.join(root, 'snippets', file), 'utf8')) as Record<string, { body: string[] | string }>;
  for (const [name, snippet] of Object.entries(table)) {
    let text = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
    // Mirrors (`$1` after `${1|true,false|}`) take the placeholder's default, as the editor does.
    const defaults = new Map<string, string>();
    for (let i = 0; i < 4; i++) {
      text = text
        .replace(/\$\{(\d+)\|([^,|]*)[^|]*\|\}/g, (_, n: string, v: string) => (defaults.set(n, v), v))
        .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n: string, v: string) => (defaults.set(n, v), v));
    }
    text = text.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => defaults.get(a ?? b ?? '') ?? 'x');
    snippets.push({ name: `snippets/${file} › ${name}`, text: text.replace(/\\([$}\\])/g, '$1'), languageId });
  }
}

let templates = 0;
let tfFiles = 0;
let flagged = 0;
let resources = 0;
let diagnostics = 0;
const byCode = new Map<string, number>();
const list: string[] = [];
const inputs = [
  ...files.sort().map((file) => ({ name: path.relative(root, file), text: fs.readFileSync(file, 'utf8'), languageId: file.endsWith('.tf') ? 'terraform' : file.endsWith('.json') ? 'json' : 'yaml' })),
  ...snippets,
];
for (const { name: file, text, languageId } of inputs) {
  const tf = languageId === 'terraform';
  const document = TextDocument.create(`file:///bench/${tf ? 'main.tf' : languageId === 'json' ? 'template.json' : 'template.yaml'}`, languageId, 1, text);
  const found = (tf ? terraformProvider : cfn).diagnostics!(document, ctx);
  if (!found) continue; // not a template
  templates++;
  if (tf) tfFiles++;
  resources += tf ? (text.match(/^(resource|data) "/gm) ?? []).length : (text.match(/^\s*"?Type"?\s*:\s*"?(AWS|Alexa)::/gm) ?? []).length;
  if (found.length) flagged++;
  diagnostics += found.length;
  for (const d of found) {
    byCode.set(String(d.code), (byCode.get(String(d.code)) ?? 0) + 1);
    list.push(`${file}:${d.range.start.line + 1} ${d.code} ${d.message}`);
  }
}
const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)} %`;
console.log(`valid templates: ${templates}, ${tfFiles} of them Terraform (${resources} resources); with any diagnostic: ${flagged} (${pct(flagged, templates)}); diagnostics: ${diagnostics} (${pct(diagnostics, resources)} of resources)`);
for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1])) console.log(`  ${code}: ${n}`);
if (process.argv.includes('--list')) for (const line of list) console.log(line);

if (process.argv.includes('--mutations')) {
  let tried = 0;
  let caught = 0;
  for (const { name, text, languageId } of inputs) {
    if (languageId !== 'yaml') continue;
    const lines = text.split('\n');
    // The first key at least two levels under `Properties:` of a resource whose type is not SAM's.
    let type = '';
    let propsIndent = -1;
    let target = -1;
    for (let i = 0; i < lines.length && target < 0; i++) {
      const t = /^\s+Type:\s*['"]?([\w:]+)/.exec(lines[i]);
      if (t) type = t[1];
      const props = /^(\s+)Properties:\s*$/.exec(lines[i]);
      if (props) propsIndent = props[1].length;
      const key = /^(\s+)(?:- )?([A-Z][A-Za-z0-9]+):/.exec(lines[i]);
      if (key && propsIndent >= 0 && key[1].length >= propsIndent + 4 && /^AWS::/.test(type) && !type.startsWith('AWS::Serverless::')) target = i;
    }
    if (target < 0) continue;
    const mutated = [...lines];
    mutated[target] = mutated[target].replace(/([A-Z][A-Za-z0-9]+):/, '$1Xx:');
    const document = TextDocument.create('file:///bench/mutated.yaml', 'yaml', 1, mutated.join('\n'));
    const found = cfn.diagnostics!(document, ctx) ?? [];
    tried++;
    if (found.some((d) => d.code === 'cfn-unknown-property' && d.range.start.line === target)) caught++;
    else if (process.argv.includes('--list')) console.log(`missed: ${name}:${target + 1} ${mutated[target].trim()}`);
  }
  console.log(`misspelt nested keys reported: ${caught} of ${tried} (${pct(caught, tried)})`);
}

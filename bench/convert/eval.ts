// npm run eval:convert [-- --json] [--no-terraform] [--only TEXT] [--verbose] [--corpus DIR]
// Converts every corpus template with the product's converter (the entry `aws-notes convert` uses), then judges the
// output: HashiCorp's HCL parser (@cdktf/hcl2json) must accept it; every resource block is checked against
// data/tf-types.mpl.json (check.ts); where `terraform` and a hashicorp/aws mirror exist, `terraform validate -json`
// is a second oracle, with errors explained by provider version skew (data vs mirror) counted apart.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTemplate } from '../../server/src/core/syntax/template';
import { convertToTerraform } from '../../server/src/core/convert';
import { snakeCase } from '../../server/src/core/convert/naming';
import { loadAwsData } from '../../server/src/node/dataLoader';
import { attribute, isNoEquivalentTodo, RESERVED_VARIABLES, resourceAt, scanHcl, todoCause, validateResource, type HclFile, type Outcome, type ResourceOutcome, type SchemaIssue, type TfSchemaData } from './check';
import { stubArchiveFiles, terraformAvailable, validateAll, type TfDiag, type TfItem } from './terraform';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse: hclParse } = require('@cdktf/hcl2json') as { parse: (file: string, hcl: string) => Promise<unknown> };

const repoRoot = path.resolve(__dirname, '..', '..');

export interface TemplateResult {
  file: string;
  sam: boolean;
  parses: boolean;
  parseError?: string;
  resources: ResourceOutcome[];
  unattributed: string[];
  blocks: number;
  validBlocks: number;
  schemaIssues: SchemaIssue[];
  reservedVariables: string[];
  terraform?: { errors: TfDiag[]; skew: TfDiag[] };
  ms: number;
}

export async function evaluateTemplate(file: string, text: string, data: ReturnType<typeof loadAwsData>, schema: TfSchemaData) {
  const format = /\.json$/i.test(file) || /^\s*\{/.test(text) ? 'json' : 'yaml';
  const template = parseTemplate(text, format);
  const t0 = performance.now();
  const { hcl } = convertToTerraform(text, format, data);
  const ms = performance.now() - t0;
  const resources = template.resources.map((r) => ({ id: r.id, type: r.type ?? '' }));
  const judged = await judgeHcl(file, hcl, resources, schema);
  judged.res.ms = ms;
  judged.res.sam = /AWS::Serverless/.test(text);
  return { ...judged, hcl };
}

/** Everything the eval says about one converted file, given the template's resources (the same path for tests). */
export async function judgeHcl(file: string, hcl: string, resources: { id: string; type: string }[], schema: TfSchemaData) {
  const res: TemplateResult = { file, sam: false, parses: true, resources: [], unattributed: [], blocks: 0, validBlocks: 0, schemaIssues: [], reservedVariables: [], ms: 0 };
  try {
    await hclParse('main.tf', hcl);
  } catch (e) {
    res.parses = false;
    res.parseError = String((e as Error).message ?? e).split('\n')[0].slice(0, 300);
  }
  let scanned: HclFile;
  try {
    scanned = scanHcl(hcl);
  } catch (e) {
    res.parses = false;
    res.parseError ??= `scanner: ${(e as Error).message}`;
    scanned = { blocks: [], comments: [] };
  }
  const { outcomes, unattributed } = attribute(resources, scanned, snakeCase);
  res.resources = outcomes;
  res.unattributed = unattributed;
  for (const b of scanned.blocks.filter((x) => x.type === 'resource')) {
    res.blocks++;
    const issues = validateResource(b, schema);
    if (issues.length === 0) res.validBlocks++;
    res.schemaIssues.push(...issues);
  }
  markInvalid(res, res.schemaIssues.map((i) => i.resource));
  res.reservedVariables = scanned.blocks.filter((b) => b.type === 'variable' && RESERVED_VARIABLES.has(b.labels[0])).map((b) => b.labels[0]);
  const requiredVariables = scanned.blocks.filter((b) => b.type === 'variable' && !b.attrs.some((a) => a.name === 'default')).map((b) => b.labels[0]);
  return { res, requiredVariables, scanned };
}

/**
 * The Terraform schema: data/schema/tf/*.mpl.json (nested blocks, min/max, attribute types) when present, else the
 * top-level data/tf-types.mpl.json.
 */
export function loadSchema(): { schema: TfSchemaData; source: string } {
  const dir = path.join(repoRoot, 'data', 'schema', 'tf');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.mpl.json') && f !== 'index.mpl.json') : [];
  if (files.length) {
    const schema: TfSchemaData = { resources: {}, dataSources: {} };
    for (const f of files) {
      const part = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Partial<TfSchemaData>;
      if (part.resources && !Array.isArray(part.resources)) Object.assign(schema.resources, part.resources);
      if (part.dataSources && !Array.isArray(part.dataSources)) Object.assign(schema.dataSources!, part.dataSources);
    }
    // Types only the top-level file has still count as known.
    const flat = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'tf-types.mpl.json'), 'utf8')) as TfSchemaData;
    for (const [k, v] of Object.entries(flat.resources)) schema.resources[k] ??= v;
    for (const [k, v] of Object.entries(flat.dataSources ?? {})) schema.dataSources![k] ??= v;
    return { schema, source: `data/schema/tf (${files.length} files: nested blocks, attribute types)` };
  }
  return { schema: JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'tf-types.mpl.json'), 'utf8')) as TfSchemaData, source: 'data/tf-types.mpl.json (top level only)' };
}

/**
 * The files a converted template reads with file()/templatefile() under path.module, from the corpus's project
 * folder (what sits next to the template in a SAM project, e.g. statemachine/*.asl.json). A file the project
 * lacks stays missing, and terraform validate reports it.
 */
export function projectFiles(hcl: string, projectDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of hcl.matchAll(/\b(?:templatefile|file)\("\$\{path\.module\}\/([^"$]+)"/g)) {
    const full = path.join(projectDir, m[1]);
    if (full.startsWith(projectDir + path.sep) && fs.existsSync(full)) files[m[1]] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

function markInvalid(res: TemplateResult, blockNames: string[]): void {
  for (const name of blockNames) {
    const owner = res.resources.find((r) => r.blocks.includes(name));
    if (owner) owner.invalid = true;
  }
}

/**
 * The data is generated from a newer provider than the mirror: what the data has and the mirror rejects is version
 * skew, not a converter error. Only judged where the data can say: top-level arguments, and attributes of references.
 */
function isSkew(d: TfDiag, schema: TfSchemaData, file: HclFile): boolean {
  const typeNamed = /resource type "([^"]+)"/.exec(d.detail);
  if (/Invalid (resource|data source) type/.test(d.summary)) return !!typeNamed && !!(schema.resources[typeNamed[1]] ?? schema.dataSources?.[typeNamed[1]]);
  if (/Unsupported attribute/.test(d.summary) && d.name && d.code) {
    const ref = new RegExp(`\\b(data\\.)?(aws_[a-z0-9_]+)\\.[A-Za-z0-9_-]+\\.${d.name}\\b`).exec(d.code);
    if (!ref) return false;
    const t = ref[1] ? schema.dataSources?.[ref[2]] : schema.resources[ref[2]];
    return !!t && (d.name in t.args || !!t.attrs?.includes(d.name));
  }
  if (!d.name || d.line === undefined) return false;
  const at = resourceAt(file, d.line);
  const type = at?.block.labels[0];
  if (!at?.topLevel || !type || !schema.resources[type]) return false;
  const args = schema.resources[type].args;
  if (/Unsupported (argument|block type)/.test(d.summary)) return d.name in args;
  if (/Missing required argument/.test(d.summary)) return !args[d.name]?.required;
  return false;
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');

export interface Summary {
  templates: number;
  yaml: number;
  json: number;
  sam: number;
  resources: number;
  outcomes: Record<Outcome, number>;
  /** Converted (fully or with TODO) but with a block the schema check or terraform validate rejects. */
  invalid: { full: number; todo: number };
  /** Converted with TODO where every TODO states that Terraform has no equivalent (a subset of outcomes.todo). */
  noEquivalent: number;
  parses: number;
  blocks: number;
  validBlocks: number;
  issuesByKind: Record<string, number>;
  reservedVariables: number;
  terraform?: { cli: string; provider: string; validated: number; pass: number; passIgnoringSkew: number; skewErrors: number; errors: number; archiveStubbed: number; topErrors: [string, number][]; skewTop: [string, number][] };
  todoCauses: [string, number][];
  notConvertedTypes: [string, number][];
  droppedTypes: [string, number][];
  convertMs: number;
}

function top(counts: Map<string, number>, n: number): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
}
const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

async function main() {
  const argv = process.argv.slice(2);
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  const corpus = path.resolve(opt('--corpus') ?? path.join(__dirname, 'corpus', 'templates'));
  const only = opt('--only');
  const data = loadAwsData();
  const { schema, source: schemaSource } = loadSchema();
  if (!json) process.stderr.write(`schema: ${schemaSource}\n`);
  const files = fs.readdirSync(corpus).filter((f) => /\.(ya?ml|json)$/.test(f) && (!only || f.includes(only))).sort();
  const log = (s: string) => {
    if (!json) process.stderr.write(s + '\n');
  };
  const results: TemplateResult[] = [];
  const tfItems: TfItem[] = [];
  let archiveStubbed = 0;
  const scans = new Map<string, HclFile>();
  for (const f of files) {
    const { res, hcl, requiredVariables, scanned } = await evaluateTemplate(f, fs.readFileSync(path.join(corpus, f), 'utf8'), data, schema);
    results.push(res);
    scans.set(f, scanned);
    if (res.parses) {
      const stub = stubArchiveFiles(hcl);
      if (stub.stubbed) archiveStubbed++;
      tfItems.push({ key: f, hcl: stub.hcl, requiredVariables, files: projectFiles(hcl, path.join(corpus, '..', 'project')) });
    }
  }
  const tf = argv.includes('--no-terraform') ? undefined : terraformAvailable();
  const tfErrors = new Map<string, number>();
  const skewErrors = new Map<string, number>();
  if (tf) {
    log(`terraform ${tf.version}, hashicorp/aws ${tf.provider}: validating ${tfItems.length} templates`);
    const diags = validateAll(tfItems, 40, verbose ? log : () => {});
    for (const r of results) {
      const ds = diags.get(r.file);
      if (!ds) continue;
      const file = scans.get(r.file)!;
      r.terraform = { errors: ds.filter((d) => !isSkew(d, schema, file)), skew: ds.filter((d) => isSkew(d, schema, file)) };
      markInvalid(r, r.terraform.errors.flatMap((d) => {
        const at = d.line === undefined ? undefined : resourceAt(file, d.line);
        return at ? [`${at.block.labels[0]}.${at.block.labels[1]}`] : [];
      }));
    }
    // A reference's attribute is named alone: the enclosing resource is not the type that lacks it.
    const label = (d: TfDiag) => `${d.summary}${d.name ? ` (${d.resourceType && !/Unsupported attribute/.test(d.summary) ? d.resourceType + '.' : ''}${d.name})` : ''}: ${d.detail.split('\n')[0].slice(0, 90)}`;
    for (const r of results) for (const d of r.terraform?.errors ?? []) bump(tfErrors, label(d));
    for (const r of results) for (const d of r.terraform?.skew ?? []) bump(skewErrors, label(d));
  } else log('terraform validate: not available here (needs `terraform` and a hashicorp/aws mirror in TF_MIRROR or /opt/tf-plugins)');

  const all = results.flatMap((r) => r.resources);
  const outcomes: Record<Outcome, number> = { full: 0, todo: 0, 'not converted': 0, dropped: 0 };
  for (const r of all) outcomes[r.outcome]++;
  const causes = new Map<string, number>();
  for (const t of results) {
    const ids = t.resources.map((x) => x.id);
    for (const r of t.resources) for (const c of new Set(r.todos.map((x) => todoCause(x, ids)))) bump(causes, c);
  }
  const notConverted = new Map<string, number>();
  const dropped = new Map<string, number>();
  for (const r of all) if (r.outcome === 'not converted') bump(notConverted, r.type);
  for (const r of all) if (r.outcome === 'dropped') bump(dropped, r.type);
  const issuesByKind: Record<string, number> = {};
  for (const r of results) for (const i of r.schemaIssues) issuesByKind[i.kind] = (issuesByKind[i.kind] ?? 0) + 1;
  const validated = results.filter((r) => r.terraform);
  const summary: Summary = {
    templates: results.length,
    yaml: results.filter((r) => !r.file.endsWith('.json')).length,
    json: results.filter((r) => r.file.endsWith('.json')).length,
    sam: results.filter((r) => r.sam).length,
    resources: all.length,
    outcomes,
    invalid: { full: all.filter((r) => r.outcome === 'full' && r.invalid).length, todo: all.filter((r) => r.outcome === 'todo' && r.invalid).length },
    noEquivalent: all.filter((r) => r.outcome === 'todo' && r.todos.every(isNoEquivalentTodo)).length,
    parses: results.filter((r) => r.parses).length,
    blocks: results.reduce((s, r) => s + r.blocks, 0),
    validBlocks: results.reduce((s, r) => s + r.validBlocks, 0),
    issuesByKind,
    reservedVariables: results.filter((r) => r.reservedVariables.length).length,
    terraform: tf
      ? {
          cli: tf.version, provider: tf.provider, validated: validated.length,
          pass: validated.filter((r) => !r.terraform!.errors.length && !r.terraform!.skew.length).length,
          passIgnoringSkew: validated.filter((r) => !r.terraform!.errors.length).length,
          skewErrors: validated.reduce((s, r) => s + r.terraform!.skew.length, 0),
          errors: validated.reduce((s, r) => s + r.terraform!.errors.length, 0),
          archiveStubbed, topErrors: top(tfErrors, 15), skewTop: top(skewErrors, 5),
        }
      : undefined,
    todoCauses: top(causes, 25),
    notConvertedTypes: top(notConverted, 20),
    droppedTypes: top(dropped, 20),
    convertMs: results.reduce((s, r) => s + r.ms, 0),
  };
  if (json) {
    process.stdout.write(JSON.stringify({ summary, templates: verbose ? results : undefined }, null, 2) + '\n');
    return;
  }
  const o = summary.outcomes;
  const lines = [
    `Converter corpus: ${summary.templates} templates (${summary.yaml} YAML, ${summary.json} JSON; ${summary.sam} SAM), ${summary.resources} resources; conversion ${summary.convertMs.toFixed(0)} ms in all`,
    '',
    '| measure | count | share |',
    '|---|---:|---:|',
    `| resources fully converted (no TODO) | ${o.full} | ${pct(o.full, summary.resources)} |`,
    `| … of which valid (schema${summary.terraform ? ' and terraform validate' : ''}) | ${o.full - summary.invalid.full} | ${pct(o.full - summary.invalid.full, summary.resources)} |`,
    `| resources converted with TODO | ${o.todo} | ${pct(o.todo, summary.resources)} |`,
    `| … of which every TODO says Terraform has no equivalent | ${summary.noEquivalent} | ${pct(summary.noEquivalent, summary.resources)} |`,
    `| resources converted (with or without TODO) but invalid | ${summary.invalid.full + summary.invalid.todo} | ${pct(summary.invalid.full + summary.invalid.todo, summary.resources)} |`,
    `| resources not converted (TODO block) | ${o['not converted']} | ${pct(o['not converted'], summary.resources)} |`,
    `| resources dropped silently | ${o.dropped} | ${pct(o.dropped, summary.resources)} |`,
    `| templates HashiCorp's parser accepts | ${summary.parses} | ${pct(summary.parses, summary.templates)} |`,
    `| resource blocks schema-valid (${schemaSource.replace(/ \(.*/, '')}) | ${summary.validBlocks} / ${summary.blocks} | ${pct(summary.validBlocks, summary.blocks)} |`,
    `| templates with a reserved variable name | ${summary.reservedVariables} | ${pct(summary.reservedVariables, summary.templates)} |`,
  ];
  if (summary.terraform) {
    const t = summary.terraform;
    lines.push(
      `| templates passing \`terraform validate\` (${t.cli}, aws ${t.provider}) | ${t.pass} / ${t.validated} | ${pct(t.pass, t.validated)} |`,
      `| … passing when version-skew errors are set apart | ${t.passIgnoringSkew} / ${t.validated} | ${pct(t.passIgnoringSkew, t.validated)} |`,
      `| validate errors: real / version skew | ${t.errors} / ${t.skewErrors} | |`,
    );
  }
  lines.push('', 'Schema issues by kind: ' + (Object.entries(summary.issuesByKind).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'));
  const list = (title: string, xs: [string, number][]) => {
    if (!xs.length) return;
    lines.push('', title);
    for (const [k, v] of xs) lines.push(`  ${String(v).padStart(5)}  ${k}`);
  };
  list('TODO causes (resources affected):', summary.todoCauses);
  list('Not converted, by type:', summary.notConvertedTypes);
  list('Dropped silently, by type:', summary.droppedTypes);
  if (summary.terraform) list('terraform validate errors set apart as version skew (the data is hashicorp/aws 6.x, the mirror ' + summary.terraform.provider + '):', summary.terraform.skewTop);
  if (summary.terraform) list(`terraform validate errors (not skew; archive_file stubbed in ${summary.terraform.archiveStubbed} templates: the mirror has only hashicorp/aws):`, summary.terraform.topErrors);
  const schemaTop = new Map<string, number>();
  for (const r of results) for (const i of r.schemaIssues) bump(schemaTop, `${i.kind}: ${i.resource.split('.')[0]}.${i.path}`);
  list('Schema issues (top):', top(schemaTop, 15));
  if (verbose) for (const r of results.filter((x) => !x.parses)) lines.push(`parse error ${r.file}: ${r.parseError}`);
  process.stdout.write(lines.join('\n') + '\n');
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}

// Completion inside a template (YAML and JSON): resource types after `Type:` (fuzzy, with a snippet of the
// required properties), property names under `Properties`, resource attributes, top-level sections,
// `!GetAtt X.` attributes, `!Ref` / `${}` / DependsOn / Condition / FindInMap names, and CloudFormation code
// blocks from the user's notes on an empty line under `Resources:`.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Command, CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList, type Range as LspRange,
} from 'vscode-languageserver-types';
import type { CoreContext } from '../../context';
import type { CfnProperty, CfnTypeSummary } from '../../data/types';
import { describeCfnType } from '../../present/identityMarkdown';
import { localize } from '../../present/l10n';
import { fencedCode } from '../../present/sanitize';
import { scoreFolded } from '../../text/fuzzy';
import { searchKey } from '../../../../../shared/normalize';
import { PSEUDO_PARAMETERS } from '../../syntax/template/intrinsics';
import { parseTemplate } from '../../syntax/template/parseTemplate';
import type { CfnNode, CfnTemplate } from '../../syntax/template/types';
import { CM, M } from '../../present/messages';
import { ownerName, PRIMITIVE_TYPES, propertiesAtPath, propertyAtPath } from './propertySchema';
import { PSEUDO_DOCS, RESOURCE_ATTRIBUTES } from './reference';
import { answerText, propertyToTerraform } from './terraform';
import { jsonContext, lineAt, yamlKeyPath, type LineContext } from './textContext';

export const PROVIDER = 'cloudformation';
const MAX_TYPES = 300;
const TYPE_ITEM_DATA = { provider: PROVIDER, kind: 'type' } as const;

interface Site {
  document: TextDocument;
  template: CfnTemplate;
  offset: number;
  line: LineContext;
  json: boolean;
  ctx: CoreContext;
}

export function templateCompletion(document: TextDocument, template: CfnTemplate, offset: number, ctx: CoreContext): CompletionList | undefined {
  const site: Site = { document, template, offset, line: lineAt(template.text, offset), json: template.format === 'json', ctx };
  const items = (site.json ? jsonCompletion(site) : yamlCompletion(site)) ?? undefined;
  return items;
}

// Shared helpers ------------------------------------------------------------------------------------------

/** Replace range: the word before the cursor (chars matching `word`) and the rest of it after the cursor. */
function wordRange(site: Site, typed: string, word = /[\w:.-]/): LspRange {
  let end = site.offset;
  const text = site.template.text;
  while (end < text.length && word.test(text[end])) end++;
  return { start: site.document.positionAt(site.offset - typed.length), end: site.document.positionAt(end) };
}

function list(items: CompletionItem[], isIncomplete = false): CompletionList {
  return { isIncomplete, items };
}

const enclosingResource = (path: (string | number)[]) => (path[0] === 'Resources' && typeof path[1] === 'string' ? path[1] : undefined);

/** Parameters, resources (but not `self`) and pseudo parameters, for `!Ref` and `${}`. */
function targetItems(site: Site, typed: string, self: string | undefined, quote = ''): CompletionList {
  const range = wordRange(site, typed);
  const items: CompletionItem[] = [];
  for (const p of site.template.parameters) {
    items.push({ label: p.id, kind: CompletionItemKind.Variable, detail: `${localize(site.ctx.locale, CM.parameter)}${p.type ? ` · ${p.type}` : ''}`, sortText: `0${p.id}`, textEdit: { range, newText: p.id + quote } });
  }
  for (const r of site.template.resources) {
    if (r.id === self || !r.id) continue;
    items.push({ label: r.id, kind: CompletionItemKind.Reference, detail: r.type ?? localize(site.ctx.locale, CM.resource), sortText: `1${r.id}`, textEdit: { range, newText: r.id + quote } });
  }
  for (const name of PSEUDO_PARAMETERS) {
    const doc = PSEUDO_DOCS[name];
    items.push({ label: name, kind: CompletionItemKind.Constant, detail: localize(site.ctx.locale, CM.pseudoParameter), documentation: doc ? localize(site.ctx.locale, doc) : undefined, sortText: `2${name}`, textEdit: { range, newText: name + quote } });
  }
  return list(items);
}

/** Resources that have GetAtt attributes; choosing one types `X.` and asks for the attributes. */
function getAttResourceItems(site: Site, typed: string, self: string | undefined, separator: string): CompletionList {
  const range = wordRange(site, typed, /[\w-]/);
  const items: CompletionItem[] = [];
  for (const r of site.template.resources) {
    if (r.id === self || !r.id) continue;
    const attrs = r.type ? site.ctx.data.cfnType(r.type)?.attributes : undefined;
    if (r.type && attrs && attrs.length === 0) continue;
    items.push({
      label: r.id,
      kind: CompletionItemKind.Reference,
      detail: r.type,
      textEdit: { range, newText: r.id + separator },
      command: separator ? Command.create('', 'editor.action.triggerSuggest') : undefined,
    });
  }
  return list(items);
}

function attributeItems(site: Site, resourceId: string, typed: string, quote = ''): CompletionList | undefined {
  const resource = site.template.resource(resourceId);
  const type = resource?.type ? site.ctx.data.cfnType(resource.type) : undefined;
  if (!resource || !type) return undefined;
  const mapping = site.ctx.data.mappingForCfn(resource.type!);
  const range = wordRange(site, typed, /[\w.]/);
  return list(
    type.attributes.map((a) => ({
      label: a,
      kind: CompletionItemKind.Field,
      detail: `${resource.type} · GetAtt${mapping?.attributes?.[a] ? ` → ${mapping.attributes[a]}` : ''}`,
      textEdit: { range, newText: a + quote },
    })),
  );
}

function namesItems(site: Site, typed: string, names: string[], kind: CompletionItemKind, detail: string, quote = ''): CompletionList {
  const range = wordRange(site, typed, /[\w-]/);
  return list(names.filter(Boolean).map((name) => ({ label: name, kind, detail, textEdit: { range, newText: name + quote } })));
}

const resourceIds = (site: Site, self?: string) => site.template.resources.map((r) => r.id).filter((id) => id && id !== self);
const conditionNames = (site: Site) => site.template.conditions.map((c) => c.id);
const mappingNames = (site: Site) => site.template.mappings.map((m) => m.id);

// Resource types --------------------------------------------------------------------------------------

/** Type names ranked by fuzzy score against what was typed (all of them, in order, when nothing was). */
function rankTypes(site: Site, typed: string): readonly { name: string; score: number }[] {
  const { ctx } = site;
  const names = ctx.data.cfnTypeNames();
  // Issue 16: the same word is completed again and again while typing on (and by every `Type: AWS::`): the ranking
  // of ~1,800 names (a sort) is kept per typed text.
  let byTyped = rankedByNames.get(names);
  if (!byTyped) rankedByNames.set(names, (byTyped = new Map()));
  const known = byTyped.get(typed);
  if (known) return known;
  let ranked: { name: string; score: number }[];
  if (typed) {
    // The ~1,800 names are folded once per data load; the typed text once per request (same scores as fuzzyScore).
    const folded = foldedNames(names);
    const q = searchKey(typed).replace(/\s+/g, '');
    ranked = [];
    for (let i = 0; i < names.length; i++) {
      const score = q ? scoreFolded(q, folded[i]) : 0;
      if (score >= 0) ranked.push({ name: names[i], score });
    }
    ranked.sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1));
  } else {
    ranked = names.map((name) => ({ name, score: 0 }));
  }
  if (byTyped.size >= 64) byTyped.delete(byTyped.keys().next().value!);
  byTyped.set(typed, ranked);
  return ranked;
}

const rankedByNames = new WeakMap<readonly string[], Map<string, readonly { name: string; score: number }[]>>();

/**
 * At the resource-key level (`sqs` under `Resources:`), whole resources: a logical id, the type and its required
 * properties, for editors without VS Code's snippets.
 */
function skeletonItems(site: Site, typed: string, column: number, json: boolean): CompletionList {
  const { ctx } = site;
  const ranked = rankTypes(site, typed).slice(0, 40);
  const range = json ? jsonKeyRange(site, typed) : wordRange(site, typed, /[\w]/);
  const pad = ' '.repeat(column);
  const inner = ' '.repeat(column + 2);
  const items = ranked.map(({ name }, index): CompletionItem => {
    const type = ctx.data.cfnTypeSummary(name);
    const id = name.split('::')[2] ?? 'Resource';
    const required = type?.required ?? [];
    const newText = json
      ? `${id}": {\n${inner}"Type": "${snippetEscape(name)}${required.length ? jsonPropertiesSnippet(required, column + 2) : '"$0'}\n${pad}}`
      : `${id}:\n${inner}Type: ${snippetEscape(name)}${required.length ? yamlPropertiesSnippet(required, column + 2) : '$0'}`;
    return {
      label: name,
      kind: CompletionItemKind.Snippet,
      detail: type?.description ? shorten(type.description, 80) : undefined,
      labelDetails: required.length ? { description: localize(ctx.locale, CM.requiredPropertiesSnippet) } : undefined,
      filterText: typed + ' ' + name,
      sortText: String(index).padStart(4, '0'),
      textEdit: { range, newText },
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
    };
  });
  return list(items, true);
}

function typeItems(site: Site, typed: string, resourceId: string | undefined, valueIndent: number): CompletionList {
  const { ctx } = site;
  let ranked = rankTypes(site, typed);
  const incomplete = ranked.length > MAX_TYPES;
  ranked = ranked.slice(0, MAX_TYPES);
  const range = wordRange(site, typed, /[\w:]/);
  const resource = resourceId ? site.template.resource(resourceId) : undefined;
  const hasProperties = !!resource?.node && resource.node.kind === 'mapping' && resource.node.pairs.some((p) => p.key === 'Properties');
  // `Type:|` with no space yet: YAML needs one after the colon.
  const lead = !site.json && site.template.text[site.offset - typed.length - 1] === ':' ? ' ' : '';
  const snippetLabel = localize(ctx.locale, CM.requiredPropertiesSnippet);
  const items = ranked.map(({ name }, index): CompletionItem => {
    // The summary, not the complete schema: a list names up to 300 types (issue 16: 25-125 ms per new prefix).
    const type = ctx.data.cfnTypeSummary(name);
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Class,
      detail: type?.description ? shorten(type.description, 80) : undefined,
      filterText: lead + name,
      sortText: String(index).padStart(4, '0'),
      // The same data for every type item (the label names the type): sent once as the list's default (issue 16).
      data: TYPE_ITEM_DATA,
      textEdit: { range, newText: lead + name },
    };
    const required = type?.required ?? [];
    if (!hasProperties && required.length > 0 && resourceId !== undefined) {
      const body = propertiesSnippet(type!, site.json, valueIndent);
      item.textEdit = { range: site.json ? withClosingQuote(site, range) : range, newText: lead + snippetEscape(name) + body };
      item.insertTextFormat = InsertTextFormat.Snippet;
      item.insertTextMode = InsertTextMode.asIs;
      item.labelDetails = { description: snippetLabel };
    }
    return item;
  });
  return list(items, incomplete);
}

const foldedByNames = new WeakMap<readonly string[], string[]>();

function foldedNames(names: readonly string[]): string[] {
  let folded = foldedByNames.get(names);
  if (!folded) foldedByNames.set(names, (folded = names.map(searchKey)));
  return folded;
}

const snippetsByType = new WeakMap<CfnTypeSummary, Map<string, string>>();

/** The required properties' snippet of a type, per syntax and indentation (built once: 300 types per completion). */
function propertiesSnippet(type: CfnTypeSummary, json: boolean, indent: number): string {
  let byLayout = snippetsByType.get(type);
  if (!byLayout) snippetsByType.set(type, (byLayout = new Map()));
  const key = `${json ? 'j' : 'y'}${indent}`;
  let body = byLayout.get(key);
  if (body === undefined) byLayout.set(key, (body = json ? jsonPropertiesSnippet(type.required, indent) : yamlPropertiesSnippet(type.required, indent)));
  return body;
}

function withClosingQuote(site: Site, range: LspRange): LspRange {
  const end = site.document.offsetAt(range.end);
  return site.template.text[end] === '"' ? { start: range.start, end: site.document.positionAt(end + 1) } : range;
}

function shorten(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

function snippetEscape(text: string): string {
  // Type names never hold these: no regex for each of 300 items per request.
  return text.includes('$') || text.includes('}') || text.includes('\\') ? text.replace(/[$}\\]/g, '\\$&') : text;
}


function choice(p: CfnProperty): string[] | undefined {
  if (p.allowed?.length) return p.allowed;
  if (p.type === 'Boolean') return ['true', 'false'];
  return undefined;
}

function choiceSnippet(n: number, values: string[]): string {
  return `\${${n}|${values.map((v) => v.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
}

/** YAML value scaffold for one property at `indent` (the key's column). */
function yamlValue(p: CfnProperty, n: number, indent: number): string {
  const values = choice(p);
  if (values) return ` ${choiceSnippet(n, values)}`;
  if (p.type.startsWith('List<') || p.type === 'Tags') return `\n${' '.repeat(indent + 2)}- \${${n}}`;
  if (PRIMITIVE_TYPES.has(p.type) || p.type.includes('|')) return ` \${${n}}`;
  return `\n${' '.repeat(indent + 2)}\${${n}}`;
}

function yamlPropertiesSnippet(required: CfnTypeSummary['required'], typeIndent: number): string {
  const pad = ' '.repeat(typeIndent);
  const inner = typeIndent + 2;
  const lines = required.map(([name, p], i) => `${' '.repeat(inner)}${name}:${yamlValue(p, i + 1, inner)}`);
  return `\n${pad}Properties:\n${lines.join('\n')}$0`;
}

function jsonValue(p: CfnProperty, n: number): string {
  const values = choice(p);
  if (values) return p.type === 'Boolean' ? choiceSnippet(n, values) : `"${choiceSnippet(n, values)}"`;
  if (p.type.startsWith('List<') || p.type === 'Tags') return `[\${${n}}]`;
  if (p.type === 'String' || p.type.includes('|')) return `"\${${n}}"`;
  if (PRIMITIVE_TYPES.has(p.type)) return `\${${n}}`;
  return `{\${${n}}}`;
}

function jsonPropertiesSnippet(required: CfnTypeSummary['required'], keyIndent: number): string {
  const pad = ' '.repeat(keyIndent);
  const inner = ' '.repeat(keyIndent + 2);
  const lines = required.map(([name, p], i) => `${inner}"${name}": ${jsonValue(p, i + 1)}`);
  // Closes the type string (the range covers its closing quote) and adds the Properties entry.
  return `",\n${pad}"Properties": {\n${lines.join(',\n')}\n${pad}}$0`;
}

// Property names ---------------------------------------------------------------------------------------

function propertyItems(site: Site, cfnType: string, present: Set<string>, typed: string, keyIndent: number, quoted: boolean, path: readonly (string | number)[] = []): CompletionList | undefined {
  const { ctx } = site;
  const type = ctx.data.cfnType(cfnType);
  const at = type ? (path.length ? propertiesAtPath(type, path) : { owner: '', properties: type.properties }) : undefined;
  if (!at) return undefined;
  const range = quoted ? jsonKeyRange(site, typed) : wordRange(site, typed, /[\w]/);
  const items: CompletionItem[] = [];
  Object.entries(at.properties).forEach(([name, p], i) => {
    if (present.has(name) && name !== typed) return;
    // The reviewed Terraform mapping knows top-level properties only.
    const tf = path.length === 0 ? propertyToTerraform(cfnType, name, ctx) : undefined;
    const tfText = tf && tf.kind !== 'none' ? `Terraform: ${answerText(tf, (n) => n)}` : undefined;
    const doc = [p.description, p.allowed?.length ? `${localize(ctx.locale, CM.allowedValues)}: ${p.allowed.join(', ')}` : undefined, tfText].filter(Boolean).join('\n\n');
    const newText = quoted ? `${name}": ${jsonValue(p, 1)}` : `${name}:${yamlValue(p, 1, keyIndent)}`;
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: `${p.type}${p.required ? ` · ${localize(ctx.locale, CM.required)}` : ''}${at.owner ? ` · ${ownerName(cfnType, at.owner)}` : ''}`,
      documentation: doc ? { kind: 'markdown', value: doc } : undefined,
      sortText: `${p.required ? 0 : 1}${String(i).padStart(3, '0')}`,
      filterText: name,
      textEdit: { range, newText },
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
    });
  });
  return list(items);
}

/**
 * Keys already written in the mapping at `path` (from the text's indentation, `0` for "the item of this list"),
 * so that completion does not offer them again: a list step takes the last item starting before the cursor.
 */
function keysAt(root: CfnNode | undefined, path: readonly (string | number)[], offset: number): Set<string> {
  let node = root;
  for (const step of path) {
    if (!node) break;
    if (typeof step === 'number') node = node.kind === 'sequence' ? [...node.items].reverse().find((i) => i.range.start <= offset) : undefined;
    else node = node.kind === 'mapping' ? node.pairs.find((p) => p.key === step)?.value : undefined;
  }
  return new Set(node?.kind === 'mapping' ? node.pairs.map((p) => p.key) : []);
}

/** In a JSON key string: from after the opening quote to the end of the word and the closing quote. */
function jsonKeyRange(site: Site, typed: string): LspRange {
  const text = site.template.text;
  let end = site.offset;
  while (end < text.length && /[\w]/.test(text[end])) end++;
  if (text[end] === '"') end++;
  if (/^\s*:/.test(text.slice(end, end + 20))) end = text.indexOf(':', end) + 1; // `"Key": ` already typed
  return { start: site.document.positionAt(site.offset - typed.length), end: site.document.positionAt(end) };
}

function keyItems(site: Site, keys: { name: string; detail?: string; documentation?: string }[], present: Set<string>, typed: string, quoted: boolean): CompletionList {
  const range = quoted ? jsonKeyRange(site, typed) : wordRange(site, typed, /[\w]/);
  return list(
    keys
      .filter((k) => !present.has(k.name) || k.name === typed)
      .map((k, i) => ({
        label: k.name,
        kind: CompletionItemKind.Keyword,
        detail: k.detail,
        documentation: k.documentation,
        sortText: String(i).padStart(2, '0'),
        textEdit: { range, newText: quoted ? `${k.name}": ` : `${k.name}: ` },
      })),
  );
}

const SECTIONS = ['AWSTemplateFormatVersion', 'Description', 'Transform', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Globals', 'Resources', 'Outputs'];

function resourceKeyItems(site: Site, resourceId: string, typed: string, quoted: boolean): CompletionList {
  const resource = site.template.resource(resourceId);
  const node = resource?.node;
  const present = new Set(node?.kind === 'mapping' ? node.pairs.map((p) => p.key) : []);
  const keys = Object.entries(RESOURCE_ATTRIBUTES).map(([name, doc]) => ({ name, documentation: localize(site.ctx.locale, doc) }));
  return keyItems(site, keys, present, typed, quoted);
}

function sectionItems(site: Site, typed: string, quoted: boolean): CompletionList {
  const present = new Set(site.template.sections.map((p) => p.key));
  const keys = SECTIONS.filter((s) => s !== 'Globals' || site.template.sam).map((name) => ({ name }));
  return keyItems(site, keys, present, typed, quoted);
}

function presentProperties(site: Site, resourceId: string): Set<string> {
  return new Set(site.template.resource(resourceId)?.propertyPairs.map((p) => p.key) ?? []);
}

// Note code blocks ------------------------------------------------------------------------------------

/** CloudFormation resources from code blocks in the notes, re-indented for this spot. */
function noteBlockItems(site: Site, indent: number): CompletionItem[] {
  const { ctx } = site;
  const blocks = ctx.notes.codeBlocks(site.json ? ['json'] : ['yaml', 'yml']);
  const items: CompletionItem[] = [];
  for (const block of blocks) {
    if (!/["']?Type["']?\s*:\s*["']?(AWS|Alexa)::/.test(block.code)) continue;
    const entries = resourceEntriesText(block.code, site.json ? 'json' : 'yaml');
    if (!entries) continue;
    const text = site.json ? entries.join(',\n') : entries.join('\n');
    items.push({
      label: block.breadcrumb,
      kind: CompletionItemKind.Snippet,
      detail: localize(ctx.locale, M.fromYourNotes),
      // Issue 9: note code is untrusted; a fence it cannot close ("````" used to end it and expose links).
      documentation: { kind: 'markdown', value: fencedCode(block.code, site.json ? 'json' : 'yaml') },
      sortText: `9${block.breadcrumb}`,
      filterText: block.breadcrumb,
      insertTextMode: InsertTextMode.asIs,
      textEdit: { range: { start: site.document.positionAt(site.line.lineStart), end: site.document.positionAt(site.offset) }, newText: reindent(text, indent) },
    });
  }
  return items;
}

/** The text of each resource entry (logical id and body) of a code block; a whole template or just resources. */
function resourceEntriesText(code: string, format: 'yaml' | 'json'): string[] | undefined {
  let template = parseTemplate(code, format);
  let source = code;
  if (template.resources.length === 0 && template.problems.every((p) => p.severity !== 'error')) {
    // Bare resources: wrap them to read them as a template.
    source = format === 'json' ? `{"Resources": ${code.trim().startsWith('{') ? code : `{${code}}`}}` : `Resources:\n${code.replace(/^/gm, '  ')}`;
    template = parseTemplate(source, format);
  }
  const resources = template.resources.filter((r) => r.type);
  if (resources.length === 0 || template.problems.some((p) => p.severity === 'error')) return undefined;
  return resources.map((r) => dedent(lineStartOf(source, r.range.start), source.slice(lineStartOf(source, r.range.start), r.range.end).replace(/\s+$/, '')));
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function dedent(_start: number, text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const min = Math.min(...indents);
  return lines.map((l) => l.slice(Math.min(min, l.length - l.trimStart().length))).join('\n');
}

function reindent(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((l) => (l.trim() ? pad + l : l))
    .join('\n');
}

// YAML -------------------------------------------------------------------------------------------------

function yamlCompletion(site: Site): CompletionList | undefined {
  const { before } = site.line;
  const location = site.template.nodeAt(site.offset);
  const self = enclosingResource(location.path);
  let m: RegExpExecArray | null;

  if ((m = /!GetAtt\s+([\w-]+)\.([\w.]*)$/.exec(before)) || (m = /Fn::GetAtt:\s*\[\s*([\w-]+)\s*,\s*([\w.]*)$/.exec(before))) {
    return attributeItems(site, m[1], m[2]);
  }
  if ((m = /!GetAtt\s+([\w-]*)$/.exec(before))) return getAttResourceItems(site, m[1], self, '.');
  if ((m = /Fn::GetAtt:\s*\[\s*([\w-]*)$/.exec(before))) return getAttResourceItems(site, m[1], self, '');
  if ((m = /(?:!Ref\s+|\bRef:\s*)([\w:-]*)$/.exec(before))) return targetItems(site, m[1], self);
  const sub = subReference(site, before, location.intrinsic?.fn === 'Sub');
  if (sub) return sub;
  if ((m = /(?:!Condition\s+|!If\s*\[\s*|Fn::If:\s*\[\s*|\bCondition:\s*)([\w-]*)$/.exec(before))) {
    return namesItems(site, m[1], conditionNames(site), CompletionItemKind.EnumMember, localize(site.ctx.locale, CM.condition));
  }
  if ((m = /(?:!FindInMap\s*\[\s*|Fn::FindInMap:\s*\[\s*)([\w-]*)$/.exec(before))) {
    return namesItems(site, m[1], mappingNames(site), CompletionItemKind.Module, localize(site.ctx.locale, CM.mapping));
  }

  // Keys and `Key: value` by indentation.
  const keyLine = /^([ \t]*)(-[ \t]+)?([\w:]*)$/.exec(before);
  const valueLine = /^([ \t]*)(-[ \t]+)?([\w]+):[ \t]*(\[\s*(?:[\w-]+\s*,\s*)*)?([\w:-]*)$/.exec(before);
  if (valueLine) {
    const column = valueLine[1].length + (valueLine[2]?.length ?? 0);
    const { path } = yamlKeyPath(site.template.text, site.line.lineStart, column);
    const key = valueLine[3];
    if (path.length === 2 && path[0] === 'Resources' && key === 'Type' && !valueLine[4]) {
      return typeItems(site, valueLine[5], String(path[1]), column);
    }
    if (path.length >= 3 && path[0] === 'Resources' && path[2] === 'Properties' && !valueLine[4]) {
      return valueItems(site, String(path[1]), [...path.slice(3), key], valueLine[5]);
    }
    if (path.length === 2 && path[0] === 'Resources' && key === 'DependsOn') {
      return namesItems(site, valueLine[5], resourceIds(site, String(path[1])), CompletionItemKind.Reference, localize(site.ctx.locale, CM.resource));
    }
    return undefined;
  }
  if (!keyLine) return undefined;
  if (insideMultilineScalar(site, location)) return undefined;
  const column = keyLine[1].length + (keyLine[2]?.length ?? 0);
  const typed = keyLine[3];
  const { path } = yamlKeyPath(site.template.text, site.line.lineStart, column);
  if (keyLine[2] && path.length === 3 && path[0] === 'Resources' && path[2] === 'DependsOn') {
    return namesItems(site, typed, resourceIds(site, String(path[1])), CompletionItemKind.Reference, localize(site.ctx.locale, CM.resource));
  }
  // Nested properties at any depth; a `- ` line starts an item of a list of objects.
  if (path.length > 3 && path[0] === 'Resources' && path[2] === 'Properties') {
    const type = site.template.resource(String(path[1]))?.type;
    const present = keyLine[2] ? new Set<string>() : keysAt(site.template.root, path, site.offset);
    const keys = type ? propertyItems(site, type, present, typed, column, false, path.slice(3)) : undefined;
    // `- ` under a list of enum values (`Architectures:`): the values.
    if (!keys && type && keyLine[2]) return valueItems(site, String(path[1]), path.slice(3), typed);
    return keys;
  }
  if (keyLine[2]) return undefined;
  if (path.length === 3 && path[0] === 'Resources' && path[2] === 'Properties') {
    const id = String(path[1]);
    const type = site.template.resource(id)?.type;
    return type ? propertyItems(site, type, presentProperties(site, id), typed, column, false) : undefined;
  }
  if (path.length === 2 && path[0] === 'Globals' && path[1] === 'Function') {
    const present = new Set(globalsKeys(site.template, 'Function'));
    return propertyItems(site, 'AWS::Serverless::Function', present, typed, column, false);
  }
  if (path.length === 2 && path[0] === 'Resources') return resourceKeyItems(site, String(path[1]), typed, false);
  if (path.length === 1 && path[0] === 'Resources' && typed === '' && site.line.after.trim() === '') {
    const items = noteBlockItems(site, column);
    return items.length ? list(items) : undefined;
  }
  if (path.length === 1 && path[0] === 'Resources' && typed.length >= 2 && !typed.includes(':')) return skeletonItems(site, typed, column, false);
  if (path.length === 0 && column === 0) return sectionItems(site, typed, false);
  return undefined;
}

/** Allowed values (and true/false) of a property at any depth. */
function valueItems(site: Site, resourceId: string, path: readonly (string | number)[], typed: string, quote = ''): CompletionList | undefined {
  const type = site.template.resource(resourceId)?.type;
  const schema = type ? site.ctx.data.cfnType(type) : undefined;
  const spec = schema ? propertyAtPath(schema, path)?.spec : undefined;
  const values = spec ? choice(spec) : undefined;
  if (!values) return undefined;
  const range = wordRange(site, typed, /[\w.-]/);
  return list(values.map((v, i) => ({ label: v, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(3, '0'), textEdit: { range, newText: v + quote } })));
}

function globalsKeys(template: CfnTemplate, section: string): string[] {
  const globals = template.sections.find((p) => p.key === 'Globals')?.value;
  const node = globals?.kind === 'mapping' ? globals.pairs.find((p) => p.key === section)?.value : undefined;
  return node?.kind === 'mapping' ? node.pairs.map((p) => p.key) : [];
}

/** The cursor is inside a block or multi-line scalar that started on an earlier line (e.g. inline code). */
function insideMultilineScalar(site: Site, location: ReturnType<CfnTemplate['nodeAt']>): boolean {
  const node = location.node;
  if (!node || node.kind !== 'scalar' || location.onKey) return false;
  return node.range.start < site.line.lineStart && site.offset <= node.range.end;
}

function subReference(site: Site, before: string, inSub: boolean): CompletionList | undefined {
  const m = /\$\{([\w:.-]*)$/.exec(before);
  if (!m) return undefined;
  if (!inSub && !/!Sub\b|Fn::Sub/.test(before)) return undefined;
  const typed = m[1];
  const dot = typed.indexOf('.');
  const self = enclosingResource(site.template.nodeAt(site.offset).path);
  if (dot > 0 && !typed.startsWith('AWS::')) return attributeItems(site, typed.slice(0, dot), typed.slice(dot + 1));
  return targetItems(site, typed, self);
}

// JSON -------------------------------------------------------------------------------------------------

function jsonCompletion(site: Site): CompletionList | undefined {
  const { before } = site.line;
  const context = jsonContext(site.template.text, site.offset);
  // The root object is the template itself.
  const path = context.path[0] === 0 ? context.path.slice(1) : context.path;
  const self = enclosingResource(path);
  let m: RegExpExecArray | null;
  const q = site.line.after.startsWith('"') ? '' : '"';

  if (context.inValue) {
    if ((m = /"Fn::GetAtt"\s*:\s*\[\s*"([\w-]+)"\s*,\s*"([\w.]*)$/.exec(before))) return attributeItems(site, m[1], m[2], q);
    if ((m = /"Fn::GetAtt"\s*:\s*\[\s*"([\w-]*)$/.exec(before))) return getAttResourceItems(site, m[1], self, '');
    if ((m = /"Ref"\s*:\s*"([\w:-]*)$/.exec(before))) return targetItems(site, m[1], self, q);
    if ((m = /"Fn::Sub"\s*:\s*\[?\s*"[^"]*\$\{([\w:.-]*)$/.exec(before))) {
      const typed = m[1];
      const dot = typed.indexOf('.');
      if (dot > 0 && !typed.startsWith('AWS::')) return attributeItems(site, typed.slice(0, dot), typed.slice(dot + 1));
      return targetItems(site, typed, self);
    }
    if ((m = /(?:"Condition"\s*:\s*|"Fn::If"\s*:\s*\[\s*)"([\w-]*)$/.exec(before))) {
      return namesItems(site, m[1], conditionNames(site), CompletionItemKind.EnumMember, localize(site.ctx.locale, CM.condition), q);
    }
    if ((m = /"Fn::FindInMap"\s*:\s*\[\s*"([\w-]*)$/.exec(before))) {
      return namesItems(site, m[1], mappingNames(site), CompletionItemKind.Module, localize(site.ctx.locale, CM.mapping), q);
    }
    const typedValue = /"([\w:-]*)$/.exec(before)?.[1] ?? '';
    if (path.length === 2 && path[0] === 'Resources' && context.valueOf === 'Type') {
      const keyIndent = /^\s*/.exec(before)![0].length;
      return typeItems(site, typedValue, String(path[1]), keyIndent);
    }
    if (path.length >= 3 && path[0] === 'Resources' && path[2] === 'Properties' && context.valueOf) {
      const quoted = site.template.text[context.stringStart ?? -1] === '"';
      return valueItems(site, String(path[1]), [...path.slice(3), context.valueOf], typedValue, quoted ? q : '');
    }
    if (path.length >= 2 && path[0] === 'Resources' && (context.valueOf === 'DependsOn' || path[2] === 'DependsOn')) {
      return namesItems(site, typedValue, resourceIds(site, String(path[1])), CompletionItemKind.Reference, localize(site.ctx.locale, CM.resource), q);
    }
    return undefined;
  }
  if (!context.inKey) return undefined;
  const typed = /"([\w:]*)$/.exec(before)?.[1] ?? '';
  const keyIndent = /^\s*/.exec(before)![0].length;
  if (path.length === 3 && path[0] === 'Resources' && path[2] === 'Properties') {
    const id = String(path[1]);
    const type = site.template.resource(id)?.type ?? typeFromText(site.template.text, id);
    return type ? propertyItems(site, type, presentProperties(site, id), typed, keyIndent, true) : undefined;
  }
  if (path.length > 3 && path[0] === 'Resources' && path[2] === 'Properties') {
    const id = String(path[1]);
    const type = site.template.resource(id)?.type ?? typeFromText(site.template.text, id);
    const present = keysAt(site.template.root, path, site.offset);
    return type ? propertyItems(site, type, present, typed, keyIndent, true, path.slice(3)) : undefined;
  }
  if (path.length === 2 && path[0] === 'Resources') return resourceKeyItems(site, String(path[1]), typed, true);
  if (path.length === 1 && path[0] === 'Resources' && typed.length >= 2 && !typed.includes(':')) return skeletonItems(site, typed, keyIndent, true);
  if (path.length === 0 && context.path.length === 1) return sectionItems(site, typed, true);
  return undefined;
}

/** `"Id": { "Type": "AWS::X::Y"` found in the text when the half-typed JSON did not parse into a resource. */
function typeFromText(text: string, id: string): string | undefined {
  const at = text.indexOf(`"${id}"`);
  if (at < 0) return undefined;
  return /"Type"\s*:\s*"([\w:]+)"/.exec(text.slice(at, at + 400))?.[1];
}

export function resolveTemplateCompletion(item: CompletionItem, ctx: CoreContext): CompletionItem {
  const data = item.data as { kind?: string; type?: string } | undefined;
  // Type items name their type in the label (`type` in the data: items of earlier versions).
  const type = data?.kind === 'type' ? (data.type ?? item.label) : undefined;
  if (type) item.documentation = { kind: 'markdown', value: describeCfnType(type, ctx.data, ctx.locale) };
  return item;
}

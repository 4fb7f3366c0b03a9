// parseTemplate: tolerant parse of a CloudFormation/SAM template (YAML or JSON) into the model.
// Never throws: half-typed editor text gives whatever could be parsed plus problems.
import { parseDocument } from 'yaml';
import { buildTree } from './buildTree';
import { nodeAt } from './nodeAt';
import { toValue } from './toValue';
import { CFN_YAML_TAGS } from './yamlTags';
import type {
  CfnEntry, CfnMapping, CfnNameRef, CfnNode, CfnPair, CfnParameter, CfnProblem, CfnResource, CfnTemplate, CfnValueMap,
} from './types';

export function parseTemplate(text: string, format: 'yaml' | 'json'): CfnTemplate {
  const problems: CfnProblem[] = [];
  let root: CfnNode | undefined;
  let intrinsics: CfnTemplate['intrinsics'] = [];
  // Robustness (issue 9): pathological nesting is not handed to the YAML parser (see MAX_TEMPLATE_NESTING).
  if (nestingDepth(text) > MAX_TEMPLATE_NESTING) {
    problems.push({ message: `nesting deeper than ${MAX_TEMPLATE_NESTING} levels: not parsed`, range: { start: 0, end: 0 }, severity: 'error' });
    return assemble(text, format, undefined, [], problems);
  }
  try {
    // JSON is YAML 1.2: one parser keeps positions for both formats.
    const doc = parseDocument(text, { customTags: CFN_YAML_TAGS, uniqueKeys: false, prettyErrors: false, strict: false });
    for (const error of doc.errors) problems.push(problemOf(error, 'error', text));
    for (const warning of doc.warnings) problems.push(problemOf(warning, 'warning', text));
    ({ root, intrinsics } = buildTree(doc, text));
  } catch (error) {
    problems.push({ message: String((error as Error)?.message ?? error), range: { start: 0, end: 0 }, severity: 'error' });
  }
  return assemble(text, format, root, intrinsics, problems);
}

/**
 * Robustness (issue 9): the YAML parser recurses per nesting level; on 100k-deep JSON it overflows the stack,
 * and after such an overflow V8 could abort the whole process in its regexp compiler on the next parse. Real
 * templates nest a few dozen levels; anything beyond this is reported as a problem instead of parsed.
 */
const MAX_TEMPLATE_NESTING = 1000;

/** Upper estimate of nesting: open brackets outside double-quoted strings, and indentation columns. Linear. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let indent = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      if (c === 32 || c === 9) {
        indent++;
        if (indent > max) max = indent;
        continue;
      }
      lineStart = false;
    }
    if (c === 10) {
      lineStart = true;
      indent = 0;
    } else if (c === 34) {
      // skip a double-quoted string (JSON, YAML); an unterminated one ends at the end of the line
      for (i++; i < text.length && text.charCodeAt(i) !== 34 && text.charCodeAt(i) !== 10; i++) if (text.charCodeAt(i) === 92) i++;
      if (text.charCodeAt(i) === 10) i--;
    } else if (c === 91 || c === 123) {
      depth++;
      if (depth > max) max = depth;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

function problemOf(error: { message: string; pos: [number, number] }, severity: CfnProblem['severity'], text: string): CfnProblem {
  const start = Math.min(error.pos?.[0] ?? 0, text.length);
  const end = Math.min(Math.max(error.pos?.[1] ?? start, start), text.length);
  return { message: error.message.split('\n')[0], range: { start, end }, severity };
}

function assemble(
  text: string,
  format: 'yaml' | 'json',
  root: CfnNode | undefined,
  intrinsics: CfnTemplate['intrinsics'],
  problems: CfnProblem[],
): CfnTemplate {
  const sections = root?.kind === 'mapping' ? root.pairs : [];
  const section = (name: string) => sections.find((p) => p.key === name)?.value;
  const value = (root?.kind === 'mapping' ? toValue(root) : {}) as CfnValueMap;
  const transforms = transformNames(section('Transform'));
  const formatVersion = scalarString(section('AWSTemplateFormatVersion'));
  const parameters: CfnParameter[] = entriesOf(section('Parameters')).map((e) => ({ ...e, type: scalarString(child(e.node, 'Type')) }));
  const resources = entriesOf(section('Resources')).map(resourceOf);
  const byResource = new Map<string, CfnResource>();
  for (const r of resources) if (!byResource.has(r.id)) byResource.set(r.id, r);
  const byParameter = new Map<string, CfnParameter>();
  for (const p of parameters) if (!byParameter.has(p.id)) byParameter.set(p.id, p);
  return {
    format,
    text,
    root,
    value,
    problems,
    formatVersion,
    transforms,
    sam: transforms.some((t) => t.startsWith('AWS::Serverless')),
    sections,
    parameters,
    resources,
    outputs: entriesOf(section('Outputs')),
    conditions: entriesOf(section('Conditions')),
    mappings: entriesOf(section('Mappings')),
    intrinsics,
    resource: (id) => byResource.get(id),
    parameter: (id) => byParameter.get(id),
    nodeAt: (offset) => nodeAt(root, intrinsics, text, offset),
  };
}

function entriesOf(node: CfnNode | undefined): CfnEntry[] {
  if (!node || node.kind !== 'mapping') return [];
  return node.pairs.map((p) => ({ id: p.key, idRange: p.keyRange, range: p.range, node: p.value }));
}

function child(node: CfnNode | undefined, key: string): CfnNode | undefined {
  return node?.kind === 'mapping' ? node.pairs.find((p) => p.key === key)?.value : undefined;
}

function scalarString(node: CfnNode | undefined): string | undefined {
  return node?.kind === 'scalar' && !node.intrinsic && node.value !== null ? String(node.value) : undefined;
}

function nameRefOf(node: CfnNode | undefined): CfnNameRef | undefined {
  const name = scalarString(node);
  return name !== undefined && node?.kind === 'scalar' ? { name, range: node.valueRange } : undefined;
}

function transformNames(node: CfnNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'sequence') return node.items.map(scalarString).filter((s): s is string => !!s);
  const name = scalarString(node) ?? scalarString(child(node, 'Name'));
  return name ? [name] : [];
}

function resourceOf(entry: CfnEntry): CfnResource {
  const typeNode = child(entry.node, 'Type');
  const type = scalarString(typeNode);
  const props = child(entry.node, 'Properties');
  const properties = props?.kind === 'mapping' ? (props as CfnMapping) : undefined;
  const dependsOnNode = child(entry.node, 'DependsOn');
  const dependsOn: CfnNameRef[] =
    dependsOnNode?.kind === 'sequence'
      ? dependsOnNode.items.map(nameRefOf).filter((r): r is CfnNameRef => !!r)
      : [nameRefOf(dependsOnNode)].filter((r): r is CfnNameRef => !!r);
  return {
    ...entry,
    type,
    typeRange: type !== undefined && typeNode?.kind === 'scalar' ? typeNode.valueRange : undefined,
    properties,
    propertyPairs: properties ? properties.pairs : ([] as CfnPair[]),
    dependsOn,
    condition: nameRefOf(child(entry.node, 'Condition')),
  };
}

// Terraform's JSON syntax (`*.tf.json`): hover on resource/data type keys and argument keys, and an outline.
// `{"resource": {"aws_sqs_queue": {"jobs": {"name": "jobs"}}}}`. Reuses the position-keeping template reader.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type Hover } from 'vscode-languageserver-types';
import type { CfnMapping, CfnNode, CfnPair } from '../../syntax/template';
import type { CoreContext } from '../../context';
import { isAwsType } from './blockSchema';
import { argumentHoverMarkdown, typeHoverMarkdown } from './hover';

const mapping = (node: CfnNode | undefined): CfnMapping | undefined => (node?.kind === 'mapping' ? node : undefined);
/** A block body is an object, or a list of objects when the block repeats. */
const bodies = (node: CfnNode | undefined): CfnMapping[] =>
  node?.kind === 'mapping' ? [node] : node?.kind === 'sequence' ? node.items.filter((n): n is CfnMapping => n.kind === 'mapping') : [];
const within = (pair: CfnPair, offset: number) => pair.keyRange.start <= offset && offset <= pair.keyRange.end;

interface Entry {
  kind: 'resource' | 'data';
  type: CfnPair;
  name: CfnPair;
}

function entries(root: CfnMapping): Entry[] {
  const out: Entry[] = [];
  for (const section of root.pairs) {
    if (section.key !== 'resource' && section.key !== 'data') continue;
    for (const type of mapping(section.value)?.pairs ?? []) {
      for (const name of mapping(type.value)?.pairs ?? []) out.push({ kind: section.key, type, name });
    }
  }
  return out;
}

export function terraformJsonHover(document: TextDocument, root: CfnMapping, offset: number, ctx: CoreContext): Hover | undefined {
  const range = (r: { start: number; end: number }) => ({ start: document.positionAt(r.start), end: document.positionAt(r.end) });
  for (const section of root.pairs) {
    if (section.key !== 'resource' && section.key !== 'data') continue;
    for (const type of mapping(section.value)?.pairs ?? []) {
      if (within(type, offset) && isAwsType(type.key)) {
        return { contents: { kind: 'markdown', value: typeHoverMarkdown(type.key, section.key, ctx) }, range: range(type.keyRange) };
      }
    }
  }
  for (const entry of entries(root)) {
    if (!isAwsType(entry.type.key)) continue;
    for (const body of bodies(entry.name.value)) {
      const argument = body.pairs.find((p) => within(p, offset));
      if (argument) {
        return { contents: { kind: 'markdown', value: argumentHoverMarkdown(entry.type.key, entry.kind, argument.key, ctx) }, range: range(argument.keyRange) };
      }
    }
  }
  return undefined;
}

export function terraformJsonSymbols(document: TextDocument, root: CfnMapping): DocumentSymbol[] {
  const range = (r: { start: number; end: number }) => ({ start: document.positionAt(r.start), end: document.positionAt(r.end) });
  return entries(root).map((entry) => ({
    name: entry.kind === 'data' ? `data.${entry.type.key}.${entry.name.key}` : `${entry.type.key}.${entry.name.key}`,
    detail: entry.kind,
    kind: entry.kind === 'data' ? SymbolKind.Struct : SymbolKind.Class,
    range: range(entry.name.range),
    selectionRange: range(entry.name.keyRange),
  }));
}

// Outline of a Terraform file: resources, data sources, variables, outputs, locals, modules, providers.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { HclBlock, HclFile } from '../../syntax/hcl/hclReader';

const KINDS: Record<string, SymbolKind> = {
  resource: SymbolKind.Class,
  data: SymbolKind.Struct,
  variable: SymbolKind.Variable,
  output: SymbolKind.Property,
  locals: SymbolKind.Namespace,
  module: SymbolKind.Module,
  provider: SymbolKind.Package,
  terraform: SymbolKind.Package,
};

const MAX_DEPTH = 8;

export function terraformSymbols(document: TextDocument, file: HclFile): DocumentSymbol[] {
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(Math.max(start, end)) });

  function blockName(block: HclBlock): string {
    const labels = block.labels.map((l) => l.text);
    switch (block.type.text) {
      case 'resource':
        return labels.length >= 2 ? `${labels[0]}.${labels[1]}` : labels[0] || 'resource';
      case 'data':
        return labels.length >= 2 ? `data.${labels[0]}.${labels[1]}` : `data.${labels[0] ?? ''}`;
      case 'variable':
        return `var.${labels[0] ?? ''}`;
      case 'module':
        return `module.${labels[0] ?? ''}`;
      default:
        return [block.type.text, ...labels].join(' ');
    }
  }

  function symbolOf(block: HclBlock, depth: number): DocumentSymbol {
    const selection = block.labels[block.labels.length - 1] ?? block.type;
    const children: DocumentSymbol[] = [];
    if (depth < MAX_DEPTH) {
      const items: { start: number; make: () => DocumentSymbol }[] = [
        ...block.body.attributes.map((a) => ({
          start: a.start,
          make: (): DocumentSymbol => ({
            name: block.type.text === 'locals' ? `local.${a.name.text}` : a.name.text,
            kind: block.type.text === 'locals' ? SymbolKind.Constant : SymbolKind.Field,
            range: range(a.start, a.end),
            selectionRange: range(a.name.start, a.name.end),
          }),
        })),
        ...block.body.blocks.map((b) => ({ start: b.start, make: () => symbolOf(b, depth + 1) })),
      ];
      items.sort((x, y) => x.start - y.start);
      for (const item of items) children.push(item.make());
    }
    return {
      name: blockName(block) || block.type.text,
      detail: block.type.text === 'resource' || block.type.text === 'data' ? block.type.text : undefined,
      kind: depth === 0 ? (KINDS[block.type.text] ?? SymbolKind.Object) : SymbolKind.Struct,
      range: range(block.start, block.end),
      selectionRange: range(selection.start, selection.end),
      children,
    };
  }

  return file.body.blocks.map((b) => symbolOf(b, 0));
}

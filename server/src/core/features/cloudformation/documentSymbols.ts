// Outline of a template: Parameters, Resources (type as detail), Outputs, Conditions, Mappings.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { CfnEntry, CfnParameter, CfnResource, CfnTemplate, Range } from '../../syntax/template/types';

interface SectionSpec {
  key: 'Parameters' | 'Resources' | 'Outputs' | 'Conditions' | 'Mappings';
  kind: SymbolKind;
  entries: (t: CfnTemplate) => CfnEntry[];
  detail?: (entry: CfnEntry) => string | undefined;
}

const SECTIONS: SectionSpec[] = [
  { key: 'Parameters', kind: SymbolKind.Variable, entries: (t) => t.parameters, detail: (e) => (e as CfnParameter).type },
  { key: 'Resources', kind: SymbolKind.Class, entries: (t) => t.resources, detail: (e) => (e as CfnResource).type },
  { key: 'Outputs', kind: SymbolKind.Property, entries: (t) => t.outputs },
  { key: 'Conditions', kind: SymbolKind.Boolean, entries: (t) => t.conditions },
  { key: 'Mappings', kind: SymbolKind.Object, entries: (t) => t.mappings },
];

export function templateSymbols(document: TextDocument, template: CfnTemplate): DocumentSymbol[] {
  const range = (r: Range) => ({ start: document.positionAt(r.start), end: document.positionAt(Math.max(r.end, r.start)) });
  const symbols: DocumentSymbol[] = [];
  for (const spec of SECTIONS) {
    const pair = template.sections.find((p) => p.key === spec.key);
    if (!pair) continue;
    const children: DocumentSymbol[] = spec.entries(template).map((entry) => {
      const symbol: DocumentSymbol = {
        name: entry.id || '""',
        kind: spec.kind,
        range: range({ start: entry.range.start, end: Math.max(entry.range.end, entry.idRange.end) }),
        selectionRange: range(entry.idRange),
      };
      const detail = spec.detail?.(entry);
      if (detail) symbol.detail = detail;
      return symbol;
    });
    symbols.push({
      name: spec.key,
      kind: SymbolKind.Namespace,
      detail: String(children.length),
      range: range({ start: pair.range.start, end: Math.max(pair.range.end, pair.keyRange.end) }),
      selectionRange: range(pair.keyRange),
      children,
    });
  }
  return symbols;
}

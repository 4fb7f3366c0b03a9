// Shared fixtures for the CloudFormation feature tests: the real knowledge base, stub notes, cursor documents.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import type { CoreContext, NoteCodeBlock, NotesLookup } from '../../../../../server/src/core/context';
import { createCloudFormationProvider } from '../../../../../server/src/core/features/cloudformation/provider';
import type { AwsData } from '../../../../../server/src/core/data/awsData';
import type { Locale } from '../../../../../server/src/core/present/l10n';
import type { NoteQuery } from '../../../../../server/src/core/notes/noteQuery';
import { loadAwsData } from '../../../../../server/src/node/dataLoader';
import { documentWithCursor } from '../../../../helpers/cursor';

let data: AwsData | undefined;
export function realData(): AwsData {
  return (data ??= loadAwsData());
}

/** Notes that know a few terms and code blocks. */
export function stubNotes(terms: Record<string, string> = {}, blocks: NoteCodeBlock[] = []): NotesLookup {
  // A query's key names what the stub answers: "service:<id>" for a service or an identifier of it, "<id>:<term>" or
  // "<term>" for a property/term.
  const query = (key: string, term?: string): NoteQuery => ({ key, exact: term ? [{ text: term, weight: 1 }] : [], related: [], coServices: [] });
  const markdown = (q: NoteQuery) => terms[q.key] ?? (q.exact[0] ? terms[q.exact[0].text] : undefined) ?? '';
  return {
    forService: (id) => query(`service:${id}`),
    forIdentity: (identity) => query(`service:${identity.serviceId}`),
    forTerm: (term, serviceId) => query(serviceId ? `${serviceId}:${term}` : term, term),
    sections: () => [],
    sectionCount: () => 0,
    notesMarkdown: markdown,
    codeBlocks: (languages) => blocks.filter((b) => languages.includes(b.lang)),
  };
}

export function context(options: { locale?: Locale; notes?: NotesLookup; data?: AwsData } = {}): CoreContext {
  return { data: options.data ?? realData(), notes: options.notes ?? stubNotes(), locale: options.locale ?? 'en' };
}

export const provider = () => createCloudFormationProvider();

let counter = 0;
export function doc(source: string, languageId = 'yaml', file?: string): { document: TextDocument; offset: number } {
  const ext = languageId === 'json' ? 'json' : 'yaml';
  const { document, position } = documentWithCursor(`file:///t/${file ?? `template${++counter}.${ext}`}`, languageId, source.includes('‸') ? source : source + '‸');
  return { document, offset: document.offsetAt(position) };
}

export function items(result: CompletionItem[] | CompletionList | null | undefined): CompletionItem[] {
  if (!result) return [];
  return Array.isArray(result) ? result : result.items;
}

export function labels(result: CompletionItem[] | CompletionList | null | undefined): string[] {
  return items(result).map((i) => i.label);
}

export function hoverText(hover: unknown): string {
  const h = hover as { contents?: { value?: string } } | null | undefined;
  return h?.contents?.value ?? '';
}

/** Applies a completion item's main text edit (snippet syntax kept) to the document text. */
export function apply(document: TextDocument, item: CompletionItem): string {
  const edit = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  const text = document.getText();
  return text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
}

/** Replaces snippet placeholders with their defaults (first choice, default text, or empty). */
export function expandSnippet(text: string): string {
  let out = text;
  for (let i = 0; i < 5; i++) {
    out = out
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\}/g, '')
      .replace(/\$\d+/g, '');
  }
  return out.replace(/\\([$}\\])/g, '$1');
}

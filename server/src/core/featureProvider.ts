// A language feature set for one kind of document (CloudFormation templates, Terraform files...). The language
// service asks providers in order; the first answer wins, except diagnostics and code lenses, which add up.
// Returning undefined means "not mine / nothing here": the next provider, then the generic AWS-name features,
// get their turn.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, Location } from 'vscode-languageserver-types';
import type { CoreContext } from './context';
import type { NoteQuery } from './notes/noteQuery';

export interface FeatureProvider {
  /** Short name for logs ("cloudformation", "terraform"). */
  name: string;
  hover?(document: TextDocument, offset: number, ctx: CoreContext): Hover | null | undefined;
  completion?(document: TextDocument, offset: number, ctx: CoreContext): CompletionItem[] | CompletionList | null | undefined;
  /** Resolves extra details of a completion item this provider created (item.data.provider === name). */
  resolveCompletion?(item: CompletionItem, ctx: CoreContext): CompletionItem;
  definition?(document: TextDocument, offset: number, ctx: CoreContext): Location[] | null | undefined;
  /** The notes query for what is under the cursor (a property, an argument): the hover shows its sections and Go to
   * Definition lists them all. */
  noteQuery?(document: TextDocument, offset: number, ctx: CoreContext): NoteQuery | null | undefined;
  references?(document: TextDocument, offset: number, ctx: CoreContext): Location[] | null | undefined;
  documentSymbols?(document: TextDocument, ctx: CoreContext): DocumentSymbol[] | null | undefined;
  diagnostics?(document: TextDocument, ctx: CoreContext): Diagnostic[] | null | undefined;
  codeLenses?(document: TextDocument, ctx: CoreContext): CodeLens[] | null | undefined;
}

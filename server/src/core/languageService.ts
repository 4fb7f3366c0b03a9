// The AWS Notes language service: a pure factory over the knowledge base and the notes index, in the style of
// Microsoft's markdown language service. Adapters (LSP connection, CLI, tests) call these methods.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, Position, SymbolInformation } from 'vscode-languageserver-types';
import type { FeatureProvider } from './featureProvider';
import type { CoreContext } from './context';
import type { AwsData } from './data/awsData';
import { noteLocations } from './features/aws/definition';
import { documentSymbols } from './features/notes/documentSymbols';
import { identityHover } from './features/aws/hover';
import { lookupTerm, type LookupAnswer } from './features/aws/lookup';
import { createNotesLookup } from './present/notesMarkdown';
import { noteMentionsOfService } from './features/aws/references';
import { workspaceSymbols } from './features/notes/workspaceSymbols';
import type { Locale } from './present/l10n';
import type { NoteQuery, Translate } from './notes/noteQuery';
import { placeTermsAt } from './recognize/placeTerms';
import { NotesIndex, type NoteParser } from './notes/notesIndex';
import { parseNote } from './syntax/markdown/parseNote';
import { createRecognizer, identityAt, type Identity } from './recognize/identities';
import type { TextMode } from './recognize/serviceNameMatcher';
import { DEFAULT_CORE_SETTINGS, type CoreSettings } from './settings';
import { bilingualMatches } from './text/bilingual';
import { isProse } from './syntax/documents';

/** A feature that may answer a hover before the generic identity hover (e.g. CloudFormation templates). */
export type HoverProvider = (document: TextDocument, offset: number, ctx: CoreContext) => Hover | null | undefined;

export interface LanguageServiceOptions {
  data: AwsData;
  locale?: Locale;
  settings?: CoreSettings;
  parser?: NoteParser;
  hoverProviders?: HoverProvider[];
  /** English words -> Japanese forms notes use (the bilingual table), for matching identifiers to prose. */
  translate?: Translate;
  /** Document-kind features (CloudFormation, Terraform), asked before the generic AWS-name features. */
  providers?: FeatureProvider[];
}

/** English words -> Japanese forms from the shipped bilingual table, when the data has one. */
function bilingualTranslate(data: AwsData): Translate | undefined {
  return (phrase) => {
    const table = data.bilingual?.();
    return table ? bilingualMatches(phrase, table) : [];
  };
}

export function createLanguageService(options: LanguageServiceOptions) {
  let locale: Locale = options.locale ?? 'en';
  let settings: CoreSettings = options.settings ?? DEFAULT_CORE_SETTINGS;
  const recognizer = createRecognizer(options.data);
  const index = new NotesIndex(recognizer, options.parser ?? parseNote);
  let progress: { done: number; total: number } | undefined;
  let setupHint = false;
  const notes = createNotesLookup(index, options.data, {
    locale: () => locale,
    options: () => settings.hover,
    translate: options.translate ?? bilingualTranslate(options.data),
    servicesIn: (text) => [...new Set(recognizer.names.findAll(text, 'prose').map((m) => m.serviceId))],
    progress: () => progress,
    setupHint: () => setupHint,
  });
  const context: CoreContext = {
    data: options.data,
    notes,
    get locale() {
      return locale;
    },
  };
  const hoverProviders = options.hoverProviders ?? [];
  const providers = options.providers ?? [];

  /** First provider answer wins; undefined/null passes to the next. */
  function ask<T>(run: (p: FeatureProvider) => T | null | undefined): T | undefined {
    for (const provider of providers) {
      const answer = run(provider);
      if (answer !== undefined && answer !== null) return answer;
    }
    return undefined;
  }

  /** Prose rules in notes and plain text (except inside code blocks); code rules everywhere else. */
  function modeAt(document: TextDocument, offset: number): TextMode {
    if (!isProse(document)) return 'code';
    const note = index.get(document.uri);
    if (!note) return 'prose';
    const ranges = note.codeRanges;
    for (let i = 0; i < ranges.length; i += 2) if (ranges[i] <= offset && offset < ranges[i + 1]) return 'code';
    return 'prose';
  }

  /** `withPlace`: also read what surrounds an ARN or principal (for the notes query of hover and definition). */
  function identityAtPosition(document: TextDocument, position: Position, withPlace = false): Identity | undefined {
    const text = document.getText();
    const offset = document.offsetAt(position);
    const mode = modeAt(document, offset);
    const identity = identityAt(recognizer, text, offset, mode);
    // An ARN or a principal means what its place in a template, policy or program says it is used for.
    if (withPlace && identity && mode === 'code' && (identity.kind === 'arn' || identity.kind === 'principal')) identity.place = placeTermsAt(text, offset);
    return identity;
  }

  function providedNoteQuery(document: TextDocument, offset: number): NoteQuery | undefined {
    return ask((p) => p.noteQuery?.(document, offset, context));
  }

  function noteQueryAt(document: TextDocument, position: Position): NoteQuery | undefined {
    const query = providedNoteQuery(document, document.offsetAt(position));
    if (query) return query;
    const identity = identityAtPosition(document, position, true);
    return identity ? notes.forIdentity(identity) : undefined;
  }

  return {
    index,
    recognizer,
    context,
    setLocale(value: Locale) {
      locale = value;
    },
    /** While the first crawl runs: how far it is (hovers that find nothing say so); undefined when done. */
    setIndexingProgress(value: { done: number; total: number } | undefined) {
      progress = value;
    },
    /** No notes folder is configured (and the hint is not switched off): the first hover that finds nothing says how to set one. */
    setSetupHint(value: boolean) {
      setupHint = value;
    },
    updateSettings(value: CoreSettings) {
      settings = value;
    },
    identityAt: identityAtPosition,

    /** A term typed outside any document (the CLI's `lookup`): what a hover on it shows, and its sections as data. */
    lookup(term: string): LookupAnswer | undefined {
      return lookupTerm(term, { recognizer, index, context, hover: (document, position) => this.hover(document, position) });
    },

    hover(document: TextDocument, position: Position): Hover | null {
      const offset = document.offsetAt(position);
      const provided = ask((p) => p.hover?.(document, offset, context));
      if (provided) return provided;
      for (const provider of hoverProviders) {
        const answer = provider(document, offset, context);
        if (answer) return answer;
      }
      const identity = identityAtPosition(document, position, true);
      return identity ? identityHover(document, identity, context) : null;
    },

    definition(document: TextDocument, position: Position): Location[] {
      const offset = document.offsetAt(position);
      const provided = ask((p) => p.definition?.(document, offset, context));
      if (provided?.length) return provided;
      // A provider that answered (even with nothing) owns the position unless it names what to ask the notes.
      const query = provided ? providedNoteQuery(document, offset) : noteQueryAt(document, position);
      return query ? noteLocations(index, notes.sections(query)) : (provided ?? []);
    },

    /** What the notes are asked for at a position (a template property, an identifier), and the sections it finds,
     * best first: the ranking behind hover, Go to Definition and CodeLens, for the CLI and the retrieval eval. */
    noteQueryAt,
    sectionsFor: (query: NoteQuery) => notes.sections(query),

    references(document: TextDocument, position: Position): Location[] {
      const provided = ask((p) => p.references?.(document, document.offsetAt(position), context));
      if (provided) return provided;
      const identity = identityAtPosition(document, position);
      return identity ? noteMentionsOfService(index, identity.serviceId) : [];
    },

    workspaceSymbols(query: string): SymbolInformation[] {
      return workspaceSymbols(index, query);
    },

    completion(document: TextDocument, position: Position): CompletionItem[] | CompletionList {
      return ask((p) => p.completion?.(document, document.offsetAt(position), context)) ?? [];
    },

    resolveCompletion(item: CompletionItem): CompletionItem {
      const owner = providers.find((p) => p.name === (item.data as { provider?: string } | undefined)?.provider);
      return owner?.resolveCompletion ? owner.resolveCompletion(item, context) : item;
    },

    diagnostics(document: TextDocument): Diagnostic[] {
      return providers.flatMap((p) => p.diagnostics?.(document, context) ?? []);
    },

    codeLenses(document: TextDocument): CodeLens[] {
      return providers.flatMap((p) => p.codeLenses?.(document, context) ?? []);
    },

    /** Outline of a document from a provider (templates, Terraform), or undefined. */
    providedDocumentSymbols(document: TextDocument): DocumentSymbol[] | undefined {
      return ask((p) => p.documentSymbols?.(document, context));
    },

    documentSymbols(document: TextDocument): DocumentSymbol[] {
      const note = index.get(document.uri) ?? parseNote(document.uri, document.getText());
      return documentSymbols(note);
    },
  };
}

export type LanguageService = ReturnType<typeof createLanguageService>;

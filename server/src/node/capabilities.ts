// What this server offers, and what it may ask of the client (read once from `initialize`).
import { TextDocumentSyncKind, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver/node';

export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  workspaceSymbolProvider: true,
  documentSymbolProvider: true,
  completionProvider: { triggerCharacters: [':', ' ', '.', '!', '"', '_', '$', '{'], resolveProvider: true },
  codeLensProvider: { resolveProvider: false },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

export interface ClientCapabilities {
  /** workspace/configuration: settings are pulled (else only initializationOptions count). */
  canPullConfiguration: boolean;
  /** The client registers file watchers for us. */
  canWatchFiles: boolean;
  /** … with { baseUri, pattern } globs. */
  relativePatterns: boolean;
  /** window/workDoneProgress while indexing. */
  canReportProgress: boolean;
  /** workspace/codeLens/refresh when the display language changes. */
  canRefreshCodeLenses: boolean;
  /** The CompletionList.itemDefaults the client applies (LSP 3.17): what all items share is sent once. */
  completionItemDefaults: ReadonlySet<string>;
}

export function clientCapabilities(params: InitializeParams): ClientCapabilities {
  const caps = params.capabilities;
  return {
    canPullConfiguration: !!caps.workspace?.configuration,
    canWatchFiles: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    relativePatterns: !!caps.workspace?.didChangeWatchedFiles?.relativePatternSupport,
    canReportProgress: !!caps.window?.workDoneProgress,
    canRefreshCodeLenses: !!caps.workspace?.codeLens?.refreshSupport,
    completionItemDefaults: new Set(listOfStrings(caps.textDocument?.completion?.completionList?.itemDefaults)),
  };
}

/** A declared list as it is, or nothing (a client's malformed capability must not fail `initialize`). */
function listOfStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

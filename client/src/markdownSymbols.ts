// Issue 17: VS Code's built-in Markdown extension (on by default) already answers document symbols (Outline,
// breadcrumbs, Go to Symbol in Editor) and workspace symbols (Ctrl+T) for the headings of Markdown files, and
// VS Code merges every provider's answer: each heading appeared twice. In VS Code, when that extension is
// enabled, it answers for Markdown and we add only what it cannot find (NFKC `ＳＱＳ`, Japanese substrings out
// of order, notes outside the workspace, the `note › H1` container). The server is unchanged, so other
// editors keep our symbols.
import * as vscode from 'vscode';

export const BUILTIN_MARKDOWN = 'vscode.markdown-language-features';

/** A disabled built-in extension is not returned by getExtension. */
export function builtinMarkdownEnabled(): boolean {
  return vscode.extensions.getExtension(BUILTIN_MARKDOWN) !== undefined;
}

// The file extensions the built-in treats as Markdown (its `markdownFileExtensions` plus VS Code's markdown language).
const MARKDOWN_FILE = /\.(md|mkd|mdwn|mdown|markdown|markdn|mdtxt|mdtext|workbook)$/i;

/** Outline/breadcrumbs/Go to Symbol in Editor: a Markdown document's headings come from the built-in only. */
export function builtinAnswersDocumentSymbols(document: vscode.TextDocument, enabled = builtinMarkdownEnabled()): boolean {
  return enabled && (document.languageId === 'markdown' || MARKDOWN_FILE.test(document.uri.path));
}

/**
 * Whether the built-in lists this heading for `query` too: a Markdown file inside a workspace folder (not under
 * node_modules), whose symbol name `## heading` contains the lower-cased query's characters in order
 * (vscode-markdown-languageservice's workspace symbols).
 */
export function builtinListsHeading(symbol: { name: string; location: { uri: vscode.Uri } }, query: string, inWorkspace: (uri: vscode.Uri) => boolean): boolean {
  const uri = symbol.location.uri;
  if (!MARKDOWN_FILE.test(uri.path) || /\/node_modules\//.test(uri.path) || !inWorkspace(uri)) return false;
  // Its names start with the heading's #s; ours are the bare text. A query that uses #s matches a level we don't know:
  // compare the rest, so such a heading is never listed twice.
  return fuzzyContains(symbol.name.toLowerCase(), query.toLowerCase().replace(/^[#\s]+/, ''));
}

/** Characters of `query` in order inside `target` (already lower-cased). */
export function fuzzyContains(target: string, query: string): boolean {
  let from = 0;
  for (const ch of query) {
    const at = target.indexOf(ch, from);
    if (at < 0) return false;
    from = at + ch.length;
  }
  return true;
}

/** Client middleware: drops what the built-in Markdown extension already shows. */
export function symbolMiddleware(enabled: () => boolean = builtinMarkdownEnabled) {
  const inWorkspace = (uri: vscode.Uri) => vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  return {
    provideDocumentSymbols: (
      document: vscode.TextDocument,
      token: vscode.CancellationToken,
      next: (document: vscode.TextDocument, token: vscode.CancellationToken) => vscode.ProviderResult<vscode.SymbolInformation[] | vscode.DocumentSymbol[]>,
    ) => (builtinAnswersDocumentSymbols(document, enabled()) ? [] : next(document, token)),
    provideWorkspaceSymbols: async (
      query: string,
      token: vscode.CancellationToken,
      next: (query: string, token: vscode.CancellationToken) => vscode.ProviderResult<vscode.SymbolInformation[]>,
    ) => {
      const ours = (await next(query, token)) ?? [];
      if (!enabled()) return ours;
      return ours.filter((s) => !builtinListsHeading(s, query, inWorkspace));
    },
  };
}

// Diagnostics are computed after the user pauses typing, per document, and cleared when it closes.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const PAUSE_MS = 250;

export function scheduleDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, compute: (document: TextDocument) => Diagnostic[]): void {
  const timers = new Map<string, NodeJS.Timeout>();
  const publish = (doc: TextDocument) => {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (!current) return;
        void connection.sendDiagnostics({ uri: doc.uri, version: current.version, diagnostics: compute(current) });
      }, PAUSE_MS),
    );
  };
  documents.onDidOpen(({ document }) => publish(document));
  documents.onDidChangeContent(({ document }) => publish(document));
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
}

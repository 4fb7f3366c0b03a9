// Helpers for the in-extension-host suite. Everything goes through the public `vscode` API.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'aws-notes.aws-notes';
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function workspaceRoot(): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders;
  assert.ok(folders && folders.length > 0, 'the fixture workspace is not open');
  return folders![0].uri;
}

export const wsUri = (rel: string) => vscode.Uri.joinPath(workspaceRoot(), ...rel.split('/'));

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this extension host`);
  await ext!.activate();
  assert.ok(ext!.isActive, 'extension did not activate');
  return ext!;
}

export async function open(rel: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * Position of `word` inside the first line containing `context` (context must contain word).
 * `at` = offset inside the word (default: its middle), so the test does not depend on column numbers.
 */
export function positionOf(doc: vscode.TextDocument, context: string, word: string, at?: number): vscode.Position {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.lineAt(line).text;
    const c = text.indexOf(context);
    if (c < 0) continue;
    const w = text.indexOf(word, c);
    assert.ok(w >= 0 && w < c + context.length, `"${word}" is not inside "${context}"`);
    return new vscode.Position(line, w + (at ?? Math.floor(word.length / 2)));
  }
  throw new assert.AssertionError({ message: `no line of ${doc.uri.path} contains "${context}"` });
}

/** 0-based line of the heading whose text (after the #s) starts with `title`. */
export function headingLine(doc: vscode.TextDocument, title: string): number {
  let fence = false;
  for (let line = 0; line < doc.lineCount; line++) {
    if (/^\s*(```|~~~)/.test(doc.lineAt(line).text)) fence = !fence;
    if (fence) continue;
    const m = /^#{1,6}\s+(.*)$/.exec(doc.lineAt(line).text);
    if (m && m[1].startsWith(title)) return line;
  }
  throw new assert.AssertionError({ message: `no heading "${title}" in ${doc.uri.path}` });
}

export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c))))
    .join('\n');
}

export async function hovers(uri: vscode.Uri, pos: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
}

/**
 * Asks for hovers until `ok(text)` holds or `timeoutMs` passes (the language server starts and indexes
 * asynchronously). Returns the last text either way; the caller asserts.
 */
export async function hoverUntil(uri: vscode.Uri, pos: vscode.Position, ok: (text: string) => boolean,
  timeoutMs = 30000): Promise<string> {
  const t0 = Date.now();
  let text = '';
  for (;;) {
    text = hoverText(await hovers(uri, pos));
    if (ok(text) || Date.now() - t0 > timeoutMs) return text;
    await sleep(250);
  }
}

/** Our hover links: command:awsNotes.openSection?<url-encoded JSON [{uri, line}]>. */
export interface SectionLink { uri: string; line: number }
export function sectionLinks(markdown: string): SectionLink[] {
  const out: SectionLink[] = [];
  const re = /command:awsNotes\.openSection\?([^)\s"']+)/g;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    const args = JSON.parse(decodeURIComponent(m[1]));
    const first = Array.isArray(args) ? args[0] : args;
    assert.ok(first && typeof first.uri === 'string' && Number.isInteger(first.line), `bad openSection args: ${m[1]}`);
    out.push({ uri: first.uri, line: first.line });
  }
  return out;
}

/** Location | LocationLink -> { uri, range } */
export function target(l: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : { uri: l.uri, range: l.range };
}

/** Markers that only our hover produces (used by negative tests in files other providers also hover). */
export function looksLikeOurHover(text: string): boolean {
  return /command:awsNotes\.|From your notes|あなたのノート|Amazon |AWS [A-Z]/.test(text);
}

export async function until<T>(fn: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 15000, stepMs = 250): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() - t0 > timeoutMs) return v;
    await sleep(stepMs);
  }
}

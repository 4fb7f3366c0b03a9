// The VS Code side: starts aws-notes-ls over IPC, adds commands and a status item. Thin by design: every
// answer comes from the language server.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const OPEN_SECTION = 'awsNotes.openSection';

interface OpenSectionArgs {
  uri: string;
  line: number;
}

interface Stats {
  files: number;
  sections: number;
  services: number;
}

interface SectionItem {
  label: string;
  detail: string;
  uri: string;
  line: number;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel('AWS Notes', { log: true });
  const clientOptions: LanguageClientOptions = {
    // Hover works in every file the user edits: templates, Terraform, code, notes, plain text.
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
    synchronize: { configurationSection: 'awsNotes' },
    initializationOptions: vscode.workspace.getConfiguration('awsNotes'),
    outputChannel: output,
    // Only our own Open Section links may run; note content is never trusted.
    markdown: { isTrusted: { enabledCommands: [OPEN_SECTION] }, supportHtml: false },
  };
  client = new LanguageClient('awsNotes', 'AWS Notes', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.name = 'AWS Notes';
  status.text = `$(sync~spin) ${vscode.l10n.t('AWS Notes: indexing…')}`;
  status.command = 'awsNotes.searchNotes';
  status.show();
  context.subscriptions.push(status, output);

  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_SECTION, openSection),
    vscode.commands.registerCommand('awsNotes.reindex', async () => {
      const stats = await client?.sendRequest<Stats>('awsNotes/reindex');
      if (stats) vscode.window.setStatusBarMessage(vscode.l10n.t('AWS Notes: {0} notes, {1} sections', stats.files, stats.sections), 4000);
      return stats;
    }),
    vscode.commands.registerCommand('awsNotes.searchNotes', searchNotes),
    vscode.commands.registerCommand('awsNotes.showLog', () => output.show()),
  );

  await client.start();
  client.onNotification('awsNotes/indexed', (stats: Stats) => {
    status.text = `$(book) ${vscode.l10n.t('{0} notes · {1} sections', stats.files, stats.sections)}`;
    status.tooltip = vscode.l10n.t('AWS Notes: {0} notes, {1} sections, {2} services mentioned. Click to search notes.', stats.files, stats.sections, stats.services);
  });
}

async function openSection(args: OpenSectionArgs | OpenSectionArgs[]): Promise<vscode.TextEditor | undefined> {
  const target = Array.isArray(args) ? args[0] : args;
  if (!target || typeof target.uri !== 'string') return undefined;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  const line = Math.max(0, Math.min(Number(target.line) || 0, document.lineCount - 1));
  const position = new vscode.Position(line, 0);
  const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  return editor;
}

async function searchNotes(): Promise<void> {
  if (!client) return;
  const sections = await client.sendRequest<SectionItem[]>('awsNotes/searchSections', { query: '', limit: 20000 });
  const picked = await vscode.window.showQuickPick(
    sections.map((s) => ({ label: s.label, detail: s.detail, section: s })),
    { matchOnDetail: true, placeHolder: vscode.l10n.t('Search note headings (e.g. SQS, 可視性)') },
  );
  if (picked) await openSection({ uri: picked.section.uri, line: picked.section.line });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

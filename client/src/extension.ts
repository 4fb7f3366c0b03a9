// The VS Code side: starts aws-notes-ls over IPC and adds commands, the notes explorer, CodeLens switch and
// a status item. Thin by design: every answer comes from the language server.
import * as vscode from 'vscode';
import { t } from './l10n';
import { CodeLensRequest, LanguageClient, RevealOutputChannelOn, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands } from './commands';
import { IndexProgressFeature, showMessagesAlsoInLog } from './indexProgress';
import { completionMiddleware } from './completionRows';
import { symbolMiddleware } from './markdownSymbols';
import { registerTemplateSnippets } from './templateSnippets';
import { NotesExplorer, OPEN_SECTION, type ExplorerNode } from './notesExplorer';
import { NotesModel } from './notesModel';
import { Notifications, Requests, type Stats } from './protocol';
import { ProblemReporter, StatusItem } from './status';

/** What `vscode.extensions.getExtension('aws-notes.aws-notes').exports` gives (used by the editor tests). */
export interface AwsNotesApi {
  client(): LanguageClient | undefined;
  commands: Commands;
  explorer: {
    children(node?: ExplorerNode): Promise<ExplorerNode[]>;
    treeItem(node: ExplorerNode): vscode.TreeItem;
    setFilter(value: string | undefined): void;
  };
  /** The notes explorer's message line (a filter with no match), if any. */
  explorerMessage(): string | undefined;
  statusText(): string;
  /** The status item's recent texts, oldest first: there is one status item, and it shows the crawl's progress. */
  statusHistory(): string[];
  /** The context key awsNotes.state: `indexing` until the first index, then `noNotes` or `ready` (the explorer's welcome view). */
  state(): IndexState;
  /** Resolves with the stats of the next `awsNotes/indexed` (or the last one, if any arrived already). */
  indexed(): Promise<Stats>;
}

let client: LanguageClient | undefined;

export type IndexState = 'indexing' | 'noNotes' | 'ready';

export async function activate(context: vscode.ExtensionContext): Promise<AwsNotesApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel('AWS Notes', { log: true });
  const status = new StatusItem();
  const showLog = () => output.show(true);
  const problems = new ProblemReporter(status, showLog, async () => {
    status.indexing();
    await client?.restart();
  }, undefined, undefined, (message) => output.error(message));
  const codeLensEnabled = () => vscode.workspace.getConfiguration('awsNotes').get<boolean>('codeLens.enabled', true);

  const clientOptions: LanguageClientOptions = {
    // Hover works in every file the user edits: templates, Terraform, code, notes, plain text.
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
    synchronize: { configurationSection: 'awsNotes' },
    // Issue 12: the server is told whether the workspace is trusted (Restricted Mode: its own Markdown files are not
    // notes). VS Code itself drops the workspace's values of the restricted settings (package.json) while untrusted.
    initializationOptions: { ...JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('awsNotes'))), workspaceTrusted: vscode.workspace.isTrusted },
    outputChannel: output,
    // Problems reach the user once, through ProblemReporter; the log stays where it is until asked for.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: problems,
    initializationFailedHandler: problems.initializationFailed,
    // Only our own Open Section links may run; note content is never trusted.
    markdown: { isTrusted: { enabledCommands: [OPEN_SECTION] }, supportHtml: false },
    middleware: {
      provideCodeLenses: (document, token, next) => (codeLensEnabled() ? next(document, token) : []),
      ...symbolMiddleware(),
      ...completionMiddleware(),
    },
  };
  client = new LanguageClient('awsNotes', 'AWS Notes', serverOptions, clientOptions);
  client.registerFeature(new IndexProgressFeature(client, status));
  showMessagesAlsoInLog(client, output);
  const current = () => client;

  const model = new NotesModel(current);
  const commands = new Commands(current, model, (message) => output.warn(message));
  const explorer = new NotesExplorer(model);
  const view = vscode.window.createTreeView('awsNotes.notesExplorer', { treeDataProvider: explorer, showCollapseAll: true });
  explorer.view = view;
  context.subscriptions.push(status, output, explorer, view, registerTemplateSnippets(context));

  let lastStats: Stats | undefined;
  let state: IndexState = 'indexing';
  const setState = (next: IndexState) => {
    state = next;
    void vscode.commands.executeCommand('setContext', 'awsNotes.state', next);
  };
  setState('indexing');
  const waiting: ((s: Stats) => void)[] = [];

  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_SECTION, (args) => commands.openSection(args)),
    vscode.commands.registerCommand('awsNotes.searchNotes', (query?: unknown) => commands.searchNotes(query)),
    vscode.commands.registerCommand('awsNotes.openNotesForService', (args?: unknown) => commands.openNotesForService(args)),
    vscode.commands.registerCommand('awsNotes.showEquivalents', (args?: unknown) => commands.showEquivalents(args)),
    vscode.commands.registerCommand('awsNotes.convertToTerraform', (args?: unknown) => commands.convertToTerraform(args)),
    vscode.commands.registerCommand('awsNotes.reindex', async () => {
      if (!client?.isRunning()) return undefined;
      status.indexing();
      const stats = await client.sendRequest(Requests.reindex);
      if (stats) {
        status.indexed(stats);
        vscode.window.setStatusBarMessage(t('AWS Notes: {0} notes, {1} sections', stats.files, stats.sections), 4000);
      }
      return stats;
    }),
    vscode.commands.registerCommand('awsNotes.showLog', showLog),
    vscode.commands.registerCommand('awsNotes.configureNotesFolders', () => vscode.commands.executeCommand('workbench.action.openSettings', 'awsNotes.notes.paths')),
    vscode.commands.registerCommand('awsNotes.filterExplorer', async (value?: unknown) => {
      const text =
        typeof value === 'string'
          ? value
          : await vscode.window.showInputBox({
              title: t('Filter the notes explorer'),
              prompt: t('Services, files and headings containing this text (any case, full- or half-width)'),
              placeHolder: t('e.g. SQS, 可視性'),
              value: explorer.filter,
            });
      if (text !== undefined) explorer.setFilter(text);
    }),
    vscode.commands.registerCommand('awsNotes.clearExplorerFilter', () => explorer.setFilter('')),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client?.isRunning()) void client.sendNotification(Notifications.workspaceTrusted);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('awsNotes.codeLens.enabled')) refreshCodeLenses();
      // Our own labels follow awsNotes.displayLanguage at once (the server refreshes its CodeLenses itself).
      if (e.affectsConfiguration('awsNotes.displayLanguage')) {
        explorer.scheduleRefresh();
        if (lastStats) status.indexed(lastStats);
      }
    }),
  );
  void vscode.commands.executeCommand('setContext', 'awsNotes.explorerFiltered', false);

  function refreshCodeLenses(): void {
    const feature = client?.getFeature(CodeLensRequest.method);
    for (const editor of vscode.window.visibleTextEditors) feature?.getProvider(editor.document)?.onDidChangeCodeLensEmitter.fire();
  }

  client.onNotification(Notifications.indexed, (stats) => {
    lastStats = stats;
    status.indexed(stats);
    setState(stats.files === 0 ? 'noNotes' : 'ready');
    explorer.scheduleRefresh();
    for (const resolve of waiting.splice(0)) resolve(stats);
  });
  client.onDidChangeState(({ newState }) => {
    if (newState === State.Running) status.running();
  });

  try {
    await client.start();
  } catch (error) {
    // initializationFailedHandler reported it already when the server answered; this covers a server that never came up.
    status.failed();
    problems.report(t('AWS Notes: the language server could not start: {0}', (error as Error).message ?? String(error)), true);
    output.error(`start failed: ${(error as Error).stack ?? error}`);
  }

  return {
    client: current,
    commands,
    explorer: {
      children: (node) => explorer.getChildren(node),
      treeItem: (node) => explorer.getTreeItem(node),
      setFilter: (value) => explorer.setFilter(value),
    },
    explorerMessage: () => view.message,
    statusText: () => status.text,
    statusHistory: () => [...status.history],
    state: () => state,
    indexed: () => (lastStats ? Promise.resolve(lastStats) : new Promise((resolve) => waiting.push(resolve))),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

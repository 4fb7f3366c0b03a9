// The status bar item ("indexing…" until the first index, then note/section counts; click: Search Notes)
// and the one place where server trouble reaches the user: one message with a Show Log button, never a
// stream of pop-ups while the client restarts a crashing server.
import * as vscode from 'vscode';
import { t } from './l10n';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';
import type { Stats } from './protocol';

export class StatusItem implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('awsNotes.status', vscode.StatusBarAlignment.Right, 100);
  private stats?: Stats;

  constructor() {
    this.item.name = 'AWS Notes';
    this.indexing();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  /** The last texts shown, oldest first (the editor tests check what was shown while indexing). */
  readonly history: string[] = [];

  private setText(text: string): void {
    this.item.text = text;
    if (this.history[this.history.length - 1] !== text) this.history.push(text);
    if (this.history.length > 100) this.history.shift();
  }

  indexing(): void {
    this.setText(`$(sync~spin) ${t('AWS Notes: indexing…')}`);
    this.item.tooltip = t('AWS Notes is reading your notes. Click to search the notes indexed so far.');
    this.item.command = 'awsNotes.searchNotes';
    this.item.backgroundColor = undefined;
    this.item.accessibilityInformation = { label: t('AWS Notes: indexing…') };
  }

  /** The crawl's progress, in this item (issue 17: no second status entry from the language client). */
  progress(done: number | undefined, total: number | undefined): void {
    if (done === undefined || !total) return this.indexing();
    const text = t('AWS Notes: indexing {0} of {1}', done, total);
    this.setText(`$(sync~spin) ${text}`);
    this.item.accessibilityInformation = { label: text };
  }

  indexed(stats: Stats): void {
    this.stats = stats;
    this.setText(`$(book) ${t('{0} notes · {1} sections', stats.files, stats.sections)}`);
    this.item.tooltip = t('AWS Notes: {0} notes, {1} sections, {2} services mentioned. Click to search notes.', stats.files, stats.sections, stats.services);
    // Screen readers read the text's icon name ("book") otherwise.
    this.item.accessibilityInformation = { label: t('AWS Notes: {0} notes, {1} sections', stats.files, stats.sections) };
    this.item.command = 'awsNotes.searchNotes';
    this.item.backgroundColor = undefined;
  }

  restarting(): void {
    this.setText(`$(sync~spin) ${t('AWS Notes: restarting…')}`);
    this.item.tooltip = t('The AWS Notes language server stopped and is being restarted. Click to show the log.');
    this.item.command = 'awsNotes.showLog';
    this.item.accessibilityInformation = { label: t('AWS Notes: restarting…') };
  }

  failed(): void {
    this.setText(`$(error) ${t('AWS Notes')}`);
    this.item.tooltip = t('The AWS Notes language server is not running. Click to show the log.');
    this.item.command = 'awsNotes.showLog';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    this.item.accessibilityInformation = { label: this.item.tooltip as string };
  }

  /** Back to the last counts after a restart (until the next `indexed` arrives). */
  running(): void {
    if (this.stats) this.indexed(this.stats);
    else this.indexing();
  }

  dispose(): void {
    this.item.dispose();
  }
}

/**
 * Restarts a crashed server up to `maxRestarts` times in `windowMs` without any pop-up (the status item shows
 * it); then gives up with one error message. Start failures get the same single message.
 */
export class ProblemReporter implements ErrorHandler {
  private restarts: number[] = [];
  private shown = false;

  constructor(
    private readonly status: StatusItem,
    private readonly showLog: () => void,
    private readonly restart: () => Promise<void>,
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
    /** Every problem also goes to the log (issue 17), even when its message is not shown again. */
    private readonly log: (message: string) => void = () => {},
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // Transient read/write errors: keep going a few times; the log has the details.
    return count && count <= 3 ? { action: ErrorAction.Continue, handled: true } : { action: ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < this.windowMs);
    this.restarts.push(now);
    if (this.restarts.length <= this.maxRestarts) {
      this.status.restarting();
      return { action: CloseAction.Restart, handled: true };
    }
    this.status.failed();
    this.report(t('AWS Notes: the language server stopped {0} times in a few minutes and will not be restarted.', this.restarts.length), true);
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  initializationFailed = (error: unknown): boolean => {
    this.status.failed();
    this.report(t('AWS Notes: the language server could not start: {0}', messageOf(error)), true);
    return false;
  };

  /** One message per session (a later, different failure may show again once the user acted on it). */
  report(message: string, offerRestart = false): void {
    this.log(message);
    if (this.shown) return;
    this.shown = true;
    const showLog = t('Show Log');
    const restart = t('Restart Server');
    void vscode.window.showErrorMessage(message, showLog, ...(offerRestart ? [restart] : [])).then(async (choice) => {
      this.shown = false;
      if (choice === showLog) this.showLog();
      if (choice === restart) {
        this.restarts = [];
        await this.restart();
      }
    });
  }
}

function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

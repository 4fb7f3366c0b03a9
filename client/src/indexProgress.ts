// Issue 17: one status item. The server reports the crawl as LSP work-done progress ("Indexing AWS notes:
// 944/1500"), which vscode-languageclient shows as a second status bar entry next to ours ("indexing…"). This
// feature takes over window/workDoneProgress/create (registered after the built-in ProgressFeature, so its
// handler wins, on every restart too) and feeds the progress into our own status item instead.
// It also sends the server's warnings (missing notes folder, refused root) to the log as well as a toast.
import {
  MessageType, ShowMessageNotification, WorkDoneProgress, WorkDoneProgressCreateRequest,
  type BaseLanguageClient, type FeatureState, type StaticFeature, type WorkDoneProgressBegin, type WorkDoneProgressReport,
} from 'vscode-languageclient/node';
import * as vscode from 'vscode';

export interface ProgressSink {
  /** `done`/`total` when the server said (e.g. "944/1500"), else undefined. */
  progress(done: number | undefined, total: number | undefined): void;
}

export class IndexProgressFeature implements StaticFeature {
  constructor(private readonly client: BaseLanguageClient, private readonly sink: ProgressSink) {}

  getState(): FeatureState {
    return { kind: 'static' };
  }

  fillClientCapabilities(): void {
    // The built-in ProgressFeature already announces window.workDoneProgress.
  }

  initialize(): void {
    this.client.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      const listener = this.client.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === 'end') {
          listener.dispose();
          return;
        }
        const [done, total] = parseCount((value as WorkDoneProgressBegin | WorkDoneProgressReport).message);
        this.sink.progress(done, total);
      });
    });
  }

  clear(): void {}
}

/** "944/1500" -> [944, 1500]. */
export function parseCount(message: string | undefined): [number | undefined, number | undefined] {
  const m = /(\d+)\s*\/\s*(\d+)/.exec(message ?? '');
  return m ? [Number(m[1]), Number(m[2])] : [undefined, undefined];
}

/** window/showMessage: the toast the client would show, and the same line in the log (issue 17: "Indexed 0 notes" alone said nothing). */
export function showMessagesAlsoInLog(client: BaseLanguageClient, output: vscode.LogOutputChannel): void {
  client.onNotification(ShowMessageNotification.type, ({ type, message }) => {
    switch (type) {
      case MessageType.Error:
        output.error(message);
        void vscode.window.showErrorMessage(message);
        break;
      case MessageType.Warning:
        output.warn(message);
        void vscode.window.showWarningMessage(message);
        break;
      default:
        output.info(message);
        void vscode.window.showInformationMessage(message);
    }
  });
}

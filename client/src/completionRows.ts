// Issue 17: completion rows whose label is never truncated by our own detail. VS Code shows a plain `detail` at
// the right of the row, where a long one ("Creates a queue… ") squeezes the label ("AWS::SQS::Que…"). In VS Code
// every item of ours gets the same shape: the full label, a short description (type · required, the resource
// type of a GetAtt…) as labelDetails, which VS Code shrinks before the label; longer prose stays in `detail`,
// shown in the details pane only. The server is unchanged for other editors.
import * as vscode from 'vscode';

/** Longest detail shown in the row itself. */
export const ROW_DETAIL_MAX = 40;

export function tidyCompletionItem(item: vscode.CompletionItem): vscode.CompletionItem {
  if (typeof item.label !== 'string') return item;
  const detail = item.detail?.trim();
  const short = detail && detail.length <= ROW_DETAIL_MAX && !detail.includes('\n') ? detail : undefined;
  item.label = short ? { label: item.label, description: short } : { label: item.label };
  return item;
}

export function completionMiddleware() {
  return {
    provideCompletionItem: async (
      document: vscode.TextDocument,
      position: vscode.Position,
      context: vscode.CompletionContext,
      token: vscode.CancellationToken,
      next: (document: vscode.TextDocument, position: vscode.Position, context: vscode.CompletionContext, token: vscode.CancellationToken) => vscode.ProviderResult<vscode.CompletionItem[] | vscode.CompletionList>,
    ) => {
      const result = await next(document, position, context, token);
      if (!result) return result;
      (Array.isArray(result) ? result : result.items).forEach(tidyCompletionItem);
      return result;
    },
  };
}

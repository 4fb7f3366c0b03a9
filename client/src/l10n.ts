// The client's strings in the language of `awsNotes.displayLanguage`, not only VS Code's: vscode.l10n.t follows the
// language pack, so a Japanese user of an English VS Code would never see them. One table: l10n/bundle.l10n.ja.json.
import * as vscode from 'vscode';
import ja from '../../l10n/bundle.l10n.ja.json';

const JA: Record<string, string> = ja;

/** `en` or `ja`: the setting when it names one, else VS Code's display language. */
export function displayLocale(): 'en' | 'ja' {
  const setting = vscode.workspace.getConfiguration('awsNotes').get<string>('displayLanguage', 'auto');
  if (setting === 'en' || setting === 'ja') return setting;
  return vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Like vscode.l10n.t: the English text is the key, {0}, {1}… are filled in. */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  const text = displayLocale() === 'ja' ? (JA[message] ?? message) : message;
  return text.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

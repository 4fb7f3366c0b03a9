// How a client reads a completion list that carries CompletionList.itemDefaults (LSP 3.17, as VS Code's client
// does), and what an item means to any client (omitted fields as the specification defines them).
import { InsertTextFormat, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver-types';

/** The items of `list` with its defaults applied. */
export function expandItemDefaults(list: CompletionList): CompletionItem[] {
  const d = list.itemDefaults ?? {};
  return list.items.map((item) => {
    const out: CompletionItem = { ...item };
    if (!out.textEdit && d.editRange && 'start' in d.editRange) out.textEdit = { range: d.editRange, newText: out.textEditText ?? out.label };
    delete out.textEditText;
    out.insertTextFormat ??= d.insertTextFormat;
    out.insertTextMode ??= d.insertTextMode;
    out.data ??= d.data;
    return out;
  });
}

/** An item as any client reads it: an omitted filter text is the label, an omitted format plain text. */
export function itemMeaning(item: CompletionItem): unknown {
  const edit = item.textEdit as TextEdit | undefined;
  const text = edit?.newText ?? item.insertText ?? item.label;
  // (As on the wire: a field set to undefined is no field.)
  return JSON.parse(JSON.stringify({
    ...item,
    filterText: item.filterText ?? item.label,
    insertTextFormat: item.insertTextFormat ?? InsertTextFormat.PlainText,
    // The mode is about the indentation of further lines: a text of one line inserts alike in every mode.
    insertTextMode: text.includes('\n') ? item.insertTextMode : undefined,
  }));
}

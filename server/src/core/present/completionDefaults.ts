// A completion list in its shortest equivalent form. Issue 16: the `Type: AWS::` answer repeats the same edit range,
// data and filter text in each of its 300 items (≈154 KB), and encoding it was the request thread's largest cost per
// request during a cold crawl. LSP 3.17's CompletionList.itemDefaults sends what the items share once, for a client
// that says which defaults it applies (VS Code: all of these; older Neovim: none); any other client gets every item
// in full. Only fields whose omission means the same to every client are dropped without a declared default.
import { InsertTextFormat, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';

/** The item defaults this module may use, as a client names them in `completionList.itemDefaults`. */
export type ItemDefault = 'editRange' | 'insertTextFormat' | 'insertTextMode' | 'data';

const rangeKey = (r: Range) => `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;

/** The most frequent key of `keys` (undefined ones skipped) and how often it occurs. */
function mostFrequent(keys: readonly (string | undefined)[]): [string | undefined, number] {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 0;
  for (const key of keys) {
    if (key === undefined) continue;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > bestCount) [best, bestCount] = [key, n];
  }
  return [best, bestCount];
}

/**
 * `list` with what its items share moved to `itemDefaults` (those of `supported` only) and fields equal to their
 * default dropped; the items are copies (a provider may keep its own). A client that applies the defaults (LSP 3.17)
 * sees the same items as in `list`.
 */
export function compactCompletionList(list: CompletionList, supported: ReadonlySet<string>): CompletionList {
  const items = list.items.map((item): CompletionItem => {
    const copy = { ...item };
    // An omitted filter text is the label, for every client.
    if (copy.filterText === copy.label) delete copy.filterText;
    // An omitted format is plain text, for every client (unless the list says otherwise).
    if (copy.insertTextFormat === InsertTextFormat.PlainText && list.itemDefaults?.insertTextFormat === undefined) delete copy.insertTextFormat;
    return copy;
  });
  const defaults: NonNullable<CompletionList['itemDefaults']> = { ...list.itemDefaults };
  if (items.length > 1) {
    if (supported.has('editRange') && !defaults.editRange) shareEditRange(items, defaults);
    if (supported.has('data') && defaults.data === undefined) shareData(items, defaults);
    if (supported.has('insertTextFormat') && defaults.insertTextFormat === undefined) shareFormat(items, defaults);
    if (supported.has('insertTextMode') && defaults.insertTextMode === undefined) shareMode(items, defaults);
  }
  return Object.keys(defaults).length ? { isIncomplete: list.isIncomplete, itemDefaults: defaults, items } : { isIncomplete: list.isIncomplete, items };
}

/** The range most items replace becomes the default; those items keep only their text (none when it is the label). */
function shareEditRange(items: CompletionItem[], defaults: NonNullable<CompletionList['itemDefaults']>): void {
  // An item without a text edit would take the default range instead of the client's own word range: then none.
  if (!items.every((i) => i.textEdit)) return;
  const keys = items.map((i) => (i.textEdit && 'range' in i.textEdit && i.insertText === undefined && i.textEditText === undefined ? rangeKey(i.textEdit.range) : undefined));
  const [key, count] = mostFrequent(keys);
  if (key === undefined || count < 2) return;
  let range: Range | undefined;
  items.forEach((item, i) => {
    if (keys[i] !== key || !item.textEdit || !('range' in item.textEdit)) return;
    range ??= item.textEdit.range;
    const { newText } = item.textEdit;
    delete item.textEdit;
    if (newText !== item.label) item.textEditText = newText;
  });
  defaults.editRange = range;
}

/** Data every item has alike is sent once. */
function shareData(items: CompletionItem[], defaults: NonNullable<CompletionList['itemDefaults']>): void {
  if (items.some((i) => i.data === undefined)) return;
  const first = JSON.stringify(items[0].data);
  if (!items.every((i) => i === items[0] || JSON.stringify(i.data) === first)) return;
  defaults.data = items[0].data;
  for (const item of items) delete item.data;
}

/** Snippets as the default format when most items are snippets (the others then say plain text). */
function shareFormat(items: CompletionItem[], defaults: NonNullable<CompletionList['itemDefaults']>): void {
  const snippets = items.filter((i) => i.insertTextFormat === InsertTextFormat.Snippet).length;
  if (snippets * 2 <= items.length) return;
  defaults.insertTextFormat = InsertTextFormat.Snippet;
  for (const item of items) {
    if (item.insertTextFormat === InsertTextFormat.Snippet) delete item.insertTextFormat;
    else item.insertTextFormat = InsertTextFormat.PlainText;
  }
}

/** The text an item inserts. */
const insertedText = (item: CompletionItem) => item.textEditText ?? item.textEdit?.newText ?? item.insertText ?? item.label;

/**
 * A mode every item names alike. An omitted mode means the client's own default, which we do not know, so it is
 * allowed only where the mode changes nothing: a text of one line (the mode is about the indentation of the others).
 */
function shareMode(items: CompletionItem[], defaults: NonNullable<CompletionList['itemDefaults']>): void {
  const mode = items.find((i) => i.insertTextMode !== undefined)?.insertTextMode;
  if (mode === undefined) return;
  if (!items.every((i) => i.insertTextMode === mode || (i.insertTextMode === undefined && !insertedText(i).includes('\n')))) return;
  defaults.insertTextMode = mode;
  for (const item of items) delete item.insertTextMode;
}

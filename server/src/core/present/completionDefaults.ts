// A completion list in its shortest equivalent form. Issue 16: the `Type: AWS::` answer repeats the same edit range,
// data and filter text in each of its 300 items (≈154 KB), and encoding it was the request thread's largest cost per
// request during a cold crawl. LSP 3.17's CompletionList.itemDefaults sends what the items share once, for a client
// that says which defaults it applies (VS Code: all of these; older Neovim: none); any other client gets the list as
// the provider made it. Fields whose omission means the same to every client (a filter text equal to the label) go
// with the defaults.
import { InsertTextFormat, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';

type Defaults = NonNullable<CompletionList['itemDefaults']>;

const sameRange = (a: Range, b: Range) =>
  a === b || (a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character);

/** The plain range an item's edit replaces when the item could take it from the list's default, else undefined. */
const shareableRange = (item: CompletionItem): Range | undefined =>
  item.textEdit && 'range' in item.textEdit && item.insertText === undefined && item.textEditText === undefined ? item.textEdit.range : undefined;

/** The text an item inserts. */
const insertedText = (item: CompletionItem) => item.textEdit?.newText ?? item.insertText ?? item.label;

/**
 * `list` with what its items share moved to `itemDefaults` (those of `supported` only) and fields equal to their
 * default dropped; the items are new objects (a provider may keep its own). A client that applies the defaults
 * (LSP 3.17) reads the same items as in `list`. Runs on every completion request: one pass to decide, one to copy.
 */
export function compactCompletionList(list: CompletionList, supported: ReadonlySet<string>): CompletionList {
  // Without defaults only a filter text equal to the label could go: not worth a copy of every item.
  if (supported.size === 0) return list;
  const { items } = list;
  const defaults: Defaults = { ...list.itemDefaults };
  const shared = items.length > 1;
  const range = shared && supported.has('editRange') && !defaults.editRange ? sharedRange(items) : undefined;
  if (range) defaults.editRange = range;
  const data = shared && supported.has('data') && defaults.data === undefined ? sharedData(items) : undefined;
  if (data !== undefined) defaults.data = data;
  // Snippets as the default format when most items are snippets (the others then say plain text).
  const snippets = shared && supported.has('insertTextFormat') && defaults.insertTextFormat === undefined && 2 * items.filter((i) => i.insertTextFormat === InsertTextFormat.Snippet).length > items.length;
  if (snippets) defaults.insertTextFormat = InsertTextFormat.Snippet;
  const plainByDefault = defaults.insertTextFormat === undefined || defaults.insertTextFormat === InsertTextFormat.PlainText;
  const mode = shared && supported.has('insertTextMode') && defaults.insertTextMode === undefined ? sharedMode(items) : undefined;
  if (mode !== undefined) defaults.insertTextMode = mode;

  const out = items.map((item): CompletionItem => {
    const copy = {} as CompletionItem;
    for (const key in item) {
      const value = item[key as keyof CompletionItem];
      if (value === undefined) continue;
      switch (key) {
        // An omitted filter text is the label, for every client.
        case 'filterText':
          if (value === item.label) continue;
          break;
        // An omitted format is plain text, for every client (unless the list's default says otherwise).
        case 'insertTextFormat':
          if (value === (plainByDefault ? InsertTextFormat.PlainText : defaults.insertTextFormat)) continue;
          break;
        case 'insertTextMode':
          if (mode !== undefined) continue;
          break;
        case 'data':
          if (data !== undefined) continue;
          break;
        case 'textEdit': {
          const own = range && shareableRange(item);
          if (own && sameRange(own, range)) {
            // The default range with this text (none when it is the label, which a client inserts then).
            if (item.textEdit!.newText !== item.label) copy.textEditText = item.textEdit!.newText;
            continue;
          }
          break;
        }
      }
      (copy as Record<string, unknown>)[key] = value;
    }
    if (!plainByDefault && copy.insertTextFormat === undefined && item.insertTextFormat !== defaults.insertTextFormat) copy.insertTextFormat = InsertTextFormat.PlainText;
    return copy;
  });
  return Object.keys(defaults).length ? { isIncomplete: list.isIncomplete, itemDefaults: defaults, items: out } : { isIncomplete: list.isIncomplete, items: out };
}

/** The range most items replace (at least two), when every item has an edit: an item without one would take the
 * default range instead of the client's own word range. */
function sharedRange(items: readonly CompletionItem[]): Range | undefined {
  const candidates: { range: Range; count: number }[] = [];
  for (const item of items) {
    if (!item.textEdit) return undefined;
    const range = shareableRange(item);
    if (!range) continue;
    const known = candidates.find((c) => sameRange(c.range, range));
    if (known) known.count++;
    else candidates.push({ range, count: 1 });
  }
  const best = candidates.reduce<{ range: Range; count: number } | undefined>((b, c) => (!b || c.count > b.count ? c : b), undefined);
  return best && best.count >= 2 ? best.range : undefined;
}

/** Data every item has alike (the same object, or equal ones). */
function sharedData(items: readonly CompletionItem[]): unknown {
  const first = items[0].data;
  if (first === undefined) return undefined;
  let text: string | undefined;
  for (const item of items) {
    if (item.data === first) continue;
    if (item.data === undefined || JSON.stringify(item.data) !== (text ??= JSON.stringify(first))) return undefined;
  }
  return first;
}

/**
 * A mode every item names alike. An omitted mode means the client's own default, which we do not know, so it is
 * allowed only where the mode changes nothing: a text of one line (the mode is about the indentation of the others).
 */
function sharedMode(items: readonly CompletionItem[]): CompletionItem['insertTextMode'] {
  const mode = items.find((i) => i.insertTextMode !== undefined)?.insertTextMode;
  if (mode === undefined) return undefined;
  return items.every((i) => i.insertTextMode === mode || (i.insertTextMode === undefined && !insertedText(i).includes('\n'))) ? mode : undefined;
}

// Where the cursor is, read from the raw text rather than the parsed tree: while a key or value is being
// typed, the YAML/JSON is often incomplete, but indentation (YAML) and brackets (JSON) still tell the path.

export interface LineContext {
  lineStart: number;
  /** Text of the line before the cursor. */
  before: string;
  /** Text of the line after the cursor. */
  after: string;
}

export function lineAt(text: string, offset: number): LineContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  return { lineStart, before: text.slice(lineStart, offset), after: text.slice(offset, lineEnd).replace(/\r$/, '') };
}

export interface KeyPath {
  /** Keys from the root to the mapping the cursor's line belongs to; `0` stands for a sequence item. */
  path: (string | 0)[];
  /** Column where a key on this line starts (after `- ` for sequence items). */
  indent: number;
}

const KEY_LINE = /^([ \t]*)(-[ \t]+)?(["']?)([^\s:#'"][^:#]*?)\3[ \t]*:(?:[ \t]|$)/;
const DASH_LINE = /^([ \t]*)-(?:[ \t]|$)/;

/**
 * YAML: the parent keys of a line, by indentation. `column` is where the line's own content starts.
 */
export function yamlKeyPath(text: string, lineStart: number, column: number): KeyPath {
  const path: (string | 0)[] = [];
  let current = column;
  let end = lineStart - 1;
  while (end > 0 && current > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (!line.trim() || /^[ \t]*#/.test(line)) continue;
    const lineIndent = line.length - line.trimStart().length;
    const key = KEY_LINE.exec(line);
    if (key) {
      const dash = key[2] ? key[1].length : undefined;
      const keyIndent = key[1].length + (key[2]?.length ?? 0);
      if (keyIndent < current) {
        // The parent key; `- Key:` also opens a sequence item around it.
        path.unshift(key[4]);
        if (dash !== undefined) path.unshift(0);
        current = dash ?? keyIndent;
      } else if (dash !== undefined && dash < current) {
        // A sibling key on the `- ` line of the item holding the cursor line.
        path.unshift(0);
        current = dash;
      }
      continue;
    }
    if (DASH_LINE.test(line) && lineIndent < current) {
      path.unshift(0);
      current = lineIndent;
    }
  }
  return { path, indent: column };
}

export interface JsonContext {
  /** Keys from the root to the innermost open object/array; `0` stands for an array. */
  path: (string | 0)[];
  /** Inside a string that is an object key. */
  inKey: boolean;
  /** Inside a string that is a value (after `:` or in an array). */
  inValue: boolean;
  /** Key whose value the cursor is in (for `inValue`). */
  valueOf?: string;
  /** Offset of the opening quote of the string under the cursor. */
  stringStart?: number;
}

/** JSON: a bracket scan up to the offset; tolerant of the half-typed text in front of the cursor. */
export function jsonContext(text: string, offset: number): JsonContext {
  const stack: { key: string | 0; kind: 'object' | 'array' }[] = [];
  let pendingKey: string | undefined;
  let lastString: string | undefined;
  let expectKey = false;
  let afterColon = false;
  for (let i = 0; i < offset; i++) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      let value = '';
      i++;
      while (i < offset && text[i] !== '"') {
        if (text[i] === '\\') i++;
        value += text[i] ?? '';
        i++;
      }
      if (i >= offset) {
        const top = stack[stack.length - 1];
        const isKey = top?.kind === 'object' && expectKey && !afterColon;
        return {
          path: stack.map((s) => s.key),
          inKey: isKey,
          inValue: !isKey,
          valueOf: afterColon ? pendingKey : undefined,
          stringStart: start,
        };
      }
      lastString = value;
      continue;
    }
    switch (ch) {
      case ':':
        pendingKey = lastString;
        afterColon = true;
        expectKey = false;
        break;
      case '{':
        stack.push({ key: afterColon && pendingKey !== undefined ? pendingKey : 0, kind: 'object' });
        expectKey = true;
        afterColon = false;
        break;
      case '[':
        stack.push({ key: afterColon && pendingKey !== undefined ? pendingKey : 0, kind: 'array' });
        expectKey = false;
        afterColon = false;
        break;
      case '}':
      case ']':
        stack.pop();
        expectKey = false;
        afterColon = false;
        break;
      case ',':
        expectKey = stack[stack.length - 1]?.kind === 'object';
        afterColon = false;
        break;
    }
  }
  const top = stack[stack.length - 1];
  return { path: stack.map((s) => s.key), inKey: false, inValue: false, valueOf: top?.kind === 'object' && afterColon ? pendingKey : undefined };
}

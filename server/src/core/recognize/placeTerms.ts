// Where an identifier stands says what it is about: an ARN under `DeadLetterConfig` is a dead-letter queue, an ARN
// next to `"Action": "dynamodb:PutItem"` is a table being written, a KMS key under `ServerSideEncryptionByDefault` is
// bucket encryption. This reads the enclosing block of a template, policy, `.tf` or source file by indentation (the
// keys above the identifier and the statement or resource around it) and returns the keys and IAM actions there.
// Language-neutral on purpose: YAML, pretty-printed JSON, HCL and code all nest by indentation.

export interface PlaceTerms {
  /** Keys of the enclosing lines and of the block around the identifier: "DeadLetterConfig", "KMSMasterKeyID". */
  keys: string[];
  /** IAM actions written in the same block: "dynamodb:PutItem". */
  actions: string[];
}

/** Lines read above and below the identifier at most (a huge policy stays cheap). */
const MAX_LINES = 40;
/** Characters of one line read at most (a minified JSON document is one line). */
const MAX_LINE_CHARS = 400;
/** A key: quoted and followed by a colon (JSON), bare and followed by `: ` or end of line (YAML), or `=` (HCL, code).
 * Not the `arn:` of an ARN. */
const KEY = /^\s*(?:-\s*)?(?:["']([A-Za-z][A-Za-z0-9_]*)["']\s*:|([A-Za-z][A-Za-z0-9_]*)\s*(?::(?=\s|$)|=(?!=)))/;
const ACTION = /(?<![A-Za-z0-9:-])([a-z][a-z0-9-]*:[A-Z][A-Za-z0-9]*\*?)(?![A-Za-z0-9:])/g;

export function placeTermsAt(text: string, offset: number): PlaceTerms {
  const lines = linesAround(text, offset);
  const own = lines.find((l) => l.cursor);
  if (!own) return { keys: [], actions: [] };
  // The keys above the identifier (each less indented line going up) and its block: the lines between the nearest
  // enclosing line and the next line as little indented as it.
  const ancestors: Line[] = [];
  let limit = own.indent;
  let blockTop = -1;
  const ownAt = lines.indexOf(own);
  for (let i = ownAt - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i];
    if (line.blank || line.indent >= limit) continue;
    ancestors.push(line);
    if (blockTop < 0) blockTop = i;
    limit = line.indent;
  }
  // At the top level there is no block to read: the identifier's own line only.
  if (blockTop < 0) return termsOf([own]);
  const blockIndent = lines[blockTop].indent;
  const block: Line[] = [];
  for (let i = blockTop + 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line.blank && line.indent <= blockIndent && i > ownAt) break;
    if (!line.blank) block.push(line);
  }
  return termsOf([...ancestors, ...block]);
}

function termsOf(lines: readonly Line[]): PlaceTerms {
  const keys = new Set<string>();
  const actions = new Set<string>();
  for (const line of lines) {
    const m = KEY.exec(line.text);
    const key = m?.[1] ?? m?.[2];
    if (key) keys.add(key);
    for (const m of line.text.matchAll(ACTION)) actions.add(m[1]);
  }
  return { keys: [...keys], actions: [...actions] };
}

interface Line {
  text: string;
  indent: number;
  blank: boolean;
  cursor: boolean;
}

function linesAround(text: string, offset: number): Line[] {
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = (at: number) => {
    const end = text.indexOf('\n', at);
    return end < 0 ? text.length : end;
  };
  const make = (start: number, end: number, cursor: boolean): Line => {
    // The cursor's own line is cut around the cursor; other lines from their start.
    const from = cursor ? Math.max(start, offset - MAX_LINE_CHARS / 2) : start;
    const body = text.slice(from, Math.min(end, from + MAX_LINE_CHARS)).replace(/\r$/, '');
    const indent = /^[ \t]*/.exec(text.slice(start, Math.min(end, start + 200)))![0].length;
    return { text: body, indent, blank: body.trim() === '' || /^\s*[[\]{}(),]*\s*$/.test(body) && !/[[{(]\s*$/.test(body), cursor };
  };
  const start = lineStart(offset);
  const out: Line[] = [make(start, lineEnd(offset), true)];
  for (let n = 0, at = start; n < MAX_LINES && at > 0; n++) {
    const prevStart = lineStart(at - 1);
    out.unshift(make(prevStart, at - 1, false));
    at = prevStart;
  }
  for (let n = 0, at = lineEnd(offset); n < MAX_LINES && at < text.length; n++) {
    const end = lineEnd(at + 1);
    out.push(make(at + 1, end, false));
    at = end;
  }
  return out;
}

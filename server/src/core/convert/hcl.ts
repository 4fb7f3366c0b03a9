// A tiny HCL writer: values (literals, lists, objects, calls, raw expressions) and bodies (attributes,
// blocks, comments), rendered with 2-space indentation. Strings are always escaped here, never by callers.

export type Hcl =
  | { k: 'code'; code: string }
  | { k: 'string'; value: string }
  | { k: 'template'; parts: (string | Hcl)[] }
  | { k: 'list'; items: Hcl[] }
  | { k: 'object'; entries: { key: string | Hcl; value: Hcl }[] }
  | { k: 'call'; name: string; args: Hcl[] }
  | { k: 'cond'; test: Hcl; then: Hcl; else: Hcl };

export type BodyItem =
  | { t: 'attr'; name: string; value: Hcl }
  | { t: 'block'; block: HclBlock }
  | { t: 'comment'; text: string };

export interface HclBlock {
  type: string;
  labels: string[];
  body: BodyItem[];
}

export const code = (text: string): Hcl => ({ k: 'code', code: text });
export const str = (value: string): Hcl => ({ k: 'string', value });
export const call = (name: string, ...args: Hcl[]): Hcl => ({ k: 'call', name, args });
export const list = (items: Hcl[]): Hcl => ({ k: 'list', items });
export const attr = (name: string, value: Hcl): BodyItem => ({ t: 'attr', name, value });
export const comment = (text: string): BodyItem => ({ t: 'comment', text });
export const block = (type: string, labels: string[], body: BodyItem[]): HclBlock => ({ type, labels, body });
export const nested = (type: string, body: BodyItem[]): BodyItem => ({ t: 'block', block: block(type, [], body) });

/** A literal JS value as HCL. */
export function literal(value: string | number | boolean | null): Hcl {
  if (value === null) return code('null');
  if (typeof value === 'string') return str(value);
  return code(String(value));
}

/** Escapes text for inside a quoted HCL string (template sequences included). */
export function escapeString(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const next = value[i + 1];
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if ((ch === '$' || ch === '%') && next === '{') out += ch + ch;
    else if (ch < ' ') out += '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
    else out += ch;
  }
  return out;
}

export function quote(value: string): string {
  return `"${escapeString(value)}"`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'endif', 'endfor']);

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !KEYWORDS.has(name);
}

function objectKey(key: string | Hcl, indent: string): string {
  if (typeof key === 'string') return isIdentifier(key) ? key : quote(key);
  return `(${render(key, indent)})`;
}

/** Heredoc for multi-line strings keeps scripts readable; needs no escaping but of template sequences. */
function heredoc(parts: (string | Hcl)[], indent: string): string | undefined {
  const textOnly = parts.map((p) => (typeof p === 'string' ? p : '')).join('');
  if (!textOnly.includes('\n') || textOnly.split('\n').length < 3 || /\r/.test(textOnly)) return undefined;
  let marker = 'EOT';
  while (textOnly.split('\n').some((line) => line.trim() === marker)) marker += 'X';
  let body = '';
  for (const p of parts) {
    body += typeof p === 'string' ? p.replace(/([$%])\{/g, '$1$1{') : `\${${render(p, indent)}}`;
  }
  if (!body.endsWith('\n')) body += '\n';
  return `<<${marker}\n${body}${marker}\n`;
}

export function render(value: Hcl, indent = ''): string {
  const inner = indent + '  ';
  switch (value.k) {
    case 'code':
      return value.code;
    case 'string':
      return heredoc([value.value], indent) ?? quote(value.value);
    case 'template': {
      const doc = heredoc(value.parts, indent);
      if (doc) return doc;
      return `"${value.parts.map((p) => (typeof p === 'string' ? escapeString(p) : `\${${render(p, indent)}}`)).join('')}"`;
    }
    case 'list': {
      if (value.items.length === 0) return '[]';
      const items = value.items.map((i) => render(i, inner));
      const oneLine = `[${items.join(', ')}]`;
      if (oneLine.length <= 80 && !oneLine.includes('\n')) return oneLine;
      return `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}]`;
    }
    case 'object': {
      if (value.entries.length === 0) return '{}';
      const lines = value.entries.map((e) => `${inner}${objectKey(e.key, inner)} = ${render(e.value, inner)}`);
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    case 'call':
      return `${value.name}(${value.args.map((a) => render(a, indent)).join(', ')})`;
    case 'cond':
      return `${render(value.test, indent)} ? ${render(value.then, indent)} : ${render(value.else, indent)}`;
  }
}

export function renderBody(items: BodyItem[], indent: string): string {
  let out = '';
  for (const item of items) {
    if (item.t === 'comment') {
      for (const line of item.text.split('\n')) out += `${indent}# ${line}`.trimEnd() + '\n';
    } else if (item.t === 'attr') {
      out += `${indent}${item.name} = ${render(item.value, indent)}`.replace(/\n$/, '') + '\n';
    } else {
      out += renderBlock(item.block, indent);
    }
  }
  return out;
}

export function renderBlock(b: HclBlock, indent = ''): string {
  const head = [b.type, ...b.labels.map((l) => quote(l))].join(' ');
  if (b.body.length === 0) return `${indent}${head} {}\n`;
  return `${indent}${head} {\n${renderBody(b.body, indent + '  ')}${indent}}\n`;
}

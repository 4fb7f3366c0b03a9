// The converter eval's checks, independent of the converter's own code: a structural HCL scanner (HashiCorp's parser,
// via @cdktf/hcl2json, tells whether the file parses, but it prints `x = [{...}]` and `x {...}` alike, so block vs
// attribute needs this), a schema validator against data/tf-types.mpl.json, the per-resource classification
// (fully converted / with TODO / not converted / dropped silently) and the TODO-cause normaliser.

export interface HclAttr {
  name: string;
  line: number;
  /** The expression text holds "TODO" (a placeholder written as a value). */
  todo: boolean;
  /** The expression's text (for the literal-shape type check). */
  expr: string;
}
export interface HclBlock {
  type: string;
  labels: string[];
  line: number;
  endLine: number;
  attrs: HclAttr[];
  blocks: HclBlock[];
  /** Comment texts inside this block and its nested blocks, without the `#`/`//` marker. */
  comments: string[];
}
export interface HclFile {
  blocks: HclBlock[];
  /** Top-level comments (outside any block). */
  comments: string[];
}

/** Scans HCL native syntax into blocks, attributes and comments. Expressions are skipped, not parsed. */
export function scanHcl(text: string): HclFile {
  let i = 0;
  let line = 1;
  const n = text.length;
  const adv = () => {
    if (text[i] === '\n') line++;
    i++;
  };
  const skipString = () => {
    adv(); // opening quote
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') {
        adv();
        adv();
      } else if ((text[i] === '$' || text[i] === '%') && text[i + 1] === '{') {
        adv();
        adv();
        skipUntilClose('}');
      } else adv();
    }
    adv();
  };
  const skipHeredoc = () => {
    const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[^\n]*\n/.exec(text.slice(i, i + 200));
    if (!m) {
      adv();
      return;
    }
    const end = m[1];
    while (i < n) {
      const eol = text.indexOf('\n', i);
      const lineText = text.slice(i, eol < 0 ? n : eol);
      const isEnd = lineText.trim() === end;
      while (i < n && text[i] !== '\n') adv();
      adv();
      if (isEnd && i > 0) return;
    }
  };
  // Skips a bracketed expression until the matching closer (the opener already consumed).
  const skipUntilClose = (closer: string) => {
    const stack = [closer];
    while (i < n && stack.length) {
      const c = text[i];
      if (c === '"') skipString();
      else if (c === '<' && text[i + 1] === '<' && /[A-Za-z-]/.test(text[i + 2] ?? '')) skipHeredoc();
      else if (c === '#' || (c === '/' && text[i + 1] === '/')) while (i < n && text[i] !== '\n') adv();
      else if (c === '(' || c === '[' || c === '{') {
        stack.push(c === '(' ? ')' : c === '[' ? ']' : '}');
        adv();
      } else if (c === stack[stack.length - 1]) {
        stack.pop();
        adv();
      } else adv();
    }
  };
  // Skips an attribute's expression to the end of its line (brackets may span lines). Returns its text.
  const skipExpression = (): string => {
    const start = i;
    while (i < n && text[i] !== '\n') {
      const c = text[i];
      if (c === '"') skipString();
      else if (c === '<' && text[i + 1] === '<' && /[A-Za-z-]/.test(text[i + 2] ?? '')) {
        skipHeredoc();
        return text.slice(start, i);
      } else if (c === '(' || c === '[' || c === '{') {
        adv();
        skipUntilClose(c === '(' ? ')' : c === '[' ? ']' : '}');
      } else if (c === '#' || (c === '/' && text[i + 1] === '/')) break;
      else adv();
    }
    return text.slice(start, i);
  };
  const readComment = (): string => {
    const start = i;
    if (text[i] === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      while (i < (end < 0 ? n : end + 2)) adv();
      return text.slice(start + 2, end < 0 ? n : end).trim();
    }
    while (i < n && text[i] !== '\n') adv();
    return text.slice(start, i).replace(/^(#|\/\/)\s?/, '').trim();
  };
  const body = (into: { attrs?: HclAttr[]; blocks: HclBlock[]; comments: string[] }, nested: boolean): void => {
    while (i < n) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
        adv();
        continue;
      }
      if (c === '#' || (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) {
        into.comments.push(readComment());
        continue;
      }
      if (c === '}') {
        if (nested) {
          adv();
          return;
        }
        throw new Error(`line ${line}: unexpected }`);
      }
      const id = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i, i + 256));
      if (!id) throw new Error(`line ${line}: unexpected ${JSON.stringify(c)}`);
      const startLine = line;
      for (let k = 0; k < id[0].length; k++) adv();
      while (text[i] === ' ' || text[i] === '\t') adv();
      if (text[i] === '=' && text[i + 1] !== '=') {
        adv();
        const expr = skipExpression();
        if (!into.attrs) throw new Error(`line ${startLine}: attribute ${id[0]} outside a block`);
        into.attrs.push({ name: id[0], line: startLine, todo: /\bTODO\b/.test(expr), expr: expr.trim() });
        continue;
      }
      const labels: string[] = [];
      while (i < n && text[i] !== '{') {
        if (text[i] === '"') {
          const s = i;
          skipString();
          labels.push(JSON.parse(text.slice(s, i)) as string);
        } else if (/[A-Za-z_]/.test(text[i])) {
          const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(i, i + 256))!;
          labels.push(m[0]);
          for (let k = 0; k < m[0].length; k++) adv();
        } else if (text[i] === ' ' || text[i] === '\t') adv();
        else throw new Error(`line ${line}: expected a block after ${id[0]}`);
      }
      adv(); // {
      const block: HclBlock = { type: id[0], labels, line: startLine, endLine: startLine, attrs: [], blocks: [], comments: [] };
      body(block, true);
      block.endLine = line;
      into.blocks.push(block);
    }
    if (nested) throw new Error('unclosed block');
  };
  const file: HclFile = { blocks: [], comments: [] };
  body(file, false);
  // Comments of nested blocks belong to their ancestors too (a TODO deep inside marks the resource).
  const lift = (b: HclBlock): string[] => {
    for (const child of b.blocks) b.comments.push(...lift(child));
    return b.comments;
  };
  file.blocks.forEach(lift);
  return file;
}

// ------------------------------------------------------------------------------------------------ schema validation
export interface TfArgSpec {
  required?: boolean;
  block?: boolean;
  /** Nested schema of a block, when the data has it (another engineer is adding these; read them if present). */
  args?: Record<string, TfArgSpec>;
  nested?: { args?: Record<string, TfArgSpec> };
  maxItems?: number;
  max_items?: number;
  max?: number;
  /** Terraform type of an attribute when the data has it: string, number, bool, list(...), set(...), map(...), any. */
  type?: string;
}
export interface TfSchemaData {
  resources: Record<string, { args: Record<string, TfArgSpec>; attrs?: string[] }>;
  dataSources?: Record<string, { args: Record<string, TfArgSpec>; attrs?: string[] }>;
}
export interface SchemaIssue {
  resource: string;
  path: string;
  kind: 'unknown type' | 'unknown argument' | 'unknown block' | 'block written as attribute' | 'attribute written as block' | 'missing required' | 'duplicate attribute' | 'too many blocks' | 'wrong value type';
}

const META_ATTRS = new Set(['count', 'for_each', 'depends_on', 'provider']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);

function nestedArgs(spec: TfArgSpec): Record<string, TfArgSpec> | undefined {
  return spec.args ?? spec.nested?.args;
}

/** Checks one resource block (and its nested blocks, as far as the data describes them). */
export function validateResource(block: HclBlock, data: TfSchemaData): SchemaIssue[] {
  const [type, name] = block.labels;
  const where = `${type}.${name}`;
  const schema = data.resources[type];
  if (!schema) return [{ resource: where, path: type, kind: 'unknown type' }];
  const issues: SchemaIssue[] = [];
  const check = (b: HclBlock, args: Record<string, TfArgSpec>, path: string, top: boolean) => {
    const seen = new Map<string, number>();
    for (const a of b.attrs) {
      seen.set(a.name, (seen.get(a.name) ?? 0) + 1);
      if (seen.get(a.name) === 2) issues.push({ resource: where, path: `${path}${a.name}`, kind: 'duplicate attribute' });
      if (top && META_ATTRS.has(a.name)) continue;
      const spec = args[a.name];
      if (!spec) issues.push({ resource: where, path: `${path}${a.name}`, kind: 'unknown argument' });
      else if (spec.block) issues.push({ resource: where, path: `${path}${a.name}`, kind: 'block written as attribute' });
      else if (spec.type && !literalFits(a.expr, spec.type)) issues.push({ resource: where, path: `${path}${a.name}`, kind: 'wrong value type' });
    }
    const blockCounts = new Map<string, number>();
    for (const child of b.blocks) {
      if (top && META_BLOCKS.has(child.type)) continue;
      const childName = child.type === 'dynamic' ? child.labels[0] : child.type;
      blockCounts.set(childName, (blockCounts.get(childName) ?? 0) + 1);
      const spec = args[childName];
      if (!spec) issues.push({ resource: where, path: `${path}${childName}`, kind: 'unknown block' });
      else if (!spec.block) issues.push({ resource: where, path: `${path}${childName}`, kind: 'attribute written as block' });
      else {
        const max = spec.maxItems ?? spec.max_items ?? spec.max;
        if (max !== undefined && child.type !== 'dynamic' && blockCounts.get(childName) === max + 1) issues.push({ resource: where, path: `${path}${childName}`, kind: 'too many blocks' });
        const inner = nestedArgs(spec);
        if (inner && child.type !== 'dynamic') check(child, inner, `${path}${childName}.`, false);
      }
    }
    for (const [argName, spec] of Object.entries(args)) {
      if (!spec.required) continue;
      if (!seen.has(argName) && !blockCounts.has(argName)) issues.push({ resource: where, path: `${path}${argName}`, kind: 'missing required' });
    }
  };
  check(block, schema.args, '', true);
  return issues;
}

/**
 * Whether a literal's shape can be the attribute's type (Terraform converts "true" to bool and "5" to number, so those
 * pass). References, function calls and conditionals are not judged: only what is certainly wrong is reported.
 */
export function literalFits(expr: string, type: string): boolean {
  const kind = type.replace(/\(.*$/, '');
  if (kind === 'any') return true;
  const str = /^"(?:[^"\\]|\\.)*"$/.test(expr) || /^<<-?[A-Za-z]/.test(expr) || /^jsonencode\(/.test(expr);
  const literal = str ? 'string' : /^\[/.test(expr) ? 'tuple' : /^\{/.test(expr) ? 'object' : /^(true|false)$/.test(expr) ? 'bool' : /^-?\d+(\.\d+)?$/.test(expr) ? 'number' : undefined;
  if (!literal) return true;
  // A ternary or an operator after the literal makes it an expression (`"a" == var.b ? ...`).
  if (literal !== 'string' && literal !== 'tuple' && literal !== 'object' && /\s/.test(expr)) return true;
  switch (kind) {
    case 'string':
      return literal !== 'tuple' && literal !== 'object';
    case 'number':
      return literal === 'number' || (literal === 'string' && /^"-?\d+(\.\d+)?"$/.test(expr));
    case 'bool':
      return literal === 'bool' || /^"(true|false)"$/.test(expr);
    case 'list':
    case 'set':
      return literal === 'tuple';
    case 'map':
    case 'object':
      return literal === 'object';
    default:
      return true;
  }
}

// ------------------------------------------------------------------------------------------------ classification
export type Outcome = 'full' | 'todo' | 'not converted' | 'dropped';
export interface ResourceOutcome {
  id: string;
  type: string;
  outcome: Outcome;
  blocks: string[];
  todos: string[];
  /** Some block of it fails the schema check or terraform validate (version skew aside). */
  invalid?: boolean;
}

/** Terraform names the converter gives a logical id: its snake_case, or that plus a suffix for derived resources. */
export function attribute(resources: { id: string; type: string }[], file: HclFile, snake: (id: string) => string): { outcomes: ResourceOutcome[]; unattributed: string[] } {
  const snakes = resources.map((r) => ({ ...r, snake: snake(r.id) }));
  const owned = new Map<string, HclBlock[]>();
  const unattributed: string[] = [];
  for (const b of file.blocks.filter((x) => x.type === 'resource')) {
    const name = b.labels[1] ?? '';
    let best: (typeof snakes)[number] | undefined;
    for (const r of snakes) if ((name === r.snake || name.startsWith(r.snake + '_')) && (!best || r.snake.length > best.snake.length)) best = r;
    if (best) owned.set(best.id, [...(owned.get(best.id) ?? []), b]);
    else unattributed.push(`${b.labels[0]}.${name}`);
  }
  const outcomes = resources.map((r): ResourceOutcome => {
    const blocks = owned.get(r.id) ?? [];
    const mentions = (s: string) => new RegExp(`(^|[^A-Za-z0-9])${r.id.replace(/[^A-Za-z0-9]/g, '\\$&')}([^A-Za-z0-9]|$)`).test(s);
    const topTodos = file.comments.filter((c) => /\bTODO\b/.test(c) && mentions(c));
    const todos = [...topTodos];
    for (const b of blocks) {
      todos.push(...b.comments.filter((c) => /\bTODO\b/.test(c)));
      const valueTodo = (x: HclBlock): HclAttr[] => [...x.attrs.filter((a) => a.todo), ...x.blocks.flatMap(valueTodo)];
      todos.push(...valueTodo(b).map((a) => `TODO written as the value of ${a.name}`));
    }
    let outcome: Outcome;
    if (blocks.length) outcome = todos.length ? 'todo' : 'full';
    else outcome = topTodos.length || file.comments.some(mentions) ? 'not converted' : 'dropped';
    return { id: r.id, type: r.type, outcome, blocks: blocks.map((b) => `${b.labels[0]}.${b.labels[1]}`), todos };
  });
  return { outcomes, unattributed };
}

/** A TODO text without its specifics (logical ids, quoted names, numbers), so that one cause counts once per kind. */
/**
 * A TODO that states a documented absence in Terraform (UpdateReplacePolicy Snapshot, CreationPolicy, AWS::StackId)
 * rather than something the converter could still write: counted apart in the eval, never as converted.
 */
export const isNoEquivalentTodo = (text: string): boolean => /\bhas no Terraform equivalent\b/.test(text);

export function todoCause(text: string, ids: readonly string[]): string {
  let s = text.replace(/^TODO:?\s*/, '');
  for (const id of [...ids].sort((a, b) => b.length - a.length)) s = s.replace(new RegExp(`(?<![A-Za-z0-9:])${id.replace(/[^A-Za-z0-9]/g, '\\$&')}(?![A-Za-z0-9])`, 'g'), '<id>');
  return s
    .replace(/^<id>:\s*/, '')
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\b\d+\b/g, 'N')
    .replace(/aws_[a-z0-9_]+\.[a-z0-9_]+/g, '<ref>')
    .trim();
}

/** Variable names Terraform reserves (a whole-file error; the CLI would refuse the file). */
export const RESERVED_VARIABLES = new Set(['source', 'version', 'providers', 'count', 'for_each', 'lifecycle', 'depends_on', 'locals']);

/** The resource block holding a line, and whether the line is directly in it (not in a nested block). */
export function resourceAt(file: HclFile, line: number): { block: HclBlock; topLevel: boolean } | undefined {
  const block = file.blocks.find((b) => b.type === 'resource' && b.line <= line && line <= b.endLine);
  if (!block) return undefined;
  return { block, topLevel: !block.blocks.some((c) => c.line <= line && line <= c.endLine) };
}

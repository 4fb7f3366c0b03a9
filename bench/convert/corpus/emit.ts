// Writes a template object as CloudFormation YAML (short-form `!Ref` tags or long-form `Fn::` keys) or JSON.
// The corpus generator builds templates as plain objects with long-form intrinsics; this decides the spelling.

type Value = unknown;
const SHORT: Record<string, string> = {
  Ref: '!Ref', 'Fn::GetAtt': '!GetAtt', 'Fn::Sub': '!Sub', 'Fn::Join': '!Join', 'Fn::If': '!If', 'Fn::Select': '!Select',
  'Fn::GetAZs': '!GetAZs', 'Fn::FindInMap': '!FindInMap', 'Fn::Equals': '!Equals', 'Fn::Not': '!Not', 'Fn::And': '!And',
  'Fn::Or': '!Or', 'Fn::ImportValue': '!ImportValue', 'Fn::Base64': '!Base64', 'Fn::Split': '!Split', 'Fn::Cidr': '!Cidr',
  Condition: '!Condition',
};

const isObj = (v: Value): v is Record<string, Value> => typeof v === 'object' && v !== null && !Array.isArray(v);

function intrinsicOf(v: Value, short: boolean): [string, Value] | undefined {
  if (!short || !isObj(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1 || !SHORT[keys[0]]) return undefined;
  return [keys[0], v[keys[0]]];
}

function scalar(v: Value, flow = false): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  const plainUnsafe =
    s === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) || /: |\s#|\s$/.test(s) || /^(true|false|yes|no|on|off|null|~)$/i.test(s) ||
    /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s) || /^0[xo]/.test(s) || (flow && /[,[\]{}]/.test(s)) || s.endsWith(':');
  return plainUnsafe ? `'${s.replace(/'/g, "''")}'` : s;
}

/** One-line spelling, or undefined when the value needs block layout. */
function inline(v: Value, short: boolean, flow = false): string | undefined {
  if (typeof v === 'string' && v.includes('\n')) return undefined;
  if (!isObj(v) && !Array.isArray(v)) return scalar(v, flow);
  const intr = intrinsicOf(v, short);
  if (intr) {
    const [fn, arg] = intr;
    if (fn === 'Fn::GetAtt' && Array.isArray(arg) && typeof arg[1] === 'string') return `!GetAtt ${arg[0]}.${arg[1]}`;
    const a = inline(arg, short, true);
    return a === undefined ? undefined : `${SHORT[fn]} ${a}`;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.length > 6) return undefined;
    const parts = v.map((x) => inline(x, short, true));
    if (parts.some((p) => p === undefined)) return undefined;
    const text = `[${parts.join(', ')}]`;
    return text.length > 70 ? undefined : text;
  }
  if (Object.keys(v).length === 0) return '{}';
  return undefined;
}

function block(v: Value, ind: string, short: boolean): string[] {
  if (Array.isArray(v)) {
    const lines: string[] = [];
    for (const item of v) {
      const one = !isObj(item) || intrinsicOf(item, short) || Object.keys(item).length === 0 ? inline(item, short) : undefined;
      if (one !== undefined) lines.push(`${ind}- ${one}`);
      else {
        const sub = valueLines(item, ind + '  ', short);
        if (sub.head !== undefined) lines.push(`${ind}- ${sub.head}`, ...sub.body);
        else lines.push(`${ind}- ${sub.body[0].slice(ind.length + 2)}`, ...sub.body.slice(1));
      }
    }
    return lines;
  }
  const lines: string[] = [];
  for (const [k, val] of Object.entries(v as Record<string, Value>)) {
    const key = scalar(k);
    const sub = valueLines(val, ind + '  ', short);
    if (sub.head !== undefined && sub.body.length === 0) lines.push(`${ind}${key}: ${sub.head}`);
    else if (sub.head !== undefined) lines.push(`${ind}${key}: ${sub.head}`, ...sub.body);
    else lines.push(`${ind}${key}:`, ...sub.body);
  }
  return lines;
}

/** head: text after `key: ` (or `- `), body: following lines at `ind`. */
function valueLines(v: Value, ind: string, short: boolean): { head?: string; body: string[] } {
  if (typeof v === 'string' && v.includes('\n')) return { head: '|', body: v.replace(/\n$/, '').split('\n').map((l) => (l ? ind + l : '')) };
  const one = inline(v, short);
  if (one !== undefined) return { head: one, body: [] };
  const intr = intrinsicOf(v, short);
  if (intr) {
    const [fn, arg] = intr;
    const sub = valueLines(arg, ind, short);
    // A node takes one tag: `!Base64 !Sub |` is invalid, so the outer function is written long-form then.
    if (sub.head?.startsWith('!')) return { body: block({ [fn]: arg }, ind, short) };
    return { head: sub.head !== undefined ? `${SHORT[fn]} ${sub.head}` : SHORT[fn], body: sub.body };
  }
  return { body: block(v, ind, short) };
}

export function toYaml(template: Record<string, Value>, short: boolean): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(template)) {
    const sub = valueLines(v, '  ', short);
    if (sub.head !== undefined && sub.body.length === 0) out.push(`${k}: ${sub.head}`);
    else out.push(sub.head !== undefined ? `${k}: ${sub.head}` : `${k}:`, ...sub.body);
    if (k === 'Parameters' || k === 'Resources' || k === 'Conditions' || k === 'Mappings' || k === 'Globals') out.push('');
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

export function toJson(template: Record<string, Value>, indent: number): string {
  return JSON.stringify(template, null, indent) + '\n';
}

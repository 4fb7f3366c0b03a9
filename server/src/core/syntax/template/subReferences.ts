// `${Name}`, `${Res.Attr}` and the literal escape `${!Text}` inside Fn::Sub strings.
import type { Range, SubReference } from './types';

export type SubPart = { kind: 'text'; text: string } | { kind: 'ref'; name: string };

/** Splits a Sub string into literal text and references; `${!X}` becomes the literal text `${X}`. */
export function splitSubString(source: string): SubPart[] {
  const parts: SubPart[] = [];
  let text = '';
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf('${', index);
    const close = open < 0 ? -1 : source.indexOf('}', open + 2);
    if (open < 0 || close < 0) {
      text += source.slice(index);
      break;
    }
    text += source.slice(index, open);
    const inner = source.slice(open + 2, close);
    if (inner.startsWith('!')) {
      text += '${' + inner.slice(1) + '}';
    } else {
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'ref', name: inner.trim() });
    }
    index = close + 1;
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/**
 * Finds `${...}` references in the source text of a Sub string (scanning the raw text keeps exact ranges
 * for plain, quoted and block scalars alike).
 */
export function findSubReferences(text: string, range: Range, localNames: ReadonlySet<string>): SubReference[] {
  const refs: SubReference[] = [];
  const source = text.slice(range.start, range.end);
  // indexOf rather than /\$\{([^}]*)\}/g: the regex retries at every `${` up to the end when no `}` follows
  // (quadratic: 50k `${` made every hover take seconds).
  let close = -1;
  for (let open = source.indexOf('${'); open >= 0; open = source.indexOf('${', close + 1)) {
    if (close < open) close = source.indexOf('}', open + 2);
    if (close < 0) break;
    const inner = source.slice(open + 2, close);
    if (inner.startsWith('!')) continue;
    const leading = inner.length - inner.trimStart().length;
    const name = inner.trim();
    if (!name) continue;
    const start = range.start + open + 2 + leading;
    const dot = name.indexOf('.');
    const target = dot < 0 ? name : name.slice(0, dot);
    refs.push({
      text: name,
      range: { start, end: start + name.length },
      target,
      attribute: dot < 0 ? undefined : name.slice(dot + 1),
      local: localNames.has(name) || localNames.has(target),
    });
  }
  return refs;
}

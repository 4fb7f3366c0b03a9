// Turns the `yaml` library's AST into the model's own position-keeping tree and recognises function calls
// (short tags and long `Fn::X` keys) on the way.
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node as YamlNode } from 'yaml';
import { LIST_ARGUMENT_FUNCTIONS, LONG_KEYS, SHORT_TAGS } from './intrinsics';
import { findSubReferences } from './subReferences';
import type { CfnIntrinsic, CfnMapping, CfnNameRef, CfnNode, CfnPair, CfnScalar, IntrinsicName, Range } from './types';

interface BuildContext {
  text: string;
  doc: Document;
  intrinsics: CfnIntrinsic[];
  /** Guards alias cycles. */
  aliasDepth: number;
  /** Shared count of alias expansions: a "billion laughs" alias bomb must not expand exponentially. */
  aliasBudget: { left: number };
}

const MAX_ALIAS_EXPANSIONS = 1000;

export function buildTree(doc: Document, text: string): { root: CfnNode | undefined; intrinsics: CfnIntrinsic[] } {
  const ctx: BuildContext = { text, doc, intrinsics: [], aliasDepth: 0, aliasBudget: { left: MAX_ALIAS_EXPANSIONS } };
  const root = doc.contents ? build(doc.contents as YamlNode, ctx, [], 0) : undefined;
  ctx.intrinsics.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  return { root, intrinsics: ctx.intrinsics };
}

function rangeOf(node: YamlNode | null | undefined, fallback: number): Range {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : { start: fallback, end: fallback };
}

function keyText(key: unknown): string {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  if (key === null || key === undefined) return '';
  return String((key as { toString(): string }).toString());
}

/**
 * Builds one node. `minStart` is where the node's own text may begin (after the previous sibling or key), used
 * to find a tag written before the node: the library's ranges start after the tag.
 */
function build(node: YamlNode, ctx: BuildContext, path: (string | number)[], minStart: number): CfnNode {
  if (isAlias(node)) {
    const target = ctx.aliasDepth < 20 && ctx.aliasBudget.left > 0 ? node.resolve(ctx.doc) : undefined;
    if (target) {
      ctx.aliasBudget.left--;
      ctx.aliasDepth++;
      const built = build(target as YamlNode, { ...ctx, intrinsics: [] }, path, minStart);
      ctx.aliasDepth--;
      return { ...built, range: rangeOf(node, minStart), intrinsic: undefined };
    }
    return scalarNode(rangeOf(node, minStart), `*${node.source}`, false);
  }
  let result: CfnNode;
  if (isMap(node)) {
    const pairs: CfnPair[] = [];
    let cursor = node.range?.[0] ?? minStart;
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as YamlNode | null;
      const keyRange = rangeOf(keyNode, cursor);
      const key = keyText(item.key);
      const valueNode = item.value as YamlNode | null;
      const value = valueNode ? build(valueNode, ctx, [...path, key], keyRange.end) : undefined;
      const end = value ? Math.max(value.range.end, keyRange.end) : keyRange.end;
      pairs.push({ key, keyRange, value, range: { start: keyRange.start, end } });
      cursor = end;
    }
    result = { kind: 'mapping', pairs, range: rangeOf(node, minStart) };
  } else if (isSeq(node)) {
    const items: CfnNode[] = [];
    let cursor = node.range?.[0] ?? minStart;
    node.items.forEach((item, index) => {
      if (isPair(item)) return; // `- a: b` inside a flow sequence is a one-pair map in the AST already
      if (item === null || item === undefined) return;
      const built = build(item as YamlNode, ctx, [...path, index], cursor);
      items.push(built);
      cursor = built.range.end;
    });
    result = { kind: 'sequence', items, range: rangeOf(node, minStart) };
  } else if (isScalar(node)) {
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    const value = node.value as CfnScalar['value'];
    result = scalarNode(rangeOf(node, minStart), value === undefined ? null : value, quoted);
  } else {
    result = scalarNode(rangeOf(node, minStart), null, false);
  }
  if (node.tag) result.tag = node.tag;

  const shortFn = node.tag ? SHORT_TAGS.get(node.tag) : undefined;
  if (shortFn) attachShortForm(result, shortFn, ctx, minStart, path);
  else if (result.kind === 'mapping') attachLongForm(result, ctx, path);
  return result;
}

function scalarNode(range: Range, value: CfnScalar['value'], quoted: boolean): CfnScalar {
  const valueRange = quoted && range.end - range.start >= 2 ? { start: range.start + 1, end: range.end - 1 } : { ...range };
  return { kind: 'scalar', value, range, valueRange, quoted };
}

function attachShortForm(node: CfnNode, fn: IntrinsicName, ctx: BuildContext, minStart: number, path: (string | number)[]): void {
  const tag = node.tag!;
  const tagStart = ctx.text.lastIndexOf(tag, node.range.start);
  const start = tagStart >= minStart ? tagStart : node.range.start;
  const nameRange = { start, end: tagStart >= minStart ? start + tag.length : start };
  // The argument is the same node without its tag.
  const argument: CfnNode = { ...node, tag: undefined, intrinsic: undefined };
  delete argument.tag;
  delete argument.intrinsic;
  // `!GetAZs {Ref: AWS::Region}`: the tagged mapping may itself be a long-form call.
  if (argument.kind === 'mapping') attachLongForm(argument, ctx, path);
  const range = { start, end: Math.max(node.range.end, nameRange.end) };
  node.intrinsic = makeIntrinsic(fn, 'short', range, nameRange, argument, ctx);
}

function attachLongForm(node: CfnMapping, ctx: BuildContext, path: (string | number)[]): void {
  if (node.pairs.length !== 1) return;
  const [pair] = node.pairs;
  const fn = LONG_KEYS.get(pair.key);
  if (!fn || !pair.value) return;
  if (fn === 'Condition') {
    // `Condition: Name` is also a resource/output attribute and an IAM statement key; only a one-key mapping
    // with a name, away from the resource level, is the function.
    const underEntry = path.length === 2 && (path[0] === 'Resources' || path[0] === 'Outputs');
    if (underEntry || pair.value.kind !== 'scalar' || typeof pair.value.value !== 'string') return;
  }
  node.intrinsic = makeIntrinsic(fn, 'long', node.range, pair.keyRange, pair.value, ctx);
}

function makeIntrinsic(
  fn: IntrinsicName,
  form: 'short' | 'long',
  range: Range,
  nameRange: Range,
  argument: CfnNode,
  ctx: BuildContext,
): CfnIntrinsic {
  let args: CfnNode[];
  if (fn === 'GetAtt' && argument.kind === 'scalar' && !argument.intrinsic) args = splitGetAttString(argument, ctx.text);
  else if (LIST_ARGUMENT_FUNCTIONS.has(fn) && argument.kind === 'sequence' && !argument.intrinsic) args = argument.items;
  else args = [argument];
  const intrinsic: CfnIntrinsic = { fn, form, range, nameRange, args };
  if (fn === 'Ref' || fn === 'Condition' || fn === 'GetAtt') {
    intrinsic.target = nameRefOf(args[0]);
    if (fn === 'GetAtt' && args[1]) intrinsic.attribute = nameRefOf(args[1]);
  }
  if (fn === 'Sub') {
    const template = args[0];
    if (template && template.kind === 'scalar' && typeof template.value === 'string') {
      const locals = new Set<string>();
      const vars = args[1];
      if (vars && vars.kind === 'mapping') for (const p of vars.pairs) locals.add(p.key);
      intrinsic.subReferences = findSubReferences(ctx.text, template.range, locals);
    } else {
      intrinsic.subReferences = [];
    }
  }
  ctx.intrinsics.push(intrinsic);
  return intrinsic;
}

function nameRefOf(node: CfnNode | undefined): CfnNameRef | undefined {
  if (!node || node.kind !== 'scalar' || node.intrinsic || node.value === null) return undefined;
  return { name: String(node.value), range: node.valueRange };
}

/** `!GetAtt Queue.Arn` -> two scalars with their own ranges (whole range for both when escapes hide them). */
function splitGetAttString(node: CfnScalar, text: string): CfnNode[] {
  const value = node.value === null ? '' : String(node.value);
  const dot = value.indexOf('.');
  const exact = text.slice(node.valueRange.start, node.valueRange.end) === value;
  const base = node.valueRange.start;
  const part = (s: string, from: number): CfnScalar => {
    const r = exact ? { start: base + from, end: base + from + s.length } : { ...node.valueRange };
    return { kind: 'scalar', value: s, range: r, valueRange: r, quoted: false };
  };
  if (dot < 0) return [part(value, 0)];
  return [part(value.slice(0, dot), 0), part(value.slice(dot + 1), dot + 1)];
}

// Properties checked against the complete schema at every depth: unknown keys (with "did you mean"), missing
// required keys of nested objects, a value of the wrong shape or primitive type, a value outside an enum.
// Silent wherever the template is not literal: function calls (`!If`, `Fn::Transform`, `Fn::ForEach`...),
// YAML tags, `${}` placeholders, and open types (Json, unions, types the data lacks).
import type { CfnProperty, CfnResourceType } from '../../data/types';
import type { CfnNode, CfnTemplate, Range } from '../../syntax/template/types';
import { ownerName, shapeOf, type Shape } from './propertySchema';

export type PropertyProblem =
  | { kind: 'unknownKey'; range: Range; key: string; owner: string; suggestion?: string }
  | { kind: 'missingKeys'; range: Range; keys: string[]; owner: string }
  | { kind: 'wrongType'; range: Range; key: string; expected: string }
  | { kind: 'notAllowed'; range: Range; key: string; value: string; allowed: string[] };

const MAX_DEPTH = 20;

/** Problems of one resource's `Properties` mapping; `closest` suggests a key for a typo. */
export function propertyProblems(
  cfnType: string,
  type: CfnResourceType,
  properties: CfnNode,
  closest: (word: string, candidates: readonly string[]) => string | undefined,
): PropertyProblem[] {
  // Summary tables (no propertyTypes) only know the top level, which the caller checks already.
  if (!type.propertyTypes) return [];
  const out: PropertyProblem[] = [];
  const isCall = (node: CfnNode) => !!node.intrinsic || !!node.tag;

  const checkObject = (node: CfnNode, shape: Extract<Shape, { kind: 'object' }>, depth: number, keyRange: Range | undefined) => {
    if (node.kind !== 'mapping') return;
    // A key like `Fn::If` or `Fn::ForEach::X` inside the mapping makes its keys dynamic.
    if (node.pairs.some((p) => p.key.startsWith('Fn::') || p.key === 'Ref')) return;
    const known = Object.keys(shape.properties);
    for (const pair of node.pairs) {
      const spec = Object.hasOwn(shape.properties, pair.key) ? shape.properties[pair.key] : undefined;
      if (!spec) {
        out.push({ kind: 'unknownKey', range: pair.keyRange, key: pair.key, owner: ownerName(cfnType, shape.name), suggestion: closest(pair.key, known) });
        continue;
      }
      if (pair.value) checkValue(pair.value, spec, pair.key, depth + 1, pair.keyRange);
    }
    // The top level's required properties are reported on the logical id by the caller.
    if (depth > 0 && keyRange) {
      const present = new Set(node.pairs.map((p) => p.key));
      const missing = Object.entries(shape.properties).filter(([k, p]) => p.required && !present.has(k)).map(([k]) => k);
      if (missing.length) out.push({ kind: 'missingKeys', range: keyRange, keys: missing, owner: ownerName(cfnType, shape.name) });
    }
  };

  const checkShape = (node: CfnNode, shape: Shape, key: string, keyRange: Range | undefined, expected: string, depth: number, spec?: CfnProperty) => {
    if (depth > MAX_DEPTH || isCall(node)) return;
    switch (shape.kind) {
      case 'open':
        return;
      case 'object':
        if (node.kind !== 'mapping') return void out.push({ kind: 'wrongType', range: node.range, key, expected });
        return checkObject(node, shape, depth, keyRange);
      case 'list':
        if (node.kind !== 'sequence') {
          // A scalar where a list of scalars is expected: CloudFormation accepts neither, but a `${}` or an
          // imported comma list is often meant; only a mapping is clearly wrong.
          if (node.kind === 'mapping') out.push({ kind: 'wrongType', range: node.range, key, expected });
          return;
        }
        for (const item of node.items) checkShape(item, shapeOf(type, shape.item), key, item.range, shape.item, depth + 1, spec);
        return;
      case 'map':
        if (node.kind !== 'mapping') {
          if (node.kind === 'sequence') out.push({ kind: 'wrongType', range: node.range, key, expected });
          return;
        }
        if (node.pairs.some((p) => p.key.startsWith('Fn::') || p.key === 'Ref')) return;
        for (const pair of node.pairs) if (pair.value) checkShape(pair.value, shapeOf(type, shape.item), key, pair.keyRange, shape.item, depth + 1, spec);
        return;
      case 'primitive':
        return checkPrimitive(node, shape.name, key, spec);
    }
  };

  const checkValue = (node: CfnNode, spec: CfnProperty, key: string, depth: number, keyRange: Range) =>
    checkShape(node, shapeOf(type, spec.type), key, keyRange, spec.type, depth, spec);

  const checkPrimitive = (node: CfnNode, name: string, key: string, spec: CfnProperty | undefined) => {
    if (node.kind !== 'scalar') {
      out.push({ kind: 'wrongType', range: node.range, key, expected: name });
      return;
    }
    const value = node.value;
    if (value === null) return;
    const text = String(value);
    if (/\$\{|&\{/.test(text)) return; // a placeholder filled in later (Sub, ForEach)
    if (name === 'Boolean' && !/^(true|false)$/i.test(text)) out.push({ kind: 'wrongType', range: node.range, key, expected: name });
    else if ((name === 'Integer' || name === 'Long') && !/^[+-]?\d+$/.test(text.trim())) out.push({ kind: 'wrongType', range: node.range, key, expected: name });
    else if ((name === 'Double' || name === 'Number') && (text.trim() === '' || Number.isNaN(Number(text)))) out.push({ kind: 'wrongType', range: node.range, key, expected: name });
    else if (name === 'String' && spec?.allowed?.length && typeof value === 'string' && !spec.allowed.includes(text)) {
      // Enums: exact spelling first; AWS accepts other cases for some, so a case-only difference is let pass.
      if (!spec.allowed.some((a) => a.toLowerCase() === text.toLowerCase())) out.push({ kind: 'notAllowed', range: node.valueRange, key, value: text, allowed: spec.allowed });
    }
  };

  if (isCall(properties)) return out;
  checkObject(properties, { kind: 'object', name: '', properties: type.properties }, 0, undefined);
  return out;
}

/** Custom macros may rewrite anything: only the well-known transforms keep the template literal. */
export function literalTemplate(template: CfnTemplate): boolean {
  return template.transforms.every((t) => t === 'AWS::Serverless-2016-10-31' || t === 'AWS::LanguageExtensions');
}
